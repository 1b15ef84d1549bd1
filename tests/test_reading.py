"""drafter.reading: good files read, bad and hostile files refused with a Vietnamese message."""

from __future__ import annotations

import os
import zipfile

import docx
import pytest

from drafter.errors import InputFileError
from drafter.reading import read_document, read_text_file

from tests.conftest import seed_path


def test_reads_seed_text_and_paragraph_starts():
    doc = read_document(seed_path("000"))
    assert "Số 567-KL/TU" in doc.text
    start = doc.text.index("Nơi nhận:")
    para = doc.paragraph_of(start)
    assert doc.text[doc.paragraph_starts[para]:].startswith("Nơi nhận:")


def test_crlf_and_bom_are_normalised(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("\ufeffKết luận\r\nsố 01".encode("utf-8"))
    assert read_text_file(p) == "Kết luận\nsố 01"


def test_docx_paragraphs_include_table_cells_in_order(tmp_path):
    d = docx.Document()
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "THÀNH ỦY"
    table.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    d.add_paragraph("Thực hiện Kết luận số 21-KL/TW")
    path = tmp_path / "x.docx"
    d.save(path)
    doc = read_document(path)
    assert doc.text.split("\n") == ["THÀNH ỦY", "ĐẢNG CỘNG SẢN VIỆT NAM", "Thực hiện Kết luận số 21-KL/TW"]


def _message(exc_info) -> str:
    return exc_info.value.format_message()


@pytest.mark.parametrize("name,content,needle", [
    ("missing.txt", None, "Không tìm thấy"),
    ("latin1.txt", "Kết luận".encode("cp1258", errors="replace") + b"\xff\xfe\xfa", "UTF-8"),
    ("noise.txt", os.urandom(4096) + b"\x00", "nhị phân"),
    ("notzip.docx", b"this is not a zip file at all", ".docx"),
    ("old.doc", b"\xd0\xcf\x11\xe0", ".doc"),
])
def test_bad_files_get_vietnamese_messages(tmp_path, name, content, needle):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputFileError) as exc_info:
        read_document(path)
    assert needle in _message(exc_info)
    assert exc_info.value.exit_code == 2


def test_huge_text_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # 100 MB, sparse: the size check must come before any read
        fh.truncate(100 * 1024 * 1024)
    with pytest.raises(InputFileError) as exc_info:
        read_document(path)
    assert "quá lớn" in _message(exc_info)


def test_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (300 * 1024 * 1024) + b"</w:document>")
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(InputFileError) as exc_info:
        read_document(path)
    assert "bất thường" in _message(exc_info)


def test_xml_external_entity_is_refused(tmp_path):
    good = tmp_path / "good.docx"
    docx.Document().save(good)
    evil = tmp_path / "evil.docx"
    secret = tmp_path / "secret.txt"
    secret.write_text("BÍ MẬT")
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(evil, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b"<w:document",
                    f'<!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]><w:document'.encode(), 1)
                data = data.replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>", 1)
            dst.writestr(item, data)
    with pytest.raises(InputFileError) as exc_info:
        read_document(evil)
    assert "DOCTYPE" in _message(exc_info)


def test_corrupt_docx_part_is_refused(tmp_path):
    path = tmp_path / "corrupt.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<not-closed")
    with pytest.raises(InputFileError) as exc_info:
        read_document(path)
    assert "hỏng" in _message(exc_info)
