"""Reports of findings: a readable text report grouped by severity, and the JSON array."""

from __future__ import annotations

from ..findings import SEVERITIES, SEVERITY_LABELS, sort_findings

__all__ = ["text_report", "json_records", "quote"]

#: Longest quoted excerpt shown under a finding.
QUOTE_MAX = 120


def quote(text: str, finding) -> str | None:
    """The text a finding points at, shortened and on one line (None without a span)."""
    if finding.start is None or finding.end is None:
        return None
    excerpt = " ".join(text[finding.start:finding.end].split())
    return excerpt if len(excerpt) <= QUOTE_MAX else excerpt[: QUOTE_MAX - 1] + "…"


def json_records(findings) -> list[dict]:
    keys = ("code", "severity", "message", "start", "end", "paragraph", "suggestion")
    return [{k: getattr(f, k) for k in keys} for f in sort_findings(findings)]


def text_report(findings, text: str, source: str = "") -> str:
    findings = sort_findings(findings)
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    lines = [f"Kiểm tra: {source}" if source else "Kết quả kiểm tra",
             ", ".join(f"{counts[s]} {SEVERITY_LABELS[s].lower()}" for s in SEVERITIES)]
    if not findings:
        lines.append("Không phát hiện vấn đề nào.")
    for severity in SEVERITIES:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        lines.append("")
        lines.append(f"== {SEVERITY_LABELS[severity]} ({len(group)}) ==")
        for f in group:
            where = f"đoạn {f.paragraph + 1}" if f.paragraph is not None else "toàn văn bản"
            lines.append(f"[{f.code}] {where}: {f.message}")
            excerpt = quote(text, f)
            if excerpt:
                lines.append(f"    “{excerpt}”")
            if f.suggestion:
                lines.append(f"    → Đề xuất: {f.suggestion}")
    return "\n".join(lines) + "\n"
