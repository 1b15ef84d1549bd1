"""Review an existing .docx: both checkers' findings, and an annotated copy for Word.

The checks (``drafter.formatcheck.check_docx`` and ``drafter.citations.check`` on the document's
text, with the registry as lookup) run in a worker; the findings are shown in a
:class:`ReviewPanel` with the paragraph each one is in. "Xuất bản có chú thích" writes a copy with
a Word comment per finding (``drafter.formatcheck.annotate.annotate_docx``, as
``drafter check --annotate`` does), also in a worker.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from .review_panel import ReviewPanel
from .workers import run_in_background

__all__ = ["DocxReviewDialog", "review_docx", "annotated_name"]


def _citation_findings(doc, registry) -> list:
    from drafter.citations import check

    if registry is None:
        return list(check(doc.text, paragraph_starts=doc.paragraph_starts))
    return list(check(doc.text, lookup=registry.lookup_citation, paragraph_starts=doc.paragraph_starts,
                      suggest=lambda query, limit=3: [r.entry for r in registry.search(query, limit=limit)]))


def review_docx(path, registry=None) -> tuple[list, list[str]]:
    """Both checkers on the .docx at ``path``: (findings, paragraph texts). Runs off the UI thread."""
    from drafter.formatcheck import check_docx
    from drafter.reading import read_document

    doc = read_document(path)
    starts = list(doc.paragraph_starts)
    paragraphs = [doc.text[a:b].rstrip("\n") for a, b in zip(starts, starts[1:] + [len(doc.text)])]
    findings = list(check_docx(path))
    for finding in _citation_findings(doc, registry):
        if finding.paragraph is None and finding.start is not None:
            finding = dataclasses.replace(finding, paragraph=doc.paragraph_of(finding.start))
        findings.append(finding)
    return findings, paragraphs


def annotated_name(path) -> Path:
    """``Kết luận 12.docx`` → ``Kết luận 12 - có chú thích.docx`` beside it."""
    path = Path(path)
    return path.with_name(f"{path.stem} - có chú thích{path.suffix}")


def _annotate(source, target, findings) -> int:
    from drafter.formatcheck.annotate import annotate_docx

    return annotate_docx(source, target, findings)


class DocxReviewDialog(QDialog):
    """``DocxReviewDialog(path, registry=None)``: the check starts at once. Signals:
    ``checked(list)`` with the findings, ``failed(str)``, ``exported(str, int)`` (path, comments)."""

    checked = Signal(list)
    failed = Signal(str)
    exported = Signal(str, int)

    def __init__(self, path, registry=None, parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self.registry = registry
        self.findings: list = []
        self._closed = False  # results of a worker that ends after the dialog closed are ignored
        self.setWindowTitle(f"Kiểm tra văn bản — {self.path.name}")
        self.resize(1000, 640)
        self.status = QLabel(f"Đang kiểm tra {self.path.name}…", self)
        self.panel = ReviewPanel(self)
        self.export_button = QPushButton("&Xuất bản có chú thích…", self)
        self.export_button.setToolTip("Ghi một bản sao .docx có chú thích (comment) Word cho từng vấn đề")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._choose_export)
        close = QPushButton("Đó&ng", self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addLayout(buttons)
        run_in_background(review_docx, self.path, registry, on_done=self._on_checked, on_error=self._on_failed)

    def _on_checked(self, result) -> None:
        if self._closed:
            return
        self.findings, paragraphs = result
        self.panel.set_findings(self.findings, paragraphs=paragraphs)
        counts = self.panel.counts()
        self.status.setText(f"{self.path.name}: {counts['error']} lỗi, {counts['warning']} cảnh báo, "
                            f"{counts['info']} thông tin")
        self.export_button.setEnabled(True)
        self.panel.tree.setFocus()
        self.checked.emit(self.findings)

    def _on_failed(self, exc) -> None:
        if self._closed:
            return
        message = exc.format_message() if hasattr(exc, "format_message") else f"Không kiểm tra được: {exc}"
        self.status.setText(message.splitlines()[0])
        self.failed.emit(message)

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)

    def _choose_export(self) -> None:
        target, _ = QFileDialog.getSaveFileName(self, "Xuất bản có chú thích", str(annotated_name(self.path)),
                                                "Văn bản Word (*.docx)")
        if target:
            self.export_annotated(target)

    def export_annotated(self, target) -> None:
        """Write the annotated copy to ``target`` in a worker; ``exported`` reports it."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            QMessageBox.warning(self, "Xuất bản có chú thích", "Hãy chọn một tệp khác tệp đang kiểm tra.")
            return
        self.export_button.setEnabled(False)
        self.status.setText(f"Đang ghi {target.name}…")
        run_in_background(_annotate, self.path, target, list(self.findings),
                          on_done=lambda count: self._on_exported(target, count), on_error=self._on_export_failed)

    def _on_exported(self, target: Path, count: int) -> None:
        if self._closed:
            return
        self.export_button.setEnabled(True)
        self.status.setText(f"Đã ghi {target.name} ({count} chú thích)")
        self.exported.emit(str(target), count)

    def _on_export_failed(self, exc) -> None:
        if self._closed:
            return
        self.export_button.setEnabled(True)
        message = exc.format_message() if hasattr(exc, "format_message") else f"Không ghi được tệp: {exc}"
        self.status.setText(message.splitlines()[0])
        QMessageBox.warning(self, "Xuất bản có chú thích", message)
        self.failed.emit(message)
