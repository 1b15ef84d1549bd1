"""The registry on a real PostgreSQL server: schema, concurrent clients, change refresh,
migration from SQLite, and read-only work from the local copy when the server is away."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
import subprocess
import sys
import time

import pytest

from drafter.cli import main
from drafter.errors import RegistryError
from drafter.registry import Entry, StaleEntryError, open_registry
from drafter.registry.postgres_store import PostgresDialect, open_postgres, redact
from drafter.registry.sync import ReadOnlyRegistryError, SharedStore, local_copy_path, watch

ADDS_PER_CLIENT = 40
EDITS_PER_CLIENT = 25
#: Upper bound for another client's change to reach this client's search (normally < 1 s).
REFRESH_DEADLINE_S = 20


def _entry(number: str, subject: str = "", code: str = "KL/TW") -> Entry:
    return Entry(None, "Kết luận", number, code, subject=subject or None)


def _drafter(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True,
                          timeout=120)


def _wait_for(predicate, deadline_s: float) -> bool:
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def test_schema_is_created_and_migrating_again_is_a_no_op(pg_url):
    store = open_postgres(pg_url)
    latest = max(v for v, _ in PostgresDialect.migrations)
    assert store.schema_version() == latest
    store.close()
    store = open_postgres(pg_url)
    assert store.schema_version() == latest
    assert store._execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == len(PostgresDialect.migrations)
    store.close()


def test_new_server_registry_starts_from_the_starter_registry_and_searches(pg_url):
    with open_registry(pg_url) as registry:
        assert isinstance(registry.store, SharedStore) and not registry.store.read_only
        assert registry.count() > 10
        assert registry.search("kl 21")[0].entry.number_code == "21-KL/TW"


def test_password_never_appears_in_messages():
    assert redact("postgresql://vp:secret@host/db") == "postgresql://vp:***@host/db"
    assert "secret" not in redact("postgresql://host/db?user=vp&password=secret")


def _add_many(url: str, tag: str, count: int) -> None:
    with open_registry(url, starter=False) as registry:
        for i in range(count):
            registry.add(_entry(f"{tag}{i}", f"văn bản của máy {tag} số {i}"))


def _increment(url: str, entry_id: int, times: int) -> int:
    """Read-modify-write ``times`` increments of a counter in the entry's notes, retrying stale reads."""
    stale = 0
    with open_registry(url, starter=False) as registry:
        done = 0
        while done < times:
            entry = registry.get(entry_id)
            try:
                registry.update(entry.with_changes(notes=str(int(entry.notes) + 1)))
                done += 1
            except StaleEntryError:
                stale += 1
    return stale


def _run_clients(target, args_list) -> None:
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=target, args=args) for args in args_list]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0


def test_two_clients_adding_at_once_lose_nothing(pg_url):
    open_registry(pg_url, starter=False).close()
    _run_clients(_add_many, [(pg_url, "1", ADDS_PER_CLIENT), (pg_url, "2", ADDS_PER_CLIENT)])
    with open_registry(pg_url, starter=False) as registry:
        numbers = {e.number for e in registry.entries()}
        assert len(numbers) == 2 * ADDS_PER_CLIENT
        assert registry.store.change_count() >= 2 * ADDS_PER_CLIENT


def test_two_clients_editing_the_same_entry_lose_no_update(pg_url):
    with open_registry(pg_url, starter=False) as registry:
        entry_id = registry.add(_entry("7", "sửa cùng lúc").with_changes(notes="0")).id
    _run_clients(_increment, [(pg_url, entry_id, EDITS_PER_CLIENT), (pg_url, entry_id, EDITS_PER_CLIENT)])
    with open_registry(pg_url, starter=False) as registry:
        final = registry.get(entry_id)
        assert final.notes == str(2 * EDITS_PER_CLIENT)
        assert final.version == 1 + 2 * EDITS_PER_CLIENT


