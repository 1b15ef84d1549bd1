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

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .. import numbercode
from ..doctypes import type_by_name, types_for_code
from ..text import fold, normalize_with_map
from . import patterns as P
from .dates import DateMatch, match_date
from .model import Citation

__all__ = ["extract"]

#: How far a citation's header "Số" line may sit from the top of the text.
SELF_LINE_WINDOW = 2500
#: Longest subject read (characters of the normalised text).
MAX_SUBJECT = 900
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
    by_subject: bool = False  # named by its subject only ("Quy định về ...")
    tail_end: int = 0  # end of the whole shared tail (for groups: where the subject search starts)
    group: list = field(default_factory=list)


@lru_cache(maxsize=256)
def _type_for_word(word: str) -> str | None:
    key = " ".join(fold(word).split())
    key = re.sub(r"\bqui\b", "quy", key)
    t = type_by_name(key)
    return t.name if t else None


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
    parsed = _read_code(tok.group(0), has_so)
    if parsed is None or (parsed[1] is None and parsed[2] is None and not _accept_bare(s, tok["num"], tok.end(), has_so)):
        return []
    found = [(tok.start(), tok.end(), parsed, has_so)]
    while True:
        more = P.MORE_NUMBER_RE.match(s, found[-1][1])
        if not more or more.end() >= limit:
            break
        tok = P.NUMBER_TOKEN_RE.match(s, more.end())
        nxt = _read_code(tok.group(0), has_so or bool(more["so"]))
        if nxt is None or (nxt[2] is None) != (parsed[2] is None):
            break
        if nxt[2] is None and not _accept_bare(s, tok["num"], tok.end(), bool(more["so"]) or has_so):
            break
        found.append((tok.start(), tok.end(), nxt, has_so or bool(more["so"])))
    return found


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
            if im and im.end() < limit:
                span = _issuer_span(s, im.end(), limit)
                if span:
                    core.issuer, core.end, pos = span, span[1], span[1]
                    continue
        if core.issuer is not None or core.name is not None:
            tm = P.TERM_RE.match(s, pos2)
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


def _parse_anchor(s: str, m: re.Match, limit: int) -> list[_Core]:
    doc_type = _type_for_word(m.group(0))
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


def _parse_subject_named(s: str, m: re.Match, doc_type: str | None, limit: int) -> list[_Core]:
    word = s[m.start():m.end()]  # the anchor may come from a lower-cased copy
    if doc_type is None or not word[0].isupper() or word.isupper():
        return []  # "các chỉ thị", headings in capitals ("KẾT LUẬN")
    if P.PLURAL_BEFORE_RE.search(s, max(0, m.start() - 12), m.start()):
        return []  # "các Quy định của Trung ương": a class of documents, not one
    core = _Core(m.start(), m.end(), doc_type, name="")
    pos = _tail(s, core, m.end(), limit)
    if core.date is not None or core.year is not None:
        return []
    sm = P.SUBJECT_INTRO_RE.match(s, _skip_markers(s, pos))
    if not sm or sm.end() >= limit:
        return []
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
        name = _type_for_word(m.group(0))
        if name in candidates:
            return name
    return None


def _subject_end(s: str, core: _Core, anchors: list[int], anchor_idx: int, cores_at: dict[int, _Core]) -> int | None:
    start = core.subject_start
    hard = min(len(s), start + MAX_SUBJECT)
    if core.closers:
        closes = [i for i in (s.find(c, start, hard) for c in core.closers) if i >= 0]
        if closes:
            hard = min(closes)
    em = P.SUBJECT_END_RE.search(s, start, hard)
    end = em.start() if em else hard
    for a in anchors[anchor_idx:]:
        if a < start:
            continue
        if a >= end:
            break
        window = max(start, a - 40)
        sep = P.SEPARATOR_BEFORE_RE.search(s, window, a)
        if sep:
            end = sep.start()
            break
        inner = cores_at.get(a)
        if inner is not None:
            end = inner.tail_end
            break
    while end > start and (s[end - 1].isspace() or s[end - 1] in ",;*-–(“"):
        end -= 1
    if s[start:end].endswith(" và"):
        end -= 3
    return end if end > start else None


