"""Import: JSONL, CSV, the seed documents, folders, duplicates, conflicts, bad files."""

from __future__ import annotations

import datetime as _dt
import json
import shutil
import threading

import pytest

from drafter.registry import open_registry
from tests.conftest import SEEDS_DIR, seed_path

#: Every document the five seeds cite in full form (number-code), by seed.
CITED_IN_SEEDS = {
    "000": ["99-KH/TU", "21-KL/TW", "03-KH/TW", "01-KL/TW", "05-CT/TW", "23-CT/TU", "85-QĐ/TW", "179-QĐ/TW",
            "41-QĐ/TW", "1300-QĐ/TU", "124-KH/TU", "14-KL/TW", "22-QĐ/TW", "37-QĐ/TW", "11-CT/TU", "01-ĐA/TU",
            "32-CTrHĐ/TU", "28-NQ/TW", "13-CT/TU", "18-CT/TW", "06-ĐA/TU"],
    "001": ["01-KL/TW", "21-KL/TW", "37-QĐ/TW"],
    "002": ["54-KL/TW", "99-QĐ/TW", "01-QĐi/ĐUK", "124-QĐ/TW", "119-KL/ĐUK", "06-QĐ/ĐUK", "21-KL/TW"],
    "003": ["22-NQ/TW", "38-KL/TW", "52-KL/TU", "28-CT/TW", "213-QĐ/TW", "1374-QĐ/TU"],
    "004": ["158-KL/ĐUK", "18-KL/TW", "21-KL/TW"],
}
#: The seeds' own Số lines.
SEEDS_OWN = {"000": "567-KL/TU", "003": "06-CT/TU"}


@pytest.fixture
def registry(tmp_path):
    reg = open_registry(tmp_path / "r.sqlite3", starter=False)
    yield reg
    reg.close()


def _codes(registry) -> set[str]:
    return {e.number_code for e in registry.entries() if e.number_code}


def _write_jsonl(path, records):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")


def test_importing_the_five_seeds_yields_the_documents_they_cite(registry):
    report = registry.import_paths([SEEDS_DIR])
    assert report.files == 5 and not report.skipped
    codes = _codes(registry)
    expected = {c for cited in CITED_IN_SEEDS.values() for c in cited} | set(SEEDS_OWN.values())
    assert expected <= codes, sorted(expected - codes)


@pytest.mark.parametrize("prefix, code, date, issuer", [
    ("000", "21-KL/TW", _dt.date(2021, 10, 25), "Ban Chấp hành Trung ương"),
    ("000", "99-KH/TU", _dt.date(2022, 3, 31), "Ban Thường vụ Thành ủy"),
    ("002", "99-QĐ/TW", _dt.date(2017, 10, 3), "Ban Bí thư"),
    ("003", "22-NQ/TW", _dt.date(2008, 2, 2), "Ban Chấp hành Trung ương khóa X"),
    ("004", "158-KL/ĐUK", _dt.date(2018, 7, 17), "Đảng ủy Khối khóa VI"),
])
def test_seed_citations_keep_the_date_and_issuer_the_seed_gives(registry, prefix, code, date, issuer):
    registry.import_paths([seed_path(prefix)])
    entry = next(e for e in registry.entries() if e.number_code == code)
    assert entry.date == date
    assert issuer in entry.issuer


def test_a_seeds_own_identity_comes_from_its_header(registry):
    registry.import_paths([seed_path("003")])
    own = registry.lookup(number="06", code="CT/TU")
    assert own.type == "Chỉ thị" and own.issuer == "Ban Thường vụ Thành ủy"
    assert own.subject.startswith("một số giải pháp nâng cao năng lực lãnh đạo")
    assert own.jurisdiction == "Thành phố Hồ Chí Minh"


def test_local_codes_get_the_documents_jurisdiction(registry):
    registry.import_paths([seed_path("004")])
    local = registry.lookup(number="158", code="KL/ĐUK")
    assert local.jurisdiction == "Thừa Thiên Huế"
    assert registry.lookup(number="18", code="KL/TW").jurisdiction is None


def test_the_same_document_twice_is_one_entry(registry, tmp_path):
    registry.import_paths([seed_path("000")])
    before = registry.count()
    report = registry.import_paths([seed_path("000")])
    assert registry.count() == before
    assert report.created == 0 and report.merged == report.records


def test_quyet_dinh_quy_dinh_confusion_is_one_entry_with_a_type_conflict(registry):
    registry.import_paths([seed_path("002")])
    matches = [e for e in registry.entries() if e.number_code == "99-QĐ/TW"]
    assert len(matches) == 1
    assert {c.field for c in matches[0].conflicts} <= {"type", "subject"}


def test_conflicting_date_and_issuer_are_recorded_not_overwritten(registry, tmp_path):
    base = {"type": "Kết luận", "number": "21", "code": "KL/TW", "date": "2021-10-25",
            "issuer": "Ban Chấp hành Trung ương Đảng khóa XIII", "subject": "đẩy mạnh xây dựng, chỉnh đốn Đảng"}
    other = dict(base, date="2021-10-26", issuer="Bộ Chính trị")
    _write_jsonl(tmp_path / "a.jsonl", [base])
    _write_jsonl(tmp_path / "b.jsonl", [other])
    registry.import_paths([tmp_path / "a.jsonl", tmp_path / "b.jsonl"])
    (entry,) = list(registry.entries())
    assert entry.date == _dt.date(2021, 10, 25) and entry.issuer == base["issuer"]
    assert {(c.field, c.value, c.source) for c in entry.conflicts} == {
        ("date", "2021-10-26", "b.jsonl"), ("issuer", "Bộ Chính trị", "b.jsonl")}


