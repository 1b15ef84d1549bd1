"""The main window (app shell; the full window comes with the desktop application issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from .app import WINDOW_TITLE


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(WINDOW_TITLE)
        self.resize(1200, 800)
        self.setCentralWidget(QLabel("Drafter"))
        self.statusBar().showMessage("Sẵn sàng")
