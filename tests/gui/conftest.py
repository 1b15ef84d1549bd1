"""GUI test fixtures: typing Vietnamese, a scripted fake registry, real registries (small, 100k)."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from drafter.registry.entry import Entry
from drafter.text import fold, fold_words


def type_text(widget, text: str) -> None:
    """Type ``text`` one character at a time (qtbot.keyClicks aborts on non-Latin-1)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def press(widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifiers)


SAMPLE_ENTRIES = (
    Entry(1, "Kết luận", "21", "KL/TW", dt.date(2021, 10, 25), "Ban Chấp hành Trung ương Đảng khóa XIII",
          "đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị", jurisdiction="TW", term="XIII"),
    Entry(2, "Kết luận", "01", "KL/TW", dt.date(2021, 5, 18), "Bộ Chính trị",
          "tiếp tục thực hiện Chỉ thị số 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, "
          "phong cách Hồ Chí Minh", jurisdiction="TW"),
    Entry(3, "Kết luận", "21", "KL/TU", dt.date(2022, 3, 1), "Ban Thường vụ Tỉnh ủy",
          "công tác cán bộ", jurisdiction="Tỉnh Bình Dương"),
    Entry(4, "Nghị quyết", "28", "NQ/TW", dt.date(2023, 11, 17), "Ban Chấp hành Trung ương Đảng khóa XIII",
          "tiếp tục đổi mới phương thức lãnh đạo, cầm quyền của Đảng", jurisdiction="TW"),
    Entry(5, "Chỉ thị", "05", "CT/TW", dt.date(2016, 5, 15), "Bộ Chính trị",
          "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", jurisdiction="TW"),
)


@dataclass(frozen=True)
class FakeResult:
    entry: Entry
    score: float
    reasons: tuple[str, ...] = ()

    @property
    def reason_labels(self) -> tuple[str, ...]:
        return tuple(f"khớp {r}" for r in self.reasons)


@dataclass
class FakeRegistry:
    """The registry interface the GUI uses, scripted: ``gates[query]`` blocks that query's search
    until the event is set (a slow search); ``queries`` records what was searched, in order."""

    entries: tuple = SAMPLE_ENTRIES
    gates: dict = field(default_factory=dict)
    queries: list = field(default_factory=list)
    boosts: list = field(default_factory=list)

    def search(self, query, limit=10, boost=()):
        self.queries.append(query)
        self.boosts.append(tuple(boost))
        gate = self.gates.get(query)
        if gate is not None:
            assert gate.wait(10), f"gate for {query!r} never opened"
        words = set(fold_words(query))
        results = []
        for e in self.entries:
            matched = [w for w in words if w == (e.number or "").lstrip("0") or w == e.number]
            matched += [w for w in words if len(w) > 3 and w in fold(e.subject or "")]
            if matched:
                reasons = ("số",) if any(w.isdigit() for w in matched) else ("trích yếu",)
                results.append(FakeResult(e, len(matched) + (10 if e.id in boost else 0), reasons))
        results.sort(key=lambda r: -r.score)
        return results[:limit]

    def get(self, entry_id):
        return next((e for e in self.entries if e.id == entry_id), None)


@pytest.fixture
def fake_registry():
    return FakeRegistry()


@pytest.fixture
def gate():
    """An Event factory whose events are all set at teardown (no thread left blocked)."""
    events = []

    def make():
        events.append(threading.Event())
        return events[-1]

    yield make
    for event in events:
        event.set()


class Keys:
    """Keyboard helpers as a fixture (test modules here are not a package)."""

    type = staticmethod(type_text)
    press = staticmethod(press)


@pytest.fixture
def keys():
    return Keys


