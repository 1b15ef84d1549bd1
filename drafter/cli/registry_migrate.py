"""``drafter registry migrate --from SQLITE --to postgresql://...``: move a local registry to the server."""

from __future__ import annotations

import sys

from ..errors import RegistryError

__all__ = ["register"]


def register(registry_subparsers) -> None:
    """Add ``migrate`` under ``drafter registry``."""
    p = registry_subparsers.add_parser(
        "migrate", help="Chuyển sổ văn bản trên máy (SQLite) lên máy chủ PostgreSQL dùng chung")
    p.add_argument("--from", dest="source", required=True, metavar="TỆP.sqlite3",
                   help="tệp sổ văn bản nguồn (SQLite)")
    p.add_argument("--to", dest="target", required=True, metavar="postgresql://...",
                   help="địa chỉ sổ văn bản trên máy chủ, ví dụ postgresql://vanphong@maychu/drafter")
    p.add_argument("--replace", action="store_true",
                   help="thay toàn bộ sổ trên máy chủ (mặc định: chỉ chuyển vào sổ còn trống)")
    p.set_defaults(func=run_migrate)


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\rĐã chép {done}/{total} văn bản", end="", file=sys.stderr, flush=True)


def run_migrate(args) -> int:
    from ..registry.migrate import migrate_sqlite_to_postgres

    if not args.target.lower().startswith(("postgresql://", "postgres://")):
        raise RegistryError(f"Địa chỉ đích không phải máy chủ PostgreSQL: {args.target}",
                            "Ví dụ: --to postgresql://vanphong@maychu/drafter")
    report = migrate_sqlite_to_postgres(args.source, args.target, replace=args.replace,
                                        progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Đã chuyển {report.copied} văn bản từ {report.source} lên {report.target} "
          f"(máy chủ hiện có {report.target_count} văn bản).")
    return 0
