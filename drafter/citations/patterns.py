"""The regular expressions of the citation extractor, each named and explained (design.md rule 6).

All patterns run on the NFC copy of the text made by :func:`drafter.text.normalize_with_map`
(look-alike letters already replaced), never on the original. Whitespace inside a citation may
hold at most one line break (``_GAP``); a blank line always ends a citation.

Strategy (for speed): :func:`type_word_re` is the cheap anchor scanned over the whole text; every
other pattern here is applied with ``.match`` at a position right after an anchor.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..doctypes import doc_types, type_by_name
from ..text import fold

__all__ = [
    "type_word_re", "type_word_scan_re", "type_name_of", "QUALIFIER_RE", "NUMBER_INTRO_RE", "NUMBER_TOKEN_RE", "MORE_NUMBER_RE",
    "BARE_NUMBER_REJECT_RE", "STATE_CODE_RE", "YEAR_RANGE_RE", "FOOTNOTE_RE", "ISSUER_INTRO_RE", "ISSUER_BARE_RE",
    "ISSUER_STOP_RE", "TERM_RE", "YEAR_ONLY_RE", "SUBJECT_INTRO_RE", "SUBJECT_VERB_RE", "SUBJECT_QUOTED_RE",
    "SUBJECT_END_RE", "SHORT_NAME_RE", "NAMED_RE", "SELF_LINE_RE", "SEPARATOR_BEFORE_RE",
    "GAP", "LETTER_AFTER", "PLURAL_BEFORE_RE", "MID_SENTENCE_BEFORE_RE", "ISSUER_LOWER_WORDS",
    "MAIN_CLAUSE_RE", "CAN_CU_BEFORE_RE", "TITLE_WORDS_RE", "FOOTNOTE_BREAK_RE",
]

#: Horizontal whitespace with at most one line break: "Chỉ\nthị", "số\n99-QĐ/TW".
GAP = r"[^\S\n]*(?:\n[^\S\n]*)?"
#: At least one space or one line break (between the syllables of a type word).
_GAP1 = r"(?:[^\S\n]+(?:\n[^\S\n]*)?|\n[^\S\n]*)"
#: "not followed by a letter" (a word boundary that knows Vietnamese letters).
LETTER_AFTER = r"(?![^\W\d_])"

#: Extra spellings of type-name syllables seen in real texts ("Qui định" for "Quy định").
_SYLLABLE_VARIANTS = {"quy": "qu[yi]"}


def _type_word_pattern(name: str) -> str:
    syllables = []
    for syl in name.split():
        syllables.append(_SYLLABLE_VARIANTS.get(syl.lower(), re.escape(syl)))
    return _GAP1.join(syllables)


@lru_cache(maxsize=1)
def type_word_re() -> re.Pattern:
    """The anchor: any document type name, any case, syllables split by spaces or a line break.

    Built from ``resources/rules/doc_types.json`` on first use (rule values live in data).
    Examples: "Kết luận", "KẾT LUẬN", "chỉ thị", "Chỉ\\nthị", "Qui định". Longest names first so
    "Chương trình" wins over nothing shorter, "Thông tri" and "Thông báo" stay distinct.
    A preceding letter is refused so "Dự thảo Kết luận" matches but "xKết" does not.
    """
    names = sorted({t.name for t in doc_types()}, key=len, reverse=True)
    alternatives = "|".join(f"(?:{_type_word_pattern(n)})" for n in names)
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives}){LETTER_AFTER}", re.IGNORECASE)


@lru_cache(maxsize=1)
def type_word_scan_re() -> re.Pattern:
    """The same anchor for scanning a *lower-cased* copy of the text, about twice as fast.

    Case-sensitive on lower-case names, with a first-letter lookahead ("\\b(?=[bchk...])") so the
    engine skips most positions cheaply. Only valid when ``text.lower()`` keeps the length.
    """
    names = sorted({t.name.lower() for t in doc_types()}, key=len, reverse=True)
    alternatives = "|".join(f"(?:{_type_word_pattern(n)})" for n in names)
    firsts = "".join(sorted({n[0] for n in names}))
    return re.compile(rf"\b(?=[{re.escape(firsts)}])(?:{alternatives}){LETTER_AFTER}")


@lru_cache(maxsize=256)
def type_name_of(word: str) -> str | None:
    """The canonical type name of a written type word: "CHỈ\\nTHỊ" → "Chỉ thị", "Qui định" → "Quy định"."""
    key = " ".join(fold(word).split())
    key = re.sub(r"\bqui\b", "quy", key)
    t = type_by_name(key)
    return t.name if t else None


#: Words between a type name and its number: "Chương trình hành động số 32-CTrHĐ/TU",
#: "Thông báo kết luận số 12-TB/TW", "Kế hoạch liên tịch số 05-KHLT/...".
QUALIFIER_RE = re.compile(
    rf"{_GAP1}(?:hành{_GAP1}động|kết{_GAP1}luận|liên{_GAP1}tịch|phối{_GAP1}hợp){LETTER_AFTER}", re.IGNORECASE
)

#: What leads to a number: optional "số" (with ":" or glued: "số1456", "Số: 06"), then a digit.
#: "Kết luận số 01", "Quy định 124", "Quyết định số\n99-QĐ/TW".
NUMBER_INTRO_RE = re.compile(rf"{GAP}(?:(?P<so>s[ốố]|S[ỐỐ])(?:[^\S\n]*[:.])?{GAP})?(?=\d)", re.IGNORECASE)

_CODE_PART = r"[A-Za-zĐđƯưƠơ](?:[A-Za-zĐđƯưƠơ0-9]|\.(?=[A-ZĐƯ]))*"
#: A number with whatever code follows it, tolerant of spaces around "-" and "/":
#: "21-KL/TW", "100 - KL/TW", "24-QĐ / TW", "217/QĐ-TW", "01-ĐATU", "42/2022/NĐ-CP",
#: "141-CV/VPTW/nb", "05-CT/T.Ư", "21-KL/\nTW" (wrapped), or a bare "57". The code is then read by
#: drafter.numbercode.
NUMBER_TOKEN_RE = re.compile(
    rf"(?P<num>\d{{1,6}})(?![\d,.]\d)(?P<rest>(?:{GAP}[-/]{GAP}(?:\d{{4}}(?!\d)|{_CODE_PART}))*)"
)

#: A further number sharing the same type word: "18-NQ/TW, 19-NQ/TW", "57, 66 và 68",
#: "số 18-NQ/TW, số 19-NQ/TW".
MORE_NUMBER_RE = re.compile(
    rf"[^\S\n]*(?:,[^\S\n]*(?:và[^\S\n]+)?|và[^\S\n]+){GAP}(?:(?P<so>số)[^\S\n]*)?(?=\d)", re.IGNORECASE
)

#: A bare number (no "số", no code) that counts something rather than naming a document:
#: "Kế hoạch 5 năm", "Chương trình 2 nội dung", "Kết luận 3 điểm", "Quy định 5 điều", "Báo cáo 6 tháng".
BARE_NUMBER_REJECT_RE = re.compile(
    rf"{GAP}(?:năm|tháng|tuần|tuổi|%|người|lần|nội{_GAP1}dung|điểm|nhiệm{_GAP1}vụ|giải{_GAP1}pháp|mục{_GAP1}tiêu|"
    rf"chỉ{_GAP1}tiêu|đồng|triệu|tỷ|cuộc|văn{_GAP1}bản|đơn{_GAP1}vị|giờ|phút|km|ha|tập|trang|bước|khâu|"
    rf"nhóm|vấn{_GAP1}đề|mặt|lĩnh{_GAP1}vực|điều|khoản|chương|mục|phần|trường{_GAP1}hợp|loại|tiêu{_GAP1}chí|"
    rf"tiêu{_GAP1}chuẩn|cấp|đợt|kỳ|tầng|tuyến|ngày(?!{GAP}\d)){LETTER_AFTER}",
    re.IGNORECASE,
)

#: A State (not Party) number-code: "42/2022/NĐ-CP", "15/QĐ-BNV", "10/2022/QH15", "01/2011/TT-BNV".
STATE_CODE_RE = re.compile(
    r"(?P<number>\d{1,6})/(?:(?P<year>\d{4})/)?(?P<code>[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ0-9][A-Za-zĐđ0-9]*)*)$"
)

#: A year range after a type word is a period, not a number: "Chương trình 2021-2025".
YEAR_RANGE_RE = re.compile(r"(?:19|20)\d\d[^\S\n]*[-–/][^\S\n]*(?:19|20)\d\d$")

#: Footnote markers glued to a citation: "Kết luận số 01*", "Thành ủy²", "thực hiện¹".
FOOTNOTE_RE = re.compile(r"[*¹²³⁴⁵⁶⁷⁸⁹⁰]+")

#: "của" introducing the issuer: ", của Ban Bí thư", "\ncủa Bộ Chính trị".
ISSUER_INTRO_RE = re.compile(rf"[^\S\n]*,?{GAP}của{_GAP1}(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ\w])", re.IGNORECASE)

#: An issuer right after the date without "của" (common in căn cứ lines): "Nghị quyết số 04-NQ/TW
#: ngày 30/10/2016 Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII", ", Bộ Chính trị".
ISSUER_BARE_RE = re.compile(
    rf"[^\S\n]*,?{GAP}(?=(?:Hội{_GAP1}nghị|Ban{_GAP1}Chấp{_GAP1}hành|Bộ{_GAP1}Chính{_GAP1}trị|Ban{_GAP1}Bí{_GAP1}thư|"
    rf"Ban{_GAP1}Thường{_GAP1}vụ|Thường{_GAP1}trực|Ủy{_GAP1}ban{_GAP1}Kiểm{_GAP1}tra|Uỷ{_GAP1}ban{_GAP1}Kiểm{_GAP1}tra)"
    rf"{LETTER_AFTER})"
)

#: Where an issuer ends: punctuation, a blank line, a footnote marker, or a word that starts
#: the next part of the sentence ("về", "thực hiện", "ban hành", "gắn với", "và" ...).
#: "của Ban Bí thư về ...", "của Bộ Chính trị; kiên quyết", "của Ban Thường vụ Thành ủy²".
ISSUER_STOP_RE = re.compile(
    rf"[,;:.!?()\[\]“”\"*¹²³⁴⁵⁶⁷⁸⁹⁰]|\n[^\S\n]*\n|(?<=\s)(?:về|thực{_GAP1}hiện|ban{_GAP1}hành|gắn{_GAP1}với|"
    rf"nhằm|đã|được|theo|trong|tại|đối{_GAP1}với|để|với|là|sau|cho|đến|từ|nay|này|và|ngày(?={GAP}\d)|"
    rf"năm(?={GAP}\d)){LETTER_AFTER}",
)

#: A term in parentheses or after a comma, part of an issuer or a name:
#: "(khóa XII)", "(khoá XI, XII)", " khóa XI, khóa XII".
TERM_RE = re.compile(
    rf"[^\S\n]*,?[^\S\n]*(?P<paren>\()?[^\S\n]*(?:[Kk]h(?:óa|oá)|KHÓA|KHOÁ){_GAP1}[IVXLC]+{LETTER_AFTER}"
    rf"(?:[^\S\n]*,[^\S\n]*(?:(?:[Kk]h(?:óa|oá)|KHÓA|KHOÁ){_GAP1})?[IVXLC]+{LETTER_AFTER})*(?(paren)[^\S\n]*\))"
)

#: A year alone after the number-code: "Kết luận 118-KL/TW năm 2025", "(năm 2019)".
YEAR_ONLY_RE = re.compile(rf"[^\S\n]*,?{GAP}(?P<paren>\()?[^\S\n]*năm{_GAP1}(?P<year>(?:19|20)\d\d)(?!\d)(?(paren)[^\S\n]*\))",
                          re.IGNORECASE)

#: The start of a subject (trích yếu): "về ...", also inside emphasis or quotes:
#: " về đẩy mạnh", ", về việc", " *về tiếp tục", " về *đẩy mạnh ...*", "*“về nâng cao ...”*".
SUBJECT_INTRO_RE = re.compile(
    rf"[^\S\n]*,?{GAP}(?P<open1>[*“\"]*)[^\S\n]*(?:về|Về|VỀ)(?:{_GAP1}(?P<open2>[*“\"]*)|(?P<open3>[*“\"]+))"
)

#: A subject that starts with a verb instead of "về", accepted only right after an issuer or date:
#: "của Ban Thường vụ Thành ủy thực hiện Nghị quyết số 28-NQ/TW", "của Ban Bí thư ban hành Hướng dẫn ...".
SUBJECT_VERB_RE = re.compile(rf"[^\S\n]*,?{GAP}(?=(?:thực{_GAP1}hiện|ban{_GAP1}hành|hướng{_GAP1}dẫn){LETTER_AFTER})")

#: A quoted title used as the subject right after an issuer or date (no "về"): "Nghị quyết số
#: 18-NQ/TW ngày 25/10/2017 của Hội nghị lần thứ sáu ... (khóa XII) “Một số vấn đề về ...”".
SUBJECT_QUOTED_RE = re.compile(rf"[^\S\n]*,?{GAP}\*?(?P<quote>[“\"])")

#: Where a subject ends (besides the next citation): ";", ":", a blank line, a sentence end,
#: "(sau đây ...)", a footnote marker, a clause connective (", gắn với", ", nhằm", ", đồng thời"),
#: or the usual trailer "và các văn bản (có liên quan)".
SUBJECT_END_RE = re.compile(
    rf";|:|\n[^\S\n]*\n|\.+(?=\s|$)|\([^\S\n]*\*?[^\S\n]*sau{_GAP1}đây|[¹²³⁴⁵⁶⁷⁸⁹⁰]|"
    rf",?{_GAP1}(?:gắn{_GAP1}với|nhằm|đồng{_GAP1}thời|qua{_GAP1}đó|trong{_GAP1}đó){LETTER_AFTER}|"
    rf",?{_GAP1}(?:và{_GAP1})?các{_GAP1}văn{_GAP1}bản{LETTER_AFTER}",
    re.IGNORECASE,
)

#: A defined short name: "(sau đây gọi tắt là Kết luận số 01)", "(*sau đây gọi tắt là Kết luận số 01*)",
#: "(sau đây gọi là *Quyết định số 99-QĐ/TW*)", "(sau đây viết tắt là “Quy định 99”)".
SHORT_NAME_RE = re.compile(
    rf"[^\S\n]*,?{GAP}\([^\S\n]*\*?[^\S\n]*sau{_GAP1}đây{_GAP1}(?:(?:được|gọi|viết|tắt|là){_GAP1})*"
    rf"[*“\"]*(?P<name>[^()*“”\"\n]{{1,100}}?)[*”\"]*[^\S\n]*\*?[^\S\n]*\)",
    re.IGNORECASE,
)

#: A Nghị quyết named without a number: "Nghị quyết Trung ương 4 (khóa XI, XII)", "Nghị quyết TW4
#: khóa XII", "Nghị quyết Hội nghị Trung ương 8 khóa XIII", "Nghị quyết Hội nghị lần thứ tám Ban Chấp hành
#: Trung ương Đảng khóa XIII" (a term required), "Nghị quyết Đại hội XIII",
#: "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "Nghị quyết Đại hội đại biểu Đảng bộ
#: Thành phố Hồ Chí Minh lần thứ X". Case-sensitive on purpose: "nghị quyết đại hội Đảng các cấp"
#: (no numeral) is a generic mention.
NAMED_RE = re.compile(
    rf"{_GAP1}(?P<name>(?:Hội{_GAP1}nghị{_GAP1})?(?:Trung{_GAP1}ương|TRUNG{_GAP1}ƯƠNG|TW|TƯ|T\.Ư){GAP}(?:\d{{1,2}}(?![\d/-])|lần{_GAP1}thứ{_GAP1}[^\W\d_]+(?:{_GAP1}[^\W\d_]+)?{_GAP1}(?=khóa|khoá))"
    rf"|Hội{_GAP1}nghị{_GAP1}lần{_GAP1}thứ{_GAP1}[^\W\d_]+(?:{_GAP1}[^\W\d_]+)?{_GAP1}Ban{_GAP1}Chấp{_GAP1}hành"
    rf"{_GAP1}Trung{_GAP1}ương(?:{_GAP1}Đảng)?(?=[^\S\n]*,?[^\S\n]*\(?(?:[Kk]h(?:óa|oá)))"
    rf"|Đại{_GAP1}hội(?:{_GAP1}(?:đại{_GAP1}biểu|toàn{_GAP1}quốc|Đảng{_GAP1}bộ|[A-ZĐ][^\W\d_]*|thành{_GAP1}phố|phố|tỉnh|lần{_GAP1}thứ))*?{_GAP1}[IVXLC]+{LETTER_AFTER})"
)

#: The document's own "Số" line in its header: "Số 567-KL/TU", "Số: 06-CT/TU", alone on its line
#: (or followed by a tab / wide gap before the place and date).
SELF_LINE_RE = re.compile(r"^[^\S\n]*S[ốố][^\S\n]*:?[^\S\n]*(?P<code>\d[^\n\t]{0,40}?)[^\S\n]*(?:$|\t|[^\S\n]{3,})",
                          re.MULTILINE)

#: What makes a type word after a subject a sibling (end the subject) rather than its object:
#: "..., Quy định số 01", "...; Kết luận", "... và Quy định 01", "... gắn với Chỉ thị 05", ", các Quy định".
SEPARATOR_BEFORE_RE = re.compile(
    rf"(?:[,;]|(?<![^\W\d_])(?:và|với|cùng|hoặc)){GAP}(?:(?:các|những){_GAP1})?$", re.IGNORECASE
)

#: A plural or demonstrative before a type word makes it generic: "các Quy định của Trung ương",
#: "những Chỉ thị", "mọi Nghị quyết", "một số Kết luận".
PLURAL_BEFORE_RE = re.compile(r"(?:các|những|mọi|một[^\S\n]+số|nhiều|từng)[^\S\n]*(?:\n[^\S\n]*)?$", re.IGNORECASE)

#: A document named only by its subject must sit mid-sentence, after a lower-case word:
#: "Thực hiện nghiêm Quy định về trách nhiệm nêu gương" (yes), "3. Hướng dẫn về nghiệp vụ" (no).
MID_SENTENCE_BEFORE_RE = re.compile(r"(?<![^\W\d_])[a-zđàáảãạăâèéẻẽẹêìíỉĩịòóỏõọôơùúủũụưỳýỷỹỵ][^\W\d_]*[^\S\n]*(?:\n[^\S\n]*)?$")

#: Lower-case words that occur inside issuing-body names ("Ban Chấp hành", "Ban Thường vụ", "Bộ Chính
#: trị", "Hội nghị lần thứ tư", "Đảng ủy xã", "Ban cán sự đảng", "Chính phủ"). An issuer ends at the
#: first other lower-case word: "của Tỉnh ủy đánh giá kết quả" → "Tỉnh ủy".
ISSUER_LOWER_WORDS = frozenset("""
    hành vụ thư trị ban ủy uỷ trực phòng lần thứ khóa khoá nhiệm kỳ hội nghị đảng bộ xã phường thị trấn
    huyện tỉnh thành phố quận khối cơ quan sở đoàn sự cán chấp thường kiểm tra tuyên giáo dân vận tổ chức
    chính văn trung ương đại biểu toàn quốc phủ tướng nhân đạo chỉ nội ngoại giao mặt trận lao động
    nhất hai ba tư năm sáu bảy tám chín mười một mươi
