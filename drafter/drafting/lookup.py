"""Adapting a registry to the renderer's ``lookup(CitationRef) -> Entry | None``.

Duck-typed on purpose: the drafting package never imports the registry (design.md rule 5). Any
object with ``get(entry_id)`` and ``lookup(type, number, code, date, jurisdiction)`` works.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from ..numbercode import parse
from .model import CitationRef

__all__ = ["lookup_from_registry"]


def _same_code(entry: Any, ref: CitationRef) -> bool:
    mine, theirs = parse(ref.number_code), parse(getattr(entry, "number_code", None) or "")
    return bool(mine and theirs and mine.canonical == theirs.canonical)


def lookup_from_registry(registry: Any) -> Callable[[CitationRef], Optional[Any]]:
    """A lookup that tries the entry id first (if it still names the same number-code), then the
    number-code with the reference's date and jurisdiction."""

    def lookup(ref: CitationRef):
        if ref.entry_id is not None:
            entry = registry.get(ref.entry_id)
            if entry is not None and _same_code(entry, ref):
                return entry
        parsed = parse(ref.number_code)
        if parsed is None:
            return None
        return registry.lookup(None, parsed.number, parsed.code, ref.date, ref.jurisdiction)

    return lookup
