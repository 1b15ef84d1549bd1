"""Where Drafter finds its bundled files and the user's own files (design.md rule 12).

One function finds the bundled ``resources/`` and ``templates/`` folders from a source checkout,
an installed wheel or a frozen app; nothing here runs at import time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "drafter"


def _candidate_roots() -> list[Path]:
    roots = []
    env = os.environ.get("DRAFTER_HOME")
    if env:
        roots.append(Path(env))
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.append(Path(frozen))
    roots.append(Path(__file__).resolve().parent.parent)  # source checkout / editable install
    roots.append(Path(sys.prefix) / "share" / APP_NAME)  # installed wheel data files
    return roots


def bundle_root() -> Path:
    """The folder holding ``resources/`` and ``templates/``."""
    for root in _candidate_roots():
        if (root / "resources").is_dir():
            return root
    raise FileNotFoundError("resources/ folder not found; set DRAFTER_HOME to the Drafter folder")


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("rules", "doc_types.json")``."""
    return bundle_root().joinpath("resources", *parts)


def templates_dir() -> Path:
    """The bundled Jinja templates folder."""
    return bundle_root() / "templates"


def _xdg(var: str, default: str) -> Path:
    value = os.environ.get(var)
    return Path(value) if value else Path.home() / default


def user_data_dir() -> Path:
    """Per-user data (the SQLite registry, recovery files). ``DRAFTER_DATA_DIR`` overrides."""
    override = os.environ.get("DRAFTER_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "Drafter"
    return _xdg("XDG_DATA_HOME", ".local/share") / APP_NAME


def user_config_dir() -> Path:
    """Per-user settings. ``DRAFTER_CONFIG_DIR`` overrides."""
    override = os.environ.get("DRAFTER_CONFIG_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "Drafter"
    return _xdg("XDG_CONFIG_HOME", ".config") / APP_NAME
