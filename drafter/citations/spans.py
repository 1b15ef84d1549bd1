"""Offsets of a citation's parts (type word, number-code, date) in the checked text.

Findings point at the part that is wrong, so that a suggestion replaces just that part.
"""

from __future__ import annotations

from . import patterns as P
from .model import Citation

__all__ = ["type_word_span", "code_span", "date_span"]


def type_word_span(c: Citation) -> tuple[int, int]:
    """Offsets of the type word ("Quyết định") at the start of a citation."""
    m = P.type_word_re().match(c.text)
    return (c.start, c.start + m.end()) if m else (c.start, c.end)


def code_span(c: Citation) -> tuple[int, int] | None:
    if not c.code_as_written:
        return None
    i = c.text.find(c.code_as_written)
    return (c.start + i, c.start + i + len(c.code_as_written)) if i >= 0 else None


def date_span(c: Citation) -> tuple[int, int] | None:
    if not c.date_text:
        return None
    i = c.text.find(c.date_text)
    if i < 0:  # NFD text or a line break inside the date: the caller falls back to the citation
        return None
    return c.start + i, c.start + i + len(c.date_text)
