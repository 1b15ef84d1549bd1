"""Application entry point: create the QApplication and show the main window."""

from __future__ import annotations

import sys

WINDOW_TITLE = "Drafter — Trợ lý soạn thảo văn bản"


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv if argv is None else argv)
    app.setApplicationName("Drafter")
    app.setOrganizationName("Drafter")
    window = MainWindow()
    window.show()
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
