"""Export time of a 5-page document (goal: <= 150 ms), and of each example draft.

Run: .venv/bin/python benchmarks/bench_export.py   (prints figures; not a test)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drafter.drafting import load_draft, render  # noqa: E402
from drafter.export import export_docx, export_pdf, find_soffice  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FIVE_PAGES = "004-ket-luan-hoi-nghi-ban-chap-hanh-dang-bo-khoi.json"  # 5 pages with LibreOffice's layout
RUNS = 15


def _time(fn, runs: int = RUNS) -> tuple[float, float]:
    fn()  # warm-up (imports, profile cache)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        draft = load_draft(EXAMPLES / FIVE_PAGES)
        rendered = render(draft, None)
        pages = "?"
        if find_soffice():
            pdf = export_pdf(export_docx(rendered, out / "five.docx"), out / "five.pdf")
            pages = pdf.read_bytes().count(b"/Type/Page") - pdf.read_bytes().count(b"/Type/Pages")
        med, worst = _time(lambda: export_docx(render(draft, None), out / "five.docx"))
        print(f"render + export_docx, {FIVE_PAGES} ({pages} pages): median {med:.1f} ms, max {worst:.1f} ms "
              f"over {RUNS} runs (goal <= 150 ms)")
        for path in sorted(EXAMPLES.glob("*.json")):
            d = load_draft(path)
            med, _ = _time(lambda: export_docx(render(d, None), out / "x.docx"), 5)
            print(f"  {path.name}: median {med:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
