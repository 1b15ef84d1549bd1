"""Find the citations in a text: ``extract(text) -> list[Citation]``.

Pipeline (all on the NFC copy from :func:`drafter.text.normalize_with_map`, offsets mapped back):

1. anchors: every type word ("Kết luận", "CHỈ THỊ", "Chỉ\\nthị") found by one cheap regex;
2. cores: at each anchor, the number(s) and code(s), then date, year, issuer and term in any
   order (each a ``.match`` at the current position); named Nghị quyết without a number;
3. the document's own ``Số ...`` line in its header (``role="self"``);
4. subjects: each "về ..." clause runs to the end of its clause, to a sibling citation, or through
   a citation that is its object ("về thực hiện Kết luận số 21-KL/TW ... khóa XIII");
5. defined short names "(sau đây gọi tắt là ...)" right after a citation.

Text fields (issuer, subject, name, short_name) are the written words in NFC with whitespace runs
(line breaks) collapsed to one space; ``text`` is the exact slice of the given text.
A citation's span (``start``/``end``/``text``) covers the type word through its last core part
(number-code, date, issuer, term); the subject has its own span (``subject_start``/``subject_end``)
and the subject text excludes the leading "về" (a verb-led subject keeps its verb: "thực hiện ...").
``form`` is "full" when the citation gives a number-code and a date or an issuer.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from .. import numbercode
from ..doctypes import types_for_code
from ..text import normalize_with_map
from . import patterns as P
from .clauses import attach_short_names, definition_spans, finish_subjects
from .patterns import type_name_of
from .dates import DateMatch, match_date
from .model import Citation

__all__ = ["extract"]

#: How far a citation's header "Số" line may sit from the top of the text.
SELF_LINE_WINDOW = 2500
#: Longest issuer read.
MAX_ISSUER = 200

_CLOSERS = {"“": "”", '"': '"', "*": "*"}


@dataclass
class _Core:
    """A citation being built, in coordinates of the normalised text (internal, mutable)."""

    start: int
    end: int
    type: str | None
    number: str | None = None
    code: str | None = None
    code_as_written: str | None = None
    problems: tuple[str, ...] = ()
    has_so: bool | None = None
    date: DateMatch | None = None
    year: int | None = None
    issuer: tuple[int, int] | None = None
    subject_start: int | None = None
    subject_end: int | None = None
    closers: str = ""
    short_name: str | None = None
    name: str | None = None
    role: str = "cited"
    code_span: tuple[int, int] | None = None
    subject_gaps: list = field(default_factory=list)  # footnote paragraphs inside the subject
    by_subject: bool = False  # named by its subject only ("Quy định về ...")
    tail_end: int = 0  # end of the whole shared tail (for groups: where the subject search starts)
    group: list = field(default_factory=list)


def _read_code(raw: str, has_so: bool) -> tuple | None:
    """(number, code, code_as_written, problems, year) for a number token, or None to reject."""
    m = P.NUMBER_TOKEN_RE.match(raw)
    num, rest = m["num"], m["rest"]
    if not rest:
        return num, None, None, (), None
    if P.YEAR_RANGE_RE.match(raw):
        return None
    nc = numbercode.parse(raw)
    if nc:
        return nc.number, nc.code, raw, nc.problems, None
    st = P.STATE_CODE_RE.match(re.sub(r"\s+", "", raw))
    if st:
        return st["number"], st["code"], raw, (), int(st["year"]) if st["year"] else None
    return num, None, raw, ("malformed",), None


def _accept_bare(s: str, num: str, end: int, has_so: bool) -> bool:
    if has_so:
        return True
    if len(num) == 4 and num[:2] in ("19", "20"):
        return False  # "Kế hoạch 2025": a year
    return not P.BARE_NUMBER_REJECT_RE.match(s, end)


def _numbers(s: str, pos: int, limit: int) -> list[tuple[int, int, tuple, bool]]:
    """The number tokens after a type word: [(start, end, parsed, has_so)]."""
    intro = P.NUMBER_INTRO_RE.match(s, pos)
    if not intro or intro.end() >= limit:
        return []
    has_so = bool(intro["so"])
    tok = P.NUMBER_TOKEN_RE.match(s, intro.end())
    if tok is None:  # the intro saw a digit the token does not take ("Quy định7.١٢", 20+ digits)
        return []
    parsed = _read_code(tok.group(0), has_so)
    if parsed is None or (parsed[1] is None and parsed[2] is None and not _accept_bare(s, tok["num"], tok.end(), has_so)):
        return []
    found = [(tok.start(), tok.end(), parsed, has_so)]
    while True:
        more = P.MORE_NUMBER_RE.match(s, found[-1][1])
        if not more or more.end() >= limit:
            break
        tok = P.NUMBER_TOKEN_RE.match(s, more.end())
        if tok is None:
            break
        nxt = _read_code(tok.group(0), has_so or bool(more["so"]))
        if nxt is None or (nxt[2] is None and parsed[2] is not None):
            break
        if nxt[2] is None and not _accept_bare(s, tok["num"], tok.end(), bool(more["so"]) or has_so):
            break
        found.append((tok.start(), tok.end(), nxt, has_so or bool(more["so"])))
        if nxt[2] is not None and parsed[2] is None:
            break  # "Nghị quyết số 18, 19-NQ/TW": the code closes the list
    return _share_code(found)


def _share_code(found: list) -> list:
    """Give bare numbers the code written after the last of them: "số 18, 19-NQ/TW" → 18-NQ/TW."""
    last = found[-1][2]
    if len(found) < 2 or last[1] is None or found[0][2][2] is not None:
        return found
    shared = []
    for start, end, parsed, has_so in found[:-1]:
        shared.append((start, end, (parsed[0], last[1], None, (), last[4]), has_so))
    return [*shared, found[-1]]


def _skip_markers(s: str, pos: int) -> int:
    m = P.FOOTNOTE_RE.match(s, pos)
    return m.end() if m else pos


def _issuer_span(s: str, start: int, limit: int) -> tuple[int, int] | None:
    hard = min(limit, start + MAX_ISSUER, len(s))
    i = start
    while True:
        st = P.ISSUER_STOP_RE.search(s, i, hard)
        if not st:
            stop = hard
            break
        stop = st.start()
        word = st.group(0)
        if word == "(":
            term = P.TERM_RE.match(s, stop)
            if term and term["paren"]:
                i = term.end()
                continue
        if word == "và":
            after = re.match(r"\s+([^\W\d_])", s[st.end():st.end() + 3])
            if after and after.group(1).isupper() and not P.type_word_re().match(s, st.end() + len(after.group(0)) - 1):
                i = st.end()
                continue
        break
    text = s[start:stop].rstrip()
    if not text or not text[0].isupper():
        return None
    for w in re.finditer(r"[^\W\d_]+", text):
        if w.group(0).islower() and w.group(0) not in P.ISSUER_LOWER_WORDS and w.group(0) not in ("và",):
            text = text[:w.start()].rstrip()  # "của Tỉnh ủy đánh giá kết quả" → "Tỉnh ủy"
            break
    words = text.split()
    if len(words) > 16:
        return None
    return start, start + len(text)


def _tail(s: str, core: _Core, pos: int, limit: int) -> int:
    """Read date, year, issuer and term after the number(s); returns the scan position."""
    for _ in range(6):
        pos2 = _skip_markers(s, pos)
        if core.date is None and core.year is None:
            dm = match_date(s, pos2)
            if dm and dm.end <= limit:
                core.date, core.end = dm, dm.end
                pos = dm.end
                continue
            ym = P.YEAR_ONLY_RE.match(s, pos2)
            if ym and ym.end() <= limit:
                core.year, core.end = int(ym["year"]), ym.end()
                pos = ym.end()
                continue
        if core.issuer is None:
            im = P.ISSUER_INTRO_RE.match(s, pos2)
            if not im and core.date is not None:
                im = P.ISSUER_BARE_RE.match(s, pos2)
            if im and im.end() < limit:
                span = _issuer_span(s, im.end(), limit)
                if span:
                    core.issuer, core.end, pos = span, span[1], span[1]
                    continue
        tm = P.TERM_RE.match(s, pos2)  # a term may follow the issuer, a name, or the number-code
        if tm and tm.end() <= limit:
            if core.issuer is not None:
                core.issuer = (core.issuer[0], tm.end())
            core.end = pos = tm.end()
            continue
        break
    return pos


def _subject_start(s: str, core: _Core, pos: int, limit: int) -> None:
    pos = _skip_markers(s, pos)
    sm = P.SUBJECT_INTRO_RE.match(s, pos)
    if sm and sm.end() < limit + 1:
        openers = (sm["open1"] or "") + (sm["open2"] or "") + (sm["open3"] or "")
        core.closers = "".join(sorted({_CLOSERS[c] for c in openers}))
        core.subject_start = sm.end()
        return
    if core.issuer is not None or core.date is not None:
        vm = P.SUBJECT_VERB_RE.match(s, pos)
        if vm:
            core.subject_start = vm.end()
            return
        qm = P.SUBJECT_QUOTED_RE.match(s, pos)
        if qm:
            core.subject_start, core.closers = qm.end(), _CLOSERS[qm["quote"]]


def _parse_anchor(s: str, m: re.Match, limit: int) -> list[_Core]:
    doc_type = type_name_of(m.group(0))
    pos = m.end()
    q = P.QUALIFIER_RE.match(s, pos)
    if q:
        pos = q.end()
    numbers = _numbers(s, pos, limit)
    if not numbers:
        return _parse_named(s, m, doc_type, limit)
    first = _Core(m.start(), numbers[0][1], doc_type)
    pos = _tail(s, first, numbers[-1][1], limit)
    _subject_start(s, first, pos, limit)
    first.tail_end = first.end if len(numbers) == 1 else max(first.end, numbers[-1][1])
    cores = []
    for idx, (nstart, nend, parsed, has_so) in enumerate(numbers):
        core = _Core(**{**first.__dict__, "group": []})
        core.number, core.code, core.code_as_written, core.problems, state_year = parsed
        core.has_so = has_so
        core.code_span = (nstart, nend)
        if state_year and core.year is None and core.date is None:
            core.year = state_year
        last = idx == len(numbers) - 1
        core.start = m.start() if idx == 0 else nstart
        core.end = first.end if last and first.end > nend else nend
        cores.append(core)
    return cores


def _parse_named(s: str, m: re.Match, doc_type: str | None, limit: int) -> list[_Core]:
    """A document named without a number: "Nghị quyết Trung ương 4 khóa XII" or a singular,
    capitalised type word named by its subject ("Quy định về trách nhiệm nêu gương ...",
    "Thông tri của Ban Thường vụ Thành ủy về phát huy ...")."""
    if doc_type == "Nghị quyết":
        nm = P.NAMED_RE.match(s, m.end())
        if nm and nm.end() <= limit:
            core = _Core(m.start(), nm.end(), doc_type, name="")
            pos = _tail(s, core, nm.end(), limit)
            _subject_start(s, core, pos, limit)
            core.tail_end = core.end
            return [core]
    return _parse_subject_named(s, m, doc_type, limit)


def _parse_can_cu(s: str, m: re.Match, doc_type: str | None, limit: int) -> list[_Core]:
    """ "Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XVI": named by title and issuer."""
    if doc_type is None or not P.CAN_CU_BEFORE_RE.search(s, max(0, m.start() - 40), m.start()):
        return []
    title = P.TITLE_WORDS_RE.match(s, m.end(), limit)
    end = title.end() if title else m.end()
    core = _Core(m.start(), end, doc_type, name="")
    pos = _tail(s, core, end, limit)
    if core.issuer is None:
        return []
    _subject_start(s, core, pos, limit)
    core.tail_end = core.end
    return [core]


def _parse_subject_named(s: str, m: re.Match, doc_type: str | None, limit: int) -> list[_Core]:
    found = _parse_can_cu(s, m, doc_type, limit)
    if found:
        return found
    word = s[m.start():m.end()]  # the anchor may come from a lower-cased copy
    if doc_type is None or not word[0].isupper() or word.isupper():
        return []  # "các chỉ thị", headings in capitals ("KẾT LUẬN")
    if P.PLURAL_BEFORE_RE.search(s, max(0, m.start() - 12), m.start()):
        return []  # "các Quy định của Trung ương": a class of documents, not one
    if not P.MID_SENTENCE_BEFORE_RE.search(s, max(0, m.start() - 30), m.start()):
        return []  # "3. Hướng dẫn về nghiệp vụ", "Quy định về ...": a heading or a sentence's verb
    core = _Core(m.start(), m.end(), doc_type, name="")
    pos = _tail(s, core, m.end(), limit)
    if core.date is not None or core.year is not None:
        return []
    sm = P.SUBJECT_INTRO_RE.match(s, _skip_markers(s, pos))
    if not sm or sm.end() >= limit or not s[sm.end():sm.end() + 1].islower():
        return []  # "gửi Báo cáo về Ban Thường vụ": "về" is a direction, not a subject
    _subject_start(s, core, pos, limit)
    core.tail_end = core.end
    core.by_subject = True
    return [core]


def _self_citation(s: str) -> _Core | None:
    head = s[:SELF_LINE_WINDOW]
    for m in P.SELF_LINE_RE.finditer(head):
        tok = P.NUMBER_TOKEN_RE.match(head, m.start("code"))
        if not tok or not tok["rest"]:
            continue
        nc = numbercode.parse(tok.group(0))
        if not nc:
            continue
        core = _Core(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), tok.end(), None, nc.number, nc.code,
                     tok.group(0), nc.problems, None, role="self")
        core.type = _self_type(head, nc.type_code)
        core.code_span = (tok.start(), tok.end())
        return core
    return None


def _self_type(head: str, type_code: str) -> str | None:
    candidates = [t.name for t in types_for_code(type_code)]
    if len(candidates) == 1:
        return candidates[0]
    for m in P.type_word_re().finditer(head):
        name = type_name_of(m.group(0))
        if name in candidates:
            return name
    return None


def _anchors(s: str) -> list[re.Match]:
    lowered = s.lower()
    if len(lowered) == len(s):
        return list(P.type_word_scan_re().finditer(lowered))
    return list(P.type_word_re().finditer(s))  # rare: lower() changed the length ("İ")


def _collect_cores(s: str) -> tuple[list[_Core], list[int]]:
    matches = _anchors(s)
    anchors = [m.start() for m in matches]
    definitions = definition_spans(s) if "sau" in s else []
    cores: list[_Core] = []
    covered, d = -1, 0
    for i, m in enumerate(matches):
        while d < len(definitions) and definitions[d][1] <= m.start():
            d += 1
        if m.start() < covered or (d < len(definitions) and definitions[d][0] <= m.start()):
            continue
        q = P.QUALIFIER_RE.match(s, m.end())  # "Thông báo kết luận số": "kết luận" is no new anchor
        nxt = bisect.bisect_left(anchors, q.end() if q else m.end())
        limit = anchors[nxt] if nxt < len(anchors) else len(s)
        found = _parse_anchor(s, m, limit)
        if found:
            cores.extend(found)
            covered = max(c.end for c in found)
    return cores, anchors


def _to_citation(text: str, s: str, offsets, core: _Core) -> Citation:
    def span(a: int, b: int) -> tuple[int, int]:
        return offsets[a], offsets[b]

    start, end = span(core.start, core.end)
    issuer = None
    if core.issuer:
        a, b = span(*core.issuer)
        issuer = _clean(text[a:b])
    subject = sub_start = sub_end = None
    if core.subject_start is not None and core.subject_end is not None:
        sub_start, sub_end = span(core.subject_start, core.subject_end)
        pieces, at = [], core.subject_start
        for g0, g1 in core.subject_gaps:
            if g0 < core.subject_end:
                pieces.append(text[offsets[at]:offsets[g0]])
                at = g1
        pieces.append(text[offsets[at]:sub_end])
        subject = _clean(" ".join(pieces))
    code_as_written, problems = core.code_as_written, tuple(core.problems)
    if code_as_written is not None and core.code_span:
        written = text[offsets[core.code_span[0]]:offsets[core.code_span[1]]]
        if written != code_as_written:  # look-alikes or NFD in the original: its own problems
            code_as_written = written
            reparsed = numbercode.parse(written)
            if reparsed is not None:
                problems = reparsed.problems
    dm = core.date
    has_code = core.code is not None
    form = "full" if has_code and (dm is not None or issuer is not None) and core.role == "cited" else "short"
    return Citation(
        text=text[start:end], start=start, end=end, type=core.type, number=core.number, code=core.code,
        code_as_written=code_as_written, date=dm.date if dm else None, issuer=issuer, subject=subject,
        form=form, role=core.role, year=int(dm.year) if dm else core.year,
        date_style=dm.style if dm else None, date_text=dm.text if dm else None, short_name=core.short_name,
        name=_name(text[start:end], subject, core), problems=problems,
        has_so=core.has_so, subject_start=sub_start, subject_end=sub_end,
    )


def _clean(written: str) -> str:
    """A field value from written text: NFC, whitespace runs (line breaks) as one space."""
    return unicodedata.normalize("NFC", " ".join(written.split()))


def _name(written: str, subject: str | None, core: _Core) -> str | None:
    if core.name is None:
        return None
    name = _clean(written)
    if core.by_subject and subject:
        name = f"{name} về {subject}"
    return name


def extract(text: str) -> list[Citation]:
    """Every citation in ``text``, in text order, with offsets into ``text`` exactly as given."""
    if not text:
        return []
    s, offsets = normalize_with_map(text)
    cores, anchors = _collect_cores(s)
    own = _self_citation(s)
    if own is not None and not any(c.start <= own.start < c.end for c in cores):
        own.tail_end = own.end
        cores.append(own)
        cores.sort(key=lambda c: c.start)
    finish_subjects(s, cores, anchors)
    attach_short_names(s, cores)
    return [_to_citation(text, s, offsets, c) for c in cores]
