"""Hypothesis strategies for fuzzing the citation extractor and the checkers.

Three kinds of input, mixed: any Unicode text; citation-shaped text assembled from fragments that
secretaries (and broken converters) produce — abbreviations, decomposed or misplaced diacritics,
zero-width characters, impossible dates, giant numbers, stray brackets; and windows of the real
seed documents with random edits. Shared by tests/fuzz (moderate counts in ``make test``) and
benchmarks/fuzz_extract.py (the 100,000-input run).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from hypothesis import strategies as st

from tests.conftest import SEEDS_DIR

FRAGMENTS = (
    "Kết luận", "Kết Luận", "KẾT LUẬN", "ket luan", "KL", "Nghị quyết", "Nghi quyet", "NQ", "Chỉ thị",
    "CT", "Quy định", "Quyết định", "QĐ", "QĐi", "Hướng dẫn", "HD", "Kế hoạch", "KH", "Thông báo", "TB",
    "Quy chế", "Đề án", "Chương trình", "Công văn", "Luật", "Nghị định", "Thông tư", "Hiến pháp",
    "số ", "Số:", "số:", " ", "  ", "\n", "\r\n", "\t", "\u00a0", "\u200b", "\u200d", "\ufeff", "\u00ad",
    "\u0301", "\u0303", "\u0323", "\u0309", "\u202e", "-", "–", "—", "/", "\\", " / ", ".", ",", ";", ":",
    "(", ")", "[", "]", "“", "”", "\"", "'", "…", "*", "¹", "²",
    "21", "01", "0", "118", "99999999999999999999", "١٢", "２１", "21-KL/TW", "21 - KL / TW", "21-kl/tw",
    "28-NQ/TW", "217/QĐ-TW", "217-QĐ/TW", "06-CT/TU", "05-CT/TW", "01-ĐATU", "5-KL/TƯ", "15-QĐi/TW",
    "24-HD/BTCTW", "99-QĐ/TW", "12-NQ/TW", "-KL/TW", "KL/TW", "/TW", "TW", "TU", "HU", "ĐU", "BCH", "BTV",
    "ngày 25/10/2021", "ngày 25-10-2021", "ngày 25 tháng 10 năm 2021", "ngày 31/02/2021", "ngày 00/13/0000",
    "ngày 1/1/99999", "ngày 32 tháng 13 năm 2021", "năm 2025", "năm 1899", "ngày", "tháng", "năm",
    "của Bộ Chính trị", "của Ban Chấp hành Trung ương Đảng khóa XIII", "của Ban Bí thư",
    "của Ban Thường vụ Thành ủy", "Ban Chấp hành Trung ương", "khóa XII", "khoá XIII", "Trung ương 4",
    "về", "về việc", "về đẩy mạnh xây dựng, chỉnh đốn Đảng", "(sau đây gọi tắt là Kết luận 21)",
    "sau đây gọi tắt là", "Căn cứ", "Thực hiện", "và", "các", "tiếp tục", "Hà Nội,", "Thành phố Hồ Chí Minh",
    "ĐẢNG CỘNG SẢN VIỆT NAM", "THÀNH ỦY", "ĐẢNG ỦY", "*", "Nơi nhận:", "T/M BAN THƯỜNG VỤ", "BÍ THƯ",
    "hòa", "hoà", "thuỷ", "thủy", "😀", "𝐊𝐋", "ǅ", "ß", "İ", "ﬁ",
)

_fragment = st.sampled_from(FRAGMENTS)
_noise = st.text(max_size=6)


@lru_cache(maxsize=1)
def seed_texts() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt")))


def _edit(text: str, edit: tuple[int, int, int, str]) -> str:
    kind, pos, length, piece = edit
    pos = pos % (len(text) + 1)
    if kind == 0:  # insert
        return text[:pos] + piece + text[pos:]
    if kind == 1:  # delete
        return text[:pos] + text[pos + length:]
    if kind == 2:  # replace
        return text[:pos] + piece + text[pos + length:]
    if kind == 3:  # decompose a span (NFD), as some converters do
        return text[:pos] + unicodedata.normalize("NFD", text[pos:pos + length]) + text[pos + length:]
    return text[:pos] + text[pos:pos + length].swapcase() + text[pos + length:]


@st.composite
def mutated_seed(draw) -> str:
    seeds = seed_texts()
    text = seeds[draw(st.integers(0, len(seeds) - 1))]
    size = draw(st.integers(0, 1500))
    start = draw(st.integers(0, max(0, len(text) - size)))
    window = text[start:start + size]
    edits = draw(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 10**6), st.integers(0, 40),
                                    st.one_of(_fragment, _noise)), max_size=12))
    for edit in edits:
        window = _edit(window, edit)
    return window


#: The fuzz input: any text, citation-shaped fragments, or an edited window of a seed.
fuzz_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_fragment, _fragment, _fragment, _noise), max_size=60).map("".join),
    mutated_seed(),
)
