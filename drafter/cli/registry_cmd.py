"""``drafter registry search|list|show|import|export``: the registry of known documents.

Every subcommand takes ``--registry PATH`` (or honours ``DRAFTER_REGISTRY``); the default is the
user's registry, created from the starter registry on first use.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from ..errors import InputFileError, RegistryError
from ..registry import open_registry
from .registry_migrate import register as register_migrate

__all__ = ["register"]


def _add_location(parser, default=None) -> None:
    parser.add_argument("--registry", metavar="ĐƯỜNG_DẪN", default=default,
                        help="tệp sổ văn bản (mặc định: biến DRAFTER_REGISTRY hoặc sổ của người dùng)")


def register(subparsers) -> None:
    reg = subparsers.add_parser("registry", help="Sổ văn bản: tìm, xem, nhập, xuất các văn bản đã biết")
    _add_location(reg)
    sub = reg.add_subparsers(dest="registry_command", metavar="LỆNH")

    search = sub.add_parser("search", help="Tìm văn bản (số, ký hiệu, trích yếu, không dấu cũng được)")
    search.add_argument("query", nargs="?", metavar="TỪ_KHÓA", help="ví dụ: \"kl 21\", \"21-KL/TW\"")
    search.add_argument("--batch", metavar="TỆP", help="mỗi dòng một truy vấn; in một dòng JSON cho mỗi truy vấn")
    search.add_argument("--limit", type=int, default=10, help="số kết quả tối đa (mặc định 10)")
    search.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    search.set_defaults(func=run_search)

    lst = sub.add_parser("list", help="Liệt kê các văn bản trong sổ")
    lst.add_argument("--json", action="store_true", help="in dạng JSONL")
    lst.set_defaults(func=run_list)

    show = sub.add_parser("show", help="Xem một văn bản theo mã số (id)")
    show.add_argument("id", type=int, metavar="ID")
    show.set_defaults(func=run_show)

    imp = sub.add_parser("import", help="Nhập tệp .jsonl, .csv, .txt, .docx hoặc cả thư mục")
    imp.add_argument("paths", nargs="+", metavar="ĐƯỜNG_DẪN")
    imp.set_defaults(func=run_import)

    exp = sub.add_parser("export", help="Xuất toàn bộ sổ ra tệp JSONL")
    exp.add_argument("-o", "--output", metavar="TỆP", help="tệp đích (mặc định: in ra màn hình)")
    exp.set_defaults(func=run_export)

    for parser in (search, lst, show, imp, exp):  # given after the subcommand: overrides; else keep
        _add_location(parser, default=argparse.SUPPRESS)
    register_migrate(sub)
    reg.set_defaults(func=lambda args: (reg.print_help(), 2)[1])


def _open(args):
    return open_registry(getattr(args, "registry", None) or None)


def _line(result) -> str:
    e = result.entry
    code = e.number_code or e.number or (e.aliases[0] if e.aliases else "")
    date = f" ngày {e.date:%d/%m/%Y}" if e.date else ""
    issuer = f" của {e.issuer}" if e.issuer else ""
    subject = f"\n      về {e.subject[:110]}{'…' if len(e.subject) > 110 else ''}" if e.subject else ""
    return (f"[{e.id}] {e.type} {code}{date}{issuer}  ({result.score:.1f}: "
            f"{', '.join(result.reason_labels)}){subject}")


def _timed_search(registry, query: str, limit: int) -> tuple[list, float]:
    started = time.perf_counter()
    results = registry.search(query, limit=limit)
    return results, (time.perf_counter() - started) * 1000.0


def run_search(args) -> int:
    if bool(args.query) == bool(args.batch):
        raise RegistryError("Hãy cho một từ khóa tìm kiếm hoặc --batch TỆP (không cả hai).",
                            "Ví dụ: drafter registry search \"kl 21\"")
    with _open(args) as registry:
        if args.batch:
            return _run_batch(registry, Path(args.batch), args.limit)
        results, elapsed = _timed_search(registry, args.query, args.limit)
        if args.json:
            print(json.dumps({"query": args.query, "results": [r.to_json() for r in results],
                              "elapsed_ms": round(elapsed, 3)}, ensure_ascii=False))
        elif not results:
            print("Không tìm thấy văn bản nào phù hợp.")
        else:
            for result in results:
                print(_line(result))
    return 0


def _run_batch(registry, path: Path, limit: int) -> int:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputFileError(f"Không đọc được tệp truy vấn {path}: {exc}",
                             "Tệp phải là văn bản UTF-8, mỗi dòng một truy vấn.") from exc
    registry.index  # load the index before timing the first query
    for query in lines:
        results, elapsed = _timed_search(registry, query, limit)
        print(json.dumps({"query": query, "results": [r.to_json() for r in results],
                          "elapsed_ms": round(elapsed, 3)}, ensure_ascii=False), flush=False)
    sys.stdout.flush()
    return 0


def run_list(args) -> int:
    with _open(args) as registry:
        for e in registry.entries():
            if args.json:
                print(json.dumps(e.to_json(), ensure_ascii=False))
            else:
                code = e.number_code or e.number or (e.aliases[0] if e.aliases else "")
                date = f"{e.date:%d/%m/%Y}" if e.date else "—"
                flag = f"  (!{len(e.conflicts)} chỗ không khớp)" if e.conflicts else ""
                print(f"[{e.id}] {e.type} {code}  {date}  {e.issuer or ''}{flag}")
    return 0


def run_show(args) -> int:
    with _open(args) as registry:
        entry = registry.get(args.id)
        if entry is None:
            raise RegistryError(f"Không có văn bản #{args.id} trong sổ.", "Dùng 'drafter registry list' để xem các mã số.")
        print(json.dumps(entry.to_json(), ensure_ascii=False, indent=2))
    return 0


class _ProgressBar:
    """A one-line progress bar on stderr: ``[#####     ] 120/300 tệp  path``."""

    def __init__(self, stream=None, width: int = 30):
        self.stream, self.width = stream or sys.stderr, width

    def __call__(self, done: int, total: int, current: str) -> None:
        filled = int(self.width * done / total) if total else self.width
        name = current[-40:]
        self.stream.write(f"\r[{'#' * filled}{' ' * (self.width - filled)}] {done}/{total} tệp  {name:<40}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def run_import(args) -> int:
    with _open(args) as registry:
        report = registry.import_paths(args.paths, progress=_ProgressBar())
    print(report.summary())
    for where, reason in report.skipped:
        print(f"  Bỏ qua {where}: {reason}")
    return 0 if not report.skipped else 1


def run_export(args) -> int:
    with _open(args) as registry:
        if args.output:
            count = registry.export_jsonl(args.output)
            print(f"Đã xuất {count} văn bản ra {args.output}.", file=sys.stderr)
        else:
            for entry in registry.entries():
                print(json.dumps(entry.to_json(), ensure_ascii=False))
    return 0
