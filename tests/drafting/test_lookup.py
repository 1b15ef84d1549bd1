"""The registry adapter: entry id first (if it still names the same code), then number-code."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from drafter.drafting.lookup import lookup_from_registry
from drafter.drafting.model import CitationRef


class FakeRegistry:
    def __init__(self):
        self.entries = {1: SimpleNamespace(number_code="21-KL/TW"), 2: SimpleNamespace(number_code="05-CT/TW")}
        self.calls = []

    def get(self, entry_id):
        return self.entries.get(entry_id)

    def lookup(self, type, number, code, date, jurisdiction):
        self.calls.append((type, number, code, date, jurisdiction))
        return SimpleNamespace(number_code=f"{number}-{code}", found_by="lookup")


def test_id_used_when_it_still_names_the_code():
    reg = FakeRegistry()
    entry = lookup_from_registry(reg)(CitationRef("21-KL/TW", 1))
    assert entry is reg.entries[1] and not reg.calls


def test_stale_id_falls_back_to_the_number_code():
    reg = FakeRegistry()
    day = dt.date(2021, 10, 25)
    entry = lookup_from_registry(reg)(CitationRef("21 - KL / TW", 2, day, "TW"))
    assert entry.found_by == "lookup"
    assert reg.calls == [(None, "21", "KL/TW", day, "TW")]


def test_unreadable_code_is_not_looked_up():
    reg = FakeRegistry()
    assert lookup_from_registry(reg)(CitationRef("không phải mã")) is None and not reg.calls
