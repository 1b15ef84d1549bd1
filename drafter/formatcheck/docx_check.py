"""Checking a .docx: read it safely, find the elements, run text, style and page rules."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputFileError
from ..findings import Finding, sort_findings
from ..reading import read_document
from .docxlayout import DocxLayout, format_over, read_layout
from .elements import Elements, find_elements
from .lines import Line, split_lines
from .page_rules import page_rules
from .style_rules import style_rules
from .text_rules import text_rules

__all__ = ["check_docx_file", "docx_elements"]


def _open(path: Path):
    import docx

    try:
        return docx.Document(str(path))
    except Exception as exc:  # corrupt parts raise many kinds; read_document vetted the zip already
        raise InputFileError(f"Không đọc được tệp .docx: {path}", "Hãy mở và lưu lại bằng Word rồi thử lại.") from exc


def shown_text(paragraph) -> str:
    """The paragraph's text as Word shows it: runs formatted All Caps / Small Caps in capitals."""
    chars = list(paragraph.text)
    for seg in paragraph.segments:
        if seg.fmt.caps:
            for i in range(seg.start, min(seg.end, len(chars))):
                upper = chars[i].upper()
                chars[i] = upper if len(upper) == 1 else chars[i]
    return "".join(chars)


def docx_elements(path) -> tuple[Elements, DocxLayout]:
    """The elements and layout of a .docx (after read_document's safety checks)."""
    path = Path(path)
    doc_text = read_document(path)
    layout = read_layout(_open(path))
    if len(layout.paragraphs) != len(doc_text.paragraph_starts):
        raise InputFileError(f"Không đọc được cấu trúc đoạn văn của tệp .docx: {path}")
    rows = [(shown_text(p), start, p.table, p.row, p.col) for p, start in zip(layout.paragraphs, doc_text.paragraph_starts)]
    lines = split_lines(rows, markdown=False)

    def bold(line: Line) -> bool | None:
        return format_over(layout.paragraphs[line.para], line.lo, line.hi)["bold"]

    def body_like(line: Line) -> bool:
        para = layout.paragraphs[line.para].para
        return para.align == "justify" or para.first_indent_mm > 5

    return find_elements(lines, bold=bold, body_like=body_like), layout


def check_docx_file(path, profile) -> list[Finding]:
    elements, layout = docx_elements(path)
    findings = text_rules(elements, profile, strict=True)
    findings += style_rules(elements, layout, profile)
    findings += page_rules(layout, profile)
    return sort_findings(findings)
