"""The value an extracted citation is: plain, frozen, with offsets into the original text."""

from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass, field

__all__ = ["Citation"]


@dataclass(frozen=True)
class Citation:
    """One mention of a document in a text.

    ``start``/``end`` index the text exactly as it was given to :func:`extract` (not a
    normalised copy), so ``text_given[start:end] == citation.text``.
    """

    text: str  # the mention exactly as written (may span line breaks)
    start: int
    end: int
    type: str | None  # canonical Vietnamese type name ("Kết luận"), None if unknown
    number: str | None  # as written ("01"); None for documents named without a number
    code: str | None  # canonical "KL/TW"; None when the text gives no code
    code_as_written: str | None  # "KL / TW", "01-ĐATU" ... exactly as written (number included)
    date: _dt.date | None = None
    issuer: str | None = None  # as written, without "của"
    subject: str | None = None  # the "về ..." clause, as written
    form: str = "short"  # "full" (number and date or issuer) or "short"
    role: str = "cited"  # "self" for the document's own Số line in its header
    year: int | None = None  # when only a year is given ("Kết luận 118-KL/TW năm 2025")
    date_style: str | None = None  # "numeric" (25/10/2021), "words" (ngày 25 tháng 10 năm 2021), "legacy" (25-10-2021)
    date_text: str | None = None  # the date as written, for the padding checks
    short_name: str | None = None  # defined by "(sau đây gọi tắt là ...)" right after it
    name: str | None = None  # for documents named without a number ("Nghị quyết Trung ương 4 khóa XII")
    problems: tuple[str, ...] = field(default=())  # number-code problems (drafter.numbercode.PROBLEMS)
    has_so: bool | None = None  # True when the word "số" precedes the number; None when unknown
    subject_start: int | None = None  # offsets of the subject (without "về") in the given text
    subject_end: int | None = None

    @property
    def number_code(self) -> str | None:
        """``21-KL/TW`` (canonical code, number as written), or None."""
        if self.number and self.code:
            return f"{self.number}-{self.code}"
        return None

    def to_json(self) -> dict:
        """A JSON-ready dict; the date as ``yyyy-mm-dd`` or None."""
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        data["problems"] = list(self.problems)
        return data
