"""The raw WordprocessingML the exporter needs and python-docx has no API for (design.md rule 9).

Only here: the four-slot font (ascii/hAnsi/cs/eastAsia), borders (none on tables and cells, a
rule under a paragraph, a box around a run), the PAGE field, and real Word footnotes (the
footnotes part, its relationship, the separator notes and ``w:footnoteReference`` runs).
"""

from __future__ import annotations

from copy import deepcopy

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml import OxmlElement

__all__ = ["set_fonts", "set_doc_defaults", "set_mirror_margins", "keep_row_together", "set_cell_margins", "remove_table_borders", "add_bottom_border", "add_run_box", "add_page_field",
           "Footnotes"]

_BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def set_fonts(rpr_owner, font: str) -> None:
    """Set ``font`` on all four slots of ``w:rFonts`` of a run or style element."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), font)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font would win over the named one


def set_doc_defaults(document, font: str, size_pt: float, lang: str) -> None:
    """Document defaults (``w:docDefaults``): the font on all slots instead of the template's theme
    fonts, the body size, the language, and no spacing after paragraphs."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is not None:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme), None)
        for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(slot), font)
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))
            if el is not None:
                el.set(qn("w:val"), str(int(round(size_pt * 2))))
        lang_el = rpr.find(qn("w:lang"))
        if lang_el is not None:
            lang_el.set(qn("w:val"), lang)
    spacing = defaults.find(qn("w:pPrDefault") + "/" + qn("w:pPr") + "/" + qn("w:spacing"))
    if spacing is not None:
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "240")


def _none_borders(tag: str, sides: tuple[str, ...]):
    element = OxmlElement(tag)
    for side in sides:
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        element.append(edge)
    return element


def remove_table_borders(table) -> None:
    """No borders on the table and on each of its cells (the header and closing tables)."""
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = _none_borders("w:tblBorders", _BORDER_SIDES)
    anchor = tbl_pr.find(qn("w:tblLayout"))  # tblBorders precedes tblLayout in CT_TblPr
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        tbl_pr.append(borders)
    for row in table.rows:
        for cell in row.cells:
            tc_pr = cell._tc.get_or_add_tcPr()
            old = tc_pr.find(qn("w:tcBorders"))
            if old is not None:
                tc_pr.remove(old)
            tc_borders = _none_borders("w:tcBorders", ("top", "left", "bottom", "right"))
            width = tc_pr.find(qn("w:tcW"))
            (width.addnext if width is not None else tc_pr.append)(tc_borders)


def set_mirror_margins(document) -> None:
    """``w:mirrorMargins``: left/right margins swap on back pages (duplex printing, §1)."""
    settings = document.settings.element
    if settings.find(qn("w:mirrorMargins")) is not None:
        return
    mirror = OxmlElement("w:mirrorMargins")
    zoom = settings.find(qn("w:zoom"))  # mirrorMargins follows view/zoom and precedes proofState
    if zoom is not None:
        zoom.addnext(mirror)
    else:
        settings.insert(0, mirror)


def set_cell_margins(table, left_twips: int, right_twips: int) -> None:
    """Default left/right cell margins of ``table`` (``w:tblCellMar``), so a cell's text can use
    its full width (long issuing-body names in the header)."""
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblCellMar"))
    if old is not None:
        tbl_pr.remove(old)
    margins = OxmlElement("w:tblCellMar")
    for side, value in (("left", left_twips), ("right", right_twips)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(value))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    tbl_pr.append(margins)  # tblCellMar is among the last children of CT_TblPr (before tblLook)
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)


def keep_row_together(row) -> None:
    """``w:cantSplit``: the closing block (Nơi nhận and signature) never breaks across pages."""
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.insert(0, OxmlElement("w:cantSplit"))


def add_bottom_border(paragraph, size_eighths: int, space_pt: int = 1, color: str = "000000") -> None:
    """A solid rule under ``paragraph`` spanning its indented width (the rule under the title)."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", str(size_eighths)), ("space", str(space_pt)), ("color", color)):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    # pBdr sits after keepNext/keepLines/pageBreakBefore/framePr/widowControl/numPr/suppressLineNumbers
    anchor = None
    for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"):
        anchor = p_pr.find(qn(tag))
        if anchor is not None:
            break
    (anchor.addprevious if anchor is not None else p_pr.append)(borders)


def add_run_box(run, size_eighths: int = 6) -> None:
    """A single-line box around the text of ``run`` (typed mật/khẩn marks)."""
    rpr = run._r.get_or_add_rPr()
    box = OxmlElement("w:bdr")
    for key, value in (("val", "single"), ("sz", str(size_eighths)), ("space", "1"), ("color", "000000")):
        box.set(qn(f"w:{key}"), value)
    rpr.append(box)


def add_page_field(run) -> None:
    """Make ``run`` a PAGE field (begin, instruction, separate, placeholder, end)."""
    r = run._r
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            r.append(char)
        elif text.strip() == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            r.append(t)


_FOOTNOTES_XML = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    "</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


class Footnotes:
    """Collects footnotes while the body is written; :meth:`attach` adds the part once at the end."""

    def __init__(self, document, text_style: str = "FootnoteText", ref_style: str = "FootnoteReference"):
        self.document = document
        self.root = parse_xml(_FOOTNOTES_XML)
        self.text_style, self.ref_style = text_style, ref_style
        self.count = 0

    def _ref_run(self, mark: str):
        run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), self.ref_style)
        rpr.append(style)
        run.append(rpr)
        run.append(OxmlElement(mark))
        return run

    def add(self, paragraph, note_paragraph) -> int:
        """Add a footnote whose text is ``note_paragraph`` (a python-docx paragraph built elsewhere,
        then moved here) and put its reference mark at the end of ``paragraph``. Returns its id."""
        self.count += 1
        note_id = self.count
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(note_id))
        p = note_paragraph._p
        p.getparent().remove(p)
        p_pr = p.get_or_add_pPr()
        if p_pr.find(qn("w:pStyle")) is None:
            style = OxmlElement("w:pStyle")
            style.set(qn("w:val"), self.text_style)
            p_pr.insert(0, style)
        p_pr.addnext(self._ref_run("w:footnoteRef"))
        note.append(p)
        self.root.append(note)
        ref = self._ref_run("w:footnoteReference")
        ref[-1].set(qn("w:id"), str(note_id))
        paragraph._p.append(ref)
        return note_id

    def attach(self) -> None:
        """Create ``word/footnotes.xml``, relate it to the document and declare the separators."""
        if not self.count:
            return
        from lxml import etree

        doc_part = self.document.part
        blob = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, doc_part.package)
        doc_part.relate_to(part, RT.FOOTNOTES)
        settings = self.document.settings.element
        if settings.find(qn("w:footnotePr")) is None:
            pr = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
            compat = settings.find(qn("w:compat"))
            (compat.addprevious if compat is not None else settings.append)(deepcopy(pr))
