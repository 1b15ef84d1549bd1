"""drafter.text: NFC, tone placement, folding, offset maps (table-driven and property tests)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.text import canonical_tones, fold, fold_words, nfc, normalize_with_map

_VI = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐ bcdghklmnpqrstvx"
_TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
_SYLLABLES = ["hoa", "hoe", "huy", "thuy", "uy", "khoe", "quy", "toa", "xoa", "loe", "tuy"]


@st.composite
def vietnamese_text(draw):
    parts = draw(st.lists(st.one_of(
        st.text(alphabet=_VI, max_size=6),
        st.builds(lambda s, t: s + t, st.sampled_from(_SYLLABLES), st.sampled_from(_TONES)),
        st.sampled_from(["Ð", "Ɖ", "\u00a0", "\u200b", "-", "/", " ", "\n"]),
    ), max_size=12))
    return unicodedata.normalize("NFC", "".join(parts))


def _old_style(word: str) -> str:
    """Move the tone of a final oa/oe/uy onto the second vowel ("hóa" → "hoá")."""
    d = unicodedata.normalize("NFD", word)
    for tone in _TONES[1:]:
        for pair in ("oa", "oe", "uy"):
            d = d.replace(pair[0] + tone + pair[1], pair + tone)
    return unicodedata.normalize("NFC", d)


@pytest.mark.parametrize("raw, key", [
    ("Kết luận Số 21-KL/TƯ", "ket luan so 21-kl/tu"),
    ("ĐẢNG ỦY", "dang uy"),
    ("Ðảng", "dang"),
    ("Ɖảng", "dang"),
    ("hoá", "hoa"),
    ("uỷ", "uy"),
])
def test_fold_table(raw, key):
    assert fold(raw) == key


@pytest.mark.parametrize("old, new", [("hoá", "hóa"), ("uỷ", "ủy"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"),
                                      ("Hoà", "Hòa"), ("quý", "quý"), ("chuyển hoá", "chuyển hóa")])
def test_canonical_tones_table(old, new):
    assert canonical_tones(old) == new
    assert canonical_tones(new) == new


def test_nfc_lookalikes():
    assert nfc("QÐ") == "QĐ" and nfc("QƉ") == "QĐ"


def test_fold_words():
    assert fold_words("Xây dựng, chỉnh đốn") == ["xay", "dung", "chinh", "don"]


@settings(max_examples=300)
@given(vietnamese_text())
def test_fold_idempotent(text):
    assert fold(fold(text)) == fold(text)


@settings(max_examples=300)
@given(vietnamese_text())
def test_nfd_and_nfc_fold_the_same(text):
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)
    assert canonical_tones(unicodedata.normalize("NFD", text)) == canonical_tones(text)


@settings(max_examples=300)
@given(vietnamese_text())
def test_old_and_new_tone_placement_same_key(text):
    words = text.split(" ")
    old = " ".join(_old_style(w) for w in words)
    assert fold(old) == fold(text)
    assert canonical_tones(old) == canonical_tones(text)


@settings(max_examples=300)
@given(vietnamese_text())
def test_canonical_tones_idempotent(text):
    once = canonical_tones(text)
    assert canonical_tones(once) == once


@settings(max_examples=300)
@given(st.text(alphabet=_VI + "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\u00a0\u200bÐƉ–", max_size=40))
def test_normalize_with_map_offsets(text):
    copy, offsets = normalize_with_map(text)
    assert "–" not in copy and "Ð" not in copy
    assert len(offsets) == len(copy) + 1 and offsets[len(copy)] == len(text)
    assert list(offsets) == sorted(offsets)
    assert copy == unicodedata.normalize("NFC", copy)


@pytest.mark.parametrize("text, copy", [
    ("21 – KL/TW", "21 - KL/TW"),  # NFC text with a one-for-one look-alike: same length, same offsets
    ("QÐ", "QĐ"),
    ("a\u200bb", "ab"),  # a dropped character: offsets skip it
    ("Ke\u0302\u0301t", "Kết"),  # NFD
])
def test_normalize_with_map_table(text, copy):
    got, offsets = normalize_with_map(text)
    assert got == copy
    assert [text[offsets[i]] for i in range(len(got)) if got[i].isascii() and got[i] != "-"] == \
        [ch for ch in got if ch.isascii() and ch != "-"]
