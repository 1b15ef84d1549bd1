"""The main window: template picker, generated form, preview, review wiring, errors, status, settings."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel

from drafter.drafting import list_templates, load_draft, render
from drafter.gui import operations
from drafter.gui.app import WINDOW_TITLE, first_example_draft
from drafter.gui.preview import PAGE_RATIO
from drafter.gui.settings_dialog import SettingsDialog
from drafter.gui.template_dialog import TemplateDialog
from drafter.settings import Settings, load_settings, settings_path

from .window_helpers import OFFICE_SETTINGS, dialogs, make_window  # noqa: F401 - fixtures


def _refreshed(qtbot, window, timeout=10000):
    with qtbot.waitSignal(window.refreshed, timeout=timeout) as blocker:
        window.refresh_now()
    return blocker.args[0]


def test_title_and_menus(make_window):
    window = make_window()
    assert WINDOW_TITLE == "Drafter — Trợ lý soạn thảo văn bản"
    assert WINDOW_TITLE in window.windowTitle()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Tệp", "&Văn bản", "&Sổ văn bản", "&Cài đặt"]
    file_items = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]
    for expected in ("&Mới…", "&Mở…", "&Lưu", "Lưu &thành…", "Tệp &gần đây", "Xuất .&docx…", "Xuất &PDF…",
                     "&Kiểm tra tệp .docx…", "T&hoát"):
        assert expected in file_items


def test_template_dialog_lists_names_and_descriptions_and_enter_chooses(qtbot, keys):
    templates = list_templates()
    dialog = TemplateDialog(templates)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.count() == len(templates) >= 2
    first = dialog.list.item(0).text()
    assert templates[0].name in first and templates[0].description[:30] in first
    keys.press(dialog.list, Qt.Key.Key_Down)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        keys.press(dialog.list, Qt.Key.Key_Return)
    assert dialog.chosen().id == templates[1].id


def test_form_marks_required_fields_and_takes_defaults_from_settings(make_window):
    window = make_window(settings=OFFICE_SETTINGS)
    assert window.new_draft("ket-luan-btv")
    labels = {}
    for name, editor in window.form.editors.items():
        label = window.form._form.labelForField(editor.parentWidget())
        labels[name] = label.text() if isinstance(label, QLabel) else ""
    specs = {s.name: s for s in window.template.fields}
    for name, spec in specs.items():
        assert labels[name].endswith(" *") is spec.required, name
    values = window.form.values()
    assert values["place"] == "Thành phố Hồ Chí Minh"
    assert values["issuer"] == "THÀNH ỦY"
    assert values["signer_title"] == "PHÓ BÍ THƯ"
    assert window.draft.header.parent_body == "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH"


@pytest.mark.parametrize("field, text, message", [
    ("date", "32/13/2021", "Ngày không hợp lệ"),
    ("date", "hôm qua", "Ngày không hợp lệ"),
    ("place", "", "bắt buộc"),
    ("subject", "", "bắt buộc"),
])
def test_inline_validation(qtbot, keys, make_window, field, text, message):
    window = make_window()
    window.new_draft("ket-luan-btv")
    window.form.set_value(field, text)
    label = window.form.error_labels[field]
    assert not label.isHidden() and message in label.text()
    assert field in window.form.errors()
    window.form.set_value(field, "25/10/2021" if field == "date" else "về công tác cán bộ")
    assert label.isHidden() and field not in window.form.errors()


def test_preview_is_a4_and_laid_out_like_the_page(qtbot, make_window):
    window = make_window()
    window.new_draft("ket-luan-btv")
    _refreshed(qtbot, window)
    page = window.preview.page
    assert page.height() >= round(page.width() * PAGE_RATIO) - 1
    text = window.preview.text()
    order = ["ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", "THÀNH ỦY", "*", "ĐẢNG CỘNG SẢN VIỆT NAM",
             "Thành phố Hồ Chí Minh, ngày", "KẾT LUẬN", "-----", "Nơi nhận", "T/M BAN THƯỜNG VỤ", "Nguyễn Văn A"]
    positions = [text.find(part) for part in order]
    assert -1 not in positions, (order, text[:400])
    title, rule, recipients = (positions[order.index(p)] for p in ("KẾT LUẬN", "-----", "Nơi nhận"))
    assert title < rule < recipients
    html = page.toHtml()
    assert "font-style:italic" in html  # the place-date line


def test_typing_refreshes_once_after_a_pause(qtbot, keys, make_window):
    window = make_window()
    window.new_draft("ket-luan-btv")
    _refreshed(qtbot, window)
    requests = window.refresh_job._latest
    editor = window.editor.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    keys.type(editor, " Thêm một câu.")
    assert window.refresh_timer.isActive() and window.refresh_job._latest == requests  # waiting for the pause
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        pass
    assert window.refresh_job._latest == requests + 1  # one refresh for the whole burst
    assert "Thêm một câu." in window.preview.text()


def test_review_panel_click_selects_and_fix_replaces(qtbot, keys, make_window):
    window = make_window()
    window.new_draft("ket-luan-btv")
    editor = window.editor.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    keys.press(editor, Qt.Key.Key_Return)
    keys.type(editor, "Thực hiện Kết luận số 21/KL-TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng.")
    keys.press(editor, Qt.Key.Key_Escape)
    result = _refreshed(qtbot, window)
    finding = next(f for f in result.findings if f.suggestion == "21-KL/TW")
    window.review.findingActivated.emit(finding)
    assert editor.textCursor().selectedText() == "21/KL-TW"
    window.review.fixRequested.emit(finding)
    assert "21-KL/TW ngày 25/10/2021" in editor.toPlainText()
    assert "21/KL-TW" not in editor.toPlainText()
    result = _refreshed(qtbot, window)
    assert not [f for f in result.findings if f.code == finding.code]


def test_status_bar_counts(qtbot, make_window, small_registry):
    window = make_window(small_registry)
    assert window.status_registry.text() == "Sổ văn bản: 5 văn bản"
    window.new_draft("ket-luan-btv")
    assert window.status_saved.text() == "Đã lưu" and window.status_file.text() == "Văn bản chưa lưu"
    result = _refreshed(qtbot, window)
    errors = sum(f.severity == "error" for f in result.findings)
    warnings = sum(f.severity == "warning" for f in result.findings)
    assert window.status_findings.text() == f"{errors} lỗi, {warnings} cảnh báo"
    window.form.set_value("subject", "về công tác cán bộ")
    assert window.status_saved.text() == "● Chưa lưu"


@pytest.mark.parametrize("content", [b"{broken json", b"\x00\x01binary", json.dumps({"format": "other"}).encode()])
def test_bad_draft_file_is_one_vietnamese_message(make_window, dialogs, tmp_path, content):
    window = make_window()
    window.new_draft("ket-luan-btv")
    path = tmp_path / "hong.draft"
    path.write_bytes(content)
    assert window.open_path(path, confirm=False) is False
    [message] = dialogs.messages
    assert "Traceback" not in message and "hong.draft" in message
    assert window.template.id == "ket-luan-btv"  # the window keeps the draft it had


def test_open_save_and_recent_files(qtbot, make_window, tmp_path):
    window = make_window()
    window.new_draft("chi-thi")
    path = tmp_path / "chi-thi.draft"
    assert window.save_to(path)
    assert load_draft(path).template_id == "chi-thi"
    assert window.settings.recent_files[0] == str(path.resolve())
    assert load_settings()[0].recent_files[0] == str(path.resolve())
    other = make_window(load_settings=True)
    assert other.recent_menu.actions()[0].text() == str(path.resolve())
    other.recent_menu.actions()[0].trigger()
    assert other.path == path and other.template.id == "chi-thi" and not other.dirty


def test_opened_example_renders_as_the_core_renders_it(qtbot, make_window, small_registry):
    example = first_example_draft()
    assert example is not None
    window = make_window(small_registry)
    assert window.open_path(example, confirm=False)
    result = _refreshed(qtbot, window)
    expected = render(load_draft(example), operations.render_lookup(small_registry))
    assert result.rendered.header == expected.header
    assert [b.text for b in result.rendered.blocks] == [b.text for b in expected.blocks]


def test_settings_dialog_round_trip(qtbot, make_window):
    window = make_window(settings=Settings())
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.edits["place"].setText("Hà Nội")
    dialog.edits["issuer"].setText("THÀNH ỦY HÀ NỘI")
    dialog.date_style.setCurrentIndex(dialog.date_style.findData("words"))
    dialog.templates_edit.setText("/tmp/mau-rieng")
    window.apply_settings(dialog.settings())
    saved, warning = load_settings()
    assert warning is None
    assert (saved.place, saved.issuer, saved.date_style, saved.templates_dir) == (
        "Hà Nội", "THÀNH ỦY HÀ NỘI", "words", "/tmp/mau-rieng")
    assert window.settings == saved
    window.new_draft("ket-luan-btv")
    assert window.form.values()["place"] == "Hà Nội"


def test_corrupt_settings_file_gives_defaults_and_a_warning(qtbot, make_window, dialogs):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("{ hỏng", encoding="utf-8")
    window = make_window(load_settings=True)
    assert window.settings == Settings()
    qtbot.waitUntil(lambda: bool(dialogs.messages), timeout=2000)
    assert "cài đặt mặc định" in dialogs.messages[0]


def test_registry_and_docx_review_windows_open(qtbot, make_window, small_registry, tmp_path):
    window = make_window()
    assert window.open_registry_window() is None  # not open yet: a status message, no crash
    window._registry_opened(small_registry)
    registry_window = window.open_registry_window()
    assert registry_window.isVisible()
    window.new_draft("ket-luan-btv")
    out = tmp_path / "kl.docx"
    with qtbot.waitSignal(window.exported, timeout=30000):
        window.export_to(out)
    review = window.review_docx(out)
    assert review.isVisible()
    registry_window.close()
    review.close()


def test_start_opens_the_first_example_as_an_unsaved_draft(make_window):
    from drafter.gui.app import open_initial

    window = make_window()
    open_initial(window, None)
    example = load_draft(first_example_draft())
    assert window.template.id == example.template_id
    assert window.path is None and not window.dirty
    assert window.settings.recent_files == ()


def test_start_without_examples_opens_a_new_draft_from_the_first_template(make_window, monkeypatch):
    from drafter.gui import app

    monkeypatch.setattr(app, "first_example_draft", lambda: None)
    window = make_window()
    app.open_initial(window, None)
    assert window.template.id == list_templates()[0].id


def test_start_with_a_file_argument_opens_it(make_window, tmp_path):
    from drafter.gui.app import open_initial

    first = make_window()
    first.new_draft("chi-thi")
    path = tmp_path / "ct.draft"
    first.save_to(path)
    window = make_window()
    open_initial(window, path)
    assert window.path == path and window.template.id == "chi-thi"


def test_keyboard_moves_between_form_body_and_review(qtbot, keys, make_window):
    window = make_window(settings=Settings())
    window.new_draft("ket-luan-btv")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    keys.press(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.editor.editor.hasFocus()
    keys.press(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.focusWidget() is window.form.editors["place"]  # the first field still missing
    keys.press(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert window.review.tree.hasFocus()


def test_registry_edits_update_the_count_and_recheck(qtbot, make_window, small_registry):
    from drafter.registry.entry import Entry

    window = make_window(small_registry)
    registry_window = window.open_registry_window()
    small_registry.add(Entry(None, "Chỉ thị", "23", "CT/TU", None, "Ban Thường vụ Thành ủy", "công tác cán bộ"))
    with qtbot.waitSignal(window.refresh_timer.timeout, timeout=2000, raising=False):
        registry_window.registryChanged.emit()
    assert window.status_registry.text() == "Sổ văn bản: 6 văn bản"
    registry_window.close()


def test_another_client_adding_a_document_reaches_this_window(qtbot, make_window, small_registry):
    """A document added elsewhere (another window, another PC) is counted and suggested here
    within seconds, without the user doing anything: the window's change watcher."""
    from drafter.registry import open_registry
    from drafter.registry.entry import Entry

    window = make_window(small_registry)
    window._check_registry_elsewhere = lambda: None  # only the watcher may notice (no focus events)
    assert window.status_registry.text() == "Sổ văn bản: 5 văn bản"
    other = open_registry(small_registry.store.location, starter=False)
    try:
        other.add(Entry(None, "Chỉ thị", "23", "CT/TU", None, "Ban Thường vụ Thành ủy", "công tác cán bộ"))
    finally:
        other.close()

    def suggested() -> bool:
        return [r.entry.number_code for r in small_registry.search("23-CT/TU", limit=1)] == ["23-CT/TU"]

    qtbot.waitUntil(suggested, timeout=10000)
    qtbot.waitUntil(lambda: window.status_registry.text() == "Sổ văn bản: 6 văn bản", timeout=10000)
