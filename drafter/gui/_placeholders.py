"""Temporary stand-ins for GUI-B's panels until their modules land (deleted afterwards)."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QListWidget, QMainWindow


class ReviewPanel(QListWidget):
    findingActivated = Signal(object)
    fixRequested = Signal(object)

    def set_findings(self, findings):
        self.clear()
        self.findings = list(findings)
        for f in self.findings:
            self.addItem(f"{f.severity}: {f.message}")


class RegistryWindow(QMainWindow):
    def __init__(self, registry, parent=None):
        super().__init__(parent)


class DocxReviewDialog(QDialog):
    def __init__(self, path, registry=None, parent=None):
        super().__init__(parent)
