"""The review panel: findings of both checkers, filtered by severity, with one-key fixes.

Selecting a finding (click, ↑/↓) emits ``findingActivated(finding)`` so the window selects its
text; Enter or the "Sửa" button emits ``fixRequested(finding)`` for a finding with a suggestion
(Enter on one without a suggestion just activates it). The severity filter is three check
buttons with counts (Alt+1/2/3 toggle them).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from drafter.findings import ERROR, INFO, SEVERITIES, WARNING, sort_findings

__all__ = ["ReviewPanel", "SEVERITY_TEXT"]

SEVERITY_TEXT = {ERROR: "Lỗi", WARNING: "Cảnh báo", INFO: "Thông tin"}
SEVERITY_COLOURS = {ERROR: "#b3261e", WARNING: "#8a5a00", INFO: "#2d5b8a"}
_FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


class _FindingTree(QTreeWidget):
    """Enter asks for the fix instead of only activating the row."""

    enterPressed = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.enterPressed.emit()
            return
        super().keyPressEvent(event)


class ReviewPanel(QWidget):
    findingActivated = Signal(object)  # Finding
    fixRequested = Signal(object)  # Finding with a suggestion

    def __init__(self, parent=None):
        super().__init__(parent)
        self._findings: list = []
        self._paragraphs: list[str] | None = None
        self._loading = False
        self.filters = {}
        self.summary = QLabel(self)
        self.tree = _FindingTree(self)
        self.fix_button = QPushButton("&Sửa", self)
        self.detail = QPlainTextEdit(self)
        self._build()
        self.set_findings([])

    def _build(self) -> None:
        top = QHBoxLayout()
        for i, severity in enumerate(SEVERITIES, start=1):
            box = QCheckBox(SEVERITY_TEXT[severity], self)
            box.setChecked(True)
            box.setToolTip(f"Hiện/ẩn mức “{SEVERITY_TEXT[severity]}” (Alt+{i})")
            box.toggled.connect(self._apply_filter)
            shortcut = QShortcut(QKeySequence(f"Alt+{i}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(box.toggle)
            self.filters[severity] = box
            top.addWidget(box)
        top.addStretch(1)
        top.addWidget(self.summary)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["Mức", "Mã", "Vấn đề", "Đề xuất sửa"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setColumnWidth(0, 80)
        self.tree.setColumnWidth(1, 70)
        self.tree.setColumnWidth(2, 480)
        self.tree.setAccessibleName("Danh sách vấn đề")
        self.tree.currentItemChanged.connect(self._on_current_changed)
        self.tree.itemClicked.connect(lambda item, _col: self._activate(item))
        self.tree.enterPressed.connect(self._on_enter)
        self.fix_button.setToolTip("Áp dụng đề xuất sửa (Enter)")
        self.fix_button.clicked.connect(self.request_fix)
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(110)
        self.detail.setPlaceholderText("Đoạn văn có vấn đề")
        bottom = QHBoxLayout()
        bottom.addWidget(self.detail, 1)
        bottom.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)

    # -- public ---------------------------------------------------------------------------
    def set_findings(self, findings, paragraphs: list[str] | None = None) -> None:
        """Show ``findings`` (errors first); ``paragraphs`` (optional) gives the text of each
        paragraph index, shown under the list for the current finding."""
        current = self.current_finding()
        self._findings = sort_findings(findings)
        self._paragraphs = paragraphs
        self._loading = True
        try:
            self.tree.clear()
            for finding in self._findings:
                self.tree.addTopLevelItem(self._item(finding))
            self._apply_filter()
            self._restore_current(current)
        finally:
            self._loading = False
        self._update_summary()
        self._update_detail()

    def findings(self) -> list:
        return list(self._findings)

    def visible_findings(self) -> list:
        return [self.tree.topLevelItem(i).data(0, _FINDING_ROLE) for i in range(self.tree.topLevelItemCount())
                if not self.tree.topLevelItem(i).isHidden()]

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for f in self._findings if f.severity == s) for s in SEVERITIES}

    def set_severity_visible(self, severity: str, visible: bool) -> None:
        self.filters[severity].setChecked(visible)

    def current_finding(self):
        item = self.tree.currentItem()
        return item.data(0, _FINDING_ROLE) if item is not None else None

    def select_finding(self, finding) -> bool:
        """Make ``finding`` the current row (it must be shown); True when found."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, _FINDING_ROLE) == finding and not item.isHidden():
                self.tree.setCurrentItem(item)
                return True
        return False

    def request_fix(self) -> None:
        finding = self.current_finding()
        if finding is not None and finding.suggestion is not None:
            self.fixRequested.emit(finding)

    # -- internals ------------------------------------------------------------------------
    def _item(self, finding) -> QTreeWidgetItem:
        item = QTreeWidgetItem([SEVERITY_TEXT.get(finding.severity, finding.severity), finding.code,
                                finding.message, finding.suggestion or ""])
        item.setData(0, _FINDING_ROLE, finding)
        item.setForeground(0, QBrush(QColor(SEVERITY_COLOURS.get(finding.severity, "#000"))))
        item.setToolTip(2, finding.message)
        if finding.suggestion:
            item.setToolTip(3, f"Enter hoặc “Sửa” để thay bằng: {finding.suggestion}")
        return item

    def _apply_filter(self) -> None:
        shown = {s for s, box in self.filters.items() if box.isChecked()}
        first_visible = None
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            item.setHidden(item.data(0, _FINDING_ROLE).severity not in shown)
            if first_visible is None and not item.isHidden():
                first_visible = item
        current = self.tree.currentItem()
        if (current is None or current.isHidden()) and first_visible is not None:
            self.tree.setCurrentItem(first_visible)
        self._update_summary()

    def _restore_current(self, previous) -> None:
        if previous is None:
            return
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            finding = item.data(0, _FINDING_ROLE)
            if (finding.code, finding.start, finding.paragraph) == (previous.code, previous.start, previous.paragraph):
                self.tree.setCurrentItem(item)
                return

    def _update_summary(self) -> None:
        counts = self.counts()
        for severity, box in self.filters.items():
            box.setText(f"{SEVERITY_TEXT[severity]} ({counts[severity]})")
        if not self._findings:
            self.summary.setText("Không phát hiện vấn đề nào.")
        else:
            shown = len(self.visible_findings())
            self.summary.setText(f"Đang hiện {shown}/{len(self._findings)} vấn đề")
        finding = self.current_finding()
        self.fix_button.setEnabled(finding is not None and finding.suggestion is not None)

    def _update_detail(self) -> None:
        """The full message, the suggestion and (when known) the paragraph of the current finding."""
        finding = self.current_finding()
        lines = []
        if finding is not None:
            lines.append(f"[{finding.code}] {finding.message}")
            if finding.suggestion:
                lines.append(f"Đề xuất: {finding.suggestion}")
            if self._paragraphs is not None and finding.paragraph is not None \
                    and 0 <= finding.paragraph < len(self._paragraphs):
                lines.append(f"Đoạn {finding.paragraph + 1}: {self._paragraphs[finding.paragraph]}")
        self.detail.setPlainText("\n".join(lines))

    def _on_current_changed(self, current, _previous) -> None:
        self._update_summary()
        self._update_detail()
        if current is not None and not self._loading:
            self._activate(current)

    def _activate(self, item) -> None:
        if item is not None and not self._loading:
            self.findingActivated.emit(item.data(0, _FINDING_ROLE))

    def _on_enter(self) -> None:
        finding = self.current_finding()
        if finding is None:
            return
        if finding.suggestion is not None:
            self.fixRequested.emit(finding)
        else:
            self.findingActivated.emit(finding)
