"""Draft files: round trip, pretty JSON, atomic save with .bak, refusal of newer schemas."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest

from drafter.drafting import SCHEMA_VERSION, load_draft, save_draft
from drafter.drafting.markup import parse_inline
from drafter.drafting.model import Block, Cite, CitationRef, Draft, Footnote, Header, NoteRef, Text
from drafter.errors import DraftFileError


def _draft(subject: str = "về một việc") -> Draft:
    body = (
        Block("heading", (Text("I- Kết quả"),), 1),
        Block("paragraph", parse_inline("Thực hiện [[cite:21-KL/TW|2021-10-25|TW|id=12|short=Kết luận 21]] tốt.[[note:1]]")),
        Block("item", (Text("- Một ý "), Text("đậm", bold=True), Text(" và "), Text("nghiêng", italic=True))),
    )
    notes = (Footnote("1", parse_inline("Xem [[cite:03-KH/TW|2021-12-01|TW|subject=0]].")),)
    header = Header(issuer="THÀNH ỦY", number="567", place="Thành phố Hồ Chí Minh", date=dt.date(2023, 5, 15),
                    subject=subject, recipients=("Ban A", "Lưu Văn phòng Thành ủy"), secrecy="MẬT")
    return Draft("ket-luan-btv", header, body, notes, {"level": "tinh"},
                 {"21-KL/TW@2021-10-25@TW": {"type": "Kết luận", "issuer": "Ban Chấp hành Trung ương Đảng"}})


def test_round_trip_keeps_everything(tmp_path):
    draft = _draft()
    path = save_draft(draft, tmp_path / "d.json")
    assert load_draft(path) == draft


def test_citations_are_references_not_text(tmp_path):
    path = save_draft(_draft(), tmp_path / "d.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    segment = data["body"][1]["segments"][1]
    assert segment["cite"] == {"entry_id": 12, "number_code": "21-KL/TW", "date": "2021-10-25", "jurisdiction": "TW"}
    assert segment["short_name"] == "Kết luận 21"
    assert data["footnotes"][0]["segments"][1]["with_subject"] is False
    assert isinstance(load_draft(path).body[1].segments[1], Cite)
    assert isinstance(load_draft(path).body[1].segments[3], NoteRef)


def test_file_is_pretty_utf8_with_schema_version(tmp_path):
    path = save_draft(_draft(), tmp_path / "d.json")
    text = path.read_text(encoding="utf-8")
    assert '"schema_version": %d' % SCHEMA_VERSION in text
    assert "Thành phố Hồ Chí Minh" in text  # not \\u-escaped
    assert text.count("\n") > 30  # one value per line: diff-able


def test_save_keeps_previous_version_as_bak_and_leaves_no_temp(tmp_path):
    path = tmp_path / "d.json"
    save_draft(_draft("về lần một"), path)
    save_draft(_draft("về lần hai"), path)
    assert load_draft(path).header.subject == "về lần hai"
    assert load_draft(tmp_path / "d.json.bak").header.subject == "về lần một"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.json", "d.json.bak"]


def test_failed_replace_leaves_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "d.json"
    save_draft(_draft("về bản cũ"), path)

    def boom(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(DraftFileError) as err:
        save_draft(_draft("về bản mới"), path)
    assert "Không lưu được" in err.value.message
    monkeypatch.undo()
    assert load_draft(path).header.subject == "về bản cũ"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("content, words", [
    ('{"schema_version": 99, "template_id": "x"}', "mới hơn"),
    ("{not json", "bị hỏng"),
    ('{"template_id": "x"}', "schema_version"),
    ('{"schema_version": 1, "body": [{"kind": "table", "segments": []}], "template_id": "x"}', "không hợp lệ"),
    (b"\xff\xfe\x00bad", "bị hỏng"),
])
def test_unreadable_drafts_raise_vietnamese_errors(tmp_path, content, words):
    path = tmp_path / "d.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(DraftFileError) as err:
        load_draft(path)
    assert words in err.value.format_message()


def test_missing_draft_file(tmp_path):
    with pytest.raises(DraftFileError, match="Không tìm thấy"):
        load_draft(tmp_path / "nope.json")


def test_citation_refs_in_document_order():
    refs = _draft().citation_refs()
    assert [r.number_code for r in refs] == ["21-KL/TW", "03-KH/TW"]
    assert refs[0] == CitationRef("21-KL/TW", 12, dt.date(2021, 10, 25), "TW")
