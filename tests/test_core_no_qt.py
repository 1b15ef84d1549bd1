"""The core never imports Qt (design.md rule 1)."""

import json
import subprocess
import sys

CORE_MODULES = [
    "drafter", "drafter.text", "drafter.numbercode", "drafter.doctypes", "drafter.reading",
    "drafter.errors", "drafter.resources", "drafter.cli", "drafter.citations",
    "drafter.registry", "drafter.drafting", "drafter.export", "drafter.formatcheck",
]


def test_core_imports_no_qt():
    code = (
        "import importlib, json, sys\n"
        f"mods = {CORE_MODULES!r}\n"
        "loaded = []\n"
        "for m in mods:\n"
        "    try:\n"
        "        importlib.import_module(m)\n"
        "        loaded.append(m)\n"
        "    except ModuleNotFoundError as e:\n"
        "        if e.name != m: raise\n"
        "from drafter.cli import build_parser; build_parser()\n"
        "print(json.dumps({'loaded': loaded, 'qt': sorted(k for k in sys.modules if k.startswith(('PySide6', 'shiboken')))}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert "drafter.text" in result["loaded"]
    assert result["qt"] == [], f"core loaded Qt modules: {result['qt']}"


def test_gui_does_import_qt():
    """The check above can fail: importing the GUI does load PySide6."""
    code = "import sys, drafter.gui.main_window; print(any(k.startswith('PySide6') for k in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
