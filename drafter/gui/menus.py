"""The main window's menu bar: Tệp, Văn bản, Sổ văn bản, Cài đặt (Vietnamese, with shortcuts)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

__all__ = ["build_menus"]


def _action(window, menu, text: str, slot, shortcut=None) -> QAction:
    action = QAction(text, window)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(w) -> None:
    """Add the menus to the window ``w``; the actions the window enables/disables become attributes."""
    bar = w.menuBar()
    file_menu = bar.addMenu("&Tệp")
    w.act_new = _action(w, file_menu, "&Mới…", w.new_from_dialog, QKeySequence.New)
    w.act_open = _action(w, file_menu, "&Mở…", w.open_from_dialog, QKeySequence.Open)
    w.act_save = _action(w, file_menu, "&Lưu", w.save, QKeySequence.Save)
    w.act_save_as = _action(w, file_menu, "Lưu &thành…", w.save_as, "Ctrl+Shift+S")
    w.recent_menu = file_menu.addMenu("Tệp &gần đây")
    file_menu.addSeparator()
    w.act_docx = _action(w, file_menu, "Xuất .&docx…", w.export_docx_dialog, "Ctrl+E")
    w.act_pdf = _action(w, file_menu, "Xuất &PDF…", w.export_pdf_dialog, "Ctrl+Shift+E")
    file_menu.addSeparator()
    w.act_review_docx = _action(w, file_menu, "&Kiểm tra tệp .docx…", w.review_docx_dialog)
    file_menu.addSeparator()
    _action(w, file_menu, "T&hoát", w.close, QKeySequence.Quit)
    draft_menu = bar.addMenu("&Văn bản")
    _action(w, draft_menu, "&Kiểm tra ngay", w.refresh_now, "F7")
    _action(w, draft_menu, "Tạo lại &nội dung từ biểu mẫu", w.regenerate_body)
    draft_menu.addSeparator()
    _action(w, draft_menu, "Đến &biểu mẫu", w.form.focus_first, "Alt+1")
    _action(w, draft_menu, "Đến nội &dung", w.editor.editor.setFocus, "Alt+2")
    _action(w, draft_menu, "Đến danh sách &kiểm tra", w.focus_review, "Alt+3")
    registry_menu = bar.addMenu("&Sổ văn bản")
    w.act_registry = _action(w, registry_menu, "Mở &sổ văn bản…", w.open_registry_window, "Ctrl+R")
    settings_menu = bar.addMenu("&Cài đặt")
    _action(w, settings_menu, "&Cài đặt…", w.open_settings, "Ctrl+,")
