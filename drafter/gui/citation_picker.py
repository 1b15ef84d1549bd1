"""The citation picker: registry suggestions under the cursor while a citation is typed.

Typing a type word or abbreviation followed by a number ("kl 21", "kết luận 21", "nghị quyết 28
phương thức") or a number-code ("21-KL/TW"), or pressing Ctrl+Space, opens a list of registry
matches under the cursor. ↑/↓ move, Enter or Tab accept, Esc closes. The search runs in a
:class:`~drafter.gui.search_worker.SearchWorker`; per keystroke the UI thread only slices the
current line and queues a request.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QListWidget, QListWidgetItem, QStyle, QStyledItemDelegate, QVBoxLayout

from drafter.doctypes import doc_types, type_abbreviations
from drafter.text import fold

from .search_worker import SearchWorker

__all__ = ["CitationPicker", "find_query", "fallback_query", "format_entry_row", "entry_lines"]

#: A token of the line before the cursor, split at spaces and commas ("Kết", "21-KL/TW", "(kl"):
#: "Kết luận,kl 21" is three words then the number, as a hurried secretary types it.
TOKEN_RE = re.compile(r"[^\s,]+")
#: A number, possibly with a code glued on: "21", "01-KL/TW", "28-NQ", "5a". The picker opens
#: only when a type word is followed by one of these (or when the token itself has a code).
NUMBER_RE = re.compile(r"^\d{1,5}")
#: A number-code typed alone: "21-KL/TW", "06-CT/TU", "128-QĐ" (digits, dash, a letter).
NUMBER_CODE_RE = re.compile(r"^\d{1,5}\s?[-–]\s?[^\W\d_]")
#: Punctuation glued to the front of a word ("(kl", ",kl", "“Kết"): not part of the query.
LEADING_PUNCT = ",;:(\"“'[-–"
#: Punctuation that ends a clause: the citation query never reaches back across it.
CLAUSE_END_RE = re.compile(r"[.;:!?()\"“”]$")

VISIBLE_ROWS = 6  # rows shown before the list scrolls
MAX_SUBJECT_WORDS = 6  # words typed after the number that still belong to the query
MAX_SCAN_TOKENS = 12
LOOKBACK_CHARS = 160


@lru_cache(maxsize=1)
def _type_word_sequences() -> tuple[tuple[str, ...], ...]:
    """Folded type names and abbreviations as word tuples, longest first."""
    seqs = {tuple(fold(t.name).split()) for t in doc_types()}
    seqs |= {(abbr,) for abbr in type_abbreviations()}
    return tuple(sorted(seqs, key=len, reverse=True))


def _type_at(folded: list[str], i: int) -> int:
    """Number of tokens from ``i`` that spell a type word (0 when none)."""
    for seq in _type_word_sequences():
        if tuple(folded[i:i + len(seq)]) == seq:
            return len(seq)
    return 0


def _query_start(tokens: list, folded: list[str]) -> int | None:
    """Index of the token where the citation query starts, scanning from the right."""
    n = len(tokens)
    for i in range(n - 1, max(-1, n - MAX_SCAN_TOKENS - 1), -1):
        if i < n - 1 and CLAUSE_END_RE.search(tokens[i].group()):
            return None  # the clause ended before the cursor
        if NUMBER_CODE_RE.match(tokens[i].group()) and n - 1 - i <= MAX_SUBJECT_WORDS:
            return i
        width = _type_at(folded, i)
        if not width:
            continue
        j = i + width
        if j < n and folded[j] == "so":  # "kết luận số 21"
            j += 1
        if j < n and NUMBER_RE.match(tokens[j].group()) and n - 1 - j <= MAX_SUBJECT_WORDS:
            return i
    return None


def find_query(text_before: str) -> tuple[int, str] | None:
    """``(start, query)`` of the citation being typed at the end of ``text_before``, or None.

    ``"Thực hiện kl 21"`` → ``(10, "kl 21")``; ``"theo nghị quyết 28 phương thức"`` →
    ``(5, "nghị quyết 28 phương thức")``; plain prose → None.
    """
    if not text_before or CLAUSE_END_RE.search(text_before):
        return None
    offset = max(0, len(text_before) - LOOKBACK_CHARS)
    tokens = list(TOKEN_RE.finditer(text_before, offset))
    if not tokens:
        return None
    start = _query_start(tokens, [fold(t.group()).lstrip(LEADING_PUNCT) for t in tokens])
    if start is None:
        return None
    token = tokens[start].group()
    begin = tokens[start].start() + len(token) - len(token.lstrip(LEADING_PUNCT))
    return begin, text_before[begin:].rstrip()


def fallback_query(text_before: str) -> tuple[int, str]:
    """For Ctrl+Space outside a citation: the last few words of the clause before the cursor."""
    tokens = list(TOKEN_RE.finditer(text_before, max(0, len(text_before) - LOOKBACK_CHARS)))
    picked = []
    for tok in reversed(tokens[-MAX_SUBJECT_WORDS:]):
        if CLAUSE_END_RE.search(tok.group()):
            break
        picked.append(tok)
    if not picked:
        return len(text_before), ""
    begin = picked[-1].start()
    return begin, text_before[begin:].rstrip()


def _reasons_text(reasons) -> str:
    labels: list[str] = []
    for reason in reasons or ():
        if str(reason) not in labels:
            labels.append(str(reason))
    return ", ".join(labels)


def entry_lines(entry, reasons=()) -> tuple[str, str]:
    """The two lines of a suggestion row.

    ``("Kết luận 21-KL/TW · 25/10/2021 · issuer", "khớp số, khớp tên loại — subject…")``;
    ``reasons`` are shown as given: pass ``SearchResult.reason_labels`` (Vietnamese).
    """
    head = [entry.type or "", entry.number_code or (entry.aliases[0] if entry.aliases else "")]
    first = " ".join(p for p in head if p)
    if entry.date:
        first += f" · {entry.date.day:02d}/{entry.date.month:02d}/{entry.date.year}"
    if entry.issuer:
        first += f" · {entry.issuer}"
    subject = " ".join((entry.subject or "").split())
    if len(subject) > 160:
        subject = subject[:158].rstrip() + "…"
    why = _reasons_text(reasons)
    second = " — ".join(p for p in (why, subject) if p)
    return first, second


def format_entry_row(entry, reasons=()) -> str:
    """The row as one text (accessibility, tooltips): the two lines joined by a newline."""
    first, second = entry_lines(entry, reasons)
    return f"{first}\n{second}" if second else first


_LINES_ROLE = Qt.ItemDataRole.UserRole + 1


class _RowDelegate(QStyledItemDelegate):
    """Paints a suggestion in two elided lines: the identity in bold, then reasons and subject."""

    def sizeHint(self, option, index) -> QSize:
        height = option.fontMetrics.height()
        return QSize(400, 2 * height + 8)

    def paint(self, painter, option, index) -> None:
        lines = index.data(_LINES_ROLE)
        if not lines:
            return super().paint(painter, option, index)
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        rect = option.rect.adjusted(6, 3, -6, -3)
        height = option.fontMetrics.height()
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        first = painter.fontMetrics().elidedText(lines[0], Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), height), Qt.AlignmentFlag.AlignLeft, first)
        painter.setFont(option.font)
        painter.setPen(text_color if selected else QColor("#555555"))
        second = option.fontMetrics.elidedText(lines[1], Qt.TextElideMode.ElideRight, rect.width() - 14)
        painter.drawText(QRect(rect.left() + 14, rect.top() + height + 2, rect.width() - 14, height),
                         Qt.AlignmentFlag.AlignLeft, second)
        painter.restore()


def _labels_of(result) -> tuple:
    labels = getattr(result, "reason_labels", None)
    return tuple(labels) if labels is not None else tuple(getattr(result, "reasons", ()))


class CitationPicker(QFrame):
    """Suggestion list shown inside ``editor``'s viewport (the editor keeps the keyboard).

    Signals: ``chosen(entry, start, end)`` when a row is accepted (``[start, end)`` is the typed
    query in the document); ``resultsShown(int)`` after rows are shown; ``closed()``.
    """

    chosen = Signal(object, int, int)
    resultsShown = Signal(int)
    closed = Signal()

    def __init__(self, editor, search_function=None, boost_provider=None, parent=None):
        super().__init__(parent or editor.viewport())
        self._editor = editor
        self._boost_provider = boost_provider or (lambda: ())
        self.worker = SearchWorker(search_function, parent=self)
        self.worker.resultsReady.connect(self._show_results)
        self.worker.failed.connect(self._show_failure)
        self._anchor: tuple[int, int] | None = None  # (document start, block number) of the query
        self._query = ""
        self._dismissed: tuple[int, int] | None = None
        self._forced = False
        self._boost: tuple = ()
        self._results: list = []
        self._build()
        self.hide()
        editor.cursorPositionChanged.connect(self._cursor_moved)

    def _build(self) -> None:
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoFillBackground(True)
        self.list = QListWidget(self)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setWordWrap(False)
        self.list.setItemDelegate(_RowDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setUniformItemSizes(True)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.list.itemClicked.connect(lambda _item: self.accept())
        self.hint = QLabel("↑↓ chọn · Enter/Tab chèn trích dẫn · Esc đóng", self)
        self.hint.setStyleSheet("color: #666; font-size: 11px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.resize(620, 260)

    # -- public --------------------------------------------------------------------------
    def set_search_function(self, search_function) -> None:
        self.worker.search_function = search_function

    def is_open(self) -> bool:
        return self.isVisible()

    def rows(self) -> list:
        """The shown search results (SearchResult objects), in display order."""
        return list(self._results)

    def current_index(self) -> int:
        return self.list.currentRow()

    def handle_key(self, event) -> bool:
        """Keys the picker consumes before the editor; True when consumed."""
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Space and mods & Qt.KeyboardModifier.ControlModifier:
            self.open_now()
            return True
        if not self.isVisible():
            return False
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._move(key)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            if self._results:
                self.accept()
            else:
                self.close_picker()
            return True
        if key == Qt.Key.Key_Escape:
            self._dismissed = self._anchor
            self.close_picker()
            return True
        return False

    def text_edited(self) -> None:
        """After each edit: find the query before the cursor and queue a search (tiny work)."""
        found = self._current_query(forced=self._forced and self.isVisible())
        if found is None:
            self.close_picker()
            return
        start, block_no, query = found
        if (start, block_no) == self._dismissed:
            return
        self._request(start, block_no, query)

    def open_now(self) -> None:
        """Ctrl+Space: open on the citation before the cursor, or on the words before it."""
        self._dismissed = None
        self._forced = True
        start, block_no, query = self._current_query(forced=True)
        self._request(start, block_no, query, force=True)

    def close_picker(self) -> None:
        self.worker.cancel()
        self._forced = False
        self._query = ""
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def accept(self) -> None:
        row = self.list.currentRow()
        if not self._results or row < 0 or self._anchor is None:
            return
        entry = self._results[row].entry
        start, cursor = self._anchor[0], self._editor.textCursor().position()
        end = min(cursor, start + len(self._query))  # spaces typed after the query stay
        self.close_picker()
        self.chosen.emit(entry, start, max(start, end))

    # -- internals -----------------------------------------------------------------------
    def _cursor_moved(self) -> None:
        """Arrows or a click moved the cursor: close if it left the citation being typed."""
        if self.isVisible():
            self.text_edited()

    def _current_query(self, forced: bool):
        cursor = self._editor.textCursor()
        block = cursor.block()
        col = cursor.positionInBlock()
        floor = self._span_floor(block, cursor.position())
        text = block.text()[floor:col]
        found = find_query(text)
        if found is None:
            if not forced:
                return None
            found = fallback_query(text)
        return block.position() + floor + found[0], block.blockNumber(), found[1]

    @staticmethod
    def _span_floor(block, position: int) -> int:
        """Column just after the last atomic span before ``position`` (0 when none)."""
        from .body_text import SPAN_PROP, format_property

        floor = 0
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            it += 1
            end = frag.position() + frag.length()
            if end <= position and format_property(frag.charFormat(), SPAN_PROP):
                floor = end - block.position()
        return floor

    def _request(self, start: int, block_no: int, query: str, force: bool = False) -> None:
        if not force and query == self._query and self._anchor == (start, block_no):
            return
        if force or self._anchor != (start, block_no):
            self._boost = tuple(self._boost_provider())  # once per citation, not per keystroke
        self._anchor, self._query = (start, block_no), query
        if self.worker.search_function is None:  # the registry is still opening (or none)
            if force:
                self._results = []
                self.list.clear()
                self._add_message("Sổ văn bản chưa sẵn sàng; hãy thử lại sau giây lát.")
                self._place()
            return
        self.worker.request(query, self._boost)

    def _show_results(self, _seq: int, _query: str, results: list) -> None:
        self._results = list(results)
        self.list.clear()
        if not self._results:
            if self._forced:
                self._add_message("Không tìm thấy văn bản phù hợp trong sổ văn bản.")
                self._place()
            else:
                self.hide()
            self.resultsShown.emit(0)
            return
        for result in self._results:
            lines = entry_lines(result.entry, _labels_of(result))
            item = QListWidgetItem(format_entry_row(result.entry, _labels_of(result)))
            item.setData(_LINES_ROLE, lines)
            item.setToolTip(f"{lines[0]}\n{result.entry.subject or ''}")
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self._place()
        self.resultsShown.emit(len(self._results))

    def _show_failure(self, _seq: int, message: str) -> None:
        self._results = []
        self.list.clear()
        self._add_message(f"Không tìm được trong sổ văn bản: {message}")
        self._place()
        self.resultsShown.emit(0)

    def _add_message(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(_LINES_ROLE, (text, ""))  # every row has the role (see body_text.format_property)
        self.list.addItem(item)

    def _move(self, key) -> None:
        count = self.list.count()
        if not count or not self._results:
            return
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -5, Qt.Key.Key_PageDown: 5}[key]
        row = self.list.currentRow() + step
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            row %= count  # wrap around
        self.list.setCurrentRow(max(0, min(count - 1, row)))

    def _place(self) -> None:
        viewport = self._editor.viewport()
        rect = self._editor.cursorRect()
        width = min(self.width(), max(200, viewport.width() - 4))
        rows = max(1, min(self.list.count(), VISIBLE_ROWS))
        row_height = max(self.list.sizeHintForRow(0), 20)
        height = rows * row_height + self.hint.sizeHint().height() + 12
        x = max(0, min(rect.left(), viewport.width() - width))
        y = rect.bottom() + 4
        if y + height > viewport.height() and rect.top() - height - 4 >= 0:
            y = rect.top() - height - 4  # no room below: open above the line
        self.setGeometry(x, y, width, height)
        self.move(QPoint(x, y))
        self.show()
        self.raise_()
