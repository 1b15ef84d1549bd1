"""Variants of citations.md §2-3, negatives (generic mentions, stamp noise), and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.citations import extract
from tests.citations.variant_cases import NEGATIVES, VARIANTS


@pytest.mark.parametrize("text, expected", VARIANTS, ids=[f"v{i:02d}" for i in range(len(VARIANTS))])
def test_variant(text, expected):
    found = extract(text)
    assert [c.text for c in found] == [e["text"] for e in expected]
    for c, e in zip(found, expected):
        assert text[c.start:c.end] == c.text
        for key, value in e.items():
            got = getattr(c, key)
            assert (tuple(got) if isinstance(value, tuple) else got) == value, key


@pytest.mark.parametrize("text", NEGATIVES, ids=[f"n{i:02d}" for i in range(len(NEGATIVES))])
def test_negative(text):
    assert extract(text) == []


_ALPHABET = st.sampled_from(list("Kết luận số Chỉ thị Quy định Nghị quyết 0123456789-/,.;:()*\n ngàytháng năm"
                                 "củaBanBíthưvềĐÐƉTƯ.\u0301\u0300\u00a0\u200b¹²") + ["sau đây gọi tắt là "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_extract_never_raises_and_offsets_hold(text):
    for c in extract(text):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end] == c.text
        if c.subject_start is not None:
            assert c.end <= c.subject_start < c.subject_end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_extract_on_any_text(text):
    for c in extract(text):
        assert text[c.start:c.end] == c.text


from tests.citations.heldout_cases import HELDOUT, HELDOUT_2  # noqa: E402


@pytest.mark.parametrize("text, expected", HELDOUT + HELDOUT_2,
                         ids=[f"h{i:02d}" for i in range(len(HELDOUT) + len(HELDOUT_2))])
def test_heldout(text, expected):
    test_variant(text, expected)
