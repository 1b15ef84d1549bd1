"""Template catalogue: field declarations, new drafts, default Nơi nhận by level, errors, sandbox."""

from __future__ import annotations

import pytest

from drafter.drafting import list_templates, new_draft, render
from drafter.drafting.catalogue import FIELD_KINDS
from drafter.drafting.jinja import render_template_string
from drafter.errors import TemplateError

REQUIRED = {"ket-luan-btv", "ket-luan-hoi-nghi-bch", "ket-luan-so-ket", "chi-thi", "thong-bao-ket-luan"}


def test_bundled_templates_are_listed_with_declared_fields():
    infos = {t.id: t for t in list_templates()}
    assert REQUIRED <= set(infos)
    for info in infos.values():
        assert info.name and info.description and info.path.exists()
        names = [f.name for f in info.fields]
        assert len(names) == len(set(names))
        for field in info.fields:
            assert field.kind in FIELD_KINDS and field.label
            if field.kind == "choice":
                assert field.choices
        assert {"issuer", "place", "date", "subject", "authority", "signer_name", "recipients"} <= set(names)


@pytest.mark.parametrize("template, doc_type, type_code, of_line", [
    ("ket-luan-btv", "KẾT LUẬN", "KL", "CỦA BAN THƯỜNG VỤ TỈNH ỦY"),
    ("ket-luan-hoi-nghi-bch", "KẾT LUẬN", "KL", "HỘI NGHỊ LẦN THỨ ... BAN CHẤP HÀNH ĐẢNG BỘ ... KHÓA ..."),
    ("ket-luan-so-ket", "KẾT LUẬN", "KL", "CỦA BAN THƯỜNG VỤ TỈNH ỦY"),
    ("chi-thi", "CHỈ THỊ", "CT", "CỦA BAN THƯỜNG VỤ TỈNH ỦY"),
    ("thong-bao-ket-luan", "THÔNG BÁO", "TB", "KẾT LUẬN CỦA BAN THƯỜNG VỤ"),
])
def test_each_template_makes_a_renderable_draft(template, doc_type, type_code, of_line):
    draft = new_draft(template)
    assert draft.template_id == template
    assert (draft.header.doc_type, draft.header.type_code, draft.header.doc_type_of) == (doc_type, type_code, of_line)
    assert draft.body
    assert render(draft).header.number_line.endswith(f"-{type_code}/TU")


@pytest.mark.parametrize("level, body_code, first, last", [
    ("tinh", "TU", "Ban Bí thư Trung ương Đảng (để báo cáo)", "Lưu Văn phòng Tỉnh ủy"),
    ("huyen", "HU", "Ban Thường vụ Tỉnh ủy (để báo cáo)", "Lưu Văn phòng Huyện ủy"),
    ("co_so", "ĐU", "Ban Thường vụ cấp ủy cấp trên (để báo cáo)", "Lưu Văn phòng Đảng ủy"),
])
def test_defaults_follow_the_issuing_level(level, body_code, first, last):
    header = new_draft("ket-luan-btv", {"level": level}).header
    assert header.body_code == body_code
    assert header.recipients[0] == first and header.recipients[-1] == last


def test_standard_wording_lives_in_the_template():
    texts = ["".join(s.text for s in b.segments) for b in new_draft("ket-luan-btv", {"committee": "Thành ủy"}).body]
    assert texts[-1] == "Kết luận này được phổ biến đến chi bộ."
    assert any("Ban Thường vụ Thành ủy yêu cầu" in t for t in texts)
    texts = ["".join(s.text for s in b.segments) for b in new_draft("chi-thi").body]
    assert texts[-1] == "Chỉ thị này được phổ biến đến chi bộ."


def test_given_values_win_and_are_typed():
    draft = new_draft("ket-luan-btv", {"date": "05/02/2024", "number": "7", "recipients": "Ban A; Lưu VP",
                                       "tasks": ["Việc một", "Việc hai"]})
    assert draft.header.date.isoformat() == "2024-02-05"
    assert draft.header.recipients == ("Ban A", "Lưu VP")
    assert draft.fields["date"] == "2024-02-05"
    texts = ["".join(s.text for s in b.segments) for b in draft.body]
    assert "1. Việc một" in texts and "2. Việc hai" in texts


@pytest.mark.parametrize("values, words", [
    ({"nope": "x"}, "không có trường “nope”"),
    ({"date": "31/02/2024"}, "Ngày ban hành"),
    ({"level": "xa"}, "Cấp ban hành"),
])
def test_bad_values_are_template_errors(values, words):
    with pytest.raises(TemplateError) as err:
        new_draft("ket-luan-btv", values)
    assert words in err.value.message


def test_unknown_template():
    with pytest.raises(TemplateError, match="Không có mẫu"):
        new_draft("khong-co")


def _user_template(folder, name, body, fields='{"name": "Mẫu riêng", "fields": []}'):
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.fields.json").write_text(fields, encoding="utf-8")
    (folder / f"{name}.j2").write_text(body, encoding="utf-8")


def test_user_templates_are_listed_and_used(tmp_path):
    _user_template(tmp_path / "mine", "cua-toi", "@doc_type: BÁO CÁO\n@type_code: BC\nNội dung {{ issuer }}.\n")
    infos = {t.id: t for t in list_templates(tmp_path / "mine")}
    assert infos["cua-toi"].user and not infos["chi-thi"].user
    draft = new_draft("cua-toi", {"issuer": "HUYỆN ỦY"}, user_dir=tmp_path / "mine")
    assert draft.header.doc_type == "BÁO CÁO"
    assert draft.body[0].segments[0].text == "Nội dung HUYỆN ỦY."


def test_user_templates_can_include_the_bundled_helpers(tmp_path):
    _user_template(tmp_path / "u", "rieng", '{% include "_level.j2" %}\n@doc_type: KẾT LUẬN\nNội dung.\n')
    draft = new_draft("rieng", {"level": "huyen"}, user_dir=tmp_path / "u")
    assert draft.header.body_code == "HU" and draft.header.recipients[-1] == "Lưu Văn phòng Huyện ủy"


@pytest.mark.parametrize("body, line, words", [
    ("dòng một\ndòng hai\n{{ khong_co_truong }}\n", 3, "chưa khai báo"),
    ("dòng một\n{% if %}\n", 2, "sai cú pháp"),
    ("a\nb\nc\n{{ 1 / 0 }}\n", 4, "ZeroDivisionError"),
])
def test_template_errors_name_file_and_line(tmp_path, body, line, words):
    _user_template(tmp_path / "t", "hong", body)
    with pytest.raises(TemplateError) as err:
        new_draft("hong", user_dir=tmp_path / "t")
    message = err.value.message
    assert "hong.j2" in message and f"dòng {line}" in message and words in message


def test_bad_fields_file_names_the_file(tmp_path):
    _user_template(tmp_path / "t", "hong", "x\n", fields='{"name": "x",\n "fields": [}')
    with pytest.raises(TemplateError, match=r"hong.fields.json, dòng 2"):
        list_templates(tmp_path / "t")
    errors: list = []
    ids = {t.id for t in list_templates(tmp_path / "t", errors)}
    assert REQUIRED <= ids and "hong" not in ids
    assert "hong.fields.json" in errors[0].message


@pytest.mark.parametrize("source", [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ x.__globals__ }}",
    "{{ cycler.__init__.__globals__.os }}",
])
def test_sandbox_refuses_python_internals(source):
    with pytest.raises(TemplateError) as err:
        render_template_string(source, {"x": lambda: 1}, filename="doc.j2")
    assert "doc.j2" in err.value.message
