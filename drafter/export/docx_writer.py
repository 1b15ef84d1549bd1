"""Write a :class:`RenderedDocument` as a .docx laid out by a layout profile (party-format.md).

Every size, margin, indent and style comes from the profile (``resources/profiles/*.json``); this
module only places things. It speaks python-docx's public API; the few raw-XML pieces (fonts on
all slots, borders, the PAGE field, footnotes) live in :mod:`.ooxml`.
"""

from __future__ import annotations

import os
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Mm, Pt, RGBColor

from ..drafting.rendered import RenderedBlock, RenderedDocument, Run
from .ooxml import (Footnotes, add_bottom_border, add_page_field, add_run_box, keep_row_together,
                    remove_table_borders, set_cell_margins, set_doc_defaults, set_fonts, set_mirror_margins)
from .output import save_document
from .profile import Profile, load_profile

__all__ = ["export_docx", "build_document"]

_ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
#: Word's default left/right cell margin (0.19 cm) — text in a cell is this much narrower per side.
_CELL_MARGIN_MM = 1.905


class _Writer:
    def __init__(self, profile: Profile):
        self.profile = profile
        self.document = Document()
        self.font = profile.page["font"]
        self.color = RGBColor.from_string(profile.page.get("color", "000000"))
        self.footnotes = Footnotes(self.document)
        self.notes_written: set[int] = set()

    # -- page and styles -------------------------------------------------------------------
    def text_width_mm(self) -> float:
        page = self.profile.page
        return page["width_mm"] - page["margins_mm"]["left"] - page["margins_mm"]["right"]

    def setup_page(self) -> None:
        page = self.profile.page
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT if page.get("orientation") != "landscape" else WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(page["width_mm"]), Mm(page["height_mm"])
        margins = page["margins_mm"]
        section.top_margin, section.bottom_margin = Mm(margins["top"]), Mm(margins["bottom"])
        section.left_margin, section.right_margin = Mm(margins["left"]), Mm(margins["right"])
        section.header_distance = Mm(page["header_distance_mm"])
        section.footer_distance = Mm(page.get("footer_distance_mm", page["header_distance_mm"]))
        if page.get("mirror_margins"):
            set_mirror_margins(self.document)

    def setup_styles(self) -> None:
        body = self.profile.element("body")
        set_doc_defaults(self.document, self.font, body["size"], self.profile.page.get("language", "vi-VN"))
        normal = self.document.styles["Normal"]
        normal.font.name, normal.font.size, normal.font.color.rgb = self.font, Pt(body["size"]), self.color
        set_fonts(normal.element, self.font)
        fmt = normal.paragraph_format
        fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0
        note = self.profile.element("footnote")
        text = self.document.styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
        text.base_style = normal
        text.font.size = Pt(note["size"])
        text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        ref = self.document.styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        ref.font.superscript = True
        self.footnotes.text_style, self.footnotes.ref_style = text.style_id, ref.style_id
        self.note_style = text

    # -- paragraphs and runs ---------------------------------------------------------------
    def style_paragraph(self, paragraph, rules: dict, compact: bool = True) -> None:
        fmt = paragraph.paragraph_format
        align = rules.get("align", "left")
        fmt.alignment = _ALIGN[align[0] if isinstance(align, list) else align]
        if compact:
            fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0
        if rules.get("space_before_pt") is not None and compact:
            fmt.space_before = Pt(rules["space_before_pt"])
        if rules.get("space_after_pt") is not None and compact:
            fmt.space_after = Pt(rules["space_after_pt"])

    def add_run(self, paragraph, text: str, rules: dict, bold=None, italic=None, underline=None):
        """A run with the font on all slots and an explicit size; bold/italic/underline written only
        when on (off is the style default), which keeps a 5-page export well under 150 ms."""
        run = paragraph.add_run(text)
        set_fonts(run._r, self.font)
        run.font.size = Pt(rules["size"])
        if rules.get("bold", False) if bold is None else bold:
            run.font.bold = True
        if rules.get("italic", False) if italic is None else italic:
            run.font.italic = True
        if underline if underline is not None else rules.get("underline"):
            run.font.underline = True
        return run

    def line(self, container, text: str, element: str, **fmt):
        rules = self.profile.element(element)
        paragraph = container.add_paragraph()
        self.style_paragraph(paragraph, rules)
        if text:
            self.add_run(paragraph, text, rules, **fmt)
        return paragraph

    def lines(self, container, texts: tuple[str, ...], element: str):
        """One paragraph holding ``texts`` separated by line breaks (a long name kept whole)."""
        rules = self.profile.element(element)
        paragraph = self.line(container, "", element)
        for i, text in enumerate(texts):
            run = self.add_run(paragraph, text, rules)
            if i < len(texts) - 1:
                run.add_break()
        return paragraph

    # -- header table ------------------------------------------------------------------------
    def table(self, left_pct: float, right_pct: float, cell_margin_mm: float | None = None):
        width = self.text_width_mm()
        table = self.document.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        widths = (Mm(width * left_pct / 100), Mm(width * right_pct / 100))
        for column, w in zip(table.columns, widths):
            column.width = w
        for cell, w in zip(table.rows[0].cells, widths):
            cell.width = w
        remove_table_borders(table)
        if cell_margin_mm is not None:
            twips = Mm(cell_margin_mm).twips
            set_cell_margins(table, twips, twips)
        return table

    def header_table(self, doc: RenderedDocument) -> None:
        layout = self.profile.data["header_table"]
        self.header_cell_margin = layout.get("cell_margin_mm", _CELL_MARGIN_MM)
        table = self.table(layout["left_width_pct"], layout["right_width_pct"], self.header_cell_margin)
        left, right = table.rows[0].cells
        left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
        right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
        head = doc.header
        if head.parent_body_lines:
            self.lines(left, head.parent_body_lines, "parent_body")
        if head.issuer_lines:
            self.lines(left, head.issuer_lines, "issuer")
        self.line(left, head.star, "star")
        self.line(left, head.number_line, "number")
        for mark, element in ((head.secrecy, "secrecy_mark"), (head.urgency, "urgency_mark")):
            if mark:
                paragraph = self.line(left, "", element)  # space_before_pt from the profile
                run = self.add_run(paragraph, mark, self.profile.element(element))
                if self.profile.element(element).get("box"):
                    add_run_box(run)
        self.title_with_rule(right, head.title, right_pct=layout["right_width_pct"])
        self.line(right, head.place_date, "place_date")

    def title_with_rule(self, cell, title: str, right_pct: float) -> None:
        rules = self.profile.element("title")
        paragraph = self.line(cell, title, "title")
        if rules.get("rule_below"):
            cell_text = self.text_width_mm() * right_pct / 100 - 2 * self.header_cell_margin
            indent = max(0.0, (cell_text - rules["rule_width_mm"]) / 2)
            paragraph.paragraph_format.left_indent = Mm(indent)
            paragraph.paragraph_format.right_indent = Mm(indent)
            add_bottom_border(paragraph, int(rules.get("rule_weight_pt", 0.75) * 8), 1,
                              self.profile.page.get("color", "000000"))

    # -- title block, body, closing ------------------------------------------------------------
    def title_block(self, doc: RenderedDocument) -> None:
        self.line(self.document, doc.doc_type, "doc_type")
        for line in doc.doc_type_of:
            self.line(self.document, line, "doc_type_of")
        if doc.subject_lines:
            self.lines(self.document, doc.subject_lines, "subject")
        self.line(self.document, doc.subject_rule, "subject_rule")

    def body_paragraph(self, element: str):
        rules = self.profile.element(element)
        body = self.profile.element("body")
        paragraph = self.document.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.alignment = _ALIGN[rules.get("align", body["align"])]
        fmt.first_line_indent = Mm(rules.get("first_line_indent_mm", body["first_line_indent_mm"]))
        fmt.space_before, fmt.space_after = Pt(body["space_before_pt"]), Pt(body["space_after_pt"])
        if body.get("line_rule") == "exact":
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(body["line_spacing_pt"])
        return paragraph, rules

    def runs(self, paragraph, runs: tuple[Run, ...], rules: dict, doc: RenderedDocument) -> None:
        """Write ``runs``; neighbours with the same formatting become one Word run (fewer XML
        elements: a citation between two plain texts is one run, not three)."""
        pending, style = "", (False, False)
        for run in runs:
            current = (rules.get("bold", False) or run.bold, rules.get("italic", False) or run.italic)
            if run.footnote is None and (current == style or not pending):
                pending, style = pending + run.text, current
                continue
            if pending:
                self.add_run(paragraph, pending, rules, bold=style[0], italic=style[1])
            pending, style = ("", style) if run.footnote is not None else (run.text, current)
            if run.footnote is not None:
                self.footnote(paragraph, run.footnote, doc)
        if pending:
            self.add_run(paragraph, pending, rules, bold=style[0], italic=style[1])

    def block(self, block: RenderedBlock, doc: RenderedDocument) -> None:
        element = "body"
        if block.kind == "heading":
            element = {1: "heading_roman", 2: "heading_arabic"}.get(block.level, "heading_letter")
        paragraph, rules = self.body_paragraph(element)
        if block.kind == "heading":
            paragraph.paragraph_format.keep_with_next = True  # never a heading alone at a page foot
        self.runs(paragraph, block.runs, rules, doc)

    def footnote(self, paragraph, number: int, doc: RenderedDocument) -> None:
        if number in self.notes_written or number > len(doc.footnotes):
            return
        self.notes_written.add(number)
        rules = {**self.profile.element("footnote"), "bold": False, "italic": False}
        note = self.document.add_paragraph(style=self.note_style)
        self.add_run(note, " ", rules)
        for run in doc.footnotes[number - 1].runs:
            if run.text:
                self.add_run(note, run.text, rules, bold=run.bold, italic=run.italic)
        self.footnotes.add(paragraph, note)

    def closing(self, doc: RenderedDocument) -> None:
        layout = self.profile.data.get("closing_table", {"left_width_pct": 50, "right_width_pct": 50})
        table = self.table(layout["left_width_pct"], layout["right_width_pct"], layout.get("cell_margin_mm"))
        keep_row_together(table.rows[0])
        left, right = table.rows[0].cells
        gap = Pt(layout.get("space_before_pt", 12))
        label = left.paragraphs[0]
        rules = self.profile.element("recipients_label")
        self.style_paragraph(label, rules)
        label.paragraph_format.space_before = gap
        text = doc.recipients_label
        self.add_run(label, text.rstrip(":"), rules)
        if text.endswith(":"):
            self.add_run(label, ":", rules, underline=False)
        for line in doc.recipients:
            self.line(left, line, "recipients")
        self.signature(right, doc, gap)

    def signature(self, cell, doc: RenderedDocument, gap) -> None:
        sig = doc.signature
        first = cell.paragraphs[0]
        lines = [(sig.authority_line, "authority"), (sig.title_line, "signer_title")]
        lines = [(t, e) for t, e in lines if t]
        for i, (text, element) in enumerate(lines):
            paragraph = first if i == 0 else cell.add_paragraph()
            self.style_paragraph(paragraph, self.profile.element(element))
            self.add_run(paragraph, text, self.profile.element(element))
        first.paragraph_format.space_before = gap
        for _ in range(int(self.profile.data["elements"].get("signature_space_lines", 4))):
            self.line(cell, "", "signer_name")
        self.line(cell, sig.name, "signer_name")

    def page_numbers(self) -> None:
        rules = self.profile.data["page_number"]
        section = self.document.sections[0]
        if not rules.get("first_page", False):
            section.different_first_page_header_footer = True
            section.first_page_header.is_linked_to_previous = False
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        paragraph.alignment = _ALIGN[rules.get("align", "center")]
        add_page_field(self.add_run(paragraph, "", {"size": rules["size"]}))


def build_document(rendered: RenderedDocument, profile: Profile | None = None):
    """The python-docx Document for ``rendered`` (not saved)."""
    writer = _Writer(profile or load_profile())
    writer.setup_page()
    writer.setup_styles()
    if rendered.header.draft_marker:
        writer.line(writer.document, rendered.header.draft_marker, "draft_marker")
    writer.header_table(rendered)
    writer.title_block(rendered)
    for block in rendered.blocks:
        writer.block(block, rendered)
    writer.closing(rendered)
    writer.page_numbers()
    writer.footnotes.attach()
    props = writer.document.core_properties
    props.title = " ".join([rendered.doc_type, *rendered.doc_type_of, rendered.header.number_line]).strip()[:255]
    props.subject = " ".join(rendered.subject_lines)[:255]  # core properties hold at most 255 characters
    props.author, props.language = "Drafter", writer.profile.page.get("language", "vi-VN")
    return writer.document


def export_docx(rendered: RenderedDocument, path: str | os.PathLike, profile: Profile | None = None) -> Path:
    """Write ``rendered`` to ``path`` (atomically; never over a file open in Word)."""
    return save_document(build_document(rendered, profile), Path(path))
