"""The body's text area: a QTextEdit whose citations are atomic reference spans.

A citation in the document is a run of characters (its display label, "Kết luận số 21-KL/TW")
whose char format carries the reference as JSON in :data:`CITE_PROP` and a unique token in
:data:`SPAN_PROP`. The cursor never stops inside a span; Backspace/Delete remove a whole span;
text typed next to a span never inherits its format. Footnote marks are spans too
(:data:`NOTE_PROP`). Each QTextBlock is one body block; its kind and heading level are block
format properties, so :func:`read_blocks` (document → model) and :func:`fill_document`
(model → document) are exact inverses.
"""

from __future__ import annotations

import dataclasses
import itertools
import json

from PySide6.QtCore import QCoreApplication, QMimeData, Qt, Signal
from PySide6.QtGui import (QColor, QFont, QSyntaxHighlighter, QTextBlockFormat, QTextCharFormat, QTextCursor,
                           QTextDocument, QTextFormat)
from PySide6.QtWidgets import QTextEdit

from drafter.drafting.model import Block, Cite, CitationRef, NoteRef, Text

__all__ = ["BodyTextEdit", "fill_document", "read_blocks", "cite_to_json", "cite_from_json", "format_property",
           "CITE_PROP", "NOTE_PROP", "SPAN_PROP", "KIND_PROP", "LEVEL_PROP"]

CITE_PROP = QTextFormat.Property.UserProperty + 1  # char: Cite segment as JSON text
NOTE_PROP = QTextFormat.Property.UserProperty + 2  # char: footnote id
SPAN_PROP = QTextFormat.Property.UserProperty + 3  # char: unique token of one atomic span
KIND_PROP = QTextFormat.Property.UserProperty + 10  # block: "paragraph" | "item" | "heading"
LEVEL_PROP = QTextFormat.Property.UserProperty + 11  # block: heading level 1-3

CITE_BACKGROUND = QColor("#fdeba0")
CITE_FOREGROUND = QColor("#123a7a")
NOTE_FOREGROUND = QColor("#7a1230")
HEADING_BACKGROUND = QColor("#eef2f8")
SEGMENTS_MIME = "application/x-drafter-blocks+json"  # copied blocks with their citation references
LINE_SEPARATOR = "\u2028"  # a line break inside one block (QTextBlock.text() uses it)
_tokens = itertools.count(1)


def format_property(fmt, key):
    """``fmt.property(key)``, or None when ``fmt`` does not have it.

    Never call ``QTextFormat.property`` for a missing key: PySide6 6.12.0 returns None for the
    invalid QVariant without taking a reference, and after a few thousand calls Python aborts
    with "deallocating None" (found while measuring keystrokes; 6.11.3 does not do it).
    """
    return fmt.property(key) if fmt.hasProperty(key) else None


def cite_to_json(seg: Cite) -> dict:
    """Every field of a citation segment as JSON (the reference plus the segment's own options,
    whatever fields the drafting model gives Cite), so the span keeps all of it."""
    data: dict = {"ref": seg.ref.to_json()}
    for f in dataclasses.fields(Cite):
        if f.name != "ref":
            data[f.name] = getattr(seg, f.name)
    return data


def cite_from_json(data: dict) -> Cite:
    known = {f.name for f in dataclasses.fields(Cite)} - {"ref"}
    return Cite(CitationRef.from_json(data["ref"]), **{k: v for k, v in data.items() if k in known})


def _segment_to_json(seg) -> dict:
    if isinstance(seg, Cite):
        return {"cite": cite_to_json(seg)}
    if isinstance(seg, NoteRef):
        return {"note": seg.note_id}
    return {"text": seg.text, "bold": seg.bold, "italic": seg.italic}


def _segment_from_json(data: dict):
    if "cite" in data:
        return cite_from_json(data["cite"])
    if "note" in data:
        return NoteRef(str(data["note"]))
    return Text(str(data["text"]), bool(data.get("bold")), bool(data.get("italic")))


def _block_to_json(block: Block) -> dict:
    return {"kind": block.kind, "level": block.level, "segments": [_segment_to_json(s) for s in block.segments]}


