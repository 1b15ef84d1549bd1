"""ReviewPanel: severity filter and counts, activation, one-key fixes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from drafter.findings import ERROR, INFO, WARNING, Finding
from drafter.gui.review_panel import ReviewPanel

FINDINGS = [
    Finding("CIT010", INFO, "Không tìm thấy văn bản trong sổ.", 80, 95, 3),
    Finding("CIT003", ERROR, "Số và ký hiệu sai dạng: viết 21/KL-TW.", 10, 19, 0, suggestion="21-KL/TW"),
    Finding("FMT010", WARNING, "Cỡ chữ tên loại nên là 16.", None, None, 1, element="title"),
    Finding("CIT001", ERROR, "Lần đầu trích dẫn chưa đầy đủ.", 30, 44, 2),
]


@pytest.fixture
def panel(qtbot):
    widget = ReviewPanel()
    qtbot.addWidget(widget)
    widget.show()
    widget.set_findings(FINDINGS, paragraphs=["p0", "p1", "p2", "Đoạn có văn bản lạ"])
    return widget


def test_errors_first_and_counts(panel):
    assert [f.code for f in panel.visible_findings()] == ["CIT003", "CIT001", "FMT010", "CIT010"]
    assert panel.counts() == {ERROR: 2, WARNING: 1, INFO: 1}
    assert [b.text() for b in panel.filters.values()] == ["Lỗi (2)", "Cảnh báo (1)", "Thông tin (1)"]


@pytest.mark.parametrize("hidden, shown", [
    ((ERROR,), ["FMT010", "CIT010"]),
    ((WARNING, INFO), ["CIT003", "CIT001"]),
    ((ERROR, WARNING, INFO), []),
])
def test_severity_filter(panel, hidden, shown):
    for severity in hidden:
        panel.set_severity_visible(severity, False)
    assert [f.code for f in panel.visible_findings()] == shown
    assert panel.summary.text() == f"Đang hiện {len(shown)}/4 vấn đề"


def test_filter_by_keyboard(panel, keys):
    panel.tree.setFocus()
    keys.press(panel.tree, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert [f.severity for f in panel.visible_findings()] == [WARNING, INFO]


def test_arrow_keys_activate_and_show_paragraph(panel, qtbot, keys):
    panel.tree.setFocus()
    with qtbot.waitSignal(panel.findingActivated, timeout=1000) as blocker:
        keys.press(panel.tree, Qt.Key.Key_End)
    assert blocker.args[0].code == "CIT010"
    assert panel.detail.toPlainText() == "[CIT010] Không tìm thấy văn bản trong sổ.\nĐoạn 4: Đoạn có văn bản lạ"


def test_click_activates(panel, qtbot):
    item = panel.tree.topLevelItem(1)
    rect = panel.tree.visualItemRect(item)
    with qtbot.waitSignal(panel.findingActivated, timeout=1000) as blocker:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args[0].code == "CIT001"


def test_enter_and_fix_button_request_the_fix(panel, qtbot, keys):
    panel.tree.setFocus()
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    assert panel.fix_button.isEnabled()
    with qtbot.waitSignal(panel.fixRequested, timeout=1000) as blocker:
        keys.press(panel.tree, Qt.Key.Key_Return)
    assert blocker.args[0].suggestion == "21-KL/TW"
    with qtbot.waitSignal(panel.fixRequested, timeout=1000):
        panel.fix_button.click()


def test_no_fix_without_suggestion(panel, qtbot, keys):
    panel.tree.setFocus()
    panel.tree.setCurrentItem(panel.tree.topLevelItem(1))
    assert not panel.fix_button.isEnabled()
    with qtbot.assertNotEmitted(panel.fixRequested), qtbot.waitSignal(panel.findingActivated, timeout=1000):
        keys.press(panel.tree, Qt.Key.Key_Return)


def test_live_update_keeps_the_current_finding_and_does_not_activate(panel, qtbot):
    panel.tree.setCurrentItem(panel.tree.topLevelItem(1))
    with qtbot.assertNotEmitted(panel.findingActivated):
        panel.set_findings(FINDINGS[1:])
    assert panel.current_finding().code == "CIT001"
    panel.set_findings([])
    assert panel.summary.text() == "Không phát hiện vấn đề nào."
