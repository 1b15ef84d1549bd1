"""Hostile and broken input through the real front doors (``drafter.cli.main`` and subprocesses).

Every case asserts: a Vietnamese message naming the problem, the documented exit code, no
traceback and no "unexpected error", and that nothing already saved changed (the registry's entry
count and bytes, an existing export, the draft file). drafter.reading's own unit tests
(tests/test_reading.py) cover the reader; these cover the commands users actually run.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.registry import open_registry
from tests.conftest import ROOT, seed_path

from .hostile import HOSTILE_FILES, SECRET, build

#: The generic message main() prints for a bug; no hostile input may reach it.
UNEXPECTED = "Lỗi không mong đợi"
#: How long a test waits for a subprocess (the locked-registry case waits out a 15 s busy timeout).
SUBPROCESS_TIMEOUT_S = 120


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _drafter(*args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "drafter", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env={**os.environ, **(env or {})})


def _finish(proc: subprocess.Popen) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=SUBPROCESS_TIMEOUT_S)
    return proc.returncode, out, err


def _assert_clean_failure(err: str, needle: str) -> None:
    assert needle in err, err
    assert "Lỗi:" in err
    assert "Traceback" not in err and UNEXPECTED not in err


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {name: build(name, folder / name) for name in HOSTILE_FILES}


@pytest.fixture
def registry_file(tmp_path) -> Path:
    path = tmp_path / "registry.sqlite3"
    open_registry(path).close()
    return path


def _count(path: Path) -> int:
    with open_registry(path, starter=False) as registry:
        return registry.count()


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
@pytest.mark.parametrize("command", [["cite", "extract"], ["check"]])
def test_reading_commands_refuse_hostile_files(hostile, registry_file, capsys, name, command):
    args = command + [str(hostile[name])] + (["--registry", str(registry_file)] if command == ["check"] else [])
    assert main(args) == 2
    out, err = capsys.readouterr()
    _assert_clean_failure(err, HOSTILE_FILES[name][1])
    assert SECRET not in out + err


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_registry_import_skips_hostile_files_and_keeps_the_registry(hostile, registry_file, capsys, name):
    before = _count(registry_file)
    assert main(["registry", "import", str(hostile[name]), "--registry", str(registry_file)]) == 1
    out, err = capsys.readouterr()
    assert f"Bỏ qua {hostile[name]}" in out and HOSTILE_FILES[name][1] in out
    assert "Traceback" not in err and UNEXPECTED not in err
    assert _count(registry_file) == before


def test_registry_import_of_a_folder_takes_the_good_and_lists_the_bad(hostile, registry_file, tmp_path, capsys):
    folder = tmp_path / "archive"
    folder.mkdir()
    for path in hostile.values():
        if path.name != "huge.txt":  # keep the copy cheap; the 100 MB file is covered above
            shutil.copy(path, folder / path.name)
    (folder / "good.jsonl").write_text(
        json.dumps({"type": "Kết luận", "number": "902", "code": "KL/TW", "subject": "văn bản tốt"}) + "\n",
        encoding="utf-8")
    before = _count(registry_file)
    assert main(["registry", "import", str(folder), "--registry", str(registry_file)]) == 1
    out = capsys.readouterr().out
    assert out.count("Bỏ qua ") == len(HOSTILE_FILES) - 1
    assert _count(registry_file) == before + 1


def test_export_of_a_draft_from_a_newer_schema_is_refused_and_nothing_is_overwritten(tmp_path, capsys):
    example = sorted((ROOT / "examples").glob("*.json"))[0]
    data = json.loads(example.read_text(encoding="utf-8"))
    data["schema_version"] = 99
    draft = tmp_path / "from-the-future.json"
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    output = tmp_path / "out.docx"
    output.write_bytes(b"the export the user made yesterday")
    draft_before, output_before = _digest(draft), _digest(output)
    assert main(["render", str(draft), "-o", str(output), "--no-registry"]) == 2
    _assert_clean_failure(capsys.readouterr().err, "phiên bản Drafter mới hơn")
    assert _digest(draft) == draft_before and _digest(output) == output_before


@pytest.mark.parametrize("content, needle", [
    (os.urandom(3000), "bị hỏng hoặc không phải tệp dự thảo"),
    (b'{"schema_version": 1, "blocks": [{"kind": "nonsense"}]}', "không hợp lệ"),
    (b"[1, 2, 3]", "không phải tệp dự thảo"),
    (b"[" * 100_000, "bị hỏng hoặc không phải tệp dự thảo"),
    (b'{"schema_version": 1, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "bị hỏng hoặc không phải tệp dự thảo"),
])
def test_broken_draft_files_are_refused(tmp_path, capsys, content, needle):
    draft = tmp_path / "broken.json"
    draft.write_bytes(content)
    assert main(["render", str(draft), "-o", str(tmp_path / "out.docx"), "--no-registry"]) == 2
    _assert_clean_failure(capsys.readouterr().err, needle)
    assert draft.read_bytes() == content and not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize("garbage", [os.urandom(8192), b"SQLite format 3\x00" + os.urandom(8192)])
@pytest.mark.parametrize("command", [
    ["registry", "search", "kl 21"], ["registry", "import", "SEED"], ["check", "SEED"],
    ["render", "EXAMPLE", "-o", "OUT"],
])
def test_corrupt_registry_file_is_reported_and_left_as_it_was(tmp_path, capsys, garbage, command):
    registry = tmp_path / "corrupt.sqlite3"
    registry.write_bytes(garbage)
    example = sorted((ROOT / "examples").glob("*.json"))[0]
    names = {"SEED": str(seed_path("000")), "EXAMPLE": str(example), "OUT": str(tmp_path / "o.docx")}
    assert main([names.get(a, a) for a in command] + ["--registry", str(registry)]) == 2
    _assert_clean_failure(capsys.readouterr().err, "bị hỏng hoặc không phải sổ văn bản")
    assert registry.read_bytes() == garbage


def test_locked_registry_is_reported_and_nothing_is_lost(registry_file, tmp_path):
    before = _count(registry_file)
    jsonl = tmp_path / "new.jsonl"
    jsonl.write_text(json.dumps({"type": "Kết luận", "number": "901", "code": "KL/TW"}) + "\n", encoding="utf-8")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time\n"
         f"c = sqlite3.connect({str(registry_file)!r}, isolation_level=None)\n"
         "c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        procs = [_drafter("registry", "import", str(jsonl), "--registry", str(registry_file)),
                 _drafter("registry", "search", "kl 21", "--registry", str(registry_file))]
        results = [_finish(p) for p in procs]
    finally:
        holder.stdin.close()  # the holder ends, its transaction is rolled back
        holder.wait(30)
    for code, _out, err in results:
        assert code == 2
        _assert_clean_failure(err, "đang bị khóa bởi một chương trình khác")
    assert _count(registry_file) == before


#: Jinja payloads that try to reach Python internals or exhaust the machine.
TEMPLATE_ATTACKS = {
    "mro": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "globals": "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}",
    "lipsum": "{{ lipsum.__globals__['os'].system('touch PWNED') }}",
    "self": "{{ self._TemplateReference__context }}",
    "attr-filter": "{{ ''|attr('__class__') }}",
    "format": "{{ '{0.__class__.__mro__}'.format('') }}",
    "memory": "{{ 'x' * 10000000000 }}",
    "power": "{{ 10 ** 100000000 }}",
    "range": "{% for i in range(10**9) %}x{% endfor %}",
    "recursion": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
}


def test_templates_cannot_reach_python_internals(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    marker = tmp_path / "PWNED"
    fields = {"name": "Mẫu độc", "description": "thử", "doc_type": "Kết luận", "fields": []}
    procs = {}
    for name, source in TEMPLATE_ATTACKS.items():
        (templates / f"evil-{name}.fields.json").write_text(json.dumps(fields), encoding="utf-8")
        (templates / f"evil-{name}.j2").write_text(source.replace("PWNED", str(marker)), encoding="utf-8")
        procs[name] = _drafter("new", f"evil-{name}", "-o", str(tmp_path / f"{name}.json"),
                               env={"DRAFTER_TEMPLATES_DIR": str(templates)})
    for name, proc in procs.items():
        code, _out, err = _finish(proc)
        assert code == 2, (name, err)
        _assert_clean_failure(err, f"Lỗi mẫu văn bản {templates / f'evil-{name}.j2'}, dòng 1")
        assert not (tmp_path / f"{name}.json").exists()
    assert not marker.exists()


#: Hostile record files for `drafter registry import`: (file name, content, the reason it must list).
HOSTILE_RECORDS = [
    ("deep.jsonl", ("[" * 200_000 + "\n").encode(), "JSON lồng nhau quá sâu"),
    ("deep-value.jsonl", ('{"type": ' + "[" * 5000 + "]" * 5000 + ', "number": "1"}\n').encode(),
     "JSON lồng nhau quá sâu"),
    ("wrong-types.jsonl", b'[1, 2]\n"text"\n{"type": null}\n', "không phải một đối tượng JSON"),
    ("bad-date.jsonl", '{"type": "Kết luận", "number": "1", "code": "KL/TW", "date": "9999-99-99"}\n'.encode(),
     "ngày không hợp lệ"),
    ("not-utf8.jsonl", b'{"type": "K\xff\xfet", "number": "1"}\n', "UTF-8"),
    ("big-field.csv", ("type,number,subject\nKết luận,1," + "x" * 300_000 + "\n").encode(), "Tệp CSV bị hỏng"),
    ("no-header.csv", "Kết luận,1\n".encode(), "thiếu dòng tiêu đề"),
    ("nul.csv", b"type,number\nK\x00L,1\n", "nhị phân"),
]


@pytest.mark.parametrize("name, content, reason", HOSTILE_RECORDS, ids=[r[0] for r in HOSTILE_RECORDS])
def test_registry_import_lists_hostile_records_and_keeps_the_registry(registry_file, tmp_path, capsys,
                                                                      name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    before = _count(registry_file)
    assert main(["registry", "import", str(path), "--registry", str(registry_file)]) == 1
    out, err = capsys.readouterr()
    assert f"Bỏ qua {path}" in out and reason in out
    assert "Traceback" not in err and UNEXPECTED not in err
    assert _count(registry_file) == before


@pytest.mark.parametrize("content", [os.urandom(500), b"[" * 100_000, b"\xff\xfe{}", b"[1, 2]"])
def test_broken_settings_file_falls_back_to_defaults(tmp_path, content):
    from drafter.settings import Settings, load_settings

    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings, warning = load_settings(path)
    assert settings == Settings() and "Drafter dùng cài đặt mặc định" in warning
    assert path.read_bytes() == content
