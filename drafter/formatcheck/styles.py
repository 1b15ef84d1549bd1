"""Effective formatting of runs and paragraphs: run → character style → paragraph style → defaults.

python-docx returns ``None`` for every inherited value, so this module walks the inheritance
chain itself at the XML level: direct formatting, the style chain (``w:basedOn``), the default
paragraph style when a paragraph names none, and ``w:docDefaults`` (``rPrDefault``/``pPrDefault``).
Values come back in points / millimetres / plain strings.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

__all__ = ["RunFormat", "ParaFormat", "StyleResolver", "TWIPS_PER_MM"]

TWIPS_PER_MM = 1440 / 25.4
_FALSE = {"0", "false", "off", "none"}


@dataclass(frozen=True)
class RunFormat:
    size: float | None  # pt
    bold: bool
    italic: bool
    underline: bool
    font: str | None
    color: str | None  # "000000", "auto" or None
    caps: bool = False  # w:caps / w:smallCaps: shown in capitals whatever the typed case


@dataclass(frozen=True)
class ParaFormat:
    align: str  # "left" | "center" | "right" | "justify"
    first_indent_mm: float  # first-line indent (negative for a hanging indent)
    left_indent_mm: float
    space_before_pt: float
    space_after_pt: float
    line_rule: str  # "auto" (multiple of single) | "exact" | "atLeast"
    line_value: float  # lines for "auto", pt otherwise


_ALIGN = {"both": "justify", "distribute": "justify", "center": "center", "right": "right",
          "end": "right", "left": "left", "start": "left", "thaiDistribute": "justify"}


def _toggle(el) -> bool | None:
    if el is None:
        return None
    return el.get(qn("w:val"), "true").lower() not in _FALSE


class StyleResolver:
    """Resolves effective formatting for one python-docx ``Document`` (or a part's styles)."""

    def __init__(self, document):
        styles_el = document.styles.element
        self._styles = {s.get(qn("w:styleId")): s for s in styles_el.findall(qn("w:style"))}
        self._default_para = next(
            (s.get(qn("w:styleId")) for s in self._styles.values()
             if s.get(qn("w:type")) == "paragraph" and (s.get(qn("w:default")) or "").lower() in ("1", "true")),
            None,
        )
        defaults = styles_el.find(qn("w:docDefaults"))
        self._rpr_default = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None else None
        self._ppr_default = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}") if defaults is not None else None
        self._theme_fonts = _theme_fonts(document)
        self._levels = _numbering_levels(document)

    # -- chains -----------------------------------------------------------------------------
    def _style_chain(self, style_id: str | None, tag: str) -> list:
        """The ``tag`` (w:rPr / w:pPr) elements of a style and its ancestors, nearest first."""
        out, seen = [], set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            el = style.find(qn(tag))
            if el is not None:
                out.append(el)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return out

    def _para_style_id(self, p_el) -> str | None:
        ppr = p_el.find(qn("w:pPr"))
        ps = ppr.find(qn("w:pStyle")) if ppr is not None else None
        return ps.get(qn("w:val")) if ps is not None else self._default_para

    def _run_chain(self, r_el, p_el) -> list:
        chain = []
        rpr = r_el.find(qn("w:rPr"))
        if rpr is not None:
            chain.append(rpr)
            rs = rpr.find(qn("w:rStyle"))
            if rs is not None:
                chain += self._style_chain(rs.get(qn("w:val")), "w:rPr")
        chain += self._style_chain(self._para_style_id(p_el), "w:rPr")
        if self._rpr_default is not None:
            chain.append(self._rpr_default)
        return chain

    def _para_chain(self, p_el) -> list:
        """Direct pPr, then the list level's pPr (numbering), the style chain and the defaults."""
        chain = []
        ppr = p_el.find(qn("w:pPr"))
        if ppr is not None:
            chain.append(ppr)
        styles = self._style_chain(self._para_style_id(p_el), "w:pPr")
        level = self._numbering_ppr(chain + styles)
        if level is not None:
            chain.append(level)
        chain += styles
        if self._ppr_default is not None:
            chain.append(self._ppr_default)
        return chain

    def _numbering_ppr(self, pprs: list):
        """The pPr of the list level a paragraph belongs to (automatic numbering), or None."""
        num_id = ilvl = None
        for ppr in pprs:
            num = ppr.find(qn("w:numPr"))
            if num is None:
                continue
            if num_id is None and num.find(qn("w:numId")) is not None:
                num_id = num.find(qn("w:numId")).get(qn("w:val"))
            if ilvl is None and num.find(qn("w:ilvl")) is not None:
                ilvl = num.find(qn("w:ilvl")).get(qn("w:val"))
        if not num_id or num_id == "0":
            return None
        return self._levels.get((num_id, ilvl or "0"))

    # -- runs -------------------------------------------------------------------------------
    def run_format(self, r_el, p_el) -> RunFormat:
        chain = self._run_chain(r_el, p_el)

        def first(tag):
            for rpr in chain:
                el = rpr.find(qn(tag))
                if el is not None:
                    return el
            return None

        sz = first("w:sz")
        size = int(sz.get(qn("w:val"))) / 2 if sz is not None and (sz.get(qn("w:val")) or "").isdigit() else None
        u = first("w:u")
        underline = u is not None and (u.get(qn("w:val")) or "single").lower() not in _FALSE
        color = first("w:color")
        caps = bool(_toggle(first("w:caps"))) or bool(_toggle(first("w:smallCaps")))
        return RunFormat(size, bool(_toggle(first("w:b"))), bool(_toggle(first("w:i"))), underline,
                         self._font(chain), color.get(qn("w:val")) if color is not None else None, caps)

    def _font(self, chain) -> str | None:
        for rpr in chain:
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                continue
            name = fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))
            if name:
                return name
            theme = fonts.get(qn("w:asciiTheme")) or fonts.get(qn("w:hAnsiTheme"))
            if theme:
                return self._theme_fonts.get("major" if theme.startswith("major") else "minor")
        return None

    # -- paragraphs -------------------------------------------------------------------------
    def para_format(self, p_el) -> ParaFormat:
        chain = self._para_chain(p_el)

        def attr(tag, name):
            for ppr in chain:
                el = ppr.find(qn(tag))
                if el is not None and el.get(qn(name)) is not None:
                    return el.get(qn(name))
            return None

        align = _ALIGN.get(attr("w:jc", "w:val") or "left", "left")
        first_line, hanging = _num(attr("w:ind", "w:firstLine")), _num(attr("w:ind", "w:hanging"))
        left = _num(attr("w:ind", "w:left")) or _num(attr("w:ind", "w:start"))
        first = -hanging if hanging else first_line
        line = _num(attr("w:spacing", "w:line"))
        rule = attr("w:spacing", "w:lineRule") or "auto"
        line_value = (line / 240 if line else 1.0) if rule == "auto" else line / 20
        return ParaFormat(align, first / TWIPS_PER_MM, left / TWIPS_PER_MM,
                          _num(attr("w:spacing", "w:before")) / 20, _num(attr("w:spacing", "w:after")) / 20,
                          rule, line_value)


