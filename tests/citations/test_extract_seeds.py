"""Every citation of the five seeds, labelled by hand (seed_cases.py), against ``extract``."""

from __future__ import annotations

import pytest

from drafter.citations import extract
from tests.citations.seed_cases import KNOWN_MISSES, SEED_CASES
from tests.conftest import seed_path

_CACHE: dict[str, tuple[str, list]] = {}


def _extracted(seed: str):
    if seed not in _CACHE:
        text = seed_path(seed).read_text(encoding="utf-8")
        _CACHE[seed] = (text, extract(text))
    return _CACHE[seed]


def _params():
    for seed, cases in SEED_CASES.items():
        for i, case in enumerate(cases):
            marks = [pytest.mark.xfail(reason=KNOWN_MISSES[(seed, i)], strict=True)] if (seed, i) in KNOWN_MISSES else []
            yield pytest.param(seed, i, case, id=f"{seed}-{i:02d}", marks=marks)


def _find(seed: str, index: int, case: dict):
    """The extracted citation with the case's text, the same occurrence as in the labels."""
    _, found = _extracted(seed)
    occurrence = sum(1 for c in SEED_CASES[seed][:index] if c["text"] == case["text"])
    same = [c for c in found if c.text == case["text"]]
    assert len(same) > occurrence, f"not extracted: {case['text']!r}"
    return same[occurrence]


@pytest.mark.parametrize("seed, index, case", list(_params()))
def test_seed_citation(seed, index, case):
    c = _find(seed, index, case)
    text, _ = _extracted(seed)
    assert text[c.start:c.end] == c.text
    for key in ("type", "number", "code", "date", "issuer", "form", "role"):
        assert getattr(c, key) == case[key], key
    if case["subject"] is None:
        assert c.subject is None
    else:
        first, last = case["subject"]
        assert c.subject is not None, "subject missing"
        assert c.subject.startswith(first), c.subject
        assert c.subject.endswith(last), c.subject
        written = " ".join(text[c.subject_start:c.subject_end].split())
        assert written.startswith(first) and written.endswith(last.split()[-1])  # the span holds the subject
        assert len(c.subject) <= len(written)  # (footnotes a page break put inside are left out)
    for key, value in case.items():
        if key not in ("text", "type", "number", "code", "date", "issuer", "subject", "form", "role"):
            got = getattr(c, key)
            assert (tuple(got) if isinstance(value, tuple) else got) == value, key
    if case.get("short_name") is None:
        assert c.short_name is None


@pytest.mark.parametrize("seed", sorted(SEED_CASES))
def test_no_unlabelled_citation(seed):
    """Precision on the seeds: everything extracted is a labelled citation (same texts, same counts)."""
    _, found = _extracted(seed)
    assert [c.text for c in found] == [c["text"] for c in SEED_CASES[seed]]
