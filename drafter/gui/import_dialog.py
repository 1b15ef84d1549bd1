"""Import files and folders into the registry in a worker, with a progress bar and "Hủy".

The import runs :meth:`Registry.import_paths` on its own connection to the same registry (so the
window and the picker keep reading while it writes); progress comes back through a queued
signal; "Hủy" sets the cancel event and the import stops between two files, keeping what it
has written. When it ends the dialog shows the report (and the skipped files with the reason).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QProgressBar, QPushButton, QVBoxLayout

from .workers import run_in_background

__all__ = ["ImportDialog", "run_import"]


class _Progress(QObject):
    changed = Signal(int, int, str)  # done, total, current path


def run_import(registry, paths, progress=None, cancel=None):
    """Import ``paths`` through a second connection to ``registry``'s store when it has a
    location (a file or a server), else through ``registry`` itself. Returns the ImportReport."""
    from drafter.registry import open_registry

    location = getattr(getattr(registry, "store", None), "location", None)
    if not location:
        return registry.import_paths(paths, progress=progress, cancel=cancel)
    with open_registry(location, starter=False) as writer:
        return writer.import_paths(paths, progress=progress, cancel=cancel)


class ImportDialog(QDialog):
    """``ImportDialog(registry, paths)``; ``start()`` begins the import; ``finished_import(report)``
    is emitted when it ends (``failed(message)`` if it could not run)."""

    finished_import = Signal(object)
    failed = Signal(str)

    def __init__(self, registry, paths, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Nhập văn bản vào sổ")
        self.setModal(True)
        self._registry, self._paths = registry, [str(p) for p in paths]
        self.cancel_event = threading.Event()
        self.report = None
        self._running = False
        self._closed = False
        self._progress = _Progress(self)
        self._progress.changed.connect(self._on_progress)
        self.label = QLabel("Đang chuẩn bị…", self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.hide()
        self.button = QPushButton("&Hủy", self)
        self.button.clicked.connect(self._on_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Nhập: " + ", ".join(self._paths[:3]) + (" …" if len(self._paths) > 3 else ""), self))
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.details)
        layout.addWidget(self.button)
        self.resize(560, 180)

    def start(self) -> None:
        self._running = True
        run_in_background(run_import, self._registry, self._paths, self._progress.changed.emit,
                          self.cancel_event, on_done=self._on_done, on_error=self._on_error)

    def is_running(self) -> bool:
        return self._running

    def cancel(self) -> None:
        if self._running:
            self.cancel_event.set()
            self.label.setText("Đang dừng sau tệp hiện tại…")
            self.button.setEnabled(False)

    def _on_button(self) -> None:
        if self._running:
            self.cancel()
        else:
            self.accept()

    def reject(self) -> None:  # Esc / closing the window while running means "Hủy"
        if self._running:
            self.cancel()
        else:
            super().reject()

    def closeEvent(self, event) -> None:
        if self._running:  # closing the window while importing means "Hủy"
            self.cancel()
            event.ignore()
            return
        self._closed = True
        super().closeEvent(event)

    def stop_for_owner_closing(self) -> None:
        """The registry window closes: cancel, and ignore whatever the worker reports later."""
        self.cancel_event.set()
        self._closed = True

    def _on_progress(self, done: int, total: int, path: str) -> None:
        if self._closed:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if path:
            self.label.setText(f"Đang đọc tệp {done + 1}/{total}: {path}")

    def _on_done(self, report) -> None:
        self._running = False
        self.report = report
        self._registry.refresh_if_changed()
        if self._closed:
            return
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.label.setText(report.summary())
        if report.skipped:
            self.details.setPlainText("Bỏ qua:\n" + "\n".join(f"- {p}: {why}" for p, why in report.skipped))
            self.details.show()
        self._finish_button()
        self.finished_import.emit(report)

    def _on_error(self, exc) -> None:
        self._running = False
        if self._closed:
            return
        message = exc.format_message() if hasattr(exc, "format_message") else f"Lỗi khi nhập: {exc}"
        self.label.setText(message)
        self._finish_button()
        self.failed.emit(message)

    def _finish_button(self) -> None:
        self.button.setText("Đón&g")
        self.button.setEnabled(True)
        self.button.setFocus()
