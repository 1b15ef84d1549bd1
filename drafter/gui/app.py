"""Application entry point: create the QApplication, show the main window, then load the rest.

The window is shown first (the registry and its search index load in the background after it is
up, so a usable window appears fast); then, in order: restore a crashed session's work if the
user wants it, else open the draft given on the command line, else the first example draft, else
a new draft from the first template. Unexpected exceptions reaching the event loop are shown as a
Vietnamese message box instead of killing the app (work is autosaved).
"""

from __future__ import annotations

import sys
from pathlib import Path

WINDOW_TITLE = "Drafter — Trợ lý soạn thảo văn bản"

__all__ = ["main", "WINDOW_TITLE", "first_example_draft", "start_window"]


def first_example_draft() -> Path | None:
    """The first example draft shipped in ``examples/`` (a checkout or the installed bundle)."""
    from ..resources import bundle_root

    try:
        folder = bundle_root() / "examples"
    except FileNotFoundError:
        return None
    if not folder.is_dir():
        return None
    drafts = sorted(folder.glob("*.draft")) or sorted(folder.glob("[0-9]*.json"))
    return drafts[0] if drafts else None


def open_initial(window, path: Path | None) -> None:
    """Fill a freshly shown window: recovery, the given file, an example, or a new draft."""
    from . import operations

    if window.offer_recovery():
        return
    if path is not None and window.open_path(path, confirm=False):
        return
    example = first_example_draft() if path is None else None
    if example is not None and window.open_path(example, confirm=False, as_template=True):
        return  # an example is a starting point: saving asks where to save it
    try:
        templates = operations.templates(window.settings)
    except Exception as exc:  # noqa: BLE001 - shown in the window, never a crash at start
        window.report_error(exc)
        return
    if templates:
        window.new_draft(templates[0].id)


def _install_excepthook(window) -> None:
    previous = sys.excepthook

    from shiboken6 import isValid

    def hook(kind, value, tb):
        if issubclass(kind, KeyboardInterrupt) or not isValid(window):
            previous(kind, value, tb)  # interrupted, or the window is already gone (shutting down)
            return
        window.report_error(value)

    sys.excepthook = hook


def start_window(argv: list[str]):
    """Create the application and the shown window; the rest loads from the event loop."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Drafter")
    app.setOrganizationName("Drafter")
    from .body_text import release_clipboard_on_quit

    release_clipboard_on_quit()
    window = MainWindow()
    window.show()
    _install_excepthook(window)
    paths = [Path(a) for a in argv[1:] if not a.startswith("-")]
    QTimer.singleShot(0, lambda: open_initial(window, paths[0] if paths else None))
    return app, window


def main(argv: list[str] | None = None) -> int:
    app, _window = start_window(list(sys.argv if argv is None else argv))
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