""".split())

#: A main clause starting after a comma ends a subject: "... không được làm, Đảng ủy yêu cầu:",
#: ", Ban Thường vụ Tỉnh ủy ban hành ...". Case-sensitive: the clause's subject is capitalised.
MAIN_CLAUSE_RE = re.compile(
    rf",{GAP}[A-ZĐ][^\W\d_]*(?:[^\S\n]+[^\W\d_]+){{0,6}}?[^\S\n]+(?:yêu{_GAP1}cầu|đề{_GAP1}nghị|ban{_GAP1}hành|"
    rf"kết{_GAP1}luận|thông{_GAP1}báo|chỉ{_GAP1}đạo|quyết{_GAP1}định){LETTER_AFTER}"
)

#: "Căn cứ" right before a type word: a căn cứ line always names one document, even without a
#: number ("Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ tỉnh khóa XVI").
CAN_CU_BEFORE_RE = re.compile(r"(?:^|\n)[^\S\n]*(?:[-–+*•][^\S\n]*)?[Cc]ăn[^\S\n]+cứ[^\S\n]+$")

#: The lower-case title words after a type word named in a căn cứ line, up to "của":
#: "Quy chế làm việc của ...", "Quy định thi hành Điều lệ của ..." (at most eight words).
TITLE_WORDS_RE = re.compile(r"(?:[^\S\n]+[^\W\d_]+){1,8}?(?=[^\S\n]+của[^\S\n])")

#: A page break that put footnotes inside a sentence: a blank line, footnote paragraphs ("¹ ..."),
#: a blank line, then the sentence going on in lower case (seed 003: "chất lượng đội\n\n¹ Báo cáo
#: ...\n\nngũ cán bộ, đảng viên²"). The subject steps over it.
FOOTNOTE_BREAK_RE = re.compile(
    r"\n[^\S\n]*\n(?:[^\S\n]*[¹²³⁴⁵⁶⁷⁸⁹⁰]+[^\n]*\n(?:[^\S\n]*\n)+)+[^\S\n]*"
    r"(?=[a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ])"
)
