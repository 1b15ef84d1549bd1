"""Take the README screenshots from the real window (offscreen, or under Xvfb with xvfb-run).

Run from the checkout: ``.venv/bin/python docs/screenshots/take_screenshots.py``. It uses a
throw-away user folder (the starter registry is created there), opens the first example draft,
and saves main-window.png, picker.png, review-panel.png and registry-window.png beside this file.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))


def wait_for(predicate, timeout_ms: int) -> bool:
    """Process events until ``predicate()`` holds (PySide6 has no QTest.qWaitFor)."""
    import time as _time

    from PySide6.QtTest import QTest

    deadline = _time.monotonic() + timeout_ms / 1000
    while not predicate():
        if _time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        QTest.qWait(10)
    return True


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="drafter-shots-"))
    os.environ["DRAFTER_DATA_DIR"] = str(home / "data")
    os.environ["DRAFTER_CONFIG_DIR"] = str(home / "config")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont, QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from drafter.gui.app import first_example_draft
    from drafter.gui.main_window import MainWindow
    from drafter.settings import Settings

    app = QApplication.instance() or QApplication([])
    app.setFont(QFont("DejaVu Sans", 9))
    settings = Settings(place="Thành phố Hồ Chí Minh", parent_body="ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
                        issuer="THÀNH ỦY", signer_title="PHÓ BÍ THƯ", signer_name="Nguyễn Văn Hiếu")
    window = MainWindow(settings)
    window.resize(1680, 980)
    window.show()
    wait_for(lambda: window.registry is not None, 30_000)

    def refreshed():
        seen = []
        window.refreshed.connect(lambda r: seen.append(r))
        window.refresh_now()
        wait_for(lambda: bool(seen), 15_000)
        QTest.qWait(200)

    window.open_path(first_example_draft(), confirm=False)
    refreshed()
    window.grab().save(str(HERE / "main-window.png"))

    editor = window.editor.editor
    editor.setFocus()
    window.editor.go_to_section(0)
    editor.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    shown = []
    window.editor.picker.resultsShown.connect(lambda n: shown.append(n))
    for ch in "Thực hiện kl 21":
        QTest.sendKeyEvent(QTest.KeyAction.Click, editor, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)
    wait_for(lambda: bool(shown), 10_000)
    QTest.qWait(200)
    window.grab().save(str(HERE / "picker.png"))
    QTest.keyClick(editor, Qt.Key.Key_Escape)

    editor.moveCursor(QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor)
    editor.textCursor().removeSelectedText()
    typed = ("Căn cứ Kết luận số 21/KL-TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng và "
             "Kết luận số 1-KL/TW ngày 18/5/2021, Ban Thường vụ Thành ủy yêu cầu:")
    for ch in typed:
        QTest.sendKeyEvent(QTest.KeyAction.Click, editor, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)
        if window.editor.picker.is_open() and ch in " /":
            QTest.keyClick(editor, Qt.Key.Key_Escape)
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    refreshed()
    window.resizeDocks([window.review_dock], [330], Qt.Orientation.Vertical)
    error = next(f for f in window.last_refresh.findings if f.severity == "error")
    window._finding_activated(error)
    QTest.qWait(300)
    window.grab().save(str(HERE / "review-panel.png"))

    registry_window = window.open_registry_window()
    registry_window.resize(1300, 760)
    QTest.qWait(1500)
    registry_window.grab().save(str(HERE / "registry-window.png"))
    registry_window.close()
    window.dirty = False
    window.close()
    print("saved:", ", ".join(sorted(p.name for p in HERE.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
