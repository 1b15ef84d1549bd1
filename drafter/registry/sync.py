"""Keeping each client of a shared (PostgreSQL) registry in step, and working without the server.

* :class:`SharedStore` is the :class:`~drafter.registry.store.Store` a ``postgresql://`` location
  opens: every call goes to the server; when the server cannot be reached (at start or later) it
  switches to the *local copy* — an SQLite mirror of the server registry in the user's data
  folder — and serves reads from it, refusing writes with a Vietnamese message (read-only mode).
* :func:`refresh_local_copy` rewrites that mirror (atomically: temp file + rename) when the
  server's change counter moved.
* :class:`ChangeWatcher` is a background thread: it LISTENs on the registry's channel (and polls
  the change counter as a fallback), then refreshes the client's in-process search index, the
  local copy, and calls the front end back; when the server is away it keeps trying to reconnect.

All calls into a SharedStore are serialised by one lock, so the watcher thread never runs a query
inside another thread's write transaction.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from ..errors import RegistryError
from ..resources import user_data_dir
from .postgres_store import (CHANNEL, COPY_COLUMNS, PostgresDialect, PostgresStore,
                             ServerUnreachableError, connect, open_postgres, redact)
from .store import Store

__all__ = ["SharedStore", "ReadOnlyRegistryError", "ChangeWatcher", "open_shared",
           "local_copy_path", "refresh_local_copy", "watch"]

log = logging.getLogger("drafter.registry")

#: Seconds between change-counter polls (and reconnect attempts) of the watcher.
POLL_INTERVAL_S = 2.0
#: Longest the watcher blocks waiting for a notification (bounds how long stop() takes).
_WAKE_S = 0.5
#: Changed entries up to which the local copy is patched instead of rewritten.
_MAX_INCREMENTAL = 20_000
_INSERT_LOCAL = (f"INSERT INTO entries ({', '.join(COPY_COLUMNS)}) "
                 f"VALUES ({', '.join('?' for _ in COPY_COLUMNS)})")
#: The index blob copied into the local copy with the rows (name used by the facade).
_INDEX_BLOB = "search-index-v1"


class ReadOnlyRegistryError(RegistryError):
    """A write was attempted while working from the local copy (server unreachable)."""

    def __init__(self, location: str):
        super().__init__(
            f"Máy chủ sổ văn bản {location} đang không kết nối được: Drafter đang dùng bản sao cục bộ "
            "(chỉ đọc), chưa thêm, sửa hay xóa được văn bản.",
            "Đợi máy chủ hoạt động lại (Drafter tự kết nối lại) rồi lưu thay đổi; nội dung đang soạn không bị mất.")


def local_copy_path(url: str) -> Path:
    """Where the local copy of the server registry at ``url`` lives."""
    digest = hashlib.sha1(redact(url).encode("utf-8")).hexdigest()[:16]
    return user_data_dir() / "server-copies" / f"registry-{digest}.sqlite3"


def _copy_stamp(path: Path) -> int | None:
    """The server change count the local copy was made at, or None when there is none."""
    import sqlite3

    if not path.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT changes FROM meta").fetchone()[0])
        finally:
            conn.close()
    except Exception:  # an unreadable copy is rebuilt
        return None


def _full_copy(server: PostgresStore, path: Path) -> None:
    """Write the whole server registry to a temp file, then rename it over ``path``."""
    from .sqlite_store import open_sqlite

    conn = server._conn
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        stamp = int(conn.execute("SELECT changes FROM meta").fetchone()[0])
        local = open_sqlite(tmp)
        try:
            cur = local._conn
            cur.execute("BEGIN IMMEDIATE")
            rows = conn.execute(f"SELECT {', '.join(COPY_COLUMNS)} FROM entries ORDER BY id")
            while batch := rows.fetchmany(5000):
                cur.executemany(_INSERT_LOCAL, batch)
            blob = conn.execute("SELECT stamp, data FROM blobs WHERE name = %s", (_INDEX_BLOB,)).fetchone()
            if blob and int(blob[0]) == stamp:
                cur.execute("INSERT INTO blobs (name, stamp, data) VALUES (?, ?, ?)",
                            (_INDEX_BLOB, stamp, bytes(blob[1])))
            cur.execute("UPDATE meta SET changes = ?", (stamp,))
            cur.execute("COMMIT")
        finally:
            local.close()
    os.replace(tmp, path)


def _apply_to_copy(server: PostgresStore, path: Path, stamp: int, changed: list[int]) -> None:
    """Bring the local copy to ``stamp`` by rewriting only the ``changed`` entries (one transaction)."""
    import sqlite3

    rows = server.rows_by_id(changed)
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=15)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("DELETE FROM entries WHERE id = ?", [(i,) for i in changed])
        conn.executemany(_INSERT_LOCAL, rows)
        conn.execute("DELETE FROM blobs")  # the cached index no longer matches
        conn.execute("UPDATE meta SET changes = ?", (stamp,))
        conn.execute("COMMIT")
    finally:
        conn.close()


def refresh_local_copy(server: PostgresStore, path: Path) -> bool:
    """Bring the local copy at ``path`` up to the server's change count; True when it changed.

    A copy a few commits behind gets just the changed entries (one SQLite transaction); a
    missing, unreadable or far-behind copy is rewritten whole (temp file + rename). Either way a
    reader, or a crash, never sees half a copy.
    """
    local_stamp = _copy_stamp(path)
    if local_stamp is not None:
        now, changed = server.changes_since(local_stamp)
        if now == local_stamp:
            return False
        if changed is not None and len(changed) <= _MAX_INCREMENTAL:
            _apply_to_copy(server, path, now, [i for i, _ in changed])
            return True
    path.parent.mkdir(parents=True, exist_ok=True)
    _full_copy(server, path)
    return True


def _broken(store: PostgresStore) -> bool:
    """True when the store's connection is closed or lost."""
    conn = store._conn
    return bool(conn.closed or getattr(conn, "broken", False))


