"""Formatting inherited from styles and document defaults is what the checker judges (python-docx
returns None for inherited values; drafter.formatcheck.styles resolves the chain)."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from drafter.formatcheck import check_docx
from drafter.formatcheck.docx_check import docx_elements

from .party_docx import BODY, build


def _body_runs(document):
    return [r for p in document.paragraphs if p.text in BODY for r in p.runs]


def _set_default_size(document, half_points: int):
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    for sz in rpr.findall(qn("w:sz")):
        rpr.remove(sz)
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(half_points))
    rpr.append(sz)


@pytest.mark.parametrize("style_size,default_half_points,expect", [
    (14, None, False),  # Normal style says 14: fine
    (12, None, True),  # Normal style says 12: too small
    (None, 28, False),  # docDefaults say 14
    (None, 26, True),  # docDefaults say 13
])
def test_body_size_comes_from_style_chain(tmp_path, style_size, default_half_points, expect):
    path = build(tmp_path / "doc.docx")
    document = docx.Document(str(path))
    for run in _body_runs(document):
        run.font.size = None
    normal = document.styles["Normal"]
    normal.font.size = Pt(style_size) if style_size else None
    if default_half_points:
        _set_default_size(document, default_half_points)
    document.save(str(path))
    codes = {f.code for f in check_docx(path)}
    assert ("FMT050" in codes) is expect


def test_bold_from_a_character_style(tmp_path):
    path = build(tmp_path / "doc.docx", fmt={"title": {"bold": False}})
    document = docx.Document(str(path))
    strong = document.styles["Strong"] if "Strong" in [s.name for s in document.styles] else None
    if strong is None:
        pytest.skip("template has no Strong style")
    for run in document.tables[0].rows[0].cells[1].paragraphs[0].runs:  # the title
        run.font.bold = None  # direct formatting would override the style
        run.style = strong
    document.save(str(path))
    assert "FMT012" not in {f.code for f in check_docx(path)}


def test_all_caps_formatting_counts_as_uppercase(tmp_path):
    path = build(tmp_path / "doc.docx", text={"title": "Đảng Cộng sản Việt Nam"})
    assert "FMT012" in {f.code for f in check_docx(path)}
    document = docx.Document(str(path))
    for p in document.tables[0].rows[0].cells[1].paragraphs:
        for run in p.runs:
            run.font.all_caps = True
    document.save(str(path))
    codes = {f.code for f in check_docx(path)}
    assert "FMT012" not in codes and "FMT010" not in codes
    elements, _ = docx_elements(path)
    assert elements.first("title") is not None


def test_typed_rule_under_title_is_accepted(tmp_path):
    path = build(tmp_path / "doc.docx", title_rule=False)
    assert "FMT013" in {f.code for f in check_docx(path)}
    document = docx.Document(str(path))
    cell = document.tables[0].rows[0].cells[1]
    title = cell.paragraphs[0]
    rule = OxmlElement("w:p")
    title._p.addnext(rule)
    docx.text.paragraph.Paragraph(rule, cell).add_run("________________")
    document.save(str(path))
    assert "FMT013" not in {f.code for f in check_docx(path)}


def _add_list(document, first_line_twips: int) -> str:
    """A numbering definition whose level 0 indents the first line by ``first_line_twips``."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    numbering = document.part.part_related_by(RT.NUMBERING).element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    ppr = OxmlElement("w:pPr")
    ind = OxmlElement("w:ind")
    ind.set(qn("w:firstLine"), str(first_line_twips))
    ppr.append(ind)
    lvl.append(ppr)
    abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return "90"


@pytest.mark.parametrize("first_line,expect", [(567, False), (0, True)])
def test_indent_from_list_numbering(tmp_path, first_line, expect):
    path = build(tmp_path / "doc.docx")
    document = docx.Document(str(path))
    num_id = _add_list(document, first_line)
    for p in document.paragraphs:
        if p.text in BODY:
            p.paragraph_format.first_line_indent = None
            num_pr = OxmlElement("w:numPr")
            for tag, value in (("w:ilvl", "0"), ("w:numId", num_id)):
                el = OxmlElement(tag)
                el.set(qn("w:val"), value)
                num_pr.append(el)
            p._p.get_or_add_pPr().append(num_pr)
    document.save(str(path))
    assert ("FMT052" in {f.code for f in check_docx(path)}) is expect


def test_rule_drawn_as_a_cell_border(tmp_path):
    path = build(tmp_path / "doc.docx", title_rule=False)
    document = docx.Document(str(path))
    title_cell = document.tables[0].rows[0].cells[1]
    inner = title_cell.add_table(rows=1, cols=1)
    tc_pr = inner.rows[0].cells[0]._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    borders.append(bottom)
    tc_pr.append(borders)
    document.save(str(path))
    assert "FMT013" not in {f.code for f in check_docx(path)}