def _block_from_json(data: dict) -> Block:
    return Block(str(data["kind"]), tuple(_segment_from_json(s) for s in data["segments"]), int(data["level"]))


def _default_label(seg: Cite) -> tuple[str, str]:
    return seg.ref.number_code, seg.ref.number_code


def span_format(seg: Cite | NoteRef, label_for=None) -> tuple[str, QTextCharFormat]:
    """Display text and char format of an atomic span."""
    fmt = QTextCharFormat()
    fmt.setProperty(SPAN_PROP, next(_tokens))
    if isinstance(seg, NoteRef):
        fmt.setProperty(NOTE_PROP, seg.note_id)
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        fmt.setForeground(NOTE_FOREGROUND)
        fmt.setToolTip(f"Chú thích {seg.note_id}")
        return f"[{seg.note_id}]", fmt
    label, tooltip = (label_for or _default_label)(seg)
    fmt.setProperty(CITE_PROP, json.dumps(cite_to_json(seg), ensure_ascii=False))
    fmt.setBackground(CITE_BACKGROUND)
    fmt.setForeground(CITE_FOREGROUND)
    fmt.setToolTip(tooltip)
    return label, fmt


def _text_format(seg: Text) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if seg.bold else QFont.Weight.Normal)
    fmt.setFontItalic(seg.italic)
    return fmt


def block_format(kind: str, level: int) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setProperty(KIND_PROP, kind)
    fmt.setProperty(LEVEL_PROP, level)
    fmt.setBottomMargin(6)
    if kind == "heading":
        fmt.setBackground(HEADING_BACKGROUND)
        fmt.setTopMargin(10 if level == 1 else 4)
    elif kind == "item":
        fmt.setLeftMargin(18)
    return fmt


def insert_segments(cursor: QTextCursor, segments, label_for=None) -> None:
    for seg in segments:
        if isinstance(seg, Text):
            cursor.insertText(seg.text.replace("\n", LINE_SEPARATOR), _text_format(seg))
        else:
            label, fmt = span_format(seg, label_for)
            cursor.insertText(label, fmt)
    cursor.setCharFormat(QTextCharFormat())


def fill_document(doc, blocks, label_for=None) -> None:
    """Replace the whole content of ``doc`` by ``blocks`` (one undo step)."""
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.removeSelectedText()
    for i, block in enumerate(blocks):
        fmt = block_format(block.kind, block.level)
        if i == 0:
            cursor.setBlockFormat(fmt)
            cursor.setBlockCharFormat(QTextCharFormat())
        else:
            cursor.insertBlock(fmt, QTextCharFormat())
        insert_segments(cursor, block.segments, label_for)
    cursor.endEditBlock()


def _fragment_segment(fmt: QTextCharFormat, text: str):
    cite = format_property(fmt, CITE_PROP)
    if cite:
        return cite_from_json(json.loads(cite))
    note = format_property(fmt, NOTE_PROP)
    if note:
        return NoteRef(str(note))
    bold = fmt.fontWeight() >= QFont.Weight.DemiBold
    return Text(text.replace(LINE_SEPARATOR, "\n"), bold, fmt.fontItalic())


def block_segments(qblock) -> tuple:
    """Segments of one QTextBlock: adjacent text with equal style merged, one segment per span."""
    segments: list = []
    last_token = None
    it = qblock.begin()
    while not it.atEnd():
        frag = it.fragment()
        it += 1
        if not frag.isValid():
            continue
        fmt = frag.charFormat()
        token = format_property(fmt, SPAN_PROP)
        if token and token == last_token:
            continue  # one span split into several fragments
        last_token = token
        seg = _fragment_segment(fmt, frag.text())
        prev = segments[-1] if segments else None
        if isinstance(seg, Text) and isinstance(prev, Text) and (prev.bold, prev.italic) == (seg.bold, seg.italic):
            segments[-1] = Text(prev.text + seg.text, seg.bold, seg.italic)
        elif not (isinstance(seg, Text) and not seg.text):
            segments.append(seg)
    return tuple(segments)


