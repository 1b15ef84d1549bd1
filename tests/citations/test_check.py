"""The citation checker: each rule with a text that triggers it and a correct one that does not;
the seeds' real inconsistencies (citations.md §5); no error on correct examples.

The registry is a small dict built in the test from Entry values (no drafter.registry import).
"""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.citations import RULES, check
from drafter.findings import ERROR
from drafter.registry.entry import Entry
from drafter.text import fold
from tests.conftest import seed_path

D = dt.date

ENTRIES = [
    Entry(1, "Kết luận", "21", "KL/TW", D(2021, 10, 25), "Ban Chấp hành Trung ương Đảng khóa XIII",
          "đẩy mạnh xây dựng, chỉnh đốn Đảng"),
    Entry(2, "Quyết định", "99", "QĐ/TW", D(2017, 10, 3), "Ban Bí thư", "ban hành Hướng dẫn khung"),
    Entry(3, "Quy định", "124", "QĐ/TW", D(2018, 2, 2), "Ban Bí thư", "giám sát của Mặt trận"),
    Entry(4, "Kết luận", "54", "KL/TW", D(2023, 5, 9), "Ban Bí thư", "tiếp tục thực hiện Quyết định 99"),
    Entry(5, "Chỉ thị", "05", "CT/TW", D(2016, 5, 15), "Bộ Chính trị", "đẩy mạnh học tập"),
    Entry(6, "Kết luận", "18", "KL/TW", D(2017, 9, 22), "Ban Bí thư", "sinh hoạt chi bộ"),
    Entry(7, "Kết luận", "118", "KL/TW", D(2025, 1, 18), "Bộ Chính trị", "tiếp tục thực hiện"),
    Entry(8, "Kết luận", "01", "KL/TW", D(2021, 5, 18), "Bộ Chính trị", "Chỉ thị 05"),
    Entry(9, "Nghị quyết", None, None, None, "Ban Chấp hành Trung ương", "xây dựng Đảng",
          aliases=("Nghị quyết Trung ương 4 khóa XII",)),
]


def _num(n):
    return (n or "").lstrip("0")


def lookup(c):
    if c.number and c.code:
        for e in ENTRIES:
            if e.number and _num(e.number) == _num(c.number) and fold(e.code) == fold(c.code):
                return e
    if c.name:
        for e in ENTRIES:
            if any(fold(a) in fold(c.name) for a in e.aliases):
                return e
    return None


def suggest(query):
    digits = "".join(ch for ch in query if ch.isdigit())
    return [e for e in ENTRIES if e.number and digits.startswith(_num(e.number))][:3]


def codes(text, **kw):
    return [f.code for f in check(text, **kw)]


def run(text):
    return check(text, lookup=lookup, suggest=suggest)


FULL_21 = "Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII"
FULL_99 = "Quyết định số 99-QĐ/TW, ngày 03/10/2017 của Ban Bí thư"

