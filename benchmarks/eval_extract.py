"""Precision and recall of ``extract`` on the hand-labelled cases (tests/citations/*_cases.py).

A labelled citation is found when an extracted citation has exactly its text (span), counting
repeated texts occurrence by occurrence. Field accuracy compares every labelled field of the
found ones (subject by its first and last words). Run:

    .venv/bin/python benchmarks/eval_extract.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.citations import extract  # noqa: E402
from tests.citations.heldout_cases import HELDOUT, HELDOUT_2  # noqa: E402
from tests.citations.seed_cases import SEED_CASES, UNREPORTED  # noqa: E402
from tests.citations.variant_cases import NEGATIVES, VARIANTS  # noqa: E402
from tests.conftest import seed_path  # noqa: E402


def _field_ok(c, key, value) -> bool:
    got = getattr(c, key)
    if key == "subject" and isinstance(value, tuple):
        return bool(got) and got.startswith(value[0]) and got.endswith(value[1])
    return (tuple(got) if isinstance(value, tuple) else got) == value


def _score(text: str, labels: list[dict], extra_truths: int = 0):
    found = extract(text)
    by_text: dict[str, list] = {}
    for c in found:
        by_text.setdefault(c.text, []).append(c)
    used: Counter = Counter()
    tp, fields_ok, fields = 0, 0, 0
    for label in labels:
        k = used[label["text"]]
        used[label["text"]] += 1
        if k < len(by_text.get(label["text"], [])):
            tp += 1
            c = by_text[label["text"]][k]
            for key, value in label.items():
                if key != "text":
                    fields += 1
                    fields_ok += _field_ok(c, key, value)
    return tp, len(found), len(labels) + extra_truths, fields_ok, fields


def main() -> None:
    rows = []
    for seed, labels in SEED_CASES.items():
        text = seed_path(seed).read_text(encoding="utf-8")
        rows.append((f"seed {seed}", *_score(text, labels, len(UNREPORTED.get(seed, [])))))
    var = [_score(text, labels) for text, labels in VARIANTS]
    rows.append(("variants", *[sum(x[i] for x in var) for i in range(5)]))
    held = [_score(text, labels) for text, labels in HELDOUT]
    rows.append(("held-out", *[sum(x[i] for x in held) for i in range(5)]))
    held2 = [_score(text, labels) for text, labels in HELDOUT_2]
    rows.append(("held-out 2", *[sum(x[i] for x in held2) for i in range(5)]))
    neg = [_score(text, []) for text in NEGATIVES]
    rows.append(("negatives", *[sum(x[i] for x in neg) for i in range(5)]))
    print(f"{'set':<10} {'found':>6} {'extracted':>9} {'truths':>6} {'precision':>9} {'recall':>7} {'fields':>8}")
    total = [0] * 5
    for name, tp, extracted, truths, fok, fields in rows:
        total = [a + b for a, b in zip(total, (tp, extracted, truths, fok, fields))]
        p = tp / extracted if extracted else 1.0
        r = tp / truths if truths else 1.0
        f = fok / fields if fields else 1.0
        print(f"{name:<10} {tp:>6} {extracted:>9} {truths:>6} {p:>9.3f} {r:>7.3f} {f:>8.3f}")
    tp, extracted, truths, fok, fields = total
    print(f"{'all':<10} {tp:>6} {extracted:>9} {truths:>6} {tp / extracted:>9.3f} {tp / truths:>7.3f} {fok / fields:>8.3f}")


if __name__ == "__main__":
    main()
