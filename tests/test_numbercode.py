"""drafter.numbercode: messy number-codes read into canonical ones, with their problems."""

from __future__ import annotations

import pytest

from drafter.numbercode import format_number, parse


@pytest.mark.parametrize("raw, number, code, problems", [
    ("21-KL/TW", "21", "KL/TW", ()),
    ("21 - KL / TW", "21", "KL/TW", ("spaces",)),
    ("100 - KL/TW", "100", "KL/TW", ("spaces",)),
    ("217/QĐ-TW", "217", "QĐ/TW", ("state_style",)),
    ("05-CT/TƯ", "05", "CT/TW", ("body_variant",)),
    ("05-CT/T.Ư", "05", "CT/TW", ("body_variant",)),
    ("01-QĐi/ĐUK", "01", "QĐi/ĐUK", ()),
    ("01-QĐI/ĐUK", "01", "QĐi/ĐUK", ()),
    ("32-CTrHĐ/TU", "32", "CTrHĐ/TU", ()),
    ("24-QÐ/TW", "24", "QĐ/TW", ("lookalike",)),
    ("01-ĐATU", "01", "ĐA/TU", ("missing_slash",)),
    ("5-KL/TW", "5", "KL/TW", ("unpadded",)),
    ("05-HD/BTCTW-BTGTW", "05", "HD/BTCTW-BTGTW", ()),
])
def test_parse(raw, number, code, problems):
    nc = parse(raw)
    assert nc is not None
    assert (nc.number, nc.code, nc.problems, nc.as_written) == (number, code, problems, raw)


@pytest.mark.parametrize("raw", ["15/QĐ-BNV", "hello", "2021-2025", "42/2022/NĐ-CP"])
def test_not_a_party_code(raw):
    assert parse(raw) is None


@pytest.mark.parametrize("number, padded", [("1", "01"), ("9", "09"), ("10", "10"), ("127", "127"), ("01", "01")])
def test_format_number(number, padded):
    assert format_number(number) == padded
