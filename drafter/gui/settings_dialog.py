"""The Cài đặt dialog: edit a :class:`drafter.settings.Settings` value (the window saves it)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from ..settings import Settings

__all__ = ["SettingsDialog", "DATE_STYLE_LABELS"]

#: Vietnamese labels of the citation date styles (values from drafter.drafting.model.DATE_STYLES).
DATE_STYLE_LABELS = (("numeric", "Số: ngày 25/10/2021"), ("words", "Chữ: ngày 25 tháng 10 năm 2021"))

_TEXT_FIELDS = (
    ("place", "Địa danh", "Thành phố Hồ Chí Minh"),
    ("parent_body", "Cơ quan cấp trên trực tiếp", "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH"),
    ("issuer", "Cơ quan ban hành", "THÀNH ỦY"),
    ("signer_title", "Chức vụ người ký", "PHÓ BÍ THƯ"),
    ("signer_name", "Họ tên người ký", "Nguyễn Văn A"),
)


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Cài đặt")
        self.setMinimumWidth(560)
        self._original = settings
        form = QFormLayout()
        self.registry_edit = QLineEdit(settings.registry_location)
        self.registry_edit.setPlaceholderText("Để trống: sổ văn bản mặc định; hoặc đường dẫn .sqlite; "
                                              "hoặc postgresql://...")
        form.addRow("&Sổ văn bản", self._with_button(self.registry_edit, self._choose_registry))
        self.edits: dict[str, QLineEdit] = {}
        for name, label, example in _TEXT_FIELDS:
            edit = QLineEdit(getattr(settings, name))
            edit.setPlaceholderText(f"Ví dụ: {example}")
            self.edits[name] = edit
            form.addRow(label, edit)
        self.date_style = QComboBox()
        for value, label in DATE_STYLE_LABELS:
            self.date_style.addItem(label, value)
        self.date_style.setCurrentIndex(max(0, self.date_style.findData(settings.date_style)))
        form.addRow("Cách viết ngày khi trích dẫn", self.date_style)
        self.templates_edit = QLineEdit(settings.templates_dir)
        self.templates_edit.setPlaceholderText("Thư mục chứa mẫu văn bản riêng (không bắt buộc)")
        form.addRow("Thư mục &mẫu riêng", self._with_button(self.templates_edit, self._choose_templates))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Lưu")
        buttons.button(QDialogButtonBox.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        note = QLabel("Các giá trị này được điền sẵn vào biểu mẫu khi tạo văn bản mới.")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _with_button(self, edit: QLineEdit, slot) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton("Chọn…")
        button.clicked.connect(slot)
        row.addWidget(button)
        return box

    def _choose_registry(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Chọn tệp sổ văn bản", self.registry_edit.text(),
                                              "Sổ văn bản SQLite (*.sqlite *.db);;Mọi tệp (*)",
                                              options=QFileDialog.DontConfirmOverwrite)
        if path:
            self.registry_edit.setText(path)

    def _choose_templates(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Chọn thư mục mẫu riêng", self.templates_edit.text())
        if path:
            self.templates_edit.setText(path)

    def settings(self) -> Settings:
        """The edited settings (recent files and anything not shown are kept)."""
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        return replace(self._original, registry_location=self.registry_edit.text().strip(),
                       date_style=self.date_style.currentData(), templates_dir=self.templates_edit.text().strip(),
                       **values)
