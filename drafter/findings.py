"""Findings: problems in the user's text, as data (design.md rule 7).

Both checkers (``drafter.citations.check`` and ``drafter.formatcheck``) return lists of
:class:`Finding`; front ends group them by severity, show them, apply suggestions and annotate
.docx copies from them. Codes are stable (``CIT001``, ``FMT010``) so reports can be compared.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

__all__ = ["Finding", "SEVERITIES", "ERROR", "WARNING", "INFO", "has_errors", "sort_findings"]

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITIES = (ERROR, WARNING, INFO)
SEVERITY_LABELS = {ERROR: "Lỗi", WARNING: "Cảnh báo", INFO: "Thông tin"}


@dataclass(frozen=True)
class Finding:
    code: str  # stable rule code, "CIT001", "FMT010"
    severity: str  # "error" | "warning" | "info"
    message: str  # Vietnamese, says what is wrong and what is expected
    start: int | None = None  # offsets into the checked text (as in `drafter cite extract`)
    end: int | None = None
    paragraph: int | None = None  # 0-based paragraph index in the checked text / .docx
    suggestion: str | None = None  # replacement text for [start, end), when one exists
    element: str | None = None  # layout element for format findings ("title", "number" ...)

    def to_json(self) -> dict:
        return asdict(self)


def has_errors(findings) -> bool:
    return any(f.severity == ERROR for f in findings)


def sort_findings(findings) -> list[Finding]:
    """Errors first, then warnings, then info; within a severity, in text order."""
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: (rank.get(f.severity, 9), f.start if f.start is not None else -1, f.code))