def test_stale_edit_is_refused_and_the_other_side_is_kept(pg_url):
    with open_registry(pg_url, starter=False) as a, open_registry(pg_url, starter=False) as b:
        stored = a.add(_entry("8", "bản gốc"))
        seen_by_b = b.get(stored.id)
        a.update(stored.with_changes(subject="bản của A"))
        with pytest.raises(StaleEntryError) as info:
            b.update(seen_by_b.with_changes(subject="bản của B"))
        assert "vừa được người khác sửa" in info.value.message
        assert a.get(stored.id).subject == "bản của A"


def _finds(registry, query: str, number: str) -> bool:
    return any(r.entry.number == number for r in registry.search(query, limit=3))


def test_a_document_added_on_one_pc_is_found_by_the_other_within_seconds(pg_url):
    with open_registry(pg_url) as a, open_registry(pg_url) as b:
        assert not _finds(b, "kl 4242", "4242")
        notified = []
        watcher = watch(b, interval_s=5.0, on_change=lambda: notified.append(1))
        try:
            added = a.add(_entry("4242", "thử nghiệm đồng bộ giữa các máy"))
            assert _wait_for(lambda: _finds(b, "kl 4242", "4242"), REFRESH_DEADLINE_S)
            assert b.index.delta_size >= 1  # applied from the change log, not a full reload
            a.update(added.with_changes(subject="phiên bản đã sửa về quốc phòng"))
            assert _wait_for(lambda: _finds(b, "ket luan quoc phong", "4242"), REFRESH_DEADLINE_S)
            a.delete(added.id)
            assert _wait_for(lambda: not _finds(b, "kl 4242", "4242"), REFRESH_DEADLINE_S)
        finally:
            watcher.stop()
        assert watcher.refreshes >= 3 and len(notified) == watcher.refreshes
        copy_path, server_stamp = b.store.copy_path, a.store.change_count()
    local = sqlite3.connect(copy_path)  # the local copy followed the changes too
    try:
        assert local.execute("SELECT changes FROM meta").fetchone()[0] == server_stamp
        assert local.execute("SELECT COUNT(*) FROM entries WHERE number = '4242'").fetchone()[0] == 0
    finally:
        local.close()


def test_migrate_command_moves_a_local_registry_to_the_server(pg_url, tmp_path, capsys):
    source = tmp_path / "local.sqlite3"
    with open_registry(source) as local:
        old = local.add(_entry("11", "văn bản cũ"))
        local.add(_entry("12", "văn bản thay thế").with_changes(supersedes=(old.id,)))
        expected = [e.to_json() for e in local.entries()]
    before = source.read_bytes()

    assert main(["registry", "migrate", "--from", str(source), "--to", pg_url]) == 0
    assert f"Đã chuyển {len(expected)} văn bản" in capsys.readouterr().out
    with open_registry(pg_url, starter=False) as server:
        assert [e.to_json() for e in server.entries()] == expected
        assert server.search("kl 12")[0].entry.supersedes == (old.id,)
        new = server.add(_entry("13", "thêm sau khi chuyển"))  # ids continue after the copied ones
        assert new.id > max(e["id"] for e in expected)
    assert source.read_bytes() == before  # the source is only read

    assert main(["registry", "migrate", "--from", str(source), "--to", pg_url]) == 2
    assert "đã có văn bản" in capsys.readouterr().err
    assert main(["registry", "migrate", "--from", str(source), "--to", pg_url, "--replace"]) == 0
    with open_registry(pg_url, starter=False) as server:
        assert server.count() == len(expected)


@pytest.mark.parametrize("source_bytes, needle", [
    (None, "Không tìm thấy tệp sổ văn bản nguồn"),
    (b"\x00garbage" * 500, "bị hỏng hoặc không phải sổ văn bản"),
])
def test_migrate_refuses_a_missing_or_corrupt_source(pg_url, tmp_path, capsys, source_bytes, needle):
    source = tmp_path / "src.sqlite3"
    if source_bytes is not None:
        source.write_bytes(source_bytes)
    assert main(["registry", "migrate", "--from", str(source), "--to", pg_url]) == 2
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err


