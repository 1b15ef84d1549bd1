"""Ranking: candidates from the index, ordered by matched terms, then by a fuzzy tie-break.

Design (design.md "Practical notes"): rapidfuzz over every entry is slow and ranks short
queries badly, so the inverted index scores every row by the query terms it matches (exact
number and code weigh most), the best few dozen are fetched, and only those are re-ranked with
a rapidfuzz similarity of the query to the entry's title, plus the caller's boost (documents
already cited in the draft or cited recently).
"""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

import numpy as np
from rapidfuzz import fuzz

from .entry import Entry
from .index import REASON_BITS, SearchIndex
from .query import REASON_LABELS, parse_query, search_rules

__all__ = ["SearchResult", "rank", "entry_title", "similarity", "TitleCache"]

#: Combining marks dropped and đ folded, in one C-level ``str.translate`` (the hot path folds a
#: few dozen titles per keystroke; equivalent to :func:`drafter.text.fold` on NFC text).
_FAST_FOLD = {cp: None for cp in range(0x300, 0x370)} | {ord("đ"): "d", ord("Đ"): "D"}


def _fast_fold(text: str) -> str:
    return unicodedata.normalize("NFD", text).translate(_FAST_FOLD).casefold()


class TitleCache:
    """Folded titles and names of recently ranked entries, keyed by (id, version)."""

    def __init__(self, size: int = 8192):
        self.size = size
        self._items: OrderedDict[tuple[int, int], tuple[str, tuple[str, ...]]] = OrderedDict()

    def get(self, entry: Entry) -> tuple[str, tuple[str, ...]]:
        key = (entry.id, entry.version)
        found = self._items.get(key)
        if found is None:
            names = tuple(_fast_fold(n) for n in (entry.subject or "", *entry.aliases))
            found = (_fast_fold(entry_title(entry)), names)
            self._items[key] = found
            if len(self._items) > self.size:
                self._items.popitem(last=False)
        return found


_DEFAULT_CACHE = TitleCache()


@dataclass(frozen=True)
class SearchResult:
    entry: Entry
    score: float
    reasons: tuple[str, ...]  # REASON_LABELS keys, strongest first

    @property
    def reason_labels(self) -> tuple[str, ...]:
        """The Vietnamese labels the picker shows ("khớp số", "gần đúng" ...)."""
        return tuple(REASON_LABELS[r] for r in self.reasons)

    def to_json(self) -> dict:
        e = self.entry
        return {"id": e.id, "type": e.type, "number": e.number, "code": e.code,
                "date": e.date.isoformat() if e.date else None, "issuer": e.issuer,
                "subject": e.subject, "source": e.source, "score": round(self.score, 3),
                "reasons": [REASON_LABELS[r] for r in self.reasons]}


def entry_title(entry: Entry) -> str:
    """``Kết luận 21-KL/TW 25/10/2021 Ban Chấp hành ... về ...``: what the fuzzy tie-break reads."""
    parts = [entry.type, entry.number_code or entry.number or "", entry.issuer or "",
             entry.subject or "", " ".join(entry.aliases)]
    if entry.date:
        parts.insert(2, f"{entry.date.day}/{entry.date.month}/{entry.date.year}")
    return " ".join(p for p in parts if p)


def similarity(folded_query: str, entry: Entry, cache: TitleCache = _DEFAULT_CACHE) -> float:
    """0..1: how much the entry reads like the query. Half the title containing the query's
    words in any order (token-set), half the query appearing as one stretch of the subject or a
    name, typos allowed (partial ratio): the document whose subject *contains the phrase* wins."""
    title, names = cache.get(entry)
    closeness = max(fuzz.partial_ratio(folded_query, n) for n in names)
    return (fuzz.token_set_ratio(folded_query, title) + closeness) / 200.0


def _reasons(bits: int) -> tuple[str, ...]:
    return tuple(key for key, bit in REASON_BITS.items() if bits & bit)


def _top_rows(total: np.ndarray, rows: np.ndarray, k: int) -> np.ndarray:
    if len(rows) > k:
        rows = rows[np.argpartition(total[rows], -k)[-k:]]
    return rows


def rank(index: SearchIndex, fetch: Callable[[Iterable[int]], Mapping[int, Entry]], query: str,
         limit: int = 10, boost: Iterable[int] = ()) -> list[SearchResult]:
    """The ``limit`` best entries for ``query``; ``fetch(ids)`` reads entries from the store."""
    weights = search_rules()["weights"]
    boost_ids = [int(b) for b in boost]
    parsed = parse_query(query)
    if not parsed.terms:
        found = fetch(boost_ids[:limit]) if boost_ids else {}
        return [SearchResult(found[i], weights["boost"], ("boost",)) for i in boost_ids[:limit] if i in found]
    total, matches = index.score(parsed)
    matched = np.flatnonzero(total > 0)
    boosted = {row for row in (index.row_of(i) for i in boost_ids) if row is not None and total[row] > 0}
    total[matched] += index.bias[matched]
    for row in boosted:
        total[row] += weights["boost"]
    rows = _top_rows(total, matched, int(search_rules()["candidates"]) + limit)
    if not len(rows):
        return []
    bits = index.reasons(rows, matches)
    ids = [index.id_of(int(r)) for r in rows]
    entries = fetch(ids)
    results = []
    for row, entry_id, row_bits in zip(rows, ids, bits):
        entry = entries.get(entry_id)
        if entry is None:
            continue
        score = float(total[row]) + weights["rerank_fuzz"] * similarity(parsed.folded, entry)
        row_bits = int(row_bits) | (REASON_BITS["boost"] if int(row) in boosted else 0)
        results.append((score, entry.id, entry, row_bits))
    results.sort(key=lambda r: (-r[0], r[1]))
    return [SearchResult(entry, score, _reasons(b)) for score, _, entry, b in results[:limit]]
