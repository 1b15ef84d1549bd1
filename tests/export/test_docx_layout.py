"""Re-open exported .docx files and check the Party 2018 layout facts (party-format.md)."""

from __future__ import annotations

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from drafter.export import export_docx, load_profile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY


@pytest.fixture
def doc(rendered, tmp_path):
    path = export_docx(rendered, tmp_path / "out.docx")
    return Document(str(path))


def _mm(length) -> float:
    return round(length / 36000, 1)


def _runs(paragraph):
    return [r for r in paragraph.runs if r.text]


def _sizes(paragraph):
    return {r.font.size for r in _runs(paragraph)}


def test_page_setup(doc):
    s = doc.sections[0]
    assert (s.page_width.twips, s.page_height.twips) == (11906, 16838)  # A4, party-format.md §1
    assert (s.top_margin.twips, s.bottom_margin.twips, s.left_margin.twips, s.right_margin.twips) == (1134, 1134, 1701, 850)
    assert s.header_distance.twips == 567


def test_font_on_all_four_slots(doc):
    fonts = doc.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "cs", "eastAsia")} == {"Times New Roman"}
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert defaults.get(qn("w:ascii")) == "Times New Roman" and defaults.get(qn("w:asciiTheme")) is None
    body_run = doc.paragraphs[-1].runs[0]
    run_fonts = body_run._r.rPr.find(qn("w:rFonts"))
    assert run_fonts.get(qn("w:cs")) == "Times New Roman"


def _borders_off(element, tag):
    borders = element.find(qn(tag))
    return borders is not None and all(b.get(qn("w:val")) in ("nil", "none") for b in borders)


def test_header_table_two_borderless_cells(doc):
    table = doc.tables[0]
    assert len(table.columns) == 2 and len(table.rows) == 1
    assert _borders_off(table._tbl.tblPr, "w:tblBorders")
    left, right = table.rows[0].cells
    for cell in (left, right):
        assert _borders_off(cell._tc.tcPr, "w:tcBorders")
    assert abs(left.width / (left.width + right.width) - 0.45) < 0.01


def test_header_left_cell(doc):
    left = doc.tables[0].rows[0].cells[0].paragraphs
    texts = [p.text for p in left]
    assert texts[:4] == ["ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", "THÀNH ỦY", "*", "Số 567-KL/TU"]
    assert not any(r.bold for r in _runs(left[0])) and all(r.bold for r in _runs(left[1]))
    assert all(_sizes(p) == {Pt(14)} for p in left)
    assert all(p.alignment == CENTER for p in left)
    assert "Số:" not in texts[3]
    marks = {p.text: p for p in left[4:]}
    for mark in ("MẬT", "KHẨN"):
        run = _runs(marks[mark])[0]
        assert run.bold and run._r.rPr.find(qn("w:bdr")) is not None


def test_header_right_cell_title_rule_and_date(doc):
    title, date = doc.tables[0].rows[0].cells[1].paragraphs
    assert title.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert _sizes(title) == {Pt(15)} and all(r.bold for r in _runs(title))
    bottom = title._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert bottom.get(qn("w:val")) == "single"
    cell_width = doc.tables[0].rows[0].cells[1].width
    margin = Mm(load_profile().data["header_table"]["cell_margin_mm"])
    rule = cell_width - 2 * margin - title.paragraph_format.left_indent - title.paragraph_format.right_indent
    assert abs(rule - Mm(load_profile().element("title")["rule_width_mm"])) < Mm(0.5)
    assert date.text == "Thành phố Hồ Chí Minh, ngày 15 tháng 5 năm 2023"
    assert all(r.italic for r in _runs(date)) and _sizes(date) == {Pt(14)}


def _find(doc, text):
    return next(p for p in doc.paragraphs if p.text == text)


def test_title_block(doc):
    doc_type = _find(doc, "KẾT LUẬN")
    assert _sizes(doc_type) == {Pt(16)} and all(r.bold for r in _runs(doc_type)) and doc_type.alignment == CENTER
    of_line = _find(doc, "CỦA BAN THƯỜNG VỤ THÀNH ỦY")
    assert all(r.bold for r in _runs(of_line)) and of_line.alignment == CENTER
    subject = _find(doc, "về một việc\nrất quan trọng")
    assert subject.text[0].islower() and all(r.bold for r in _runs(subject)) and _sizes(subject) == {Pt(14)}
    rule = _find(doc, "-----")
    assert rule.alignment == CENTER and not any(r.bold for r in _runs(rule))
    marker = doc.paragraphs[0]
    assert marker.text == "Dự thảo lần 2"


def _body(doc):
    start = [p.text for p in doc.paragraphs].index("-----") + 1
    return doc.paragraphs[start:]


