"""What a secretary typed, read as search terms (the picker calls this on every keystroke).

``"kl 21"``, ``"21-KL/TW"``, ``"ket luan 21 xay dung chinh don dang"``, ``"chỉ thi 05 hoc tap"``,
``"kết luận 118 năm 2025"``, ``"25/10/2021"``: the query is folded (no diacritics, either tone
placement), number-codes, dates and years are read first, then type names and abbreviations,
then the remaining words. Each term lists the index keys it may match (see
:mod:`drafter.registry.keys`); the index scores a term by its best alternative. The last word is
a prefix unless the query ends with a space (the user is still typing it).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from ..doctypes import body_abbreviations, body_codes, doc_types, type_abbreviations, type_by_name
from ..resources import resource_path
from ..text import fold

__all__ = ["Alternative", "Term", "ParsedQuery", "parse_query", "search_rules", "REASON_LABELS"]

#: Reason keys and what the picker shows for them.
REASON_LABELS = {
    "number": "khớp số",
    "code": "khớp ký hiệu",
    "type": "khớp tên loại",
    "words": "khớp trích yếu",
    "date": "khớp ngày",
    "year": "khớp năm",
    "fuzzy": "gần đúng",
    "boost": "đã trích dẫn",
}

#: A number-code as typed, on folded text, possibly unfinished: "21-kl/tw", "21 - kl / tw",
#: "21-kl/", "21-kl", "01-qdi/duk", "05-hd/btctw-btgtw". Read before words so "kl"/"tw" in it
#: are codes, not words. Groups: number, type code, body code (may be empty or partial).
CODE_QUERY_RE = re.compile(
    r"(?<![0-9a-z])(\d{1,6})\s*-\s*([a-z]{1,6})(?![0-9a-z])(?:\s*/\s*([a-z0-9.]*(?:-[a-z0-9.]+)*))?"
)

#: A numeric date: "25/10/2021", "25-10-2021", "25.10.2021", "2/1/2020". Groups: day, month, year.
DATE_QUERY_RE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)")

#: A date in words: "ngay 25 thang 10 nam 2021" (folded "ngày 25 tháng 10 năm 2021").
DATE_WORDS_QUERY_RE = re.compile(r"\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})\b")

#: A year after "năm": "kết luận 118 năm 2025" → year 2025 (not a document number).
YEAR_QUERY_RE = re.compile(r"\bnam\s+((?:19|20)\d\d)\b")

#: Folded words and numbers left after the above: "xay", "21", "qdi".
QUERY_WORD_RE = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Alternative:
    key: str  # an index key; with mode "prefix" a key prefix; with "fuzzy" a word to correct
    weight: float  # for plain words a multiplier of the word's idf weight
    reason: str  # a REASON_LABELS key
    mode: str = "exact"  # "exact" | "prefix" | "fuzzy" | "pair" (a word pair, typos corrected)


@dataclass(frozen=True)
class Term:
    text: str
    alternatives: tuple[Alternative, ...]


@dataclass(frozen=True)
class ParsedQuery:
    folded: str
    terms: tuple[Term, ...]


@lru_cache(maxsize=1)
def search_rules() -> dict:
    """resources/registry/search.json (weights, stop words, limits)."""
    with open(resource_path("registry", "search.json"), encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def _type_phrases() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Folded type names → folded type codes: ("ket", "luan") → ("kl",)."""
    phrases = {}
    for t in doc_types():
        if t.codes:
            phrases[tuple(fold(t.name).split())] = tuple(dict.fromkeys(fold(c) for c in t.codes))
    # "quy dinh" and "quyet dinh" share QĐ: typing either finds both (the registry knows which).
    return phrases


@lru_cache(maxsize=1)
def _abbreviation_codes() -> dict[str, tuple[str, ...]]:
    table = {}
    for abbr, names in type_abbreviations().items():
        codes = []
        for name in names:
            doc_type = type_by_name(name)
            codes.extend(fold(c) for c in (doc_type.codes if doc_type else ()))
        table[abbr] = tuple(dict.fromkeys(codes))
    return table


@lru_cache(maxsize=1)
def _body_keys() -> frozenset[str]:
    return frozenset(fold(code) for code in body_codes())


def _w(name: str) -> float:
    return float(search_rules()["weights"][name])


def _code_terms(number: str, type_code: str, body: str | None, open_end: bool) -> list[Term]:
    digits = number.lstrip("0") or "0"
    terms = [Term(number, (Alternative(f"#{digits}", _w("number"), "number"),))]
    types = _abbreviation_codes().get(type_code, (type_code,))
    terms.append(Term(type_code, tuple(Alternative(f"@{c}", _w("type"), "code") for c in types)))
    for i, part in enumerate(p for p in (body or "").replace(".", "").split("-") if p):
        alts = [Alternative(f"^{part}", _w("body"), "code")]
        if open_end:
            alts.append(Alternative(f"^{part}", _w("body") * 0.8, "code", "prefix"))
        terms.append(Term(part, tuple(alts)))
    return terms


