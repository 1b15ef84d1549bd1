"""The "Văn bản mới" dialog: pick a template from the catalogue (name and short description)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem,
                               QVBoxLayout, QWidget)

__all__ = ["TemplateDialog"]


class TemplateDialog(QDialog):
    """Lists ``TemplateInfo`` values; ``chosen()`` is the selected one (Enter or double-click)."""

    def __init__(self, templates: list, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Văn bản mới — chọn mẫu")
        self.resize(620, 420)
        self._templates = list(templates)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        for info in self._templates:
            mark = " (mẫu riêng)" if getattr(info, "user", False) else ""
            item = QListWidgetItem(f"{info.name}{mark}\n    {info.description}")
            item.setToolTip(info.description)
            item.setData(Qt.UserRole, info.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Tạo văn bản")
        buttons.button(QDialogButtonBox.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel("&Mẫu văn bản:")
        label.setBuddy(self.list)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.list.setFocus()

    def chosen(self):
        row = self.list.currentRow()
        return self._templates[row] if 0 <= row < len(self._templates) else None
