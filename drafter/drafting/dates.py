"""Dates as Party documents write them (party-format.md §5), with padding rules from the profile.

Days 1-9 are padded (``03``); months listed in ``pad_months`` (1 and 2) are padded, the others not:
``ngày 03 tháng 4 năm 2018``, ``ngày 20 tháng 02 năm 2018``, ``24/01/2025``, ``04/7/2025``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

__all__ = ["DateRules", "format_numeric", "format_words", "place_date_line", "BLANK_DATE"]

#: What the date line says when the date is left for the signer/văn thư to fill.
BLANK_DATE = "ngày     tháng     năm"


@dataclass(frozen=True)
class DateRules:
    pad_day_below: int = 10
    pad_months: tuple[int, ...] = (1, 2)
    separator: str = "/"

    @classmethod
    def from_profile(cls, profile: dict | None) -> "DateRules":
        data = (profile or {}).get("dates", {})
        return cls(int(data.get("pad_day_below", 10)), tuple(data.get("pad_months", (1, 2))),
                   str(data.get("separator", "/")))


def _day(d: _dt.date, rules: DateRules) -> str:
    return f"{d.day:02d}" if d.day < rules.pad_day_below else str(d.day)


def _month(d: _dt.date, rules: DateRules) -> str:
    return f"{d.month:02d}" if d.month in rules.pad_months else str(d.month)


def format_numeric(d: _dt.date, rules: DateRules = DateRules()) -> str:
    """``25/10/2021``, ``09/5/2023``, ``04/02/2023``."""
    sep = rules.separator
    return f"{_day(d, rules)}{sep}{_month(d, rules)}{sep}{d.year}"


def format_words(d: _dt.date, rules: DateRules = DateRules()) -> str:
    """``ngày 25 tháng 10 năm 2021``, ``ngày 01 tháng 12 năm 2021``, ``ngày 25 tháng 02 năm 2019``."""
    return f"ngày {_day(d, rules)} tháng {_month(d, rules)} năm {d.year}"


def place_date_line(place: str, d: _dt.date | None, rules: DateRules = DateRules()) -> str:
    """``Thành phố Hồ Chí Minh, ngày 15 tháng 5 năm 2023`` (the italic ô 4 line)."""
    when = format_words(d, rules) if d else BLANK_DATE
    return f"{place}, {when}" if place else when
