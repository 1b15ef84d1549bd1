"""The properties every fuzz input must satisfy (shared with benchmarks/fuzz_extract.py)."""

from __future__ import annotations

from drafter.citations import extract
from drafter.citations.check import check
from drafter.formatcheck import check_text_layout

__all__ = ["check_extract", "check_citation_checker", "check_layout"]


def _span_inside(text: str, start, end) -> None:
    if start is None:
        assert end is None
        return
    assert 0 <= start <= end <= len(text), (start, end, len(text))


def check_extract(text: str) -> list:
    """extract() never raises; every citation's offsets are inside the text and give its text."""
    citations = extract(text)
    for c in citations:
        assert 0 <= c.start < c.end <= len(text), (c.start, c.end, len(text))
        assert text[c.start:c.end] == c.text
        if c.subject_start is not None:
            _span_inside(text, c.subject_start, c.subject_end)
    return citations


def check_citation_checker(text: str, lookup=None, suggest=None, citations=None) -> list:
    """check() never raises; every finding has a message and a span inside the text."""
    findings = check(text, lookup=lookup, suggest=suggest, citations=citations)
    for f in findings:
        assert f.code and f.message and f.severity in ("error", "warning", "info")
        _span_inside(text, f.start, f.end)
        if f.suggestion is not None:
            assert isinstance(f.suggestion, str)
    return findings


def check_layout(text: str) -> list:
    """check_text_layout() never raises; every finding's span is inside the text."""
    findings = check_text_layout(text)
    for f in findings:
        assert f.code and f.message
        _span_inside(text, f.start, f.end)
    return findings
