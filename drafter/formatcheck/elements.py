"""The element finder: which line is the title, the issuer, the number, the trích yếu ...

Works on :class:`~drafter.formatcheck.lines.Line` lists from a .docx (tables or plain
paragraphs) or from a text copy, by text alone; formatting is only used, when given, to tell
the parent body (not bold) from the issuer (bold). Roles follow design.md's names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..doctypes import doc_types
from ..text import fold
from .lines import Line, is_upper_text
from .patterns import (ACADEMIC_NAME_RE, AUTHORITY_RE, CAN_CU_RE, DASH_LINE_RE, FOOTNOTE_LINE_RE, HEADER_MARK_RE,
                       HEADING_ARABIC_RE, HEADING_LETTER_RE, HEADING_ROMAN_RE, KINH_GUI_RE,
                       NUMBER_LINE_RE, PLACE_DATE_RE, PLACE_NUMERIC_DATE_RE, RECIPIENT_ITEM_RE,
                       RECIPIENTS_LABEL_RE, SIGNER_NAME_RE, STAR_RE, SUBJECT_START_RE)

__all__ = ["Elements", "find_elements", "ROLES"]

ROLES = ("title", "state_title", "parent_body", "issuer", "issuer_rule", "star", "number", "place_date",
         "doc_type", "doc_type_of", "subject", "subject_rule", "letter_subject", "kinh_gui", "kinh_gui_items",
         "body", "can_cu", "heading_roman", "heading_arabic", "heading_letter", "authority",
         "signer_title", "signer_name", "recipients_label", "recipients")

_TITLE_KEY = "dang cong san viet nam"
_STATE_TITLE_KEYS = ("cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "doc lap- tu do- hanh phuc")
#: How far a long paragraph must be to count as body text, not a wrapped header line.
_BODY_MIN_CHARS = 160


@dataclass
class Elements:
    lines: list[Line]
    roles: dict[str, list[int]] = field(default_factory=lambda: {r: [] for r in ROLES})
    header_present: bool = False  # title, star or place-date line found
    is_letter: bool = False  # công văn: no tên loại

    def first(self, role: str) -> Line | None:
        idx = self.roles[role]
        return self.lines[idx[0]] if idx else None

    def all(self, role: str) -> list[Line]:
        return [self.lines[i] for i in self.roles[role]]

    def add(self, role: str, line: Line) -> None:
        self.roles[role].append(line.index)


def _key(line: Line) -> str:
    return " ".join(fold(line.clean).replace("–", "-").split())


def _doc_type_match(line: Line) -> bool:
    key = _key(line)
    for t in doc_types():
        name = fold(t.name)
        if key == name:
            return True
        if key.startswith(name) and key[len(name):].lstrip().startswith("cua ") and is_upper_text(line.clean):
            return True
    return False


def _find_doc_type(lines: list[Line], stop: int) -> int | None:
    for line in lines[:stop]:
        if len(line.clean) > 60 or line.table is not None and line.col == 0 and line.row == 0:
            continue
        if _doc_type_match(line):
            return line.index
    return None


def _closing_start(lines: list[Line]) -> int:
    """Index of the first line of the closing block (Nơi nhận or authority), or len(lines)."""
    for line in lines:
        if RECIPIENTS_LABEL_RE.match(line.clean) or AUTHORITY_RE.match(line.clean) and is_upper_text(line.clean):
            return line.index
    return len(lines)


def _header_stop(lines: list[Line], closing: int) -> int:
    """Where the header region must end at the latest: the first body-length paragraph."""
    for line in lines[:closing]:
        if len(line.clean) >= _BODY_MIN_CHARS or KINH_GUI_RE.match(line.clean) or CAN_CU_RE.match(line.clean):
            return line.index
    return closing


def find_elements(lines: list[Line], bold: Callable[[Line], bool | None] | None = None,
                  body_like: Callable[[Line], bool] | None = None) -> Elements:
    """Assign layout roles to ``lines``; ``bold`` (optional) says whether a line is bold and
    ``body_like`` whether its paragraph is laid out as body text (justified or indented), which
    ends the trích yếu in a .docx without ``-----``."""
    el = Elements(lines)
    closing = _closing_start(lines)
    stop = _header_stop(lines, closing)
    doc_type = _find_doc_type(lines, stop)
    header_end = doc_type if doc_type is not None else stop
    _find_header(el, lines[:header_end], bold)
    el.header_present = bool(el.roles["title"] or el.roles["star"] or el.roles["place_date"] or el.roles["state_title"])
    number = el.first("number")
    el.is_letter = doc_type is None and number is not None and "-CV/" in number.clean.replace(" ", "")
    body_from = header_end
    if doc_type is not None:
        body_from = _find_title_block(el, lines, doc_type, closing, body_like)
    elif el.is_letter:
        _find_letter_subject(el, lines[:header_end])
    _find_body(el, lines[body_from:closing])
    _find_closing(el, lines[closing:])
    return el


def _find_header(el: Elements, header: list[Line], bold) -> None:
    for line in header:
        key, text = _key(line), line.clean
        if key == _TITLE_KEY:
            el.add("title", line)
        elif key in _STATE_TITLE_KEYS:
            el.add("state_title", line)
        elif STAR_RE.match(text):
            el.add("star", line)
        elif NUMBER_LINE_RE.match(text) and not el.roles["number"]:
            el.add("number", line)
        elif (PLACE_DATE_RE.match(text) or PLACE_NUMERIC_DATE_RE.match(text)) and not el.roles["place_date"]:
            el.add("place_date", line)
    _find_issuer(el, header, bold)


def _find_issuer(el: Elements, header: list[Line], bold) -> None:
    """Uppercase lines just above the star (or the number line), title and marks excluded."""
    anchor = el.first("star") or el.first("number")
    if anchor is None:
        return
    taken = {i for role in ("title", "state_title", "place_date") for i in el.roles[role]}
    block: list[Line] = []
    for line in reversed(header[: anchor.index - header[0].index] if header else []):
        if line.index in taken or (anchor.table is not None and line.table == anchor.table and line.col != anchor.col):
            continue
        if DASH_LINE_RE.match(line.clean):
            el.add("issuer_rule", line)  # a typed rule under the issuer (State habit), or under the title
            continue
        if not is_upper_text(line.clean) or HEADER_MARK_RE.match(line.clean) or len(line.clean) > 80:
            break
        block.insert(0, line)
    if not block:
        return
    parents = _parent_lines(block, bold)
    for line in block:
        el.add("parent_body" if line in parents else "issuer", line)


def _parent_lines(block: list[Line], bold) -> list[Line]:
    if len(block) < 2:
        return []
    if bold is None:
        return block[:1]
    flags = [bold(line) for line in block]
    if all(f is False for f in flags):
        return block[:1]
    lead = []
    for line, flag in zip(block, flags):
        if flag is not False:
            break
        lead.append(line)
    return lead if len(lead) < len(block) else block[:1]


def _find_title_block(el: Elements, lines: list[Line], doc_type: int, closing: int, body_like=None) -> int:
    """Tên loại, its "CỦA ..." line(s), the trích yếu and the ``-----``; returns where the body starts."""
    el.add("doc_type", lines[doc_type])
    i = doc_type + 1
    while i < closing and is_upper_text(lines[i].clean) and len(lines[i].clean) <= 120 \
            and not DASH_LINE_RE.match(lines[i].clean) and i - doc_type <= 3:
        el.add("doc_type_of", lines[i])
        i += 1
    while i < closing and len(el.roles["subject"]) < 6:
        line = lines[i]
        first_lower = not el.roles["subject"] and (line.clean[:1].islower() or bool(SUBJECT_START_RE.match(line.clean)))
        if DASH_LINE_RE.match(line.clean) or (el.roles["subject"] and line.gap_before) \
                or (len(line.clean) >= _BODY_MIN_CHARS and not first_lower) or CAN_CU_RE.match(line.clean) \
                or KINH_GUI_RE.match(line.clean) or _is_heading(line) \
                or (el.roles["subject"] and body_like is not None and body_like(line)):
            break
        el.add("subject", line)
        i += 1
    if i < closing and DASH_LINE_RE.match(lines[i].clean):
        el.add("subject_rule", lines[i])
        i += 1
    return i


def _find_letter_subject(el: Elements, header: list[Line]) -> None:
    number = el.first("number")
    for line in header:
        if line.index <= number.index or line.index in el.roles["place_date"] + el.roles["title"]:
            continue
        if number.table is not None and (line.table != number.table or line.col != number.col):
            continue
        if is_upper_text(line.clean) or HEADER_MARK_RE.match(line.clean):
            continue
        el.add("letter_subject", line)


def _is_heading(line: Line) -> bool:
    return bool(HEADING_ROMAN_RE.match(line.clean))


def _find_body(el: Elements, body: list[Line]) -> None:
    in_can_cu, in_kinh_gui = True, False
    for line in body:
        text = line.clean
        if FOOTNOTE_LINE_RE.match(text):
            continue
        if KINH_GUI_RE.match(text):
            el.add("kinh_gui", line)
            in_kinh_gui = True
            continue
        if in_kinh_gui and RECIPIENT_ITEM_RE.match(text) and len(text) < _BODY_MIN_CHARS \
                and not CAN_CU_RE.match(text) and not (line.gap_before and el.roles["kinh_gui_items"]):
            el.add("kinh_gui_items", line)  # "Kính gửi:" followed by one addressee per line
            continue
        in_kinh_gui = False
        if in_can_cu and CAN_CU_RE.match(text):
            el.add("can_cu", line)
            continue
        in_can_cu = in_can_cu and not el.roles["body"]
        if HEADING_ROMAN_RE.match(text) and len(text) < _BODY_MIN_CHARS:
            el.add("heading_roman", line)
        elif HEADING_ARABIC_RE.match(text) and len(text) < 120 and not text.endswith((".", ";", ",")):
            el.add("heading_arabic", line)
        elif HEADING_LETTER_RE.match(text) and len(text) < 120 and not text.endswith((".", ";", ",")):
            el.add("heading_letter", line)
        elif line.table is None:
            el.add("body", line)
        if not CAN_CU_RE.match(text):
            in_can_cu = False


def _find_closing(el: Elements, closing: list[Line]) -> None:
    i = 0
    while i < len(closing):
        line = closing[i]
        if RECIPIENTS_LABEL_RE.match(line.clean) and not el.roles["recipients_label"]:
            el.add("recipients_label", line)
            i, deferred = _find_recipients(el, closing, i + 1)
            for other in deferred:
                _classify_signature(el, other)
            continue
        _classify_signature(el, line)
        i += 1


def _classify_signature(el: Elements, line: Line) -> None:
    """Authority, signer title or signer name, in that order."""
    if AUTHORITY_RE.match(line.clean) and is_upper_text(line.clean) and not el.roles["authority"]:
        el.add("authority", line)
    elif is_upper_text(line.clean) and len(line.clean) <= 60 and not el.roles["signer_name"] \
            and not HEADER_MARK_RE.match(line.clean):
        el.add("signer_title", line)
    elif (el.roles["signer_title"] or el.roles["authority"]) and not el.roles["signer_name"] \
            and (SIGNER_NAME_RE.match(line.clean) or ACADEMIC_NAME_RE.match(line.clean)):
        el.add("signer_name", line)


def _signature_like(line: Line) -> bool:
    """A line of the signature column met inside the recipient list of a text copy."""
    text = line.clean
    return not RECIPIENT_ITEM_RE.match(text) and (is_upper_text(text) or bool(SIGNER_NAME_RE.match(text)))


def _find_recipients(el: Elements, closing: list[Line], i: int) -> tuple[int, list[Line]]:
    """Recipient lines after the label: its table cell, or (text layout) the ``- …`` lines and
    their continuations up to a gap; signature lines met on the way (a text copy of a two-column
    closing interleaves them) are returned to be classified."""
    label = el.first("recipients_label")
    items, deferred = 0, []
    while i < len(closing):
        line = closing[i]
        if label.table is not None:
            if (line.table, line.row, line.col) != (label.table, label.row, label.col):
                break
        elif FOOTNOTE_LINE_RE.match(line.clean):
            break
        elif _signature_like(line):
            deferred.append(line)
            i += 1
            continue
        elif not RECIPIENT_ITEM_RE.match(line.clean) and (not items or line.gap_before):
            break
        el.add("recipients", line)
        items += 1
        i += 1
    return i, deferred
