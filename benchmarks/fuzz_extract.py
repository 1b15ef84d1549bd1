"""The long fuzz run: at least 100,000 hypothesis inputs through the extractor and both checkers.

Each input goes through drafter.citations.extract (offsets inside the text, text[start:end] ==
citation.text), drafter.citations.check with the starter registry's lookup and suggest (as
``drafter check`` wires them), and drafter.formatcheck.check_text_layout. Exceptions and broken
properties are caught and counted (not re-raised), so the run reports every outcome; the first
few failing inputs are printed.

    .venv/bin/python benchmarks/fuzz_extract.py [--inputs 100000] [--workers 2]

Not part of ``make bench`` (its name does not start with bench_): it takes several minutes.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _worker(args: tuple[int, int, str]) -> dict:
    worker, count, data_dir = args
    os.environ["DRAFTER_DATA_DIR"] = data_dir
    from hypothesis import HealthCheck, given, seed, settings

    from drafter.registry import open_registry
    from tests.fuzz.properties import check_citation_checker, check_extract, check_layout
    from tests.fuzz.strategies import fuzz_text

    registry = open_registry(Path(data_dir) / f"fuzz-{worker}.sqlite3")
    suggest = lambda q, limit=5: [r.entry for r in registry.search(q, limit)]  # noqa: E731
    stats: Counter = Counter()
    failures: list[str] = []

    @seed(1000 + worker)
    @settings(max_examples=count, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(fuzz_text)
    def run(text):
        stats["inputs"] += 1
        stats["chars"] += len(text)
        for name, step in (("extract", lambda: check_extract(text)),
                           ("check", lambda: check_citation_checker(text, registry.lookup_citation, suggest)),
                           ("layout", lambda: check_layout(text))):
            try:
                stats[f"{name}_results"] += len(step())
            except Exception as exc:  # counted and shown, never hidden
                stats[f"{name}_failures"] += 1
                if len(failures) < 5:
                    failures.append(f"{name}: {type(exc).__name__}: {exc!s:.120} on {text[:160]!r}")

    run()
    registry.close()
    return {"stats": stats, "failures": failures}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=max(1, min(2, os.cpu_count() or 1)))
    args = parser.parse_args()
    share = -(-args.inputs // args.workers)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as data_dir:
        with multiprocessing.get_context("spawn").Pool(args.workers) as pool:
            results = pool.map(_worker, [(w, share, data_dir) for w in range(args.workers)])
    elapsed = time.perf_counter() - started
    stats: Counter = sum((r["stats"] for r in results), Counter())
    failures = [f for r in results for f in r["failures"]]
    print(f"fuzz inputs: {stats['inputs']} ({stats['chars'] / max(1, stats['inputs']):.0f} chars on average) "
          f"in {elapsed:.0f} s with {args.workers} workers")
    for name in ("extract", "check", "layout"):
        print(f"  {name:8s} results {stats[name + '_results']:>9}  failures {stats[name + '_failures']}")
    for failure in failures:
        print("  FAIL", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
