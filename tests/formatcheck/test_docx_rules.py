"""Every .docx format rule: a document that triggers it, and the correct document that does not."""

from __future__ import annotations

import pytest

from drafter.formatcheck import check_docx
from drafter.formatcheck.docx_check import docx_elements

from .party_docx import build

BAD_RECIPIENTS = ["- Ban Thường vụ Tỉnh uỷ;", "- Các chi bộ,", "- Lưu: VT, VP."]

#: (id, build keyword arguments, expected code, expected severity)
CASES = [
    ("paper-letter", dict(paper=(216, 279)), "FMT001", "error"),
    ("margins-outside", dict(margins=(15, 20, 25, 15)), "FMT002", "warning"),
    ("margins-old-2004", dict(margins=(25, 25, 35, 15)), "FMT003", "warning"),
    ("no-page-number", dict(page_number=False), "FMT004", "warning"),
    ("page-number-on-page-1", dict(first_page_number=True), "FMT005", "warning"),
    ("header-distance", dict(header_distance=20), "FMT007", "warning"),
    ("font-arial", dict(fmt={k: {"font": "Arial"} for k in ("body", "heading")}), "FMT008", "warning"),
    ("no-title", dict(omit=("title",)), "FMT010", "error"),
    ("state-title", dict(text={"title": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}), "FMT011", "error"),
    ("title-size-13", dict(fmt={"title": {"size": 13}}), "FMT012", "error"),
    ("title-not-bold", dict(fmt={"title": {"bold": False}}), "FMT012", "error"),
    ("no-rule-under-title", dict(title_rule=False), "FMT013", "error"),
    ("parent-bold-italic", dict(fmt={"parent_body": {"italic": True}}), "FMT014", "error"),
    ("no-issuer", dict(omit=("issuer", "parent_body")), "FMT015", "error"),
    ("issuer-not-bold", dict(fmt={"issuer": {"bold": False}, "parent_body": {"bold": False}}), "FMT016", "error"),
    ("issuer-size-12", dict(fmt={"issuer": {"size": 12}}), "FMT016", "error"),
    ("no-star", dict(star=False), "FMT017", "error"),
    ("rule-under-issuer", dict(issuer_rule=True), "FMT018", "warning"),
    ("star-size-10", dict(fmt={"star": {"size": 10}}), "FMT019", "error"),
    ("no-number", dict(omit=("number",)), "FMT020", "error"),
    ("number-colon", dict(text={"number": "Số: 05-KL/HU"}), "FMT021", "error"),
    ("number-state-style", dict(text={"number": "Số 05/KL-HU"}), "FMT022", "error"),
    ("number-unpadded", dict(text={"number": "Số 5-KL/HU"}), "FMT023", "error"),
    ("number-spaces", dict(text={"number": "Số 05 - KL / HU"}), "FMT023", "error"),
    ("number-bold", dict(fmt={"number": {"bold": True}}), "FMT024", "error"),
    ("no-date", dict(omit=("place_date",)), "FMT030", "error"),
    ("numeric-date", dict(text={"place_date": "Định Hoá, 03/4/2024"}), "FMT031", "error"),
    ("date-no-comma", dict(text={"place_date": "Định Hoá ngày 03 tháng 4 năm 2024"}), "FMT031", "error"),
    ("date-unpadded-day", dict(text={"place_date": "Định Hoá, ngày 3 tháng 4 năm 2024"}), "FMT032", "error"),
    ("date-padded-month", dict(text={"place_date": "Định Hoá, ngày 13 tháng 04 năm 2024"}), "FMT032", "error"),
    ("date-unpadded-feb", dict(text={"place_date": "Định Hoá, ngày 13 tháng 2 năm 2024"}), "FMT032", "error"),
    ("place-lowercase", dict(text={"place_date": "định Hoá, ngày 03 tháng 4 năm 2024"}), "FMT031", "error"),
    ("date-upright", dict(fmt={"place_date": {"italic": False}}), "FMT033", "error"),
    ("date-left", dict(fmt={"place_date": {"align": "left"}}), "FMT091", "warning"),
    ("no-doc-type", dict(omit=("doc_type", "doc_type_of")), "FMT040", "error"),
    ("doc-type-lower", dict(text={"doc_type": "Kết luận"}), "FMT041", "error"),
    ("doc-type-size-13", dict(fmt={"doc_type": {"size": 13}}), "FMT042", "error"),
    ("doc-type-not-centred", dict(fmt={"doc_type": {"align": "left"}}), "FMT091", "error"),
    ("doc-type-of-not-bold", dict(fmt={"doc_type_of": {"bold": False}}), "FMT043", "warning"),
    ("capital-ve", dict(text={"subject": "Về tiếp tục nâng cao chất lượng sinh hoạt chi bộ"}), "FMT045", "error"),
    ("subject-not-bold", dict(fmt={"subject": {"bold": False}}), "FMT046", "error"),
    ("no-dashes", dict(subject_rule=False), "FMT048", "error"),
    ("four-dashes", dict(text={"subject_rule": "----"}), "FMT049", "warning"),
    ("body-size-13", dict(fmt={"body": {"size": 13}}), "FMT050", "error"),
    ("body-left", dict(fmt={"body": {"align": "left"}}), "FMT051", "error"),
    ("body-no-indent", dict(fmt={"body": {"indent": 0}}), "FMT052", "warning"),
    ("body-no-spacing", dict(fmt={"body": {"before": 0, "after": 0}}), "FMT053", "warning"),
    ("body-line-30pt", dict(fmt={"body": {"line": 30}}), "FMT054", "warning"),
    ("body-two-sizes", dict(fmt={"body_last": {"size": 15}}), "FMT058", "warning"),
    ("italic-can-cu", dict(can_cu=["- Căn cứ Điều lệ Đảng;", "- Xét đề nghị của Ban Tổ chức,"],
                           fmt={"can_cu": {"italic": True}}), "FMT055", "error"),
    ("can-cu-no-dash", dict(can_cu=["Căn cứ Điều lệ Đảng;", "- Xét đề nghị của Ban Tổ chức,"]), "FMT056", "warning"),
    ("heading-not-bold", dict(fmt={"heading": {"bold": False}}), "FMT057", "warning"),
    ("state-authority", dict(text={"authority": "TM. BAN THƯỜNG VỤ"}), "FMT060", "error"),
    ("authority-spaces", dict(text={"authority": "T / M BAN THƯỜNG VỤ"}), "FMT060", "error"),
    ("authority-tuq", dict(text={"authority": "T/UQ BÍ THƯ"}), "FMT061", "warning"),
    ("kt-collective", dict(text={"authority": "K/T BAN THƯỜNG VỤ"}), "FMT062", "warning"),
    ("authority-not-bold", dict(fmt={"authority": {"bold": False}}), "FMT063", "warning"),
    ("signer-title-bold", dict(fmt={"signer_title": {"bold": True}}), "FMT064", "warning"),
    ("signer-name-not-bold", dict(fmt={"signer_name": {"bold": False}}), "FMT065", "warning"),
    ("signer-title-repeats-body", dict(text={"signer_title": "PHÓ BÍ THƯ HUYỆN UỶ"}), "FMT066", "warning"),
    ("no-recipients", dict(omit=("recipients_label",), recipients=[]), "FMT070", "error"),
    ("label-bold-italic", dict(fmt={"recipients_label": {"bold": True, "italic": True, "underline": False}}),
     "FMT071", "warning"),
    ("label-no-colon", dict(text={"recipients_label": "Nơi nhận"}), "FMT072", "warning"),
    ("recipients-size-14", dict(fmt={"recipients": {"size": 14}}), "FMT073", "warning"),
    ("recipient-no-dash", dict(recipients=["- Ban Thường vụ Tỉnh uỷ,", "+ Các chi bộ,", "- Lưu Văn phòng."]),
     "FMT074", "warning"),
    ("recipients-mixed", dict(recipients=BAD_RECIPIENTS), "FMT075", "warning"),
    ("recipient-ends-dot", dict(recipients=["- Ban Thường vụ Tỉnh uỷ.", "- Lưu Văn phòng."]), "FMT075", "warning"),
    ("last-no-dot", dict(recipients=["- Ban Thường vụ Tỉnh uỷ,", "- Lưu Văn phòng,"]), "FMT076", "warning"),
    ("luu-colon", dict(recipients=BAD_RECIPIENTS), "FMT077", "warning"),
    ("no-luu", dict(recipients=["- Ban Thường vụ Tỉnh uỷ,", "- Các chi bộ."]), "FMT078", "warning"),
]


