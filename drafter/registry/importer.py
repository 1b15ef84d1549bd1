"""Import into the registry: JSONL, CSV, .txt and .docx files, and whole folders.

JSONL/CSV contract (issue 3), one record a line/row; only ``type`` and ``number`` (or ``aliases``
for documents named without a number) are required::

    {"type": "Kết luận", "number": "21", "code": "KL/TW", "date": "2021-10-25",
     "issuer": "...", "subject": "...", "aliases": [], "jurisdiction": "TW", "term": "XIII",
     "source": "..."}

CSV uses the same column names; ``aliases`` is ``;``-separated. A .txt/.docx document gives its
own identity (:mod:`drafter.registry.header`) and every full citation inside it
(:func:`drafter.citations.extract`). The same document seen twice becomes one entry
(:mod:`drafter.registry.merge`). Bad files and bad records are listed with the reason and skipped.
Entries are written in batches, one transaction each, so an interrupted import leaves the
registry as it was after the last whole batch.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..dates import parse_user_date
from ..doctypes import body_level, canonical_body_code, type_by_name
from ..errors import DrafterError, InputFileError
from ..numbercode import parse as parse_number_code
from ..reading import read_document, read_text_file
from .entry import Entry
from .header import guess_jurisdiction, read_header

__all__ = ["ImportReport", "import_paths", "entry_from_record", "entries_from_document", "SUPPORTED_SUFFIXES",
           "BATCH_SIZE"]

SUPPORTED_SUFFIXES = (".jsonl", ".csv", ".txt", ".docx")
#: Entries written per transaction.
BATCH_SIZE = 2000


class RecordError(ValueError):
    """A JSONL/CSV record that cannot become an entry (message in Vietnamese)."""


@dataclass
class ImportReport:
    files: int = 0  # files read
    records: int = 0  # entries seen (records, headers, citations)
    created: int = 0
    merged: int = 0  # seen again: merged into an existing entry
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path or path:line, reason)
    cancelled: bool = False

    def summary(self) -> str:
        text = (f"Đã đọc {self.files} tệp, {self.records} văn bản: thêm mới {self.created}, "
                f"gộp với văn bản đã có {self.merged}, bỏ qua {len(self.skipped)}.")
        return text + (" Đã dừng theo yêu cầu." if self.cancelled else "")


def _date(value) -> _dt.date | None:
    try:
        return parse_user_date(None if value is None else str(value))
    except ValueError:
        raise RecordError(f"ngày không hợp lệ: {str(value)!r} (dùng yyyy-mm-dd hoặc dd/mm/yyyy)") from None


def _text(value) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _canonical_code(number: str | None, code: str | None) -> str | None:
    """``"KL/TW"`` from ``"kl/tw"``, ``"KL / TƯ"`` or a full ``"21-KL/TW"``."""
    if not code:
        return None
    parsed = parse_number_code(code if "-" in code.split("/")[0] else f"{number or 0}-{code}")
    return parsed.code if parsed else code.strip()


def entry_from_record(record: dict, source: str) -> Entry:
    """An :class:`Entry` from one JSONL/CSV record (raises RecordError with the reason)."""
    if not isinstance(record, dict):
        raise RecordError("dòng không phải một đối tượng JSON {...}")
    doc_type = _text(record.get("type"))
    if not doc_type:
        raise RecordError("thiếu tên loại (type)")
    known = type_by_name(doc_type)
    aliases = record.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a for a in aliases.split(";")]
    aliases = tuple(a for a in (_text(a) for a in aliases) if a)
    number = _text(record.get("number"))
    if number and number.isdigit() is False:
        raise RecordError(f"số văn bản không hợp lệ: {number!r}")
    if not number and not aliases:
        raise RecordError("thiếu số (number) hoặc tên gọi (aliases)")
    return Entry(
        id=None, type=known.name if known else doc_type, number=number,
        code=_canonical_code(number, _text(record.get("code"))), date=_date(record.get("date")),
        issuer=_text(record.get("issuer")), subject=_text(record.get("subject")), aliases=aliases,
        jurisdiction=_text(record.get("jurisdiction")), term=_text(record.get("term")),
        source=_text(record.get("source")) or source, notes=_text(record.get("notes")),
    )


def _records_jsonl(path: Path) -> Iterator[tuple[int, dict | Exception]]:
    """Stream a JSONL file line by line (a registry export can be far larger than a document)."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            for number, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield number, json.loads(line)
                    except json.JSONDecodeError as exc:
                        yield number, RecordError(f"JSON không hợp lệ ({exc.msg})")
                    except RecursionError:  # "[[[[..." nested deeper than the parser's stack
                        yield number, RecordError("JSON lồng nhau quá sâu")
    except UnicodeDecodeError as exc:
        raise InputFileError(f"Tệp không ở mã UTF-8 (lỗi ở byte {exc.start}): {path}",
                             "Hãy lưu lại tệp với bảng mã UTF-8 rồi nhập lại.") from exc
    except FileNotFoundError as exc:
        raise InputFileError(f"Không tìm thấy tệp: {path}", "Kiểm tra lại đường dẫn và tên tệp.") from exc
    except OSError as exc:
        raise InputFileError(f"Không đọc được tệp {path}: {exc.strerror or exc}") from exc


