"""Regular expressions that recognise layout elements by their text (party-format.md §2-§5).

Every pattern runs on one *line*: a paragraph, or a piece of one split at a line break or a tab
run (real documents put the issuer and the title on one tab-separated line). Lines are stripped
of surrounding whitespace and of Markdown emphasis markers before matching.
"""

from __future__ import annotations

import re

#: Markdown emphasis that text copies of documents carry ("**KẾT LUẬN**", "*về ...*"); removed
#: before matching so the element finder sees the words. A lone "*" (the dấu sao) is kept.
MARKDOWN_EMPHASIS_RE = re.compile(r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}")

#: Splits a paragraph into layout pieces: a line break, or a run of tabs / 4+ spaces
#: ("TỈNH UỶ THÁI BÌNH\t\tĐẢNG CỘNG SẢN VIỆT NAM").
PIECE_SPLIT_RE = re.compile(r"\n|\t+|[^\S\n]{4,}")

#: A numbering token that a tab separates from its text: "I-", "II.", "1.", "1.2.", "a)", "-", "+".
#: Such a piece is joined to the text after it instead of becoming a line of its own.
NUMBERING_TOKEN_RE = re.compile(r"^(?:[IVXLC]{1,6}[-.]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[-+•])$")

#: The dấu sao under the issuer: "*", "* * *" is not Party style but is still the separator.
STAR_RE = re.compile(r"^\*(?:\s*\*){0,2}$")

#: The number line (ô 3): "Số 127-QĐ/TW", "Số: 15/QĐ-TW", "Số 01- BC/CB", "Số    -KL/TU" (a draft
#: with the number left blank). Anchored at the line start so the receipt stamp "ĐẾN Số:" and
#: "Lưu hồ sơ số:" never match. Groups: colon (":" or "." after Số), rest (what follows).
NUMBER_LINE_RE = re.compile(r"^Số(?P<colon>\s*[:.])?\s*(?P<rest>(?:\d|-|…|\.{3,}|_).*)$")

#: A code written in the State order number/TYPE-BODY, "15/QĐ-TW", "05/BNV-VP".
STATE_CODE_RE = re.compile(r"^\s*\d+\s*/\s*[A-ZĐ][A-Za-zĐđ]*\s*-\s*[A-ZĐ][A-Za-zĐđ0-9-]*")

#: A receipt stamp placeholder such as "Số:....." or "Số: ………" (nothing to check).
PLACEHOLDER_RE = re.compile(r"^[\s.…_]*$")

#: The place-and-date line (ô 4): "Hà Nội, ngày 03 tháng 4 năm 2018"; tolerant so that its
#: errors can be reported: missing comma, numeric dates, blanks left in a draft ("ngày   tháng").
#: Groups: place, comma, day, month, year (day/month/year may be None for blanks).
PLACE_DATE_RE = re.compile(
    r"^(?P<place>[^\W\d_][^\d,]{0,40}?)(?P<comma>\s*,)?\s+(?i:ngày)\s*(?P<day>\d{1,2})?[\s.…_]*"
    r"(?i:tháng)\s*(?P<month>\d{1,2})?[\s.…_]*(?i:năm)\s*(?P<year>\d{4})?\s*\.?$"
)

#: "Ngày", "Tháng", "Năm" capitalised inside the date line (they are written in lowercase).
DATE_WORD_CAPITAL_RE = re.compile(r"\b(?:Ngày|Tháng|Năm|NGÀY|THÁNG|NĂM)\b")

#: A place-date line written with a numeric date: "Hà Nội, ngày 03/4/2018", "Huế, 03-4-2018".
PLACE_NUMERIC_DATE_RE = re.compile(
    r"^(?P<place>[A-ZĐ][^\d,:]{1,40}?),\s*(?:ngày\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\s*$"
)

#: The subject separator: exactly "-----" is right; other dash runs are reported (FMT049).
DASH_LINE_RE = re.compile(r"^[-–—_]{3,}$")

#: Signing authority (ô 7a), Party and State forms: "T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ",
#: "TM. BAN THƯỜNG VỤ", "KT.", "TL.", "TUQ.", "T/UQ", "Q. TRƯỞNG BAN". Group form.
AUTHORITY_RE = re.compile(r"^(?P<form>T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|T\s*/\s*UQ|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s*(?P<rest>\S.*)$")

#: Party authority forms written right: slash, no spaces, no period.
PARTY_AUTHORITY_RE = re.compile(r"^(?:T/M|K/T|T/L)$")

