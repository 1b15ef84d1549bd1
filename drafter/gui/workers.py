"""Run a slow core call off the UI thread and get its result back on the UI thread.

``run_in_background(fn, *args, on_done=..., on_error=...)`` starts ``fn(*args)`` in a
:class:`QThreadPool` and calls ``on_done(result)`` or ``on_error(exception)`` on the UI thread
(the relay object lives on the UI thread, so its signals are delivered through the event loop).
Every exception is caught in the worker thread and handed to ``on_error``; nothing is raised in
the pool thread. The running workers are kept alive here until they report.

For "latest wins" jobs (preview, live check) :class:`LatestJob` numbers the requests and drops the
results of any request that a newer one has superseded.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

__all__ = ["Worker", "run_in_background", "LatestJob"]

_RUNNING: set["Worker"] = set()


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class Worker(QRunnable):
    """One call of ``fn(*args, **kwargs)`` in a pool thread, reported through ``relay``."""

    def __init__(self, fn: Callable[..., Any], *args, **kwargs):
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it (in _RUNNING) until it has reported
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.relay = _Relay()

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # noqa: BLE001 - reported to the UI thread, never lost
            signal, value = self.relay.failed, exc
        else:
            signal, value = self.relay.done, result
        try:
            signal.emit(value)
        except RuntimeError:
            pass  # the application is shutting down and the relay is gone: nobody is waiting


def run_in_background(fn: Callable[..., Any], *args, on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None,
                      pool: QThreadPool | None = None, **kwargs) -> Worker:
    """Start ``fn(*args, **kwargs)`` in ``pool`` (the global pool by default)."""
    worker = Worker(fn, *args, **kwargs)
    _RUNNING.add(worker)

    def finish(callback, value):
        _RUNNING.discard(worker)
        owner = getattr(callback, "__self__", None)
        if callback is None or (isinstance(owner, QObject) and not isValid(owner)):
            return  # the window or dialog that asked was closed meanwhile: nobody to tell
        callback(value)

    worker.relay.done.connect(lambda result: finish(on_done, result))
    worker.relay.failed.connect(lambda exc: finish(on_error, exc))
    (pool or QThreadPool.globalInstance()).start(worker)
    return worker


class LatestJob(QObject):
    """A job that may be requested again before it finishes: only the newest result is delivered.

    ``request(fn, *args)`` starts ``fn`` in a one-thread pool; ``finished(result)`` or
    ``failed(exception)`` are emitted for the newest request only. ``busy`` is True while the
    newest request has not reported.
    """

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._latest = 0
        self._reported = 0

    @property
    def busy(self) -> bool:
        return self._reported != self._latest

    def request(self, fn: Callable[..., Any], *args, **kwargs) -> int:
        self._latest += 1
        seq = self._latest
        run_in_background(fn, *args, pool=self._pool,
                          on_done=lambda result: self._deliver(seq, self.finished, result),
                          on_error=lambda exc: self._deliver(seq, self.failed, exc), **kwargs)
        return seq

    def _deliver(self, seq: int, signal, value) -> None:
        if not isValid(self) or seq != self._latest:
            return  # the owner was closed meanwhile, or a newer request superseded this one
        self._reported = seq
        signal.emit(value)

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the running work (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)
