"""A :class:`~drafter.registry.store.Store` over any DB-API connection, driven by a dialect.

Everything that differs between database engines (placeholders, DDL, pragmas, how a write
transaction starts, how engine errors read) lives in a :class:`Dialect`; this module holds the
portable DML. The SQLite backend is :mod:`drafter.registry.sqlite_store`; a PostgreSQL backend
is a new dialect plus a connection (``%s`` placeholders, ``BIGSERIAL`` ids, ``BEGIN`` +
``SELECT ... FOR UPDATE``), not a change here.
"""

from __future__ import annotations

import datetime as _dt
import json
import threading
from contextlib import contextmanager
from dataclasses import asdict
from typing import Iterable, Iterator, Sequence

from ..errors import RegistryError
from .entry import Conflict, Entry
from .store import EntryNotFoundError, StaleEntryError, Store, StoredRow

__all__ = ["Dialect", "SqlStore", "ENTRY_COLUMNS"]

#: Entry columns in table order (after ``id``); JSON-encoded ones are listed in _JSON_COLUMNS.
ENTRY_COLUMNS = ("type", "number", "code", "date", "issuer", "subject", "aliases", "jurisdiction",
                 "term", "source", "notes", "supersedes", "superseded_by", "conflicts", "version")
_JSON_COLUMNS = {"aliases", "supersedes", "superseded_by", "conflicts"}
_SELECT = "SELECT id, " + ", ".join(ENTRY_COLUMNS) + " FROM entries"


class Dialect:
    """Engine-specific SQL. Subclasses override what differs."""

    name = "generic"
    placeholder = "?"
    #: (version, [statements]) applied in order; the schema_version table records the last one.
    migrations: Sequence[tuple[int, Sequence[str]]] = ()

    def sql(self, statement: str) -> str:
        """Rewrite portable ``?`` placeholders for this engine."""
        return statement if self.placeholder == "?" else statement.replace("?", self.placeholder)

    def begin_write(self, cursor) -> None:
        cursor.execute("BEGIN")

    def translate_error(self, exc: Exception, location: str) -> RegistryError | None:
        """A Vietnamese :class:`RegistryError` for an engine error, or None to re-raise it."""
        return None

    def insert_returning_id(self, cursor, statement: str, params: Sequence) -> int:
        cursor.execute(self.sql(statement + " RETURNING id"), params)
        return int(cursor.fetchone()[0])


def _encode(entry: Entry) -> list:
    values = []
    for name in ENTRY_COLUMNS:
        value = getattr(entry, name)
        if name == "date":
            value = value.isoformat() if value else None
        elif name == "conflicts":
            value = json.dumps([asdict(c) for c in value], ensure_ascii=False)
        elif name in _JSON_COLUMNS:
            value = json.dumps(list(value), ensure_ascii=False)
        values.append(value)
    return values


def _decode(row: Sequence) -> Entry:
    data = dict(zip(("id",) + ENTRY_COLUMNS, row))
    data["date"] = _dt.date.fromisoformat(data["date"]) if data["date"] else None
    data["aliases"] = tuple(json.loads(data["aliases"] or "[]"))
    data["supersedes"] = tuple(json.loads(data["supersedes"] or "[]"))
    data["superseded_by"] = tuple(json.loads(data["superseded_by"] or "[]"))
    data["conflicts"] = tuple(Conflict(**c) for c in json.loads(data["conflicts"] or "[]"))
    return Entry(**data)


