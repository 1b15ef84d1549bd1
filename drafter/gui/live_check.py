"""The live preview and check of the main window: after a pause in typing, compose, render and
check the draft in a worker, then show the rendering and the findings; review-panel clicks select
the finding's text in the body and apply its suggested fix.

:class:`LiveCheck` is a mixin of :class:`~drafter.gui.main_window.MainWindow` (it uses the window's
form, editor, preview, review panel and status bar); it holds one concept of the window so the
window module stays small.
"""

from __future__ import annotations

from ..errors import DrafterError
from . import operations

__all__ = ["LiveCheck", "REFRESH_DELAY_MS"]

#: Pause in typing after which the preview and the live check refresh (issue 6: ~400 ms).
REFRESH_DELAY_MS = 400


class LiveCheck:
    """Needs: ``refresh_timer`` (single-shot QTimer), ``refresh_job`` (LatestJob), ``template``,
    ``draft``, ``form``, ``editor``, ``preview``, ``review``, ``review_dock``, ``registry``,
    ``settings``, ``body_touched``, ``layout_findings``, ``status_findings`` and ``refreshed``."""

    def schedule_refresh(self, delay: int = REFRESH_DELAY_MS) -> None:
        self.refresh_timer.start(delay)

    def refresh_now(self) -> None:
        """Compose, render and check the current draft in the background."""
        self.refresh_timer.stop()
        if self.template is None:
            return
        values = self._form_values()
        body = None if not self.body_touched else self.editor.body()
        self.refresh_job.request(operations.refresh, self.template, values, self.draft, body,
                                 self.settings, self.registry)

    def _refresh_done(self, result) -> None:
        self.last_refresh = result
        self.draft = result.draft
        if not self.body_touched and result.draft.body != self.editor.body():
            self._loading = True
            self.editor.set_body(result.draft.body)
            self._loading = False
        self.preview.show_document(result.rendered)
        self.preview.show_message("\n".join(result.rendered.notices))
        findings = list(result.findings) + list(self.layout_findings)
        self.review.set_findings(findings)
        errors = sum(f.severity == "error" for f in findings)
        warnings = sum(f.severity == "warning" for f in findings)
        self.status_findings.setText(f"{errors} lỗi, {warnings} cảnh báo")
        self.refreshed.emit(result)

    def _refresh_failed(self, exc) -> None:
        """A live refresh failed: say so above the preview; an unexpected error also gets one
        message box (not one per keystroke)."""
        text = exc.format_message() if isinstance(exc, DrafterError) else f"{type(exc).__name__}: {exc}"
        self.preview.show_message(f"Không cập nhật được bản xem trước: {text}")
        if not isinstance(exc, DrafterError) and text != getattr(self, "_last_refresh_error", None):
            self._last_refresh_error = text
            self.report_error(exc)

    def focus_review(self) -> None:
        self.review_dock.show()
        self.review.tree.setFocus()

    def _finding_snippet(self, finding) -> str | None:
        text = self.last_refresh.text if self.last_refresh else ""
        if finding.start is None or finding.end is None or not text:
            return None
        return text[finding.start:finding.end]

    def _finding_activated(self, finding) -> None:
        snippet = self._finding_snippet(finding)
        if snippet and self.editor.select_text(snippet):
            self.editor.setFocus()
        else:
            self.statusBar().showMessage("Đoạn này nằm trong một trích dẫn tự động hoặc phần đầu văn bản; "
                                         "hãy sửa trong biểu mẫu hoặc sổ văn bản.", 5000)

    def _fix_requested(self, finding) -> None:
        snippet = self._finding_snippet(finding)
        if snippet and finding.suggestion is not None and self.editor.replace_text(snippet, finding.suggestion):
            self.statusBar().showMessage(f"Đã sửa: {snippet} → {finding.suggestion}", 4000)
        else:
            self.statusBar().showMessage("Không tìm thấy đoạn cần sửa trong nội dung.", 4000)