def test_body_paragraphs(doc):
    body = _body(doc)
    assert len(body) >= 8
    for p in body:
        fmt = p.paragraph_format
        assert p.alignment == JUSTIFY and fmt.first_line_indent.twips == 567
        assert (fmt.space_before, fmt.space_after) == (Pt(6), Pt(6))
        assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY and fmt.line_spacing == Pt(18)
        assert _sizes(p) == {Pt(14)}
    heading_roman, heading_arabic, heading_letter = body[1], body[2], body[3]
    assert heading_roman.text == "I- Kết quả" and all(r.bold for r in _runs(heading_roman))
    assert heading_roman.paragraph_format.keep_with_next and not body[0].paragraph_format.keep_with_next
    assert all(r.bold for r in _runs(heading_arabic)) and not any(r.bold for r in _runs(heading_letter))
    item = body[4]
    styled = {r.text: (bool(r.bold), bool(r.italic)) for r in _runs(item)}
    assert styled["chữ đậm"] == (True, False) and styled["chữ nghiêng"] == (False, True)
    assert "Kết luận số 21-KL/TW." in item.text and "ngày" not in item.text  # second mention: short


def test_real_footnotes(doc, tmp_path):
    part = next(r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/footnotes"))
    root = part.element if hasattr(part, "element") else __import__("lxml.etree").etree.fromstring(part.blob)
    notes = [n for n in root.iter(f"{W}footnote") if n.get(f"{W}type") is None]
    assert len(notes) == 1
    assert "Chú thích về Kết luận số 21-KL/TW" in "".join(t.text for t in notes[0].iter(f"{W}t"))
    styles = list(notes[0].iter(f"{W}pStyle"))
    assert [st.get(f"{W}val") for st in styles] == ["FootnoteText"]  # exactly one (Word rejects two)
    refs = list(doc.element.body.iter(f"{W}footnoteReference"))
    assert [r.get(f"{W}id") for r in refs] == [notes[0].get(f"{W}id")]
    assert doc.styles["Footnote Text"].font.size == Pt(12)
    assert doc.styles["Footnote Reference"].font.superscript


def test_page_number_field_and_empty_first_page_header(doc):
    section = doc.sections[0]
    assert section.different_first_page_header_footer  # titlePg
    first = section.first_page_header
    assert not first.is_linked_to_previous and all(not p.text for p in first.paragraphs)
    header_p = section.header.paragraphs[0]
    assert header_p.alignment == CENTER
    instr = "".join(i.text for i in header_p._p.iter(qn("w:instrText")))
    assert instr.strip() == "PAGE"
    assert header_p.runs[0].font.size == Pt(14)


def test_closing_table(doc):
    table = doc.tables[-1]
    assert _borders_off(table._tbl.tblPr, "w:tblBorders")
    left, right = table.rows[0].cells
    label = left.paragraphs[0]
    assert label.text == "Nơi nhận:"
    assert [(r.text, bool(r.underline)) for r in label.runs] == [("Nơi nhận", True), (":", False)]
    assert _sizes(label) == {Pt(14)}
    lines = [p for p in left.paragraphs[1:]]
    assert [p.text for p in lines] == ["- Ban Tổ chức Trung ương (để báo cáo),", "- Các đồng chí Thành ủy viên,",
                                       "- Lưu Văn phòng Thành ủy."]
    assert all(_sizes(p) == {Pt(12)} for p in lines)
    sig = [p for p in right.paragraphs if p.text]
    assert [p.text for p in sig] == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn Hiếu"]
    assert [all(r.bold for r in _runs(p)) for p in sig] == [True, False, True]
    assert all(p.alignment == CENTER and _sizes(p) == {Pt(14)} for p in sig)
    assert len(right.paragraphs) - len(sig) == load_profile().data["elements"]["signature_space_lines"]
    assert table.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_no_layout_literals_in_writer():
    """Sizes and margins come from the profile: the writer has no Pt(14)/Mm(20)-style literals."""
    import inspect
    import re
    from drafter.export import docx_writer

    source = inspect.getsource(docx_writer)
    assert not re.findall(r"(?:Pt|Mm)\(\s*\d+(?:\.\d+)?\s*\)", source.replace("Pt(0)", ""))


def test_profile_values_drive_the_writer(rendered, tmp_path):
    from drafter.export.profile import Profile
    import copy

    data = copy.deepcopy(load_profile().data)
    data["page"]["margins_mm"]["left"] = 35
    data["elements"]["body"]["line_spacing_pt"] = 22
    data["page"]["mirror_margins"] = True
    path = export_docx(rendered, tmp_path / "p.docx", Profile("test", data))
    doc = Document(str(path))
    assert _mm(doc.sections[0].left_margin) == 35
    assert _body(doc)[0].paragraph_format.line_spacing == Pt(22)
    assert doc.settings.element.find(qn("w:mirrorMargins")) is not None


def test_no_mirror_margins_by_default(doc):
    assert doc.settings.element.find(qn("w:mirrorMargins")) is None