# (rule, text that triggers it, a correct text that does not, expected suggestion or None)
RULE_CASES = [
    ("CIT001", "Thực hiện Kết luận số 21-KL/TW về xây dựng Đảng.", f"Thực hiện {FULL_21}.", FULL_21.replace(
        "Ban Chấp hành Trung ương Đảng khóa XIII", "Ban Chấp hành Trung ương Đảng khóa XIII")),
    ("CIT001", "Thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng khóa XIII.", f"Thực hiện {FULL_21}.",
     FULL_21),
    ("CIT002", f"Kết luận số 21-KL/TW đã nêu. Thực hiện {FULL_21}.",
     f"Thực hiện {FULL_21}. Kết luận số 21-KL/TW đã nêu.", FULL_21),
    ("CIT003", "Thực hiện Kết luận số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị.",
     "Thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị.", None),
    ("CIT004", "Thực hiện Quy định số 99-QĐ/TW, ngày 03/10/2017 của Ban Bí thư.", f"Thực hiện {FULL_99}.",
     "Quyết định"),
    ("CIT005", f"Thực hiện {FULL_99}. Sau đó Quy định số 99-QĐ/TW được",
     f"Thực hiện {FULL_99}. Sau đó Quyết định số 99-QĐ/TW được", "Quyết định"),
    ("CIT005", f"Thực hiện {FULL_99} về hướng dẫn (sau đây gọi tắt là Quy định 99-QĐ/TW).",
     f"Thực hiện {FULL_99} về hướng dẫn (sau đây gọi tắt là Quyết định 99-QĐ/TW).", "Quyết định"),
    ("CIT006", "Thực hiện Quy định 124/QĐ-TW, ngày 02/02/2018 của Ban Bí thư.",
     "Thực hiện Quy định số 124-QĐ/TW, ngày 02/02/2018 của Ban Bí thư.", "124-QĐ/TW"),
    ("CIT007", "Thực hiện Kết luận số 21-KLTW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII.",
     f"Thực hiện {FULL_21}.", "21-KL/TW"),
    ("CIT008", "Thực hiện Kết luận số 21 - KL / TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII.",
     f"Thực hiện {FULL_21}.", "21-KL/TW"),
    ("CIT009", "Thực hiện Kết luận số 21-KL/TƯ, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII.",
     f"Thực hiện {FULL_21}.", "21-KL/TW"),
    ("CIT010", "Thực hiện Chỉ thị số 5-CT/TW, ngày 15/5/2016 của Bộ Chính trị.",
     "Thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị.", "05-CT/TW"),
    ("CIT011", "Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2022 của Ban Chấp hành Trung ương Đảng khóa XIII.",
     f"Thực hiện {FULL_21}.", "25/10/2021"),
    ("CIT012", "Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Bộ Chính trị.",
     "Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII.",
     "Ban Chấp hành Trung ương Đảng khóa XIII"),
    ("CIT013", f"Thực hiện {FULL_21}, Chỉ thị số 05-CT/TW ngày 15 tháng 5 năm 2016 của Bộ Chính trị và "
               f"{FULL_99}.",
     f"Thực hiện {FULL_21}, Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị và {FULL_99}.", "15/5/2016"),
    ("CIT014", "Thực hiện Kết luận số 21-KL/TW ngày 25 tháng 10 năm 2021 của Ban Chấp hành Trung ương Đảng khóa XIII.",
     f"Thực hiện {FULL_21}.", "25/10/2021"),
    ("CIT015", "Thực hiện Quy định số 124-QĐ/TW, ngày 2/2/2018 của Ban Bí thư.",
     "Thực hiện Quy định số 124-QĐ/TW, ngày 02/02/2018 của Ban Bí thư.", "02/02/2018"),
    ("CIT016", "Thực hiện Kết luận 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII.",
     f"Thực hiện {FULL_21}.", "số 21-KL/TW"),
    ("CIT017", "Thực hiện Kết luận số 211-KL/TW, ngày 25/10/2021 của Bộ Chính trị.", f"Thực hiện {FULL_21}.", None),
    ("CIT018", f"Kết luận số 01 nêu rõ. Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện "
               "(sau đây gọi tắt là Kết luận số 01).",
     "Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện (sau đây gọi tắt là Kết luận số 01). "
     "Kết luận số 01 nêu rõ.", "Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị"),
    ("CIT019", f"Thực hiện {FULL_99} về hướng dẫn (sau đây gọi tắt là Quyết định 99). Quyết định số 99-QĐ/TW đã",
     f"Thực hiện {FULL_99} về hướng dẫn (sau đây gọi tắt là Quyết định 99). Quyết định 99 đã", "Quyết định 99"),
    ("CIT020", f"Thực hiện {FULL_21}. Kết luận số 21-KL/TW, ngày 25/10/2022 của Ban Chấp hành Trung ương Đảng khóa XIII.",
     f"Thực hiện {FULL_21}. Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII.", None),
    ("CIT022", "ĐẢNG ỦY KHỐI\n*\nSố: 12-KL/ĐUK\n\nKẾT LUẬN", "ĐẢNG ỦY KHỐI\n*\nSố 12-KL/ĐUK\n\nKẾT LUẬN", "Số "),
    ("CIT022", f"Thực hiện Kết luận số: 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII.",
     f"Thực hiện {FULL_21}.", "số "),
    ("CIT021", "Thực hiện Quy định số 124-QĐ/TW, ngày 31/02/2018 của Ban Bí thư.",
     "Thực hiện Quy định số 124-QĐ/TW, ngày 02/02/2018 của Ban Bí thư.", None),
]


def test_every_rule_has_a_case():
    assert sorted({r for r, *_ in RULE_CASES}) == sorted(RULES)


_IDS = [f"{r[0]}-{i}" for i, r in enumerate(RULE_CASES)]


@pytest.mark.parametrize("rule, bad, good, suggestion", RULE_CASES, ids=_IDS)
def test_rule_triggers(rule, bad, good, suggestion):
    hits = [f for f in run(bad) if f.code == rule]
    assert hits, [f.code for f in run(bad)]
    f = hits[0]
    assert f.severity in ("error", "warning", "info") and f.message
    assert 0 <= f.start < f.end <= len(bad) and f.paragraph == bad.count("\n", 0, f.start)
    if suggestion is not None:
        assert f.suggestion == suggestion


