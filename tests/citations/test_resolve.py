"""resolve(): later short mentions point at their full citation in the same text."""

from __future__ import annotations

import pytest

from drafter.citations import extract, resolve
from tests.conftest import seed_path


def _resolved(text):
    cits = extract(text)
    return cits, resolve(cits, text)


@pytest.mark.parametrize("text, mention, target, how", [
    ("Kết luận số 21-KL/TW ngày 25/10/2021 của Bộ Chính trị về A. Sau đó Kết luận số 21-KL/TW được",
     "Kết luận số 21-KL/TW", "Kết luận số 21-KL/TW ngày 25/10/2021 của Bộ Chính trị", "same number-code"),
    ("Quy định số 124-QĐ/TW, ngày 02/02/2018 của Ban Bí thư về B. Thực hiện Quy định 124 của",
     "Quy định 124", "Quy định số 124-QĐ/TW, ngày 02/02/2018 của Ban Bí thư", "type+number"),
    ("Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương về C (sau đây gọi tắt là Nghị quyết 18). "
     "Nghị quyết 18 đã", "Nghị quyết 18", "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương",
     "defined short name"),
    ("Chỉ thị số 5-CT/TW ngày 15/5/2016 của Bộ Chính trị. Chỉ thị số 05-CT/TW", "Chỉ thị số 05-CT/TW",
     "Chỉ thị số 5-CT/TW ngày 15/5/2016 của Bộ Chính trị", "same number-code"),
])
def test_resolution_table(text, mention, target, how):
    cits, res = _resolved(text)
    r = [r for r in res if r.citation.text == mention][-1]
    assert r.how == how
    assert cits[r.index].text == target


def test_first_full_resolves_to_nothing_and_unknown_short_stays_unresolved():
    cits, res = _resolved("Kết luận số 21-KL/TW ngày 25/10/2021 của Bộ Chính trị và Chỉ thị số 05-CT/TW.")
    assert [(r.index, r.how) for r in res] == [(None, None), (None, None)]


def test_type_number_ambiguous_is_not_resolved():
    cits, res = _resolved("Quy định số 01-QĐ/TW ngày 01/02/2018 của Ban Bí thư và Quy định số 01-QĐi/ĐUK ngày "
                          "07/5/2018 của Đảng ủy Khối. Quy định 01 được")
    assert res[-1].citation.text == "Quy định 01" and res[-1].index is None


def test_seed_001_short_name_resolution():
    text = seed_path("001").read_text(encoding="utf-8")
    cits, res = _resolved(text)
    full = next(i for i, c in enumerate(cits) if c.short_name == "Kết luận số 01")
    shorts = [r for r in res if r.citation.text == "Kết luận số 01"]
    assert len(shorts) == 7
    assert all(r.index == full and r.how == "defined short name" for r in shorts)


def test_seed_002_defined_names_and_repeats():
    text = seed_path("002").read_text(encoding="utf-8")
    cits, res = _resolved(text)
    first_99 = next(i for i, c in enumerate(cits) if c.number == "99" and c.form == "full")
    for r in res:
        c = r.citation
        if c.number == "99" and c.code == "QĐ/TW" and r.index is not None:
            assert cits[r.index].number == "99"
    assert res[first_99].index is None
