"""Format rules that can be read from the text alone (a .txt copy or the text of a .docx).

``Số:`` with a colon, State-style codes, a missing ``*`` / ``-----`` / Nơi nhận, ``TM.``-style
authority, a capitalised ``Về``, recipient-list punctuation, ``- Lưu:``, date-line padding ...
(party-format.md §3-§5, §9). ``strict`` (a .docx) reports missing header elements always; a text
copy often lost its header, so they are reported only when some of the header survived.
"""

from __future__ import annotations

import dataclasses
import re

from ..findings import WARNING, Finding
from ..numbercode import PROBLEMS, parse
from ..text import fold
from .elements import Elements
from .lines import Line, is_upper_text
from .patterns import (ACADEMIC_NAME_RE, AUTHORITY_RE, CAN_CU_RE, DATE_WORD_CAPITAL_RE, FILING_LINE_RE,
                       KINH_GUI_COLON_RE,
                       NHU_TREN_RE, NUMBER_LINE_RE, PARTY_AUTHORITY_RE,
                       PLACE_DATE_RE, PLACEHOLDER_RE, RECIPIENT_ITEM_RE, RECIPIENTS_LABEL_RE,
                       STATE_CODE_RE)
from .rulebook import make_finding

__all__ = ["text_rules"]

TITLE_TEXT = "ĐẢNG CỘNG SẢN VIỆT NAM"
#: A State authority form and its Party equivalent.
_STATE_TO_PARTY = {"TM.": "T/M", "KT.": "K/T", "TL.": "T/L", "TUQ.": "T/L"}
#: "Lưu:" with its colon, to drop it in the suggestion: "- Lưu: VT, VP." → "- Lưu VT, VP.".
LUU_COLON_RE = re.compile(r"Lưu\s*:\s*")
#: The first word(s) of a trích yếu, to compare against the profile's lowercase starters.
FIRST_WORDS_RE = re.compile(r"^([^\W\d_]+)(?:\s+([^\W\d_]+))?")


def text_rules(el: Elements, profile, *, strict: bool) -> list[Finding]:
    expect_header = strict or el.header_present
    out: list[Finding] = []
    if not expect_header:
        out.append(make_finding("FMT000", profile, "Không tìm thấy phần đầu văn bản (tiêu đề, dấu *, địa danh "
                                "ngày tháng); các quy tắc về phần đầu không được kiểm tra trên bản văn bản thuần này."))
    for check in (_title, _issuer_star, _number, _place_date, _doc_type, _subject, _can_cu, _authority,
                  _signer_title, _signer_name, _kinh_gui):
        out += check(el, profile, expect_header)
    out += _recipients(el, profile)
    return out


def _title(el: Elements, profile, expect: bool) -> list[Finding]:
    out = []
    for i, line in enumerate(el.all("state_title")):
        out.append(make_finding("FMT011", profile, f"Văn bản của Đảng dùng tiêu đề “{TITLE_TEXT}”, không dùng "
                                f"Quốc hiệu, Tiêu ngữ của văn bản Nhà nước (“{line.raw}”).", line,
                                suggestion=None if i or el.roles["title"] else TITLE_TEXT))
    title = el.first("title")
    if title is not None and title.clean != TITLE_TEXT and not is_upper_text(title.clean):
        out.append(make_finding("FMT012", profile, f"Tiêu đề phải viết IN HOA: “{TITLE_TEXT}”.", title,
                                suggestion=TITLE_TEXT))
    elif title is None and expect and not el.roles["state_title"]:
        out.append(make_finding("FMT010", profile, f"Thiếu tiêu đề “{TITLE_TEXT}” (góc trên bên phải trang đầu).",
                                paragraph=0))
    return out


