"""The rendered document: plain data the exporter lays out (and a preview can show).

Every text here is final wording (citations decided, dates formatted, number-code padded); the
exporter only chooses fonts, sizes and positions from the layout profile.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Run", "RenderedBlock", "RenderedFootnote", "RenderedHeader", "Signature", "RenderedDocument"]


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    footnote: int | None = None  # a footnote reference mark (text is empty)
    source: str = ""  # for citations: "registry", "snapshot" (registry lacked it) or "missing"


@dataclass(frozen=True)
class RenderedBlock:
    kind: str  # "paragraph", "item", "heading"
    runs: tuple[Run, ...]
    level: int = 0

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class RenderedFootnote:
    number: int
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class RenderedHeader:
    title: str  # ĐẢNG CỘNG SẢN VIỆT NAM
    parent_body_lines: tuple[str, ...]  # one paragraph, these lines joined by line breaks
    issuer_lines: tuple[str, ...]  # idem
    star: str  # "*"
    number_line: str  # "Số 567-KL/TU"
    place_date: str
    secrecy: str = ""
    urgency: str = ""
    draft_marker: str = ""


@dataclass(frozen=True)
class Signature:
    authority_line: str  # "T/M BAN THƯỜNG VỤ" ("" when the head signs)
    title_line: str  # "PHÓ BÍ THƯ"
    name: str


@dataclass(frozen=True)
class RenderedDocument:
    header: RenderedHeader
    doc_type: str  # KẾT LUẬN
    doc_type_of: tuple[str, ...]  # ("CỦA BAN THƯỜNG VỤ THÀNH ỦY",) or ()
    subject_lines: tuple[str, ...]  # ("về ...", "...")
    subject_rule: str  # "-----"
    blocks: tuple[RenderedBlock, ...]
    footnotes: tuple[RenderedFootnote, ...]
    signature: Signature
    recipients_label: str  # "Nơi nhận:"
    recipients: tuple[str, ...]  # "- Ban Tổ chức Trung ương (để báo cáo),", ..., "- Lưu Văn phòng Thành ủy."
    notices: tuple[str, ...] = ()  # Vietnamese notes for the user (citations not in the registry ...)
