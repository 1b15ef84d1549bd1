"""The in-process search index: an inverted index over search keys, in compact numpy arrays.

Layout (CSR): ``vocab`` is the sorted list of keys; the rows (entry positions) holding key
``vocab[i]`` are ``postings[offsets[i]:offsets[i + 1]]``; ``ids[row]`` is the entry id (rows are
in id order, so an id's row is a binary search away). ``prior`` is a small per-row bonus
(central documents, recent years) that orders otherwise equal matches.

Built from ``(id, search_keys)`` rows in one pass, saved as one blob beside the entries and
loaded back in milliseconds. Entries added or changed afterwards go into a small in-memory
delta (and the old row is masked), so an add from the GUI never rebuilds the whole index.
"""

from __future__ import annotations

import bisect
import io
import math
from array import array
from typing import Iterable

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .query import REASON_LABELS, Alternative, ParsedQuery, search_rules

__all__ = ["SearchIndex", "REASON_BITS"]

#: One bit per reason key, in REASON_LABELS order.
REASON_BITS = {key: 1 << i for i, key in enumerate(REASON_LABELS)}
#: A term whose rows exceed this share of the index (and this many rows) is "common": it only
#: re-scores rows that selective terms found (see SearchIndex.score).
HEAVY_FRACTION = 0.02
HEAVY_MIN_ROWS = 2000
_SPECIAL = "#@^!"  # first characters of non-word keys (see drafter.registry.keys); pairs hold "+"
_CENTRAL_BODIES = ("^tw", "^vptw", "^btctw", "^ubkttw", "^btgtw", "^btgdvtw", "^bdvtw", "^bcdtw")


def _is_word(key: str) -> bool:
    return bool(key) and key[0] not in _SPECIAL and not (key[0] in "yd" and key[1:2].isdigit())