def _issuer_star(el: Elements, profile, expect: bool) -> list[Finding]:
    out = []
    names = el.all("parent_body") + el.all("issuer")
    if expect and not names:
        out.append(make_finding("FMT015", profile, "Thiếu tên cơ quan ban hành (góc trên bên trái, trên dấu *).",
                                paragraph=0))
    for line in names:
        if not is_upper_text(line.clean):
            out.append(make_finding("FMT016", profile, f"Tên cơ quan ban hành phải viết IN HOA: “{line.raw}”.",
                                    line, suggestion=line.raw.upper()))
    if expect and not el.roles["star"]:
        anchor = names[-1] if names else None
        out.append(make_finding("FMT017", profile, "Thiếu dấu sao “*” dưới tên cơ quan ban hành (văn bản của Đảng "
                                "dùng dấu * thay cho đường kẻ).", anchor, paragraph=0))
    rules = [r for r in el.all("issuer_rule") if names and r.index > names[-1].index and r.col == names[-1].col
             and (not el.roles["title"] or r.para != el.first("title").para)]
    if rules and not el.roles["title"] or rules and _rule_below_issuer_only(el, rules[0]):
        out.append(make_finding("FMT018", profile, "Dưới tên cơ quan ban hành của văn bản Đảng là dấu “*”, không kẻ "
                                f"đường gạch ngang như văn bản Nhà nước (“{rules[0].raw}”).", rules[0],
                                suggestion=None if el.roles["star"] else "*"))
    return out


def _rule_below_issuer_only(el: Elements, rule: Line) -> bool:
    """A typed rule right under the issuer lines (not the title's rule on a tab-split line)."""
    names = el.all("parent_body") + el.all("issuer")
    return bool(names) and rule.index == names[-1].index + 1 and rule.lo == 0


def _number(el: Elements, profile, expect: bool) -> list[Finding]:
    line = el.first("number")
    if line is None:
        if expect:
            return [make_finding("FMT020", profile, "Thiếu số và ký hiệu văn bản (dòng “Số …” dưới dấu *).",
                                 paragraph=0)]
        return []
    m = NUMBER_LINE_RE.match(line.clean)
    rest = m["rest"].strip()
    out = []
    code = parse(rest) if rest[:1].isdigit() else None
    if m["colon"]:
        fixed = f"Số {code.canonical if code else rest}"
        out.append(make_finding("FMT021", profile, f"Sau chữ “Số” không có dấu hai chấm (viết “{fixed}”, "
                                f"không viết “{line.raw}” theo kiểu văn bản Nhà nước).", line, suggestion=fixed))
    if PLACEHOLDER_RE.match(rest) or not rest[:1].isdigit():
        return out
    if STATE_CODE_RE.match(rest) or (code and "state_style" in code.problems):
        fix = f"Số {code.canonical}" if code else None
        out.append(make_finding("FMT022", profile, f"Số và ký hiệu viết theo kiểu văn bản Nhà nước (“{rest}”); văn bản "
                                "của Đảng viết số, gạch nối, ký hiệu tên loại, gạch chéo, ký hiệu cơ quan: "
                                f"“{code.canonical if code else '01-QĐ/TU'}”.", line, suggestion=fix))
    elif code and code.problems:
        why = "; ".join(PROBLEMS[p] for p in code.problems if p in PROBLEMS)
        out.append(make_finding("FMT023", profile, f"Số và ký hiệu “{rest}” không đúng: {why}. Viết “Số {code.canonical}”.",
                                line, suggestion=f"Số {code.canonical}"))
    elif code is None:
        out.append(make_finding("FMT023", profile, f"Không đọc được số và ký hiệu “{rest}”; dạng đúng: "
                                "“Số 01-KL/TU” (số, -, ký hiệu tên loại, /, ký hiệu cơ quan, không có dấu cách).", line))
    return out


