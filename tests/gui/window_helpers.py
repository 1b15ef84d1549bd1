"""Shared by the main-window tests: a window factory with scripted message boxes and questions."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from drafter.gui.main_window import MainWindow
from drafter.settings import Settings

#: Settings a secretary of the Thành ủy office would have: the form's defaults come from them.
OFFICE_SETTINGS = Settings(place="Thành phố Hồ Chí Minh", parent_body="ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
                           issuer="THÀNH ỦY", signer_title="PHÓ BÍ THƯ", signer_name="Nguyễn Văn A")


@dataclass
class Dialogs:
    """What the window showed (``messages``), what it asked (``questions``) and the scripted
    answers (button indexes) it gets; with no answer left it gets "Không lưu"/"Bỏ" (index 1)."""

    messages: list = field(default_factory=list)
    questions: list = field(default_factory=list)
    answers: list = field(default_factory=list)

    def answer(self, text: str) -> int:
        self.questions.append(text)
        return self.answers.pop(0) if self.answers else 1


@pytest.fixture
def dialogs(monkeypatch):
    script = Dialogs()
    monkeypatch.setattr(MainWindow, "show_message", lambda self, text, icon=None: script.messages.append(text))
    monkeypatch.setattr(MainWindow, "ask", lambda self, text, buttons, default=0: script.answer(text))
    return script


@pytest.fixture
def make_window(qtbot, dialogs):
    """``make_window(registry=None, settings=OFFICE_SETTINGS)``: a shown window, closed at the end."""
    made = []

    def make(registry=None, settings=OFFICE_SETTINGS, load_settings=False):
        window = MainWindow(settings=None if load_settings else settings, open_registry=False)
        qtbot.addWidget(window)
        window.resize(1400, 860)
        window.show()
        if registry is not None:
            window._registry_opened(registry)
        made.append(window)
        return window

    yield make
    for window in made:
        window.dirty = False
        window.refresh_job.wait(5000)
        window.editor.picker.worker.wait_idle()
        window._stop_watcher()
