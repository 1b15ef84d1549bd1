"""What the registry derives from an entry: its identity key and its search keys.

Search keys are the tokens the inverted index is built from, each marked by a one-character
prefix so words and codes never collide (a word is folded letters/digits, nothing else):

========  ====================  ==========================================
prefix    meaning               example for 21-KL/TW, 25/10/2021
========  ====================  ==========================================
(none)    folded word           ``xay``, ``dung``, ``ket``, ``luan``
``+``     two adjacent words    ``xay+dung`` (phrases rank above scattered words)
``#``     number, no padding    ``#21`` (``01`` → ``#1``)
``@``     type code             ``@kl``
``^``     body code             ``^tw`` (each part of a joint code)
``!``     body abbreviation     ``!bch``, ``!bchtw`` (from the issuer's words)
``y``     year                  ``y2021``
``d``     date                  ``d20211025``
========  ====================  ==========================================

They are computed when an entry is written and stored beside it, so the index loads from one
SELECT without folding a single subject.
"""

from __future__ import annotations

from functools import lru_cache

from ..doctypes import body_abbreviations, body_level, canonical_body_code, type_by_name
from ..text import fold, fold_words
from .entry import Entry

__all__ = ["identity_key", "search_keys", "number_key", "type_codes_of", "body_codes_of", "CENTRAL"]

#: Jurisdiction key of central (Trung ương) documents: their numbers are national.
CENTRAL = "tw"


def number_key(number: str | None) -> str | None:
    """``"01"`` → ``"1"``; None for no number."""
    if not number:
        return None
    digits = number.strip()
    if digits.isdigit():
        return digits.lstrip("0") or "0"
    return fold(digits)


def _split_code(code: str | None) -> tuple[str, str]:
    if not code:
        return "", ""
    type_part, _, body_part = code.partition("/")
    return type_part.strip(), body_part.strip()


def type_codes_of(entry: Entry) -> tuple[str, ...]:
    """Folded type codes: from the code when present, else every code of the type name."""
    type_part, _ = _split_code(entry.code)
    if type_part:
        return (fold(type_part),)
    doc_type = type_by_name(entry.type)
    return tuple(fold(c) for c in doc_type.codes) if doc_type else ()


def body_codes_of(entry: Entry) -> tuple[str, ...]:
    _, body_part = _split_code(entry.code)
    if not body_part:
        return ()
    return tuple(fold(p) for p in canonical_body_code(body_part).split("-") if p)


def _jurisdiction_key(entry: Entry) -> str:
    _, body_part = _split_code(entry.code)
    if body_part and body_level(canonical_body_code(body_part).split("-")[0]) == "TW":
        return CENTRAL
    return " ".join(fold_words(entry.jurisdiction or ""))


def identity_key(entry: Entry) -> str:
    """Entries with the same key are candidates for the same document (merged on import).

    Numbered documents: type code, number, body code and jurisdiction (``kl|21|tw|tw``). Numbers
    restart each term, so the caller also compares dates before merging. Unnumbered documents
    (known by a name): type and the folded subject, else the first alias.
    """
    number = number_key(entry.number)
    if number:
        types = type_codes_of(entry)
        bodies = body_codes_of(entry)
        return f"{types[0] if types else fold(entry.type)}|{number}|{'-'.join(bodies)}|{_jurisdiction_key(entry)}"
    name = entry.subject or (entry.aliases[0] if entry.aliases else "")
    return f"{' '.join(fold_words(entry.type))}|name|{' '.join(fold_words(name))}"


@lru_cache(maxsize=1)
def _abbreviation_phrases() -> tuple[tuple[str, str], ...]:
    """(abbreviation, folded phrase) pairs: ``("btv", "ban thuong vu")``."""
    return tuple((abbr, " ".join(fold_words(words))) for abbr, words in body_abbreviations().items())


def _words_of(entry: Entry) -> list[str]:
    """Folded words of every text field, then the adjacent pairs within each field."""
    texts = [entry.type, entry.subject or "", entry.issuer or "", entry.jurisdiction or "",
             entry.term or "", *entry.aliases]
    words: list[str] = []
    pairs: list[str] = []
    for text in texts:
        if text:
            field = fold_words(text)
            words.extend(field)
            pairs.extend(f"{a}+{b}" for a, b in zip(field, field[1:]))
    return words + pairs


def search_keys(entry: Entry) -> str:
    """The entry's index tokens, space-joined, each once (see the module table)."""
    keys: dict[str, None] = dict.fromkeys(_words_of(entry))
    number = number_key(entry.number)
    if number:
        keys[f"#{number}"] = None
    for code in type_codes_of(entry):
        keys[f"@{code}"] = None
    for body in body_codes_of(entry):
        keys[f"^{body}"] = None
    issuer = " " + " ".join(fold_words(entry.issuer or "")) + " "
    for abbr, phrase in _abbreviation_phrases():
        if phrase and f" {phrase} " in issuer:
            keys[f"!{abbr}"] = None
    if entry.date:
        keys[f"y{entry.date.year}"] = None
        keys[f"d{entry.date:%Y%m%d}"] = None
    return " ".join(k for k in keys if k)