@pytest.mark.parametrize("rule, bad, good, suggestion", RULE_CASES, ids=_IDS)
def test_rule_silent_on_correct_text(rule, bad, good, suggestion):
    assert rule not in codes(good, lookup=lookup, suggest=suggest)


def test_unknown_document_offers_candidates():
    f = next(f for f in run("Thực hiện Kết luận số 211-KL/TW, ngày 25/10/2021 của Bộ Chính trị.") if f.code == "CIT017")
    assert f.severity == "info" and "Có phải" in f.message and "21-KL/TW" in f.message


def test_suggestion_applies_cleanly():
    text = "Thực hiện Kết luận số 21 - KL / TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII."
    f = next(f for f in run(text) if f.code == "CIT008")
    fixed = text[:f.start] + f.suggestion + text[f.end:]
    assert "CIT008" not in codes(fixed, lookup=lookup)


CORRECT = [
    f"Thực hiện {FULL_21} về đẩy mạnh xây dựng, chỉnh đốn Đảng; {FULL_99} về ban hành Hướng dẫn khung. "
    "Kết luận số 21-KL/TW và Quyết định số 99-QĐ/TW được quán triệt.",
    "Căn cứ Quy định số 124-QĐ/TW, ngày 02/02/2018 của Ban Bí thư về giám sát (sau đây gọi tắt là Quy định 124), "
    "các cấp ủy thực hiện Quy định 124.",
    "Thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị và Nghị quyết Trung ương 4 khóa XII.",
    "Kết luận này được phổ biến đến chi bộ.",
    # seed 002: the defined short name with "số" added is the same name, not an inconsistency
    "Căn cứ Quy định số 124-QĐ/TW, ngày 02/02/2018 của Ban Bí thư về giám sát (sau đây gọi tắt là "
    "Quy định 124-QĐ/TW), các cấp ủy thực hiện Quy định số 124-QĐ/TW.",
]


@pytest.mark.parametrize("text", CORRECT)
def test_no_finding_on_correct_examples(text):
    assert run(text) == []


def test_works_without_registry():
    found = check(f"Thực hiện {FULL_99}. Sau đó Quy định số 99-QĐ/TW được")
    assert [f.code for f in found] == ["CIT005"]


# The seeds' real inconsistencies (citations.md §5), with and without a registry.

def _seed(prefix):
    return seed_path(prefix).read_text(encoding="utf-8")


def test_seed_000_missing_slash():
    text = _seed("000")
    f = next(f for f in check(text) if f.code == "CIT007")
    assert text[f.start:f.end] == "01-ĐATU" and f.suggestion == "01-ĐA/TU" and f.severity == ERROR


def test_seed_002_quyet_dinh_vs_quy_dinh():
    text = _seed("002")
    without = check(text)
    assert any(f.code == "CIT005" and text[f.start:f.end] == "Quy định" for f in without)
    with_registry = run(text)
    wrong_type = [f for f in with_registry if f.code == "CIT004"]
    assert wrong_type and all(text[f.start:f.end] == "Quy định" and f.suggestion == "Quyết định" for f in wrong_type)


def test_seed_004_missing_so():
    text = _seed("004")
    hits = [f for f in check(text) if f.code == "CIT016"]
    assert any(text[f.start - 9:f.end] == "Kết luận 18-KL/TW" for f in hits)


def test_seed_date_styles():
    """Seeds 000 and 003 write citation dates in words, the others numerically (§5.2)."""
    for prefix, expected in (("000", True), ("001", False), ("002", False), ("003", True), ("004", False)):
        assert any(f.code == "CIT014" for f in check(_seed(prefix))) is expected, prefix


@pytest.mark.parametrize("prefix, allowed_errors", [("000", {"CIT007"}), ("001", set()), ("002", set()),
                                                    ("003", set()), ("004", set())])
def test_seeds_errors_are_only_the_known_ones(prefix, allowed_errors):
    errors = {f.code for f in check(_seed(prefix)) if f.severity == ERROR}
    assert errors == allowed_errors