@pytest.mark.parametrize("plain", [False, True], ids=["tables", "plain"])
def test_correct_document_has_no_findings(tmp_path, plain):
    findings = check_docx(build(tmp_path / "ok.docx", plain=plain))
    assert findings == []


@pytest.mark.parametrize("kwargs,code,severity", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule_triggers(tmp_path, kwargs, code, severity):
    findings = check_docx(build(tmp_path / "bad.docx", **kwargs))
    hits = [f for f in findings if f.code == code]
    assert hits, f"{code} not reported; got {[(f.code, f.message) for f in findings]}"
    assert {f.severity for f in hits} == {severity}
    assert all(f.message and f.paragraph is not None for f in hits)


#: Cases that only exist in the table layout (a tab-laid-out line has no alignment of its own).
_NOT_PLAIN = ("date-left",)


@pytest.mark.parametrize("kwargs,code,severity", [c[1:] for c in CASES if c[0] not in _NOT_PLAIN],
                         ids=[c[0] for c in CASES if c[0] not in _NOT_PLAIN])
def test_rule_triggers_in_plain_layout(tmp_path, kwargs, code, severity):
    findings = check_docx(build(tmp_path / "bad.docx", plain=True, **kwargs))
    assert code in {f.code for f in findings}, [(f.code, f.message) for f in findings]


def test_state_style_document_gives_the_expected_errors(tmp_path):
    """A Party document typed with NĐ 30 habits (the most frequent real-world errors, §9)."""
    path = build(tmp_path / "state.docx", star=False, subject_rule=False, issuer_rule=True,
                 text={"number": "Số: 05/KL-HU", "authority": "TM. BAN THƯỜNG VỤ",
                       "subject": "Về tiếp tục nâng cao chất lượng sinh hoạt chi bộ"},
                 fmt={"recipients_label": {"bold": True, "italic": True, "underline": False, "size": 12},
                      "signer_title": {"bold": True}, "can_cu": {"italic": True}},
                 can_cu=["Căn cứ Điều lệ Đảng;", "Căn cứ Quy chế làm việc."],
                 recipients=["- Như trên;", "- Lưu: VT, VP."])
    codes = {f.code: f.severity for f in check_docx(path)}
    for code in ("FMT017", "FMT021", "FMT022", "FMT045", "FMT048", "FMT055", "FMT060"):
        assert codes.get(code) == "error", (code, codes)
    for code in ("FMT018", "FMT056", "FMT064", "FMT071", "FMT077"):
        assert codes.get(code) == "warning", (code, codes)


def test_findings_point_at_the_element_text(tmp_path):
    from drafter.reading import read_document

    path = build(tmp_path / "bad.docx", text={"number": "Số: 05-KL/HU"})
    text = read_document(path).text
    (f,) = [f for f in check_docx(path) if f.code == "FMT021"]
    assert text[f.start:f.end] == "Số: 05-KL/HU"
    assert f.suggestion == "Số 05-KL/HU"
    assert f.element == "number"


@pytest.mark.parametrize("plain", [False, True], ids=["tables", "plain"])
def test_element_finder_roles(tmp_path, plain):
    elements, _ = docx_elements(build(tmp_path / "ok.docx", plain=plain))
    found = {role: [elements.lines[i].raw for i in idx] for role, idx in elements.roles.items() if idx}
    assert found["title"] == ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert found["parent_body"] == ["ĐẢNG BỘ TỈNH THÁI NGUYÊN"]
    assert found["issuer"] == ["HUYỆN UỶ ĐỊNH HOÁ"]
    assert found["star"] == ["*"] and found["subject_rule"] == ["-----"]
    assert found["number"] == ["Số 05-KL/HU"]
    assert found["doc_type"] == ["KẾT LUẬN"]
    assert found["authority"] == ["T/M BAN THƯỜNG VỤ"] and found["signer_name"] == ["Nguyễn Văn An"]
    assert found["recipients"][-1] == "- Lưu Văn phòng Huyện uỷ."
    assert len(found["body"]) == 4 and len(found["heading_roman"]) == 2


@pytest.mark.parametrize("kwargs,code", [
    ({}, None),
    ({"issuer_bold": False}, "FMT016"),
    ({"date_italic": False}, "FMT033"),
    ({"label_underline": False}, "FMT071"),
    ({"star": ""}, "FMT017"),
])
def test_word_style_layout(tmp_path, kwargs, code):
    """Line breaks inside cells, a 2-row header table, formatting on the Normal style."""
    from .word_layout import build_word_layout

    findings = check_docx(build_word_layout(tmp_path / "w.docx", **kwargs))
    assert [f.code for f in findings] == ([code] if code else [])


def test_letter_has_no_doc_type_and_its_subject_is_checked(tmp_path):
    ok = check_docx(build(tmp_path / "cv.docx", letter="V/v tổ chức hội nghị sơ kết"))
    assert ok == []
    bad = check_docx(build(tmp_path / "cv2.docx", letter="V/v tổ chức hội nghị sơ kết",
                           fmt={"letter_subject": {"italic": False, "size": 13}}))
    assert [f.code for f in bad] == ["FMT047"]


@pytest.mark.parametrize("kwargs,code", [
    (dict(recipients=["- Ban Thường vụ Tỉnh uỷ,", "- Lưu Văn phòng."]), "FMT081"),
    (dict(fmt={"kinh_gui": {"align": "left"}}), "FMT091"),
])
def test_letter_rules(tmp_path, kwargs, code):
    findings = check_docx(build(tmp_path / "cv.docx", letter="V/v tổ chức hội nghị sơ kết", **kwargs))
    assert [f.code for f in findings] == [code]


def test_short_body_paragraphs_after_a_subject_without_dashes_stay_body(tmp_path):
    """No ``-----`` and no blank line: the justified, indented paragraphs are body, not trích yếu."""
    path = build(tmp_path / "d.docx", subject_rule=False, body=["Ngắn gọn một đoạn.", "Đoạn thứ hai cũng ngắn."])
    assert [f.code for f in check_docx(path)] == ["FMT048"]
