"""The body editor: an outline of sections beside one text area with citation references.

Sections are the level-1 headings of the body ("I- Kết quả ...", "II- Nhiệm vụ ..."); text before
the first heading is the opening section. The outline lists them; keyboard:

- in the outline: Enter goes to the section, Insert adds a section after it, Delete removes it
  (after confirmation), Alt+↑/Alt+↓ move it;
- in the text: Ctrl+Shift+N adds a section, Alt+↑/Alt+↓ move the current section, Ctrl+1/2/3 make
  the line a heading of that level, Ctrl+0 an ordinary paragraph ("- " at the start makes a list
  item), Ctrl+Space opens the citation picker.

The body value is the drafting model's ``tuple[Block, ...]``; :meth:`BodyEditor.set_body` and
:meth:`BodyEditor.body` are exact inverses (empty blocks aside).
"""

from __future__ import annotations

import json
import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QMessageBox, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)

from drafter.doctypes import types_for_code
from drafter.drafting.model import Block, Cite, CitationRef, Text

from .body_text import (CITE_PROP, BodyTextEdit, block_format, block_kind, fill_document, format_property,
                        read_blocks, span_at)
from .citation_picker import CitationPicker

__all__ = ["BodyEditor", "split_sections", "renumber", "roman"]

OPENING_LABEL = "(Phần mở đầu)"
RECENT_MAX = 20  # recently cited entries the picker boosts
#: The Roman numeral that opens a level-1 heading: "I- ", "IV- ", "II. " (party-format.md
#: numbers sections I-, II-, ...); renumbered when sections are added, removed or moved.
ROMAN_HEADING_RE = re.compile(r"^(?P<num>[IVX]+)(?P<sep>\s*[-.–]\s*)")
_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    out = ""
    for value, digits in _ROMAN:
        while n >= value:
            out, n = out + digits, n - value
    return out


def split_sections(blocks) -> list[list[Block]]:
    """Blocks grouped by level-1 heading; the first group is the opening (may be empty)."""
    sections: list[list[Block]] = [[]]
    for block in blocks:
        if block.kind == "heading" and block.level == 1:
            sections.append([block])
        else:
            sections[-1].append(block)
    return sections


def renumber(sections) -> list[list[Block]]:
    """Number the headed sections I-, II-, ... in order, where a heading starts with a numeral."""
    out = [list(sections[0])]
    for n, section in enumerate(sections[1:], start=1):
        head = section[0]
        first = head.segments[0] if head.segments else None
        m = ROMAN_HEADING_RE.match(first.text) if isinstance(first, Text) else None
        if m:
            text = roman(n) + m["sep"] + first.text[m.end():]
            head = Block(head.kind, (Text(text, first.bold, first.italic),) + head.segments[1:], head.level)
        out.append([head] + list(section[1:]))
    return out


def _plain(segments) -> str:
    return "".join(s.text if isinstance(s, Text) else s.ref.number_code if isinstance(s, Cite) else ""
                   for s in segments)


