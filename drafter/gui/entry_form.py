"""The form that edits one registry entry, with its conflicts and how to resolve them.

The form only collects values: :meth:`EntryForm.entry` returns the edited Entry (or raises
ValueError with a Vietnamese message); the registry window saves it. A conflict row offers
"Giữ giá trị này" (take the conflicting value) and "Giữ giá trị hiện tại" (drop the conflict);
both emit ``resolveRequested(field, value_or_None)``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from drafter.doctypes import doc_types
from drafter.dates import format_user_date, parse_user_date
from drafter.registry.entry import Entry

__all__ = ["EntryForm", "parse_date", "format_date", "resolve_conflict", "FIELD_LABELS"]

FIELD_LABELS = {"type": "Tên loại", "number": "Số", "code": "Ký hiệu", "date": "Ngày ban hành",
                "issuer": "Cơ quan ban hành", "subject": "Trích yếu", "aliases": "Tên gọi khác",
                "jurisdiction": "Cấp / địa phương", "term": "Khóa", "source": "Nguồn", "notes": "Ghi chú"}
_CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 1


# The form shows and reads dates the way every Drafter form does (core: drafter.dates).
parse_date = parse_user_date
format_date = format_user_date


class EntryForm(QWidget):
    saveRequested = Signal()
    revertRequested = Signal()
    resolveRequested = Signal(str, object)  # field, value to keep (None: keep the current value)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._entry: Entry | None = None
        self.type = QComboBox(self)
        self.type.setEditable(True)
        self.type.addItems([t.name for t in doc_types()])
        self.fields = {name: QLineEdit(self) for name in ("number", "code", "date", "issuer", "jurisdiction",
                                                           "term", "source")}
        self.fields["date"].setPlaceholderText("25/10/2021")
        self.subject = QPlainTextEdit(self)
        self.aliases = QPlainTextEdit(self)
        self.aliases.setPlaceholderText("Mỗi dòng một tên, ví dụ: Nghị quyết Trung ương 4 khóa XII")
        self.notes = QPlainTextEdit(self)
        for box in (self.subject, self.aliases, self.notes):
            box.setTabChangesFocus(True)
            box.setMaximumHeight(70)
        self.title = QLabel("Văn bản mới", self)
        self.save_button = QPushButton("&Lưu", self)
        self.revert_button = QPushButton("&Hoàn tác", self)
        self.conflicts = QListWidget(self)
        self.keep_theirs = QPushButton("Giữ giá trị này", self)
        self.keep_ours = QPushButton("Giữ giá trị hiện tại", self)
        self._build()
        self.set_entry(None)

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(FIELD_LABELS["type"], self.type)
        for name in ("number", "code", "date", "issuer"):
            form.addRow(FIELD_LABELS[name], self.fields[name])
        form.addRow(FIELD_LABELS["subject"], self.subject)
        form.addRow(FIELD_LABELS["aliases"], self.aliases)
        for name in ("jurisdiction", "term", "source"):
            form.addRow(FIELD_LABELS[name], self.fields[name])
        form.addRow(FIELD_LABELS["notes"], self.notes)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        self.save_button.setToolTip("Lưu văn bản (Ctrl+S)")
        self.save_button.clicked.connect(self.saveRequested)
        self.revert_button.clicked.connect(self.revertRequested)
        group = QGroupBox("Giá trị mâu thuẫn (từ các nguồn khác nhau)", self)
        col = QVBoxLayout(group)
        col.addWidget(self.conflicts)
        row = QHBoxLayout()
        row.addWidget(self.keep_theirs)
        row.addWidget(self.keep_ours)
        col.addLayout(row)
        self.conflicts.setMaximumHeight(110)
        self.conflicts.currentRowChanged.connect(self._update_conflict_buttons)
        self.keep_theirs.clicked.connect(lambda: self._resolve(True))
        self.keep_ours.clicked.connect(lambda: self._resolve(False))
        self.conflict_group = group
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(group)
        layout.addStretch(1)

    # -- values ---------------------------------------------------------------------------
    def set_entry(self, entry: Entry | None) -> None:
        """Show ``entry`` (None: an empty form for a new entry)."""
        self._entry = entry
        e = entry or Entry(None, "Kết luận", None, None)
        self.title.setText(f"Văn bản #{e.id} (phiên bản {e.version})" if entry else "Văn bản mới")
        self.type.setCurrentText(e.type)
        values = {"number": e.number, "code": e.code, "date": format_date(e.date), "issuer": e.issuer,
                  "jurisdiction": e.jurisdiction, "term": e.term, "source": e.source}
        for name, value in values.items():
            self.fields[name].setText(value or "")
        self.subject.setPlainText(e.subject or "")
        self.aliases.setPlainText("\n".join(e.aliases))
        self.notes.setPlainText(e.notes or "")
        self.conflicts.clear()
        for conflict in e.conflicts:
            current = getattr(e, conflict.field, None)
            current = format_date(current) if isinstance(current, dt.date) else current
            value = conflict.value
            if conflict.field == "date":
                try:
                    value = format_date(parse_date(value)) or value
                except ValueError:
                    pass
            item = QListWidgetItem(f"{FIELD_LABELS.get(conflict.field, conflict.field)}: “{value}” "
                                   f"(nguồn: {conflict.source})\n    đang ghi: “{current or ''}”")
            item.setToolTip(item.text())
            item.setData(_CONFLICT_ROLE, conflict)
            self.conflicts.addItem(item)
        self.conflict_group.setVisible(bool(e.conflicts))
        if e.conflicts:
            self.conflicts.setCurrentRow(0)
        self._update_conflict_buttons()

    def current_entry(self) -> Entry | None:
        """The entry as loaded (None for a new one)."""
        return self._entry

    def entry(self) -> Entry:
        """The edited entry (id and version of the loaded one); ValueError if a value is wrong."""
        def text(name):
            return self.fields[name].text().strip() or None

        kind = " ".join(self.type.currentText().split())
        number = text("number")
        aliases = tuple(a.strip() for a in self.aliases.toPlainText().splitlines() if a.strip())
        if not kind:
            raise ValueError("Hãy nhập tên loại văn bản (ví dụ: Kết luận).")
        if not number and not aliases:
            raise ValueError("Hãy nhập số văn bản, hoặc một tên gọi cho văn bản không có số.")
        base = self._entry or Entry(None, kind, None, None)
        return base.with_changes(
            type=kind, number=number, code=text("code"), date=parse_date(self.fields["date"].text()),
            issuer=text("issuer"), subject=self.subject.toPlainText().strip() or None, aliases=aliases,
            jurisdiction=text("jurisdiction"), term=text("term"), source=text("source"),
            notes=self.notes.toPlainText().strip() or None)

    # -- conflicts ------------------------------------------------------------------------
    def _update_conflict_buttons(self, *_args) -> None:
        has = self.conflicts.currentItem() is not None
        self.keep_theirs.setEnabled(has)
        self.keep_ours.setEnabled(has)

    def _resolve(self, take_theirs: bool) -> None:
        item = self.conflicts.currentItem()
        if item is None:
            return
        conflict = item.data(_CONFLICT_ROLE)
        self.resolveRequested.emit(conflict.field, conflict.value if take_theirs else None)


def resolve_conflict(entry: Entry, field: str, value: str | None) -> Entry:
    """``entry`` with ``field`` set to ``value`` (None keeps the current value) and that field's
    conflicts cleared."""
    changes: dict = {"conflicts": tuple(c for c in entry.conflicts if c.field != field)}
    if value is not None:
        changes[field] = parse_date(value) if field == "date" else value
    return entry.with_changes(**changes)
