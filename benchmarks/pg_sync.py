"""The shared registry at size: migrate, open, change refresh and offline fallback on a real server.

Starts a throwaway PostgreSQL cluster (tests/postgres/cluster.py; needs the PostgreSQL binaries),
fills a local SQLite registry with N synthetic entries through the normal import, then prints:
migration time, client open time (includes writing the local copy), index load time, the delay
until a document added by client A is found by client B's search (LISTEN/NOTIFY + index rebuild),
and the open/search times when the server is down (read-only local copy).

    .venv/bin/python benchmarks/pg_sync.py [--entries 100000] [--rounds 5]

Not part of ``make bench`` (it needs a PostgreSQL installation).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TYPES = [("Kết luận", "KL"), ("Nghị quyết", "NQ"), ("Chỉ thị", "CT"), ("Kế hoạch", "KH"), ("Quyết định", "QĐ")]
BODIES = ["TW", "TU", "HU", "ĐU"]
WORDS = ("đẩy mạnh xây dựng chỉnh đốn Đảng hệ thống chính trị trong sạch vững mạnh tiếp tục thực hiện "
         "nghị quyết học tập làm theo tư tưởng đạo đức phong cách Hồ Chí Minh công tác cán bộ kiểm tra "
         "giám sát chuyển đổi số phát triển kinh tế xã hội bảo vệ nền tảng tư tưởng").split()


def _write_jsonl(path: Path, count: int) -> None:
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(count):
            name, code = rng.choice(TYPES)
            body = rng.choice(BODIES)
            record = {"type": name, "number": str(i + 1), "code": f"{code}/{body}",
                      "date": f"{rng.randint(2000, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                      "subject": " ".join(rng.choices(WORDS, k=rng.randint(6, 18))),
                      "jurisdiction": "TW" if body == "TW" else f"Tỉnh {i % 63}"}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def _timed(label: str, fn):
    started = time.perf_counter()
    result = fn()
    print(f"{label:58s} {time.perf_counter() - started:8.2f} s")
    return result


def _refresh_delays(url: str, rounds: int) -> list[float]:
    from drafter.registry import Entry, open_registry
    from drafter.registry.sync import watch

    delays = []
    with open_registry(url) as a, open_registry(url) as b:
        b.index
        watcher = watch(b)
        try:
            for n in range(rounds):
                number = str(900000 + n)
                started = time.perf_counter()
                a.add(Entry(None, "Kết luận", number, "KL/TW", subject=f"đồng bộ giữa các máy lần {n}"))
                while not any(r.entry.number == number for r in b.search(f"kl {number}", limit=3)):
                    time.sleep(0.01)
                delays.append(time.perf_counter() - started)
        finally:
            watcher.stop()
    return delays


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from tests.postgres.cluster import start_cluster

    cluster, reason = start_cluster()
    if cluster is None:
        print(f"skipped: {reason}")
        return 0
    work = Path(tempfile.mkdtemp(prefix="drafter-pgbench-"))
    os.environ["DRAFTER_DATA_DIR"] = str(work / "data")
    try:
        from drafter.registry import open_registry
        from drafter.registry.migrate import migrate_sqlite_to_postgres

        jsonl, local = work / "synth.jsonl", work / "local.sqlite3"
        _write_jsonl(jsonl, args.entries)
        with open_registry(local, starter=False) as reg:
            _timed(f"import {args.entries} JSONL entries into SQLite", lambda: reg.import_paths([jsonl]))
            count = reg.count()
        url = cluster.create_database()
        report = _timed(f"migrate {count} entries SQLite -> PostgreSQL", lambda: migrate_sqlite_to_postgres(local, url))
        assert report.target_count == count
        reg = _timed("first client open (schema check + local copy written)", lambda: open_registry(url))
        _timed("  index build from the server (first search)", lambda: reg.search("kl 21"))
        reg.close()
        reg = _timed("second open (local copy current)", lambda: open_registry(url))
        _timed("  index load (cached blob on the server)", lambda: reg.index)
        reg.close()
        delays = _refresh_delays(url, args.rounds)
        print(f"{'added on A -> found by B (NOTIFY + changed entries applied), median':58s} {statistics.median(delays):8.2f} s"
              f"  (max {max(delays):.2f} s, {len(delays)} rounds)")
        cluster.stop()
        reg = _timed("open with the server down (read-only local copy)", lambda: open_registry(url))
        results = _timed("  first search offline", lambda: reg.search("kl 900001"))
        print(f"  offline: read_only={reg.store.read_only}, count={reg.count()}, "
              f"found={[r.entry.number_code for r in results[:1]]}")
        reg.close()
        cluster.start()
    finally:
        cluster.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main())
