"""The SQLite store: schema and migrations, WAL, concurrent writers, versions, broken files."""

from __future__ import annotations

import multiprocessing
import sqlite3

import pytest

from drafter.errors import RegistryError
from drafter.registry import Entry, StaleEntryError, open_registry
from drafter.registry.sqlite_store import SqliteDialect, open_sqlite

WRITES_PER_PROCESS = 150


def _entry(number: str, code: str = "KL/TW", **extra) -> Entry:
    return Entry(None, "Kết luận", number, code, **extra)


def test_new_store_has_current_schema_version_and_wal(tmp_path):
    store = open_sqlite(tmp_path / "r.sqlite3")
    latest = max(v for v, _ in SqliteDialect.migrations)
    assert store.schema_version() == latest
    assert store._conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"
    store.close()
    reopened = open_sqlite(tmp_path / "r.sqlite3")  # migrating twice is a no-op
    assert reopened.schema_version() == latest
    assert reopened._conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == len(SqliteDialect.migrations)
    reopened.close()


def test_migration_from_older_schema_applies_only_newer_steps(tmp_path, monkeypatch):
    path = tmp_path / "r.sqlite3"
    open_sqlite(path).close()
    extra = (2, ("CREATE TABLE probe_v2 (x INTEGER)",))
    monkeypatch.setattr(SqliteDialect, "migrations", SqliteDialect.migrations + (extra,))
    store = open_sqlite(path)
    assert store.schema_version() == 2
    assert store._conn.execute("SELECT COUNT(*) FROM probe_v2").fetchone()[0] == 0
    store.close()


def _writer(path: str, prefix: int) -> None:
    registry = open_registry(path, starter=False)
    for i in range(WRITES_PER_PROCESS):
        registry.add(_entry(str(prefix * 1000 + i)))
    registry.close()


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = str(tmp_path / "r.sqlite3")
    open_registry(path, starter=False).close()
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(path, p)) for p in (1, 2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    registry = open_registry(path, starter=False)
    numbers = {e.number for e in registry.entries()}
    assert len(numbers) == 2 * WRITES_PER_PROCESS
    assert registry.store.change_count() == 2 * WRITES_PER_PROCESS
    registry.close()


def test_stale_update_is_refused_and_keeps_the_first_edit(tmp_path):
    path = tmp_path / "r.sqlite3"
    first, second = open_registry(path, starter=False), open_registry(path, starter=False)
    stored = first.add(_entry("21", subject="cũ"))
    mine = first.get(stored.id)
    theirs = second.get(stored.id)
    saved = first.update(mine.with_changes(subject="bản sửa thứ nhất"))
    assert saved.version == 2
    with pytest.raises(StaleEntryError) as info:
        second.update(theirs.with_changes(subject="bản sửa thứ hai"))
    assert "người khác sửa" in info.value.message
    assert first.get(stored.id).subject == "bản sửa thứ nhất"
    first.close(), second.close()


def test_change_counter_moves_on_every_write(tmp_path):
    registry = open_registry(tmp_path / "r.sqlite3", starter=False)
    counts = [registry.store.change_count()]
    entry = registry.add(_entry("1"))
    counts.append(registry.store.change_count())
    entry = registry.update(entry.with_changes(subject="x"))
    counts.append(registry.store.change_count())
    registry.delete(entry.id)
    counts.append(registry.store.change_count())
    assert counts == [0, 1, 2, 3]
    registry.close()


def test_corrupt_file_gives_a_vietnamese_registry_error(tmp_path):
    path = tmp_path / "r.sqlite3"
    path.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(RegistryError) as info:
        open_registry(path)
    assert "bị hỏng" in info.value.message
    assert str(path) in info.value.message


def test_locked_file_gives_a_vietnamese_registry_error(tmp_path):
    path = tmp_path / "r.sqlite3"
    open_sqlite(path).close()
    holder = sqlite3.connect(str(path), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(RegistryError) as info:
            store = open_sqlite(path, busy_timeout_ms=100)  # may fail here or at the first write
            with store.write():
                pass
        assert "đang bị khóa" in info.value.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_failed_write_transaction_leaves_nothing_behind(tmp_path):
    registry = open_registry(tmp_path / "r.sqlite3", starter=False)
    with pytest.raises(RuntimeError):
        with registry.store.write():
            registry.add_or_merge(_entry("7"))
            raise RuntimeError("crash in the middle of a batch")
    assert registry.count() == 0
    assert registry.store.change_count() == 0
    registry.close()