def _finish_subjects(s: str, cores: list[_Core], anchors: list[int]) -> None:
    import bisect

    cores_at = {c.start: c for c in cores}
    for core in cores:
        if core.subject_start is None:
            continue
        idx = bisect.bisect_left(anchors, core.subject_start)
        end = _subject_end(s, core, anchors, idx, cores_at)
        if end is None:
            core.subject_start = None
        else:
            core.subject_end = end


def _attach_short_names(s: str, cores: list[_Core]) -> None:
    """Give each "(sau đây gọi tắt là ...)" to the citation it names.

    Candidates are the citation right before the definition and the citations whose subject
    holds it ("Kết luận số 01-KL/TW ... về tiếp tục thực hiện Chỉ thị số 05-CT/TW ... (sau đây gọi
    tắt là Kết luận số 01)"); the one whose number, then type, matches the short name wins, else
    the outermost.
    """
    for i, core in enumerate(cores):
        pos = core.subject_end if core.subject_end is not None else core.tail_end or core.end
        sm = P.SHORT_NAME_RE.match(s, pos)
        if not sm:
            continue
        chain = [core]
        for outer in reversed(cores[:i]):
            if outer.subject_start is not None and outer.subject_start <= chain[-1].start <= (outer.subject_end or 0):
                chain.append(outer)
        name = " ".join(sm["name"].split())
        _pick_named(chain, name).short_name = name


def _pick_named(chain: list[_Core], name: str) -> _Core:
    tw = P.type_word_re().match(name)
    name_type = _type_for_word(tw.group(0)) if tw else None
    num = re.search(r"\d+", name)
    name_number = num.group(0).lstrip("0") if num else None
    for c in chain:
        if name_number and c.number and c.number.lstrip("0") == name_number:
            return c
    for c in chain:
        if name_type and c.type == name_type:
            return c
    return chain[-1]


def _definition_spans(s: str) -> list[tuple[int, int]]:
    spans = []
    for m in _DEFINITION_SCAN_RE.finditer(s):
        sm = P.SHORT_NAME_RE.match(s, m.start())
        if sm:
            spans.append((m.start(), sm.end()))
    return spans


#: Cheap scan for "(sau đây" so that a defined short name is not read as a citation of its own.
_DEFINITION_SCAN_RE = re.compile(r"\([^\S\n]*\*?[^\S\n]*sau\s+đây", re.IGNORECASE)


def _anchors(s: str) -> list[re.Match]:
    lowered = s.lower()
    if len(lowered) == len(s):
        return list(P.type_word_scan_re().finditer(lowered))
    return list(P.type_word_re().finditer(s))  # rare: lower() changed the length ("İ")


def _collect_cores(s: str) -> tuple[list[_Core], list[int]]:
    matches = _anchors(s)
    anchors = [m.start() for m in matches]
    definitions = _definition_spans(s) if "sau" in s else []
    cores: list[_Core] = []
    covered, d = -1, 0
    for i, m in enumerate(matches):
        while d < len(definitions) and definitions[d][1] <= m.start():
            d += 1
        if m.start() < covered or (d < len(definitions) and definitions[d][0] <= m.start()):
            continue
        limit = anchors[i + 1] if i + 1 < len(anchors) else len(s)
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
        subject = _clean(text[sub_start:sub_end])
    code_as_written, problems = core.code_as_written, tuple(core.problems)
    if code_as_written is not None and core.code_span:
        code_as_written = text[offsets[core.code_span[0]]:offsets[core.code_span[1]]]
        reparsed = numbercode.parse(code_as_written)
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
    _finish_subjects(s, cores, anchors)
    _attach_short_names(s, cores)
    return [_to_citation(text, s, offsets, c) for c in cores]
