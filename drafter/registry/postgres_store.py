"""The shared PostgreSQL backend: the same :class:`~drafter.registry.sqlstore.SqlStore` logic
over a psycopg 3 connection, with a PostgreSQL :class:`~drafter.registry.sqlstore.Dialect`.

Concurrency: every write transaction first takes one transaction-scoped advisory lock, so
writers are serialised exactly like SQLite's ``BEGIN IMMEDIATE`` (an import on one PC and an edit
on another never interleave), and an update still checks the entry's version
(:class:`~drafter.registry.store.StaleEntryError`), so two people editing the same entry never
silently lose one side. A trigger on the change counter sends ``NOTIFY drafter_registry`` on
commit, which :mod:`drafter.registry.sync` listens to.

``open_store(url)`` (what :func:`drafter.registry.registry.open_store` calls for
``postgresql://`` locations) returns the :class:`~drafter.registry.sync.SharedStore`: this
backend plus a local read-only copy used when the server cannot be reached.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..errors import RegistryError
from .sqlstore import ENTRY_COLUMNS, Dialect, SqlStore
from .store import Store

__all__ = ["PostgresDialect", "PostgresStore", "ServerUnreachableError", "open_postgres",
           "open_store", "connect", "redact", "CHANNEL", "COPY_COLUMNS"]

#: The LISTEN/NOTIFY channel a commit that changed the registry notifies.
CHANNEL = "drafter_registry"
#: Seconds to wait for the server before declaring it unreachable.
CONNECT_TIMEOUT_S = 5
#: Server-side limits: a writer waits this long for another's write; a stuck client is cut off.
SESSION_SETTINGS = {"lock_timeout": "15s", "idle_in_transaction_session_timeout": "60s"}
#: Advisory lock key taken by every write transaction ("draf" in ASCII).
WRITE_LOCK_KEY = 0x64726166
#: Columns copied verbatim between backends (migration, local copy), in this order.
COPY_COLUMNS = ("id",) + ENTRY_COLUMNS + ("key", "search_keys")

#: The password in a connection URL, to keep it out of messages and cache file names:
#: "postgresql://vp:secret@host/db" -> "postgresql://vp:***@host/db".
_URL_PASSWORD = re.compile(r"(?<=://)([^:/@?#]*):[^@/?#]*@")
#: A password given as a query parameter: "...?password=secret&sslmode=require".
_QUERY_PASSWORD = re.compile(r"(?i)(password=)[^&]*")

_SCHEMA_V1 = (
    """CREATE TABLE entries (
        id BIGSERIAL PRIMARY KEY,
        type TEXT NOT NULL, number TEXT, code TEXT, date TEXT, issuer TEXT, subject TEXT,
        aliases TEXT NOT NULL DEFAULT '[]', jurisdiction TEXT, term TEXT, source TEXT, notes TEXT,
        supersedes TEXT NOT NULL DEFAULT '[]', superseded_by TEXT NOT NULL DEFAULT '[]',
        conflicts TEXT NOT NULL DEFAULT '[]', version INTEGER NOT NULL DEFAULT 1,
        key TEXT NOT NULL, search_keys TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX entries_key ON entries (key)",
    "CREATE TABLE meta (changes BIGINT NOT NULL)",
    "INSERT INTO meta (changes) VALUES (0)",
    "CREATE TABLE blobs (name TEXT PRIMARY KEY, stamp BIGINT NOT NULL, data BYTEA NOT NULL)",
    f"""CREATE FUNCTION drafter_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('{CHANNEL}', NEW.changes::text); RETURN NEW; END $$""",
    """CREATE TRIGGER meta_notify AFTER UPDATE ON meta
        FOR EACH ROW EXECUTE FUNCTION drafter_notify_change()""",
)

#: Stamps (change-counter values) whose changed entry ids stay in ``entry_log``: a client whose
#: index is at most this many commits behind catches up by applying only the changed entries.
LOG_KEEP_STAMPS = 1000

_SCHEMA_V2 = (
    "CREATE TABLE entry_log (stamp BIGINT NOT NULL, entry_id BIGINT NOT NULL)",
    "CREATE INDEX entry_log_stamp ON entry_log (stamp)",
    # Writers are serialised and each write transaction bumps meta.changes exactly once, at its
    # end: so the stamp this transaction will commit with is the current counter + 1.
    """CREATE FUNCTION drafter_log_entry() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            INSERT INTO entry_log (stamp, entry_id) SELECT changes + 1, OLD.id FROM meta;
          ELSE
            INSERT INTO entry_log (stamp, entry_id) SELECT changes + 1, NEW.id FROM meta;
          END IF;
          RETURN NULL;
        END $$""",
    """CREATE TRIGGER entries_log AFTER INSERT OR UPDATE OR DELETE ON entries
        FOR EACH ROW EXECUTE FUNCTION drafter_log_entry()""",
    f"""CREATE OR REPLACE FUNCTION drafter_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM entry_log WHERE stamp <= NEW.changes - {LOG_KEEP_STAMPS};
          PERFORM pg_notify('{CHANNEL}', NEW.changes::text);
          RETURN NEW;
        END $$""",
)


def redact(url: str) -> str:
    """``url`` without its password (for messages, logs and file names)."""
    return _QUERY_PASSWORD.sub(r"\1***", _URL_PASSWORD.sub(r"\1:***@", url))


class ServerUnreachableError(RegistryError):
    """The PostgreSQL server cannot be reached (down, network, wrong address)."""

    def __init__(self, location: str, detail: str = ""):
        detail = f" ({detail.strip().splitlines()[0]})" if detail.strip() else ""
        super().__init__(
            f"Không kết nối được máy chủ sổ văn bản {location}{detail}.",
            "Kiểm tra mạng và máy chủ PostgreSQL của cơ quan; trong lúc chờ, Drafter dùng bản sao "
            "cục bộ (chỉ đọc) nếu có.")


