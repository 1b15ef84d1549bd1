"""Citation picker: query detection, keyboard flow, off-thread search with stale results dropped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from drafter.drafting.markup import parse_markup
from drafter.drafting.model import Cite, Text
from drafter.gui.body_editor import BodyEditor
from drafter.gui.body_text import CITE_BACKGROUND, span_at
from drafter.gui.citation_picker import fallback_query, find_query, format_entry_row


@pytest.mark.parametrize("text, expected", [
    ("Thực hiện kl 21", (10, "kl 21")),
    ("Thực hiện kl 2", (10, "kl 2")),
    ("theo kết luận 21", (5, "kết luận 21")),
    ("theo Kết luận số 21", (5, "Kết luận số 21")),
    ("theo ket luan 21", (5, "ket luan 21")),
    ("gắn với nghị quyết 28 phương thức", (8, "nghị quyết 28 phương thức")),
    ("gắn với nghị quyết 28 phương thức ", (8, "nghị quyết 28 phương thức")),
    ("thực hiện 21-KL/TW", (10, "21-KL/TW")),
    ("thực hiện 21-KL", (10, "21-KL")),
    ("chỉ thi 05 hoc tap lam theo", (0, "chỉ thi 05 hoc tap lam theo")),
    ("QĐ 37", (0, "QĐ 37")),
    ("các văn bản (kl 21", (13, "kl 21")),
    ("Theo Kết luận,kl 21", (14, "kl 21")),
    ("Kết luận", None),  # no number yet
    ("Hội nghị được tổ chức vào ngày 25", None),
    ("Sau hơn 01 năm thực hiện", None),
    ("theo kl 21.", None),  # the sentence ended
    ("theo kl 21; tiếp tục đẩy mạnh", None),
    ("kl 21 một hai ba bốn năm sáu bảy", None),  # too many words after the number
    ("", None),
])
def test_find_query(text, expected):
    assert find_query(text) == expected


def test_fallback_query_takes_the_words_of_the_clause():
    assert fallback_query("Kết luận này; đổi mới phương thức") == (14, "đổi mới phương thức")
    assert fallback_query("") == (0, "")


def test_row_shows_type_number_date_issuer_subject_and_reasons(fake_registry):
    row = format_entry_row(fake_registry.get(1), ("khớp số", "khớp ký hiệu"))
    first, second = row.split("\n")
    assert first == "Kết luận 21-KL/TW · 25/10/2021 · Ban Chấp hành Trung ương Đảng khóa XIII"
    assert second == "khớp số, khớp ký hiệu — đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị"


@pytest.fixture
def editor(qtbot, fake_registry):
    widget = BodyEditor(fake_registry)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    widget.editor.setFocus()
    yield widget
    widget.picker.worker.wait_idle()


def _type_and_wait(qtbot, keys, editor, text):
    with qtbot.waitSignal(editor.picker.resultsShown, timeout=5000) as blocker:
        keys.type(editor.editor, text)
    return blocker.args[0]


def test_typing_opens_picker_and_enter_inserts_a_highlighted_reference(qtbot, keys, editor):
    keys.type(editor.editor, "Thực hiện ")
    assert not editor.picker.is_open()
    assert _type_and_wait(qtbot, keys, editor, "kl 21") == 2
    assert editor.picker.is_open()
    assert {r.entry.id for r in editor.picker.rows()} == {1, 3}
    second = editor.picker.rows()[1].entry
    keys.press(editor.editor, Qt.Key.Key_Down)
    assert editor.picker.current_index() == 1
    with qtbot.waitSignal(editor.citationInserted, timeout=1000):
        keys.press(editor.editor, Qt.Key.Key_Return)
    assert not editor.picker.is_open()
    (block,) = editor.body()
    assert block.segments[0] == Text("Thực hiện ")
    cite = block.segments[1]
    assert isinstance(cite, Cite) and cite.ref.entry_id == second.id
    assert cite.ref.number_code == second.number_code and cite.ref.date == second.date
    doc = editor.editor.document()
    start, end = span_at(doc, len("Thực hiện "))
    assert doc.toPlainText()[start:end] == f"Kết luận số {second.number_code}"
    cursor = QTextCursor(doc)
    cursor.setPosition(start + 1)
    assert cursor.charFormat().background().color() == CITE_BACKGROUND
    keys.type(editor.editor, " của Tỉnh ủy")
    assert editor.body()[0].segments[2] == Text(" của Tỉnh ủy")


def test_tab_accepts_and_vietnamese_query(qtbot, keys, editor):
    _type_and_wait(qtbot, keys, editor, "nghị quyết 28 phương thức")
    assert editor.picker.rows()[0].entry.id == 4
    keys.press(editor.editor, Qt.Key.Key_Tab)
    assert editor.cited_entry_ids() == [4]
    assert "nghị quyết" not in editor.editor.toPlainText()


def test_up_wraps_and_escape_closes_without_reopening(qtbot, keys, editor):
    _type_and_wait(qtbot, keys, editor, "kl 21")
    keys.press(editor.editor, Qt.Key.Key_Up)
    assert editor.picker.current_index() == 1
    with qtbot.waitSignal(editor.picker.closed, timeout=1000):
        keys.press(editor.editor, Qt.Key.Key_Escape)
    assert not editor.picker.is_open()
    keys.type(editor.editor, " x")  # same citation anchor: stays closed
    assert not editor.picker.is_open()
    assert editor.body()[0].segments == (Text("kl 21 x"),)


def test_ctrl_space_opens_on_the_words_before_the_cursor(qtbot, keys, editor):
    keys.type(editor.editor, "Gắn với phương thức")
    assert not editor.picker.is_open()
    with qtbot.waitSignal(editor.picker.resultsShown, timeout=5000):
        keys.press(editor.editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert editor.picker.rows()[0].entry.id == 4
    keys.press(editor.editor, Qt.Key.Key_Enter)
    assert editor.cited_entry_ids() == [4]


def test_stale_results_are_dropped(qtbot, keys, editor, fake_registry, gate):
    slow = fake_registry.gates["kl 2"] = gate()
    keys.type(editor.editor, "kl 2")
    qtbot.waitUntil(lambda: fake_registry.queries == ["kl 2"], timeout=5000)  # the slow search runs
    stale_seq = editor.picker.worker.latest
    keys.type(editor.editor, "1")  # a newer request while the old one is still searching
    with qtbot.waitSignal(editor.picker.worker.staleDropped, timeout=5000) as dropped, \
            qtbot.waitSignal(editor.picker.resultsShown, timeout=5000) as shown:
        slow.set()
    assert dropped.args == [stale_seq]
    assert shown.args == [2]
    assert fake_registry.queries == ["kl 2", "kl 21"]
    assert {r.entry.id for r in editor.picker.rows()} == {1, 3}


def test_requests_queued_behind_a_slow_search_are_skipped(qtbot, keys, editor, fake_registry, gate):
    slow = fake_registry.gates["kl 2"] = gate()
    keys.type(editor.editor, "kl 2")
    qtbot.waitUntil(lambda: fake_registry.queries == ["kl 2"], timeout=5000)
    keys.type(editor.editor, "1 kết")  # four more keystrokes while the worker is busy
    with qtbot.waitSignal(editor.picker.resultsShown, timeout=5000):
        slow.set()
    assert fake_registry.queries == ["kl 2", "kl 21 kết"]  # the intermediate prefixes never searched


def test_documents_already_cited_come_first(qtbot, keys, editor, fake_registry):
    editor.set_body(parse_markup("Theo [[cite:21-KL/TU|2022-03-01|Tỉnh Bình Dương|id=3]], ").body)
    editor.editor.moveCursor(QTextCursor.MoveOperation.End)
    _type_and_wait(qtbot, keys, editor, "kl 21")
    assert fake_registry.boosts[-1] == (3,)
    assert [r.entry.id for r in editor.picker.rows()] == [3, 1]


def test_span_text_does_not_reopen_the_picker(qtbot, keys, editor, fake_registry):
    editor.set_body(parse_markup("Theo [[cite:21-KL/TW|2021-10-25|TW|id=1]]").body)
    editor.editor.moveCursor(QTextCursor.MoveOperation.End)
    keys.type(editor.editor, " và")
    editor.picker.worker.wait_idle()
    assert fake_registry.queries == []
    assert not editor.picker.is_open()


@pytest.fixture
def big_editor(qtbot, big_registry_path):
    from drafter.registry import open_registry

    registry = open_registry(big_registry_path, starter=False)
    assert registry.count() == 100_000
    widget = BodyEditor(registry)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    widget.editor.setFocus()
    yield widget
    widget.picker.worker.wait_idle()
    registry.close()


@pytest.mark.parametrize("typed, number, code_prefix", [
    ("Thực hiện kl 21", "21", "KL/"),
    ("theo nghị quyết 28", "28", "NQ/"),
    ("theo chỉ thị 5", "5", "CT/"),
])
def test_picker_with_100k_registry(qtbot, keys, big_editor, typed, number, code_prefix):
    prefix, query = typed.rsplit(" ", 2)[0], " ".join(typed.rsplit(" ", 2)[1:])
    keys.type(big_editor.editor, prefix + " ")
    assert _type_and_wait(qtbot, keys, big_editor, query) > 0
    top = big_editor.picker.rows()[0].entry
    assert int(top.number) == int(number) and top.code.startswith(code_prefix)
    keys.press(big_editor.editor, Qt.Key.Key_Return)
    assert big_editor.cited_entry_ids() == [top.id]
    assert isinstance(big_editor.body()[0].segments[-1], Cite)


def test_picker_closes_when_the_editor_loses_focus(qtbot, keys, editor):
    _type_and_wait(qtbot, keys, editor, "kl 21")
    editor.outline.setFocus()
    qtbot.waitUntil(lambda: not editor.picker.is_open(), timeout=2000)


def test_space_typed_after_the_query_is_kept(qtbot, keys, editor):
    keys.type(editor.editor, "Theo ")
    _type_and_wait(qtbot, keys, editor, "kl 21")
    keys.type(editor.editor, " ")  # same query: the list stays as it is
    assert editor.picker.is_open()
    keys.press(editor.editor, Qt.Key.Key_Return)
    keys.type(editor.editor, "và")
    (block,) = editor.body()
    assert [type(s) for s in block.segments] == [Text, Cite, Text]
    assert block.segments[2] == Text(" và")


def test_moving_out_of_the_query_closes_the_picker(qtbot, keys, editor):
    keys.type(editor.editor, "Theo ")
    _type_and_wait(qtbot, keys, editor, "kl 21")
    for _ in range(3):  # to "Theo kl| 21": no number before the cursor any more
        keys.press(editor.editor, Qt.Key.Key_Left)
    assert not editor.picker.is_open()


def test_recently_cited_documents_are_boosted_after_the_cited_ones(qtbot, keys, editor, fake_registry):
    editor.set_recent_ids([5, 3])
    editor.set_body(parse_markup("Theo [[cite:28-NQ/TW|2023-11-17|TW|id=4]], ").body)
    editor.editor.moveCursor(QTextCursor.MoveOperation.End)
    keys.type(editor.editor, " ")
    _type_and_wait(qtbot, keys, editor, "kl 21")
    assert fake_registry.boosts[-1] == (4, 5, 3)
    keys.press(editor.editor, Qt.Key.Key_Down)
    keys.press(editor.editor, Qt.Key.Key_Return)
    assert editor.recent_ids()[0] == editor.cited_entry_ids()[1]


def test_ctrl_space_without_a_registry_says_so(qtbot, keys):
    widget = BodyEditor(None)
    qtbot.addWidget(widget)
    widget.show()
    keys.type(widget.editor, "kl 21")
    assert not widget.picker.is_open()
    keys.press(widget.editor, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert widget.picker.is_open() and widget.picker.rows() == []
    assert widget.picker.list.item(0).text() == "Sổ văn bản chưa sẵn sàng; hãy thử lại sau giây lát."
    keys.press(widget.editor, Qt.Key.Key_Return)  # nothing to insert: the list just closes
    assert not widget.picker.is_open() and widget.body()[0].segments == (Text("kl 21"),)


def test_typing_goes_on_while_a_search_is_blocked(qtbot, keys, editor, fake_registry, gate):
    """The search runs off the UI thread: a search that never returns does not hold up typing."""
    fake_registry.gates["kl 21"] = stuck = gate()
    keys.type(editor.editor, "kl 21")
    qtbot.waitUntil(lambda: fake_registry.queries == ["kl 21"], timeout=5000)
    keys.type(editor.editor, " xây dựng Đảng; tiếp tục thực hiện")
    assert editor.body()[0].segments == (Text("kl 21 xây dựng Đảng; tiếp tục thực hiện"),)
    assert not stuck.is_set() and not editor.picker.is_open()
