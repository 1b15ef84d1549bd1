"""Builds Party documents with python-docx for the format checker's tests.

``build(path)`` writes a document laid out by party-format.md (header table, ``*``, ``-----``,
closing table, A4 20/20/30/15 mm, page number from page 2). Keyword arguments mutate one thing
at a time: ``text={"number": "Số: 05-KL/TU"}``, ``fmt={"title": {"size": 13}}``, ``star=False``,
``plain=True`` (plain paragraphs and tabs instead of tables) ...
"""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

TEXTS = {
    "parent_body": "ĐẢNG BỘ TỈNH THÁI NGUYÊN",
    "issuer": "HUYỆN UỶ ĐỊNH HOÁ",
    "star": "*",
    "number": "Số 05-KL/HU",
    "title": "ĐẢNG CỘNG SẢN VIỆT NAM",
    "place_date": "Định Hoá, ngày 03 tháng 4 năm 2024",
    "doc_type": "KẾT LUẬN",
    "doc_type_of": "CỦA BAN THƯỜNG VỤ HUYỆN UỶ",
    "subject": "về tiếp tục nâng cao chất lượng sinh hoạt chi bộ",
    "subject_rule": "-----",
    "authority": "T/M BAN THƯỜNG VỤ",
    "signer_title": "PHÓ BÍ THƯ",
    "signer_name": "Nguyễn Văn An",
    "recipients_label": "Nơi nhận:",
}
BODY = [
    "Ngày 01/3/2024, Ban Thường vụ Huyện uỷ đã nghe báo cáo kết quả thực hiện Kết luận số 18-KL/TW, "
    "ngày 22/9/2017 của Ban Bí thư về tiếp tục đẩy mạnh thực hiện Chỉ thị số 10-CT/TW về nâng cao chất "
    "lượng sinh hoạt chi bộ trong tình hình mới.",
    "I- KẾT QUẢ THỰC HIỆN",
    "Các cấp uỷ, tổ chức đảng đã quán triệt, triển khai nghiêm túc Kết luận số 18-KL/TW; chất lượng sinh "
    "hoạt chi bộ từng bước được nâng lên, nội dung sinh hoạt thiết thực hơn.",
    "II- NHIỆM VỤ, GIẢI PHÁP",
    "Các cấp uỷ tiếp tục đổi mới nội dung, hình thức sinh hoạt chi bộ, gắn với thực hiện nhiệm vụ chính "
    "trị của địa phương, cơ quan, đơn vị.",
    "Kết luận này được phổ biến đến chi bộ.",
]
RECIPIENTS = ["- Ban Thường vụ Tỉnh uỷ (để báo cáo),", "- Các đồng chí Huyện uỷ viên,",
              "- Các chi bộ, đảng bộ trực thuộc,", "- Lưu Văn phòng Huyện uỷ."]

#: Formatting of each element (size pt, bold, italic, underline, align).
FORMATS = {
    "parent_body": dict(size=14, bold=False, align="center"),
    "issuer": dict(size=14, bold=True, align="center"),
    "star": dict(size=14, align="center"),
    "number": dict(size=14, align="center"),
    "title": dict(size=15, bold=True, align="center"),
    "place_date": dict(size=14, italic=True, align="center"),
    "doc_type": dict(size=16, bold=True, align="center", before=12),
    "doc_type_of": dict(size=14, bold=True, align="center"),
    "subject": dict(size=14, bold=True, align="center"),
    "subject_rule": dict(size=14, align="center"),
    "body": dict(size=14, align="justify", indent=10, before=6, after=6, line=18),
    "heading": dict(size=14, bold=True, align="justify", indent=10, before=6, after=6, line=18),
    "can_cu": dict(size=14, align="justify", indent=10, before=6, after=6, line=18),
    "authority": dict(size=14, bold=True, align="center"),
    "signer_title": dict(size=14, bold=False, align="center"),
    "signer_name": dict(size=14, bold=True, align="center"),
    "recipients_label": dict(size=14, underline=True, align="left"),
    "letter_subject": dict(size=12, italic=True, align="center", before=6),
    "kinh_gui": dict(size=14, align="center", before=6, after=6),
    "recipients": dict(size=12, align="left"),
}
_ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
          "left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}


def _apply(paragraph, text, f):
    run = paragraph.add_run(text) if text else None
    pf = paragraph.paragraph_format
    pf.alignment = _ALIGN[f.get("align", "left")]
    pf.space_before = Pt(f.get("before", 0))
    pf.space_after = Pt(f.get("after", 0))
    if "indent" in f:
        pf.first_line_indent = Mm(f["indent"])
    if "line" in f:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(f["line"])
    elif "line_multiple" in f:
        pf.line_spacing = f["line_multiple"]
    if run is not None:
        run.font.size = Pt(f.get("size", 14))
        run.font.bold = f.get("bold", False)
        run.font.italic = f.get("italic", False)
        run.font.underline = f.get("underline", False)
        run.font.name = f.get("font", "Times New Roman")
    return paragraph


def _border_bottom(paragraph):
    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    ppr.append(bdr)


def _no_borders(table):
    tblPr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblPr.append(borders)