def test_same_number_in_another_term_is_another_document(registry, tmp_path):
    _write_jsonl(tmp_path / "a.jsonl", [
        {"type": "Quy định", "number": "124", "code": "QĐ/TW", "date": "2018-02-02"},
        {"type": "Quy định", "number": "124", "code": "QĐ/TW", "date": "2023-09-08"}])
    registry.import_paths([tmp_path / "a.jsonl"])
    assert registry.count() == 2


def test_local_codes_of_two_jurisdictions_are_two_documents(registry, tmp_path):
    _write_jsonl(tmp_path / "a.jsonl", [
        {"type": "Chỉ thị", "number": "06", "code": "CT/TU", "jurisdiction": "Hà Nội"},
        {"type": "Chỉ thị", "number": "06", "code": "CT/TU", "jurisdiction": "Thành phố Hồ Chí Minh"}])
    registry.import_paths([tmp_path / "a.jsonl"])
    assert registry.count() == 2
    assert registry.lookup(number="06", code="CT/TU") is None  # ambiguous without a jurisdiction
    assert registry.lookup(number="06", code="CT/TU", jurisdiction="Hà Nội").jurisdiction == "Hà Nội"


def test_jsonl_and_csv_contract(registry, tmp_path):
    _write_jsonl(tmp_path / "a.jsonl", [
        {"type": "Kết luận", "number": "21", "code": "KL/TW", "date": "2021-10-25", "aliases": [],
         "jurisdiction": "TW", "term": "XIII", "source": "vbpl"},
        {"type": "Nghị quyết", "aliases": ["Nghị quyết Trung ương 4 khóa XII"]}])
    (tmp_path / "b.csv").write_text(
        "type,number,code,date,issuer,subject,aliases\n"
        "Chỉ thị,05,CT/TW,15/05/2016,Bộ Chính trị,đẩy mạnh học tập,Chỉ thị 05;CT 05\n", encoding="utf-8")
    report = registry.import_paths([tmp_path / "a.jsonl", tmp_path / "b.csv"])
    assert report.created == 3 and not report.skipped
    ct = registry.lookup(number="5", code="CT/TW")
    assert ct.date == _dt.date(2016, 5, 15) and ct.aliases == ("Chỉ thị 05", "CT 05")
    assert registry.lookup(number="21", code="KL/TW").source == "vbpl"


@pytest.mark.parametrize("line, reason", [
    ('{"number": "21"}', "thiếu tên loại"),
    ('{"type": "Kết luận"}', "thiếu số"),
    ('{"type": "Kết luận", "number": "21", "date": "31/02/2021"}', "ngày không hợp lệ"),
    ("{not json", "JSON không hợp lệ"),
])
def test_bad_records_are_listed_and_skipped(registry, tmp_path, line, reason):
    path = tmp_path / "a.jsonl"
    path.write_text('{"type": "Kết luận", "number": "1", "code": "KL/TW"}\n' + line + "\n", encoding="utf-8")
    report = registry.import_paths([path])
    assert registry.count() == 1
    assert len(report.skipped) == 1 and report.skipped[0][0] == f"{path}:2"
    assert reason in report.skipped[0][1]


def test_bad_files_are_skipped_and_the_folder_goes_on(registry, tmp_path):
    folder = tmp_path / "archive" / "2023"
    folder.mkdir(parents=True)
    shutil.copy(seed_path("003"), folder / "ct06.txt")
    (folder / "latin1.txt").write_bytes("Kết luận".encode("cp1258", errors="replace") + b"\xff\xfe")
    (folder / "broken.docx").write_bytes(b"not a zip")
    (folder / "notes.pdf").write_bytes(b"%PDF")  # not a supported kind: not even listed
    seen = []
    report = registry.import_paths([tmp_path / "archive"], progress=lambda d, t, p: seen.append((d, t)))
    skipped = {p.rsplit("/", 1)[-1] for p, _ in report.skipped}
    assert skipped == {"latin1.txt", "broken.docx"}
    assert all("UTF-8" in r or ".docx" in r for _, r in report.skipped)
    assert registry.lookup(number="06", code="CT/TU") is not None
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)


def test_cancel_stops_between_files_and_keeps_what_was_written(registry):
    cancel = threading.Event()
    calls = []

    def progress(done, total, path):
        calls.append(done)
        if done == 1:
            cancel.set()

    report = registry.import_paths([seed_path("000"), seed_path("003"), seed_path("004")],
                                   progress=progress, cancel=cancel)
    assert report.cancelled and report.files == 2  # the file being read when cancel came is finished
    assert registry.lookup(number="06", code="CT/TU") is not None
    assert registry.lookup(number="158", code="KL/ĐUK") is None


def test_export_writes_jsonl_that_imports_back(registry, tmp_path):
    registry.import_paths([seed_path("000")])
    out = tmp_path / "out.jsonl"
    count = registry.export_jsonl(out)
    assert count == registry.count() == len(out.read_text(encoding="utf-8").splitlines())
    again = open_registry(tmp_path / "again.sqlite3", starter=False)
    again.import_paths([out])
    assert _codes(again) == _codes(registry)
    again.close()


def test_starter_registry_fills_a_new_default_registry_once():
    registry = open_registry()
    assert registry.lookup(number="99", code="QĐ/TW").type == "Quyết định"
    count = registry.count()
    registry.delete(registry.lookup(number="21", code="KL/TW").id)
    registry.close()
    again = open_registry()  # not refilled: the user deleted one entry on purpose
    assert again.count() == count - 1
    again.close()
