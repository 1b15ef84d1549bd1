"""Pass 2 of the extractor: where each subject ("về ...") ends, and defined short names.

A subject runs to the end of its clause (``SUBJECT_END_RE``), stops before a sibling citation
("..., Quy định số 01", "... và Kế hoạch số 03", ", các Quy định"), and runs *through* a citation
that is its object ("về thực hiện Kết luận số 21-KL/TW ngày ... khóa XIII"), ending where that
citation's own core ends. "(sau đây gọi tắt là ...)" after a citation gives the short name to the
citation it names (see :func:`attach_short_names`).

These functions work on the extractor's internal ``_Core`` builders, in normalised coordinates.
"""

from __future__ import annotations

import bisect
import re

from . import patterns as P
from .patterns import type_name_of

__all__ = ["finish_subjects", "attach_short_names", "definition_spans", "MAX_SUBJECT"]

#: Longest subject read (characters of the normalised text).
MAX_SUBJECT = 900


def _subject_end(s: str, core: _Core, anchors: list[int], anchor_idx: int, cores_at: dict[int, _Core]) -> int | None:
    start = core.subject_start
    hard = min(len(s), start + MAX_SUBJECT)
    if core.closers:
        closes = [i for i in (s.find(c, start, hard) for c in core.closers) if i >= 0]
        if closes:
            hard = min(closes)
    end = _clause_end(s, start, hard, core.subject_gaps)
    main = P.MAIN_CLAUSE_RE.search(s, start, end)
    if main:
        end = main.start()  # "..., Đảng ủy yêu cầu:"
    for a in anchors[anchor_idx:]:
        if a < start:
            continue
        if a >= end:
            break
        if any(g0 <= a < g1 for g0, g1 in core.subject_gaps):
            continue  # a citation in a footnote that a page break put inside the subject
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


def _clause_end(s: str, start: int, hard: int, gaps: list) -> int:
    """Where the clause from ``start`` ends; a page break that only holds footnotes
    ("đội\n\n¹ Báo cáo ...\n\nngũ cán bộ") is stepped over and recorded in ``gaps``."""
    pos = start
    while True:
        em = P.SUBJECT_END_RE.search(s, pos, hard)
        if not em:
            return hard
        footnotes = P.FOOTNOTE_BREAK_RE.match(s, em.start())
        if footnotes is None or footnotes.end() >= hard:
            return em.start()
        gaps.append((em.start(), footnotes.end()))
        pos = footnotes.end()


def finish_subjects(s: str, cores: list[_Core], anchors: list[int]) -> None:
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


def attach_short_names(s: str, cores: list[_Core]) -> None:
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
            if outer.end < chain[-1].start - MAX_SUBJECT:
                break  # too far back to hold this citation in its subject
            if outer.subject_start is not None and outer.subject_start <= chain[-1].start <= (outer.subject_end or 0):
                chain.append(outer)
        name = " ".join(sm["name"].split())
        _pick_named(chain, name).short_name = name


def _pick_named(chain: list[_Core], name: str) -> _Core:
    tw = P.type_word_re().match(name)
    name_type = type_name_of(tw.group(0)) if tw else None
    num = re.search(r"\d+", name)
    name_number = num.group(0).lstrip("0") if num else None
    for c in chain:
        if name_number and c.number and c.number.lstrip("0") == name_number:
            return c
    for c in chain:
        if name_type and c.type == name_type:
            return c
    return chain[-1]


def definition_spans(s: str) -> list[tuple[int, int]]:
    spans = []
    for m in _DEFINITION_SCAN_RE.finditer(s):
        sm = P.SHORT_NAME_RE.match(s, m.start())
        if sm:
            spans.append((m.start(), sm.end()))
    return spans


#: Cheap scan for "(sau đây" so that a defined short name is not read as a citation of its own.
_DEFINITION_SCAN_RE = re.compile(r"\([^\S\n]*\*?[^\S\n]*sau\s+đây", re.IGNORECASE)