def _place_date(el: Elements, profile, expect: bool) -> list[Finding]:
    line = el.first("place_date")
    if line is None:
        if expect:
            return [make_finding("FMT030", profile, "Thiếu địa danh và ngày, tháng, năm ban hành "
                                 "(ví dụ “Hà Nội, ngày 03 tháng 4 năm 2018”).", paragraph=0)]
        return []
    m = PLACE_DATE_RE.match(line.clean)
    if m is None:
        return [make_finding("FMT031", profile, f"Ngày tháng năm ban hành phải viết đầy đủ bằng chữ “ngày … tháng … "
                             f"năm …”, không dùng dấu /, - hoặc . (“{line.raw}”).", line)]
    out = []
    place = m["place"].strip()
    if place[:1].islower():
        out.append(make_finding("FMT031", profile, f"Địa danh viết hoa chữ cái đầu: “{place[:1].upper() + place[1:]}”.",
                                line, suggestion=line.raw.replace(place, place[:1].upper() + place[1:], 1)))
    if not m["comma"]:
        out.append(make_finding("FMT031", profile, f"Thiếu dấu phẩy sau địa danh “{place}”.", line))
    if DATE_WORD_CAPITAL_RE.search(line.clean[len(m["place"]):]):
        fixed = line.raw[: len(m["place"])] + DATE_WORD_CAPITAL_RE.sub(lambda w: w[0].lower(), line.raw[len(m["place"]):])
        out.append(make_finding("FMT031", profile, "Các chữ “ngày”, “tháng”, “năm” viết thường.", line, suggestion=fixed))
    day, month, year = m["day"], m["month"], m["year"]
    if day and month and year:
        fixed_day, fixed_month = _pad(day, profile, "day"), _pad(month, profile, "month")
        if (fixed_day, fixed_month) != (day, month):
            fix = f"{place}, ngày {fixed_day} tháng {fixed_month} năm {year}"
            out.append(make_finding("FMT032", profile, "Ngày 1-9 và tháng 1, 2 phải có số 0 ở trước; tháng 3-12 không "
                                    f"thêm số 0: viết “ngày {fixed_day} tháng {fixed_month} năm {year}”.", line,
                                    suggestion=fix))
    return out


def _pad(value: str, profile, kind: str) -> str:
    n = int(value)
    if kind == "day":
        return f"{n:02d}" if n < profile.get("dates", "pad_day_below", default=10) else str(n)
    return f"{n:02d}" if n in profile.get("dates", "pad_months", default=[1, 2]) else str(n)


def _doc_type(el: Elements, profile, expect: bool) -> list[Finding]:
    line = el.first("doc_type")
    if line is None:
        if expect and not el.is_letter:
            return [make_finding("FMT040", profile, "Không tìm thấy tên loại văn bản (KẾT LUẬN, NGHỊ QUYẾT, CHỈ THỊ …) "
                                 "trên dòng riêng, căn giữa, dưới phần đầu.", paragraph=0)]
        return []
    if not is_upper_text(line.clean):
        return [make_finding("FMT041", profile, f"Tên loại văn bản phải viết IN HOA: “{line.clean.upper()}”.", line,
                             suggestion=line.raw.upper())]
    return []


def _subject(el: Elements, profile, expect: bool) -> list[Finding]:
    doc_type, subject = el.first("doc_type"), el.first("subject")
    out = []
    if doc_type is None:
        return out
    if subject is None and not el.roles["doc_type_of"]:
        out.append(make_finding("FMT044", profile, "Không thấy trích yếu nội dung dưới tên loại văn bản "
                                "(ví dụ “về …”).", doc_type))
    if subject is not None:
        out += _capitalised_subject(subject, profile)
    if not el.roles["subject_rule"]:
        anchor = (el.all("subject") or el.all("doc_type_of") or [doc_type])[-1]
        f = make_finding("FMT048", profile, "Thiếu dòng “-----” (năm dấu gạch nối) căn giữa dưới trích yếu.", anchor)
        out.append(f if expect else dataclasses.replace(f, severity=WARNING))
    else:
        rule = el.first("subject_rule")
        if rule.clean != profile.get("elements", "subject_rule", "text", default="-----"):
            out.append(make_finding("FMT049", profile, f"Dòng phân cách dưới trích yếu phải là đúng năm dấu gạch nối "
                                    f"“-----” (đang là “{rule.raw}”).", rule, suggestion="-----"))
    return out


def _capitalised_subject(line: Line, profile) -> list[Finding]:
    m = FIRST_WORDS_RE.match(line.clean)
    if not m or not m[1][0].isupper() or is_upper_text(line.clean):
        return []
    starters = {fold(s) for s in profile.get("elements", "subject", "lowercase_starters", default=["về"])}
    one, two = fold(m[1]), fold(f"{m[1]} {m[2] or ''}".strip())
    if one not in starters and two not in starters:
        return []
    offset = line.raw.find(m[1])
    fixed = line.raw[:offset] + m[1][0].lower() + line.raw[offset + 1:]
    return [make_finding("FMT045", profile, f"Trích yếu văn bản của Đảng bắt đầu bằng chữ thường (“{m[1].lower()} …”), "
                         f"không viết hoa “{m[1]}” như văn bản Nhà nước.", line, suggestion=fixed)]