class BodyEditor(QWidget):
    """Sections outline + :class:`BodyTextEdit` + :class:`CitationPicker`."""

    changed = Signal()
    citationInserted = Signal(object)  # the registry Entry

    def __init__(self, registry=None, parent=None):
        super().__init__(parent)
        self._registry = None
        self._loading = False
        self._labels: dict[str, tuple[str, str]] = {}
        self._synced_block = -1
        self.editor = BodyTextEdit(self)
        self.editor.setPlaceholderText("Nội dung văn bản… (gõ “kl 21” hoặc Ctrl+Space để trích dẫn)")
        self._recent: list[int] = []  # entries cited recently (this session, or given by the window)
        self.picker = CitationPicker(self.editor, boost_provider=self.boost_ids)
        self.editor.picker = self.picker
        self.editor.label_for = self._label_for
        self.picker.chosen.connect(self._insert_citation)
        self.outline = QListWidget(self)
        self.outline.setAccessibleName("Các phần của văn bản")
        self._outline_timer = QTimer(self, singleShot=True, interval=150, timeout=self._refresh_outline)
        self._build()
        self.editor.document().contentsChanged.connect(self._on_contents_changed)
        self.set_registry(registry)
        self._refresh_outline()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        left = QWidget(self)
        left.setMaximumWidth(320)
        col = QVBoxLayout(left)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(QLabel("Các phần", left))
        col.addWidget(self.outline)
        buttons = QHBoxLayout()
        for text, tip, slot in (("Thêm", "Thêm phần (Insert)", self.add_section),
                                ("Xóa", "Xóa phần (Delete)", self._remove_current),
                                ("▲", "Chuyển lên (Alt+↑)", lambda: self.move_section(self._current_section(), -1)),
                                ("▼", "Chuyển xuống (Alt+↓)", lambda: self.move_section(self._current_section(), 1))):
            button = QPushButton(text, left)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(button)
        col.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([220, 780])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.outline.itemActivated.connect(lambda _item: self.go_to_section(self.outline.currentRow()))
        self.outline.installEventFilter(self)
        self.editor.cursorPositionChanged.connect(lambda: self._sync_outline_row())
        self._shortcuts()

    def _shortcuts(self) -> None:
        bindings = (("Ctrl+Shift+N", self.add_section),
                    ("Alt+Up", lambda: self.move_section(self._current_section(), -1)),
                    ("Alt+Down", lambda: self.move_section(self._current_section(), 1)),
                    ("Ctrl+1", lambda: self.set_block_kind("heading", 1)),
                    ("Ctrl+2", lambda: self.set_block_kind("heading", 2)),
                    ("Ctrl+3", lambda: self.set_block_kind("heading", 3)),
                    ("Ctrl+0", lambda: self.set_block_kind("paragraph", 0)))
        for keys, slot in bindings:
            shortcut = QShortcut(QKeySequence(keys), self.editor)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.outline and event.type() == event.Type.KeyPress:
            key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            row = self.outline.currentRow()
            if key == Qt.Key.Key_Insert:
                self.add_section(row)
                return True
            if key == Qt.Key.Key_Delete:
                self.remove_section(row)
                return True
            if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_section(row, -1 if key == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(obj, event)

    # -- public API -----------------------------------------------------------------------
    def set_registry(self, registry) -> None:
        self._registry = registry
        self._labels.clear()
        self.picker.set_search_function(registry.search if registry is not None else None)

    def set_body(self, body) -> None:
        """Show ``body`` (a sequence of drafting-model Blocks); clears the undo history."""
        self.picker.close_picker()
        self._loading = True
        try:
            fill_document(self.editor.document(), tuple(body), self._label_for)
            self.editor.document().clearUndoRedoStacks()
        finally:
            self._loading = False
        self.editor.moveCursor(QTextCursor.MoveOperation.Start)
        self._refresh_outline()

    def body(self) -> tuple[Block, ...]:
        return read_blocks(self.editor.document())

    def cited_entry_ids(self) -> list[int]:
        """Registry ids cited in the body, in order of first mention."""
        ids: list[int] = []
        block = self.editor.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                cite = format_property(it.fragment().charFormat(), CITE_PROP)
                it += 1
                entry_id = json.loads(cite)["ref"].get("entry_id") if cite else None
                if entry_id is not None and entry_id not in ids:
                    ids.append(entry_id)
            block = block.next()
        return ids

    def boost_ids(self) -> list[int]:
        """What the picker ranks first: entries cited in this body, then those cited recently."""
        cited = self.cited_entry_ids()
        return cited + [i for i in self._recent if i not in cited]

    def recent_ids(self) -> list[int]:
        return list(self._recent)

    def set_recent_ids(self, ids) -> None:
        """Entries cited recently elsewhere (e.g. kept in the settings), newest first."""
        self._recent = list(dict.fromkeys(int(i) for i in ids))[:RECENT_MAX]

    def select_text(self, snippet: str) -> bool:
        """Select the first occurrence of ``snippet`` (or of its first line/40 characters)."""
        for probe in self._probes(snippet):
            found = self.editor.document().find(probe)
            if not found.isNull():
                self.editor.setTextCursor(found)
                self.editor.ensureCursorVisible()
                return True
        return False

    def replace_text(self, old: str, new: str) -> bool:
        """Replace the first occurrence of ``old`` that touches no citation span by ``new`` (one
        undo step, in the style of the replaced text)."""
        if not old:
            return False
        doc = self.editor.document()
        found = doc.find(old, 0, QTextDocument.FindFlag.FindCaseSensitively)
        while not found.isNull() and self._has_span(found.selectionStart(), found.selectionEnd()):
            found = doc.find(old, found.selectionEnd(), QTextDocument.FindFlag.FindCaseSensitively)
        if found.isNull():
            return False
        probe = QTextCursor(doc)
        probe.setPosition(found.selectionStart() + 1)
        found.insertText(new, probe.charFormat())  # the first replaced character's style
        self.editor.setTextCursor(found)
        return True

    def _has_span(self, start: int, end: int) -> bool:
        return any(span_at(self.editor.document(), pos) for pos in range(start, end))

    # -- sections -------------------------------------------------------------------------
    def section_titles(self) -> list[str]:
        titles = []
        for i, section in enumerate(split_sections(self.body())):
            if i == 0:
                if section:
                    titles.append(OPENING_LABEL)
            else:
                titles.append(_plain(section[0].segments).strip() or "(chưa có tiêu đề)")
        return titles

    def go_to_section(self, index: int) -> None:
        block = self._section_block(index)
        if block is not None:
            cursor = self.editor.textCursor()
            cursor.setPosition(block.position())
            self.editor.setTextCursor(cursor)
            self.editor.ensureCursorVisible()
            self.editor.setFocus()

    def add_section(self, after: int | None = None) -> None:
        """Add a section "N- " after section ``after`` (the current one by default)."""
        sections = self._model_sections()
        row = self._current_section() if after is None or after < 0 else after
        pos = self._model_index(sections, row)
        pos = len(sections) - 1 if pos is None else pos
        new = [Block("heading", (Text(f"{roman(len(sections))}- "),), 1)]
        sections.insert(pos + 1, new)
        self._set_sections(sections, focus=self._visible_index(sections, new), at_end=True)

    def remove_section(self, index: int, confirm: bool = True) -> bool:
        sections = self._model_sections()
        pos = self._model_index(sections, index)
        if pos is None:
            return False
        if confirm and QMessageBox.question(
                self, "Xóa phần", f"Xóa phần “{self.section_titles()[index]}” và toàn bộ nội dung của nó?",
        ) != QMessageBox.StandardButton.Yes:
            return False
        if pos == 0:
            sections[0] = []
        else:
            del sections[pos]
        self._set_sections(sections, focus=max(0, index - 1))
        return True

    def _remove_current(self) -> None:
        self.remove_section(self._current_section())

    def move_section(self, index: int, step: int) -> bool:
        """Move section ``index`` by ``step`` among the headed sections (the opening stays first)."""
        sections = self._model_sections()
        pos = self._model_index(sections, index)
        if pos is None or pos == 0 or not (1 <= pos + step < len(sections)):
            return False
        sections[pos], sections[pos + step] = sections[pos + step], sections[pos]
        self._set_sections(sections, focus=index + step)
        return True

    def set_block_kind(self, kind: str, level: int) -> None:
        cursor = self.editor.textCursor()
        cursor.setBlockFormat(block_format(kind, level))
        self.editor.highlighter.rehighlightBlock(cursor.block())
        self._refresh_outline()

    # -- internals ------------------------------------------------------------------------
    def _model_sections(self) -> list[list[Block]]:
        return split_sections(self.body())

    @staticmethod
    def _has_opening(sections) -> bool:
        return bool(sections[0])

    def _model_index(self, sections, index: int) -> int | None:
        """Index into ``sections`` of the outline row ``index``."""
        pos = index if self._has_opening(sections) else index + 1
        return pos if 0 <= index and pos < len(sections) else None

    def _visible_index(self, sections, section) -> int:
        pos = next(i for i, s in enumerate(sections) if s is section)
        return pos if self._has_opening(sections) else pos - 1

    def _set_sections(self, sections, focus: int, at_end: bool = False) -> None:
        blocks = [b for s in renumber(sections) for b in s]
        fill_document(self.editor.document(), blocks, self._label_for)
        self._refresh_outline()
        block = self._section_block(focus)
        if block is not None:
            cursor = self.editor.textCursor()
            cursor.setPosition(block.position() + (block.length() - 1 if at_end else 0))
            self.editor.setTextCursor(cursor)
        self.outline.setCurrentRow(focus)

    def _section_block(self, index: int):
        """The QTextBlock where outline row ``index`` starts."""
        doc = self.editor.document()
        heads = []
        block = doc.begin()
        while block.isValid():
            if block_kind(block) == ("heading", 1) and block.text().strip():
                heads.append(block)
            block = block.next()
        first_is_opening = self.outline.count() > len(heads)
        if first_is_opening:
            return doc.begin() if index == 0 else (heads[index - 1] if index - 1 < len(heads) else None)
        return heads[index] if 0 <= index < len(heads) else None

    def _current_section(self) -> int:
        block = self.editor.textCursor().block()
        heads_before = 0
        b = self.editor.document().begin()
        while b.isValid():
            if block_kind(b) == ("heading", 1) and b.text().strip():
                heads_before += 1
            if b == block:
                break
            b = b.next()
        has_opening = self.outline.count() > 0 and self.outline.item(0).text() == OPENING_LABEL
        return heads_before if has_opening else max(0, heads_before - 1)

    def _refresh_outline(self) -> None:
        titles = self.section_titles()
        current = [self.outline.item(i).text() for i in range(self.outline.count())]
        if titles != current:
            row = self.outline.currentRow()
            self.outline.clear()
            self.outline.addItems(titles)
            self.outline.setCurrentRow(min(max(row, 0), len(titles) - 1))
        self._sync_outline_row(force=True)

    def _sync_outline_row(self, force: bool = False) -> None:
        block = self.editor.textCursor().blockNumber()
        if block == self._synced_block and not force:
            return  # typing within one line never changes the section
        self._synced_block = block
        if self.outline.count():
            self.outline.setCurrentRow(min(self._current_section(), self.outline.count() - 1))

    def _on_contents_changed(self) -> None:
        if self._loading:
            return
        self._outline_timer.start()
        self.changed.emit()

    def _label_for(self, seg: Cite) -> tuple[str, str]:
        """Display label and tooltip of a citation reference (registry first, then the ref)."""
        ref = seg.ref
        key = ref.key + f"#{ref.entry_id}"
        if key not in self._labels:
            entry = None
            if self._registry is not None and ref.entry_id is not None:
                try:
                    entry = self._registry.get(ref.entry_id)
                except Exception:  # a missing or stale entry still shows its number-code
                    entry = None
            self._labels[key] = _entry_label(entry, ref)
        return self._labels[key]

    def _insert_citation(self, entry, start: int, end: int) -> None:
        number_code = entry.number_code or (entry.aliases[0] if entry.aliases else entry.type)
        ref = CitationRef(number_code, entry.id, entry.date, entry.jurisdiction)
        self._labels[ref.key + f"#{ref.entry_id}"] = _entry_label(entry, ref)
        after = self.editor.textCursor().position() - end  # text typed after the query (spaces)
        self.editor.insert_span(start, end, Cite(ref), self._label_for)
        if entry.id is not None:
            self._recent = [entry.id] + [i for i in self._recent if i != entry.id][:RECENT_MAX - 1]
        if after > 0:
            cursor = self.editor.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.Right, n=after)
            self.editor.setTextCursor(cursor)
        self.citationInserted.emit(entry)

    @staticmethod
    def _probes(snippet: str) -> list[str]:
        probes = [snippet]
        first_line = snippet.strip().splitlines()[0] if snippet.strip() else ""
        if first_line and first_line != snippet:
            probes.append(first_line)
        if len(first_line) > 40:
            probes.append(first_line[:40])
        return [p for p in probes if p]


def _label_from_code(number_code: str) -> str:
    """"21-KL/TW" → "Kết luận số 21-KL/TW" when the type code names one type, else as given."""
    from drafter.numbercode import parse

    parsed = parse(number_code)
    types = types_for_code(parsed.type_code) if parsed is not None and parsed.type_code else ()
    return f"{types[0].name} số {number_code}" if len(types) == 1 else number_code


def _entry_label(entry, ref: CitationRef) -> tuple[str, str]:
    """("Kết luận số 21-KL/TW", full citation tooltip) from a registry entry, or from the ref."""
    if entry is None:
        day = f", ngày {ref.date.day:02d}/{ref.date.month:02d}/{ref.date.year}" if ref.date else ""
        label = _label_from_code(ref.number_code)
        return label, f"{label}{day} (chưa gắn với văn bản nào trong sổ văn bản)"
    label = f"{entry.type} số {entry.number_code}" if entry.number_code else ref.number_code
    tip = label
    if entry.date:
        tip += f", ngày {entry.date.day:02d}/{entry.date.month:02d}/{entry.date.year}"
    if entry.issuer:
        tip += f" của {entry.issuer}"
    if entry.subject:
        tip += f" về {entry.subject}"
    return label, tip
