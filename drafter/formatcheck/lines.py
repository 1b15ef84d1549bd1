"""Lines: the unit the element finder works on.

A paragraph is split into lines at line breaks and at tab runs (the header of a plain-paragraph
document often reads ``TỈNH UỶ X<tab><tab>ĐẢNG CỘNG SẢN VIỆT NAM``). Each line keeps its exact
offsets into the document text, so findings can point at it and suggestions can replace it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .patterns import MARKDOWN_EMPHASIS_RE, NUMBERING_TOKEN_RE, PIECE_SPLIT_RE

__all__ = ["Line", "split_lines", "is_upper_text"]


@dataclass(frozen=True)
class Line:
    index: int  # ordinal among non-empty lines
    para: int  # paragraph index in the document
    start: int  # offset of ``raw`` in the document text
    raw: str  # the line as written (stripped of surrounding spaces)
    clean: str  # ``raw`` without Markdown emphasis markers (text copies only)
    gap_before: bool  # an empty paragraph (or line) precedes it
    lo: int  # offset of ``raw`` inside its paragraph
    table: int | None = None
    row: int | None = None
    col: int | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.raw)

    @property
    def hi(self) -> int:
        return self.lo + len(self.raw)


def is_upper_text(text: str) -> bool:
    """True when every letter is uppercase and there are at least two letters."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def split_lines(paragraphs, *, markdown: bool) -> list[Line]:
    """Lines of ``paragraphs``: an iterable of ``(text, start, table, row, col)``."""
    lines: list[Line] = []
    gap = False
    for para_index, (text, start, table, row, col) in enumerate(paragraphs):
        pieces = _pieces(text)
        if not pieces:
            gap = True
            continue
        for lo, raw in pieces:
            clean = MARKDOWN_EMPHASIS_RE.sub("", raw).strip() if markdown else raw
            if not clean:
                gap = True
                continue
            lines.append(Line(len(lines), para_index, start + lo, raw, clean, gap, lo, table, row, col))
            gap = False
    return lines


def _pieces(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for m in PIECE_SPLIT_RE.finditer(text + "\n"):
        piece = text[pos:m.start()]
        stripped = piece.strip()
        if stripped:
            lo = pos + piece.index(stripped)
            end = lo + len(stripped)
            if out and NUMBERING_TOKEN_RE.match(out[-1][1]) and "\n" not in text[out[-1][0]:lo]:
                lo = out.pop()[0]  # "I-<tab>KẾT QUẢ": the numbering belongs to its text
            out.append((lo, text[lo:end]))
        pos = m.end()
    return out
