"""Reading the user's documents (.txt and .docx) into plain text, defensively.

Every front door (``cite extract``, ``registry import``, ``check``) reads files through here, so
one place guards against missing, non-UTF-8, binary, oversized and hostile files (zip bombs,
XML external entities). Failures raise :class:`~drafter.errors.InputFileError` with a Vietnamese
message; nothing here crashes on bad input.

A .docx becomes the texts of its body paragraphs in document order (paragraphs inside tables
included, cell by cell) joined with ``"\\n"``; :class:`DocxText` also keeps where each paragraph
starts so a finding can point at its paragraph.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import InputFileError

__all__ = ["DocumentText", "read_document", "read_text_file", "MAX_TEXT_BYTES", "MAX_DOCX_UNZIPPED"]

#: Largest .txt accepted (a real document is well under 1 MB; 100 MB of text is an accident).
MAX_TEXT_BYTES = 64 * 1024 * 1024
#: Largest total uncompressed size of a .docx, and the largest compression ratio (zip bombs).
MAX_DOCX_UNZIPPED = 256 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_DOCX_MEMBERS = 5000


@dataclass(frozen=True)
class DocumentText:
    """A document's text and the start offset of each paragraph in it."""

    path: Path
    text: str
    paragraph_starts: tuple[int, ...]

    def paragraph_of(self, offset: int) -> int:
        """0-based index of the paragraph holding ``offset``."""
        import bisect

        return max(0, bisect.bisect_right(self.paragraph_starts, offset) - 1)


def _check_exists(path: Path) -> None:
    if not path.exists():
        raise InputFileError(f"Không tìm thấy tệp: {path}", "Kiểm tra lại đường dẫn và tên tệp.")
    if path.is_dir():
        raise InputFileError(f"Đây là một thư mục, không phải tệp: {path}", "Hãy chọn một tệp .txt hoặc .docx.")


def read_text_file(path: str | Path, max_bytes: int = MAX_TEXT_BYTES) -> str:
    """Read a UTF-8 text file (BOM allowed; CRLF → LF)."""
    path = Path(path)
    _check_exists(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputFileError(
                f"Tệp quá lớn ({size // (1024 * 1024)} MB): {path}",
                f"Drafter chỉ đọc tệp văn bản dưới {max_bytes // (1024 * 1024)} MB; hãy tách tệp.",
            )
        data = path.read_bytes()
    except PermissionError as exc:
        raise InputFileError(f"Không có quyền đọc tệp: {path}", "Kiểm tra quyền truy cập tệp.") from exc
    except OSError as exc:
        raise InputFileError(f"Không đọc được tệp {path}: {exc.strerror or exc}") from exc
    if b"\x00" in data[:65536]:
        raise InputFileError(
            f"Tệp không phải văn bản (có dữ liệu nhị phân): {path}",
            "Hãy chọn tệp .txt mã UTF-8 hoặc tệp .docx.",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"Tệp không ở mã UTF-8 (lỗi ở byte {exc.start}): {path}",
            "Hãy lưu lại tệp với bảng mã UTF-8 (Unicode) rồi thử lại.",
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_zip(path: Path) -> None:
    """Refuse what is not a zip, and zip bombs, before python-docx opens it."""
    if not zipfile.is_zipfile(path):
        raise InputFileError(
            f"Tệp không phải .docx hợp lệ (không phải định dạng Word 2007 trở lên): {path}",
            "Nếu là tệp .doc cũ, hãy mở bằng Word hoặc LibreOffice và lưu lại dạng .docx.",
        )
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_DOCX_MEMBERS:
                raise InputFileError(f"Tệp .docx có quá nhiều thành phần ({len(infos)}): {path}")
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if total > MAX_DOCX_UNZIPPED or total / packed > MAX_COMPRESSION_RATIO:
                raise InputFileError(
                    f"Tệp .docx bất thường (giải nén ra {total // (1024 * 1024)} MB, có thể là tệp độc hại): {path}",
                    "Không mở tệp này; hãy kiểm tra nguồn gốc tệp.",
                )
            names = {i.filename for i in infos}
            if "word/document.xml" not in names:
                raise InputFileError(f"Tệp .docx thiếu phần nội dung (word/document.xml): {path}")
            head = zf.read("word/document.xml")[:4096]
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise InputFileError(
                    f"Tệp .docx chứa khai báo XML không được phép (DOCTYPE/ENTITY): {path}",
                    "Tệp có thể độc hại; hãy lưu lại bằng Word hoặc LibreOffice.",
                )
    except zipfile.BadZipFile as exc:
        raise InputFileError(f"Tệp .docx bị hỏng: {path}", "Hãy mở và lưu lại bằng Word.") from exc


def paragraph_text(p_element) -> str:
    """Text of one ``w:p`` element: runs' text, tabs as ``\t``, line breaks as ``\n``."""
    from docx.oxml.ns import qn

    t_tag, tab_tag, br_tag, r_tag = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:r")
    parts = []
    for node in p_element.iter(t_tag, tab_tag, br_tag):
        if node.getparent().tag != r_tag:  # tab stops in w:pPr are not text
            continue
        if node.tag == t_tag:
            parts.append(node.text or "")
        elif node.tag == tab_tag:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def docx_paragraph_texts(document) -> list[str]:
    """Texts of a python-docx ``Document``'s body paragraphs in order, table cells included."""
    from docx.oxml.ns import qn

    texts: list[str] = []

    def walk(element) -> None:
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                texts.append(paragraph_text(child))
            elif child.tag == qn("w:tbl"):
                for row in child.iterchildren(qn("w:tr")):
                    for cell in row.iterchildren(qn("w:tc")):
                        walk(cell)
            elif child.tag in (qn("w:sdt"),):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    walk(content)

    walk(document.element.body)
    return texts


def read_docx_paragraphs(path: str | Path) -> list[str]:
    """Paragraph texts of a .docx, after the zip and XML safety checks."""
    path = Path(path)
    _check_exists(path)
    _check_zip(path)
    try:
        import docx

        document = docx.Document(str(path))
    except InputFileError:
        raise
    except Exception as exc:  # python-docx raises many kinds on corrupt parts
        raise InputFileError(
            f"Không đọc được tệp .docx (tệp hỏng hoặc không đúng định dạng): {path}",
            "Hãy mở và lưu lại bằng Word hoặc LibreOffice rồi thử lại.",
        ) from exc
    return docx_paragraph_texts(document)


def read_document(path: str | Path) -> DocumentText:
    """Read a .txt or .docx into a :class:`DocumentText`. Other extensions are read as text."""
    path = Path(path)
    if path.suffix.lower() == ".docx":
        paragraphs = read_docx_paragraphs(path)
    elif path.suffix.lower() == ".doc":
        raise InputFileError(
            f"Drafter không đọc được tệp .doc (Word 97-2003): {path}",
            "Hãy mở bằng Word hoặc LibreOffice và lưu lại dạng .docx.",
        )
    else:
        text = read_text_file(path)
        paragraphs = text.split("\n")
    starts = []
    offset = 0
    for para in paragraphs:
        starts.append(offset)
        offset += len(para) + 1
    return DocumentText(path, "\n".join(paragraphs), tuple(starts))
