"""The draft: template id, header/closing fields and a body whose citations are references.

Everything here is a plain frozen value. A citation in the body is a :class:`Cite` segment that
holds a :class:`CitationRef` (entry id, number-code, date, jurisdiction) — never the citation
text: the renderer decides the wording (full at first mention, short later) at render time.
A snapshot of the cited entry's fields may be cached in :attr:`Draft.snapshots` as a fallback for
when the registry lacks the entry; the registry stays the source of truth.

JSON mapping (``to_json``/``from_json``) is the draft-file format (see :mod:`.draftfile`).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, replace
from typing import Any, Union

__all__ = ["CitationRef", "Text", "Cite", "NoteRef", "Segment", "Block", "Footnote", "Header",
           "Draft", "BLOCK_KINDS", "AUTHORITIES", "DATE_STYLES"]

#: Kinds of body block: ordinary paragraph, list item ("- ..."), heading (level 1 "I-", 2 "1.", 3 "a)").
BLOCK_KINDS = ("paragraph", "item", "heading")
#: Signing authority forms (party-format.md §3.3); "" means the head signs with no prefix.
AUTHORITIES = ("T/M", "K/T", "T/L", "")
#: One date style per document: numeric "25/10/2021" or words "ngày 25 tháng 10 năm 2021".
DATE_STYLES = ("numeric", "words")


@dataclass(frozen=True)
class CitationRef:
    """A reference to a registry entry. ``entry_id`` is the store id; the other fields identify
    the document when the id is unknown or stale (another registry, an imported draft)."""

    number_code: str  # "21-KL/TW"
    entry_id: int | None = None
    date: _dt.date | None = None
    jurisdiction: str | None = None  # "TW", "Thành phố Hồ Chí Minh"

    @property
    def key(self) -> str:
        """Stable identity of the cited document inside one draft (first-mention bookkeeping)."""
        day = self.date.isoformat() if self.date else ""
        return f"{self.number_code}@{day}@{self.jurisdiction or ''}"

    def to_json(self) -> dict:
        return {"entry_id": self.entry_id, "number_code": self.number_code,
                "date": self.date.isoformat() if self.date else None, "jurisdiction": self.jurisdiction}

    @classmethod
    def from_json(cls, data: dict) -> "CitationRef":
        day = data.get("date")
        return cls(number_code=str(data["number_code"]), entry_id=data.get("entry_id"),
                   date=_dt.date.fromisoformat(day) if day else None, jurisdiction=data.get("jurisdiction"))


@dataclass(frozen=True)
class Text:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Cite:
    """A citation segment. ``form`` "auto" lets the renderer pick full/short by document order;
    "full"/"short" force one. ``short_name`` defines "(sau đây gọi tắt là ...)" at first mention.
    ``with_subject=False`` leaves the trích yếu out of the full form because the text goes on with
    its own "về ..." (which may itself cite documents, as in seed 000's "Kế hoạch số 99-KH/TU ...
    về thực hiện Kết luận số 21-KL/TW ...")."""

    ref: CitationRef
    short_name: str | None = None
    form: str = "auto"
    with_subject: bool = True  # False: the draft writes the "về ..." itself right after the citation


@dataclass(frozen=True)
class NoteRef:
    """A footnote reference mark; ``note_id`` names a :class:`Footnote` of the draft."""

    note_id: str


Segment = Union[Text, Cite, NoteRef]


@dataclass(frozen=True)
class Block:
    kind: str  # one of BLOCK_KINDS
    segments: tuple[Segment, ...]
    level: int = 0  # heading level 1-3; 0 for paragraphs and items


@dataclass(frozen=True)
class Footnote:
    note_id: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Header:
    """Header and closing fields of the document (party-format.md §2-§3)."""

    parent_body: str = ""  # ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH
    issuer: str = ""  # THÀNH ỦY
    number: str = ""  # "567"; "" leaves the number blank for the văn thư
    type_code: str = "KL"
    body_code: str = "TU"
    place: str = ""  # Thành phố Hồ Chí Minh
    date: _dt.date | None = None  # None leaves "ngày ... tháng ... năm ..." blank
    doc_type: str = "KẾT LUẬN"
    doc_type_of: str = ""  # CỦA BAN THƯỜNG VỤ THÀNH ỦY
    subject: str = ""  # "về ..." (line breaks allowed, to balance the lines)
    authority: str = "T/M"
    collective: str = "BAN THƯỜNG VỤ"
    signer_title: str = ""  # PHÓ BÍ THƯ
    signer_name: str = ""
    recipients: tuple[str, ...] = ()  # the last one is the filing line "Lưu ..."
    draft_marker: str = ""  # "Dự thảo lần 2"; "" when not a draft
    secrecy: str = ""  # MẬT, TỐI MẬT, TUYỆT MẬT
    urgency: str = ""  # KHẨN, THƯỢNG KHẨN, HỎA TỐC
    date_style: str = "numeric"  # citations' date style in the body (DATE_STYLES)


@dataclass(frozen=True)
class Draft:
    template_id: str
    header: Header
    body: tuple[Block, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    fields: dict[str, Any] = field(default_factory=dict)  # the template form's values, for re-editing
    snapshots: dict[str, dict] = field(default_factory=dict)  # CitationRef.key -> Entry.to_json()

    def with_header(self, **changes) -> "Draft":
        return replace(self, header=replace(self.header, **changes))

    def footnote(self, note_id: str) -> Footnote | None:
        return next((n for n in self.footnotes if n.note_id == note_id), None)

    def citation_refs(self) -> tuple[CitationRef, ...]:
        """Every cited reference in document order (body, then footnote texts), with repeats."""
        refs = []
        for segments in [b.segments for b in self.body] + [n.segments for n in self.footnotes]:
            refs.extend(s.ref for s in segments if isinstance(s, Cite))
        return tuple(refs)
