"""The same document seen twice becomes one entry; disagreements are kept, never overwritten.

:func:`pick_target` chooses which stored entry (if any) an incoming entry is the same document
as; :func:`merge` fills the stored entry's gaps from the incoming one and records every value
that disagrees as a :class:`~drafter.registry.entry.Conflict`.
"""

from __future__ import annotations

import re

from ..text import fold, fold_words
from .entry import Conflict, Entry

__all__ = ["pick_target", "merge", "same_issuer"]

#: Words that vary in how one issuer is written: "Ban Chấp hành Trung ương (Đảng)",
#: "Hội nghị lần thứ tư Ban Chấp hành ...", "... khóa XIII". Removed before comparing issuers.
ISSUER_NOISE_RE = re.compile(r"\bhoi nghi lan thu \w+\b|\bkhoa [ivxlc]+\b|\bdang\b|\bviet nam\b")


def _issuer_core(issuer: str) -> str:
    return " ".join(ISSUER_NOISE_RE.sub(" ", " ".join(fold_words(issuer))).split())


def same_issuer(a: str, b: str) -> bool:
    """True when two spellings name the same issuer ("Ban Chấp hành Trung ương Đảng khóa XIII"
    and "Hội nghị lần thứ tư Ban Chấp hành Trung ương")."""
    ca, cb = _issuer_core(a), _issuer_core(b)
    return ca == cb or (bool(ca) and bool(cb) and (ca in cb or cb in ca))


def _same_text(a: str, b: str) -> bool:
    fa, fb = " ".join(fold_words(a)), " ".join(fold_words(b))
    return fa == fb or fa in fb or fb in fa


def pick_target(candidates: list[Entry], incoming: Entry) -> Entry | None:
    """The stored entry ``incoming`` is the same document as, among same-key ``candidates``.

    Numbers restart each term, so two dates years apart are two documents; a missing date, the
    same date, or the same year (a typo in the day) is the same document.
    """
    if not candidates:
        return None
    if incoming.date is None:
        return candidates[-1]
    for candidate in candidates:
        if candidate.date == incoming.date:
            return candidate
    for candidate in candidates:
        if candidate.date is None or candidate.date.year == incoming.date.year:
            return candidate
    return None


def _conflict(conflicts: list[Conflict], field: str, value: str, source: str) -> None:
    item = Conflict(field, value, source)
    if item not in conflicts:
        conflicts.append(item)


def merge(stored: Entry, incoming: Entry) -> Entry:
    """``stored`` with gaps filled from ``incoming`` and disagreements recorded as conflicts."""
    source = incoming.source or "?"
    conflicts = list(stored.conflicts)
    changes: dict = {}
    if incoming.date and stored.date is None:
        changes["date"] = incoming.date
    elif incoming.date and incoming.date != stored.date:
        _conflict(conflicts, "date", incoming.date.isoformat(), source)
    if incoming.issuer and not stored.issuer:
        changes["issuer"] = incoming.issuer
    elif incoming.issuer and not same_issuer(stored.issuer, incoming.issuer):
        _conflict(conflicts, "issuer", incoming.issuer, source)
    if incoming.subject and not stored.subject:
        changes["subject"] = incoming.subject
    elif incoming.subject and not _same_text(stored.subject, incoming.subject):
        _conflict(conflicts, "subject", incoming.subject, source)
    if fold(incoming.type) != fold(stored.type):
        _conflict(conflicts, "type", incoming.type, source)
    for name in ("jurisdiction", "term", "notes", "source"):
        if getattr(incoming, name) and not getattr(stored, name):
            changes[name] = getattr(incoming, name)
    aliases = tuple(dict.fromkeys(stored.aliases + incoming.aliases))
    if aliases != stored.aliases:
        changes["aliases"] = aliases
    if tuple(conflicts) != stored.conflicts:
        changes["conflicts"] = tuple(conflicts)
    return stored.with_changes(**changes) if changes else stored
