"""Recovery files: write, list (excluding the live session), restore, discard, damaged metadata."""

import json
from pathlib import Path

from drafter.recovery import discard, list_recoveries, new_session_id, recovery_dir, restore, write_recovery


def _save(draft, path: Path):
    path.write_text(json.dumps(draft), encoding="utf-8")


def _load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_write_list_restore_discard(tmp_path):
    session = new_session_id()
    draft = {"title": "Kết luận về công tác cán bộ", "body": "Thực hiện Kết luận số 21-KL/TW"}
    written = write_recovery(draft, session, source=tmp_path / "kl.draft", title="Kết luận", save=_save)
    assert written.path.parent == recovery_dir()
    [found] = list_recoveries()
    assert found.session == session
    assert found.source == tmp_path / "kl.draft"
    assert found.title == "Kết luận"
    assert restore(found, load=_load) == draft
    discard(found)
    assert list_recoveries() == []
    discard(found)  # twice is fine


def test_live_session_is_excluded_and_newest_first():
    old = write_recovery({"n": 1}, "old", save=_save)
    live = new_session_id()
    write_recovery({"n": 2}, live, save=_save)
    assert [r.session for r in list_recoveries(exclude=live)] == [old.session]
    assert {r.session for r in list_recoveries()} == {"old", live}


def test_rewrite_replaces_the_session_file():
    write_recovery({"n": 1}, "s", save=_save)
    write_recovery({"n": 2}, "s", save=_save)
    [found] = list_recoveries()
    assert restore(found, load=_load) == {"n": 2}


def test_damaged_metadata_still_lists_the_draft():
    write_recovery({"n": 1}, "s", save=_save)
    (recovery_dir() / "s.json").write_text("{broken", encoding="utf-8")
    [found] = list_recoveries()
    assert found.source is None and restore(found, load=_load) == {"n": 1}


def test_no_folder_means_nothing_to_restore():
    assert not recovery_dir().exists()
    assert list_recoveries() == []



def test_default_reader_and_writer_are_the_draft_files():
    from drafter.drafting import new_draft

    draft = new_draft("ket-luan-btv", {"subject": "về công tác cán bộ"})
    written = write_recovery(draft, "real", title="Kết luận")
    assert written.path.read_text(encoding="utf-8").lstrip().startswith("{")
    assert restore(list_recoveries()[0]) == draft
