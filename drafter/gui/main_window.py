"""The main window: form (left), body editor (centre), live preview (right), review panel (dock).

The window holds the state of one draft (template, file path, saved or not) and wires the widgets
to the core's verbs: ``new_draft``/``load_draft``/``save_draft``/``render`` (drafting),
``check`` (citations), ``export_docx``/``export_pdf`` (export), ``check_docx`` (formatcheck) and
``open_registry``. Every slow call runs in a worker (:mod:`.workers`); the preview and the live
check run after a pause in typing (a single-shot QTimer, restarted by each change) and only the
newest result is shown. Every :class:`DrafterError` is reported in one place,
:meth:`MainWindow.report_error`, as a Vietnamese message box (no traceback).
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox,
                               QScrollArea, QSplitter)

from ..errors import DrafterError
from ..settings import Settings, load_settings, save_settings, with_recent_file
from . import operations
from .app import WINDOW_TITLE
from .autosave import Autosaver, offer_recovery
from .body_editor import BodyEditor
from .field_form import FieldForm
from .live_check import REFRESH_DELAY_MS, LiveCheck
from .menus import build_menus
from .preview import Preview
from .review_panel import ReviewPanel
from .workers import LatestJob, run_in_background

__all__ = ["MainWindow", "REFRESH_DELAY_MS"]

DRAFT_FILTER = "Dự thảo Drafter (*.draft *.json);;Mọi tệp (*)"


class MainWindow(LiveCheck, QMainWindow):
    """``refreshed(object)`` is emitted with each new :class:`operations.Refresh` shown;
    ``registryReady(object)`` once the registry is open; ``exported(str)`` after each export."""

    refreshed = Signal(object)
    registryReady = Signal(object)
    exported = Signal(str)
    registryChangedElsewhere = Signal()  # emitted from the change watcher's thread (queued)

    def __init__(self, settings: Settings | None = None, *, open_registry: bool = True) -> None:
        super().__init__()
        self.setWindowTitle(WINDOW_TITLE)
        self.resize(1400, 860)
        warning = None
        if settings is None:
            settings, warning = load_settings()
        self.settings = settings
        self.registry = None
        self._watcher = None  # drafter.registry.sync.ChangeWatcher of the open registry
        self.template = None
        self.draft = None
        self.path: Path | None = None
        self.dirty = False
        self.body_touched = False  # the body was edited by hand: form edits keep it
        self.form_touched = False  # the form was edited since the draft was shown: recompose the header
        self.last_refresh: operations.Refresh | None = None
        self.layout_findings: list = []
        self._loading = False
        self._build_widgets()
        self._build_menus()
        self._build_status_bar()
        self.registryChangedElsewhere.connect(self.registry_changed)
        self.refresh_job = LatestJob(self)
        self.refresh_job.finished.connect(self._refresh_done)
        self.refresh_job.failed.connect(self._refresh_failed)
        self.refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self.refresh_timer.timeout.connect(self.refresh_now)
        self.autosaver = Autosaver(self._autosave_snapshot, parent=self)
        self._autosave_pending = False
        if warning:
            QTimer.singleShot(0, lambda: self.show_message(warning, QMessageBox.Warning))
        if open_registry:
            QTimer.singleShot(0, self.load_registry)

    # -- layout ------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.form = FieldForm()
        self.form.changed.connect(self._form_changed)
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(self.form)
        form_scroll.setMinimumWidth(260)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.editor = BodyEditor(None)
        self.editor.changed.connect(self._body_changed)
        self.preview = Preview(profile=operations.profile_data())
        splitter = QSplitter(Qt.Horizontal)
        for widget in (form_scroll, self.editor, self.preview):
            splitter.addWidget(widget)
        splitter.setSizes([280, 700, 560])
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self.review = ReviewPanel()
        self.review.findingActivated.connect(self._finding_activated)
        self.review.fixRequested.connect(self._fix_requested)
        dock = QDockWidget("Kiểm tra", self)
        dock.setObjectName("reviewDock")
        dock.setWidget(self.review)
        self.addDockWidget(Qt.BottomDockWidgetArea, dock)
        self.resizeDocks([dock], [230], Qt.Vertical)
        self.review_dock = dock

    def _build_menus(self) -> None:
        build_menus(self)
        self._update_recent_menu()

    def _build_status_bar(self) -> None:
        self.status_file = QLabel()
        self.status_saved = QLabel()
        self.status_findings = QLabel("Chưa kiểm tra")
        self.status_registry = QLabel("Sổ văn bản: đang mở…")
        for label in (self.status_file, self.status_saved, self.status_findings, self.status_registry):
            self.statusBar().addPermanentWidget(label)
        self._update_status()

    def _update_status(self) -> None:
        self.status_file.setText(self.path.name if self.path else "Văn bản chưa lưu")
        self.status_saved.setText("● Chưa lưu" if self.dirty else "Đã lưu")
        title = f"{self.path.name if self.path else 'Văn bản mới'}{' *' if self.dirty else ''} — {WINDOW_TITLE}"
        self.setWindowTitle(title)

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        for name in self.settings.recent_files:
            action = self.recent_menu.addAction(name)
            action.triggered.connect(lambda _c=False, n=name: self.open_path(Path(n)))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    # -- errors and messages: one place ------------------------------------------------------
    def report_error(self, exc: BaseException) -> None:
        """Show any failure as a Vietnamese message box; a traceback only with DRAFTER_DEBUG=1."""
        if isinstance(exc, DrafterError):
            text = exc.format_message()
        else:
            text = (f"Lỗi không mong đợi trong Drafter ({type(exc).__name__}: {exc}).\n"
                    "→ Hãy lưu văn bản, khởi động lại Drafter và báo cho bộ phận hỗ trợ.")
            if os.environ.get("DRAFTER_DEBUG"):
                traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
        self.last_error = text
        self.show_message(text, QMessageBox.Warning)

    def show_message(self, text: str, icon=QMessageBox.Information) -> None:
        box = QMessageBox(icon, "Drafter", text, QMessageBox.Ok, self)
        box.setWindowModality(Qt.WindowModal)
        box.exec()

    def ask(self, text: str, buttons: list[tuple[str, object]], default: int = 0) -> int:
        """A question with Vietnamese buttons; returns the index of the chosen button (-1 on Esc)."""
        box = QMessageBox(QMessageBox.Question, "Drafter", text, QMessageBox.NoButton, self)
        made = [box.addButton(label, role) for label, role in buttons]
        box.setDefaultButton(made[default])
        box.exec()
        clicked = box.clickedButton()
        return made.index(clicked) if clicked in made else -1

    # -- registry ----------------------------------------------------------------------------
    def load_registry(self) -> None:
        """Open the registry (and warm its search index) in the background."""
        run_in_background(operations.open_and_warm_registry, self.settings.registry_location or None,
                          on_done=self._registry_opened, on_error=self._registry_failed)

    def _registry_opened(self, registry) -> None:
        previous, self.registry = self.registry, registry
        self._stop_watcher()
        if previous is not None and previous is not registry:
            previous.close()
        from drafter.registry.sync import watch  # the registry package is loaded by now

        # Others' changes (another PC on a shared server, another window) reach the search
        # index within seconds; the status bar and the live check follow.
        self._watcher = watch(registry, on_change=self.registryChangedElsewhere.emit)
        self.editor.set_registry(registry)
        self.registryReady.emit(registry)
        self.registry_changed()

    def _stop_watcher(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None

    def registry_changed(self) -> None:
        """The registry was edited (here or by another client): new count, re-check the draft."""
        if self.registry is not None:
            count = operations.registry_size(self.registry)
            self.status_registry.setText(f"Sổ văn bản: {count:,} văn bản".replace(",", "."))
            self.schedule_refresh(0)

    def _check_registry_elsewhere(self) -> None:
        """On activation: reload the index in the background if another client changed the registry."""
        if self.registry is not None and hasattr(self.registry, "refresh_if_changed"):
            run_in_background(self.registry.refresh_if_changed,
                              on_done=lambda changed: changed and self.registry_changed(),
                              on_error=lambda _exc: None)  # a shared registry that is briefly unreachable

    def _registry_failed(self, exc) -> None:
        self.status_registry.setText("Sổ văn bản: không mở được")
        self.report_error(exc)

    # -- drafts ------------------------------------------------------------------------------
    def new_from_dialog(self) -> None:
        from .template_dialog import TemplateDialog

        if not self.confirm_discard():
            return
        try:
            templates = operations.templates(self.settings)
        except DrafterError as exc:
            self.report_error(exc)
            return
        dialog = TemplateDialog(templates, self)
        if dialog.exec() and dialog.chosen() is not None:
            self.new_draft(dialog.chosen().id)

    def new_draft(self, template_id: str) -> bool:
        """Start a new draft from a template with the settings' defaults."""
        try:
            info = operations.template(template_id, self.settings)
            self.form.set_template(info, settings=self.settings)
            draft = operations.new_draft(info, self.form.values(), self.settings)
        except DrafterError as exc:
            self.report_error(exc)
            return False
        self._show_draft(info, draft, None, dirty=False)
        return True

    def open_from_dialog(self) -> None:
        if not self.confirm_discard():
            return
        path, _ = QFileDialog.getOpenFileName(self, "Mở dự thảo", str(self.path or ""), DRAFT_FILTER)
        if path:
            self.open_path(Path(path), confirm=False)

    def open_path(self, path: Path, confirm: bool = True, as_template: bool = False) -> bool:
        """Open a draft file; ``as_template`` (an example): show it unsaved, not in recent files."""
        if confirm and not self.confirm_discard():
            return False
        try:
            draft = operations.load_draft(path)
            info = operations.template(draft.template_id, self.settings)
        except DrafterError as exc:
            self.report_error(exc)
            return False
        self.form.set_template(info, values=operations.form_values(info, draft), settings=self.settings)
        self._show_draft(info, draft, None if as_template else Path(path), dirty=False)
        if not as_template:
            self._remember_recent(Path(path))
        return True

    def _show_draft(self, info, draft, path: Path | None, dirty: bool) -> None:
        self._loading = True
        try:
            self.template, self.draft, self.path = info, draft, path
            self.editor.set_body(draft.body)
            self.body_touched = bool(path)  # an opened draft's body is the user's work
            self.form_touched = False
        finally:
            self._loading = False
        self.dirty = dirty
        self._autosave_pending = dirty
        self.autosaver.start()
        self._update_status()
        self.schedule_refresh(0)

    def _form_values(self) -> dict | None:
        """The form's values when they should recompose the header (edited and valid), else None."""
        return self.form.values() if self.form_touched and not self.form.errors() else None

    def current_draft(self):
        """The draft as the widgets show it now: form values (if edited and valid) + the body."""
        if self.template is None:
            return None
        return operations.compose(self.template, self._form_values(), self.draft, self.editor.body(),
                                  self.settings)

    def regenerate_body(self) -> None:
        """Replace the body with the template's starting text for the current form values."""
        try:
            fresh = operations.new_draft(self.template, self.form.values(), self.settings)
        except DrafterError as exc:
            self.report_error(exc)
            return
        self.editor.set_body(fresh.body)
        self.body_touched = False
        self._mark_dirty()

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        suggested = str(self.path or Path.home() / "van-ban.draft")
        path, _ = QFileDialog.getSaveFileName(self, "Lưu dự thảo", suggested, DRAFT_FILTER)
        return self.save_to(Path(path)) if path else False

    def save_to(self, path: Path) -> bool:
        """Save atomically (the core's ``save_draft``); a few kB, so on the UI thread."""
        draft = self.current_draft()
        if draft is None:
            return False
        try:
            operations.save_draft(draft, path)
        except DrafterError as exc:
            self.report_error(exc)
            return False
        self.draft, self.path, self.dirty = draft, Path(path), False
        self._autosave_pending = False
        self.autosaver.discard()
        self._remember_recent(Path(path))
        self._update_status()
        self.statusBar().showMessage(f"Đã lưu {path}", 4000)
        return True

    def _remember_recent(self, path: Path) -> None:
        self.settings = with_recent_file(self.settings, path)
        try:
            save_settings(self.settings)
        except DrafterError:
            pass  # the recent list is a convenience; failing to store it must not disturb the user
        self._update_recent_menu()

    def confirm_discard(self) -> bool:
        """True when there is no unsaved work or the user chose Lưu (and it saved) or Không lưu."""
        if not self.dirty:
            return True
        choice = self.ask("Văn bản có thay đổi chưa lưu. Lưu trước khi đóng?",
                          [("Lưu", QMessageBox.AcceptRole), ("Không lưu", QMessageBox.DestructiveRole),
                           ("Hủy", QMessageBox.RejectRole)])
        if choice == 0:
            return self.save()
        return choice == 1

    # -- edits, refresh, review --------------------------------------------------------------
    def _mark_dirty(self) -> None:
        if not self.dirty:
            self.dirty = True
            self._update_status()
        self._autosave_pending = True
        self.schedule_refresh()

    def _form_changed(self) -> None:
        if not self._loading:
            self.form_touched = True
            self._mark_dirty()

    def _body_changed(self) -> None:
        if not self._loading:
            self.body_touched = True
            self._mark_dirty()

    # -- export ------------------------------------------------------------------------------
    def _ask_export_path(self, suffix: str, label: str) -> Path | None:
        stem = self.path.stem if self.path else "van-ban"
        start = (self.path.parent if self.path else Path.home()) / f"{stem}{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, f"Xuất {label}", str(start), f"{label} (*{suffix})")
        return Path(path) if path else None

    def export_docx_dialog(self) -> None:
        path = self._ask_export_path(".docx", "Word .docx")
        if path:
            self.export_to(path)

    def export_pdf_dialog(self) -> None:
        path = self._ask_export_path(".pdf", "PDF")
        if path:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Export the current draft to .docx or .pdf (by suffix) in a worker, then check its layout."""
        draft = self.current_draft()
        if draft is None:
            return
        self.statusBar().showMessage(f"Đang xuất {path.name}…")
        for action in (self.act_docx, self.act_pdf):
            action.setEnabled(False)
        run_in_background(operations.export, draft, self.registry, Path(path),
                          on_done=self._export_done, on_error=self._export_failed)

    def _export_done(self, result) -> None:
        for action in (self.act_docx, self.act_pdf):
            action.setEnabled(True)
        path, layout_findings = result
        self.layout_findings = list(layout_findings)
        self.statusBar().showMessage(f"Đã xuất {path}", 6000)
        self.exported.emit(str(path))
        self.schedule_refresh(0)

    def _export_failed(self, exc) -> None:
        for action in (self.act_docx, self.act_pdf):
            action.setEnabled(True)
        self.statusBar().clearMessage()
        self.report_error(exc)

    # -- other windows -----------------------------------------------------------------------
    def review_docx_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Kiểm tra tệp .docx", "", "Word .docx (*.docx)")
        if path:
            self.review_docx(Path(path))

    def review_docx(self, path: Path):
        from .docx_review import DocxReviewDialog  # on demand: keeps the start fast

        dialog = DocxReviewDialog(str(path), self.registry, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def open_registry_window(self):
        if self.registry is None:
            self.statusBar().showMessage("Sổ văn bản đang được mở, xin chờ giây lát…", 4000)
            return None
        from .registry_window import RegistryWindow  # on demand: it pulls in the registry package

        window = RegistryWindow(self.registry, self)
        window.setAttribute(Qt.WA_DeleteOnClose)
        window.registryChanged.connect(self.registry_changed)
        window.show()
        self.registry_window = window
        return window

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            self.apply_settings(dialog.settings())

    def apply_settings(self, settings: Settings) -> None:
        old_location = self.settings.registry_location
        try:
            save_settings(settings)
        except DrafterError as exc:
            self.report_error(exc)
            return
        self.settings = settings
        if settings.registry_location != old_location:
            self.status_registry.setText("Sổ văn bản: đang mở…")
            self.load_registry()

    # -- never lose work ---------------------------------------------------------------------
    def _autosave_snapshot(self):
        if not self._autosave_pending or self.template is None:
            return None
        draft = self.current_draft()
        self._autosave_pending = False
        return draft, self.path, f"{self.template.name}: {draft.header.subject[:60]}"

    def offer_recovery(self) -> bool:
        """At start: if a previous session left a recovery file, offer to restore it."""
        return offer_recovery(self)

    def show_restored(self, draft, source) -> bool:
        """Show a draft restored from a recovery file (unsaved, its body the user's work)."""
        try:
            info = operations.template(draft.template_id, self.settings)
        except DrafterError as exc:
            self.report_error(exc)
            return False
        self.form.set_template(info, values=operations.form_values(info, draft), settings=self.settings)
        self._show_draft(info, draft, source, dirty=True)
        self.body_touched = True
        return True

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.ActivationChange:
            if self.isActiveWindow():
                self._check_registry_elsewhere()
            else:
                self.autosaver.save_now()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if not self.confirm_discard():
            event.ignore()
            return
        self.autosaver.stop()
        self.autosaver.discard()
        self.refresh_job.wait(3000)
        self._stop_watcher()
        event.accept()