def _records_csv(path: Path) -> Iterator[tuple[int, dict | Exception]]:
    reader = csv.DictReader(io.StringIO(read_text_file(path)))
    if not reader.fieldnames or "type" not in reader.fieldnames:
        raise InputFileError(f"Tệp CSV thiếu dòng tiêu đề có cột 'type': {path}",
                             "Dòng đầu phải là tên cột: type,number,code,date,issuer,subject,...")
    try:
        for number, row in enumerate(reader, 2):
            yield number, row
    except csv.Error as exc:  # a field over the csv module's limit, a stray NUL, ...
        raise InputFileError(f"Tệp CSV bị hỏng ({exc}): {path}",
                             "Mở tệp bằng Excel hoặc LibreOffice, tìm ô quá dài hoặc ký tự lạ rồi lưu lại dạng CSV UTF-8.") from None


def _local(code: str | None) -> bool:
    body = (code or "").partition("/")[2]
    return bool(body) and body_level(canonical_body_code(body).split("-")[0]) != "TW"


def entries_from_document(text: str, source: str) -> list[Entry]:
    """The document's own entry (when its header names it) and one entry per full citation."""
    from ..citations import extract

    header = read_header(text)
    place = guess_jurisdiction(text)
    citations = extract(text)
    found: list[Entry] = []
    own = next((c for c in citations if c.role == "self"), None)
    doc_type = header.type or (own.type if own else None)
    if doc_type and (own or header.subject):
        found.append(Entry(None, doc_type, own.number if own else None, own.code if own else None,
                           header.date, header.issuer, header.subject, jurisdiction=place, source=source))
    for c in citations:
        if c.role == "self" or c.form != "full" or not c.number or not c.type:
            continue
        found.append(Entry(None, c.type, c.number, c.code, c.date, c.issuer, c.subject,
                           jurisdiction=place if _local(c.code) else None, source=source))
    return found


def _entries_of_file(path: Path, report: ImportReport) -> Iterator[Entry]:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".csv"):
        records = _records_jsonl(path) if suffix == ".jsonl" else _records_csv(path)
        for line, record in records:
            try:
                if isinstance(record, Exception):
                    raise record
                yield entry_from_record(record, path.name)
            except RecordError as exc:
                report.skipped.append((f"{path}:{line}", str(exc)))
    else:
        text = read_document(path).text
        try:
            found = entries_from_document(text, path.name)
        except Exception as exc:  # a bug in reading one document must not stop a folder import
            raise InputFileError(f"Không đọc được trích dẫn trong tệp {path} ({type(exc).__name__}: {exc})") from exc
        yield from found


def _expand(paths: Iterable[str | Path], report: ImportReport) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        elif path.suffix.lower() in SUPPORTED_SUFFIXES or not path.exists():
            files.append(path)
        else:
            report.skipped.append((str(path), f"loại tệp không hỗ trợ ({path.suffix or 'không có đuôi'})"))
    return files


def import_paths(registry, paths: Iterable[str | Path], progress: Callable | None = None,
                 cancel=None) -> ImportReport:
    """Import files and folders into ``registry`` (a :class:`~drafter.registry.Registry`).

    ``progress(done, total, current_path)`` is called before each file and once at the end;
    ``cancel`` (a ``threading.Event``-like object) stops between files, keeping what was written.
    """
    report = ImportReport()
    files = _expand(paths, report)
    batch: list[Entry] = []

    def flush() -> None:
        with registry.store.write():
            for entry in batch:
                _, created = registry.add_or_merge(entry)
                report.created += created
                report.merged += not created
        batch.clear()

    for done, path in enumerate(files):
        if cancel is not None and cancel.is_set():
            report.cancelled = True
            break
        if progress:
            progress(done, len(files), str(path))
        try:
            for entry in _entries_of_file(path, report):
                report.records += 1
                batch.append(entry)
                if len(batch) >= BATCH_SIZE:
                    flush()
            report.files += 1
        except DrafterError as exc:
            report.skipped.append((str(path), exc.message))
    if batch:
        flush()
    if progress:
        progress(len(files) if not report.cancelled else report.files, len(files), "")
    return report
