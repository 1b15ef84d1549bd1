"""Rendering: first mention full, later short, short names, dates, codes, recipients, footnotes."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.drafting import render
from drafter.drafting.citetext import SnapshotEntry, canonical_number_code
from drafter.drafting.dates import DateRules, format_numeric, format_words, place_date_line
from drafter.drafting.markup import parse_inline
from drafter.drafting.model import Block, CitationRef, Draft, Footnote, Header
from drafter.drafting.render import format_recipients

KL21 = SnapshotEntry(1, "Kết luận", "21", "KL/TW", dt.date(2021, 10, 25), "Ban Chấp hành Trung ương Đảng",
                     "đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị", "TW", "XIII")
KH03 = SnapshotEntry(2, "Kế hoạch", "3", "KH/TW", dt.date(2021, 12, 1), "Bộ Chính trị", None, "TW")
REGISTRY = {"21-KL/TW": KL21, "03-KH/TW": KH03}


def lookup(ref: CitationRef):
    return REGISTRY.get(canonical_number_code(ref.number_code))


def _draft(*lines: str, date_style="numeric", notes=(), snapshots=None) -> Draft:
    body = tuple(Block("paragraph", parse_inline(line)) for line in lines)
    foot = tuple(Footnote(i, parse_inline(t)) for i, t in notes)
    return Draft("ket-luan-btv", Header(date_style=date_style), body, foot, {}, snapshots or {})


C21 = "[[cite:21-KL/TW|2021-10-25|TW]]"
FULL21 = ("Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII "
          "về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị")


def _texts(doc):
    return [b.text for b in doc.blocks]


def test_first_mention_full_later_short():
    doc = render(_draft(f"Thực hiện {C21}.", f"Quán triệt {C21} và {C21}."), lookup)
    assert _texts(doc) == [f"Thực hiện {FULL21}.", "Quán triệt Kết luận số 21-KL/TW và Kết luận số 21-KL/TW."]


def test_moving_a_paragraph_moves_the_full_form():
    a, b = f"Đoạn A: {C21}.", f"Đoạn B: {C21}."
    first = render(_draft(a, b), lookup)
    moved = render(_draft(b, a), lookup)
    assert _texts(first)[0].startswith("Đoạn A: Kết luận số 21-KL/TW, ngày")
    assert _texts(moved)[0].startswith("Đoạn B: Kết luận số 21-KL/TW, ngày")
    assert _texts(moved)[1] == "Đoạn A: Kết luận số 21-KL/TW."


def test_short_name_defined_at_first_mention_and_used_after():
    doc = render(_draft("Thực hiện [[cite:21-KL/TW|2021-10-25|TW|short=Kết luận số 21]].", f"Theo {C21}."), lookup)
    assert _texts(doc)[0] == f"Thực hiện {FULL21} (sau đây gọi tắt là Kết luận số 21)."
    assert _texts(doc)[1] == "Theo Kết luận số 21."


@pytest.mark.parametrize("style, expected", [
    ("numeric", "Kế hoạch số 03-KH/TW, ngày 01/12/2021 của Bộ Chính trị"),
    ("words", "Kế hoạch số 03-KH/TW, ngày 01 tháng 12 năm 2021 của Bộ Chính trị"),
])
def test_one_date_style_per_document_and_padded_number(style, expected):
    doc = render(_draft("[[cite:3-KH/TW|2021-12-01|TW]]", date_style=style), lookup)
    assert _texts(doc) == [expected]


def test_forced_forms_and_subject_written_in_text():
    doc = render(_draft(f"[[cite:21-KL/TW|2021-10-25|TW|form=short]] rồi {C21}",
                        "[[cite:03-KH/TW|2021-12-01|TW|form=full]] và [[cite:03-KH/TW|2021-12-01|TW|subject=0]]"), lookup)
    assert _texts(doc)[0] == f"Kết luận số 21-KL/TW rồi Kết luận số 21-KL/TW"  # first mention forced short
    assert _texts(doc)[1].startswith("Kế hoạch số 03-KH/TW, ngày 01/12/2021 của Bộ Chính trị và Kế hoạch số 03-KH/TW")


def test_registry_is_the_truth_snapshot_is_only_a_fallback():
    snap = {"21-KL/TW@2021-10-25@TW": {"type": "Kết luận", "issuer": "Bộ Chính trị (cũ)", "subject": "việc cũ"}}
    with_registry = render(_draft(C21, snapshots=snap), lookup)
    assert _texts(with_registry) == [FULL21] and not with_registry.notices
    without = render(_draft(C21, snapshots=snap), lambda ref: None)
    assert _texts(without) == ["Kết luận số 21-KL/TW, ngày 25/10/2021 của Bộ Chính trị (cũ) về việc cũ"]
    assert without.blocks[0].runs[0].source == "snapshot"
    assert "dùng thông tin lưu trong dự thảo" in without.notices[0]


def test_missing_everywhere_keeps_code_and_says_so():
    doc = render(_draft("[[cite:99-CT/TU|2020-01-05|X]]"), None)
    assert _texts(doc) == ["Chỉ thị số 99-CT/TU, ngày 05/01/2020"]
    assert doc.blocks[0].runs[0].source == "missing" and "không có trong danh mục" in doc.notices[0]


def test_footnotes_numbered_by_reference_and_cited_in_order():
    draft = _draft(f"A[[note:b]] rồi B[[note:a]].", f"Sau đó {C21}.",
                   notes=(("a", f"Chú thích a: {C21}."), ("b", "Chú thích b.")))
    doc = render(draft, lookup)
    assert [n.number for n in doc.footnotes] == [1, 2]
    assert doc.footnotes[0].text == "Chú thích b."
    assert doc.footnotes[1].text == f"Chú thích a: {FULL21}."  # the note's mark comes first
    assert _texts(doc)[1] == "Sau đó Kết luận số 21-KL/TW."
    assert [r.footnote for r in doc.blocks[0].runs if r.footnote] == [1, 2]


@pytest.mark.parametrize("day, numeric, words", [
    (dt.date(2018, 4, 3), "03/4/2018", "ngày 03 tháng 4 năm 2018"),
    (dt.date(2018, 2, 20), "20/02/2018", "ngày 20 tháng 02 năm 2018"),
    (dt.date(2026, 1, 9), "09/01/2026", "ngày 09 tháng 01 năm 2026"),
    (dt.date(2025, 7, 4), "04/7/2025", "ngày 04 tháng 7 năm 2025"),
    (dt.date(2021, 10, 25), "25/10/2021", "ngày 25 tháng 10 năm 2021"),
    (dt.date(2021, 12, 10), "10/12/2021", "ngày 10 tháng 12 năm 2021"),
])
def test_date_padding(day, numeric, words):
    assert format_numeric(day) == numeric
    assert format_words(day) == words


def test_date_rules_come_from_the_profile():
    rules = DateRules.from_profile({"dates": {"pad_day_below": 10, "pad_months": [1, 2, 3], "separator": "/"}})
    assert format_numeric(dt.date(2024, 3, 5), rules) == "05/03/2024"


def test_place_date_line():
    assert place_date_line("Hà Nội", dt.date(2018, 4, 3)) == "Hà Nội, ngày 03 tháng 4 năm 2018"
    assert place_date_line("Hà Nội", None) == "Hà Nội, ngày     tháng     năm"


@pytest.mark.parametrize("number, line", [("567", "Số 567-KL/TU"), ("5", "Số 05-KL/TU"), ("", "Số       -KL/TU")])
def test_number_line_has_no_colon_and_padding(number, line):
    doc = render(Draft("x", Header(number=number)), None)
    assert doc.header.number_line == line


def test_recipients_lines():
    names = ("- Ban A (để báo cáo);", "Ban B,", "Lưu Văn phòng Thành ủy", "Ban C")
    rules = {"line_prefix": "- ", "line_end": ",", "last_end": "."}
    assert format_recipients(names, rules) == ("- Ban A (để báo cáo),", "- Ban B,", "- Ban C,", "- Lưu Văn phòng Thành ủy.")


def test_header_signature_and_subject_case():
    header = Header(parent_body="Đảng bộ tỉnh X", issuer="Huyện ủy\nĐịnh Hóa", subject="Về việc A\nvà B",
                    authority="K/T", collective="Trưởng ban", signer_title="Phó Trưởng ban", signer_name="Nguyễn Văn A",
                    doc_type="Kết luận", doc_type_of="của Ban Thường vụ")
    doc = render(Draft("x", header), None)
    assert doc.header.parent_body_lines == ("ĐẢNG BỘ TỈNH X",)
    assert doc.header.issuer_lines == ("HUYỆN ỦY", "ĐỊNH HÓA")
    assert doc.subject_lines == ("về việc A", "và B")
    assert (doc.doc_type, doc.doc_type_of, doc.subject_rule) == ("KẾT LUẬN", ("CỦA BAN THƯỜNG VỤ",), "-----")
    assert (doc.signature.authority_line, doc.signature.title_line) == ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")
    assert doc.header.title == "ĐẢNG CỘNG SẢN VIỆT NAM" and doc.header.star == "*"


def test_same_document_written_differently_is_one_document():
    doc = render(_draft(f"A {C21}.", "B [[cite:21-KL/TW||TW]].", "C [[cite:21 - KL/TW|2021-10-25|TW]]."), lookup)
    assert _texts(doc)[1:] == ["B Kết luận số 21-KL/TW.", "C Kết luận số 21-KL/TW."]