#: The recipients label (ô 9b): "Nơi nhận:", "Nơi nhận", "NƠI NHẬN:". Group colon.
RECIPIENTS_LABEL_RE = re.compile(r"^N[ơƠ]I\s+NH[ậẬ]N\s*(?P<colon>:)?\s*$|^Nơi\s+nhận\s*(?P<colon2>:)?\s*$", re.IGNORECASE)

#: One recipient line: "- Các tỉnh uỷ, thành uỷ,", "+ ...", "• ..." (prefix group).
RECIPIENT_ITEM_RE = re.compile(r"^(?P<prefix>[-–—+•])\s*(?P<rest>.*)$")

#: The filing line: "- Lưu Văn phòng Tỉnh uỷ.", "- Lưu: VT, VP." (colon group = State habit).
FILING_LINE_RE = re.compile(r"^[-–—+•]?\s*Lưu(?P<colon>\s*:)?(?:\s|$)", re.IGNORECASE)

#: The "Kính gửi:" / "Kính trình:" line (ô 9a).
KINH_GUI_RE = re.compile(r"^Kính\s+(?:gửi|trình)\b", re.IGNORECASE)

#: A căn cứ (legal basis) line: "- Căn cứ Điều lệ Đảng;", "Căn cứ ...", "- Xét đề nghị ...,",
#: "- Theo đề nghị của ...,". Group dash.
CAN_CU_RE = re.compile(r"^(?P<dash>[-–—]\s*)?(?:Căn cứ|Xét|Theo đề nghị)\b")

#: Headings: "I- MỤC TIÊU", "II. Kết quả" (Roman), "1. ..." (Arabic), "a) ..." (letter).
HEADING_ROMAN_RE = re.compile(r"^(?P<num>[IVXLC]{1,6})\s*(?P<sep>[-.–])\s+\S")
HEADING_ARABIC_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,2}\.\s+\S")
HEADING_LETTER_RE = re.compile(r"^[a-zđ]\)\s+\S")

#: A signer's name: 2-6 capitalised words, no digits ("Nguyễn Văn A", "Bùi Văn Lý").
SIGNER_NAME_RE = re.compile(r"^(?:[A-ZĐÀ-Ỹ][^\s\d,.;:]*\s+){1,5}[A-ZĐÀ-Ỹ][^\s\d,.;:]*$")

#: A signer's name preceded by academic titles, which Party documents leave out:
#: "PGS.TS. Nguyễn Văn A", "TS Nguyễn Văn B". Group titles.
ACADEMIC_NAME_RE = re.compile(r"^(?P<titles>(?:(?:GS|PGS|TS|ThS|TSKH|CN|KS|BS)\.?\s*)+)\s*(?P<name>[A-ZĐÀ-Ỹ][^\d,;:]*)$")

#: "Kính gửi" / "Kính trình" with or without the colon. Group colon.
KINH_GUI_COLON_RE = re.compile(r"^Kính\s+(?:gửi|trình)\s*(?P<colon>:)?", re.IGNORECASE)

#: The first recipient of a công văn or tờ trình: "- Như trên,".
NHU_TREN_RE = re.compile(r"^[-–—+•]?\s*Như\s+trên\b", re.IGNORECASE)

#: How a trích yếu usually begins ("về …", "Về …" typed State-style, "tại Hội nghị …"): such a
#: line right under the tên loại is the trích yếu even when a text copy put it on one long line.
SUBJECT_START_RE = re.compile(r"^(?:về|tại)\s", re.IGNORECASE)

#: A footnote line in a text copy: "³ Đề án số ...", "1/ ...".
FOOTNOTE_LINE_RE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s")

#: Marks that can sit in the header and are not the issuer: MẬT, KHẨN, DỰ THẢO, receipt stamps.
HEADER_MARK_RE = re.compile(r"^(?:MẬT|TỐI MẬT|TUYỆT MẬT|KHẨN|THƯỢNG KHẨN|HỎA TỐC|HOẢ TỐC|DỰ THẢO|ĐẾN)\b")

#: Part, chapter and appendix labels, centred in the body: "Phần I", "Chương II", "Phần thứ nhất",
#: "Mục 1", "Phụ lục 2"; body paragraph rules (justify, indent) do not apply to them.
PART_LABEL_RE = re.compile(r"^(?:Phần|Chương|Mục|Phụ lục)\s+(?:[IVXLC]+|\d+|thứ\s+\S+)\s*$", re.IGNORECASE)
