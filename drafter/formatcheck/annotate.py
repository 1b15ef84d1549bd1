"""Writing a reviewed copy of a .docx with one Word comment per finding.

Uses python-docx's comments API (``Document.add_comment``, python-docx ≥ 1.2): each comment is
anchored on the runs that hold the finding's text (commentRangeStart/End and a
commentReference), so a reviewer sees it in Word's margin and can work there.
"""

from __future__ import annotations

from pathlib import Path

from docx.oxml.ns import qn

from ..errors import ExportError, InputFileError
from ..findings import SEVERITY_LABELS
from ..reading import read_document

__all__ = ["annotate_docx", "comment_text"]


def comment_text(finding) -> str:
    label = SEVERITY_LABELS.get(finding.severity, finding.severity)
    text = f"[{finding.code}] {label}: {finding.message}"
    if finding.suggestion:
        text += f"\nĐề xuất: {finding.suggestion}"
    return text


def _paragraph_elements(body) -> list:
    """``w:p`` elements in the order drafter.reading reads them (tables cell by cell)."""
    out = []
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            out.append(child)
        elif child.tag == qn("w:tbl"):
            for row in child.iterchildren(qn("w:tr")):
                for cell in row.iterchildren(qn("w:tc")):
                    out += _paragraph_elements(cell)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                out += _paragraph_elements(content)
    return out


def _runs_for(paragraph, lo: int | None, hi: int | None):
    runs, pos, chosen = paragraph.runs, 0, []
    for run in runs:
        length = len(run.text)
        if lo is None or (pos < hi and pos + length > lo) or (length == 0 and lo <= pos <= hi):
            chosen.append(run)
        pos += length
    chosen = [r for r in chosen if r.text] or chosen
    if not chosen:
        chosen = [r for r in runs if r.text] or runs or [paragraph.add_run("")]
    return chosen


def annotate_docx(source, target, findings, *, author: str = "Drafter", initials: str = "DR") -> int:
    """Copy ``source`` to ``target`` with a comment per finding; returns the number of comments."""
    import docx
    from docx.text.paragraph import Paragraph

    source, target = Path(source), Path(target)
    doc_text = read_document(source)
    try:
        document = docx.Document(str(source))
    except Exception as exc:
        raise InputFileError(f"Không đọc được tệp .docx: {source}") from exc
    elements = _paragraph_elements(document.element.body)
    count = 0
    for f in findings:
        index = f.paragraph if f.paragraph is not None else (doc_text.paragraph_of(f.start) if f.start is not None else 0)
        if not elements or index >= len(elements):
            index = 0
        paragraph = Paragraph(elements[index], document._body) if elements else document.add_paragraph()
        lo = hi = None
        if f.start is not None and f.end is not None and index < len(doc_text.paragraph_starts):
            base = doc_text.paragraph_starts[index]
            lo, hi = f.start - base, max(f.end - base, f.start - base + 1)
        document.add_comment(_runs_for(paragraph, lo, hi), text=comment_text(f), author=author, initials=initials)
        count += 1
    try:
        document.save(str(target))
    except OSError as exc:
        raise ExportError(f"Không ghi được tệp {target}: {exc.strerror or exc}",
                          "Kiểm tra thư mục đích và đóng tệp nếu đang mở trong Word.") from exc
    return count