@pytest.mark.parametrize("cited, registered, agrees", [
    ("Ban Chấp hành Trung ương", "Ban Chấp hành Trung ương Đảng khóa XIII", True),
    ("Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII", "Ban Chấp hành Trung ương Đảng khóa XIII", True),
    ("Hội nghị Trung ương 4 khóa XIII", "Ban Chấp hành Trung ương Đảng khóa XIII", True),
    ("BCH TW", "Ban Chấp hành Trung ương", True),
    ("Bộ Chính trị (khóa XII)", "Bộ Chính trị", True),
    ("Ban Thường vụ Thành ủy", "Ban Thường vụ Thành ủy Thành phố Hồ Chí Minh", True),
    ("Bộ Chính trị", "Ban Chấp hành Trung ương Đảng khóa XIII", False),
    ("Ban Bí thư", "Bộ Chính trị", False),
    ("Ban Chấp hành Trung ương khóa XII", "Ban Chấp hành Trung ương Đảng khóa XIII", False),
])
def test_issuer_agreement(cited, registered, agrees):
    from drafter.citations.check_registry import issuer_agrees

    assert issuer_agrees(cited, registered) is agrees


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from([
    "Kết luận ", "Quy định ", "Quyết định ", "số ", "21-KL/TW", "99-QĐ/TW", "217/QĐ-TW", "01-ĐATU", "5-KL/TƯ",
    ", ngày 25/10/2021", " ngày 2/2/2018", " ngày 31 tháng 02 năm 2020", " của Bộ Chính trị", " về việc A",
    " (sau đây gọi tắt là Quy định 99)", "; ", ". ", "\n", "Quy định 99", " năm 2025", "¹", "*",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_check_never_raises_and_spans_hold(text):
    for f in check(text, lookup=lookup, suggest=suggest):
        assert f.code in RULES and f.message
        if f.start is not None:
            assert 0 <= f.start <= f.end <= len(text)


@pytest.mark.parametrize("old, new, rule", [
    ("Kết luận số 54-KL/TW, ngày 09/5/2023 của Ban Bí thư về tiếp tục thực hiện Quyết định số 99-QĐ/TW (sau",
     "Kết luận số 54-KL/TW, ngày 09/5/2022 của Ban Bí thư về tiếp tục thực hiện Quyết định số 99-QĐ/TW (sau", "CIT011"),
    ("Kết luận số 54-KL/TW, ngày 09/5/2023 của Ban Bí thư về tiếp tục thực hiện Quyết định số 99-QĐ/TW (sau",
     "Kết luận số 54-KL/TW, ngày 09/5/2022 của Ban Bí thư về tiếp tục thực hiện Quyết định số 99-QĐ/TW (sau", "CIT020"),
    ("Quy định số 124-QĐ/TW, ngày 02/02/2018 của Ban Bí thư về giám sát của Mặt trận Tổ quốc Việt Nam, các tổ chức "
     "chính trị - xã hội và Nhân dân đối với việc tu dưỡng, rèn luyện đạo đức, lối sống của người đứng đầu, cán bộ chủ "
     "chốt và cán bộ, đảng viên, Quy định số 01",
     "Quy định số 124-QĐ/TW, ngày 02/02/2018 của Bộ Chính trị về giám sát của Mặt trận Tổ quốc Việt Nam, các tổ chức "
     "chính trị - xã hội và Nhân dân đối với việc tu dưỡng, rèn luyện đạo đức, lối sống của người đứng đầu, cán bộ chủ "
     "chốt và cán bộ, đảng viên, Quy định số 01", "CIT012"),
    ("5. Xây dựng kế hoạch kiểm tra, giám sát việc thực hiện Quyết định số 99-QĐ/TW, Quy định số 124-QĐ/TW",
     "5. Xây dựng kế hoạch kiểm tra, giám sát việc thực hiện Quyết định số 99-QĐ/TW, Quy định số 124/QĐ-TW", "CIT006"),
    ("5. Xây dựng kế hoạch kiểm tra, giám sát việc thực hiện Quyết định số 99-QĐ/TW,",
     "5. Xây dựng kế hoạch kiểm tra, giám sát việc thực hiện Quyết định số 99 - QĐ/TW,", "CIT008"),
])
def test_injected_errors_in_seed_002(old, new, rule):
    text = _seed("002")
    assert text.count(old) >= 1
    injected = text.replace(old, new, 1)
    before = {(f.code, f.message) for f in run(text)}
    added = [f for f in run(injected) if (f.code, f.message) not in before]
    assert rule in {f.code for f in added}, [(f.code, f.message) for f in added]
    start = injected.index(new)
    hit = next(f for f in added if f.code == rule)
    assert start <= hit.start < start + len(new)