class PostgresDialect(Dialect):
    name = "postgresql"
    placeholder = "%s"
    migrations = ((1, _SCHEMA_V1), (2, _SCHEMA_V2))

    def begin_write(self, cursor) -> None:
        cursor.execute("BEGIN")
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))

    def translate_error(self, exc: Exception, location: str) -> RegistryError | None:
        import psycopg
        from psycopg import errors as pg_errors

        if not isinstance(exc, psycopg.Error):
            return None
        if isinstance(exc, (pg_errors.LockNotAvailable, pg_errors.QueryCanceled)):
            return RegistryError(
                f"Sổ văn bản trên máy chủ đang bị khóa bởi một người dùng khác: {location}",
                "Đợi người kia ghi xong rồi thử lại.")
        if isinstance(exc, pg_errors.InsufficientPrivilege):
            return RegistryError(f"Tài khoản không có quyền trên sổ văn bản {location} ({exc}).",
                                 "Nhờ người quản trị máy chủ cấp quyền (xem docs/operations.md).")
        if isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError)):
            return ServerUnreachableError(location, str(exc))
        return RegistryError(f"Lỗi cơ sở dữ liệu sổ văn bản {location}: {exc}",
                             "Thử lại; nếu vẫn lỗi, báo người quản trị máy chủ.")


class PostgresStore(SqlStore):
    """A :class:`SqlStore` on a PostgreSQL database (autocommit connection, explicit BEGIN)."""

    def changes_since(self, stamp: int) -> tuple[int, list[tuple[int, str | None]] | None]:
        """``(current stamp, [(id, search_keys or None when deleted)])`` changed after ``stamp``.

        The list is None when the log no longer reaches back to ``stamp`` (reload everything).
        Read in one snapshot, so the stamp and the rows agree.
        """
        with self._errors():
            with self._conn.transaction():
                cursor = self._conn.cursor()
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                now = int(cursor.execute("SELECT changes FROM meta").fetchone()[0])
                if now == stamp:
                    return now, []
                if stamp < 0 or now - stamp >= LOG_KEEP_STAMPS:
                    return now, None
                cursor.execute("SELECT DISTINCT l.entry_id, e.search_keys FROM entry_log l "
                               "LEFT JOIN entries e ON e.id = l.entry_id WHERE l.stamp > %s", (stamp,))
                return now, [(int(i), keys) for i, keys in cursor.fetchall()]

    def rows_by_id(self, ids: list[int]) -> list[tuple]:
        """Raw :data:`COPY_COLUMNS` rows of the given ids (for the local copy)."""
        with self._errors():
            return self._conn.execute(f"SELECT {', '.join(COPY_COLUMNS)} FROM entries WHERE id = ANY(%s)",
                                      (list(ids),)).fetchall()

    def load_rows(self, rows: Iterable[Sequence], replace: bool = False) -> int:
        """Copy raw :data:`COPY_COLUMNS` rows in, keeping ids, in one transaction; returns count.

        Refuses a registry that already has entries unless ``replace`` (which empties it first).
        """
        statement = (f"INSERT INTO entries ({', '.join(COPY_COLUMNS)}) "
                     f"VALUES ({', '.join('%s' for _ in COPY_COLUMNS)})")
        copied = 0
        with self.write(), self._errors():
            cursor = self._conn.cursor()
            if replace:
                cursor.execute("DELETE FROM entries")
                cursor.execute("DELETE FROM blobs")
            elif self.count():
                raise RegistryError(
                    f"Sổ văn bản trên máy chủ {self.location} đã có văn bản; không chép đè.",
                    "Dùng --replace để thay toàn bộ sổ trên máy chủ bằng sổ nguồn.")
            batch: list[Sequence] = []
            for row in rows:
                batch.append(tuple(row))
                if len(batch) >= 2000:
                    cursor.executemany(statement, batch)
                    copied, batch = copied + len(batch), []
            if batch:
                cursor.executemany(statement, batch)
                copied += len(batch)
            cursor.execute("SELECT setval(pg_get_serial_sequence('entries', 'id'), "
                           "COALESCE((SELECT MAX(id) FROM entries), 0) + 1, false)")
            self._dirty = True
        return copied


def connect(url: str, timeout_s: float = CONNECT_TIMEOUT_S):
    """A psycopg connection in autocommit mode, or :class:`ServerUnreachableError`."""
    try:
        import psycopg
    except ImportError as exc:
        raise RegistryError("Thiếu thư viện psycopg để dùng sổ văn bản trên máy chủ PostgreSQL.",
                            "Cài: pip install 'psycopg[binary]' (hoặc make run).") from exc
    options = " ".join(f"-c {name}={value}" for name, value in SESSION_SETTINGS.items())
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=max(1, int(timeout_s)),
                               options=options, application_name="drafter")
    except psycopg.Error as exc:
        raise ServerUnreachableError(redact(url), str(exc)) from None


def open_postgres(url: str, timeout_s: float = CONNECT_TIMEOUT_S) -> PostgresStore:
    """Connect to the server registry at ``url`` and create or upgrade its schema."""
    conn = connect(url, timeout_s)
    store = PostgresStore(conn, PostgresDialect(), redact(url))
    try:
        with store._errors():
            store.migrate()
    except BaseException:
        conn.close()
        raise
    return store


def open_store(url: str) -> Store:
    """The facade's entry point: the server registry with its local read-only fallback."""
    from .sync import open_shared

    return open_shared(url)
