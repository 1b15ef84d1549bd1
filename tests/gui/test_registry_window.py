"""RegistryWindow: lazy browse, search, edit with version check, add/delete, conflicts, import + cancel."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from drafter.gui import import_dialog
from drafter.gui.registry_window import CHUNK, RegistryWindow
from drafter.registry import Conflict, open_registry


@pytest.fixture
def window(qtbot, small_registry):
    win = RegistryWindow(small_registry)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text, *a, **k: shown.append((title, text)))
    return shown


def _search(qtbot, keys, win, text):
    win.search_box.setFocus()
    with qtbot.waitSignal(win.viewReady, timeout=5000) as blocker:
        keys.type(win.search_box, text)
    assert blocker.args == ["search"]


def test_browse_shows_all_and_selects_the_first(window):
    assert window.model.rowCount() == 5
    assert window.form.current_entry().number_code == "21-KL/TW"
    assert window.statusBar().currentMessage() == "Sổ có 5 văn bản"


def test_browse_is_lazy(qtbot, tmp_path):
    registry = open_registry(tmp_path / "big.sqlite3", starter=False)
    registry.import_paths([_jsonl(tmp_path / "many.jsonl", range(1, CHUNK * 2 + 101))])
    win = RegistryWindow(registry)
    qtbot.addWidget(win)
    assert win.model.rowCount() == CHUNK
    assert win.model.canFetchMore(QModelIndex())
    win.model.fetchMore(QModelIndex())
    win.model.fetchMore(QModelIndex())
    assert win.model.rowCount() == CHUNK * 2 + 100
    assert not win.model.canFetchMore(QModelIndex())
    registry.close()


def test_search_box_uses_registry_search(qtbot, keys, window):
    _search(qtbot, keys, window, "nghị quyết 28 phương thức")
    assert window.model.entry(0).number_code == "28-NQ/TW"
    assert window.form.current_entry().number_code == "28-NQ/TW"
    keys.press(window.search_box, Qt.Key.Key_Down)
    assert window.table.hasFocus() or QApplication.focusWidget() is window.table
    window.search_box.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=5000)


def test_edit_and_save(qtbot, window, small_registry):
    before = window.form.current_entry()
    window.form.fields["issuer"].setText("Ban Chấp hành Trung ương")
    window.form.fields["date"].setText("26/10/2021")
    assert window.save()
    stored = small_registry.get(before.id)
    assert (stored.issuer, stored.date, stored.version) == ("Ban Chấp hành Trung ương", dt.date(2021, 10, 26),
                                                            before.version + 1)
    assert window.model.entry(0).issuer == "Ban Chấp hành Trung ương"


def test_bad_date_is_refused_with_a_vietnamese_message(window, warnings, small_registry):
    before = window.form.current_entry()
    window.form.fields["date"].setText("32/13/2021")
    assert not window.save()
    assert "ngày/tháng/năm" in warnings[0][1]
    assert small_registry.get(before.id).version == before.version


def test_version_conflict_shows_message_and_reloads(window, warnings, small_registry):
    mine = window.form.current_entry()
    with open_registry(small_registry.store.location, starter=False) as other:
        theirs = other.get(mine.id)
        other.update(theirs.with_changes(subject="nội dung do người khác sửa"))
    window.form.fields["issuer"].setText("Bộ Chính trị")
    assert not window.save()
    title, text = warnings[0]
    assert "vừa được người khác sửa" in text and "tải lại" in text
    assert window.form.subject.toPlainText() == "nội dung do người khác sửa"
    assert window.form.current_entry().version == mine.version + 1
    assert small_registry.get(mine.id).issuer == mine.issuer  # nothing overwritten


def test_add_and_delete_with_confirmation(qtbot, window, small_registry, monkeypatch):
    window.new_entry()
    window.form.type.setCurrentText("Chỉ thị")
    window.form.fields["number"].setText("35")
    window.form.fields["code"].setText("CT/TW")
    window.form.fields["date"].setText("14/6/2024")
    assert window.save()
    added = window.form.current_entry()
    assert small_registry.get(added.id).number_code == "35-CT/TW"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not window.delete_current()
    assert small_registry.get(added.id) is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.form.set_entry(added)
    assert window.delete_current()
    assert small_registry.get(added.id) is None
    assert window.model.rowCount() == 5


def test_conflicts_view_and_resolution(qtbot, window, small_registry):
    target = next(e for e in small_registry.entries() if e.number_code == "01-KL/TW")
    small_registry.update(target.with_changes(conflicts=(
        Conflict("date", "2021-05-19", "bao-cao.docx"), Conflict("issuer", "Ban Bí thư", "ds.csv"))))
    with qtbot.waitSignal(window.viewReady, timeout=5000) as blocker:
        window.conflicts_only.setChecked(True)
    assert blocker.args == ["conflicts"]
    assert window.model.rowCount() == 1
    assert window.form.conflicts.count() == 2
    window.form.conflicts.setCurrentRow(0)
    window.form.keep_theirs.click()  # take the other date
    stored = small_registry.get(target.id)
    assert stored.date == dt.date(2021, 5, 19)
    assert [c.field for c in stored.conflicts] == ["issuer"]
    window.form.conflicts.setCurrentRow(0)
    window.form.keep_ours.click()  # keep "Bộ Chính trị"
    stored = small_registry.get(target.id)
    assert stored.issuer == "Bộ Chính trị" and stored.conflicts == ()


def _jsonl(path, numbers):
    with open(path, "w", encoding="utf-8") as fh:
        for n in numbers:
            fh.write(json.dumps({"type": "Kết luận", "number": str(n), "code": "KL/TU",
                                 "date": f"2020-01-{n % 28 + 1:02d}", "issuer": "Ban Thường vụ Tỉnh ủy",
                                 "subject": f"chủ đề số {n}", "jurisdiction": "Tỉnh Nam Định"},
                                ensure_ascii=False) + "\n")
    return path


def test_import_folder_with_progress(qtbot, window, small_registry, tmp_path):
    folder = tmp_path / "kho"
    folder.mkdir()
    for i in range(3):
        _jsonl(folder / f"{i}.jsonl", range(100 + 10 * i, 110 + 10 * i))
    dialog = window.import_paths([folder], modal=False)
    with qtbot.waitSignal(dialog.finished_import, timeout=20000) as blocker:
        pass
    report = blocker.args[0]
    assert (report.files, report.created, report.cancelled) == (3, 30, False)
    assert dialog.bar.value() == dialog.bar.maximum()
    assert dialog.button.text() == "Đón&g"
    qtbot.waitUntil(lambda: window.model.rowCount() == 35, timeout=5000)
    assert small_registry.search("kl 125")[0].entry.number == "125"


def test_import_cancel_stops_between_files(qtbot, window, small_registry, tmp_path, monkeypatch):
    folder = tmp_path / "kho"
    folder.mkdir()
    for i in range(6):
        _jsonl(folder / f"{i}.jsonl", range(200 + 10 * i, 210 + 10 * i))
    reached, release = threading.Event(), threading.Event()
    real = import_dialog.run_import

    def slow(registry, paths, progress, cancel):
        def report(done, total, path):
            progress(done, total, path)
            if done == 2 and path:  # the user clicks "Hủy" while the third file is read
                reached.set()
                assert release.wait(10)
        return real(registry, paths, report, cancel)

    monkeypatch.setattr(import_dialog, "run_import", slow)
    dialog = window.import_paths([folder], modal=False)
    try:
        qtbot.waitUntil(reached.is_set, timeout=10000)
        assert dialog.button.text() == "&Hủy"
        qtbot.mouseClick(dialog.button, Qt.MouseButton.LeftButton)
        assert dialog.cancel_event.is_set()
        with qtbot.waitSignal(dialog.finished_import, timeout=20000) as blocker:
            release.set()
    finally:
        release.set()
    report = blocker.args[0]
    assert report.cancelled and report.files == 3 and report.created == 30
    assert "Đã dừng theo yêu cầu" in dialog.label.text()
    assert small_registry.count() == 5 + 30


def test_window_on_100k_registry(qtbot, keys, big_registry_path):
    registry = open_registry(big_registry_path, starter=False)
    win = RegistryWindow(registry)
    qtbot.addWidget(win)
    win.show()
    assert win.model.rowCount() == CHUNK  # only the first chunk is read
    assert win.statusBar().currentMessage() == "Sổ có 100.000 văn bản"
    _search(qtbot, keys, win, "kl 21")
    assert win.model.entry(0).number_code.startswith("21-KL/")
    win.close()
    registry.close()


def test_closing_the_window_cancels_a_running_import(qtbot, window, small_registry, tmp_path, monkeypatch):
    folder = tmp_path / "kho"
    folder.mkdir()
    for i in range(4):
        _jsonl(folder / f"{i}.jsonl", range(300 + 10 * i, 310 + 10 * i))
    reached, release = threading.Event(), threading.Event()
    real = import_dialog.run_import

    def slow(registry, paths, progress, cancel):
        def report(done, total, path):
            progress(done, total, path)
            if done == 0 and path:
                reached.set()
                assert release.wait(10)
        return real(registry, paths, report, cancel)

    monkeypatch.setattr(import_dialog, "run_import", slow)
    dialog = window.import_paths([folder], modal=False)
    qtbot.waitUntil(reached.is_set, timeout=10000)
    window.close()
    assert dialog.cancel_event.is_set()
    release.set()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=20000)
    assert dialog.report.cancelled and dialog.report.files == 1
    assert small_registry.count() == 5 + 10


def test_coming_back_to_the_window_shows_other_users_changes(qtbot, window, small_registry):
    from drafter.registry import Entry

    with open_registry(small_registry.store.location, starter=False) as other:
        other.add(Entry(None, "Thông báo", "12", "TB/TU", dt.date(2024, 1, 5), "Ban Thường vụ Tỉnh ủy"))
    assert window.model.rowCount() == 5
    elsewhere = QMainWindow()  # the user works in another window, then comes back
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow(), timeout=5000)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.model.rowCount() == 6, timeout=5000)
