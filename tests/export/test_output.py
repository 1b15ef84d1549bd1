"""Export never overwrites a file open elsewhere, never leaves half-written files; PDF errors."""

from __future__ import annotations

import os
import re

import pytest

from drafter.errors import ExportError
from drafter.export import export_docx, export_pdf, find_soffice
from drafter.export.output import lock_files


@pytest.mark.parametrize("name, lock", [
    ("ketluan.docx", "~$ketluan.docx"),
    ("document.docx", "~$cument.docx"),
    ("bao-cao-dai.docx", "~$o-cao-dai.docx"),
    ("kl.docx", ".~lock.kl.docx#"),
])
def test_refuses_a_file_open_in_word_or_libreoffice(rendered, tmp_path, name, lock):
    target = tmp_path / name
    target.write_bytes(b"old")
    (tmp_path / lock).write_bytes(b"owner")
    assert lock_files(target)
    with pytest.raises(ExportError) as err:
        export_docx(rendered, target)
    assert "đang được mở" in err.value.message
    assert target.read_bytes() == b"old"


def test_failed_replace_keeps_old_file_and_cleans_up(rendered, tmp_path, monkeypatch):
    target = tmp_path / "kl.docx"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as err:
        export_docx(rendered, target)
    assert "Không ghi được" in err.value.message and err.value.hint
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kl.docx"]


def test_export_replaces_a_closed_file(rendered, tmp_path):
    target = tmp_path / "kl.docx"
    target.write_bytes(b"old")
    export_docx(rendered, target)
    assert target.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kl.docx"]


def test_pdf_without_libreoffice_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_SOFFICE", str(tmp_path / "no-such-soffice"))
    with pytest.raises(ExportError) as err:
        export_pdf(tmp_path / "a.docx", tmp_path / "a.pdf")
    assert "LibreOffice" in err.value.message and "Cài LibreOffice" in err.value.hint


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice not installed")
def test_pdf_through_libreoffice(rendered, tmp_path):
    docx = export_docx(rendered, tmp_path / "kl.docx")
    pdf = export_pdf(docx, tmp_path / "kl.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and re.search(rb"/Type\s*/Page\b", data)
