"""Citation rules that compare a citation with its registry entry (CIT004, CIT011, CIT012, CIT017).

Called by :func:`drafter.citations.check.check` with the caller's ``lookup`` and ``suggest``
(this module never imports the registry). See check.py's docstring for the rule table.
"""

from __future__ import annotations

import re

from .. import numbercode
from ..doctypes import body_abbreviations
from ..text import fold
from .dates import format_numeric, format_words
from .resolve import identity_key
from .spans import date_span, type_word_span

__all__ = ["registry_findings", "issuer_agrees"]

#: Words that name a meeting or a term rather than the issuing body, removed before comparing
#: issuers: "Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII" ~ "Ban Chấp hành Trung ương".
_ISSUER_NOISE_RE = re.compile(r"\bhoi nghi(?: lan thu [a-z]+(?: [a-z]+)?)?\b|\bkhoa [ivxlc]+\b|[(),.]|\bdang\b")
#: A term (khóa) in a folded issuer: "khoa xiii".
_TERM_RE = re.compile(r"\bkhoa ([ivxlc]+)\b")


#: "Hội nghị Trung ương 4", "Hội nghị lần thứ tư Ban Chấp hành Trung ương": the Central Committee.
_PLENUM_RE = re.compile(r"\bhoi nghi (?:lan thu [a-z]+(?: [a-z]+)? )?(?:ban chap hanh )?trung uong(?: \d+)?\b")


def _issuer_key(issuer: str) -> str:
    abbreviations = body_abbreviations()
    words = issuer.replace(".", " ").split()
    key = fold(" ".join(abbreviations.get(fold(w), w) if w.isupper() else w for w in words))  # "BCH TW"
    key = _PLENUM_RE.sub("ban chap hanh trung uong", key)
    key = _ISSUER_NOISE_RE.sub(" ", key)
    return " ".join(key.split())


def issuer_agrees(cited: str, registered: str) -> bool:
    """Lenient: one issuer's body words contain the other's, and the terms (khóa) agree if both given."""
    a, b = _issuer_key(cited), _issuer_key(registered)
    if not a or not b:
        return True
    terms_a, terms_b = set(_TERM_RE.findall(fold(cited))), set(_TERM_RE.findall(fold(registered)))
    if terms_a and terms_b and not terms_a & terms_b:
        return False
    return a in b or b in a


def _type_finding(ctx, c, entry):
    if not entry.type or not c.type or fold(entry.type) == fold(c.type):
        return None
    msg = (f"Danh mục ghi {c.number_code or c.text} là \"{entry.type}\", không phải \"{c.type}\" "
           f"(lỗi hay gặp: Quyết định/Quy định). Sửa thành \"{entry.type}\".")
    return ctx.finding("CIT004", msg, *type_word_span(c), suggestion=entry.type)


def _date_finding(ctx, c, entry):
    if entry.date is None:
        return None
    if c.date is not None and c.date != entry.date:
        fixed = format_words(entry.date) if c.date_style == "words" else format_numeric(entry.date)
        msg = (f"Ngày ban hành của {c.number_code} trong danh mục là {format_numeric(entry.date)}, "
               f"không phải {c.date_text}. Sửa thành {fixed}.")
        return ctx.finding("CIT011", msg, *(date_span(c) or (c.start, c.end)), suggestion=fixed)
    if c.date is None and c.year is not None and c.year != entry.date.year:
        msg = (f"{c.number_code} ban hành năm {entry.date.year} (ngày {format_numeric(entry.date)}), "
               f"không phải năm {c.year}.")
        return ctx.finding("CIT011", msg, c.start, c.end, suggestion=None)
    return None


def _issuer_finding(ctx, c, entry):
    if not c.issuer or not entry.issuer or issuer_agrees(c.issuer, entry.issuer):
        return None
    i = c.text.rfind(c.issuer) if c.issuer in c.text else -1
    span = (c.start + i, c.start + i + len(c.issuer)) if i >= 0 else (c.start, c.end)
    msg = (f"Cơ quan ban hành {c.number_code or c.text} trong danh mục là \"{entry.issuer}\", "
           f"không phải \"{c.issuer}\".")
    return ctx.finding("CIT012", msg, *span, suggestion=entry.issuer)


def _unknown_finding(ctx, c, suggest):
    query = c.number_code or c.name or c.text
    candidates = list(suggest(query))[:3] if suggest else []
    msg = f"Không tìm thấy \"{c.name or c.text}\" trong danh mục văn bản; hãy kiểm tra lại hoặc bổ sung vào danh mục."
    suggestion = None
    if candidates:
        names = "; ".join(_describe(e) for e in candidates)
        msg += f" Có phải: {names}?"
    return ctx.finding("CIT017", msg, c.start, c.end, suggestion=suggestion)


def _describe(entry) -> str:
    code = f" số {numbercode.format_number(entry.number)}-{entry.code}" if entry.number and entry.code else ""
    date = f", ngày {format_numeric(entry.date)}" if entry.date else ""
    issuer = f" của {entry.issuer}" if entry.issuer else ""
    alias = f" ({entry.aliases[0]})" if not code and entry.aliases else ""
    return f"{entry.type}{code}{date}{issuer}{alias}"


def registry_findings(ctx, lookup, suggest) -> list:
    """CIT004/CIT011/CIT012 for known documents; CIT017 once per unknown document."""
    out, unknown_seen = [], set()
    for r in ctx.resolutions:
        c = r.citation
        if c.role != "cited":
            continue
        if c.code is None and c.name is None and r.index is not None:
            continue  # "Kết luận số 01": its full citation is the one checked
        if c.code is None and c.name is None and not c.number:
            continue  # named by its subject only: nothing to look up reliably
        entry = lookup(c)
        if entry is None:
            key = identity_key(c) or fold(c.name or c.text)
            if key not in unknown_seen:
                unknown_seen.add(key)
                out.append(_unknown_finding(ctx, c, suggest))
            continue
        for rule in (_type_finding, _date_finding, _issuer_finding):
            finding = rule(ctx, c, entry)
            if finding is not None:
                out.append(finding)
    return out
