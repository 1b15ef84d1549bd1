"""Crash safety: SIGKILL in the middle of saving a draft, autosaving, and importing into the registry.

The ``*-pause`` runs stop the child at a precise point inside the operation (see child.py) and
kill it there; the loop runs kill it at arbitrary moments. Afterwards the previous state must be
intact: the draft file parses and is one whole version, the recovery file restores, the registry
passes SQLite's integrity check and holds exactly the batches that were committed.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys

import pytest

from drafter.drafting import load_draft, save_draft
from drafter.recovery import list_recoveries, restore, write_recovery
from drafter.registry import open_registry
from drafter.registry.importer import BATCH_SIZE
from tests.conftest import ROOT

from .child import make_draft

#: Kills at arbitrary moments of a save loop.
RANDOM_KILLS = 6
#: Records in the big import (several batches).
IMPORT_RECORDS = 3 * BATCH_SIZE + 500


def _child(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.crash.child", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ))


def _kill_when_paused(proc: subprocess.Popen) -> None:
    line = proc.stdout.readline()
    assert line.strip() == "PAUSED", (line, proc.stderr.read() if proc.poll() is not None else "")
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(30) == -signal.SIGKILL


def _version(path) -> int:
    return load_draft(path).fields["crash_version"]


@pytest.mark.parametrize("where", ["fsync", "backup", "replace"])
def test_kill_inside_save_draft_keeps_the_previous_version(tmp_path, where):
    path = tmp_path / "draft.json"
    save_draft(make_draft(1), path)
    before = path.read_bytes()
    _kill_when_paused(_child("save-pause", str(path), where))
    assert path.read_bytes() == before
    assert load_draft(path) == make_draft(1)


def test_kills_at_random_moments_of_repeated_saves_leave_one_whole_version(tmp_path):
    path = tmp_path / "draft.json"
    save_draft(make_draft(1), path)
    rng = random.Random(20261123)
    for _ in range(RANDOM_KILLS):
        before = _version(path)
        proc = _child("save-loop", str(path))
        last_done = before
        for _ in range(rng.randint(1, 4)):  # let it finish a few saves, then kill the next one
            line = proc.stdout.readline().split()
            assert line[0] == "SAVED", line
            last_done = int(line[1])
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        # the file is exactly the last completed save, or the one in flight if its rename happened
        assert _version(path) in (last_done, last_done + 1)
        assert load_draft(path) == make_draft(_version(path))


@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_kill_inside_an_autosave_leaves_a_usable_recovery_file(where):
    write_recovery(make_draft(1), "crashed-session", title="phiên bản 1")
    _kill_when_paused(_child("recovery-pause", "crashed-session", where))
    found = [r for r in list_recoveries() if r.session == "crashed-session"]
    assert len(found) == 1
    assert restore(found[0]) == make_draft(1)


def _import_file(tmp_path, count: int):
    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(count):
            fh.write(json.dumps({"type": "Quyết định", "number": str(50000 + i), "code": "QĐ/TU",
                                 "date": "2024-01-02", "subject": f"văn bản nhập thử số {i}",
                                 "jurisdiction": "Hà Nội"}, ensure_ascii=False) + "\n")
    return path


def _integrity(path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("stop_at_batch", [0, 2])
def test_kill_in_the_middle_of_a_large_import_keeps_only_whole_batches(tmp_path, stop_at_batch):
    registry = tmp_path / "registry.sqlite3"
    with open_registry(registry) as reg:
        before = reg.count()
        before_ids = {e.id for e in reg.entries()}
    jsonl = _import_file(tmp_path, IMPORT_RECORDS)
    stop_at = stop_at_batch * BATCH_SIZE + BATCH_SIZE // 2  # halfway through a batch's transaction
    _kill_when_paused(_child("import-pause", str(registry), str(jsonl), str(stop_at)))

    assert _integrity(registry) == "ok"
    with open_registry(registry, starter=False) as reg:
        entries = list(reg.entries())
        assert len(entries) == before + stop_at_batch * BATCH_SIZE  # committed batches only
        imported = sorted(int(e.number) - 50000 for e in entries if e.id not in before_ids)
        assert imported == list(range(stop_at_batch * BATCH_SIZE))  # exactly the first records
        if stop_at_batch:
            assert reg.search("quyet dinh 50001")[0].entry.number == "50001"
    # the registry is fully usable afterwards: the same import completes and merges what was there
    assert subprocess.run([sys.executable, "-m", "drafter", "registry", "import", str(jsonl),
                           "--registry", str(registry)], cwd=ROOT, capture_output=True,
                          timeout=300).returncode == 0
    with open_registry(registry, starter=False) as reg:
        assert reg.count() == before + IMPORT_RECORDS
