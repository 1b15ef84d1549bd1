"""Shared test setup: Qt offscreen, isolated user folders, the seed documents."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
if not SEEDS_DIR.is_dir():  # CI clones main with shared/ beside it
    SEEDS_DIR = ROOT / "tests" / "data" / "seeds"


def seed_path(prefix: str) -> Path:
    """Path of the seed whose file name starts with ``prefix`` ("000" ... "004")."""
    matches = sorted(SEEDS_DIR.glob(f"{prefix}*.txt"))
    assert matches, f"seed {prefix} not found in {SEEDS_DIR}"
    return matches[0]


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Never touch the real user's registry, settings or recovery files."""
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("DRAFTER_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("DRAFTER_CONFIG_DIR", str(base / "config"))
    monkeypatch.delenv("DRAFTER_REGISTRY", raising=False)
