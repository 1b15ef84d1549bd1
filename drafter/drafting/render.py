"""Render a draft into a :class:`RenderedDocument`: citations worded, dates and codes formatted.

The full/short decision is made here, in document order (body blocks in order; a footnote's text
counts where its reference mark stands), so moving a paragraph can never leave a short form before
the full one. The registry is reached only through ``lookup``; a draft's snapshot is used when the
registry lacks the entry, and the run says so (``source="snapshot"``) with a notice for the user.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from ..numbercode import format_number
from .citetext import canonical_number_code, entry_from_snapshot, full_citation, short_citation, short_name_clause
from .dates import DateRules, place_date_line
from .model import Cite, CitationRef, Draft, Header, NoteRef, Segment, Text
from .rendered import RenderedBlock, RenderedDocument, RenderedFootnote, RenderedHeader, Run, Signature

__all__ = ["render", "Lookup", "format_recipients", "number_line"]

Lookup = Callable[[CitationRef], Optional[Any]]  # CitationRef -> Entry | None
#: Spaces left in "Số      -KL/TU" for the văn thư to write the number by hand.
_BLANK_NUMBER = "      "


@dataclass
class _State:
    draft: Draft
    lookup: Lookup | None
    rules: DateRules
    seen: set = field(default_factory=set)
    short_names: dict = field(default_factory=dict)
    entries: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)  # RenderedFootnote in order of reference
    note_numbers: dict = field(default_factory=dict)
    notices: list = field(default_factory=list)


def _resolve(state: _State, ref: CitationRef) -> tuple[Any, str]:
    if ref.key not in state.entries:
        entry = state.lookup(ref) if state.lookup else None
        source = "registry"
        if entry is None and ref.key in state.draft.snapshots:
            entry, source = entry_from_snapshot(state.draft.snapshots[ref.key], ref), "snapshot"
            state.notices.append(f"{ref.number_code}: không có trong danh mục văn bản, dùng thông tin lưu trong dự thảo.")
        elif entry is None:
            source = "missing"
            state.notices.append(f"{ref.number_code}: không có trong danh mục văn bản và dự thảo không lưu thông tin; "
                                 "chỉ ghi được số, ký hiệu.")
        state.entries[ref.key] = (entry, source)
    return state.entries[ref.key]


def _doc_key(state: _State, ref: CitationRef) -> str:
    """Which cited document ``ref`` names, for the first-mention decision: the padded code and the
    jurisdiction, plus the date when given; an undated mention joins a dated one of the same code
    already seen ("Kế hoạch số 99-KH/TU" after "Kế hoạch số 99-KH/TU, ngày 31/3/2022 ...")."""
    base = f"{canonical_number_code(ref.number_code)}@{ref.jurisdiction or ''}"
    if ref.date is None:
        dated = next((k for k in state.seen if k.startswith(base + "@")), None)
        return dated or base + "@"
    return f"{base}@{ref.date.isoformat()}"


def _cite_text(state: _State, seg: Cite) -> Run:
    entry, source = _resolve(state, seg.ref)
    key = _doc_key(state, seg.ref)
    first = key not in state.seen
    state.seen.add(key)
    style = state.draft.header.date_style
    if seg.form == "full" or (seg.form == "auto" and first):
        text = full_citation(entry, seg.ref, style, state.rules, seg.with_subject)
        if seg.short_name and key not in state.short_names:
            state.short_names[key] = seg.short_name.strip()
            text += short_name_clause(seg.short_name)
    elif key in state.short_names:
        text = state.short_names[key]
    else:
        text = short_citation(entry, seg.ref)
    return Run(text, source=source)


def _note_run(state: _State, seg: NoteRef) -> Run:
    if seg.note_id not in state.note_numbers:
        number = len(state.note_numbers) + 1
        state.note_numbers[seg.note_id] = number
        note = state.draft.footnote(seg.note_id)
        runs = _runs(state, note.segments) if note else (Run("(chú thích chưa có nội dung)"),)
        state.notes.append(RenderedFootnote(number, runs))
    return Run("", footnote=state.note_numbers[seg.note_id])


def _runs(state: _State, segments: tuple[Segment, ...]) -> tuple[Run, ...]:
    runs = []
    for seg in segments:
        if isinstance(seg, Cite):
            runs.append(_cite_text(state, seg))
        elif isinstance(seg, NoteRef):
            runs.append(_note_run(state, seg))
        elif isinstance(seg, Text) and seg.text:
            runs.append(Run(seg.text, seg.bold, seg.italic))
    return tuple(runs)


def number_line(header: Header, profile_number: dict) -> str:
    """``Số 567-KL/TU`` (no colon), or ``Số      -KL/TU`` when the number is left blank."""
    prefix = profile_number.get("prefix", "Số") + (":" if profile_number.get("colon") else "")
    number = format_number(header.number) if header.number.strip() else _BLANK_NUMBER
    return f"{prefix} {number}-{header.type_code}/{header.body_code}"


def format_recipients(names: tuple[str, ...], rules: dict) -> tuple[str, ...]:
    """``- X,`` lines and a last ``- Lưu X.`` line (party-format.md §3.1, 9b-ii)."""
    prefix, end, last_end = rules.get("line_prefix", "- "), rules.get("line_end", ","), rules.get("last_end", ".")
    clean = [n.strip().lstrip("-–").strip().rstrip(",;.").strip() for n in names]
    clean = [n for n in clean if n]
    filing = [n for n in clean if n.startswith("Lưu")]
    ordered = [n for n in clean if not n.startswith("Lưu")] + filing[-1:]
    return tuple(f"{prefix}{n}{last_end if i == len(ordered) - 1 else end}" for i, n in enumerate(ordered))


def _lower_start(subject: str) -> str:
    """The trích yếu starts in lowercase: "Về ..." → "về ..." (other words are left as written)."""
    return "v" + subject[1:] if subject.startswith("Về ") else subject


def _signature(header: Header) -> Signature:
    authority = f"{header.authority} {header.collective}".strip() if header.authority else ""
    return Signature(authority.upper(), header.signer_title.upper(), header.signer_name)


def _upper_lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip().upper() for line in text.splitlines() if line.strip())


def _header(header: Header, profile: Any, rules: DateRules) -> RenderedHeader:
    return RenderedHeader(
        title=profile.element("title")["text"], parent_body_lines=_upper_lines(header.parent_body),
        issuer_lines=_upper_lines(header.issuer), star=profile.element("star")["text"],
        number_line=number_line(header, profile.element("number")),
        place_date=place_date_line(header.place.strip(), header.date, rules),
        secrecy=header.secrecy.upper(), urgency=header.urgency.upper(), draft_marker=header.draft_marker,
    )


def render(draft: Draft, lookup: Lookup | None = None, profile: Any = None) -> RenderedDocument:
    """Word ``draft`` for export; ``lookup(ref)`` returns the registry's Entry or None."""
    if profile is None:
        from ..export.profile import load_profile
        profile = load_profile()
    rules = DateRules.from_profile(profile.data)
    state = _State(draft, lookup, rules)
    blocks = tuple(RenderedBlock(b.kind, _runs(state, b.segments), b.level) for b in draft.body)
    h = draft.header
    subject = [line.strip() for line in _lower_start(h.subject.strip()).splitlines() if line.strip()]
    return RenderedDocument(
        header=_header(h, profile, rules), doc_type=h.doc_type.strip().upper(),
        doc_type_of=_upper_lines(h.doc_type_of),
        subject_lines=tuple(subject), subject_rule=profile.element("subject_rule")["text"],
        blocks=blocks, footnotes=tuple(state.notes), signature=_signature(h),
        recipients_label=profile.element("recipients_label")["text"],
        recipients=format_recipients(h.recipients, profile.element("recipients")),
        notices=tuple(state.notices),
    )
