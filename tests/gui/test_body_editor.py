"""BodyEditor: lossless round trip with the drafting model, atomic citation spans, sections."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from drafter.drafting.markup import parse_markup
from drafter.drafting.model import Block, Cite, NoteRef, Text
from drafter.gui.body_editor import BodyEditor
from drafter.gui.body_text import CITE_BACKGROUND, span_at


ROUND_TRIPS = [
    "Một đoạn văn thường.",
    "Thực hiện [[cite:21-KL/TW|2021-10-25|TW|id=1]], Ban Thường vụ kết luận như sau:",
    "Chữ **đậm** rồi *nghiêng* rồi thường.[[note:1]]",
    "# I- Kết quả việc thực hiện [[cite:01-KL/TW|2021-05-18|TW|id=2|short=Kết luận số 01]]\n"
    "Sau hơn 01 năm thực hiện.\n- Một số chi bộ còn chậm.\n- Công tác tuyên truyền.\n"
    "## 1. Tiếp tục lãnh đạo\n### a) Nội dung\n# II- Nhiệm vụ\nTheo [[cite:28-NQ/TW||TW|form=full]].",
    "Hai trích dẫn liền nhau [[cite:21-KL/TW|2021-10-25|TW|id=1]][[cite:21-KL/TW|2021-10-25|TW|id=1]] và hết",
    "[[cite:05-CT/TW|2016-05-15|TW|id=5]]",
    "Mở đầu\n# I- Một\n# II- Hai\n# III- Ba",
]


@pytest.fixture
def editor(qtbot, fake_registry):
    widget = BodyEditor(fake_registry)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    return widget


def _body(markup):
    return parse_markup(markup).body


@pytest.mark.parametrize("markup", ROUND_TRIPS)
def test_round_trip_is_lossless(editor, markup):
    body = _body(markup)
    editor.set_body(body)
    assert editor.body() == body


def test_round_trip_of_seed_shaped_body(editor, seed_text):
    lines = [ln.strip() for ln in seed_text("001").splitlines() if ln.strip()]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("Hội nghị sơ kết"))
    end = next(i for i, ln in enumerate(lines) if ln.startswith("Nơi nhận"))
    blocks = []
    for ln in lines[start:end]:
        if ln.split("- ")[0] in ("I", "II", "III"):
            blocks.append(Block("heading", (Text(ln),), 1))
        elif ln.startswith("- "):
            blocks.append(Block("item", (Text(ln),)))
        else:
            blocks.append(Block("paragraph", (Text(ln),)))
    editor.set_body(tuple(blocks))
    assert editor.body() == tuple(blocks)
    assert editor.section_titles()[1:] == ["I- Kết quả việc thực hiện Kết luận số 01 của Bộ Chính trị",
                                          "II- Một số nhiệm vụ, giải pháp trọng tâm", "III- Tổ chức thực hiện"]


def test_citation_span_is_highlighted_with_full_tooltip(editor):
    editor.set_body(_body("Theo [[cite:21-KL/TW|2021-10-25|TW|id=1]] nay"))
    doc = editor.editor.document()
    start, end = span_at(doc, 5)
    assert doc.toPlainText()[start:end] == "Kết luận số 21-KL/TW"
    cursor = QTextCursor(doc)
    cursor.setPosition(start + 1)
    fmt = cursor.charFormat()
    assert fmt.background().color() == CITE_BACKGROUND
    assert fmt.toolTip() == ("Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII "
                             "về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị")


def _place(editor, pos):
    cursor = editor.editor.textCursor()
    cursor.setPosition(pos)
    editor.editor.setTextCursor(cursor)


def test_cursor_skips_over_span(keys, editor):
    editor.set_body(_body("ab [[cite:21-KL/TW|2021-10-25|TW|id=1]] cd"))
    start, end = span_at(editor.editor.document(), 3)
    _place(editor, start)
    keys.press(editor.editor, Qt.Key.Key_Right)
    assert editor.editor.textCursor().position() == end
    keys.press(editor.editor, Qt.Key.Key_Left)
    assert editor.editor.textCursor().position() == start
    _place(editor, start + 4)  # a click inside the span lands on an edge
    assert editor.editor.textCursor().position() in (start, end)


@pytest.mark.parametrize("key, where", [(Qt.Key.Key_Backspace, "end"), (Qt.Key.Key_Delete, "start")])
def test_backspace_and_delete_remove_the_whole_span(keys, editor, key, where):
    editor.set_body(_body("ab [[cite:21-KL/TW|2021-10-25|TW|id=1]] cd"))
    start, end = span_at(editor.editor.document(), 3)
    _place(editor, end if where == "end" else start)
    keys.press(editor.editor, key)
    assert editor.body() == (Block("paragraph", (Text("ab  cd"),)),)
    assert editor.cited_entry_ids() == []


def test_text_typed_after_a_span_is_plain(keys, editor):
    editor.set_body(_body("[[cite:21-KL/TW|2021-10-25|TW|id=1]]"))
    editor.editor.moveCursor(QTextCursor.MoveOperation.End)
    keys.type(editor.editor, " đã nêu")
    (block,) = editor.body()
    assert isinstance(block.segments[0], Cite)
    assert block.segments[1:] == (Text(" đã nêu"),)


def test_typing_emits_changed_but_loading_does_not(keys, editor, qtbot):
    with qtbot.assertNotEmitted(editor.changed):
        editor.set_body(_body("Một"))
    with qtbot.waitSignal(editor.changed, timeout=1000):
        keys.type(editor.editor, "x")


def test_cited_entry_ids_in_first_mention_order(editor):
    editor.set_body(_body("[[cite:28-NQ/TW||TW|id=4]] và [[cite:21-KL/TW||TW|id=1]] và [[cite:28-NQ/TW||TW|id=4]]"
                          "[[note:2]]"))
    assert editor.cited_entry_ids() == [4, 1]
    assert NoteRef("2") in editor.body()[0].segments


def test_enter_after_heading_starts_a_paragraph(keys, editor):
    editor.set_body(_body("# I- Kết quả"))
    editor.editor.moveCursor(QTextCursor.MoveOperation.End)
    keys.press(editor.editor, Qt.Key.Key_Return)
    keys.type(editor.editor, "Nội dung")
    assert [b.kind for b in editor.body()] == ["heading", "paragraph"]


SECTIONS = "Mở đầu\n# I- Một\nnội dung một\n# II- Hai\nnội dung hai\n# III- Ba"


def test_sections_reorder_by_keyboard_and_renumber(keys, editor):
    editor.set_body(_body(SECTIONS))
    assert editor.section_titles() == ["(Phần mở đầu)", "I- Một", "II- Hai", "III- Ba"]
    editor.outline.setFocus()
    editor.outline.setCurrentRow(1)
    keys.press(editor.outline, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert editor.section_titles() == ["(Phần mở đầu)", "I- Hai", "II- Một", "III- Ba"]
    assert [b for b in editor.body() if b.kind == "paragraph"][1:] == [
        Block("paragraph", (Text("nội dung hai"),)), Block("paragraph", (Text("nội dung một"),))]
    assert editor.outline.currentRow() == 2
    keys.press(editor.outline, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert editor.body() == _body(SECTIONS)


def test_sections_add_and_remove_by_keyboard(keys, editor, monkeypatch):
    editor.set_body(_body(SECTIONS))
    editor.outline.setFocus()
    editor.outline.setCurrentRow(3)
    keys.press(editor.outline, Qt.Key.Key_Insert)
    assert editor.section_titles()[-1] == "IV-"
    keys.type(editor.editor, "Mới")
    editor._refresh_outline()
    assert editor.section_titles()[-1] == "IV- Mới"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor.outline.setFocus()
    editor.outline.setCurrentRow(1)
    keys.press(editor.outline, Qt.Key.Key_Delete)
    assert editor.section_titles() == ["(Phần mở đầu)", "I- Hai", "II- Ba", "III- Mới"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    keys.press(editor.outline, Qt.Key.Key_Delete)
    assert len(editor.section_titles()) == 4


def test_heading_level_shortcuts(keys, editor):
    editor.set_body(_body("Một dòng"))
    editor.editor.setFocus()
    keys.press(editor.editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert editor.body() == (Block("heading", (Text("Một dòng"),), 2),)
    keys.press(editor.editor, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert editor.body() == (Block("paragraph", (Text("Một dòng"),)),)


def test_select_and_replace_text(editor):
    editor.set_body(_body("Trên cơ sở ý kiến; Ban Thường vụ kết luận như sau:"))
    assert editor.select_text("Ban Thường vụ")
    assert editor.editor.textCursor().selectedText() == "Ban Thường vụ"
    assert not editor.select_text("không có trong văn bản")
    assert editor.replace_text("ý kiến;", "ý kiến,")
    assert editor.body()[0].segments == (Text("Trên cơ sở ý kiến, Ban Thường vụ kết luận như sau:"),)


def test_missing_format_properties_keep_none_alive():
    """PySide6 6.12.0 returned None for a missing property without a reference (Python aborted
    with "deallocating None" after a few thousand keystrokes); pyproject excludes it and
    format_property never asks for a missing property."""
    import sys

    from PySide6.QtGui import QTextCharFormat
    from PySide6.QtWidgets import QListWidgetItem

    from drafter.gui.body_text import CITE_PROP, format_property

    fmt, item = QTextCharFormat(), QListWidgetItem("x")
    before = sys.getrefcount(None)
    results = [format_property(fmt, CITE_PROP) for _ in range(500)] + [item.data(300) for _ in range(500)]
    del results
    assert sys.getrefcount(None) >= before - 5


def test_round_trip_of_every_example_draft(editor):
    """The example drafts (one per seed) keep every segment field, footnote marks included."""
    from pathlib import Path

    from drafter.drafting import load_draft

    examples = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))
    assert examples
    for path in examples:
        body = load_draft(path).body
        editor.set_body(body)
        assert editor.body() == body, path.name


def _normalised(blocks):
    """What a body is after the editor: no empty texts, adjacent same-style texts merged,
    no empty blocks (the drafting model never makes those)."""
    out = []
    for block in blocks:
        segments = []
        for seg in block.segments:
            if isinstance(seg, Text) and not seg.text:
                continue
            prev = segments[-1] if segments else None
            if isinstance(seg, Text) and isinstance(prev, Text) and (prev.bold, prev.italic) == (seg.bold, seg.italic):
                segments[-1] = Text(prev.text + seg.text, seg.bold, seg.italic)
            else:
                segments.append(seg)
        if segments:
            out.append(Block(block.kind, tuple(segments), block.level))
    return tuple(out)


def _body_strategy():
    import datetime as dt

    from hypothesis import strategies as st

    from drafter.drafting.model import CitationRef

    letters = st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ"
                                   "ĐĂÂÊÔƠƯ0123456789 ,.;:-–/()“”\"'*\n\t"))
    text = st.builds(Text, st.text(letters, max_size=30), st.booleans(), st.booleans())
    ref = st.builds(CitationRef, st.sampled_from(["21-KL/TW", "01-KL/TW", "124-KH/TU", "01-QĐi/ĐUK"]),
                    st.none() | st.integers(1, 10**6), st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)),
                    st.none() | st.sampled_from(["TW", "Thành phố Hồ Chí Minh"]))
    cite = st.builds(Cite, ref, st.none() | st.sampled_from(["Kết luận số 21", "Kế hoạch 124"]),
                     st.sampled_from(["auto", "full", "short"]), st.booleans())
    note = st.builds(NoteRef, st.sampled_from(["1", "2", "a"]))
    segments = st.lists(st.one_of(text, text, cite, note), max_size=6).map(tuple)
    block = st.one_of(st.builds(Block, st.sampled_from(["paragraph", "item"]), segments),
                      st.builds(Block, st.just("heading"), segments, st.integers(1, 3)))
    return st.lists(block, max_size=8)


def test_round_trip_property(qtbot, fake_registry):
    from hypothesis import HealthCheck, given, settings

    widget = BodyEditor(fake_registry)
    qtbot.addWidget(widget)

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(_body_strategy())
    def check(blocks):
        body = _normalised(blocks)
        widget.set_body(body)
        assert widget.body() == body

    check()


def test_copy_paste_keeps_citation_references(editor, keys):
    editor.set_body(_body("Theo [[cite:21-KL/TW|2021-10-25|TW|id=1|form=full]] và tiếp\nDòng hai"))
    editor.editor.selectAll()
    keys.press(editor.editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    editor.editor.moveCursor(QTextCursor.MoveOperation.End)
    keys.press(editor.editor, Qt.Key.Key_Return)
    keys.press(editor.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    first, second = _body("Theo [[cite:21-KL/TW|2021-10-25|TW|id=1|form=full]] và tiếp\nDòng hai")
    assert editor.body() == (first, second, first, second)
    assert editor.cited_entry_ids() == [1]


def test_pasting_plain_text_never_makes_a_citation(editor):
    from PySide6.QtCore import QMimeData

    mime = QMimeData()
    mime.setText("Kết luận số 21-KL/TW")
    mime.setHtml('<span style="background:#fdeba0">Kết luận số 21-KL/TW</span>')
    editor.editor.insertFromMimeData(mime)
    assert editor.body() == (Block("paragraph", (Text("Kết luận số 21-KL/TW"),)),)


def test_replace_text_never_cuts_a_citation(editor):
    editor.set_body(_body("Theo [[cite:21-KL/TW|2021-10-25|TW|id=1]] ngày và **Kết luận số 21-KL/TW** ngày"))
    assert editor.replace_text("Kết luận số 21-KL/TW", "Kết luận số 21-KL/TW,")  # the bold text, not the span
    (block,) = editor.body()
    assert isinstance(block.segments[1], Cite)
    assert block.segments[3] == Text("Kết luận số 21-KL/TW,", bold=True)
    assert not editor.replace_text("21-KL/TW ngày", "x")  # only inside/over the span: refused


def test_process_with_a_drafter_copy_on_the_clipboard_exits_cleanly(tmp_path):
    """Real case: after Ctrl+C in the editor, the process crashed with a segmentation fault at
    exit (Qt deleting a Python-made QMimeData after Python had shut down)."""
    import os
    import subprocess
    import sys

    script = (
        "from PySide6.QtWidgets import QApplication\n"
        "from drafter.gui.body_text import release_clipboard_on_quit, SEGMENTS_MIME\n"
        "from drafter.gui.body_editor import BodyEditor\n"
        "from drafter.drafting.markup import parse_markup\n"
        "app = QApplication([])\n"
        "release_clipboard_on_quit()\n"
        "editor = BodyEditor()\n"
        "editor.set_body(parse_markup('Theo [[cite:21-KL/TW|2021-10-25|TW|id=1]] và tiếp').body)\n"
        "editor.editor.selectAll(); editor.editor.copy()\n"
        "assert app.clipboard().mimeData().hasFormat(SEGMENTS_MIME)\n"
        "from PySide6.QtCore import QTimer\n"
        "QTimer.singleShot(0, app.quit)\n"
        "app.exec()\n"
        "print('clipboard:', app.clipboard().text())\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Theo" in result.stdout
