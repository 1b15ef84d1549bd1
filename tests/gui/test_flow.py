"""The whole flow, keyboard only for the citation: new draft → fill the form → cite through the
picker ("kl 21", ↓, Enter) → check → export; the exported .docx is re-opened and read."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from drafter.drafting.model import Cite

from .window_helpers import dialogs, make_window  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("dialogs")


def _docx_texts(path) -> tuple[list[str], list[str]]:
    """(body paragraph texts, texts of every table cell paragraph) of a .docx."""
    document = docx.Document(str(path))
    cells = [p.text for t in document.tables for row in t.rows for cell in row.cells for p in cell.paragraphs]
    return [p.text for p in document.paragraphs], cells


def _fill(qtbot, keys, window, name: str, text: str) -> None:
    editor = window.form.editors[name]
    editor.setFocus()
    editor.selectAll()
    keys.press(editor, Qt.Key.Key_Delete)
    keys.type(editor, text)


def _cite_kl21_tw(qtbot, keys, window) -> object:
    """Type "kl 21" in the body, move with ↓ to the Trung ương entry, accept with Enter."""
    text = window.editor.editor
    text.setFocus()
    text.moveCursor(QTextCursor.MoveOperation.End)
    keys.press(text, Qt.Key.Key_Return)
    keys.type(text, "Thực hiện ")
    with qtbot.waitSignal(window.editor.picker.resultsShown, timeout=5000):
        keys.type(text, "kl 21")
    rows = window.editor.picker.rows()
    target = next(i for i, r in enumerate(rows) if r.entry.code == "KL/TW")
    for _ in range(target):
        keys.press(text, Qt.Key.Key_Down)
    assert window.editor.picker.current_index() == target
    with qtbot.waitSignal(window.editor.citationInserted, timeout=2000) as inserted:
        keys.press(text, Qt.Key.Key_Return)
    keys.type(text, ", các cấp ủy tập trung lãnh đạo.")
    return inserted.args[0]


def test_new_fill_cite_check_export(qtbot, keys, make_window, small_registry, tmp_path):
    window = make_window(small_registry)
    assert window.new_draft("ket-luan-btv")
    _fill(qtbot, keys, window, "subject", "về tiếp tục đẩy mạnh xây dựng, chỉnh đốn Đảng")
    _fill(qtbot, keys, window, "number", "567")
    _fill(qtbot, keys, window, "date", "15/05/2023")
    assert window.form.errors() == {}
    entry = _cite_kl21_tw(qtbot, keys, window)
    assert entry.number_code == "21-KL/TW"
    cites = [s for b in window.editor.body() for s in b.segments if isinstance(s, Cite)]
    assert [c.ref.entry_id for c in cites] == [entry.id]

    # check: the live refresh after the pause renders the citation in full and checks it
    with qtbot.waitSignal(window.refreshed, timeout=10000) as refreshed:
        window.refresh_now()
    result = refreshed.args[0]
    full = "Kết luận số 21-KL/TW, ngày 25/10/2021"
    assert full in result.text, result.text
    assert entry.subject in result.text
    assert not [f for f in result.findings if f.severity == "error"], result.findings
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in window.preview.text()
    assert full in window.preview.text()

    out = tmp_path / "ket-luan.docx"
    with qtbot.waitSignal(window.exported, timeout=30000):
        window.export_to(out)
    paragraphs, cells = _docx_texts(out)
    body = "\n".join(paragraphs)
    assert full in body and entry.subject in body
    assert "về tiếp tục đẩy mạnh xây dựng, chỉnh đốn Đảng" in body
    header = "\n".join(cells)
    for expected in ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH", "THÀNH ỦY", "Số 567-KL/TU",
                     "Thành phố Hồ Chí Minh, ngày 15 tháng 5 năm 2023", "Nguyễn Văn A", "PHÓ BÍ THƯ"):
        assert expected in header or expected in body, expected


def test_pdf_export_without_libreoffice_says_so_in_vietnamese(qtbot, make_window, dialogs, monkeypatch,
                                                              tmp_path):
    import drafter.export.pdf as pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    window = make_window()
    assert window.new_draft("ket-luan-btv")
    window.export_to(tmp_path / "ket-luan.pdf")
    qtbot.waitUntil(lambda: bool(dialogs.messages), timeout=30000)
    assert "LibreOffice" in dialogs.messages[-1] and "Không tìm thấy" in dialogs.messages[-1]
    assert "Traceback" not in dialogs.messages[-1]
    assert not (tmp_path / "ket-luan.pdf").exists()
    assert window.act_pdf.isEnabled()


def _soffice():
    from drafter.export import find_soffice

    return find_soffice()


@pytest.mark.skipif(_soffice() is None, reason="LibreOffice is not installed")
def test_pdf_export_with_libreoffice(qtbot, make_window, tmp_path):
    window = make_window()
    assert window.new_draft("ket-luan-btv")
    out = tmp_path / "ket-luan.pdf"
    with qtbot.waitSignal(window.exported, timeout=120000):
        window.export_to(out)
    assert out.read_bytes().startswith(b"%PDF")


def _cite(qtbot, keys, text, window, query: str, number_code: str) -> None:
    """Type ``query``, move with ↓ to the row of ``number_code``, accept with Enter."""
    with qtbot.waitSignal(window.editor.picker.resultsShown, timeout=5000):
        keys.type(text, query)
    codes = [r.entry.number_code for r in window.editor.picker.rows()]
    assert number_code in codes, (query, codes)
    for _ in range(codes.index(number_code)):
        keys.press(text, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.editor.citationInserted, timeout=2000):
        keys.press(text, Qt.Key.Key_Return)


def test_seed_000_opening_drafted_with_the_keyboard_from_the_starter_registry(qtbot, keys, make_window, tmp_path):
    """An opening in the manner of Kết luận 567-KL/TU (seed 000): its three citations picked by keyboard
    from the starter registry, rendered in full (number-code, date, issuer, subject)."""
    from drafter.registry import open_registry

    registry = open_registry()  # the starter registry, created on first use
    window = make_window(registry)
    assert window.new_draft("ket-luan-btv")
    _fill(qtbot, keys, window, "number", "567")
    _fill(qtbot, keys, window, "subject", "về tiếp tục đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị")
    text = window.editor.editor
    text.setFocus()
    text.selectAll()
    keys.press(text, Qt.Key.Key_Delete)
    keys.type(text, "Thời gian qua, các cấp ủy, tổ chức đảng đã quán triệt và triển khai thực hiện ")
    _cite(qtbot, keys, text, window, "kl 21", "21-KL/TW")
    keys.type(text, ", ")
    _cite(qtbot, keys, text, window, "kh 03", "03-KH/TW")
    keys.type(text, " và ")
    _cite(qtbot, keys, text, window, "kh 99", "99-KH/TU")
    keys.type(text, "; kiên quyết ngăn chặn, đẩy lùi suy thoái.")
    result = _refreshed_now(qtbot, window)
    first = result.rendered.blocks[0].text
    for code in ("Kết luận số 21-KL/TW, ngày 25/10/2021", "Kế hoạch số 03-KH/TW, ngày 01/12/2021",
                 "Kế hoạch số 99-KH/TU, ngày 31/3/2022"):
        assert code in first, first
    assert first.index("21-KL/TW") < first.index("03-KH/TW") < first.index("99-KH/TU")
    assert not [f for f in result.findings if f.severity == "error"], result.findings
    out = tmp_path / "567-KL-TU.docx"
    with qtbot.waitSignal(window.exported, timeout=30000):
        window.export_to(out)
    paragraphs, cells = _docx_texts(out)
    assert first in paragraphs
    assert "Số 567-KL/TU" in "\n".join(cells)
    registry.close()


def _refreshed_now(qtbot, window):
    with qtbot.waitSignal(window.refreshed, timeout=10000) as refreshed:
        window.refresh_now()
    return refreshed.args[0]
