"""A document's own identity, read from its header: tên loại, Số line, issuer, trích yếu, date.

Party documents open with (party-format.md §2): the issuing body, ``Số 567-KL/TU``, the place and
date line, then the title block — the type in capitals (``KẾT LUẬN``), ``CỦA BAN THƯỜNG VỤ THÀNH
ỦY`` (the issuer), and the subject (``về ...`` / ``tại ...``). Seeds come as plain text, sometimes
with Markdown emphasis (``**``) glued to the lines. The Số line itself comes from the citation
extractor (``role == "self"``), so number-codes are read by one piece of code.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass

from ..doctypes import doc_types
from ..text import fold

__all__ = ["Header", "read_header", "guess_jurisdiction"]

#: Lines of the text searched for the title block.
HEADER_LINES = 40

#: Markdown emphasis glued to title lines in the seeds: "KẾT LUẬN**CỦA BAN ...**".
EMPHASIS_RE = re.compile(r"\*+")

#: The place-and-date line: "TP. Hồ Chí Minh, ngày 15 tháng 3 năm 2023" (groups: day, month, year).
DATE_LINE_RE = re.compile(r"^[^\n,]{2,60},\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*$",
                          re.IGNORECASE | re.MULTILINE)

#: Where a document names its own place: "Đảng bộ Thành phố Hồ Chí Minh", "Thành ủy Thành phố Hồ
#: Chí Minh", "Khối Cơ quan và Doanh nghiệp tỉnh Thừa Thiên Huế" → the place after "Thành phố"
#: or "tỉnh" (capitalised words). Group 1: "Thành phố" or "tỉnh"; group 2: the name.
PLACE_RE = re.compile(r"\b(Thành phố|thành phố|[Tt]ỉnh)\s+((?:[A-ZĐÂĂÊÔƠƯ][^\s,.;:()“”\"]*)(?:\s+[A-ZĐÂĂÊÔƠƯ][^\s,.;:()“”\"]*){0,3})")

#: A term (khóa) number in Roman numerals, kept in capitals when an issuer is re-cased: "VII".
ROMAN_RE = re.compile(r"[IVXLC]+")

#: A central bloc named in the text: "Khối Doanh nghiệp Trung ương", "Khối các cơ quan Trung ương".
BLOC_RE = re.compile(r"\bKhối (Doanh nghiệp Trung ương|các cơ quan Trung ương|Cơ quan Trung ương)")


@dataclass(frozen=True)
class Header:
    type: str | None
    issuer: str | None
    subject: str | None
    date: _dt.date | None


def _type_of_line(line: str) -> tuple[str | None, str]:
    """("Kết luận", rest of the line) when ``line`` starts with a type name in capitals."""
    folded = fold(line)
    for doc_type in sorted(doc_types(), key=lambda t: -len(t.name)):
        name = fold(doc_type.name)
        if folded.startswith(name) and line[: len(doc_type.name)].isupper():
            return doc_type.name, line[len(doc_type.name):].strip()
    return None, line


def _sentence_case(text: str, body: str) -> str:
    """The issuer as the body writes it ("Ban Thường vụ Thành ủy"), else capitalised."""
    words = text.split()
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    for m in pattern.finditer(body) if words else ():
        if not m[0].isupper():
            return " ".join(m[0].split())
    words = [w if ROMAN_RE.fullmatch(w) else w.lower() for w in text.split()]
    joined = " ".join(words)
    return joined[:1].upper() + joined[1:]


def _title_block(lines: list[str]) -> tuple[str | None, list[str]]:
    for i, line in enumerate(lines[:HEADER_LINES]):
        doc_type, rest = _type_of_line(line)
        if doc_type:
            return doc_type, ([rest] if rest else []) + lines[i + 1:i + 12]
    return None, []


def read_header(text: str) -> Header:
    """The title block's type, issuer and subject, and the date line (what is missing is None)."""
    lines = [EMPHASIS_RE.sub(" ", line).strip() for line in text.split("\n")]
    doc_type, after = _title_block(lines)
    issuer, subject_lines = None, []
    for line in after:
        if not line:
            if subject_lines:
                break
            continue
        folded = fold(line)
        if issuer is None and not subject_lines and line.isupper():
            issuer = line[4:].strip() if folded.startswith("cua ") else line
        elif subject_lines or folded.startswith(("ve ", "tai ")):
            subject_lines.append(line)
        elif issuer is not None:
            break
    subject = " ".join(" ".join(subject_lines).split()) or None
    if subject and fold(subject).startswith("ve "):
        subject = subject[3:]
    body = text[:20000]
    issuer = _sentence_case(" ".join(issuer.split()), body) if issuer else None
    m = DATE_LINE_RE.search(text[:3000])
    date = None
    if m:
        try:
            date = _dt.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            date = None
    return Header(doc_type, issuer, subject, date)


def guess_jurisdiction(text: str) -> str | None:
    """The place a document most often names for itself ("Thành phố Hồ Chí Minh", "Thừa Thiên
    Huế", "Khối Doanh nghiệp Trung ương"), or None."""
    votes: Counter[str] = Counter()
    for m in PLACE_RE.finditer(text):
        votes["Thành phố " + m[2] if fold(m[1]) == "thanh pho" else m[2]] += 1
    for m in BLOC_RE.finditer(text):
        votes["Khối " + m[1]] += 1
    return votes.most_common(1)[0][0] if votes else None