def _num(value) -> float:
    try:
        return float(value) if value is not None else 0.0
    except ValueError:
        return 0.0


def _theme_fonts(document) -> dict:
    """Major/minor Latin typefaces of the document's theme ({} when there is no theme)."""
    try:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from lxml import etree

        part = document.part.part_related_by(RT.THEME)
        root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except Exception:  # no theme part, or an unreadable one: theme fonts stay unknown
        return {}
    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    out = {}
    for kind in ("major", "minor"):
        latin = root.find(f".//a:{kind}Font/a:latin", ns)
        if latin is not None and latin.get("typeface"):
            out[kind] = latin.get("typeface")
    return out


def _numbering_levels(document) -> dict:
    """``{(numId, ilvl): w:pPr}`` from the numbering part ({} when the document has none)."""
    try:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        numbering = document.part.part_related_by(RT.NUMBERING).element
    except Exception:  # no numbering part: no automatic lists
        return {}
    abstract = {}
    for node in numbering.findall(qn("w:abstractNum")):
        levels = {lvl.get(qn("w:ilvl")): lvl.find(qn("w:pPr")) for lvl in node.findall(qn("w:lvl"))}
        abstract[node.get(qn("w:abstractNumId"))] = levels
    out = {}
    for num in numbering.findall(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        levels = abstract.get(ref.get(qn("w:val")) if ref is not None else None, {})
        for ilvl, ppr in levels.items():
            if ppr is not None:
                out[(num.get(qn("w:numId")), ilvl)] = ppr
    return out
