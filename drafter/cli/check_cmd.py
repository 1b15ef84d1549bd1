"""``drafter check PATH [--registry DB] [--json] [--annotate OUT.docx] [--html REPORT.html]``.

Runs the format (thể thức) checker — every rule on a .docx, the text-level rules on a .txt — and
the citation checker, then prints a report grouped by severity (or JSON). Exit code 0 when there
is no error, 1 when there is, 2 when the file cannot be read.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from ..findings import has_errors, sort_findings
from ..reading import read_document

__all__ = ["register", "run_check", "citation_findings"]


def register(subparsers) -> None:
    p = subparsers.add_parser("check", help="Kiểm tra thể thức và trích dẫn của một tệp .docx hoặc .txt")
    p.add_argument("path", metavar="TỆP", help="tệp .docx hoặc .txt (UTF-8)")
    p.add_argument("--registry", metavar="CSDL", help="sổ văn bản dùng để đối chiếu trích dẫn (mặc định: sổ của người dùng)")
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    p.add_argument("--annotate", metavar="RA.docx", help="ghi bản sao .docx có nhận xét (comment) tại từng lỗi")
    p.add_argument("--html", metavar="BAOCAO.html", help="ghi báo cáo dạng HTML")
    p.add_argument("--profile", metavar="HỒ_SƠ", help="hồ sơ trình bày (mặc định party-2018)")
    p.set_defaults(func=run_check)


def _open_lookup(location):
    """(lookup, suggest, registry) from the registry, or Nones with a note when it is not available."""
    try:
        from ..registry import open_registry
    except ImportError:
        print("Lưu ý: chưa có sổ văn bản (drafter.registry); trích dẫn được kiểm tra không đối chiếu sổ.", file=sys.stderr)
        return None, None, None
    registry = open_registry(location) if location else open_registry()
    def suggest(query, limit=5):
        return [result.entry for result in registry.search(query, limit)]

    return registry.lookup_citation, suggest, registry


def citation_findings(text: str, registry_location=None, paragraph_starts=None) -> list | None:
    """Findings of ``drafter.citations.check`` or None (with a note on stderr) when it does not exist yet."""
    import importlib

    try:
        module = importlib.import_module("drafter.citations")
        check = getattr(module, "check", None)
        if check is not None and not callable(check):  # a submodule named check
            check = getattr(check, "check", None)
        if check is None:
            check = getattr(importlib.import_module("drafter.citations.check"), "check")
    except (ImportError, AttributeError):
        print("Lưu ý: bộ kiểm tra trích dẫn (drafter.citations.check) chưa có trong bản này; "
              "chỉ kiểm tra thể thức.", file=sys.stderr)
        return None
    lookup, suggest, registry = _open_lookup(registry_location)
    try:
        extra = {"paragraph_starts": paragraph_starts} if paragraph_starts is not None and _accepts(check, "paragraph_starts") else {}
        return list(check(text, lookup=lookup, suggest=suggest, **extra))
    finally:
        close = getattr(registry, "close", None)
        if close:
            close()


def _accepts(func, name: str) -> bool:
    import inspect

    try:
        return name in inspect.signature(func).parameters
    except (TypeError, ValueError):
        return False


def _with_paragraphs(findings, doc) -> list:
    out = []
    for f in findings:
        if f.paragraph is None and f.start is not None:
            f = dataclasses.replace(f, paragraph=doc.paragraph_of(f.start))
        out.append(f)
    return out


def collect_findings(path: Path, registry=None, profile=None) -> tuple[list, object]:
    from ..formatcheck import check_docx, check_text_layout

    doc = read_document(path)
    if path.suffix.lower() == ".docx":
        findings = check_docx(path, profile)
    else:
        findings = check_text_layout(doc.text, profile)
    cited = citation_findings(doc.text, registry, doc.paragraph_starts)
    findings += cited or []
    return sort_findings(_with_paragraphs(findings, doc)), doc


def run_check(args) -> int:
    from ..formatcheck.report import json_records, text_report

    path = Path(args.path)
    findings, doc = collect_findings(path, args.registry, args.profile)
    if args.json:
        print(json.dumps(json_records(findings), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(text_report(findings, doc.text, str(path)))
    if args.html:
        from ..formatcheck.html_report import write_html_report

        write_html_report(args.html, findings, doc.text, str(path))
        print(f"Đã ghi báo cáo HTML: {args.html}", file=sys.stderr)
    if args.annotate:
        _annotate(path, args.annotate, findings)
    return 1 if has_errors(findings) else 0


def _annotate(path: Path, target: str, findings) -> None:
    if path.suffix.lower() != ".docx":
        print("Lưu ý: --annotate chỉ dùng cho tệp .docx; bỏ qua.", file=sys.stderr)
        return
    from ..formatcheck.annotate import annotate_docx

    count = annotate_docx(path, target, findings)
    print(f"Đã ghi {count} nhận xét vào {target}", file=sys.stderr)
