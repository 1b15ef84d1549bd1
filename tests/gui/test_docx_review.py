"""DocxReviewDialog on a generated .docx: findings of both checkers, annotated copy."""

from __future__ import annotations

import docx
import pytest

from drafter.gui.docx_review import DocxReviewDialog, annotated_name

BODY = [
    "KẾT LUẬN",
    "về tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Thực hiện Kết luận số 21/KL-TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII, "
    "Ban Thường vụ Thị ủy kết luận như sau:",
    "I- Kết quả",
    "Kết luận số 21-KL/TW được triển khai nghiêm túc.",
]


@pytest.fixture
def sample_docx(tmp_path):
    path = tmp_path / "Kết luận mẫu.docx"
    document = docx.Document()
    for text in BODY:
        document.add_paragraph(text)
    document.save(path)
    return path


def test_annotated_name():
    assert annotated_name("/a/Kết luận 12.docx").name == "Kết luận 12 - có chú thích.docx"


def test_review_and_export_annotated_copy(qtbot, sample_docx, small_registry, tmp_path):
    dialog = DocxReviewDialog(sample_docx, small_registry)
    qtbot.addWidget(dialog)
    outcome = []
    dialog.checked.connect(lambda found: outcome.append(("checked", found)))
    dialog.failed.connect(lambda message: outcome.append(("failed", message)))
    dialog.show()
    qtbot.waitUntil(lambda: bool(outcome), timeout=30000)
    kind, findings = outcome[0]
    assert kind == "checked", findings
    codes = {f.code for f in findings}
    assert any(c.startswith("FMT") for c in codes)
    assert any(c.startswith("CIT") for c in codes)
    assert dialog.panel.findings() and dialog.export_button.isEnabled()
    cited = next(f for f in findings if f.code.startswith("CIT") and f.paragraph is not None)
    assert dialog.panel.select_finding(cited)
    assert BODY[cited.paragraph] in dialog.panel.detail.toPlainText()
    target = tmp_path / "out.docx"
    with qtbot.waitSignal(dialog.exported, timeout=30000) as done:
        dialog.export_annotated(target)
    assert done.args[0] == str(target) and done.args[1] == len(findings)
    comments = list(docx.Document(str(target)).comments)
    assert len(comments) == len(findings)
    assert any("[CIT" in c.text for c in comments)