class SharedStore(Store):
    """The server store, falling back to a read-only local copy when the server is away."""

    def __init__(self, url: str, online: PostgresStore | None, copy_path: Path):
        self.url = url
        self.location = redact(url)
        self.copy_path = copy_path
        self._online = online
        self._offline = None
        self._lock = threading.RLock()
        self._wrote = False
        self.notice: str | None = None  # the Vietnamese read-only notice, when offline

    # -- mode ------------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self._online is None

    def _go_offline(self, exc: RegistryError) -> None:
        from .sqlite_store import open_sqlite

        if self._online is not None:
            try:
                self._online.close()
            except Exception:
                pass
            self._online = None
        if self._offline is None:
            if _copy_stamp(self.copy_path) is None:
                raise RegistryError(
                    f"{exc.message} Chưa có bản sao cục bộ của sổ văn bản trên máy này.",
                    "Kết nối mạng tới máy chủ ít nhất một lần để Drafter tạo bản sao; hoặc tạm dùng "
                    "sổ văn bản trên máy (bỏ --registry).") from exc
            self._offline = open_sqlite(self.copy_path)
        self.notice = (f"Không kết nối được máy chủ sổ văn bản {self.location}. Drafter đang dùng bản sao "
                       "cục bộ (chỉ đọc): tìm kiếm vẫn chạy, nhưng chưa thêm hay sửa được văn bản.")
        log.warning(self.notice)

    def reconnect(self) -> bool:
        """Try the server again after an outage; True when back online."""
        with self._lock:
            if self._online is not None:
                return True
            try:
                self._online = open_postgres(self.url)
            except RegistryError:
                return False
            if self._offline is not None:
                self._offline.close()
                self._offline = None
            self.notice = None
            log.warning("Đã kết nối lại máy chủ sổ văn bản %s.", self.location)
            return True

    def _read(self, method: str, *args, listed: bool = False):
        """``backend.method(*args)`` on the server, or on the local copy when it is away."""
        def call(store):
            result = getattr(store, method)(*args)
            return list(result) if listed else result

        with self._lock:
            if self._online is not None:
                try:
                    return call(self._online)
                except ServerUnreachableError as exc:
                    self._go_offline(exc)
            return call(self._offline)

    def _writer(self) -> PostgresStore:
        if self._online is None:
            raise ReadOnlyRegistryError(self.location)
        return self._online

    # -- writes -----------------------------------------------------------------------------
    @contextmanager
    def write(self):
        with self._lock:
            writer = self._writer()
            try:
                with writer.write():
                    yield self
            except Exception as exc:
                # the server went away mid-transaction (the rollback itself may fail then)
                if not isinstance(exc, ServerUnreachableError) and not _broken(writer):
                    raise
                self._go_offline(exc if isinstance(exc, RegistryError) else ServerUnreachableError(self.location))
                raise ReadOnlyRegistryError(self.location) from exc
            self._wrote = True

    def insert(self, entry, key, search_keys):
        with self.write():
            return self._online.insert(entry, key, search_keys)

    def update(self, entry, key, search_keys):
        with self.write():
            return self._online.update(entry, key, search_keys)

    def delete(self, entry_id):
        with self.write():
            self._online.delete(entry_id)

    def save_blob(self, name, stamp, data):
        with self.write():
            self._online.save_blob(name, stamp, data)

    # -- reads (lists are materialised under the lock, never streamed across it) -----------
    def get(self, entry_id):
        return self._read("get", entry_id)

    def get_many(self, ids):
        return self._read("get_many", list(ids))

    def find_by_key(self, key):
        return self._read("find_by_key", key)

    def entries(self):
        return iter(self._read("entries", listed=True))

    def index_rows(self):
        return iter(self._read("index_rows", listed=True))

    def count(self):
        return self._read("count")

    def change_count(self):
        return self._read("change_count")

    def load_blob(self, name):
        return self._read("load_blob", name)

    def close(self) -> None:
        with self._lock:
            if self._online is not None and self._wrote:
                try:
                    refresh_local_copy(self._online, self.copy_path)
                except Exception as exc:  # the copy is a convenience; the server has the data
                    log.debug("local copy not refreshed: %s", exc)
            for store in (self._online, self._offline):
                if store is not None:
                    try:
                        store.close()
                    except RegistryError:
                        pass
            self._online = self._offline = None


