"""The citation checker: findings about how a text cites other documents (citations.md §4).

``check(text, *, lookup=None, suggest=None, citations=None, paragraph_starts=None)`` returns
:class:`~drafter.findings.Finding` values. The registry is passed in, never imported (imports flow
one way: the registry uses the extractor): ``lookup(citation) -> Entry | None`` finds the entry a
citation names, ``suggest(query) -> list[Entry]`` proposes candidates for an unknown one.

Rules (stable codes; spans and suggestions are offsets into ``text``):

======  ========  ==========================================================================
code    severity  what triggers it
======  ========  ==========================================================================
CIT001  warning   first mention of a document is not in full form (no full mention anywhere), or
                  gives its number-code without the date or the issuer
CIT002  warning   a short form comes before the full mention of the same document
CIT003  error     type word disagrees with the type code ("Kết luận số 05-CT/TW")
CIT004  error     type word disagrees with the registry (Quyết định vs Quy định 99-QĐ/TW)
CIT005  warning   same number-code called by two type words in one document (no registry needed)
CIT006  error     State-style punctuation on a Party code ("217/QĐ-TW")
CIT007  error     malformed number-code: slash missing ("01-ĐATU") or unreadable
CIT008  warning   spaces inside the number-code ("100 - KL/TW")
CIT009  warning   look-alike letters (Ð, Ɖ) or non-standard body code (TƯ, T.Ư)
CIT010  warning   number 1-9 not padded ("5-KL/TW" → "05-KL/TW")
CIT011  error     date or year disagrees with the registry
CIT012  warning   issuer disagrees with the registry (or its term, khóa)
CIT013  warning   date styles mixed in one document (25/10/2021 and 25 tháng 10 năm 2021)
CIT014  info      dates in citations not in the numeric style DD/M/YYYY (§5.2); once per document
                  and style, warning for the legacy 25-10-2021 style
CIT015  warning   date padding: day 1-9 and months 1-2 padded, months 3-12 not (§5)
CIT016  warning   "số" missing before the number-code ("Kết luận 18-KL/TW"); info on short mentions
CIT017  info      document not in the registry, with "did you mean" candidates
CIT018  warning   a defined short name is used before its definition
CIT019  warning   a document is mentioned other than by the short name defined for it
CIT020  error     the same number-code is cited with different dates in one document
CIT021  error     impossible date ("ngày 31/02/2020")
CIT022  error     "Số:" with a colon (State style) on the document's own number line; a warning
                  for "số:" inside a citation
======  ========  ==========================================================================

The document's own "Số" line (role "self") is only checked for a well-formed code.
State documents (Nghị định, Luật ...) are only checked against the registry and for dates.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from .. import numbercode
from ..doctypes import type_by_name
from ..findings import ERROR, INFO, WARNING, Finding, sort_findings
from ..text import fold
from . import patterns as P
from .check_registry import registry_findings
from .dates import date_style_of, format_numeric, format_words, padding_problems
from .extract import extract
from .model import Citation
from .resolve import identity_key, resolve
from .spans import code_span, date_span, type_word_span

__all__ = ["check", "RULES"]

#: Stable rule codes → (severity, short Vietnamese title). The checker's contract with reports.
RULES = {
    "CIT001": (WARNING, "Lần viện dẫn đầu tiên chưa ghi đầy đủ"),
    "CIT002": (WARNING, "Dạng rút gọn xuất hiện trước dạng đầy đủ"),
    "CIT003": (ERROR, "Tên loại không khớp ký hiệu tên loại"),
    "CIT004": (ERROR, "Tên loại không khớp danh mục văn bản"),
    "CIT005": (WARNING, "Cùng số, ký hiệu nhưng gọi bằng hai tên loại"),
    "CIT006": (ERROR, "Số, ký hiệu viết theo kiểu văn bản Nhà nước"),
    "CIT007": (ERROR, "Số, ký hiệu sai định dạng"),
    "CIT008": (WARNING, "Số, ký hiệu có dấu cách"),
    "CIT009": (WARNING, "Ký hiệu có ký tự hoặc cách viết không chuẩn"),
    "CIT010": (WARNING, "Số văn bản chưa thêm số 0"),
    "CIT011": (ERROR, "Ngày ban hành không khớp danh mục văn bản"),
    "CIT012": (WARNING, "Cơ quan ban hành không khớp danh mục văn bản"),
    "CIT013": (WARNING, "Dùng lẫn nhiều kiểu ghi ngày"),
    "CIT014": (INFO, "Ngày nên ghi dạng số"),
    "CIT015": (WARNING, "Ngày, tháng chưa đúng quy tắc thêm số 0"),
    "CIT016": (WARNING, "Thiếu chữ \"số\" trước số, ký hiệu"),
    "CIT017": (INFO, "Văn bản chưa có trong danh mục"),
    "CIT018": (WARNING, "Tên gọi tắt được dùng trước khi định nghĩa"),
    "CIT019": (WARNING, "Không dùng đúng tên gọi tắt đã định nghĩa"),
    "CIT020": (ERROR, "Cùng một văn bản được ghi hai ngày ban hành khác nhau"),
    "CIT021": (ERROR, "Ngày không có thật"),
    "CIT022": (ERROR, "\"Số\" có dấu hai chấm"),
}

#: "Số:" / "số :" before a number-code (State style; Party documents write "Số 36-HD/VPTW").
SO_COLON_RE = re.compile(r"(?<![^\W\d_])(?P<so>[Ss][ốỐ]|SỐ)[^\S\n]*:[^\S\n]*")

_CODE_RULES = {"state_style": "CIT006", "missing_slash": "CIT007", "malformed": "CIT007", "spaces": "CIT008",
               "lookalike": "CIT009", "body_variant": "CIT009", "unpadded": "CIT010"}
_STYLE_NAMES = {"numeric": "dạng số (25/10/2021)", "words": "dạng chữ (25 tháng 10 năm 2021)",
                "legacy": "kiểu cũ (25-10-2021)"}


@dataclass(frozen=True)
class Context:
    """What every rule sees: the text, its citations, their resolutions, and where paragraphs start."""

    text: str
    citations: tuple[Citation, ...]
    resolutions: tuple
    paragraph_starts: tuple[int, ...]

    def finding(self, code: str, message: str, start: int | None, end: int | None,
                suggestion: str | None = None, severity: str | None = None) -> Finding:
        paragraph = None
        if start is not None:
            paragraph = max(0, bisect.bisect_right(self.paragraph_starts, start) - 1)
        return Finding(code, severity or RULES[code][0], message, start, end, paragraph, suggestion)


def _canonical_code(c: Citation) -> str | None:
    if c.number and c.code:
        return f"{numbercode.format_number(c.number)}-{c.code}"
    return None


def _cited(ctx: Context):
    return [c for c in ctx.citations if c.role == "cited"]


def _is_state(c: Citation) -> bool:
    t = type_by_name(c.type) if c.type else None
    return bool(t and t.state) or bool(c.code and "/" not in c.code and "-" in c.code)


# --- number-code rules ---------------------------------------------------------------------------

def _code_findings(ctx: Context) -> list[Finding]:
    out = []
    for c in ctx.citations:
        span = code_span(c) or (c.start, c.end)
        canonical = _canonical_code(c)
        for problem in dict.fromkeys(c.problems):
            code = _CODE_RULES.get(problem)
            if code is None or _is_state(c):
                continue
            written = c.code_as_written or c.text
            fix = f" Viết đúng: {canonical}." if canonical and problem != "malformed" else ""
            msg = f"Số, ký hiệu \"{written}\" {numbercode.PROBLEMS[problem]}.{fix}"
            out.append(ctx.finding(code, msg, *span, suggestion=canonical if problem != "malformed" else None))
    return out


def _colon_findings(ctx: Context) -> list[Finding]:
    out = []
    for c in ctx.citations:
        m = SO_COLON_RE.search(c.text)
        if not m or (c.code_as_written and m.start() > c.text.find(c.code_as_written)):
            continue
        severity = ERROR if c.role == "self" else WARNING
        msg = (f"\"{m.group(0).strip()}\" có dấu hai chấm theo kiểu văn bản Nhà nước; văn bản của Đảng viết "
               f"\"{m['so']} {c.code_as_written or c.number}\" (không có dấu hai chấm).")
        out.append(ctx.finding("CIT022", msg, c.start + m.start(), c.start + m.end(), suggestion=f"{m['so']} ",
                               severity=severity))
    return out


def _type_code_findings(ctx: Context) -> list[Finding]:
    out = []
    for c in _cited(ctx):
        if not c.code or not c.type or _is_state(c):
            continue
        doc_type = type_by_name(c.type)
        type_code = c.code.split("/")[0]
        if doc_type is None or not doc_type.codes:
            continue
        if fold(type_code) not in {fold(x) for x in doc_type.codes}:
            expected = ", ".join(doc_type.codes)
            msg = (f"Tên loại \"{c.type}\" không khớp ký hiệu \"{type_code}\" trong {c.code_as_written}: "
                   f"{c.type} có ký hiệu {expected}. Kiểm tra lại tên loại hoặc số, ký hiệu.")
            out.append(ctx.finding("CIT003", msg, c.start, c.end))
    return out


def _missing_so_findings(ctx: Context) -> list[Finding]:
    out = []
    for c in _cited(ctx):
        if c.has_so is False and c.code and c.code_as_written:
            span = code_span(c)
            if span is None:
                continue
            msg = (f"Thiếu chữ \"số\" trước số, ký hiệu: nên viết \"{c.type} số {c.code_as_written}\" "
                   f"thay cho \"{c.type} {c.code_as_written}\".")
            severity = WARNING if c.form == "full" else INFO
            out.append(ctx.finding("CIT016", msg, *span, suggestion=f"số {ctx.text[span[0]:span[1]]}",
                                   severity=severity))
    return out


# --- date rules ------------------------------------------------------------------------------------

def _date_findings(ctx: Context) -> list[Finding]:
    out = []
    dated = [c for c in _cited(ctx) if c.date_text]
    for c in dated:
        span = date_span(c) or (c.start, c.end)
        if c.date is None:
            out.append(ctx.finding("CIT021", f"Ngày \"{c.date_text}\" không có thật; kiểm tra lại ngày ban hành.", *span))
            continue
        parts = re.findall(r"\d+", c.date_text)
        problems = padding_problems(parts[0], parts[1]) if len(parts) >= 3 else []
        if problems:
            fixed = _render(c, c.date_style)
            msg = (f"Ngày \"{c.date_text}\" chưa đúng quy tắc: ngày 1-9 và tháng 1, 2 thêm số 0, "
                   f"tháng 3-12 không thêm số 0. Viết đúng: {fixed}.")
            out.append(ctx.finding("CIT015", msg, *span, suggestion=fixed))
    out.extend(_style_findings(ctx, dated))
    return out


def _render(c: Citation, style: str | None) -> str:
    if style == "words":
        return format_words(c.date)
    return format_numeric(c.date)


def _style_findings(ctx: Context, dated: list[Citation]) -> list[Finding]:
    out = []
    styles = Counter(c.date_style or date_style_of(c.date_text) for c in dated)
    if len(styles) > 1:
        ranked = sorted(styles.items(), key=lambda kv: (-kv[1], kv[0] != "numeric"))
        main = ranked[0][0]
        for c in dated:
            if c.date_style != main and c.date is not None:
                span = date_span(c) or (c.start, c.end)
                fixed = _render(c, main)
                msg = (f"Văn bản dùng lẫn nhiều kiểu ghi ngày; ngày \"{c.date_text}\" ghi "
                       f"{_STYLE_NAMES.get(c.date_style, '')} trong khi phần lớn ghi {_STYLE_NAMES[main]}. "
                       f"Nên thống nhất: {fixed}.")
                out.append(ctx.finding("CIT013", msg, *span, suggestion=fixed))
    for style in ("words", "legacy"):
        same = [c for c in dated if c.date_style == style and c.date is not None]
        if not same:
            continue
        c = same[0]  # one finding per document and style, at the first such date
        fixed = format_numeric(c.date)
        more = f" (và {len(same) - 1} ngày khác cùng kiểu)" if len(same) > 1 else ""
        msg = (f"Ngày trong trích dẫn nên ghi dạng số DD/M/YYYY: \"{c.date_text}\" → {fixed}{more}; "
               f"văn bản đang ghi {_STYLE_NAMES[style]}.")
        severity = WARNING if style == "legacy" else INFO
        out.append(ctx.finding("CIT014", msg, *(date_span(c) or (c.start, c.end)), suggestion=fixed,
                               severity=severity))
    return out


def _same_code_dates(ctx: Context) -> list[Finding]:
    out = []
    first: dict[tuple, Citation] = {}
    for c in _cited(ctx):
        key = identity_key(c)
        if key is None or c.date is None:
            continue
        seen = first.setdefault(key, c)
        if seen.date != c.date:
            msg = (f"{c.type} {c.number_code} được ghi ngày {c.date_text} ở đây nhưng ngày {seen.date_text} "
                   "ở lần viện dẫn trước; một văn bản chỉ có một ngày ban hành.")
            out.append(ctx.finding("CIT020", msg, *(date_span(c) or (c.start, c.end))))
    return out


# --- form and naming rules ---------------------------------------------------------------------

def _form_findings(ctx: Context, lookup) -> list[Finding]:
    """CIT001/CIT002: the first mention of each document should be the full one."""
    out = []
    groups: dict[tuple, list[int]] = {}
    for i, r in enumerate(ctx.resolutions):
        c = r.citation
        if c.role != "cited" or c.name is not None or _is_state(c):
            continue
        root = r.index if r.index is not None else i
        root_c = ctx.citations[root]
        key = identity_key(root_c) or ("#", root_c.type, (root_c.number or "").lstrip("0"))
        groups.setdefault(key, []).append(i)
    for members in groups.values():
        first = ctx.citations[members[0]]
        if first.form == "full":
            finding = _incomplete_full(ctx, first, [ctx.citations[i] for i in members], lookup)
            if finding is not None:
                out.append(finding)
            continue
        full = next((ctx.citations[i] for i in members if ctx.citations[i].form == "full"), None)
        if full is not None:
            msg = (f"\"{first.text}\" là dạng rút gọn nhưng đứng trước lần viện dẫn đầy đủ "
                   f"\"{full.text}\"; lần viện dẫn đầu tiên phải ghi đầy đủ.")
            out.append(ctx.finding("CIT002", msg, first.start, first.end, suggestion=full.text))
            continue
        suggestion = _full_form(lookup(first)) if lookup else None
        msg = (f"Lần viện dẫn đầu tiên \"{first.text}\" chưa ghi đầy đủ: cần tên loại, số, ký hiệu, "
               "ngày ban hành và cơ quan ban hành.")
        if suggestion:
            msg += f" Gợi ý: {suggestion}."
        out.append(ctx.finding("CIT001", msg, first.start, first.end, suggestion=suggestion))
    return out


def _incomplete_full(ctx: Context, first: Citation, members: list[Citation], lookup) -> Finding | None:
    """CIT001 for a first mention that has its number-code but lacks the date or the issuer."""
    missing = [label for label, absent in (("ngày ban hành", first.date is None),
                                          ("cơ quan ban hành", first.issuer is None)) if absent]
    if not missing:
        return None
    complete = next((c for c in members if c.date is not None and c.issuer is not None), None)
    suggestion = complete.text if complete is not None else (_full_form(lookup(first)) if lookup else None)
    msg = f"Lần viện dẫn đầu tiên \"{first.text}\" còn thiếu {' và '.join(missing)}."
    if suggestion:
        msg += f" Gợi ý: {suggestion}."
    return ctx.finding("CIT001", msg, first.start, first.end, suggestion=suggestion)


def _full_form(entry) -> str | None:
    if entry is None or not entry.number or not entry.code:
        return None
    text = f"{entry.type} số {numbercode.format_number(entry.number)}-{entry.code}"
    if entry.date:
        text += f", ngày {format_numeric(entry.date)}"
    if entry.issuer:
        text += f" của {entry.issuer}"
    return text


def _type_consistency(ctx: Context) -> list[Finding]:
    """CIT005: "Quyết định số 99-QĐ/TW" then "Quy định số 99-QĐ/TW" in the same text."""
    out = []
    first: dict[tuple, Citation] = {}
    for c in _cited(ctx):
        key = identity_key(c)
        if key is None or not c.type:
            continue
        seen = first.setdefault(key, c)
        if seen.type != c.type:
            span = type_word_span(c)
            msg = (f"{c.number_code} được gọi là \"{c.type}\" ở đây nhưng là \"{seen.type}\" ở lần viện dẫn "
                   "trước; một văn bản chỉ có một tên loại.")
            out.append(ctx.finding("CIT005", msg, *span, suggestion=seen.type))
    return out


def _short_name_findings(ctx: Context) -> list[Finding]:
    """CIT018 (used before its definition), CIT019 (not used after it), CIT005 (the name's type word
    is not the document's: "Quyết định số 99-QĐ/TW ... (sau đây gọi tắt là Quy định 99-QĐ/TW)")."""
    out = []
    defined = [(i, c) for i, c in enumerate(ctx.citations) if c.short_name]
    for n, (i, definer) in enumerate(defined):
        ident = identity_key(definer)
        corrected, finding = _short_name_type(ctx, definer)
        if finding is not None:
            out.append(finding)
        accepted = {_name_key(definer.short_name), _name_key(corrected)}
        redefined_at = next((k for k, d in defined[n + 1:] if ident and identity_key(d) == ident), len(ctx.citations))
        for j, c in enumerate(ctx.citations):
            if c.role != "cited" or j == i:
                continue
            same_name = _name_key(c.text) in accepted
            if j < i and same_name and not _full_before(ctx, j, ident):
                msg = (f"\"{c.text}\" là tên gọi tắt chỉ được định nghĩa ở sau "
                       f"(\"sau đây gọi tắt là {definer.short_name}\"); lần đầu phải ghi đầy đủ.")
                out.append(ctx.finding("CIT018", msg, c.start, c.end, suggestion=definer.text))
            elif i < j < redefined_at and not same_name and c.form == "short" and ident \
                    and identity_key(c) == ident:
                fixed = "" if corrected == definer.short_name else f" (đúng tên loại: \"{corrected}\")"
                msg = (f"Đã định nghĩa tên gọi tắt \"{definer.short_name}\"{fixed} cho văn bản này; "
                       f"nên dùng thống nhất tên đó thay cho \"{c.text}\".")
                out.append(ctx.finding("CIT019", msg, c.start, c.end, suggestion=corrected))
    return out


def _short_name_type(ctx: Context, definer: Citation) -> tuple[str, Finding | None]:
    """The short name with the document's own type word, and a CIT005 finding when they differ."""
    name = definer.short_name
    m = P.type_word_re().match(name)
    if not m or not definer.type or P.type_name_of(m.group(0)) in (None, definer.type):
        return name, None
    corrected = definer.type + name[m.end():]
    at = ctx.text.find(name[: m.end()], definer.end)
    span = (at, at + m.end()) if at >= 0 else (definer.start, definer.end)
    msg = (f"Tên gọi tắt \"{name}\" gọi văn bản là \"{name[: m.end()]}\" nhưng đó là {definer.type} "
           f"(\"{definer.text}\"); nên định nghĩa \"{corrected}\".")
    return corrected, ctx.finding("CIT005", msg, *span, suggestion=definer.type)


def _full_before(ctx: Context, j: int, ident: tuple | None) -> bool:
    return ident is not None and any(c.form == "full" and identity_key(c) == ident for c in ctx.citations[:j])


def _key(text: str) -> str:
    return " ".join(fold(text).replace("*", " ").split())


def _name_key(text: str) -> str:
    """:func:`_key` without the word "số": "Quy định số 01-QĐi/ĐUK" uses the short name
    "Quy định 01-QĐi/ĐUK" (seed 002); adding "số" is not an inconsistency worth a warning."""
    return " ".join(w for w in _key(text).split() if w != "so")


def check(text: str, *, lookup: Callable | None = None, suggest: Callable | None = None,
          citations: list[Citation] | None = None, paragraph_starts: tuple[int, ...] | None = None) -> list[Finding]:
    """Findings about the citations in ``text``, errors first (see the module docstring for rules).

    ``lookup(citation) -> Entry | None`` and ``suggest(query) -> list[Entry]`` come from the
    registry; without them only the rules that need no registry run. ``citations`` may be passed
    when already extracted; ``paragraph_starts`` defaults to the lines of ``text``.
    """
    cits = tuple(citations if citations is not None else extract(text))
    if paragraph_starts is None:
        paragraph_starts = (0, *(m.end() for m in re.finditer("\n", text)))
    ctx = Context(text, cits, tuple(resolve(list(cits), text)), tuple(paragraph_starts))
    findings: list[Finding] = []
    for rule in (_code_findings, _colon_findings, _type_code_findings, _missing_so_findings, _date_findings, _same_code_dates,
                 _type_consistency, _short_name_findings):
        findings.extend(rule(ctx))
    findings.extend(_form_findings(ctx, lookup))
    if lookup is not None:
        findings.extend(registry_findings(ctx, lookup, suggest))
    return sort_findings(findings)