def _can_cu(el: Elements, profile, expect: bool) -> list[Finding]:
    lines = el.all("can_cu")
    out = []
    for i, line in enumerate(lines):
        m = CAN_CU_RE.match(line.clean)
        last = i == len(lines) - 1
        if not m["dash"]:
            out.append(make_finding("FMT056", profile, "Mỗi căn cứ trong văn bản của Đảng bắt đầu bằng dấu “- ” "
                                    f"(“- {line.clean}”).", line, suggestion=f"- {line.raw}"))
        end = line.clean.rstrip()[-1:]
        want = "," if last else ";"
        if end != want and end in ",;.":
            out.append(make_finding("FMT056", profile, f"Căn cứ {'cuối cùng' if last else 'này'} kết thúc bằng dấu "
                                    f"“{want}” (đang là “{end}”).", line, suggestion=line.raw[:-1] + want))
    return out


def _authority(el: Elements, profile, expect: bool) -> list[Finding]:
    line = el.first("authority")
    if line is None:
        return []
    m = AUTHORITY_RE.match(line.clean)
    form, rest = m["form"], m["rest"]
    compact = form.replace(" ", "")
    if compact in _STATE_TO_PARTY:
        party = _STATE_TO_PARTY[compact]
        return [make_finding("FMT060", profile, f"Quyền hạn người ký viết “{party}” (gạch chéo, không có dấu chấm), "
                             f"không viết “{form}” theo kiểu văn bản Nhà nước.", line, suggestion=f"{party} {rest}")]
    if compact in ("T/UQ", "Q."):
        return [make_finding("FMT061", profile, f"Văn bản của Đảng không dùng “{form}”; dùng T/M, K/T hoặc T/L.", line)]
    if not PARTY_AUTHORITY_RE.match(form):
        return [make_finding("FMT060", profile, f"Viết “{compact}” liền, không có dấu cách.", line,
                             suggestion=f"{compact} {rest}")]
    collectives = profile.get("elements", "authority", "collectives", default=[])
    if compact == "K/T" and any(fold(rest).startswith(fold(c)) for c in collectives):
        return [make_finding("FMT062", profile, f"Tập thể cấp uỷ không dùng “K/T”; phó bí thư ký thay tập thể "
                             f"ghi “T/M {rest}”.", line, suggestion=f"T/M {rest}")]
    return []


def _signer_title(el: Elements, profile, expect: bool) -> list[Finding]:
    """The signer's title never repeats the body's name: "BÍ THƯ", not "BÍ THƯ TỈNH UỶ"."""
    out = []
    collectives = [fold(c) for c in profile.get("elements", "authority", "collectives", default=[])]
    for line in el.all("signer_title"):
        if "/" in line.clean or "." in line.clean:
            continue  # an authority line the finder could not read; not a title
        key = fold(line.clean)
        for name in collectives:
            if key != name and key.endswith(" " + name) and not key.startswith(name):
                fixed = line.raw[: len(line.raw) - len(name)].rstrip()
                out.append(make_finding("FMT066", profile, f"Chức vụ người ký không ghi lại tên cơ quan: viết “{fixed}”, "
                                        f"không viết “{line.raw}”.", line, suggestion=fixed))
                break
    return out


def _signer_name(el: Elements, profile, expect: bool) -> list[Finding]:
    line = el.first("signer_name")
    m = ACADEMIC_NAME_RE.match(line.clean) if line is not None else None
    if m is None:
        return []
    return [make_finding("FMT067", profile, f"Họ tên người ký ghi đầy đủ, không kèm học hàm, học vị "
                         f"(“{m['titles'].strip()}”).", line, suggestion=m["name"].strip())]


def _kinh_gui(el: Elements, profile, expect: bool) -> list[Finding]:
    out = []
    for line in el.all("kinh_gui")[:1]:
        if not KINH_GUI_COLON_RE.match(line.clean)["colon"]:
            out.append(make_finding("FMT079", profile, "Sau “Kính gửi” có dấu hai chấm: “Kính gửi: …”.", line))
    return out