def _page_number(section, size=14, first_page=False):
    section.different_first_page_header_footer = not first_page
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    run.font.size = Pt(size)
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.text = text
        run._r.append(el)


def build(path, *, text=None, fmt=None, star=True, subject_rule=True, title_rule=True, issuer_rule=False,
          plain=False, margins=(20, 20, 30, 15), page_number=True, first_page_number=False, paper=(210, 297),
          can_cu=None, body=None, recipients=None, omit=(), header_distance=10, letter=None):
    """Write a Party document to ``path`` and return the path.

    ``letter="V/v …"`` writes a công văn: no tên loại, the trích yếu under the number, Kính gửi.
    """
    if letter is not None:
        text = {"number": "Số 12-CV/HU", **(text or {})}
        omit = (*omit, "doc_type", "doc_type_of", "subject", "subject_rule")
        subject_rule = False
        recipients = ["- Như trên,", *RECIPIENTS[1:]] if recipients is None else recipients
    texts = {**TEXTS, **(text or {})}
    fmts = {k: {**v, **((fmt or {}).get(k, {}))} for k, v in FORMATS.items()}
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(paper[0]), Mm(paper[1])
    if paper[0] > paper[1]:
        section.orientation = WD_ORIENT.LANDSCAPE
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = (Mm(m) for m in margins)
    section.header_distance = Mm(header_distance)
    if page_number:
        _page_number(section, first_page=first_page_number)
    doc.paragraphs[0]._p.getparent().remove(doc.paragraphs[0]._p) if doc.paragraphs else None

    def put(container, role, override_text=None):
        if role in omit:
            return None
        t = override_text if override_text is not None else texts[role]
        return _apply(container.add_paragraph(), t, fmts[role])

    _header(doc, put, plain, star, title_rule, issuer_rule, fmts, texts, omit, letter)
    if letter is not None:
        _apply(doc.add_paragraph(), "Kính gửi: Ban Thường vụ Tỉnh uỷ", fmts["kinh_gui"])
    put(doc, "doc_type")
    put(doc, "doc_type_of")
    put(doc, "subject")
    if subject_rule:
        put(doc, "subject_rule")
    for line in can_cu or []:
        _apply(doc.add_paragraph(), line, fmts["can_cu"])
    for line in body if body is not None else BODY:
        role = "heading" if line[:3] in ("I- ", "II-") else "body"
        _apply(doc.add_paragraph(), line, fmts[role])
    if "body_last" in (fmt or {}):
        _apply(doc.add_paragraph(), "Đề nghị các đồng chí thực hiện nghiêm túc.", {**fmts["body"], **fmt["body_last"]})
    _closing(doc, put, plain, fmts, texts, recipients if recipients is not None else RECIPIENTS, omit)
    doc.save(str(path))
    return path


def _header(doc, put, plain, star, title_rule, issuer_rule, fmts, texts, omit, letter=None):
    if plain:
        p = _tab_line(doc, [(r, texts[r], fmts[r]) for r in ("parent_body", "title") if r not in omit])
        if title_rule:
            _border_bottom(p)
        issuer = put(doc, "issuer")
        if issuer_rule and issuer is not None:
            _border_bottom(issuer)
        if star:
            put(doc, "star")
        _tab_line(doc, [(r, texts[r], fmts[r]) for r in ("number", "place_date") if r not in omit])
        return
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    left, right = table.rows[0].cells
    left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
    put(left, "parent_body")
    issuer = put(left, "issuer")
    if issuer_rule and issuer is not None:
        _border_bottom(issuer)
    if star:
        put(left, "star")
    put(left, "number")
    if letter is not None:
        _apply(left.add_paragraph(), letter, fmts["letter_subject"])
    title = put(right, "title")
    if title_rule and title is not None:
        _border_bottom(title)
    put(right, "place_date")
    if not left.paragraphs:
        left.add_paragraph()
    if not right.paragraphs:
        right.add_paragraph()


def _tab_line(doc, pieces):
    """One paragraph holding the pieces separated by tabs (the plain-paragraph header habit)."""
    p = _apply(doc.add_paragraph(), None, pieces[0][2] if pieces else {})
    for i, (_, text, f) in enumerate(pieces):
        if i:
            _run(p, "\t\t", f)
        _run(p, text, f)
    return p


def _run(p, text, f):
    run = p.add_run(text)
    run.font.size = Pt(f.get("size", 14))
    run.font.bold = f.get("bold", False)
    run.font.italic = f.get("italic", False)
    run.font.name = "Times New Roman"
    return run


def _closing(doc, put, plain, fmts, texts, recipients, omit):
    if plain:
        put(doc, "authority")
        put(doc, "signer_title")
        doc.add_paragraph()
        put(doc, "signer_name")
        put(doc, "recipients_label")
        for line in recipients:
            _apply(doc.add_paragraph(), line, fmts["recipients"])
        return
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
    put(left, "recipients_label")
    for line in recipients:
        _apply(left.add_paragraph(), line, fmts["recipients"])
    put(right, "authority")
    put(right, "signer_title")
    for _ in range(3):
        right.add_paragraph()
    put(right, "signer_name")
    if not left.paragraphs:
        left.add_paragraph()
