"""A self-contained HTML report of findings (every piece of document text is escaped)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from ..errors import ExportError
from ..findings import SEVERITIES, SEVERITY_LABELS, sort_findings
from .report import quote

__all__ = ["html_report", "write_html_report"]

_STYLE = """body{font-family:"Times New Roman",serif;max-width:60em;margin:2em auto;line-height:1.4}
h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid #999}
.error h2{color:#a00}.warning h2{color:#a60}.info h2{color:#06a}
li{margin:.6em 0}code{background:#eee;padding:0 .2em}q{font-style:italic;color:#333}
.fix{color:#060}"""


def html_report(findings, text: str, source: str = "") -> str:
    findings = sort_findings(findings)
    parts = ["<!DOCTYPE html>", '<html lang="vi"><head><meta charset="utf-8">',
             f"<title>Báo cáo kiểm tra {escape(source)}</title><style>{_STYLE}</style></head><body>",
             f"<h1>Báo cáo kiểm tra: {escape(source)}</h1>"]
    counts = ", ".join(f"{sum(1 for f in findings if f.severity == s)} {SEVERITY_LABELS[s].lower()}" for s in SEVERITIES)
    parts.append(f"<p>{escape(counts)}</p>")
    if not findings:
        parts.append("<p>Không phát hiện vấn đề nào.</p>")
    for severity in SEVERITIES:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        parts.append(f'<section class="{severity}"><h2>{escape(SEVERITY_LABELS[severity])} ({len(group)})</h2><ol>')
        for f in group:
            where = f"đoạn {f.paragraph + 1}" if f.paragraph is not None else "toàn văn bản"
            item = f"<li><code>{escape(f.code)}</code> {escape(where)}: {escape(f.message)}"
            excerpt = quote(text, f)
            if excerpt:
                item += f"<br><q>{escape(excerpt)}</q>"
            if f.suggestion:
                item += f'<br><span class="fix">→ Đề xuất: {escape(f.suggestion)}</span>'
            parts.append(item + "</li>")
        parts.append("</ol></section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write_html_report(path, findings, text: str, source: str = "") -> None:
    try:
        Path(path).write_text(html_report(findings, text, source), encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"Không ghi được báo cáo {path}: {exc.strerror or exc}",
                          "Kiểm tra thư mục đích và quyền ghi.") from exc
