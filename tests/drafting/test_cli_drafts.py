"""The drafting commands: new, render, templates, render-examples."""

from __future__ import annotations

from docx import Document

from drafter.cli import main
from drafter.drafting import load_draft


def test_new_then_render(tmp_path, capsys):
    draft = tmp_path / "kl.json"
    assert main(["new", "ket-luan-btv", "-o", str(draft), "--set", "number=567", "--set", "issuer=THÀNH ỦY",
                 "--set", "date=2023-05-15"]) == 0
    assert load_draft(draft).header.number == "567"
    out = tmp_path / "kl.docx"
    assert main(["render", str(draft), "-o", str(out), "--no-registry"]) == 0
    assert "Đã xuất" in capsys.readouterr().out
    assert Document(str(out)).tables[0].rows[0].cells[0].paragraphs[-1].text == "Số 567-KL/TU"


def test_errors_are_vietnamese_not_tracebacks(tmp_path, capsys):
    assert main(["new", "khong-co", "-o", str(tmp_path / "x.json")]) == 2
    assert "Không có mẫu" in capsys.readouterr().err
    assert main(["new", "chi-thi", "-o", str(tmp_path / "x.json"), "--set", "khongbang"]) == 2
    assert "tên=giá trị" in capsys.readouterr().err
    assert main(["render", str(tmp_path / "none.json"), "-o", str(tmp_path / "x.docx"), "--no-registry"]) == 2
    assert "Không tìm thấy tệp dự thảo" in capsys.readouterr().err


def test_templates_lists_fields(capsys):
    assert main(["templates"]) == 0
    out = capsys.readouterr().out
    assert "ket-luan-so-ket" in out and "reviewed (citation, bắt buộc)" in out


def test_render_examples(tmp_path, capsys):
    assert main(["render-examples", "--out", str(tmp_path)]) == 0
    assert len(list(tmp_path.glob("*.docx"))) == 5
