"""The embedded SQLite backend: one file, WAL, busy timeout, BEGIN IMMEDIATE for writes.

Two processes writing at once: each write takes the database's write lock up front (``BEGIN
IMMEDIATE``), the other waits up to :data:`BUSY_TIMEOUT_MS`, and nothing is lost. Readers never
block writers (WAL). Engine errors become :class:`~drafter.errors.RegistryError` in Vietnamese.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import RegistryError
from .sqlstore import Dialect, SqlStore

__all__ = ["SqliteDialect", "SqliteStore", "open_sqlite", "BUSY_TIMEOUT_MS"]

#: How long a writer waits for another process's write to finish before giving up.
BUSY_TIMEOUT_MS = 15000

_SCHEMA_V1 = (
    """CREATE TABLE entries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        type TEXT NOT NULL, number TEXT, code TEXT, date TEXT, issuer TEXT, subject TEXT,
        aliases TEXT NOT NULL DEFAULT '[]', jurisdiction TEXT, term TEXT, source TEXT, notes TEXT,
        supersedes TEXT NOT NULL DEFAULT '[]', superseded_by TEXT NOT NULL DEFAULT '[]',
        conflicts TEXT NOT NULL DEFAULT '[]', version INTEGER NOT NULL DEFAULT 1,
        key TEXT NOT NULL, search_keys TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX entries_key ON entries (key)",
    "CREATE TABLE meta (changes INTEGER NOT NULL)",
    "INSERT INTO meta (changes) VALUES (0)",
    "CREATE TABLE blobs (name TEXT PRIMARY KEY, stamp INTEGER NOT NULL, data BLOB NOT NULL)",
)


class SqliteDialect(Dialect):
    name = "sqlite"
    placeholder = "?"
    migrations = ((1, _SCHEMA_V1),)

    def begin_write(self, cursor) -> None:
        cursor.execute("BEGIN IMMEDIATE")

    def insert_returning_id(self, cursor, statement, params) -> int:
        cursor.execute(statement, params)
        return int(cursor.lastrowid)

    def translate_error(self, exc: Exception, location: str) -> RegistryError | None:
        if not isinstance(exc, sqlite3.Error):
            return None
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            return RegistryError(
                f"Sổ văn bản đang bị khóa bởi một chương trình khác: {location}",
                "Đợi chương trình kia ghi xong (hoặc đóng nó) rồi thử lại.")
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return RegistryError(
                f"Tệp sổ văn bản bị hỏng hoặc không phải sổ văn bản của Drafter: {location}",
                "Khôi phục tệp từ bản sao lưu, hoặc chỉ định tệp khác bằng --registry.")
        if "readonly" in text or "unable to open" in text or "disk" in text:
            return RegistryError(
                f"Không ghi/mở được tệp sổ văn bản: {location} ({exc})",
                "Kiểm tra quyền ghi thư mục và dung lượng đĩa.")
        return RegistryError(f"Lỗi cơ sở dữ liệu sổ văn bản {location}: {exc}",
                             "Thử lại; nếu vẫn lỗi, hãy sao lưu tệp và báo bộ phận hỗ trợ.")


class SqliteStore(SqlStore):
    """A :class:`SqlStore` on an SQLite file."""


def open_sqlite(path: str | Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> SqliteStore:
    """Open (creating if needed) and migrate the SQLite registry at ``path``."""
    path = Path(path)
    dialect = SqliteDialect()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=busy_timeout_ms / 1000, isolation_level=None,
                               check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise RegistryError(f"Không mở được sổ văn bản: {path} ({exc})",
                            "Kiểm tra đường dẫn và quyền ghi thư mục.") from exc
    store = SqliteStore(conn, dialect, str(path))
    try:
        with store._errors():
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        store.migrate()
        with store._errors():
            if not conn.execute("SELECT COUNT(*) FROM meta").fetchone()[0]:
                raise sqlite3.DatabaseError("file is not a database (meta row missing)")
    except BaseException:
        conn.close()
        raise
    return store
