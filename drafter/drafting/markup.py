"""Draft markup: the small line language a template renders to, parsed into header and body.

A template (Jinja) produces lines like::

    @doc_type: KẾT LUẬN
    @subject: về tiếp tục đẩy mạnh ...
    @recipient: Ban Tổ chức Trung ương (để báo cáo)
    @footnote 1: Thực hiện theo [[cite:124-KH/TU|2022-05-31|Thành phố Hồ Chí Minh]].
    # I- Kết quả thực hiện
    Ban Thường vụ Thị ủy kết luận như sau:[[note:1]]
    - Một số chi, đảng bộ ...

``@name: value`` sets a header field (``@subject`` and ``@recipient`` repeat); ``#``/``##``/``###``
start headings of level 1-3; other lines are paragraphs (a leading ``- `` makes a list item).
Inline: ``[[cite:NUMBER-CODE|yyyy-mm-dd|jurisdiction|id=12|short=...|form=full|subject=0]]``,
``[[note:ID]]``, ``**bold**`` and ``*italic*``.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from .model import Block, Cite, CitationRef, Footnote, NoteRef, Segment, Text

__all__ = ["ParsedMarkup", "parse_markup", "parse_inline", "cite_marker", "MarkupError",
           "HEADER_LINE_RE", "FOOTNOTE_LINE_RE", "INLINE_RE", "HEADING_RE"]

#: "@doc_type: KẾT LUẬN", "@recipient: Lưu Văn phòng Thành ủy" — header field lines.
HEADER_LINE_RE = re.compile(r"^@(?P<name>[a-z_]+)\s*:\s?(?P<value>.*)$")
#: "@footnote 1: text" — a footnote body (the text may hold inline markup).
FOOTNOTE_LINE_RE = re.compile(r"^@footnote\s+(?P<id>[\w-]+)\s*:\s?(?P<value>.*)$")
#: "# I- Kết quả", "## 1. Nhiệm vụ", "### a) ..." — headings, the number of # gives the level.
HEADING_RE = re.compile(r"^(?P<hashes>#{1,3})\s+(?P<text>.+)$")
#: Inline markup, tried left to right: "[[cite:21-KL/TW|2021-10-25|TW]]", "[[note:1]]",
#: "**bold**", "*italic*" (a lone "*" such as the header star is not matched: it needs a closing one).
INLINE_RE = re.compile(
    r"\[\[cite:(?P<cite>[^\]]+)\]\]|\[\[note:(?P<note>[\w-]+)\]\]|\*\*(?P<bold>[^*]+)\*\*|\*(?P<italic>[^*\s][^*]*)\*"
)


class MarkupError(ValueError):
    """A markup line cannot be read; ``line`` is 1-based in the rendered template output."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class ParsedMarkup:
    header: dict  # header field name -> value (str, or list for "subject"/"recipients")
    body: tuple[Block, ...]
    footnotes: tuple[Footnote, ...]


def cite_marker(ref: CitationRef, short_name: str | None = None, form: str = "auto",
                with_subject: bool = True) -> str:
    """The inline markup for a citation (what a template's ``cite`` filter writes)."""
    parts = [ref.number_code, ref.date.isoformat() if ref.date else "", ref.jurisdiction or ""]
    if ref.entry_id is not None:
        parts.append(f"id={ref.entry_id}")
    if short_name:
        parts.append(f"short={short_name}")
    if form != "auto":
        parts.append(f"form={form}")
    if not with_subject:
        parts.append("subject=0")
    return "[[cite:" + "|".join(p.replace("|", "/").replace("]", ")") for p in parts) + "]]"


def _parse_cite(body: str, line: int) -> Cite:
    parts = body.split("|")
    options = dict(p.split("=", 1) for p in parts[3:] if "=" in p)
    try:
        day = _dt.date.fromisoformat(parts[1]) if len(parts) > 1 and parts[1] else None
        entry_id = int(options["id"]) if "id" in options else None
    except ValueError as exc:
        raise MarkupError(f"trích dẫn không hợp lệ [[cite:{body}]] ({exc})", line) from None
    ref = CitationRef(parts[0].strip(), entry_id, day, (parts[2].strip() or None) if len(parts) > 2 else None)
    return Cite(ref, options.get("short") or None, options.get("form", "auto"), options.get("subject") != "0")


def parse_inline(text: str, line: int = 0) -> tuple[Segment, ...]:
    """Split one line of text into segments."""
    segments: list[Segment] = []
    pos = 0
    for m in INLINE_RE.finditer(text):
        if m.start() > pos:
            segments.append(Text(text[pos:m.start()]))
        if m["cite"] is not None:
            segments.append(_parse_cite(m["cite"], line))
        elif m["note"] is not None:
            segments.append(NoteRef(m["note"]))
        elif m["bold"] is not None:
            segments.append(Text(m["bold"], bold=True))
        else:
            segments.append(Text(m["italic"], italic=True))
        pos = m.end()
    if pos < len(text):
        segments.append(Text(text[pos:]))
    return tuple(segments)


def _add_header(header: dict, name: str, value: str) -> None:
    if name == "subject":
        header["subject"] = (header["subject"] + "\n" + value) if header.get("subject") else value
    elif name == "recipient":
        header.setdefault("recipients", []).append(value)
    else:
        header[name] = value


def parse_markup(text: str) -> ParsedMarkup:
    """Parse rendered template output; :class:`MarkupError` names the offending line."""
    header: dict = {}
    body: list[Block] = []
    notes: list[Footnote] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        m = FOOTNOTE_LINE_RE.match(line)
        if m:
            notes.append(Footnote(m["id"], parse_inline(m["value"].strip(), number)))
            continue
        m = HEADER_LINE_RE.match(line)
        if m:
            _add_header(header, m["name"], m["value"].strip())
            continue
        if line.startswith("@"):
            raise MarkupError(f"dòng khai báo không hợp lệ: {line[:40]}", number)
        m = HEADING_RE.match(line)
        if m:
            body.append(Block("heading", parse_inline(m["text"], number), len(m["hashes"])))
        elif line.startswith("- "):
            body.append(Block("item", parse_inline(line, number)))
        else:
            body.append(Block("paragraph", parse_inline(line, number)))
    return ParsedMarkup(header, tuple(body), tuple(notes))
