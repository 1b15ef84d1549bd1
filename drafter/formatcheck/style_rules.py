"""Formatting rules of each element in a .docx: size, bold, italic, underline, alignment, body
indents and spacing, drawn rules (party-format.md §3, values from the layout profile)."""

from __future__ import annotations

from ..findings import Finding
from .docxlayout import DocxLayout, DocxParagraph, format_over
from .elements import Elements
from .lines import Line, is_upper_text
from .patterns import DASH_LINE_RE, PART_LABEL_RE
from .rulebook import make_finding

__all__ = ["style_rules", "ELEMENT_NAMES"]

#: Vietnamese names of the elements, for messages.
ELEMENT_NAMES = {
    "title": "Tiêu đề", "parent_body": "Tên cơ quan cấp trên", "issuer": "Tên cơ quan ban hành",
    "star": "Dấu *", "number": "Số và ký hiệu", "place_date": "Địa danh, ngày tháng năm",
    "doc_type": "Tên loại văn bản", "doc_type_of": "Dòng “CỦA …” dưới tên loại", "subject": "Trích yếu",
    "subject_rule": "Dòng -----", "letter_subject": "Trích yếu công văn", "authority": "Quyền hạn người ký",
    "signer_title": "Chức vụ người ký", "signer_name": "Họ tên người ký", "recipients_label": "Chữ “Nơi nhận”",
    "recipients": "Danh sách nơi nhận", "heading_roman": "Đề mục La Mã", "heading_arabic": "Đề mục số",
    "body": "Đoạn nội dung", "kinh_gui": "Dòng “Kính gửi”",
}
#: The format rule code of each element.
FORMAT_CODES = {
    "title": "FMT012", "parent_body": "FMT014", "issuer": "FMT016", "star": "FMT019", "number": "FMT024",
    "place_date": "FMT033", "doc_type": "FMT042", "doc_type_of": "FMT043", "subject": "FMT046",
    "letter_subject": "FMT047", "authority": "FMT063", "signer_title": "FMT064", "signer_name": "FMT065",
    "recipients_label": "FMT071", "recipients": "FMT073", "heading_roman": "FMT057", "kinh_gui": "FMT079",
}
_ALIGN_NAMES = {"left": "căn trái", "center": "căn giữa", "right": "căn phải", "justify": "dàn đều hai lề"}
#: Body-rule findings beyond this many paragraphs are merged into one.
_MAX_PER_RULE = 3


def style_rules(el: Elements, layout: DocxLayout, profile) -> list[Finding]:
    out: list[Finding] = []
    paras = layout.paragraphs
    for role, code in FORMAT_CODES.items():
        spec = profile.get("elements", role, default=None)
        if not spec:
            continue
        aligned: set[int] = set()
        for line in el.all(role):
            found = _element_format(role, code, line, paras[line.para], spec, profile)
            if line.para in aligned:  # alignment is the paragraph's: report it once per paragraph
                found = [f for f in found if f.code != "FMT091"]
            aligned.add(line.para)
            out += found
    out += _body_rules(el, paras, profile)
    out += _drawn_rules(el, paras, profile)
    return out


def _size_problem(size, spec) -> str | None:
    if size is None:
        return None
    lo, hi = spec.get("size_accept", [spec["size"], spec["size"]]) if "size" in spec else (None, None)
    if lo is None or lo - 0.25 <= size <= hi + 0.25:
        return None
    want = f"{lo:g}" if lo == hi else f"{lo:g}-{hi:g}"
    return f"cỡ chữ {size:g} (cần {want})"


def _style_problems(fmt: dict, spec: dict) -> list[str]:
    out = []
    size = _size_problem(fmt["size"], spec)
    if size:
        out.append(size)
    for key, yes, no in (("bold", "in đậm", "không in đậm"), ("italic", "in nghiêng", "không in nghiêng"),
                         ("underline", "gạch chân", "không gạch chân")):
        if key in spec and fmt[key] is not None and bool(fmt[key]) != bool(spec[key]):
            out.append(f"đang {yes if fmt[key] else no} (cần {yes if spec[key] else no})")
    return out


