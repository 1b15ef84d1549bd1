"""Never lose work: the autosave timer (every 30 s and on focus loss) and the restore prompt.

The window gives a ``snapshot()`` callable returning ``(draft, source_path, title)`` or ``None``
when there is nothing worth saving (no draft, or no change since the last autosave). Writing goes
through :func:`drafter.recovery.write_recovery` (the atomic draft-file writer). Saving a draft
file is small and fast (a few kB of JSON), so it runs on the UI thread: a worker would have to copy
the draft anyway, and the autosave must have finished before a crash can happen. :func:`offer_recovery` runs at start:
recovery files of another session mean that session crashed.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from .. import recovery

__all__ = ["Autosaver", "AUTOSAVE_INTERVAL_MS", "offer_recovery"]

#: Autosave period (issue 6: every 30 s).
AUTOSAVE_INTERVAL_MS = 30_000


class Autosaver(QObject):
    """Owns one recovery session. ``saved(RecoveryFile)`` after each write; ``failed(exc)``."""

    saved = Signal(object)
    failed = Signal(object)

    def __init__(self, snapshot: Callable[[], tuple | None], interval_ms: int = AUTOSAVE_INTERVAL_MS,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.session = recovery.new_session_id()
        self._snapshot = snapshot
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.save_now)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def save_now(self) -> bool:
        """Autosave now if the window has something new; True when a recovery file was written."""
        snap = self._snapshot()
        if snap is None:
            return False
        draft, source, title = snap
        try:
            written = recovery.write_recovery(draft, self.session, source=source, title=title)
        except Exception as exc:  # noqa: BLE001 - autosave must never take the window down
            self.failed.emit(exc)
            return False
        self.saved.emit(written)
        return True

    def discard(self) -> None:
        """The work is saved (or deliberately dropped): remove this session's recovery file."""
        recovery.discard(self.session)


def offer_recovery(window) -> bool:
    """At start: if a crashed session left recovery files, ask (Khôi phục / Bỏ bản lưu) and
    restore the newest into ``window``; True when restored. Declining removes them."""
    from PySide6.QtWidgets import QMessageBox

    found = recovery.list_recoveries(exclude=window.autosaver.session)
    if not found:
        return False
    latest = found[0]
    where = f" (tệp {latest.source})" if latest.source else " (chưa từng lưu)"
    choice = window.ask(f"Drafter đã đóng đột ngột lần trước. Có bản lưu tự động lúc "
                        f"{latest.saved_at:%H:%M %d/%m/%Y}{where}:\n{latest.title}\n\nKhôi phục bản này?",
                        [("Khôi phục", QMessageBox.AcceptRole), ("Bỏ bản lưu", QMessageBox.DestructiveRole)])
    if choice != 0:
        for item in found:
            recovery.discard(item)
        return False
    try:
        draft = recovery.restore(latest)
    except Exception as exc:  # noqa: BLE001 - a damaged recovery file is reported, never a crash
        window.report_error(exc)
        return False
    if not window.show_restored(draft, latest.source):
        return False
    window.autosaver.save_now()  # the restored work is safe under this session before the old files go
    for item in found:
        recovery.discard(item)
    return True
