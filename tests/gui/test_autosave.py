"""Never lose work: autosave (timer and focus loss), restore after a crash, close confirmation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from drafter import recovery
from drafter.drafting import load_draft
from drafter.gui.autosave import AUTOSAVE_INTERVAL_MS, Autosaver

from .window_helpers import dialogs, make_window  # noqa: F401 - fixtures

WORK = "Nội dung đã gõ trước khi máy tắt đột ngột."


def _type_body(keys, window, text=WORK) -> None:
    editor = window.editor.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    keys.type(editor, text)


def _body_text(window) -> str:
    return window.editor.editor.toPlainText()


def test_autosave_timer_is_thirty_seconds_and_writes_only_new_work(qtbot, make_window):
    window = make_window()
    window.new_draft("ket-luan-btv")
    assert window.autosaver.active and window.autosaver._timer.interval() == AUTOSAVE_INTERVAL_MS == 30_000
    assert window.autosaver.save_now() is False  # nothing changed yet: nothing written
    assert recovery.list_recoveries() == []


def test_autosaver_fires_on_its_timer(qtbot):
    from drafter.drafting import new_draft

    drafts = iter([(new_draft("ket-luan-btv"), None, "Kết luận")])
    saver = Autosaver(lambda: next(drafts, None), interval_ms=20)
    with qtbot.waitSignal(saver.saved, timeout=2000) as saved:
        saver.start()
    saver.stop()
    written = saved.args[0]
    assert written.session == saver.session and written.title == "Kết luận"
    assert load_draft(written.path).template_id == "ket-luan-btv"


def test_focus_loss_autosaves(qtbot, keys, make_window):
    window = make_window()
    window.new_draft("ket-luan-btv")
    _type_body(keys, window)
    with qtbot.waitSignal(window.autosaver.saved, timeout=2000):
        QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    [found] = recovery.list_recoveries()
    assert WORK in str(load_draft(found.path).body)


def test_crash_then_restore_in_a_new_window(qtbot, keys, make_window, dialogs):
    crashed = make_window()
    crashed.new_draft("ket-luan-btv")
    _type_body(keys, crashed)
    assert crashed.autosaver.save_now()
    crashed.autosaver.stop()  # the crash: no close, no discard; the recovery file stays behind
    typed = crashed.editor.body()

    dialogs.answers = [0]  # "Khôi phục"
    fresh = make_window()
    assert fresh.offer_recovery()
    assert "đóng đột ngột" in dialogs.questions[-1]
    assert fresh.editor.body() == typed
    assert fresh.template.id == "ket-luan-btv"
    assert fresh.dirty and fresh.path is None
    sessions = {r.session for r in recovery.list_recoveries()}
    assert crashed.autosaver.session not in sessions  # the old file is gone ...
    assert fresh.autosaver.session in sessions  # ... once the work is safe under the new session


def test_declining_restore_discards_the_recovery(qtbot, keys, make_window, dialogs):
    crashed = make_window()
    crashed.new_draft("ket-luan-btv")
    _type_body(keys, crashed)
    crashed.autosaver.save_now()
    crashed.autosaver.stop()
    dialogs.answers = [1]  # "Bỏ bản lưu"
    fresh = make_window()
    assert fresh.offer_recovery() is False
    assert recovery.list_recoveries(exclude=fresh.autosaver.session) == []
    assert WORK not in _body_text(fresh)


def test_no_recovery_no_question(make_window, dialogs):
    assert make_window().offer_recovery() is False
    assert dialogs.questions == []


@pytest.mark.parametrize("answer, closes, saved", [(2, False, False), (1, True, False), (0, True, True)])
def test_close_with_unsaved_work_asks_save_discard_cancel(qtbot, keys, make_window, dialogs, tmp_path,
                                                          answer, closes, saved):
    window = make_window()
    window.new_draft("ket-luan-btv")
    path = tmp_path / "ket-luan.draft"
    window.save_to(path)
    before = path.read_bytes()
    _type_body(keys, window)
    assert window.dirty and "*" in window.windowTitle()
    window.autosaver.save_now()
    dialogs.answers = [answer]  # 0 Lưu, 1 Không lưu, 2 Hủy
    assert window.close() is closes
    assert "chưa lưu" in dialogs.questions[-1]
    assert window.isVisible() is not closes
    assert (path.read_bytes() != before) is saved
    if saved:
        assert WORK in str(load_draft(path).body)
    if closes:
        assert recovery.list_recoveries() == []  # a clean close leaves nothing to restore


def test_close_without_changes_does_not_ask(make_window, dialogs):
    window = make_window()
    window.new_draft("ket-luan-btv")
    assert window.close()
    assert dialogs.questions == []
