"""Registry search off the UI thread, for the citation picker.

Every request gets a sequence number. Only the newest request is worth anything: a request that
is already stale when the worker thread reaches it is skipped without searching, and results of a
stale request are dropped when they arrive on the UI thread. Every SearchWorker shares one
one-thread pool, so at most one registry search runs at a time in the whole application (the
picker and the registry window may search the same registry object) and the queue never grows
past the newest keystroke of each worker.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

__all__ = ["SearchWorker", "search_pool"]

_POOL: list[QThreadPool] = []


def search_pool() -> QThreadPool:
    """The application's one-thread search pool (created on first use, owned by the app)."""
    if not _POOL:
        pool = QThreadPool(QCoreApplication.instance())
        pool.setMaxThreadCount(1)
        pool.destroyed.connect(_POOL.clear)
        _POOL.append(pool)
    return _POOL[0]


class _Relay(QObject):
    """Carries a finished search from the pool thread to the UI thread (queued signal)."""

    finished = Signal(int, str, object)  # seq, query, results (list) or an Exception


class _SearchTask(QRunnable):
    def __init__(self, worker: "SearchWorker", seq: int, query: str, boost: tuple, limit: int):
        super().__init__()
        self._worker, self._seq, self._query = worker, seq, query
        self._boost, self._limit = boost, limit
        self.setAutoDelete(True)

    def run(self) -> None:
        if self._worker.is_stale(self._seq):
            return  # a newer keystroke arrived while this one waited: do not search at all
        try:
            result = self._worker.search_function(self._query, limit=self._limit, boost=self._boost)
            result = list(result)
        except Exception as exc:  # reported through the signal, never raised in the pool thread
            result = exc
        self._worker.relay.finished.emit(self._seq, self._query, result)


class SearchWorker(QObject):
    """Runs ``search_function(query, limit=, boost=)`` in a worker thread.

    ``request()`` returns the sequence number of the request; ``resultsReady(seq, query,
    results)`` is emitted on the UI thread only for the newest request. ``failed(seq, message)``
    is emitted when the search raised.
    """

    resultsReady = Signal(int, str, list)
    failed = Signal(int, str)
    staleDropped = Signal(int)  # seq of a result that arrived after a newer request

    def __init__(self, search_function=None, limit: int = 8, parent: QObject | None = None):
        super().__init__(parent)
        self.search_function = search_function
        self.limit = limit
        self._lock = threading.Lock()
        self._latest = 0
        self._pool = search_pool()
        self.relay = _Relay()
        self.relay.finished.connect(self._on_finished)

    @property
    def latest(self) -> int:
        with self._lock:
            return self._latest

    def is_stale(self, seq: int) -> bool:
        with self._lock:
            return seq != self._latest

    def request(self, query: str, boost=()) -> int:
        """Queue a search for ``query``; returns its sequence number (tiny work on the UI thread)."""
        with self._lock:
            self._latest += 1
            seq = self._latest
        if self.search_function is not None:
            self._pool.start(_SearchTask(self, seq, query, tuple(boost), self.limit))
        return seq

    def cancel(self) -> None:
        """Make every outstanding request stale (the picker closed)."""
        with self._lock:
            self._latest += 1

    def wait_idle(self, msecs: int = 5000) -> bool:
        """Wait until the search thread is idle (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    @Slot(int, str, object)
    def _on_finished(self, seq: int, query: str, result) -> None:
        if self.is_stale(seq):
            self.staleDropped.emit(seq)
            return
        if isinstance(result, Exception):
            self.failed.emit(seq, str(result) or type(result).__name__)
            return
        self.resultsReady.emit(seq, query, result)
