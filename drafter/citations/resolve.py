"""Resolve later mentions to the full citation they stand for, in the same text.

``resolve(citations)`` returns one :class:`Resolution` per citation, in order:

- ``"defined short name"``: the mention is the short name a full citation defined with
  "(sau đây gọi tắt là ...)" ("Kết luận số 01" → "Kết luận số 01-KL/TW ngày 18/5/2021 ...");
- ``"same number-code"``: same number (01 = 1) and same canonical code ("Quyết định 99-QĐ/TW");
- ``"type+number"``: a short mention with a type and a bare number ("Nghị quyết 18", "Quy định 124")
  matching exactly one earlier-or-later full citation of that type and number.

The first full citation of a document resolves to nothing (``index=None``); a repeated full
citation resolves to the first one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text import fold
from .model import Citation

__all__ = ["Resolution", "resolve", "identity_key"]


@dataclass(frozen=True)
class Resolution:
    citation: Citation
    index: int | None  # index (in the list given) of the full citation it refers to
    how: str | None  # "same number-code" | "defined short name" | "type+number" | None


def _num(number: str | None) -> str | None:
    return number.lstrip("0") or "0" if number and number.isdigit() else number


def identity_key(c: Citation) -> tuple | None:
    """(number without padding, folded code) — the same document cited twice has the same key."""
    if c.number and c.code:
        return _num(c.number), fold(c.code)
    return None


def _name_key(text: str) -> str:
    return " ".join(fold(text).replace("*", " ").split())


def _index_full(citations: list[Citation]) -> tuple[dict, dict, dict]:
    by_code: dict[tuple, int] = {}
    by_type_number: dict[tuple, list[int]] = {}
    by_short_name: dict[str, int] = {}
    for i, c in enumerate(citations):
        if c.role != "cited" or c.form != "full":
            continue
        key = identity_key(c)
        if key and key not in by_code:
            by_code[key] = i
            by_type_number.setdefault((c.type, _num(c.number)), []).append(i)
        if c.short_name:
            by_short_name.setdefault(_name_key(c.short_name), i)
    return by_code, by_type_number, by_short_name


def resolve(citations: list[Citation], text: str | None = None) -> list[Resolution]:
    """One :class:`Resolution` per citation (``text`` is accepted for future use and ignored)."""
    by_code, by_type_number, by_short_name = _index_full(citations)
    out = []
    for i, c in enumerate(citations):
        index, how = None, None
        if c.role == "cited":
            key = identity_key(c)
            short = by_short_name.get(_name_key(c.text))
            if short is not None and short != i:
                index, how = short, "defined short name"
            elif key and key in by_code and by_code[key] != i:
                index, how = by_code[key], "same number-code"
            elif c.number and not c.code:
                hits = by_type_number.get((c.type, _num(c.number)), [])
                codes = {identity_key(citations[h]) for h in hits}
                if len(codes) == 1:
                    index, how = hits[0], "type+number"
        out.append(Resolution(c, index, how))
    return out
