"""The example drafts (one per seed) render and export; their citations stay references."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from drafter.drafting import load_draft, render
from drafter.drafting.model import Cite, Text
from drafter.export import export_docx

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))

#: Seed → (doc type, number line, signer, number of references in the draft, footnotes).
EXPECTED = {
    "000": ("KẾT LUẬN", "Số 567-KL/TU", "Nguyễn Văn Hiếu", 21, 3),
    "001": ("KẾT LUẬN", "Số 215-KL/TU", "Bùi Văn Lý", 3, 0),
    "002": ("KẾT LUẬN", "Số 28-KL/ĐUK", "Hồ Xuân Trường", 6, 0),
    "003": ("CHỈ THỊ", "Số 06-CT/TU", "Nguyễn Văn A", 6, 4),
    "004": ("KẾT LUẬN", "Số 105-KL/ĐUK", "Nguyễn Tài Tuệ", 5, 0),
}


def test_one_example_per_seed():
    assert sorted(p.name[:3] for p in EXAMPLES) == sorted(EXPECTED)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name[:3])
def test_example_renders_and_exports(path, tmp_path):
    draft = load_draft(path)
    doc_type, number_line, signer, refs, notes = EXPECTED[path.name[:3]]
    assert len({r.key for r in draft.citation_refs()}) == refs
    # no citation frozen as text: every "số NN-XX/YY" of the body sits in a Cite segment
    frozen = [s.text for b in draft.body for s in b.segments if isinstance(s, Text) and " số " in s.text and "-KL/" in s.text]
    assert not frozen
    rendered = render(draft, None)
    assert (rendered.doc_type, rendered.header.number_line, rendered.signature.name) == (doc_type, number_line, signer)
    assert len(rendered.footnotes) == notes
    assert rendered.recipients[-1].startswith("- Lưu") and rendered.recipients[-1].endswith(".")
    out = export_docx(rendered, tmp_path / (path.stem + ".docx"))
    docx = Document(str(out))
    assert docx.tables[0].rows[0].cells[1].paragraphs[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    cites = sum(isinstance(s, Cite) for b in draft.body + draft.footnotes for s in b.segments)
    assert cites >= refs