def test_unreachable_server_means_read_only_from_the_local_copy(pg_cluster, pg_url, tmp_path):
    with open_registry(pg_url) as registry:
        count = registry.count()
    assert local_copy_path(pg_url).exists()
    pg_cluster.stop()
    try:
        search = _drafter("registry", "search", "kl 21", "--registry", pg_url)
        assert search.returncode == 0
        assert "21-KL/TW" in search.stdout
        assert "bản sao cục bộ (chỉ đọc)" in search.stderr and "Traceback" not in search.stderr
        jsonl = tmp_path / "new.jsonl"
        jsonl.write_text(json.dumps({"type": "Kết luận", "number": "77", "code": "KL/TW"}) + "\n")
        imported = _drafter("registry", "import", str(jsonl), "--registry", pg_url)
        assert imported.returncode == 2
        assert "chỉ đọc" in imported.stderr and "Traceback" not in imported.stderr
        with open_registry(pg_url) as offline:
            assert offline.store.read_only and offline.count() == count
    finally:
        assert pg_cluster.start().returncode == 0


def test_server_lost_mid_session_then_back(pg_cluster, pg_url):
    with open_registry(pg_url) as registry:
        registry.add(_entry("31", "trước khi mất kết nối"))
        registry.store.close()  # make the copy current (what a clean close does)
    with open_registry(pg_url) as registry:
        registry.index
        pg_cluster.stop()
        try:
            assert registry.search("kl 31")[0].entry.number == "31"  # index is in memory
            assert registry.count() > 0 and registry.store.read_only
            with pytest.raises(ReadOnlyRegistryError) as info:
                registry.add(_entry("32"))
            assert "chỉ đọc" in info.value.message
        finally:
            assert pg_cluster.start().returncode == 0
        assert _wait_for(registry.store.reconnect, 10)
        assert registry.add(_entry("32", "sau khi kết nối lại")).id is not None


def test_unreachable_server_without_a_local_copy_says_so(tmp_path):
    url = f"postgresql://nobody@/drafter?host={tmp_path}"
    with pytest.raises(RegistryError) as info:
        open_registry(url)
    assert "Không kết nối được máy chủ sổ văn bản" in info.value.message
    assert "Chưa có bản sao cục bộ" in info.value.message


def test_account_without_rights_gets_a_clear_message(pg_url, capsys):
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("DROP ROLE IF EXISTS drafter_limited")
        admin.execute("CREATE ROLE drafter_limited LOGIN")
    limited = pg_url.replace("drafter_test@", "drafter_limited@")
    assert main(["registry", "search", "kl 21", "--registry", limited]) == 2
    err = capsys.readouterr().err
    assert "Tài khoản không có quyền trên sổ văn bản" in err and "Traceback" not in err


@pytest.mark.parametrize("url, needle", [
    ("postgresql://[bad", "Không kết nối được máy chủ sổ văn bản"),
    ("postgresql://vp:secret@127.0.0.1:1/drafter", "postgresql://vp:***@127.0.0.1:1/drafter"),
])
def test_bad_server_addresses_get_a_vietnamese_message_without_the_password(capsys, url, needle):
    assert main(["registry", "search", "kl 21", "--registry", url]) == 2
    err = capsys.readouterr().err
    assert needle in err and "secret" not in err and "Traceback" not in err


def test_server_lost_in_the_middle_of_an_import_keeps_the_server_whole(pg_cluster, pg_url, tmp_path):
    jsonl = tmp_path / "many.jsonl"
    jsonl.write_text("".join(json.dumps({"type": "Kết luận", "number": str(60000 + i), "code": "KL/TW"}) + "\n"
                             for i in range(3000)), encoding="utf-8")
    with open_registry(pg_url) as registry:
        before = registry.count()
        calls = {"n": 0}
        original = registry.add_or_merge

        def add_then_lose_server(entry):
            calls["n"] += 1
            if calls["n"] == 2500:  # inside the second batch's transaction
                pg_cluster.stop()
            return original(entry)

        registry.add_or_merge = add_then_lose_server
        try:
            with pytest.raises(ReadOnlyRegistryError):
                registry.import_paths([jsonl])
            assert registry.store.read_only
        finally:
            assert pg_cluster.start().returncode == 0
    with open_registry(pg_url, starter=False) as registry:
        assert registry.count() == before + 2000  # the first batch only; the second rolled back
