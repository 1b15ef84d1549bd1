"""The change watcher also keeps two processes' views of one SQLite registry in step (polling)."""

from __future__ import annotations

import time

from drafter.registry import Entry, open_registry
from drafter.registry.sync import watch

DEADLINE_S = 20


def test_watcher_refreshes_a_sqlite_registry_changed_by_another_client(tmp_path):
    path = tmp_path / "r.sqlite3"
    with open_registry(path) as a, open_registry(path) as b:
        b.index
        calls = []
        watcher = watch(b, interval_s=0.2, on_change=lambda: calls.append(1))
        try:
            a.add(Entry(None, "Kết luận", "5151", "KL/TW", subject="thử theo dõi thay đổi"))
            end = time.monotonic() + DEADLINE_S
            found = False
            while not found and time.monotonic() < end:
                found = any(r.entry.number == "5151" for r in b.search("kl 5151", limit=3))
                time.sleep(0.05)
        finally:
            watcher.stop()
        assert found and calls
