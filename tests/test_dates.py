"""drafter.dates: the one parser for dates a person types (forms, CLI, JSONL/CSV records)."""

import datetime as dt

import pytest

from drafter.dates import format_user_date, parse_user_date


@pytest.mark.parametrize("text, expected", [
    ("25/10/2021", dt.date(2021, 10, 25)),
    ("2/1/2020", dt.date(2020, 1, 2)),
    ("25-10-2021", dt.date(2021, 10, 25)),
    ("25.10.2021", dt.date(2021, 10, 25)),
    ("2021-10-25", dt.date(2021, 10, 25)),
    (" 09/01/2026 ", dt.date(2026, 1, 9)),
    ("", None),
    (None, None),
])
def test_parses_what_people_type(text, expected):
    assert parse_user_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2021", "hôm qua", "25/10", "2021/10/25/1"])
def test_refuses_with_a_vietnamese_message(text):
    with pytest.raises(ValueError, match="không hợp lệ"):
        parse_user_date(text)


def test_format_round_trips():
    day = dt.date(2023, 5, 7)
    assert format_user_date(day) == "07/05/2023"
    assert parse_user_date(format_user_date(day)) == day
    assert format_user_date(None) == ""