def _recipients(el: Elements, profile) -> list[Finding]:
    label = el.first("recipients_label")
    if label is None:
        return [make_finding("FMT070", profile, "Thiếu mục “Nơi nhận:” (góc dưới bên trái, ngang dòng quyền hạn "
                             "người ký).", paragraph=max(0, (el.lines[-1].para if el.lines else 0)))]
    out = []
    m = RECIPIENTS_LABEL_RE.match(label.clean)
    if not (m["colon"] or m["colon2"]):
        out.append(make_finding("FMT072", profile, "Sau “Nơi nhận” có dấu hai chấm: “Nơi nhận:”.", label,
                                suggestion="Nơi nhận:"))
    items = _group_items(el.all("recipients"))
    if el.roles["kinh_gui"] and items and not NHU_TREN_RE.match(items[0][0].clean):
        out.append(make_finding("FMT081", profile, "Văn bản có “Kính gửi” thì dòng nơi nhận đầu tiên là “- Như trên,”.",
                                items[0][0]))
    out += _item_prefixes(items, profile)
    out += _item_endings(items, profile)
    return out


def _group_items(lines: list[Line]) -> list[list[Line]]:
    """Recipient items: a line starting with "-" plus its wrapped continuation lines.

    When no line has a prefix at all, every line is its own item (and each lacks its "- ").
    """
    if not any(RECIPIENT_ITEM_RE.match(line.clean) for line in lines):
        return [[line] for line in lines]
    items: list[list[Line]] = []
    for line in lines:
        if RECIPIENT_ITEM_RE.match(line.clean) or not items:
            items.append([line])
        else:
            items[-1].append(line)
    return items


def _item_prefixes(items: list[list[Line]], profile) -> list[Finding]:
    out = []
    for item in items:
        head = item[0]
        m = RECIPIENT_ITEM_RE.match(head.clean)
        if m is None or m["prefix"] != "-":
            text = m["rest"] if m else head.clean
            out.append(make_finding("FMT074", profile, f"Mỗi nơi nhận bắt đầu bằng “- ” (“- {text}”).", head,
                                    suggestion=f"- {text}"))
    return out


def _item_endings(items: list[list[Line]], profile) -> list[Finding]:
    if not items:
        return []
    out = []
    accept = profile.get("elements", "recipients", "line_end_accept", default=[",", ";"])
    ends = []
    for item in items[:-1]:
        last = item[-1]
        end = last.clean.rstrip()[-1:]
        if end not in accept:
            out.append(make_finding("FMT075", profile, f"Dòng nơi nhận (trừ dòng cuối) kết thúc bằng dấu phẩy “,” "
                                    f"(đang là “{end}”).", last, suggestion=_replace_end(last.raw, ",")))
        else:
            ends.append(end)
    if len(set(ends)) > 1:
        first_semicolon = next(i for i in items[:-1] if i[-1].clean.rstrip().endswith(";"))
        out.append(make_finding("FMT075", profile, "Danh sách nơi nhận dùng lẫn dấu phẩy và dấu chấm phẩy cuối dòng; "
                                "dùng thống nhất dấu phẩy “,”.", first_semicolon[-1]))
    out += _filing_line(items[-1], profile)
    return out


def _filing_line(item: list[Line], profile) -> list[Finding]:
    head, last = item[0], item[-1]
    out = []
    m = FILING_LINE_RE.match(head.clean)
    if m is None:
        out.append(make_finding("FMT078", profile, "Dòng cuối của nơi nhận là dòng lưu: “- Lưu <đơn vị>.”", head))
    elif m["colon"]:
        fixed = LUU_COLON_RE.sub("Lưu ", head.raw, count=1)
        out.append(make_finding("FMT077", profile, "Dòng lưu không có dấu hai chấm: viết “- Lưu Văn phòng …”, không "
                                "viết “- Lưu: VT …” như văn bản Nhà nước.", head, suggestion=fixed))
    if not last.clean.rstrip().endswith("."):
        out.append(make_finding("FMT076", profile, "Dòng cuối của nơi nhận kết thúc bằng dấu chấm “.”.", last,
                                suggestion=_replace_end(last.raw, ".")))
    return out


def _replace_end(raw: str, mark: str) -> str:
    stripped = raw.rstrip()
    return (stripped[:-1] if stripped[-1:] in ",;.:" else stripped) + mark
