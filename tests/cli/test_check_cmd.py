"""``drafter check``: reports, JSON, HTML, Word comments and exit codes."""

from __future__ import annotations

import json
import zipfile

import pytest

from drafter.cli import main
from tests.conftest import seed_path
from tests.formatcheck.party_docx import build

JSON_KEYS = {"code", "severity", "message", "start", "end", "paragraph", "suggestion"}


@pytest.fixture()
def bad_docx(tmp_path):
    return build(tmp_path / "bad.docx", star=False, text={"number": "Số: 05/KL-HU", "authority": "TM. BAN THƯỜNG VỤ"})


def test_correct_docx_exits_0(tmp_path, capsys):
    path = build(tmp_path / "ok.docx")
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "0 lỗi" in out and "== Lỗi" not in out


def test_errors_exit_1_and_are_grouped_with_paragraph_and_quote(bad_docx, capsys):
    assert main(["check", str(bad_docx)]) == 1
    out = capsys.readouterr().out
    assert "== Lỗi" in out
    assert "[FMT021] đoạn 3:" in out  # the number line is paragraph 3 (1-based) of the header cell
    assert "“Số: 05/KL-HU”" in out
    assert "→ Đề xuất: Số 05-KL/HU" in out
    assert out.index("== Lỗi") < out.index("[FMT021]")


def test_json_output(bad_docx, capsys):
    assert main(["check", str(bad_docx), "--json"]) == 1
    records = json.loads(capsys.readouterr().out)
    assert records and all(set(r) == JSON_KEYS for r in records)
    codes = {r["code"] for r in records}
    assert {"FMT017", "FMT021", "FMT022", "FMT060"} <= codes
    assert [r["severity"] for r in records] == sorted((r["severity"] for r in records),
                                                      key=["error", "warning", "info"].index)


def test_txt_runs_text_rules(tmp_path, capsys):
    code = main(["check", str(seed_path("000")), "--json"])
    records = json.loads(capsys.readouterr().out)
    assert code == (1 if any(r["severity"] == "error" for r in records) else 0)
    assert "FMT000" in {r["code"] for r in records}
    assert not [r for r in records if r["code"].startswith("FMT") and r["severity"] == "error"]


def test_txt_with_format_error_exits_1(tmp_path, capsys):
    text = seed_path("000").read_text(encoding="utf-8").replace("Số 567-KL/TU", "Số: 567-KL/TU")
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path), "--json"]) == 1
    records = json.loads(capsys.readouterr().out)
    (hit,) = [r for r in records if r["code"] == "FMT021"]
    assert text[hit["start"]:hit["end"]] == "Số: 567-KL/TU"


@pytest.mark.parametrize("name,content", [
    ("missing.docx", None),
    ("fake.docx", b"not a zip file"),
    ("binary.txt", b"\x00\x01\x02garbage"),
])
def test_unreadable_file_exits_2(tmp_path, capsys, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert main(["check", str(path)]) == 2
    assert "Lỗi" in capsys.readouterr().err


def test_annotate_writes_a_comment_per_finding(bad_docx, tmp_path, capsys):
    out = tmp_path / "annotated.docx"
    main(["check", str(bad_docx), "--json", "--annotate", str(out)])
    records = json.loads(capsys.readouterr().out)
    with zipfile.ZipFile(out) as zf:
        document = zf.read("word/document.xml").decode("utf-8")
        comments = zf.read("word/comments.xml").decode("utf-8")
    assert document.count("<w:commentRangeStart") == len(records)
    assert document.count("<w:commentRangeEnd") == len(records)
    assert document.count("<w:commentReference") == len(records)
    assert "[FMT021]" in comments and "Đề xuất: Số 05-KL/HU" in comments
    # the comment on FMT021 is anchored on the number line's text
    import docx
    from docx.oxml.ns import qn

    annotated = docx.Document(str(out))
    (comment,) = [c for c in annotated.comments if c.text.startswith("[FMT021]")]
    starts = [el for el in annotated.element.body.iter(qn("w:commentRangeStart"))
              if el.get(qn("w:id")) == str(comment.comment_id)]
    assert len(starts) == 1
    paragraph = starts[0].getparent()
    assert "".join(t.text for t in paragraph.iter(qn("w:t"))) == "Số: 05/KL-HU"
    assert main(["check", str(out)]) == 1  # the annotated copy is still a readable .docx


def test_html_report_is_escaped(tmp_path, capsys):
    text = seed_path("000").read_text(encoding="utf-8").replace(
        "**về tiếp tục đẩy mạnh", "**Về <script>alert(1)</script> tiếp tục đẩy mạnh")
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    report = tmp_path / "report.html"
    main(["check", str(path), "--html", str(report)])
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "FMT045" in html and "Cảnh báo" in html


def test_annotate_on_txt_is_refused_politely(tmp_path, capsys):
    main(["check", str(seed_path("001")), "--annotate", str(tmp_path / "x.docx")])
    assert "chỉ dùng cho tệp .docx" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


def test_without_citation_checker_says_so_and_runs_format_rules(bad_docx, capsys, monkeypatch):
    import sys

    import drafter.citations

    monkeypatch.delattr(drafter.citations, "check", raising=False)
    monkeypatch.setitem(sys.modules, "drafter.citations.check", None)
    assert main(["check", str(bad_docx), "--json"]) == 1
    captured = capsys.readouterr()
    assert "drafter.citations.check" in captured.err
    assert {r["code"][:3] for r in json.loads(captured.out)} == {"FMT"}


def test_citation_findings_are_included(tmp_path, capsys):
    text = seed_path("002").read_text(encoding="utf-8")  # Quyết định/Quy định 99-QĐ/TW (citations.md §5)
    path = tmp_path / "002.txt"
    path.write_text(text, encoding="utf-8")
    main(["check", str(path), "--json"])
    records = json.loads(capsys.readouterr().out)
    assert any(r["code"].startswith("CIT") for r in records)
    assert all(r["paragraph"] is not None for r in records if r["start"] is not None)
