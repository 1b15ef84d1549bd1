"""Draft markup (what templates render to): header lines, headings, items, inline marks."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.drafting.markup import MarkupError, cite_marker, parse_inline, parse_markup
from drafter.drafting.model import Cite, CitationRef, NoteRef, Text


@pytest.mark.parametrize("line, expected", [
    ("Văn bản thường", (Text("Văn bản thường"),)),
    ("a **đậm** b *nghiêng*", (Text("a "), Text("đậm", bold=True), Text(" b "), Text("nghiêng", italic=True))),
    ("dấu * đơn lẻ", (Text("dấu * đơn lẻ"),)),
    ("mục[[note:2]].", (Text("mục"), NoteRef("2"), Text("."))),
    ("[[cite:21-KL/TW|2021-10-25|TW]]", (Cite(CitationRef("21-KL/TW", None, dt.date(2021, 10, 25), "TW")),)),
    ("[[cite:01-KL/TW|||id=7|short=Kết luận 01|form=full|subject=0]]",
     (Cite(CitationRef("01-KL/TW", 7, None, None), "Kết luận 01", "full", False),)),
])
def test_inline(line, expected):
    assert parse_inline(line) == expected


def test_cite_marker_round_trips():
    ref = CitationRef("21-KL/TW", 12, dt.date(2021, 10, 25), "TW")
    assert parse_inline(cite_marker(ref, "Kết luận 21", "short", False)) == (Cite(ref, "Kết luận 21", "short", False),)


def test_lines():
    parsed = parse_markup("""
@doc_type: KẾT LUẬN
@subject: về dòng một
@subject: dòng hai
@recipient: Ban A
@recipient: Lưu VP
@footnote 1: Chú thích [[cite:03-KH/TW|2021-12-01|TW]].
# I- Kết quả
## 1. Nhiệm vụ
### a) Điểm
- Một ý
Đoạn văn.[[note:1]]
""")
    assert parsed.header == {"doc_type": "KẾT LUẬN", "subject": "về dòng một\ndòng hai", "recipients": ["Ban A", "Lưu VP"]}
    assert [(b.kind, b.level) for b in parsed.body] == [("heading", 1), ("heading", 2), ("heading", 3), ("item", 0), ("paragraph", 0)]
    assert parsed.body[0].segments == (Text("I- Kết quả"),)
    assert parsed.footnotes[0].note_id == "1" and isinstance(parsed.footnotes[0].segments[1], Cite)


@pytest.mark.parametrize("text, line", [("ok\n@@bad", 2), ("a\nb\n[[cite:21-KL/TW|25-10-2021]]", 3)])
def test_errors_name_the_line(text, line):
    with pytest.raises(MarkupError) as err:
        parse_markup(text)
    assert err.value.line == line