@pytest.fixture
def seed_text():
    """Text of a seed document by prefix ("001"), found like tests/conftest.py's seed_path."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    seeds = root.parent / "shared" / "seeds"
    if not seeds.is_dir():
        seeds = root / "tests" / "data" / "seeds"

    def read(prefix: str) -> str:
        (path,) = sorted(seeds.glob(f"{prefix}*.txt"))[:1]
        return path.read_text(encoding="utf-8")

    return read


@pytest.fixture
def small_registry(tmp_path):
    """A real SQLite registry holding SAMPLE_ENTRIES (ids assigned by the store)."""
    from drafter.registry import open_registry

    registry = open_registry(tmp_path / "registry.sqlite3", starter=False)
    for entry in SAMPLE_ENTRIES:
        registry.add(entry.with_changes(id=None))
    yield registry
    registry.close()


def synthetic_records(n: int, seed: int = 7):
    """``n`` realistic registry records (JSONL contract): varied types, codes, issuers at the
    TW/TU/HU/ĐU levels, dates and long subjects. A fallback: the benchmarks' generator
    (benchmarks/registry_synth.py) is used when it is there."""
    import random

    rng = random.Random(seed)
    types = [("Nghị quyết", "NQ"), ("Kết luận", "KL"), ("Chỉ thị", "CT"), ("Quyết định", "QĐ"),
             ("Quy định", "QĐi"), ("Kế hoạch", "KH"), ("Hướng dẫn", "HD"), ("Thông báo", "TB")]
    places = ["Hà Nội", "Thành phố Hồ Chí Minh", "Nam Định", "Bình Dương", "Nghệ An", "Đắk Lắk", "Cà Mau"]
    levels = [("TW", "Ban Chấp hành Trung ương Đảng", "TW"), ("TU", "Ban Thường vụ Tỉnh ủy {p}", "{p}"),
              ("HU", "Ban Thường vụ Huyện ủy Hải Hậu, {p}", "{p}"), ("ĐU", "Đảng ủy xã Hải Minh, {p}", "{p}")]
    words = ("tăng cường sự lãnh đạo của Đảng đối với công tác xây dựng chỉnh đốn phát triển kinh tế xã hội "
             "bảo đảm quốc phòng an ninh học tập làm theo tư tưởng đạo đức phong cách Hồ Chí Minh đổi mới "
             "phương thức cán bộ đảng viên chuyển đổi số nông thôn mới cải cách hành chính phòng chống tham "
             "nhũng tiêu cực giáo dục đào tạo y tế văn hóa môi trường").split()
    seen: set = set()
    i = 0
    while len(seen) < n:
        i += 1
        kind, type_code = types[i % len(types)]
        body, issuer, jurisdiction = levels[rng.randrange(4)]
        place = rng.choice(places) if body != "TW" else ""
        day = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(7300))
        number = str(rng.randrange(1, 1500))
        key = (kind, number, body, place, day.year)  # one document per identity and year
        if key in seen:
            continue
        seen.add(key)
        yield {"type": kind, "number": number, "code": f"{type_code}/{body}",
               "date": day.isoformat(), "issuer": issuer.format(p=place),
               "subject": " ".join(rng.choice(words) for _ in range(rng.randrange(8, 24))),
               "jurisdiction": jurisdiction.format(p=place)}


def _big_registry_key(root) -> str:
    """Changes when the generator or the registry code changes (the file is rebuilt then)."""
    import hashlib

    digest = hashlib.sha1()
    sources = [root / "benchmarks" / "registry_synth.py", root / "tests" / "gui" / "conftest.py"]
    sources += sorted((root / "drafter" / "registry").glob("*.py"))
    for path in sources:
        if path.exists():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def _build_big_registry(root, path) -> None:
    import json
    import sys

    from drafter.registry import open_registry

    benchmarks = root / "benchmarks"
    sys.path.insert(0, str(benchmarks))
    try:
        from registry_synth import generate
        records = generate(100_000)
    except ImportError:
        records = list(synthetic_records(100_000))
    finally:
        sys.path.remove(str(benchmarks))
    source = path.with_suffix(".jsonl")
    with open(source, "w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    with open_registry(path, starter=False) as registry:
        registry.import_paths([source])
        registry.search("kl 1")  # builds and caches the index
    source.unlink()


@pytest.fixture(scope="session")
def big_registry_path(request):
    """A 100k-entry SQLite registry file, built once and kept in pytest's cache folder until the
    generator or the registry code changes (building it takes about a minute)."""
    import os
    import shutil
    import sqlite3
    import tempfile
    from contextlib import closing
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    cache = Path(request.config.cache.mkdir("drafter-big-registry"))
    path = cache / f"registry-{_big_registry_key(root)}.sqlite3"
    if not path.exists():  # several pytest processes may build at once: each in its own folder
        work = Path(tempfile.mkdtemp(prefix="building-", dir=cache))
        built = work / "registry.sqlite3"
        _build_big_registry(root, built)
        with closing(sqlite3.connect(built)) as conn:  # fold the WAL in: one file to move
            conn.execute("PRAGMA journal_mode = DELETE")
        os.replace(built, path)
        shutil.rmtree(work, ignore_errors=True)
        for old in cache.glob("registry-*.sqlite3"):
            if old != path:
                old.unlink(missing_ok=True)
    return path


@pytest.fixture(scope="session", autouse=True)
def _release_clipboard_at_the_end(qapp):
    """What the app does on aboutToQuit (pytest-qt never quits the app): without it, a copy made
    by a test crashes the test process at exit (a Python QMimeData deleted after Python ends)."""
    yield
    from drafter.gui.body_text import release_clipboard

    release_clipboard()