def _number_term(token: str, open_end: bool, other_numbers: bool) -> Term:
    digits = token.lstrip("0") or "0"
    alts = [Alternative(token, _w("number_as_word"), "words")]
    is_year = len(token) == 4 and token[:2] in ("19", "20")
    if is_year:
        alts.append(Alternative(f"y{token}", _w("year"), "year"))
    if not (is_year and other_numbers):
        alts.append(Alternative(f"#{digits}", _w("number"), "number"))
        if open_end:
            alts.append(Alternative(f"#{digits}", _w("number_prefix"), "number", "prefix"))
    return Term(token, tuple(alts))


def _word_term(token: str, open_end: bool) -> Term:
    alts = [Alternative(token, 1.0, "words")]
    if token in _abbreviation_codes():
        alts += [Alternative(f"@{c}", _w("type"), "type") for c in _abbreviation_codes()[token]]
    if token in _body_keys():  # "tu" alone may be the word "từ"/"tư": weigh it like a word
        alts.append(Alternative(f"^{token}", _w("body_alone"), "code"))
    if token in body_abbreviations():
        alts.append(Alternative(f"!{token}", _w("abbreviation"), "code"))
    if open_end and len(token) >= int(search_rules()["prefix_min_chars"]):
        alts.append(Alternative(token, _w("prefix_factor"), "words", "prefix"))
    alts.append(Alternative(token, _w("fuzzy_factor"), "fuzzy", "fuzzy"))
    return Term(token, tuple(alts))


def _blank(text: str, match: re.Match) -> str:
    return text[: match.start()] + " " * (match.end() - match.start()) + text[match.end():]


def _special_terms(folded: str, open_end: bool) -> tuple[list[tuple[int, Term]], str]:
    """Codes, dates and years, with their positions; returns the text with them blanked."""
    found: list[tuple[int, Term]] = []
    for regex in (DATE_WORDS_QUERY_RE, DATE_QUERY_RE):
        for m in list(regex.finditer(folded)):
            day, month, year = int(m[1]), int(m[2]), m[3]
            if 1 <= day <= 31 and 1 <= month <= 12:
                found.append((m.start(), Term(m[0], (Alternative(f"d{year}{month:02d}{day:02d}", _w("date"), "date"),
                                                     Alternative(f"y{year}", _w("year"), "year")))))
                folded = _blank(folded, m)
    for m in list(YEAR_QUERY_RE.finditer(folded)):  # the year of the date, or "năm 2023" in a subject
        found.append((m.start(), Term(m[1], (Alternative(f"y{m[1]}", _w("year"), "year"),
                                             Alternative(m[1], _w("number_as_word"), "words")))))
        found.append((m.start(), Term(m[0], (Alternative(f"nam+{m[1]}", _w("pair"), "words", "pair"),))))
        folded = _blank(folded, m)
    for m in list(CODE_QUERY_RE.finditer(folded)):
        at_end = open_end and m.end() == len(folded.rstrip())
        for term in _code_terms(m[1], m[2], m[3], at_end):
            found.append((m.start(), term))
        folded = _blank(folded, m)
    return found, folded


def parse_query(query: str) -> ParsedQuery:
    """Read ``query`` into terms (see the module docstring)."""
    folded = fold(query)
    open_end = bool(folded) and not folded[-1].isspace()
    found, rest = _special_terms(folded, open_end)
    tokens = [(m.start(), m[0]) for m in QUERY_WORD_RE.finditer(rest)]
    stop = set(search_rules()["stopwords"])
    phrases = _type_phrases()
    end = len(rest.rstrip())
    other_numbers = sum(tok.isdigit() for _, tok in tokens) > 1 or any(t.alternatives[0].reason == "number" for _, t in found)
    i = 0
    while i < len(tokens):
        pos, token = tokens[i]
        matched = next((n for n in (3, 2) if tuple(t for _, t in tokens[i:i + n]) in phrases), 0)
        if matched:
            codes = phrases[tuple(t for _, t in tokens[i:i + matched])]
            found.append((pos, Term(" ".join(t for _, t in tokens[i:i + matched]),
                                    tuple(Alternative(f"@{c}", _w("type"), "type") for c in codes))))
            i += matched
            continue
        last = open_end and pos + len(token) == end
        if token.isdigit():
            found.append((pos, _number_term(token, last, other_numbers)))
        elif token not in stop:
            found.append((pos, _word_term(token, last)))
        i += 1
    found.extend(_pair_terms(tokens, open_end, end))
    found.sort(key=lambda item: item[0])
    return ParsedQuery(folded, tuple(term for _, term in found))


def _pair_terms(tokens: list[tuple[int, str]], open_end: bool, end: int) -> list[tuple[int, Term]]:
    """Adjacent word pairs ("so ket" of "sơ kết", stop words included): phrase matches rank first.
    The word still being typed makes no pair."""
    terms = []
    for (pos, a), (pos_b, b) in zip(tokens, tokens[1:]):
        if open_end and pos_b + len(b) == end:  # "... vien cong|": pairs starting "vien+cong"
            alt = Alternative(f"{a}+{b}", _w("pair") * _w("prefix_factor"), "words", "prefix")
        else:  # a typo in either word is corrected by the index (mode "pair")
            alt = Alternative(f"{a}+{b}", _w("pair"), "words", "pair")
        terms.append((pos, Term(f"{a} {b}", (alt,))))
    return terms