class SearchIndex:
    """Inverted index over search keys (see the module docstring)."""

    def __init__(self, vocab: list[str], offsets: np.ndarray, postings: np.ndarray, ids: np.ndarray,
                 prior: np.ndarray | None = None, lengths: np.ndarray | None = None):
        self.vocab = vocab
        self.offsets = offsets
        self.postings = postings
        self.base_ids = ids
        self._key_pos = {k: i for i, k in enumerate(vocab)}
        self._words = [k for k in vocab if _is_word(k) and "+" not in k]
        self.prior = prior if prior is not None else self._compute_prior()
        self.lengths = lengths if lengths is not None else np.zeros(len(ids), dtype=np.uint16)
        self.bias = self._bias(self.prior, self.lengths)
        self.alive = np.ones(len(ids), dtype=bool)
        self._dead: set[int] = set()  # rows of removed or replaced entries
        self._scratch = np.zeros(len(ids), dtype=np.float32)
        self._delta: dict[str, list[int]] = {}
        self._delta_ids: list[int] = []
        self._delta_rows: dict[int, int] = {}

    # -- building, saving, loading -------------------------------------------------------
    @classmethod
    def build(cls, rows: Iterable[tuple[int, str]]) -> "SearchIndex":
        vocab: dict[str, int] = {}
        ids, counts, tokens = array("q"), array("l"), array("l")
        for entry_id, keys in rows:
            split = keys.split()
            ids.append(entry_id)
            counts.append(len(split))
            tokens.extend([vocab.setdefault(t, len(vocab)) for t in split])
        ordered = sorted(vocab)
        remap = np.empty(len(vocab), dtype=np.int64)
        remap[[vocab[k] for k in ordered]] = np.arange(len(ordered))
        tok = remap[np.frombuffer(tokens, dtype=np.int64) if tokens.itemsize == 8 else np.asarray(tokens, dtype=np.int64)]
        row = np.repeat(np.arange(len(ids), dtype=np.int32), np.asarray(counts, dtype=np.int64))
        order = np.argsort(tok, kind="stable")
        postings = row[order].astype(np.int32)
        offsets = np.zeros(len(ordered) + 1, dtype=np.int64)
        np.cumsum(np.bincount(tok, minlength=len(ordered)), out=offsets[1:])
        lengths = np.minimum(np.asarray(counts, dtype=np.int64), 65535).astype(np.uint16)
        return cls(ordered, offsets, postings, np.asarray(ids, dtype=np.int64), lengths=lengths)

    @staticmethod
    def _bias(prior: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Per-row tie-break: the prior, minus a little for long entries (short titles first)."""
        penalty = search_rules()["weights"]["length_penalty"]
        return (prior - np.float32(penalty) * lengths.astype(np.float32)).astype(np.float32)

    def _compute_prior(self) -> np.ndarray:
        weights = search_rules()["weights"]
        prior = np.zeros(len(self.base_ids), dtype=np.float32)
        for key in _CENTRAL_BODIES:
            if key in self._key_pos:
                prior[self._base_postings(key)] += weights["prior_central"]
        lo = bisect.bisect_left(self.vocab, "y")
        for i in range(lo, len(self.vocab)):
            key = self.vocab[i]
            if not (key.startswith("y") and key[1:].isdigit() and len(key) == 5):
                break
            recency = min(max((int(key[1:]) - 1990) / 40.0, 0.0), 1.0)
            prior[self.postings[self.offsets[i]:self.offsets[i + 1]]] += weights["prior_recent"] * recency
        return prior

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        vocab = np.frombuffer("\n".join(self.vocab).encode("utf-8"), dtype=np.uint8)
        np.savez(buffer, vocab=vocab, offsets=self.offsets, postings=self.postings, ids=self.base_ids,
                 prior=self.prior[: len(self.base_ids)], lengths=self.lengths[: len(self.base_ids)])
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> "SearchIndex":
        with np.load(io.BytesIO(data)) as arrays:
            vocab_bytes = arrays["vocab"].tobytes()
            vocab = vocab_bytes.decode("utf-8").split("\n") if vocab_bytes else []
            return cls(vocab, arrays["offsets"], arrays["postings"], arrays["ids"], arrays["prior"],
                       arrays["lengths"])

    # -- incremental changes -------------------------------------------------------------
    @property
    def size(self) -> int:
        return len(self.base_ids) + len(self._delta_ids)

    @property
    def delta_size(self) -> int:
        return len(self._delta_ids)

    def row_of(self, entry_id: int) -> int | None:
        if entry_id in self._delta_rows:
            return self._delta_rows[entry_id]
        pos = int(np.searchsorted(self.base_ids, entry_id))
        if pos < len(self.base_ids) and self.base_ids[pos] == entry_id and self.alive[pos]:
            return pos
        return None

    def id_of(self, row: int) -> int:
        base = len(self.base_ids)
        return int(self.base_ids[row]) if row < base else self._delta_ids[row - base]

    def remove(self, entry_id: int) -> None:
        row = self.row_of(entry_id)
        if row is not None:
            self.alive[row] = False
            self._dead.add(row)
            self._delta_rows.pop(entry_id, None)

    def add(self, entry_id: int, keys: str) -> None:
        """Index a new or changed entry (the old row, if any, is masked)."""
        self.remove(entry_id)
        row = self.size
        self._delta_ids.append(entry_id)
        self._delta_rows[entry_id] = row
        split = keys.split()
        for key in split:
            self._delta.setdefault(key, []).append(row)
        self.alive = np.append(self.alive, True)
        self.prior = np.append(self.prior, np.float32(0.0))
        self.lengths = np.append(self.lengths, np.uint16(min(len(split), 65535)))
        self.bias = np.append(self.bias, self._bias(self.prior[-1:], self.lengths[-1:]))

    # -- lookups -------------------------------------------------------------------------
    def _base_postings(self, key: str) -> np.ndarray:
        i = self._key_pos.get(key)
        if i is None:
            return np.empty(0, dtype=np.int32)
        return self.postings[self.offsets[i]:self.offsets[i + 1]]

    def postings_of(self, key: str) -> np.ndarray:
        base = self._base_postings(key)
        extra = self._delta.get(key)
        if extra:
            return np.concatenate([base, np.asarray(extra, dtype=np.int32)])
        return base

    def df(self, key: str) -> int:
        i = self._key_pos.get(key)
        base = int(self.offsets[i + 1] - self.offsets[i]) if i is not None else 0
        return base + len(self._delta.get(key, ()))

    def has(self, key: str) -> bool:
        return key in self._key_pos or key in self._delta

    def prefix_keys(self, prefix: str, limit: int) -> list[str]:
        """Keys starting with ``prefix`` (not ``prefix`` itself), the most frequent first."""
        lo = bisect.bisect_left(self.vocab, prefix)
        hi = bisect.bisect_left(self.vocab, prefix + "\uffff", lo)
        if hi - lo > limit:
            counts = self.offsets[lo + 1:hi + 1] - self.offsets[lo:hi]
            picked = np.argpartition(counts, -limit)[-limit:]
            keys = [self.vocab[lo + int(i)] for i in picked[np.argsort(-counts[picked])]]
        else:
            keys = self.vocab[lo:hi]
        pairs = "+" in prefix
        keys = [k for k in keys if k != prefix and (pairs or "+" not in k)]
        if self._delta:
            keys += [k for k in self._delta
                     if k.startswith(prefix) and k != prefix and (pairs or "+" not in k) and k not in self._key_pos]
        return keys[:limit]

    def fuzzy_words(self, word: str) -> list[str]:
        """Index words within a small edit distance of ``word`` (a typo; a swap of two letters counts one)."""
        rules = search_rules()
        max_distance = next(d for n, d in rules["fuzzy_max_distance"] if len(word) <= n)
        if max_distance == 0:
            return []
        found = process.extract(word, self._words, scorer=OSA.distance,
                                score_cutoff=max_distance, limit=rules["fuzzy_limit"])
        return [match for match, _, _ in found]

    def word_weight(self, key: str) -> float:
        weights = search_rules()["weights"]
        df = max(self.df(key), 1)
        idf = math.log10(max(self.size, 1) / df)
        return weights["word_base"] + min(weights["word_idf_cap"], weights["word_idf"] * idf)

    # -- scoring -------------------------------------------------------------------------
    def _resolve(self, alt: Alternative) -> list[tuple[str, float]]:
        """(key, weight) pairs an alternative stands for in this index."""
        if alt.mode == "exact":
            if not self.has(alt.key):
                return []
            weight = alt.weight * self.word_weight(alt.key) if _is_word(alt.key) else alt.weight
            return [(alt.key, weight)]
        if alt.mode == "prefix":
            keys = self.prefix_keys(alt.key, int(search_rules()["prefix_max_keys"]))
            if "+" in alt.key and self.has(alt.key):
                keys.append(alt.key)
            return [(k, alt.weight * self.word_weight(k) if _is_word(k) else alt.weight) for k in keys]
        if alt.mode == "pair":
            return self._resolve_pair(alt)
        if self.has(alt.key) or self.prefix_keys(alt.key, 1):
            return []  # a known word or a word being typed is not a typo
        return [(k, alt.weight * self.word_weight(k)) for k in self.fuzzy_words(alt.key)]

    def _add_term(self, total: np.ndarray, resolved: list[tuple[np.ndarray, float, int]]) -> None:
        """Add a term's best-alternative weight to every row it matches."""
        if len(resolved) == 1:
            total[resolved[0][0]] += resolved[0][1]
            return
        best = self._scratch
        for rows, weight, _ in sorted(resolved, key=lambda r: r[1]):
            best[rows] = weight  # ascending weights: the last write is the best alternative
        touched = np.concatenate([rows for rows, _, _ in resolved])
        total[touched] += best[touched]  # duplicates in ``touched`` add once (buffered)
        best[touched] = 0.0

    @staticmethod
    def _add_term_on(total: np.ndarray, rows_of_interest: np.ndarray,
                     resolved: list[tuple[np.ndarray, float, int]]) -> None:
        """Like :meth:`_add_term`, but only for ``rows_of_interest`` (binary search)."""
        gain = np.zeros(len(rows_of_interest), dtype=np.float32)
        for postings, weight, _ in resolved:
            at = np.searchsorted(postings, rows_of_interest)
            hit = (at < len(postings)) & (postings[np.minimum(at, len(postings) - 1)] == rows_of_interest)
            gain[hit] = np.maximum(gain[hit], weight)
        total[rows_of_interest] += gain

    def _resolve_pair(self, alt: Alternative) -> list[tuple[str, float]]:
        """A word pair; when a word is unknown (a typo), pairs of its corrections."""
        if self.has(alt.key):
            return [(alt.key, alt.weight * self.word_weight(alt.key))]
        a, b = alt.key.split("+", 1)
        firsts = [a] if self.has(a) else self.fuzzy_words(a)
        seconds = [b] if self.has(b) else self.fuzzy_words(b)
        factor = search_rules()["weights"]["fuzzy_factor"]
        keys = [f"{x}+{y}" for x in firsts for y in seconds if (x, y) != (a, b)]
        return [(k, alt.weight * factor * self.word_weight(k)) for k in keys if self.has(k)]

    def score(self, parsed: ParsedQuery) -> tuple[np.ndarray, list[tuple[np.ndarray, int]]]:
        """Per-row scores, and the (rows, reason bit) of every matched key (for :meth:`reasons`).

        Two phases keep a keystroke cheap on a big registry: selective terms (numbers, codes,
        rare words, pairs) are added for every row they match; common terms ("trên", "đảng")
        are then added only to the rows already matched — unless nothing selective was typed.
        """
        if len(self._scratch) != self.size:
            self._scratch = np.zeros(self.size, dtype=np.float32)
        terms = []
        for term in parsed.terms:
            resolved = [(self.postings_of(k), w, REASON_BITS[alt.reason])
                        for alt in term.alternatives for k, w in self._resolve(alt)]
            resolved = [r for r in resolved if len(r[0])]
            if resolved:
                terms.append(resolved)
        matches = [(rows, bit) for resolved in terms for rows, _, bit in resolved]
        heavy_limit = max(HEAVY_MIN_ROWS, int(self.size * HEAVY_FRACTION))
        heavy = [t for t in terms if sum(len(r[0]) for r in t) > heavy_limit]
        light = [t for t in terms if sum(len(r[0]) for r in t) <= heavy_limit]
        if not light:
            light, heavy = heavy, []
        total = np.zeros(self.size, dtype=np.float32)
        for resolved in light:
            self._add_term(total, resolved)
        if heavy:
            rows = np.flatnonzero(total)
            for resolved in heavy:
                if len(rows) > heavy_limit:
                    self._add_term(total, resolved)
                else:
                    self._add_term_on(total, rows, resolved)
        if self._dead:
            total[np.fromiter(self._dead, dtype=np.int64)] = 0.0
        return total, matches

    @staticmethod
    def reasons(rows: np.ndarray, matches: list[tuple[np.ndarray, int]]) -> np.ndarray:
        """Reason bits for a few candidate ``rows`` (postings are sorted: binary search)."""
        bits = np.zeros(len(rows), dtype=np.uint16)
        for postings, bit in matches:
            at = np.searchsorted(postings, rows)
            hit = (at < len(postings)) & (postings[np.minimum(at, len(postings) - 1)] == rows)
            bits[hit] |= bit
        return bits
