"""Draft files: pretty-printed UTF-8 JSON with a schema version, saved atomically.

A draft file is meant to be read and diffed by people: keys in a fixed order, two-space indent,
one body block per object. Saving writes a temporary file in the same folder, fsyncs it, keeps the
previous version as ``<name>.bak`` and moves the new file into place with :func:`os.replace`, so a
crash never leaves a half-written draft. A file written by a newer Drafter is refused.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path

from ..errors import DraftFileError
from .model import BLOCK_KINDS, Block, Cite, CitationRef, Draft, Footnote, Header, NoteRef, Segment, Text

__all__ = ["SCHEMA_VERSION", "save_draft", "load_draft", "draft_to_json", "draft_from_json"]

SCHEMA_VERSION = 1
_FORMAT = "drafter-draft"


def _segment_to_json(seg: Segment) -> dict:
    if isinstance(seg, Cite):
        data: dict = {"cite": seg.ref.to_json()}
        if seg.short_name:
            data["short_name"] = seg.short_name
        if seg.form != "auto":
            data["form"] = seg.form
        if not seg.with_subject:
            data["with_subject"] = False
        return data
    if isinstance(seg, NoteRef):
        return {"note": seg.note_id}
    data = {"text": seg.text}
    if seg.bold:
        data["bold"] = True
    if seg.italic:
        data["italic"] = True
    return data


def _segment_from_json(data: dict) -> Segment:
    if "cite" in data:
        return Cite(CitationRef.from_json(data["cite"]), data.get("short_name"), data.get("form", "auto"),
                    bool(data.get("with_subject", True)))
    if "note" in data:
        return NoteRef(str(data["note"]))
    return Text(str(data["text"]), bool(data.get("bold")), bool(data.get("italic")))


def _header_to_json(header: Header) -> dict:
    data = asdict(header)
    data["date"] = header.date.isoformat() if header.date else None
    data["recipients"] = list(header.recipients)
    return data


def _header_from_json(data: dict) -> Header:
    known = set(Header.__dataclass_fields__)
    values = {k: v for k, v in data.items() if k in known}
    if values.get("date"):
        values["date"] = _dt.date.fromisoformat(values["date"])
    values["recipients"] = tuple(values.get("recipients") or ())
    return Header(**values)


def draft_to_json(draft: Draft) -> dict:
    """The JSON-ready dict written to a draft file."""
    return {
        "format": _FORMAT,
        "schema_version": SCHEMA_VERSION,
        "template_id": draft.template_id,
        "fields": draft.fields,
        "header": _header_to_json(draft.header),
        "body": [{"kind": b.kind, **({"level": b.level} if b.level else {}),
                  "segments": [_segment_to_json(s) for s in b.segments]} for b in draft.body],
        "footnotes": [{"id": n.note_id, "segments": [_segment_to_json(s) for s in n.segments]}
                      for n in draft.footnotes],
        "snapshots": draft.snapshots,
    }


def draft_from_json(data: dict) -> Draft:
    """Rebuild a draft; raises KeyError/ValueError/TypeError on malformed data."""
    blocks = []
    for b in data.get("body", []):
        if b["kind"] not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {b['kind']!r}")
        blocks.append(Block(b["kind"], tuple(_segment_from_json(s) for s in b["segments"]), int(b.get("level", 0))))
    notes = tuple(Footnote(str(n["id"]), tuple(_segment_from_json(s) for s in n["segments"]))
                  for n in data.get("footnotes", []))
    return Draft(template_id=str(data["template_id"]), header=_header_from_json(data.get("header", {})),
                 body=tuple(blocks), footnotes=notes, fields=dict(data.get("fields") or {}),
                 snapshots=dict(data.get("snapshots") or {}))


def load_draft(path: str | os.PathLike) -> Draft:
    """Read a draft file; :class:`DraftFileError` (Vietnamese) when it cannot be used."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DraftFileError(f"Không tìm thấy tệp dự thảo {path}.", "Kiểm tra lại đường dẫn tệp.") from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise DraftFileError(f"Tệp dự thảo {path} bị hỏng hoặc không phải tệp dự thảo của Drafter ({exc}).",
                             f"Thử mở bản sao lưu {path.name}.bak nếu có.") from None
    except OSError as exc:
        raise DraftFileError(f"Không đọc được tệp dự thảo {path}: {exc.strerror}.") from None
    if not isinstance(data, dict) or "schema_version" not in data:
        raise DraftFileError(f"Tệp {path} không phải tệp dự thảo của Drafter (thiếu schema_version).")
    version = data["schema_version"]
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise DraftFileError(
            f"Tệp dự thảo {path} được tạo bằng phiên bản Drafter mới hơn (định dạng {version}, "
            f"phiên bản này chỉ đọc được đến {SCHEMA_VERSION}).",
            "Hãy cập nhật Drafter lên phiên bản mới rồi mở lại tệp.")
    try:
        return draft_from_json(data)
    except (KeyError, ValueError, TypeError) as exc:
        raise DraftFileError(f"Tệp dự thảo {path} có nội dung không hợp lệ ({exc}).",
                             f"Thử mở bản sao lưu {path.name}.bak nếu có.") from None


def save_draft(draft: Draft, path: str | os.PathLike) -> Path:
    """Write ``draft`` atomically; the previous version is kept as ``<name>.bak``."""
    path = Path(path)
    text = json.dumps(draft_to_json(draft), ensure_ascii=False, indent=2) + "\n"
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            if path.exists():
                shutil.copy2(path, path.with_name(path.name + ".bak"))
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except OSError as exc:
        raise DraftFileError(f"Không lưu được tệp dự thảo {path}: {exc.strerror or exc}.",
                             "Kiểm tra quyền ghi vào thư mục, hoặc lưu vào thư mục khác.") from None
    return path
