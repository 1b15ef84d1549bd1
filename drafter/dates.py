"""Dates the user types (forms, CLI ``--set``, JSONL/CSV records): one parser for all of them.

Dates *inside documents* (``ngày 25 tháng 10 năm 2021`` ...) are read by the citation extractor;
this module is for values a person enters: ``25/10/2021``, ``25-10-2021``, ``25.10.2021`` or ISO
``2021-10-25``.
"""

from __future__ import annotations

import datetime as _dt

__all__ = ["parse_user_date", "format_user_date"]

_SEPARATORS = ("/", "-", ".")


def parse_user_date(text: str | None) -> _dt.date | None:
    """``"25/10/2021"``, ``"25-10-2021"``, ``"25.10.2021"`` or ``"2021-10-25"`` → date; blank → None.

    Raises ValueError with a Vietnamese message for anything else (31/02/2021, "hôm qua").
    """
    value = (text or "").strip()
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        pass
    for sep in _SEPARATORS:
        parts = value.split(sep)
        if len(parts) == 3 and all(p.strip().isdigit() for p in parts):
            try:
                return _dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
            except ValueError:
                break
    raise ValueError(f"Ngày “{value}” không hợp lệ: hãy viết dạng ngày/tháng/năm, ví dụ 25/10/2021.")


def format_user_date(day: _dt.date | None) -> str:
    """The form's way of showing a date: ``25/10/2021`` (blank for None)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else ""