def open_shared(url: str) -> SharedStore:
    """Open the server registry at ``url``; fall back to its local copy when unreachable."""
    path = local_copy_path(url)
    try:
        online = open_postgres(url)
    except ServerUnreachableError as exc:
        store = SharedStore(url, None, path)
        store._go_offline(exc)
        return store
    store = SharedStore(url, online, path)
    try:
        with store._lock:
            refresh_local_copy(online, path)
    except Exception as exc:  # no disk space, read-only folder: still work online
        log.debug("local copy not refreshed: %s", exc)
    return store


class ChangeWatcher:
    """Background refresh of one client's registry when any client changes it.

    ``on_change()`` (optional) runs in the watcher thread after the index was refreshed; a GUI
    should hand it to its event loop. ``stop()`` ends the thread.
    """

    def __init__(self, registry, interval_s: float = POLL_INTERVAL_S,
                 on_change: Callable[[], None] | None = None):
        self.registry = registry
        self.interval_s = interval_s
        self.on_change = on_change
        self.refreshes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="drafter-registry-watch", daemon=True)

    def start(self) -> "ChangeWatcher":
        self._thread.start()
        return self

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        self._thread.join(timeout_s)

    def _tick(self, server: PostgresStore | None) -> None:
        store = self.registry.store
        if isinstance(store, SharedStore) and store.read_only and not store.reconnect():
            return
        if not self._refresh_index(server):
            return
        self.refreshes += 1
        if server is not None:
            try:
                refresh_local_copy(server, store.copy_path)
            except Exception as exc:  # the copy is a convenience; the next change retries
                log.debug("local copy not refreshed: %s", exc)
        if self.on_change:
            self.on_change()

    def _refresh_index(self, server: PostgresStore | None) -> bool:
        """Catch the registry's search index up with the server; True when it changed.

        With the server's change log, only the changed entries are applied, to a copy of the
        index that then replaces the one searches use (a search never sees a half-updated
        index); otherwise the facade reloads the whole index.
        """
        from .registry import MAX_DELTA

        registry = self.registry
        index, stamp = registry._index, registry._stamp
        if server is None or index is None:
            return registry.refresh_if_changed()
        now, changed = server.changes_since(stamp)
        if now == stamp:
            return False
        if changed is None or len(changed) + index.delta_size > MAX_DELTA:
            return registry.refresh_if_changed()
        try:
            fresh = copy.deepcopy(index)
            for entry_id, keys in changed:
                if keys is None:
                    fresh.remove(entry_id)
                else:
                    fresh.add(entry_id, keys)
        except Exception as exc:  # an index that cannot be copied: reload it whole
            log.debug("index delta not applied (%s); reloading", exc)
            return registry.refresh_if_changed()
        if registry._index is index and registry._stamp == stamp:  # not replaced meanwhile
            registry._index, registry._stamp = fresh, now
        return True

    def _listen(self, url: str) -> None:
        server = PostgresStore(connect(url), PostgresDialect(), redact(url))
        try:
            server._conn.execute(f"LISTEN {CHANNEL}")
            last = 0.0
            while not self._stop.is_set():
                notified = any(True for _ in server._conn.notifies(timeout=_WAKE_S, stop_after=1))
                if notified or time.monotonic() - last >= self.interval_s:
                    self._tick(server)
                    last = time.monotonic()
        finally:
            server.close()

    def _run(self) -> None:
        store = self.registry.store
        while not self._stop.is_set():
            try:
                if isinstance(store, SharedStore) and not store.read_only:
                    self._listen(store.url)
                else:
                    self._tick(None)
            except Exception as exc:  # server gone, or a transient error: poll again later
                log.debug("registry watcher: %s", exc)
            self._stop.wait(self.interval_s)


def watch(registry, interval_s: float = POLL_INTERVAL_S,
          on_change: Callable[[], None] | None = None) -> ChangeWatcher:
    """Start a :class:`ChangeWatcher` for ``registry`` (any backend; LISTEN on PostgreSQL)."""
    return ChangeWatcher(registry, interval_s, on_change).start()