def block_kind(qblock) -> tuple[str, int]:
    fmt = qblock.blockFormat()
    kind = format_property(fmt, KIND_PROP) or "paragraph"
    level = int(format_property(fmt, LEVEL_PROP) or 0)
    return kind, level


def read_blocks(doc) -> tuple[Block, ...]:
    """The body blocks of ``doc``; empty blocks are dropped."""
    blocks = []
    qblock = doc.begin()
    while qblock.isValid():
        segments = block_segments(qblock)
        if segments:
            kind, level = block_kind(qblock)
            blocks.append(Block(kind, segments, level if kind == "heading" else 0))
        qblock = qblock.next()
    return tuple(blocks)


def span_at(doc, pos: int) -> tuple[int, int] | None:
    """``(start, end)`` of the atomic span holding the character at ``pos``, or None."""
    qblock = doc.findBlock(pos)
    if not qblock.isValid():
        return None
    start = end = None
    token = None
    it = qblock.begin()
    while not it.atEnd():
        frag = it.fragment()
        it += 1
        f_start, f_end = frag.position(), frag.position() + frag.length()
        f_token = format_property(frag.charFormat(), SPAN_PROP)
        if token is None and f_start <= pos < f_end and f_token:
            token, start, end = f_token, f_start, f_end
        elif token is not None and f_token == token and f_start == end:
            end = f_end  # the same span continues in the next fragment
    if token is None:
        return None
    it = qblock.begin()  # a span split before ``pos``: extend to the left
    while not it.atEnd():
        frag = it.fragment()
        it += 1
        if format_property(frag.charFormat(), SPAN_PROP) == token:
            start = min(start, frag.position())
    return start, end


class HeadingHighlighter(QSyntaxHighlighter):
    """Shows heading blocks in bold. Display only: highlighter formats never reach the document's
    char formats, so bold headings do not turn into bold Text segments."""

    def highlightBlock(self, text: str) -> None:
        kind, level = block_kind(self.currentBlock())
        if kind == "heading" and text:
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            if level == 3:
                fmt.setFontItalic(True)
            self.setFormat(0, len(text), fmt)


