"""The form generated from a template's declared fields (``TemplateInfo.fields``).

One editor per field kind (text, multiline, date, choice, list, bool, citation); required fields
are marked with ``*``; each value is validated inline, as it is typed, by the core's own
``drafter.drafting.coerce_value`` (the form never re-implements the rules) and a Vietnamese
message appears under the field. Defaults come from the template, overridden by the user's
settings for the fields they name (place, parent body, issuing body, signer, date style).
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QVBoxLayout, QWidget)

__all__ = ["FieldForm", "SETTINGS_FIELDS"]

#: Template field names whose default comes from the settings of the same name.
SETTINGS_FIELDS = ("place", "parent_body", "issuer", "signer_title", "signer_name", "date_style")
_ERROR_STYLE = "color: #b00020;"
_DATE_HINT = "ngày/tháng/năm, ví dụ 25/10/2021"


def _display(spec, value) -> str:
    """A stored value as the text its editor shows."""
    if value is None:
        return ""
    if spec.kind == "date":
        try:
            day = value if isinstance(value, _dt.date) else _dt.date.fromisoformat(str(value))
            return day.strftime("%d/%m/%Y")
        except ValueError:
            return str(value)
    if spec.kind == "list":
        return "\n".join(value) if isinstance(value, (list, tuple)) else str(value)
    if spec.kind == "citation" and isinstance(value, dict):
        return str(value.get("number_code") or "")
    return str(value)


class FieldForm(QWidget):
    """``values()`` → dict for ``new_draft``; ``errors()`` → {name: message}; ``changed()`` signal."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._specs: list = []
        self.editors: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self._form = QFormLayout()
        self._form.setRowWrapPolicy(QFormLayout.WrapAllRows)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addStretch(1)

    # -- building ---------------------------------------------------------------------------
    def set_template(self, info, values: dict | None = None, settings=None) -> None:
        """Rebuild the form for ``info``; ``values`` (a draft's fields) win over the defaults."""
        while self._form.rowCount():
            self._form.removeRow(0)
        self.editors.clear()
        self.error_labels.clear()
        self._specs = list(info.fields)
        for spec in self._specs:
            value = self._initial(spec, values or {}, settings)
            editor = self._make_editor(spec, value)
            error = QLabel()
            error.setStyleSheet(_ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            box = QWidget()
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.setSpacing(1)
            col.addWidget(editor)
            col.addWidget(error)
            label = QLabel(spec.label + (" *" if spec.required else ""))
            label.setBuddy(editor)
            if spec.help:
                label.setToolTip(spec.help)
                editor.setToolTip(spec.help)
            self._form.addRow(label, box)
            self.editors[spec.name] = editor
            self.error_labels[spec.name] = error
        self.validate()

    @staticmethod
    def _initial(spec, values: dict, settings):
        if spec.name in values:
            return values[spec.name]
        if settings is not None and spec.name in SETTINGS_FIELDS and getattr(settings, spec.name, ""):
            return getattr(settings, spec.name)
        return spec.default

    def _make_editor(self, spec, value) -> QWidget:
        if spec.kind == "bool":
            editor = QCheckBox()
            editor.setChecked(bool(value) and str(value).lower() not in ("false", "0", "không"))
            editor.toggled.connect(self._edited)
        elif spec.kind == "choice":
            editor = QComboBox()
            editor.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            editor.setMinimumContentsLength(12)
            if not spec.required:
                editor.addItem("(không chọn)", "")
            for choice, label in spec.choices:
                editor.addItem(label, choice)
            editor.setCurrentIndex(max(0, editor.findData("" if value is None else str(value))))
            editor.currentIndexChanged.connect(self._edited)
        elif spec.kind in ("multiline", "list"):
            editor = QPlainTextEdit(_display(spec, value))
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(72 if spec.kind == "multiline" else 96)
            if spec.kind == "list":
                editor.setPlaceholderText("Mỗi dòng một mục")
            editor.textChanged.connect(self._edited)
        else:
            editor = QLineEdit(_display(spec, value))
            if spec.kind == "date":
                editor.setPlaceholderText(_DATE_HINT + " — để trống nếu văn thư điền")
            elif spec.kind == "citation":
                editor.setPlaceholderText("Số và ký hiệu, ví dụ 21-KL/TW")
            editor.textChanged.connect(self._edited)
        editor.setObjectName(f"field_{spec.name}")
        return editor

    # -- reading ----------------------------------------------------------------------------
    def _raw(self, spec):
        editor = self.editors[spec.name]
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QPlainTextEdit):
            text = editor.toPlainText()
            if spec.kind == "list":
                return [line.strip() for line in text.splitlines() if line.strip()]
            return text.strip()
        return editor.text().strip()

    def values(self) -> dict:
        """The raw values by field name, ready for ``drafter.drafting.new_draft``."""
        return {spec.name: self._raw(spec) for spec in self._specs}

    def errors(self) -> dict[str, str]:
        """Vietnamese messages of the fields whose value is missing or invalid."""
        from ..drafting.catalogue import coerce_value

        problems = {}
        for spec in self._specs:
            raw = self._raw(spec)
            if spec.required and raw in ("", None, []):
                problems[spec.name] = f"Chưa điền “{spec.label}” (bắt buộc)."
                continue
            try:
                coerce_value(spec, raw)
            except (ValueError, TypeError) as exc:
                # Python's own date errors are English ("month must be in 1..12"): say it in Vietnamese
                problems[spec.name] = (f"Ngày không hợp lệ; viết {_DATE_HINT}." if spec.kind == "date"
                                       else f"Giá trị không hợp lệ: {exc}.")
        return problems

    def validate(self) -> dict[str, str]:
        """Show the inline messages; returns :meth:`errors`."""
        problems = self.errors()
        for name, label in self.error_labels.items():
            message = problems.get(name)
            label.setText(message or "")
            label.setVisible(bool(message))
        return problems

    def focus_first(self) -> None:
        """Keyboard: put the cursor in the first field (the first invalid one if any)."""
        problems = self.errors()
        name = next((s.name for s in self._specs if s.name in problems), None)
        editor = self.editors.get(name) if name else next(iter(self.editors.values()), None)
        if editor is not None:
            editor.setFocus()

    def set_value(self, name: str, value) -> None:
        """Set one field's editor (used by tests and by 'restore defaults')."""
        spec = next(s for s in self._specs if s.name == name)
        editor = self.editors[name]
        if isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(_display(spec, value))
        else:
            editor.setText(_display(spec, value))

    def _edited(self, *_args) -> None:
        self.validate()
        self.changed.emit()
