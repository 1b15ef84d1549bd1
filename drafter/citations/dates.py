"""Dates inside citations: the three styles of citations.md §1, read with their exact text.

``ngày 25/10/2021`` (numeric), ``ngày 25 tháng 10 năm 2021`` (words), ``ngày 25-10-2021`` or
``25.10.2021`` (legacy); with or without a comma before ``ngày``, possibly in parentheses
(``(ngày 2/1/2020)``), line breaks allowed inside.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

__all__ = ["DateMatch", "DATE_RE", "match_date", "date_style_of", "padding_problems", "format_numeric"]

_SP = r"[^\S\n]*(?:\n[^\S\n]*)?"

#: A citation's date right after the number-code or issuer. Groups d/m/y per style; ``paren`` when
#: the date sits in parentheses. Examples: ", ngày 25/10/2021", " ngày 25 tháng 10 năm 2021",
#: " (ngày 2/1/2020)", "\nngày 25-10-2021", " ban hành ngày 07/5/2018".
DATE_RE = re.compile(
    rf"[^\S\n]*,?{_SP}(?P<paren>\()?{_SP}(?:ban{_SP}hành{_SP})?(?P<kw>ngày|Ngày|NGÀY){_SP}(?P<body>"
    rf"(?P<nd>\d{{1,2}}){_SP}/{_SP}(?P<nm>\d{{1,2}}){_SP}/{_SP}(?P<ny>\d{{4}})"
    rf"|(?P<wd>\d{{1,2}}){_SP}(?:tháng|Tháng){_SP}(?P<wm>\d{{1,2}}){_SP},?{_SP}(?:năm|Năm){_SP}(?P<wy>\d{{4}})"
    rf"|(?P<ld>\d{{1,2}}){_SP}(?P<sep>[-.]){_SP}(?P<lm>\d{{1,2}}){_SP}(?P=sep){_SP}(?P<ly>\d{{4}})"
    rf")(?!\d)(?(paren){_SP}\))"
)


@dataclass(frozen=True)
class DateMatch:
    start: int  # where the date part starts (after the comma/space), in the matched string
    end: int
    text: str  # the date as written, "25/10/2021" or "25 tháng 10 năm 2021"
    day: str
    month: str
    year: str
    style: str  # "numeric" | "words" | "legacy"

    @property
    def date(self) -> _dt.date | None:
        try:
            return _dt.date(int(self.year), int(self.month), int(self.day))
        except ValueError:
            return None


def match_date(text: str, pos: int) -> DateMatch | None:
    """The date starting at ``pos`` (leading comma/space allowed), or None."""
    m = DATE_RE.match(text, pos)
    if not m:
        return None
    if m["nd"]:
        d, mo, y, style = m["nd"], m["nm"], m["ny"], "numeric"
    elif m["wd"]:
        d, mo, y, style = m["wd"], m["wm"], m["wy"], "words"
    else:
        d, mo, y, style = m["ld"], m["lm"], m["ly"], "legacy"
    start = m.start("paren") if m["paren"] else m.start("kw")
    return DateMatch(start, m.end(), m["body"], d, mo, y, style)


def date_style_of(date_text: str) -> str | None:
    """The style of a written date body ("25/10/2021" → "numeric")."""
    if "/" in date_text:
        return "numeric"
    if "tháng" in date_text.lower():
        return "words"
    if "-" in date_text or "." in date_text:
        return "legacy"
    return None


def padding_problems(day: str, month: str) -> list[str]:
    """What breaks party-format.md §5: days 1-9 and months 1-2 padded, months 3-12 not.

    Returns keys: "day_unpadded", "month_unpadded", "month_padded".
    """
    problems = []
    if len(day) == 1:
        problems.append("day_unpadded")
    m = int(month)
    if m in (1, 2) and len(month) == 1:
        problems.append("month_unpadded")
    if m >= 3 and month.startswith("0"):
        problems.append("month_padded")
    return problems


def format_numeric(date: _dt.date) -> str:
    """``DD/M/YYYY`` with the padding rule: 2021-10-25 → "25/10/2021", 2020-01-02 → "02/01/2020"."""
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{date.day:02d}/{month}/{date.year}"


def format_words(date: _dt.date) -> str:
    """``DD tháng M năm YYYY`` with the padding rule."""
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{date.day:02d} tháng {month} năm {date.year}"
