"""Recovery files: the last autosaved state of each open draft, so a crash never loses work.

A window owns one *session* (a short id). Autosave writes the session's draft to
``user_data_dir()/recovery/<session>.draft`` with the draft-file writer (atomic), plus a small
``<session>.json`` beside it naming the file the user was editing and when it was saved. A clean
close discards the session's files, so any recovery file found at start-up belongs to a session
that crashed: the front end offers to restore it.

The draft-file reader and writer are parameters (defaulting to :mod:`drafter.drafting`) so this
module needs nothing but a draft value and does not care how drafts are stored.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .errors import DraftFileError
from .resources import user_data_dir

__all__ = ["RecoveryFile", "recovery_dir", "new_session_id", "write_recovery", "list_recoveries",
           "restore", "discard"]

DRAFT_SUFFIX = ".draft"
META_SUFFIX = ".json"


@dataclass(frozen=True)
class RecoveryFile:
    session: str
    path: Path  # the autosaved draft file
    source: Path | None  # the draft file the user was editing; None for a never-saved draft
    saved_at: _dt.datetime
    title: str = ""  # a short description for the restore prompt ("Kết luận về ...")


def recovery_dir() -> Path:
    return user_data_dir() / "recovery"


def new_session_id() -> str:
    return f"{os.getpid()}-{uuid.uuid4().hex[:8]}"


def _default_save(draft: Any, path: Path) -> None:
    from .drafting import save_draft

    save_draft(draft, path)


def _default_load(path: Path) -> Any:
    from .drafting import load_draft

    return load_draft(path)


def _write_json_atomic(path: Path, data: dict) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".recovery-", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False)
    os.replace(tmp, path)


def write_recovery(draft: Any, session: str, *, source: Path | None = None, title: str = "",
                   save: Callable[[Any, Path], None] = _default_save) -> RecoveryFile:
    """Autosave ``draft`` for ``session``; raises :class:`DraftFileError` when it cannot be written."""
    folder = recovery_dir()
    path = folder / f"{session}{DRAFT_SUFFIX}"
    saved_at = _dt.datetime.now().replace(microsecond=0)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        save(draft, path)
        meta = {"source": str(source) if source else None, "saved_at": saved_at.isoformat(),
                "title": title}
        _write_json_atomic(folder / f"{session}{META_SUFFIX}", meta)
    except OSError as exc:
        raise DraftFileError(f"Không ghi được bản lưu tự động vào {folder} ({exc.strerror or exc}).",
                             "Kiểm tra dung lượng đĩa và quyền ghi vào thư mục dữ liệu người dùng.") from exc
    return RecoveryFile(session, path, Path(source) if source else None, saved_at, title)


def _read_meta(meta_path: Path) -> dict:
    try:
        data = json.loads(meta_path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}  # a half-written or damaged meta file must not hide the draft itself


def list_recoveries(exclude: str | None = None) -> list[RecoveryFile]:
    """Every recovery file present (newest first), except the session ``exclude``."""
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"*{DRAFT_SUFFIX}"):
        session = path.name[: -len(DRAFT_SUFFIX)]
        if session == exclude:
            continue
        meta = _read_meta(folder / f"{session}{META_SUFFIX}")
        try:
            saved_at = _dt.datetime.fromisoformat(meta["saved_at"])
        except (KeyError, TypeError, ValueError):
            saved_at = _dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
        source = meta.get("source")
        found.append(RecoveryFile(session, path, Path(source) if source else None, saved_at,
                                  str(meta.get("title") or "")))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def restore(recovery: RecoveryFile, *, load: Callable[[Path], Any] = _default_load) -> Any:
    """The autosaved draft (the recovery file is kept until :func:`discard`)."""
    return load(recovery.path)


def discard(recovery: RecoveryFile | str) -> None:
    """Remove a recovery (by value or session id); missing files are fine."""
    session = recovery.session if isinstance(recovery, RecoveryFile) else recovery
    for suffix in (DRAFT_SUFFIX, META_SUFFIX):
        try:
            (recovery_dir() / f"{session}{suffix}").unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise DraftFileError(f"Không xóa được bản lưu tự động {session} ({exc.strerror or exc}).",
                                 "Kiểm tra quyền ghi vào thư mục dữ liệu người dùng.") from exc
