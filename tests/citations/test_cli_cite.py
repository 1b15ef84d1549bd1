"""``drafter cite extract``: JSON and table output, and Vietnamese errors with exit code 2."""

from __future__ import annotations

import json

import pytest

from drafter.cli import main
from tests.conftest import seed_path


def test_json_lists_seed_citations(capsys):
    assert main(["cite", "extract", "--json", str(seed_path("004"))]) == 0
    data = json.loads(capsys.readouterr().out)
    first = data[0]
    assert first["number"] == "158" and first["code"] == "KL/ĐUK" and first["date"] == "2018-07-17"
    assert {"text", "start", "end", "type", "number", "code", "code_as_written", "date", "issuer",
            "subject", "form", "role"} <= set(first)
    text = seed_path("004").read_text(encoding="utf-8")
    for item in data:
        assert text[item["start"]:item["end"]] == item["text"]


def test_table_output(capsys):
    assert main(["cite", "extract", str(seed_path("000"))]) == 0
    out = capsys.readouterr().out
    assert "567-KL/TU" not in out or "self" in out
    assert "Kết luận số 21-KL/TW" in out and "Tổng cộng" in out


@pytest.mark.parametrize("content", [None, b"\xff\xfe\x00bad", b"\xc3\x28 not utf8"])
def test_bad_files_exit_2(tmp_path, capsys, content):
    path = tmp_path / "x.txt"
    if content is not None:
        path.write_bytes(content)
    assert main(["cite", "extract", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi:") and "Traceback" not in err


def test_corrupt_docx_exit_2(tmp_path, capsys):
    path = tmp_path / "x.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["cite", "extract", str(path)]) == 2
    assert "Lỗi:" in capsys.readouterr().err


def test_docx_offsets(tmp_path, capsys):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Số 12-KL/TU")
    d.add_paragraph("Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII.")
    path = tmp_path / "a.docx"
    d.save(path)
    assert main(["cite", "extract", "--json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    cited = [x for x in data if x["role"] == "cited"]
    assert cited[0]["text"].startswith("Kết luận số 21-KL/TW") and cited[0]["date"] == "2021-10-25"
