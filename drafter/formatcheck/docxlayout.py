"""A .docx read for layout checking: paragraphs in reading order with effective formatting.

Paragraph order and texts are exactly those of :func:`drafter.reading.read_document` (body
paragraphs, table cells row by row, content controls), so offsets agree with what ``cite`` and
``check`` report. Each paragraph keeps its runs' effective formatting as character segments, its
paragraph formatting, where it sits (top-level table, row, column) and whether it carries a drawn
line (a shape, a VML line or a paragraph border).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from docx.oxml.ns import qn

from ..reading import paragraph_text
from .styles import ParaFormat, RunFormat, StyleResolver

__all__ = ["Segment", "DocxParagraph", "PageSetup", "DocxLayout", "read_layout", "format_over"]


@dataclass(frozen=True)
class Segment:
    start: int  # offsets inside the paragraph text
    end: int
    fmt: RunFormat


@dataclass(frozen=True)
class DocxParagraph:
    index: int
    text: str
    segments: tuple[Segment, ...]
    para: ParaFormat
    table: int | None  # ordinal of the top-level table holding it, None in the body flow
    row: int | None
    col: int | None
    has_line: bool  # a drawing, VML shape or border that draws a rule


@dataclass(frozen=True)
class PageSetup:
    width_mm: float | None
    height_mm: float | None
    orientation: str
    margins_mm: dict  # top/bottom/left/right, None when unset
    header_distance_mm: float | None
    title_page: bool  # w:titlePg: a different first-page header
    page_field: bool  # a PAGE field in the default header
    first_page_field: bool  # a PAGE field in the first-page header
    page_number_size: float | None
    page_number_align: str | None


@dataclass(frozen=True)
class DocxLayout:
    paragraphs: tuple[DocxParagraph, ...]
    page: PageSetup


_LINE_TAGS = (qn("w:drawing"), qn("w:pict"), "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent")


def _has_line(p_el) -> bool:
    for tag in _LINE_TAGS:
        if p_el.find(f".//{tag}") is not None:
            return True
    ppr = p_el.find(qn("w:pPr"))
    bdr = ppr.find(qn("w:pBdr")) if ppr is not None else None
    if bdr is not None:
        for side in ("w:top", "w:bottom"):
            el = bdr.find(qn(side))
            if el is not None and (el.get(qn("w:val")) or "none") not in ("none", "nil"):
                return True
    return False


def _cell_bottom_border(tc) -> bool:
    el = tc.find(f"{qn('w:tcPr')}/{qn('w:tcBorders')}/{qn('w:bottom')}")
    return el is not None and (el.get(qn("w:val")) or "none") not in ("none", "nil")


def _segments(p_el, resolver: StyleResolver) -> tuple[Segment, ...]:
    """Character segments with run formatting, built the way reading.paragraph_text reads text."""
    t_tag, tab_tag, br_tag, r_tag = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:r")
    out, pos, fmts = [], 0, {}
    for node in p_el.iter(t_tag, tab_tag, br_tag):
        run = node.getparent()
        if run.tag != r_tag:
            continue
        length = len(node.text or "") if node.tag == t_tag else 1
        if not length:
            continue
        fmt = fmts.get(run)
        if fmt is None:
            fmt = fmts[run] = resolver.run_format(run, p_el)
        out.append(Segment(pos, pos + length, fmt))
        pos += length
    return tuple(out)


def _walk(element, resolver, out: list, where: tuple) -> None:
    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            out.append(DocxParagraph(len(out), paragraph_text(child), _segments(child, resolver),
                                     resolver.para_format(child), *where, _has_line(child)))
        elif child.tag == qn("w:tbl"):
            tindex = where[0] if where[0] is not None else _next_table(out)
            for r, row in enumerate(child.iterchildren(qn("w:tr"))):
                for c, cell in enumerate(row.iterchildren(qn("w:tc"))):
                    inner = (tindex, r, c) if where[0] is None else where
                    first = len(out)
                    _walk(cell, resolver, out, inner)
                    if first < len(out) and _cell_bottom_border(cell):  # a rule drawn as a cell border
                        out[-1] = dataclasses.replace(out[-1], has_line=True)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                _walk(content, resolver, out, where)


def _next_table(out: list) -> int:
    seen = {p.table for p in out if p.table is not None}
    return max(seen) + 1 if seen else 0


def _mm(length) -> float | None:
    return None if length is None else length / 36000  # EMU → mm


def _has_page_field(header) -> bool:
    el = header._element
    for fld in el.iter(qn("w:fldSimple")):
        if "PAGE" in (fld.get(qn("w:instr")) or "").upper().split():
            return True
    return any("PAGE" in (t.text or "").upper().split() for t in el.iter(qn("w:instrText")))


def _page_number_format(header, resolver) -> tuple[float | None, str | None]:
    for p in header.paragraphs:
        el = p._element
        if el.find(f".//{qn('w:fldSimple')}") is None and el.find(f".//{qn('w:instrText')}") is None:
            continue
        runs = [r for r in el.iter(qn("w:r"))]
        size = next((f.size for f in (resolver.run_format(r, el) for r in runs) if f.size), None)
        return size, resolver.para_format(el).align
    return None, None


def _page_setup(document, resolver) -> PageSetup:
    section = document.sections[0]
    sect = section._sectPr
    margins = {k: _mm(getattr(section, f"{k}_margin")) for k in ("top", "bottom", "left", "right")}
    title_pg = sect.find(qn("w:titlePg")) is not None and _toggle_on(sect.find(qn("w:titlePg")))
    header = section.header
    page_field = not header.is_linked_to_previous and _has_page_field(header)
    first = section.first_page_header
    first_field = title_pg and not first.is_linked_to_previous and _has_page_field(first)
    size, align = _page_number_format(header, resolver) if page_field else (None, None)
    orient = "landscape" if (section.page_width or 0) > (section.page_height or 0) else "portrait"
    return PageSetup(_mm(section.page_width), _mm(section.page_height), orient, margins,
                     _mm(section.header_distance), bool(title_pg), page_field, bool(first_field), size, align)


def _toggle_on(el) -> bool:
    return (el.get(qn("w:val")) or "true").lower() not in ("0", "false", "off")


def read_layout(document) -> DocxLayout:
    """The layout of an opened python-docx ``Document``."""
    resolver = StyleResolver(document)
    out: list[DocxParagraph] = []
    _walk(document.element.body, resolver, out, (None, None, None))
    return DocxLayout(tuple(out), _page_setup(document, resolver))


def format_over(paragraph: DocxParagraph, lo: int, hi: int) -> dict:
    """Majority formatting of the non-space characters in ``[lo, hi)`` of a paragraph.

    Returns ``{"size", "bold", "italic", "underline", "font", "color"}``; a value is None when
    the range has no visible characters.
    """
    votes: dict[str, dict] = {k: {} for k in ("size", "bold", "italic", "underline", "font", "color")}
    text = paragraph.text
    for seg in paragraph.segments:
        a, b = max(seg.start, lo), min(seg.end, hi)
        weight = sum(1 for ch in text[a:b] if not ch.isspace())
        if weight <= 0:
            continue
        for key in votes:
            value = getattr(seg.fmt, key)
            votes[key][value] = votes[key].get(value, 0) + weight
    return {k: (max(v.items(), key=lambda kv: kv[1])[0] if v else None) for k, v in votes.items()}
