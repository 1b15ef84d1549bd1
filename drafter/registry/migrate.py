"""Moving a local SQLite registry to the shared PostgreSQL server.

The source file is opened read-only (a migration never changes it) and checked first (SQLite
integrity check, schema version this Drafter understands). Rows are copied verbatim with their
ids (so supersedes/superseded-by links stay right) in one server transaction: the server ends
with all of them or none. Afterwards the counts are compared.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import RegistryError
from .postgres_store import COPY_COLUMNS, open_postgres, redact
from .sqlite_store import SqliteDialect

__all__ = ["MigrationReport", "migrate_sqlite_to_postgres"]


@dataclass(frozen=True)
class MigrationReport:
    source: str
    target: str
    copied: int
    source_count: int
    target_count: int


def _open_source(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise RegistryError(f"Không tìm thấy tệp sổ văn bản nguồn: {path}",
                            "Kiểm tra đường dẫn sau --from (tệp .sqlite3).")
    bad = RegistryError(f"Tệp sổ văn bản nguồn bị hỏng hoặc không phải sổ văn bản của Drafter: {path}",
                        "Khôi phục tệp từ bản sao lưu rồi chuyển lại.")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=15)
        ok = conn.execute("PRAGMA quick_check").fetchone()[0]
        version = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0
    except sqlite3.Error as exc:
        if "locked" in str(exc).lower():
            raise RegistryError(f"Sổ văn bản nguồn đang bị khóa bởi một chương trình khác: {path}",
                                "Đóng Drafter trên máy này rồi chuyển lại.") from exc
        raise bad from exc
    if ok != "ok":
        conn.close()
        raise bad
    latest = max(v for v, _ in SqliteDialect.migrations)
    if version > latest:
        conn.close()
        raise RegistryError(f"Sổ văn bản nguồn {path} do phiên bản Drafter mới hơn tạo (lược đồ {version}).",
                            "Cập nhật Drafter rồi chuyển lại.")
    return conn


def migrate_sqlite_to_postgres(source: str | Path, target_url: str, replace: bool = False,
                               progress: Callable[[int, int], None] | None = None) -> MigrationReport:
    """Copy every entry of the SQLite registry ``source`` to the server registry ``target_url``.

    The server registry must be empty unless ``replace`` (then its entries are replaced).
    ``progress(done, total)`` is called every few thousand rows.
    """
    source = Path(source).expanduser()
    conn = _open_source(source)
    try:
        total = int(conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0])
        rows = conn.execute(f"SELECT {', '.join(COPY_COLUMNS)} FROM entries ORDER BY id")

        def stream():
            done = 0
            while batch := rows.fetchmany(2000):
                yield from batch
                done += len(batch)
                if progress:
                    progress(done, total)

        target = open_postgres(target_url)
        try:
            copied = target.load_rows(stream(), replace=replace)
            target_count = target.count()
        finally:
            target.close()
    finally:
        conn.close()
    if copied != total or target_count != total:
        raise RegistryError(f"Chuyển sổ văn bản chưa trọn vẹn: nguồn {total}, đã chép {copied}, "
                            f"máy chủ có {target_count}.", "Chạy lại lệnh với --replace.")
    return MigrationReport(str(source), redact(target_url), copied, total, target_count)
