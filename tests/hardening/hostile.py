"""Builders of hostile and broken input files, shared by the hardening and crash tests.

Each builder writes one file into a folder and returns its path. Sizes are chosen to trip the
readers' limits (drafter.reading) while staying cheap to create: the zip bomb is < 2 MB on disk,
the 100 MB text file is written in 1 MB chunks.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import docx

__all__ = ["HOSTILE_FILES", "build"]

_SECRET = "BÍ MẬT KHÔNG ĐƯỢC LỘ"


def not_a_zip(folder: Path) -> Path:
    path = folder / "not-a-zip.docx"
    path.write_bytes(b"PK\x03\x04 but truncated: this is not really a zip file" * 10)
    return path


def zip_bomb(folder: Path) -> Path:
    path = folder / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (300 * 1024 * 1024) + b"</w:document>")
    return path


def xxe(folder: Path) -> Path:
    good = folder / "xxe-base.docx"
    docx.Document().save(good)
    secret = folder / "secret.txt"
    secret.write_text(_SECRET, encoding="utf-8")
    path = folder / "xxe.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b"<w:document", f'<!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]><w:document'.encode(), 1)
                data = data.replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>", 1)
            dst.writestr(item, data)
    good.unlink()
    return path


def huge_txt(folder: Path) -> Path:
    path = folder / "huge.txt"
    line = ("Căn cứ Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương. " * 14 + "\n").encode()
    chunk = line * (1024 * 1024 // len(line) + 1)
    with open(path, "wb") as fh:
        for _ in range(100):
            fh.write(chunk[:1024 * 1024])
    return path


def noise_txt(folder: Path) -> Path:
    path = folder / "noise.txt"
    path.write_bytes(random.Random(7).randbytes(256 * 1024))
    return path


def noise_docx(folder: Path) -> Path:
    path = folder / "noise.docx"
    path.write_bytes(random.Random(8).randbytes(256 * 1024))
    return path


def corrupt_docx_part(folder: Path) -> Path:
    path = folder / "corrupt-part.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<not-closed")
    return path


#: name -> (builder, a word every message about it must contain)
HOSTILE_FILES = {
    "not-a-zip": (not_a_zip, ".docx"),
    "zip-bomb": (zip_bomb, "bất thường"),
    "xxe": (xxe, "DOCTYPE"),
    "huge-txt": (huge_txt, "quá lớn"),
    "noise-txt": (noise_txt, "nhị phân"),
    "noise-docx": (noise_docx, ".docx"),
    "corrupt-docx-part": (corrupt_docx_part, "hỏng"),
}

SECRET = _SECRET


def build(name: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return HOSTILE_FILES[name][0](folder)