def _element_format(role, code, line: Line, para: DocxParagraph, spec: dict, profile) -> list[Finding]:
    fmt = format_over(para, line.lo, line.hi)
    if role == "recipients_label":  # the colon may stay plain: judge the words only
        fmt = format_over(para, line.lo, line.lo + len(line.raw.rstrip(": ")))
    problems = _style_problems(fmt, spec)
    if spec.get("case") == "upper" and role in ("authority", "signer_title", "doc_type_of") and not is_upper_text(line.clean):
        problems.append("chưa viết IN HOA")
    out = []
    name = ELEMENT_NAMES.get(role, role)
    if problems:
        out.append(make_finding(code, profile, f"{name}: " + "; ".join(problems) + ".", line, element=role))
    align = _align_problem(line, para, spec)
    if align:
        out.append(make_finding("FMT091", profile, f"{name}: {align}.", line, element=role, key="align_confidence"))
    return out


def _align_problem(line: Line, para: DocxParagraph, spec: dict) -> str | None:
    want = spec.get("align")
    if not want or line.lo > 0 and "\t" in para.text[: line.lo] or "\t" in para.text[line.hi:]:
        return None  # tab-laid-out headers: the paragraph alignment says nothing about this piece
    shown = [want] if isinstance(want, str) else list(want)
    accepted = shown + (["justify"] if "left" in shown else [])
    if para.para.align in accepted:
        return None
    names = " hoặc ".join(_ALIGN_NAMES.get(w, w) for w in shown)
    return f"đang {_ALIGN_NAMES.get(para.para.align, para.para.align)} (cần {names})"


def _body_rules(el: Elements, paras, profile) -> list[Finding]:
    spec = profile.get("elements", "body", default={})
    hits: dict[str, list[tuple[Line, str]]] = {}
    seen: set[int] = set()
    for line in el.all("body") + el.all("can_cu"):
        if line.para in seen:
            continue  # a paragraph split at a line break is judged once
        seen.add(line.para)
        para = paras[line.para]
        letters = sum(1 for ch in line.clean if ch.isalpha())
        if letters < 3 or is_upper_text(line.clean) or line.table is not None or PART_LABEL_RE.match(line.clean):
            continue
        for code, why in _body_problems(para, spec, line.index in el.roles["can_cu"]):
            hits.setdefault(code, []).append((line, why))
    out = _mixed_body_sizes(el, paras, profile)
    for code, items in hits.items():
        if len(items) <= _MAX_PER_RULE:
            out += [make_finding(code, profile, why, line) for line, why in items]
        else:
            line, why = items[0]
            numbers = ", ".join(str(i.para + 1) for i, _ in items[:8]) + (", …" if len(items) > 8 else "")
            out.append(make_finding(code, profile, f"{why} (và {len(items) - 1} đoạn khác; các đoạn {numbers}).", line))
    return out


def _mixed_body_sizes(el: Elements, paras, profile) -> list[Finding]:
    """One size throughout the body (§3.1 (6)): report the first paragraph that breaks it."""
    sizes: dict[float, list[Line]] = {}
    for line in el.all("body"):
        size = format_over(paras[line.para], line.lo, line.hi)["size"]
        if size is not None and line.table is None:
            sizes.setdefault(size, []).append(line)
    if len(sizes) < 2:
        return []
    main = max(sizes, key=lambda k: len(sizes[k]))
    other = min((lines[0] for size, lines in sizes.items() if size != main), key=lambda x: x.index)
    listed = ", ".join(f"{k:g}" for k in sorted(sizes))
    return [make_finding("FMT058", profile, f"Nội dung dùng nhiều cỡ chữ ({listed} pt); dùng một cỡ chữ thống nhất "
                         f"({main:g} pt).", other)]


