"""The words of a citation: full form at first mention, short form later (party-format.md §6).

``Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII về ...``
(note the comma before ``ngày``) and ``Kết luận số 21-KL/TW``. The entry comes from the registry
(or a draft's snapshot); nothing here knows where it came from. Entries are read by attribute
(``type``, ``number``, ``code``, ``date``, ``issuer``, ``subject``, ``term``), so
:class:`drafter.registry.entry.Entry` and :class:`SnapshotEntry` both work and this module never
imports the registry package.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from ..doctypes import types_for_code
from ..numbercode import format_number, parse
from ..text import fold
from .dates import DateRules, format_numeric, format_words
from .model import CitationRef

__all__ = ["SnapshotEntry", "canonical_number_code", "short_citation", "full_citation", "entry_from_snapshot",
           "short_name_clause"]


Entry = Any  # an object with Entry's attributes (drafter.registry.entry.Entry or SnapshotEntry)


@dataclass(frozen=True)
class SnapshotEntry:
    """A cited document rebuilt from a draft's cached snapshot (used only when the registry lacks it)."""

    id: int | None
    type: str
    number: str | None
    code: str | None
    date: _dt.date | None = None
    issuer: str | None = None
    subject: str | None = None
    jurisdiction: str | None = None
    term: str | None = None


def canonical_number_code(number_code: str) -> str:
    """``1-KL/TW`` → ``01-KL/TW`` (§4.1); unreadable codes are returned as written."""
    parsed = parse(number_code)
    return parsed.canonical if parsed else number_code.strip()


def _number_code(entry: Entry | None, ref: CitationRef) -> str:
    if entry is not None and entry.number and entry.code:
        return f"{format_number(entry.number)}-{entry.code}"
    return canonical_number_code(ref.number_code)


def _type_name(entry: Entry | None, ref: CitationRef) -> str:
    if entry is not None and entry.type:
        return entry.type
    parsed = parse(ref.number_code)
    types = types_for_code(parsed.type_code) if parsed else ()
    return types[0].name if types else "Văn bản"


def short_citation(entry: Entry | None, ref: CitationRef) -> str:
    """``Kết luận số 21-KL/TW``."""
    return f"{_type_name(entry, ref)} số {_number_code(entry, ref)}"


def _issuer(entry: Entry) -> str:
    issuer = (entry.issuer or "").strip()
    if issuer and entry.term and "khoa" not in fold(issuer).split():
        issuer = f"{issuer} khóa {entry.term}"
    return issuer


#: Trích yếu that start with their own verb take no "về": "Quyết định số 99-QĐ/TW ... ban hành
#: Hướng dẫn khung ...", "Quyết định ... thành lập Ban Chỉ đạo ..." (folded, compared by prefix).
VERB_LED_SUBJECTS = ("ban hanh ", "thanh lap ", "phe duyet ", "chuan y ", "ve ")


def _subject(entry: Entry) -> str:
    subject = (entry.subject or "").strip().rstrip(".;,")
    if not subject:
        return ""
    if fold(subject).startswith(VERB_LED_SUBJECTS):
        return subject[0].lower() + subject[1:]
    return "về " + subject


def full_citation(entry: Entry | None, ref: CitationRef, date_style: str = "numeric",
                  rules: DateRules = DateRules(), with_subject: bool = True) -> str:
    """``<Tên loại> số <số-ký hiệu>, ngày <date> của <issuer> về <subject>``; parts missing from
    the entry are left out (a citation with no entry is its short form plus the reference date)."""
    text = short_citation(entry, ref)
    day: _dt.date | None = entry.date if entry is not None and entry.date else ref.date
    if day:
        text += ", " + (format_words(day, rules) if date_style == "words" else "ngày " + format_numeric(day, rules))
    if entry is not None:
        issuer, subject = _issuer(entry), _subject(entry)
        if issuer:
            text += f" của {issuer}"
        if subject and with_subject:
            text += f" {subject}"
    return text


def short_name_clause(short_name: str) -> str:
    """`` (sau đây gọi tắt là Kết luận số 01)``."""
    return f" (sau đây gọi tắt là {short_name.strip()})"


def entry_from_snapshot(snapshot: dict, ref: CitationRef) -> SnapshotEntry:
    """A :class:`SnapshotEntry` rebuilt from a draft's cached snapshot (fallback only)."""
    number, _, code = (snapshot.get("number_code") or ref.number_code).partition("-")
    day = snapshot.get("date")
    return SnapshotEntry(
        id=ref.entry_id, type=snapshot.get("type") or _type_name(None, ref),
        number=snapshot.get("number") or number or None, code=snapshot.get("code") or code or None,
        date=_dt.date.fromisoformat(day) if isinstance(day, str) and day else ref.date,
        issuer=snapshot.get("issuer"), subject=snapshot.get("subject"),
        jurisdiction=snapshot.get("jurisdiction") or ref.jurisdiction, term=snapshot.get("term"),
    )