class BodyTextEdit(QTextEdit):
    """QTextEdit with atomic spans; ``picker`` (optional) sees keys first."""

    citationsChanged = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.picker = None
        self.label_for = None  # display label and tooltip of a citation (set by the body editor)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(False)
        self.cursorPositionChanged.connect(self._snap_cursor)
        self.highlighter = HeadingHighlighter(self.document())

    # -- atomic spans -------------------------------------------------------------------
    def _snap_cursor(self) -> None:
        cursor = self.textCursor()
        pos = cursor.position()
        span = span_at(self.document(), pos)
        if span and span[0] < pos:  # strictly inside: jump to the nearest edge
            edge = span[1] if pos - span[0] >= span[1] - pos else span[0]
            mode = QTextCursor.MoveMode.KeepAnchor if cursor.hasSelection() else QTextCursor.MoveMode.MoveAnchor
            cursor.setPosition(edge, mode)
            self.setTextCursor(cursor)

    def _plain_format_here(self) -> None:
        if format_property(self.currentCharFormat(), SPAN_PROP):
            self.setCurrentCharFormat(QTextCharFormat())

    def _delete_span(self, backwards: bool) -> bool:
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        pos = cursor.position() - 1 if backwards else cursor.position()
        span = span_at(self.document(), pos) if pos >= 0 else None
        if not span:
            return False
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self.setTextCursor(cursor)
        self.citationsChanged.emit()
        return True

    def _jump_span(self, forward: bool, keep: bool) -> bool:
        cursor = self.textCursor()
        pos = cursor.position()
        span = span_at(self.document(), pos if forward else pos - 1) if (forward or pos > 0) else None
        if not span or (forward and span[0] != pos) or (not forward and span[1] != pos):
            return False
        mode = QTextCursor.MoveMode.KeepAnchor if keep else QTextCursor.MoveMode.MoveAnchor
        cursor.setPosition(span[1] if forward else span[0], mode)
        self.setTextCursor(cursor)
        return True

    def keyPressEvent(self, event) -> None:
        if self.picker is not None and self.picker.handle_key(event):
            return
        key, mods = event.key(), event.modifiers()
        plain_mods = mods & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_Backspace and not plain_mods and self._delete_span(True):
            return self._after_edit()
        if key == Qt.Key.Key_Delete and not plain_mods and self._delete_span(False):
            return self._after_edit()
        keep = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not plain_mods:
            if self._jump_span(key == Qt.Key.Key_Right, keep):
                return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._return_after_heading(event):
            return self._after_edit()
        if event.text() and event.text().isprintable():
            self._plain_format_here()
        super().keyPressEvent(event)
        if event.text():
            self._after_edit()

    def _return_after_heading(self, event) -> bool:
        """Enter at the end of a heading starts an ordinary paragraph, not another heading."""
        cursor = self.textCursor()
        if block_kind(cursor.block())[0] != "heading" or not cursor.atBlockEnd():
            return False
        cursor.insertBlock(block_format("paragraph", 0), QTextCharFormat())
        self.setTextCursor(cursor)
        return True

    def _after_edit(self) -> None:
        if self.picker is not None:
            self.picker.text_edited()

    def focusOutEvent(self, event) -> None:
        if self.picker is not None and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.picker.close_picker()
        super().focusOutEvent(event)

    def createMimeDataFromSelection(self):
        """Plain text for other programs, plus the selected blocks with their citations for
        pasting back into Drafter (HTML would lose the references)."""
        rich = super().createMimeDataFromSelection()  # lists a fixed set of formats: copy it out
        mime = QMimeData()
        mime.setText(rich.text())
        mime.setHtml(rich.html())
        scratch = QTextDocument()
        QTextCursor(scratch).insertFragment(self.textCursor().selection())
        blocks = read_blocks(scratch)
        mime.setData(SEGMENTS_MIME, json.dumps([_block_to_json(b) for b in blocks], ensure_ascii=False).encode())
        return mime

    def insertFromMimeData(self, source) -> None:
        """Paste Drafter blocks with their citations; anything else as plain text (a pasted
        highlighted span from elsewhere must not become a fake citation)."""
        cursor = self.textCursor()
        if source.hasFormat(SEGMENTS_MIME):
            try:
                blocks = [_block_from_json(b) for b in json.loads(bytes(source.data(SEGMENTS_MIME)).decode())]
            except (ValueError, KeyError, TypeError):
                blocks = None
            if blocks:
                cursor.beginEditBlock()
                for i, block in enumerate(blocks):
                    if i:
                        cursor.insertBlock(block_format(block.kind, block.level), QTextCharFormat())
                    insert_segments(cursor, block.segments, self.label_for)
                cursor.endEditBlock()
                self.setTextCursor(cursor)
                self.citationsChanged.emit()
                return
        if source.hasText():
            cursor.insertText(source.text().replace("\r\n", "\n").replace("\r", "\n"), QTextCharFormat())
            self.setTextCursor(cursor)

    def insert_span(self, start: int, end: int, seg, label_for=None) -> None:
        """Replace ``[start, end)`` by an atomic span for ``seg`` (one undo step)."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        label, fmt = span_format(seg, label_for)
        cursor.insertText(label, fmt)
        cursor.setCharFormat(QTextCharFormat())
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        self.setCurrentCharFormat(QTextCharFormat())
        self.citationsChanged.emit()


def release_clipboard() -> None:
    """Hand the clipboard back to Qt before the application ends.

    A copy from the editor puts a Python-made ``QMimeData`` on the clipboard; Qt deletes the
    clipboard's data in its exit handlers, after Python has shut down, and that crashed the
    process (segmentation fault at exit, seen with PySide6 6.11). Replacing our data with plain
    text that Qt makes itself keeps what the user copied, minus the Drafter-only formats.
    """
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat(SEGMENTS_MIME):
        clipboard.setText(data.text())


def release_clipboard_on_quit() -> None:
    """Connect :func:`release_clipboard` to the application's ``aboutToQuit`` (once)."""
    app = QCoreApplication.instance()
    if app is not None and not app.property("drafterClipboardGuard"):
        app.aboutToQuit.connect(release_clipboard)
        app.setProperty("drafterClipboardGuard", True)