class SqlStore(Store):
    """Portable store logic over ``connection`` (autocommit off at the engine level: we BEGIN)."""

    def __init__(self, connection, dialect: Dialect, location: str):
        self._conn = connection
        self.dialect = dialect
        self.location = location
        self._depth = 0
        self._dirty = False
        #: One connection, many threads (the GUI searches off the UI thread): one at a time.
        self._lock = threading.RLock()

    # -- plumbing -------------------------------------------------------------------------
    @contextmanager
    def _errors(self):
        try:
            yield
        except RegistryError:
            raise
        except Exception as exc:
            translated = self.dialect.translate_error(exc, self.location)
            if translated is None:
                raise
            raise translated from exc

    def _execute(self, statement: str, params: Sequence = ()):
        with self._lock:
            cursor = self._conn.cursor()
            with self._errors():
                cursor.execute(self.dialect.sql(statement), params)
            return cursor

    def _rows(self, statement: str, params: Sequence = ()) -> list:
        with self._lock:
            return self._execute(statement, params).fetchall()

    def migrate(self) -> int:
        """Create or upgrade the schema; returns the schema version now in force."""
        with self.write():
            cur = self._conn.cursor()
            cur.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            cur.execute("SELECT MAX(version) FROM schema_version")
            current = cur.fetchone()[0] or 0
            for version, statements in self.dialect.migrations:
                if version <= current:
                    continue
                for statement in statements:
                    cur.execute(statement)
                cur.execute(self.dialect.sql("INSERT INTO schema_version (version) VALUES (?)"), (version,))
                current = version
        return current

    def schema_version(self) -> int:
        row = self._execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    @contextmanager
    def write(self):
        with self._lock:
            with self._write():
                yield self

    @contextmanager
    def _write(self):
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        cursor = self._conn.cursor()
        with self._errors():
            self.dialect.begin_write(cursor)
        self._depth, self._dirty = 1, False
        try:
            yield self
            with self._errors():
                if self._dirty:
                    cursor.execute("UPDATE meta SET changes = changes + 1")
                self._conn.commit()
        except BaseException:
            self._conn.rollback()
            raise
        finally:
            self._depth = 0

    # -- writes ---------------------------------------------------------------------------
    def insert(self, entry: Entry, key: str, search_keys: str) -> Entry:
        entry = entry.with_changes(version=1)
        columns = ENTRY_COLUMNS + ("key", "search_keys")
        statement = (f"INSERT INTO entries ({', '.join(columns)}) "
                     f"VALUES ({', '.join('?' for _ in columns)})")
        with self.write(), self._errors():
            new_id = self.dialect.insert_returning_id(
                self._conn.cursor(), statement, _encode(entry) + [key, search_keys])
            self._dirty = True
        return entry.with_changes(id=new_id)

    def update(self, entry: Entry, key: str, search_keys: str) -> Entry:
        if entry.id is None:
            raise EntryNotFoundError(-1)
        bumped = entry.with_changes(version=entry.version + 1)
        assignments = ", ".join(f"{c} = ?" for c in ENTRY_COLUMNS + ("key", "search_keys"))
        with self.write():
            cursor = self._execute(f"UPDATE entries SET {assignments} WHERE id = ? AND version = ?",
                                   _encode(bumped) + [key, search_keys, entry.id, entry.version])
            if cursor.rowcount != 1:
                row = self._execute("SELECT version FROM entries WHERE id = ?", (entry.id,)).fetchone()
                if row is None:
                    raise EntryNotFoundError(entry.id)
                raise StaleEntryError(entry.id, entry.version, int(row[0]))
            self._dirty = True
        return bumped

    def delete(self, entry_id: int) -> None:
        with self.write():
            if self._execute("DELETE FROM entries WHERE id = ?", (entry_id,)).rowcount != 1:
                raise EntryNotFoundError(entry_id)
            self._dirty = True

    # -- reads ----------------------------------------------------------------------------
    def get(self, entry_id: int) -> Entry | None:
        rows = self._rows(_SELECT + " WHERE id = ?", (entry_id,))
        return _decode(rows[0]) if rows else None

    def get_many(self, ids: Iterable[int]) -> dict[int, Entry]:
        ids = list(dict.fromkeys(int(i) for i in ids))
        found: dict[int, Entry] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in self._rows(f"{_SELECT} WHERE id IN ({marks})", chunk):
                found[row[0]] = _decode(row)
        return found

    def find_by_key(self, key: str) -> list[Entry]:
        return [_decode(r) for r in self._rows(_SELECT + " WHERE key = ? ORDER BY id", (key,))]

    def entries(self) -> Iterator[Entry]:
        last = -1
        while rows := self._rows(_SELECT + " WHERE id > ? ORDER BY id LIMIT 2000", (last,)):
            last = rows[-1][0]
            yield from (_decode(r) for r in rows)

    def count(self) -> int:
        return int(self._rows("SELECT COUNT(*) FROM entries")[0][0])

    def index_rows(self) -> Iterator[StoredRow]:
        with self._lock:  # one snapshot: the index must match one state of the table
            rows = self._execute("SELECT id, search_keys FROM entries ORDER BY id").fetchall()
        yield from rows

    def change_count(self) -> int:
        return int(self._rows("SELECT changes FROM meta")[0][0])

    def load_blob(self, name: str) -> tuple[int, bytes] | None:
        rows = self._rows("SELECT stamp, data FROM blobs WHERE name = ?", (name,))
        row = rows[0] if rows else None
        return (int(row[0]), bytes(row[1])) if row else None

    def save_blob(self, name: str, stamp: int, data: bytes) -> None:
        with self.write():
            self._execute("DELETE FROM blobs WHERE name = ?", (name,))
            self._execute("INSERT INTO blobs (name, stamp, data) VALUES (?, ?, ?)", (name, stamp, data))

    def close(self) -> None:
        with self._errors():
            self._conn.close()
