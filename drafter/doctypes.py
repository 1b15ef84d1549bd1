"""Document types (tên loại) and issuing-body codes, read from ``resources/rules``.

Rule values live in data (design.md rule 10); this module only loads and indexes them, lazily
(nothing is read at import time).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from .resources import resource_path
from .text import fold

__all__ = ["DocType", "doc_types", "type_by_name", "types_for_code", "canonical_type_code",
           "canonical_body_code", "body_codes", "body_level", "body_abbreviations", "type_abbreviations"]


@dataclass(frozen=True)
class DocType:
    name: str  # canonical Vietnamese name, "Kết luận"
    codes: tuple[str, ...]  # type codes, the first is the one Drafter writes
    abbreviations: tuple[str, ...]  # folded abbreviations typed in the picker, "kl"
    state: bool = False  # a State (not Party) document type, e.g. Nghị định


@lru_cache(maxsize=1)
def _types_data() -> dict:
    with open(resource_path("rules", "doc_types.json"), encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def _bodies_data() -> dict:
    with open(resource_path("rules", "body_codes.json"), encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def doc_types() -> tuple[DocType, ...]:
    """Every known document type, in the order of the rule file."""
    return tuple(
        DocType(t["name"], tuple(t["codes"]), tuple(t["abbreviations"]), bool(t.get("state")))
        for t in _types_data()["types"]
    )


@lru_cache(maxsize=None)
def type_by_name(name: str) -> DocType | None:
    """The type whose name folds like ``name`` ("KẾT LUẬN", "ket luan" → Kết luận)."""
    key = " ".join(fold(name).split())
    for t in doc_types():
        if fold(t.name) == key:
            return t
    return None


@lru_cache(maxsize=None)
def types_for_code(type_code: str) -> tuple[DocType, ...]:
    """Types that use ``type_code`` (``QĐ`` → Quyết định and Quy định)."""
    key = fold(type_code)
    return tuple(t for t in doc_types() if any(fold(c) == key for c in t.codes))


@lru_cache(maxsize=None)
def canonical_type_code(code: str) -> str:
    """``"kl"`` → ``"KL"``, ``"QĐI"``/``"qđi"`` → ``"QĐi"``, ``"ctrhđ"`` → ``"CTrHĐ"``; unknown codes upper-cased."""
    key = fold(code)
    for mixed in _types_data()["mixed_case_codes"]:
        if fold(mixed) == key:
            return mixed
    return code.upper()


@lru_cache(maxsize=1)
def _body_variants() -> dict[str, str]:
    table = {}
    for body in _bodies_data()["bodies"]:
        table[body["code"].upper()] = body["code"]
        for variant in body["variants"]:
            table[variant.upper()] = body["code"]
    return table


@lru_cache(maxsize=None)
def canonical_body_code(code: str) -> str:
    """``"TƯ"``/``"T.Ư"`` → ``"TW"``; ``"đuk"`` → ``"ĐUK"``; joint codes keep their ``-``."""
    parts = []
    for part in code.split("-"):
        upper = part.upper()
        parts.append(_body_variants().get(upper, upper))
    return "-".join(parts)


@lru_cache(maxsize=1)
def body_codes() -> frozenset[str]:
    """Every known issuing-body code."""
    return frozenset(b["code"] for b in _bodies_data()["bodies"])


@lru_cache(maxsize=None)
def body_level(body_code: str) -> str | None:
    """The level (TW, TU, HU, DU) of a body code, or None when unknown."""
    for body in _bodies_data()["bodies"]:
        if body["code"] == body_code:
            return body["level"]
    return None


def body_abbreviations() -> dict[str, str]:
    """Folded body abbreviations typed by secretaries → the words they stand for."""
    return dict(_bodies_data()["abbreviations"])


@lru_cache(maxsize=1)
def type_abbreviations() -> dict[str, tuple[str, ...]]:
    """Folded type abbreviation (``"kl"``) → names of the types it may mean."""
    table: dict[str, list[str]] = {}
    for t in doc_types():
        for abbr in t.abbreviations:
            table.setdefault(abbr, []).append(t.name)
    return {k: tuple(v) for k, v in table.items()}
