"""PDF through LibreOffice: ``soffice --headless --convert-to pdf`` with a private profile.

A throwaway ``-env:UserInstallation`` folder keeps the conversion from touching (or waiting on) the
user's own LibreOffice profile; a timeout keeps a stuck conversion from hanging Drafter.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import ExportError
from .output import replace_atomically

__all__ = ["find_soffice", "export_pdf", "SOFFICE_NAMES"]

#: Executable names LibreOffice installs under (Linux packages, Windows, macOS bundle).
SOFFICE_NAMES = ("soffice", "libreoffice", "soffice.exe",
                 "/Applications/LibreOffice.app/Contents/MacOS/soffice",
                 r"C:\Program Files\LibreOffice\program\soffice.exe")


def find_soffice() -> str | None:
    override = os.environ.get("DRAFTER_SOFFICE")
    if override:
        return override if shutil.which(override) or Path(override).exists() else None
    for name in SOFFICE_NAMES:
        found = shutil.which(name) or (name if os.path.isabs(name) and Path(name).exists() else None)
        if found:
            return found
    return None


def _convert(soffice: str, docx_path: Path, out_dir: Path, timeout: float) -> Path:
    profile = Path(tempfile.mkdtemp(prefix="drafter-lo-"))
    try:
        cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise ExportError(f"LibreOffice không chuyển xong {docx_path.name} sang PDF sau {int(timeout)} giây.",
                          "Đóng các cửa sổ LibreOffice đang mở rồi thử lại.") from None
    except OSError as exc:
        raise ExportError(f"Không chạy được LibreOffice ({exc}).") from None
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    produced = out_dir / (docx_path.stem + ".pdf")
    if result.returncode != 0 or not produced.exists():
        raise ExportError(f"LibreOffice không chuyển được {docx_path.name} sang PDF "
                          f"(mã {result.returncode}: {(result.stderr or result.stdout).strip()[:200]}).")
    return produced


def export_pdf(docx_path: str | os.PathLike, pdf_path: str | os.PathLike, timeout: float = 120) -> Path:
    """Convert ``docx_path`` to ``pdf_path``; ExportError (Vietnamese) when LibreOffice is missing."""
    soffice = find_soffice()
    if not soffice:
        raise ExportError("Không tìm thấy LibreOffice nên không xuất được PDF.",
                          "Cài LibreOffice (https://www.libreoffice.org) rồi thử lại; tệp .docx vẫn dùng được.")
    docx_path = Path(docx_path)
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as out:
        produced = _convert(soffice, docx_path, Path(out), timeout)
        return replace_atomically(lambda tmp: shutil.copyfile(produced, tmp), Path(pdf_path), ".pdf")
