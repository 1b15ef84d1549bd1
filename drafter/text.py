"""Vietnamese text normalisation for matching (never for display).

Four operations, each a pure function:

- :func:`nfc` — NFC composition plus look-alike letters (``Ð`` U+00D0, ``Ɖ`` U+0189 → ``Đ``).
- :func:`canonical_tones` — one tone placement: ``hoá``/``hóa`` → ``hóa``, ``uỷ``/``ủy`` → ``ủy``.
- :func:`fold` — an ASCII matching key: marks stripped, ``đ`` → ``d``, case-folded.
- :func:`normalize_with_map` — the NFC copy of a text plus, for every character of the copy, its
  offset in the original, so a match found in the copy can be reported in the original.

Number-codes (``21-KL/TW``) are handled in :mod:`drafter.numbercode`.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["nfc", "canonical_tones", "fold", "fold_words", "normalize_with_map", "LOOKALIKES"]

#: Characters that look like Vietnamese letters but are not: OCR output, Icelandic eth, African D.
LOOKALIKES = {
    "\u00d0": "Đ",  # Ð LATIN CAPITAL LETTER ETH
    "\u0189": "Đ",  # Ɖ LATIN CAPITAL LETTER AFRICAN D
    "\u00f0": "đ",  # ð LATIN SMALL LETTER ETH
    "\u0256": "đ",  # ɖ LATIN SMALL LETTER D WITH TAIL
    "\u00a0": " ",  # no-break space
    "\u2011": "-",  # non-breaking hyphen
    "\u2010": "-",  # hyphen
    "\u2212": "-",  # minus sign
    "\u2013": "-",  # en dash (Word's autocorrect turns "21 - KL/TW" into "21 – KL/TW")
    "\u2044": "/",  # fraction slash
    "\u2215": "/",  # division slash
    "\ufeff": "",  # byte-order mark / zero-width no-break space
    "\u200b": "",  # zero-width space
}
_LOOKALIKE_TABLE = str.maketrans(LOOKALIKES)
_DROPPED = {ch: "" for ch, repl in LOOKALIKES.items() if repl == ""}

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng

#: Open syllables whose tone mark moves between styles: "oa", "oe", "uy" at the end of a word,
#: not after "q" (in "quý" the u belongs to "qu" and the tone always sits on y).
#: Examples: "hoá" ~ "hóa", "khoẻ" ~ "khỏe", "thuỷ" ~ "thủy", "uỷ" ~ "ủy".
#: Matched on NFD text: group 1 is the first vowel, group 2 the tone mark after the second vowel.
TONE_MOVE_RE = re.compile(
    r"(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![^\W\d_])"
)
_VALID_PAIRS = {"oa", "oe", "uy"}


def nfc(text: str) -> str:
    """NFC-compose ``text`` and replace look-alike letters. Length may change (NFD input)."""
    return unicodedata.normalize("NFC", text.translate(_LOOKALIKE_TABLE))


def canonical_tones(text: str) -> str:
    """Put tone marks of ``oa``/``oe``/``uy`` open syllables on the first vowel (``hóa``, ``ủy``)."""
    decomposed = unicodedata.normalize("NFD", nfc(text))

    def move(m: re.Match) -> str:
        first, second, tone = m.group(1), m.group(2), m.group(3)
        if (first + second).lower() not in _VALID_PAIRS:
            return m.group(0)
        return first + tone + second

    return unicodedata.normalize("NFC", TONE_MOVE_RE.sub(move, decomposed))


def fold(text: str) -> str:
    """ASCII matching key: ``"Kết luận Số 21-KL/TƯ"`` → ``"ket luan so 21-kl/tu"``.

    Idempotent; NFC and NFD input give the same key; tone placement does not matter.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_LOOKALIKE_TABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return stripped.casefold()


#: A folded word: a run of letters or digits (used for search keys and subject matching).
WORD_RE = re.compile(r"[^\W_]+")


def fold_words(text: str) -> list[str]:
    """The folded words of ``text``: ``"Xây dựng, chỉnh đốn"`` → ``["xay", "dung", "chinh", "don"]``."""
    return WORD_RE.findall(fold(text))


def _is_clean(text: str) -> bool:
    """True when :func:`normalize_with_map` would return ``text`` unchanged (the common case)."""
    return unicodedata.is_normalized("NFC", text) and not any(ch in text for ch in LOOKALIKES)


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """NFC copy of ``text`` (look-alikes replaced) and an offset map.

    ``offsets[i]`` is the index in ``text`` where character ``i`` of the copy comes from;
    ``offsets[len(copy)] == len(text)``, so a span ``[a, b)`` of the copy maps back to
    ``[offsets[a], offsets[b])`` of the original. Characters dropped by the look-alike table
    (zero-width spaces) are simply skipped.
    """
    if _is_clean(text):
        return text, range(len(text) + 1)  # type: ignore[return-value]
    if unicodedata.is_normalized("NFC", text) and not any(ch in text for ch in _DROPPED):
        copy = text
        for ch, repl in LOOKALIKES.items():  # one-for-one replacements ("–" → "-"): same offsets;
            if ch in copy:  # str.replace is many times faster than str.translate on long texts
                copy = copy.replace(ch, repl)
        if unicodedata.is_normalized("NFC", copy):
            return copy, range(len(text) + 1)  # type: ignore[return-value]
    out: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and (unicodedata.combining(text[j]) or _DROPPED.get(text[j]) is not None):
            j += 1  # marks, and dropped zero-width characters between a letter and its marks
        cluster = text[i:j]
        if cluster.isascii():
            composed = cluster
        else:
            composed = unicodedata.normalize("NFC", cluster.translate(_LOOKALIKE_TABLE))
        for ch in composed:
            out.append(ch)
            offsets.append(i)
        i = j
    offsets.append(n)
    return "".join(out), offsets