def _body_problems(para: DocxParagraph, spec: dict, can_cu: bool) -> list[tuple[str, str]]:
    fmt = format_over(para, 0, len(para.text))
    pf = para.para
    out = []
    size = _size_problem(fmt["size"], spec)
    if size:
        out.append(("FMT050", f"Nội dung: {size}."))
    if pf.align != spec.get("align", "justify"):
        out.append(("FMT051", f"Nội dung phải dàn đều hai lề (đang {_ALIGN_NAMES.get(pf.align, pf.align)})."))
    lo, hi = spec.get("first_line_indent_accept_mm", [10, 12.7])
    if not lo - 0.5 <= pf.first_indent_mm <= hi + 0.5:
        out.append(("FMT052", f"Thụt đầu dòng {pf.first_indent_mm:.1f} mm (nên {lo:g}-{hi:g} mm)."))
    if pf.space_before_pt + pf.space_after_pt < spec.get("space_min_pt", 6) - 0.1:
        out.append(("FMT053", f"Khoảng cách giữa các đoạn {pf.space_before_pt + pf.space_after_pt:g} pt "
                              f"(nên tối thiểu {spec.get('space_min_pt', 6):g} pt)."))
    line_problem = _line_spacing_problem(pf, spec)
    if line_problem:
        out.append(("FMT054", line_problem))
    if can_cu and fmt["italic"]:
        out.append(("FMT055", "Căn cứ trong văn bản của Đảng viết chữ đứng, không in nghiêng như văn bản Nhà nước."))
    return out


def _line_spacing_problem(pf, spec) -> str | None:
    lo, hi = spec.get("line_accept_pt", [15, 22])
    if pf.line_rule in ("exact", "atLeast"):
        if lo - 0.1 <= pf.line_value <= hi + 0.1:
            return None
        return f"Giãn dòng {pf.line_value:g} pt (nên chính xác {lo:g}-{hi:g} pt, khuyến nghị {spec.get('line_spacing_pt', 18):g} pt)."
    if 0.99 <= pf.line_value <= 1.51:
        return None
    return f"Giãn dòng {pf.line_value:g} dòng (nên từ 1 đến 1,5 dòng hoặc chính xác {lo:g}-{hi:g} pt)."


def _drawn_rules(el: Elements, paras, profile) -> list[Finding]:
    out = []
    title = el.first("title")
    if title is not None and not _rule_under_title(el, title, paras):
        out.append(make_finding("FMT013", profile, "Thiếu đường kẻ ngang liền nét dưới tiêu đề “ĐẢNG CỘNG SẢN VIỆT NAM” "
                                "(dài bằng dòng tiêu đề).", title))
    issuer = (el.all("issuer") or [None])[-1]
    below = el.first("star") or el.first("number")
    if issuer is not None and below is not None:
        for para in paras[issuer.para: below.para + 1]:
            same_column = issuer.table is None or (para.table == issuer.table and para.col == issuer.col)
            if para.has_line and same_column and (title is None or para.index != title.para):
                out.append(make_finding("FMT018", profile, "Dưới tên cơ quan ban hành của văn bản Đảng là dấu “*”, không "
                                        "kẻ đường gạch ngang như văn bản Nhà nước.", issuer))
                break
    return out


def _rule_under_title(el: Elements, title: Line, paras) -> bool:
    """A drawn rule (shape, VML line, border) anywhere in the header, or an underlined title.

    Word anchors the rule's shape in whatever paragraph was current when it was drawn, so any
    drawn line in the header counts.
    """
    fmt = format_over(paras[title.para], title.lo, title.hi)
    if fmt["underline"]:
        return True
    ends = [line.para for line in (el.first("doc_type"), el.first("place_date")) if line is not None]
    last = max([title.para + 2, *ends])
    if any(para.has_line for para in paras[: last + 1]):
        return True
    typed = [line for line in el.lines if line.para <= last and DASH_LINE_RE.match(line.clean)
             and line.index not in el.roles["subject_rule"]]
    return bool(typed)  # a typed rule ("________") under the title in a text-like layout
