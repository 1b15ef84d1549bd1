"""``drafter cite extract PATH [--json]``: list the citations in a .txt or .docx file."""

from __future__ import annotations

import json

from ..citations import extract
from ..reading import read_document

__all__ = ["register"]

#: Columns of the readable table: (header, Citation attribute, width).
_COLUMNS = (
    ("Vị trí", "start", 7),
    ("Loại", "type", 12),
    ("Số", "number", 6),
    ("Ký hiệu", "code", 10),
    ("Ngày", "date", 10),
    ("Cơ quan ban hành", "issuer", 28),
    ("Dạng", "form", 5),
    ("Vai trò", "role", 7),
)


def register(subparsers) -> None:
    cite = subparsers.add_parser("cite", help="Trích dẫn văn bản: tìm các văn bản được viện dẫn")
    cite_sub = cite.add_subparsers(dest="cite_command", metavar="LỆNH")
    ex = cite_sub.add_parser("extract", help="Liệt kê các trích dẫn trong một tệp .txt hoặc .docx")
    ex.add_argument("path", metavar="TỆP", help="tệp .txt (UTF-8) hoặc .docx")
    ex.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    ex.set_defaults(func=run_extract)
    cite.set_defaults(func=lambda args: (cite.print_help(), 2)[1])


def _cell(value, width: int) -> str:
    text = "" if value is None else (value.isoformat() if hasattr(value, "isoformat") else str(value))
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_table(citations) -> None:
    print("  ".join(h.ljust(w) for h, _, w in _COLUMNS) + "  Trích dẫn")
    for c in citations:
        row = "  ".join(_cell(getattr(c, attr), w).ljust(w) for _, attr, w in _COLUMNS)
        print(f"{row}  {_cell(c.text, 70)}")
        if c.subject:
            print(" " * 10 + f"về: {_cell(c.subject, 100)}")
    print(f"\nTổng cộng: {len(citations)} trích dẫn.")


def run_extract(args) -> int:
    doc = read_document(args.path)
    citations = extract(doc.text)
    if args.json:
        print(json.dumps([c.to_json() for c in citations], ensure_ascii=False, indent=2))
    else:
        _print_table(citations)
    return 0
