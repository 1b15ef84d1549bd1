"""Writing an export file safely: never over a file open elsewhere, never half-written.

Word keeps an owner file ``~$name.docx`` beside a document it has open (the first one or two
characters of long names are dropped: ``~$cument.docx`` for ``document.docx``); LibreOffice keeps
``.~lock.name.docx#``. If one exists we refuse. Otherwise we write a temporary file in the same
folder, fsync it and :func:`os.replace` it over the target; a failing replace (the file is locked
on Windows) becomes an :class:`ExportError` and the old file stays as it was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import ExportError

__all__ = ["lock_files", "check_not_open", "save_document", "replace_atomically"]


def lock_files(path: Path) -> list[Path]:
    """Owner/lock files that would show ``path`` is open in Word or LibreOffice."""
    name = path.name
    candidates = {f"~${name}", f"~${name[1:]}", f"~${name[2:]}", f".~lock.{name}#"}
    return [path.with_name(c) for c in sorted(candidates) if path.with_name(c).exists()]


def check_not_open(path: Path) -> None:
    locks = lock_files(path)
    if locks:
        raise ExportError(
            f"Tệp {path} đang được mở trong Word hoặc LibreOffice (thấy tệp khóa {locks[0].name}).",
            "Đóng tệp trong Word/LibreOffice rồi xuất lại, hoặc xuất ra tên tệp khác.")


def replace_atomically(write, path: Path, suffix: str) -> Path:
    """Call ``write(tmp_path)`` then move the temporary file over ``path``."""
    path = Path(path)
    check_not_open(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".drafter-", suffix=suffix, dir=folder)
        os.close(fd)
    except OSError as exc:
        raise ExportError(f"Không tạo được tệp trong thư mục {folder}: {exc.strerror or exc}.",
                          "Kiểm tra quyền ghi, hoặc chọn thư mục khác.") from None
    try:
        write(Path(tmp))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise ExportError(f"Không ghi được tệp {path}: {exc.strerror or exc}.",
                          "Có thể tệp đang mở trong chương trình khác: đóng tệp rồi xuất lại, "
                          "hoặc xuất ra tên tệp khác.") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def save_document(document, path: Path) -> Path:
    """Save a python-docx Document to ``path`` atomically."""
    return replace_atomically(lambda tmp: document.save(str(tmp)), path, ".docx")
