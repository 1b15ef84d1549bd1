"""A Party document laid out the way many Word users do it: a 2-row header table, the parent
body, issuer and ``*`` in one paragraph with line breaks, tên loại and ``CỦA …`` in one paragraph,
the Nơi nhận label and list in one paragraph, formatting partly on the Normal style."""

from __future__ import annotations

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH as A
from docx.enum.text import WD_LINE_SPACING
from docx.shared import Mm, Pt

from .party_docx import BODY, _border_bottom, _no_borders, _page_number

BREAK = ("\n", 0, False, False)


def _para(container, pieces, align=A.CENTER, body=False, before=0):
    p = container.add_paragraph()
    p.alignment = align
    pf = p.paragraph_format
    pf.space_before, pf.space_after = Pt(6 if body else before), Pt(6 if body else 0)
    if body:
        pf.first_line_indent = Mm(10)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(18)
    for text, size, bold, italic, *underline in pieces:
        if text == "\n":
            p.add_run().add_break()
            continue
        run = p.add_run(text)
        run.font.size, run.font.bold, run.font.italic = Pt(size), bold, italic
        if underline:
            run.font.underline = underline[0]
    return p


def _cell(cell):
    cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return cell


def build_word_layout(path, *, issuer_bold=True, date_italic=True, label_underline=True, star="*"):
    doc = docx.Document()
    s = doc.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin = s.bottom_margin = Mm(20)
    s.left_margin, s.right_margin, s.header_distance = Mm(30), Mm(15), Mm(10)
    _page_number(s)
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(14)
    header = doc.add_table(rows=2, cols=2)
    _no_borders(header)
    top, bottom = header.rows[0].cells, header.rows[1].cells
    _para(_cell(top[0]), [("ĐẢNG BỘ TỈNH THÁI NGUYÊN", 14, False, False), BREAK,
                          ("HUYỆN UỶ ĐỊNH HOÁ", 14, issuer_bold, False), BREAK, (star, 14, False, False)])
    _border_bottom(_para(_cell(top[1]), [("ĐẢNG CỘNG SẢN VIỆT NAM", 15, True, False)]))
    _para(_cell(bottom[0]), [("Số 05-KL/HU", 14, False, False)])
    _para(_cell(bottom[1]), [("Định Hoá, ngày 03 tháng 4 năm 2024", 14, False, date_italic)])
    doc.add_paragraph()
    _para(doc, [("KẾT LUẬN", 16, True, False), BREAK, ("CỦA BAN THƯỜNG VỤ HUYỆN UỶ", 14, True, False)], before=12)
    _para(doc, [("về tiếp tục nâng cao chất lượng", 14, True, False), BREAK, ("sinh hoạt chi bộ", 14, True, False)])
    _para(doc, [("-----", 14, False, False)])
    for text in BODY:
        _para(doc, [(text, 14, text.startswith(("I-", "II-")), False)], align=A.JUSTIFY, body=True)
    closing = doc.add_table(rows=1, cols=2)
    _no_borders(closing)
    left, right = closing.rows[0].cells
    _para(_cell(left), [("Nơi nhận", 14, False, False, label_underline), (":", 14, False, False), BREAK,
                        ("- Ban Thường vụ Tỉnh uỷ,", 12, False, False), BREAK, ("- Lưu Văn phòng.", 12, False, False)],
          align=A.LEFT)
    right = _cell(right)
    _para(right, [("T/M BAN THƯỜNG VỤ", 14, True, False), BREAK, ("PHÓ BÍ THƯ", 14, False, False)])
    for _ in range(3):
        right.add_paragraph()
    _para(right, [("Nguyễn Văn An", 14, True, False)])
    doc.save(str(path))
    return path
