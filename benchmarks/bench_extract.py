"""Throughput of ``drafter.citations.extract`` in MB/s (UTF-8 bytes of input per second).

The corpus is the five seed documents repeated (in order) to about ``--mb`` megabytes, cut into
documents of the seeds' own size, so that each call sees a realistic document. Run:

    .venv/bin/python benchmarks/bench_extract.py [--mb 50]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.citations import extract  # noqa: E402


def _seeds() -> list[str]:
    shared = ROOT.parent / "shared" / "seeds"
    folder = shared if shared.is_dir() else ROOT / "tests" / "data" / "seeds"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    args = parser.parse_args()
    seeds = _seeds()
    docs, size = [], 0
    while size < args.mb * 1024 * 1024:
        for text in seeds:
            docs.append(text)
            size += len(text.encode("utf-8"))
    extract(seeds[0])  # warm the lazily built patterns
    count = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for text in docs:
        count += len(extract(text))
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    mb = size / (1024 * 1024)
    print(f"documents: {len(docs)}  corpus: {mb:.1f} MB  citations: {count}")
    print(f"wall: {elapsed:.2f} s = {mb / elapsed:.2f} MB/s   cpu: {cpu:.2f} s = {mb / cpu:.2f} MB/s"
          "   (cpu time is the fairer figure when other processes share the machine)")

    one = "\n\n".join(seeds * max(1, int(4 * 1024 * 1024 / sum(len(s.encode()) for s in seeds))))
    t0, c0 = time.perf_counter(), time.process_time()
    n = len(extract(one))
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    mb1 = len(one.encode("utf-8")) / (1024 * 1024)
    print(f"single text of {mb1:.1f} MB: {n} citations, wall {mb1 / elapsed:.2f} MB/s, cpu {mb1 / cpu:.2f} MB/s")


if __name__ == "__main__":
    main()
