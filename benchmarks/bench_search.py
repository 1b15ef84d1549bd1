"""Registry search benchmark: synthetic registries of 100k (and 1M) entries, typed queries
replayed keystroke by keystroke.

    .venv/bin/python benchmarks/bench_search.py --quick      # 100k entries
    .venv/bin/python benchmarks/bench_search.py              # 100k and 1M entries

For each size it prints: JSONL import time, index build time, index load time (a fresh process
state opening an existing registry: blob read + arrays), index memory (tracemalloc of the load,
and the RSS growth), per-keystroke latency p50/p95/max over every prefix of every query, and
hit@1/hit@5 on the labelled queries (answers computed by brute force over the generated data).
Goals (issue 3): p95 ≤ 10 ms at 100k and ≤ 40 ms at 1M; load ≤ 1 s at 100k; memory ≤ 150 MB at
100k; import of 100k JSONL ≤ 60 s; hit@1 ≥ 0.95, hit@5 ≥ 0.99.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from registry_synth import generate, make_queries, write_jsonl  # noqa: E402

from drafter.registry import open_registry  # noqa: E402
from drafter.registry.index import SearchIndex  # noqa: E402


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * 4096 / 2**20


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run(size: int, n_queries: int, workdir: Path) -> None:
    print(f"\n=== {size:,} entries ===", flush=True)
    started = time.perf_counter()
    records = generate(size)
    jsonl = workdir / f"synthetic-{size}.jsonl"
    write_jsonl(records, jsonl)
    print(f"generated {len(records):,} records in {time.perf_counter() - started:.1f} s")

    db = workdir / f"registry-{size}.sqlite3"
    registry = open_registry(db, starter=False)
    started = time.perf_counter()
    report = registry.import_paths([jsonl])
    import_s = time.perf_counter() - started
    assert report.created == size and not report.skipped, report.summary()
    print(f"import JSONL:        {import_s:7.2f} s  ({size / import_s:,.0f} entries/s)")

    started = time.perf_counter()
    index = SearchIndex.build(registry.store.index_rows())
    build_s = time.perf_counter() - started
    blob = index.to_bytes()
    registry.store.save_blob("search-index-v1", registry.store.change_count(), blob)
    print(f"index build:         {build_s:7.2f} s  (blob {len(blob) / 2**20:.1f} MB, {len(index.vocab):,} keys)")
    registry.close()
    del index, blob
    gc.collect()

    rss_before = _rss_mb()
    tracemalloc.start()
    started = time.perf_counter()
    registry = open_registry(db, starter=False)
    registry.index  # noqa: B018 - load it
    load_s = time.perf_counter() - started
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"index load:          {load_s:7.2f} s  (open registry + read cached index)")
    print(f"index memory:        {current / 2**20:7.1f} MB traced (peak {peak / 2**20:.1f} MB), "
          f"RSS +{_rss_mb() - rss_before:.1f} MB")

    queries = make_queries(records, n_queries)
    latencies: list[float] = []
    cpu: list[float] = []
    hit1 = hit5 = 0
    misses: Counter[str] = Counter()
    for query in queries:
        for end in range(1, len(query.text) + 1):
            t0, c0 = time.perf_counter(), time.thread_time()
            results = registry.search(query.text[:end], limit=10)
            latencies.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
        ids = [r.entry.id - 1 for r in results]  # ids follow the JSONL order in an empty registry
        hit1 += bool(ids[:1]) and ids[0] in query.answers
        hit5 += any(i in query.answers for i in ids[:5])
        if not (ids[:1] and ids[0] in query.answers):
            misses[query.kind] += 1
    registry.close()
    kinds = Counter(q.kind for q in queries)
    print(f"queries:             {len(queries)} labelled ({dict(kinds)}), {len(latencies):,} keystrokes")
    print(f"latency/keystroke:   p50 {statistics.median(latencies):.2f} ms  p95 {_pct(latencies, 0.95):.2f} ms  "
          f"p99 {_pct(latencies, 0.99):.2f} ms  max {max(latencies):.2f} ms")
    print(f"cpu/keystroke:       p50 {statistics.median(cpu):.2f} ms  p95 {_pct(cpu, 0.95):.2f} ms  "
          f"max {max(cpu):.2f} ms  (thread CPU time: the cost without other processes' load)")
    print(f"machine load average while running: {open('/proc/loadavg').read().split()[0]}")
    print(f"hit@1 {hit1 / len(queries):.3f}   hit@5 {hit5 / len(queries):.3f}   misses@1 by kind: {dict(misses)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="100k entries only")
    parser.add_argument("--queries", type=int, default=520, help="labelled queries per size (default 520)")
    parser.add_argument("--sizes", type=int, nargs="*", help="override the sizes")
    args = parser.parse_args()
    sizes = args.sizes or ([100_000] if args.quick else [100_000, 1_000_000])
    with tempfile.TemporaryDirectory(prefix="bench-registry-") as tmp:
        for size in sizes:
            run(size, args.queries if size <= 200_000 else min(args.queries, 520), Path(tmp))


if __name__ == "__main__":
    main()
