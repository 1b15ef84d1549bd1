"""Workers: results and errors come back on the UI thread; only the newest LatestJob result counts;
a result for a closed owner is dropped."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread

from drafter.errors import RegistryError
from drafter.gui.workers import LatestJob, run_in_background


def test_result_and_error_arrive_on_the_ui_thread(qtbot):
    got = []
    ui = QThread.currentThread()
    run_in_background(lambda a, b: a + b, 2, 3, on_done=lambda r: got.append((r, QThread.currentThread() is ui)))
    run_in_background(lambda: (_ for _ in ()).throw(RegistryError("Sổ văn bản bị khóa.")),
                      on_error=lambda e: got.append((e.message, QThread.currentThread() is ui)))
    qtbot.waitUntil(lambda: len(got) == 2, timeout=3000)
    assert sorted(got, key=str) == sorted([(5, True), ("Sổ văn bản bị khóa.", True)], key=str)


def test_latest_job_delivers_only_the_newest(qtbot):
    job = LatestJob()
    gate = threading.Event()
    results = []
    job.finished.connect(results.append)

    def slow(value):
        gate.wait(5)
        return value

    job.request(slow, "cũ")
    job.request(slow, "mới")
    assert job.busy
    with qtbot.waitSignal(job.finished, timeout=5000):
        gate.set()
    job.wait(5000)
    qtbot.wait(50)  # let any late queued delivery arrive (none should)
    assert results == ["mới"] and not job.busy


def test_result_for_a_deleted_owner_is_dropped(qtbot):
    class Owner(QObject):
        def __init__(self):
            super().__init__()
            self.calls = []

        def done(self, value):
            self.calls.append(self.objectName())  # raises on a deleted C++ object

    owner = Owner()
    gate = threading.Event()
    finished = threading.Event()

    def work():
        gate.wait(5)
        finished.set()
        return 1

    run_in_background(work, on_done=owner.done)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=2000)
    gate.set()
    assert finished.wait(5)
    qtbot.wait(50)  # the queued result is processed here and must be dropped without an exception
    assert owner.calls == []


def _alive(obj) -> bool:
    from shiboken6 import isValid

    return isValid(obj)
