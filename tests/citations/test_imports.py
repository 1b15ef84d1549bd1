"""Imports flow one way (design.md rule 5): the citation package never imports the registry."""

from __future__ import annotations

import subprocess
import sys


def test_citations_do_not_import_registry():
    code = ("import sys, drafter.citations, drafter.citations.check, drafter.cli.cite; "
            "print(sorted(m for m in sys.modules if m.startswith(('drafter.registry', 'PySide6'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]", out
