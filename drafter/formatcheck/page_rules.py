"""Page-setup rules of a .docx: paper, margins, page numbers, header distance, font and colour
(party-format.md §1)."""

from __future__ import annotations

from ..findings import Finding
from .docxlayout import DocxLayout
from .rulebook import make_finding

__all__ = ["page_rules"]

_SIDES = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}
#: Share of the visible characters a stray font or colour must reach before it is reported.
_MIN_SHARE = 0.02


def page_rules(layout: DocxLayout, profile) -> list[Finding]:
    return _paper(layout, profile) + _margins(layout, profile) + _page_number(layout, profile) + _font_colour(layout, profile)


def _paper(layout: DocxLayout, profile) -> list[Finding]:
    page, want = layout.page, profile.get("page", default={})
    w, h = page.width_mm, page.height_mm
    if w is None or h is None:
        return []
    if abs(w - want.get("width_mm", 210)) > 1.5 or abs(h - want.get("height_mm", 297)) > 1.5:
        return [make_finding("FMT001", profile, f"Khổ giấy {w:.0f} × {h:.0f} mm; văn bản của Đảng dùng khổ A4 "
                             "(210 × 297 mm), đặt dọc.", paragraph=0)]
    return []


def _margins(layout: DocxLayout, profile) -> list[Finding]:
    want = profile.get("page", "margins_mm", default={})
    accept = profile.get("page", "margins_accept_mm", default={})
    outside, differs = [], []
    for side, name in _SIDES.items():
        value = layout.page.margins_mm.get(side)
        if value is None or side not in want:
            continue
        lo, hi = accept.get(side, [want[side], want[side]])
        if not lo - 0.5 <= value <= hi + 0.5:
            outside.append(f"lề {name} {value:.1f} mm (chấp nhận {lo}-{hi} mm)")
        elif abs(value - want[side]) > 0.5:
            differs.append(f"lề {name} {value:.1f} mm (khuyến nghị {want[side]} mm)")
    out = []
    if outside:
        out.append(make_finding("FMT002", profile, "Lề trang ngoài khoảng cho phép: " + "; ".join(outside) + ".", paragraph=0))
    if differs:
        out.append(make_finding("FMT003", profile, "Lề trang khác giá trị khuyến nghị 20/20/30/15 mm: "
                                + "; ".join(differs) + ".", paragraph=0))
    return out


def _page_number(layout: DocxLayout, profile) -> list[Finding]:
    page, spec = layout.page, profile.get("page_number", default={})
    out = []
    if not page.page_field:
        out.append(make_finding("FMT004", profile, "Không có số trang (trường PAGE) ở giữa lề trên (header) từ trang 2.",
                                paragraph=0))
    elif not page.title_page or page.first_page_field:
        out.append(make_finding("FMT005", profile, "Trang đầu không đánh số trang: bật “Different First Page” "
                                "(trang đầu khác) và để trống header trang đầu.", paragraph=0))
    if page.page_field:
        problems = []
        if page.page_number_size and abs(page.page_number_size - spec.get("size", 14)) > 0.25:
            problems.append(f"cỡ chữ {page.page_number_size:g} (cần {spec.get('size', 14)})")
        if page.page_number_align and page.page_number_align != spec.get("align", "center"):
            problems.append("chưa căn giữa")
        if problems:
            out.append(make_finding("FMT006", profile, "Số trang: " + "; ".join(problems) + ".", paragraph=0))
    want = profile.get("page", "header_distance_mm", default=10)
    if page.header_distance_mm is not None and abs(page.header_distance_mm - want) > 2.5:
        out.append(make_finding("FMT007", profile, f"Số trang cách mép trên {page.header_distance_mm:.1f} mm "
                                f"(nên khoảng {want} mm).", paragraph=0))
    return out


def _font_colour(layout: DocxLayout, profile) -> list[Finding]:
    font = (profile.get("page", "font", default="Times New Roman") or "").casefold()
    fonts: dict[str, list] = {}
    colours: dict[str, list] = {}
    total = 0
    for para in layout.paragraphs:
        for seg in para.segments:
            n = sum(1 for ch in para.text[seg.start:seg.end] if not ch.isspace())
            total += n
            if seg.fmt.font and seg.fmt.font.casefold() != font and n:
                fonts.setdefault(seg.fmt.font, [0, para.index])[0] += n
            colour = (seg.fmt.color or "auto").lower()
            if colour not in ("auto", "000000") and n:
                colours.setdefault(colour, [0, para.index])[0] += n
    out = []
    stray = {k: v for k, v in fonts.items() if total and v[0] / total >= _MIN_SHARE}
    if stray:
        first = min(v[1] for v in stray.values())
        out.append(make_finding("FMT008", profile, f"Dùng phông chữ {', '.join(sorted(stray))}; văn bản của Đảng dùng "
                                f"phông {profile.get('page', 'font', default='Times New Roman')} (Unicode TCVN 6909:2001).",
                                paragraph=first))
    coloured = {k: v for k, v in colours.items() if total and v[0] / total >= _MIN_SHARE}
    if coloured:
        first = min(v[1] for v in coloured.values())
        out.append(make_finding("FMT009", profile, "Có chữ màu (" + ", ".join(f"#{c}" for c in sorted(coloured))
                                + "); văn bản in chữ màu đen.", paragraph=first))
    return out
