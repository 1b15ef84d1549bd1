"""The user's settings: a plain frozen value stored as JSON in the user's config folder.

Settings give the defaults of a new draft's form (place, parent body, issuing body, signer, date
style), where the registry lives (a SQLite path or a ``postgresql://`` URL; empty means the
default registry in the user's data folder), an extra folder of the user's own templates, and the
recently opened draft files. A missing file gives the defaults; a corrupt or unreadable file gives
the defaults plus a Vietnamese warning, never an exception (the settings must never stop Drafter
from starting). Saving is atomic (write a temporary file, then rename).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from .errors import DrafterError
from .resources import user_config_dir

__all__ = ["Settings", "SETTINGS_FILE", "MAX_RECENT", "settings_path", "load_settings",
           "save_settings", "with_recent_file"]

SETTINGS_FILE = "settings.json"
#: How many recently opened files the File menu lists.
MAX_RECENT = 8
#: Date styles of citations in the body; kept in step with drafter.drafting.model.DATE_STYLES.
_DATE_STYLES = ("numeric", "words")


@dataclass(frozen=True)
class Settings:
    registry_location: str = ""  # "" = default SQLite registry; a path; or postgresql://...
    place: str = ""  # địa danh: "Thành phố Hồ Chí Minh"
    parent_body: str = ""  # "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH"
    issuer: str = ""  # "THÀNH ỦY"
    signer_title: str = ""  # "PHÓ BÍ THƯ"
    signer_name: str = ""  # "Nguyễn Văn A"
    date_style: str = "numeric"  # "numeric" | "words"
    templates_dir: str = ""  # the user's own templates folder; "" = none
    recent_files: tuple[str, ...] = ()

    def to_json(self) -> dict:
        data = asdict(self)
        data["recent_files"] = list(self.recent_files)
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Settings":
        """Known keys with the right type are taken; anything else is ignored."""
        if not isinstance(data, dict):
            raise ValueError("settings must be a JSON object")
        values = {}
        for f in fields(cls):
            value = data.get(f.name)
            if f.name == "recent_files":
                if isinstance(value, list):
                    values[f.name] = tuple(str(v) for v in value if isinstance(v, str))[:MAX_RECENT]
            elif isinstance(value, str):
                values[f.name] = value.strip()
        if values.get("date_style") not in _DATE_STYLES:
            values.pop("date_style", None)
        return cls(**values)


def settings_path() -> Path:
    return user_config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings and ``None``, or the defaults and a Vietnamese warning."""
    path = Path(path) if path else settings_path()
    if not path.exists():
        return Settings(), None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Settings.from_json(data), None
    except (OSError, UnicodeDecodeError, ValueError, TypeError, RecursionError) as exc:
        warning = (f"Tệp cài đặt {path} bị hỏng hoặc không đọc được ({type(exc).__name__}); "
                   "Drafter dùng cài đặt mặc định. Hãy mở Cài đặt và lưu lại để ghi đè tệp này.")
        return Settings(), warning


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings atomically; raises :class:`DrafterError` when the folder is not writable."""
    path = Path(path) if path else settings_path()
    text = json.dumps(settings.to_json(), ensure_ascii=False, indent=2)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise DrafterError(f"Không lưu được cài đặt vào {path} ({exc.strerror or exc}).",
                           "Kiểm tra quyền ghi vào thư mục cấu hình của người dùng.") from exc
    return path


def with_recent_file(settings: Settings, file: str | os.PathLike) -> Settings:
    """The settings with ``file`` first in the recent list (no duplicates, at most MAX_RECENT)."""
    name = str(Path(file).resolve())
    rest = [f for f in settings.recent_files if f != name]
    return replace(settings, recent_files=tuple([name] + rest)[:MAX_RECENT])
