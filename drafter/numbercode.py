"""Number-codes (số và ký hiệu): read messy ones, write canonical ones (party-format.md §4).

``parse("21 - KL / TW")`` → ``NumberCode(number="21", type_code="KL", body_code="TW", ...)``.
What was written is kept in ``as_written``; what was wrong with it is listed in ``problems`` so
that the checker can flag it (the extractor never rejects a citation for a malformed code).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .doctypes import body_codes, canonical_body_code, canonical_type_code, doc_types
from .text import nfc

__all__ = ["NumberCode", "parse", "format_number", "PARTY_CODE_RE", "STATE_STYLE_CODE_RE",
           "GLUED_CODE_RE", "PROBLEMS"]

#: What can be wrong with a written number-code (stable keys; the checker turns them into findings).
PROBLEMS = {
    "spaces": "có dấu cách quanh dấu - hoặc /",
    "state_style": "viết theo kiểu văn bản Nhà nước (số/ký hiệu-cơ quan)",
    "missing_slash": "thiếu dấu / giữa ký hiệu tên loại và cơ quan ban hành",
    "unpadded": "số từ 1 đến 9 phải viết 01-09",
    "lookalike": "có ký tự giống chữ Đ nhưng không phải (Ð, Ɖ)",
    "body_variant": "ký hiệu cơ quan viết không chuẩn (TƯ, T.Ư)",
    "malformed": "không đọc được ký hiệu (thiếu ký hiệu tên loại hoặc cơ quan ban hành)",
}

_TYPE = r"[A-ZĐÐƉ][A-Za-zĐđÐƉ]{0,5}"
_BODY = r"[A-ZĐÐƉƯ](?:[A-Za-zĐđÐƉƯư0-9]|\.(?=[A-ZƯ]))*(?:-[A-ZĐÐƉ][A-Za-zĐđÐƉ0-9]*)*"

#: Party style, tolerant of spaces: "21-KL/TW", "100 - KL/TW", "24-QĐ / TW", "01-QĐi/ĐUK",
#: "32-CTrHĐ/TU", "141-CV/VPTW/nb", joint "05-HD/BTCTW-BTGTW", "05-CT/T.Ư".
#: Groups: number, type code, body code, optional trailing lowercase suffix ("/nb").
PARTY_CODE_RE = re.compile(
    rf"(?P<number>\d{{1,6}})\s*-\s*(?P<type>{_TYPE})\s*/\s*(?P<body>{_BODY})(?:/(?P<suffix>[a-z]{{1,4}}))?(?![A-Za-zĐđ0-9])"
)

#: State-style punctuation applied to a Party code: "217/QĐ-TW" (read as 217-QĐ/TW, and flagged).
#: Only accepted when the body is a known Party body code, so "15/QĐ-BNV" stays a State code.
STATE_STYLE_CODE_RE = re.compile(
    rf"(?P<number>\d{{1,6}})\s*/\s*(?P<type>{_TYPE})\s*-\s*(?P<body>TW|TƯ|TU|HU|QU|ĐU|ĐUK|CB|VPTW|BTCTW|UBKTTW|UBKTTU|VPTU)(?![A-Za-zĐđ0-9])"
)

#: Slash missing between type and body: "01-ĐATU" (seed 000). The letters are split at a known
#: type code, longest first; the body must then be a known body code.
GLUED_CODE_RE = re.compile(r"(?P<number>\d{1,6})\s*-\s*(?P<glued>[A-ZĐÐ][A-Za-zĐđ]{2,12})(?![A-Za-zĐđ0-9/])")


@dataclass(frozen=True)
class NumberCode:
    number: str  # digits as written ("01", "1", "127")
    type_code: str  # canonical type code ("KL", "QĐi")
    body_code: str  # canonical body code ("TW", "ĐUK"); "" when unreadable
    as_written: str  # the exact text it was read from
    problems: tuple[str, ...] = field(default=())  # keys of PROBLEMS

    @property
    def code(self) -> str:
        """``KL/TW``."""
        return f"{self.type_code}/{self.body_code}" if self.body_code else self.type_code

    @property
    def canonical(self) -> str:
        """``21-KL/TW`` with the number padded as party-format.md §4.1 requires."""
        return f"{format_number(self.number)}-{self.code}"


def format_number(number: str) -> str:
    """Pad 1-9 to ``01``-``09``; larger numbers as they are (``127``)."""
    digits = number.strip()
    if digits.isdigit() and len(digits) == 1:
        return "0" + digits
    return digits


def _common_problems(raw: str, number: str) -> list[str]:
    problems = []
    if re.search(r"\s[-/]|[-/]\s", nfc(raw)):  # nfc: an en dash counts as "-"
        problems.append("spaces")
    if len(number) == 1:
        problems.append("unpadded")
    if "Ð" in raw or "Ɖ" in raw:
        problems.append("lookalike")
    return problems


def _split_glued(glued: str) -> tuple[str, str] | None:
    codes = sorted({c for t in doc_types() for c in t.codes if "-" not in c}, key=len, reverse=True)
    bodies = body_codes()
    for code in codes:
        if glued.upper().startswith(code.upper()) and glued[len(code):].upper() in {b.upper() for b in bodies}:
            return glued[: len(code)], glued[len(code):]
    return None


def parse(text: str) -> NumberCode | None:
    """Read the first number-code in ``text`` (which should be just the code), or None."""
    raw = text.strip()
    clean = nfc(raw)
    m = PARTY_CODE_RE.match(clean)
    if m:
        problems = _common_problems(raw, m["number"])
        body_raw = m["body"]
        body = canonical_body_code(body_raw)
        if body.replace("-", "") != body_raw.upper().replace("-", ""):
            problems.append("body_variant")
        return NumberCode(m["number"], canonical_type_code(m["type"]), body, raw, tuple(problems))
    m = STATE_STYLE_CODE_RE.match(clean)
    if m:
        problems = ["state_style", *_common_problems(raw, m["number"])]
        problems = [p for p in problems if p != "spaces"] if not re.search(r"\s", raw) else problems
        return NumberCode(m["number"], canonical_type_code(m["type"]), canonical_body_code(m["body"]),
                          raw, tuple(problems))
    m = GLUED_CODE_RE.match(clean)
    if m:
        split = _split_glued(m["glued"])
        if split:
            problems = ["missing_slash", *_common_problems(raw, m["number"])]
            return NumberCode(m["number"], canonical_type_code(split[0]), canonical_body_code(split[1]),
                              raw, tuple(problems))
    return None
