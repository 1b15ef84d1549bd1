"""The process the crash tests kill: saves drafts, autosaves recovery files, imports into a registry.

Run as ``python -m tests.crash.child MODE ...`` from the project root. The ``*-pause`` modes stop
at a named point *inside* the operation (after printing ``PAUSED``) so the test's SIGKILL lands
there deterministically; the ``*-loop`` modes run the operation over and over, printing a line
after each completed one, for kills at arbitrary moments.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Padding that makes each saved draft big enough that a save takes a noticeable time.
PADDING_CHARS = 400_000


def make_draft(version: int):
    """The example draft, marked with ``version`` (in its form fields) and padded."""
    from drafter.drafting import load_draft

    base = load_draft(sorted((ROOT / "examples").glob("*.json"))[0])
    pad = ("Nội dung dự thảo phiên bản %d. " % version) * (PADDING_CHARS // 30)
    return replace(base, fields={**base.fields, "crash_version": version, "padding": pad})


def _pause(*_args, **_kwargs):
    print("PAUSED", flush=True)
    time.sleep(600)


def _pause_at(where: str) -> None:
    """Make the next call of ``where`` (os.fsync, os.replace, shutil.copy2) stop the process."""
    if where == "fsync":
        os.fsync = _pause
    elif where == "replace":
        os.replace = _pause
    elif where == "backup":
        shutil.copy2 = _pause
    else:
        raise SystemExit(f"unknown pause point {where}")


def save_pause(path: str, where: str) -> None:
    from drafter.drafting import save_draft

    draft = make_draft(2)
    _pause_at(where)
    save_draft(draft, path)


def save_loop(path: str) -> None:
    from drafter.drafting import save_draft

    version = 2
    while True:
        save_draft(make_draft(version), path)
        print(f"SAVED {version}", flush=True)
        version += 1


def recovery_pause(session: str, where: str) -> None:
    from drafter.recovery import write_recovery

    draft = make_draft(2)
    _pause_at(where)
    write_recovery(draft, session, title="phiên bản 2")


def import_pause(registry: str, jsonl: str, stop_at: str) -> None:
    from drafter.cli import main
    from drafter.registry.registry import Registry

    original = Registry.add_or_merge
    calls = {"n": 0}

    def counting(self, entry):
        calls["n"] += 1
        if calls["n"] == int(stop_at):
            _pause()
        return original(self, entry)

    Registry.add_or_merge = counting
    main(["registry", "import", jsonl, "--registry", registry])


MODES = {"save-pause": save_pause, "save-loop": save_loop, "recovery-pause": recovery_pause,
         "import-pause": import_pause}

if __name__ == "__main__":
    MODES[sys.argv[1]](*sys.argv[2:])
    json.dump({"finished": True}, sys.stdout)
