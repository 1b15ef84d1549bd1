"""A document the registry knows: a plain frozen value."""

from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass, field, replace

__all__ = ["Entry", "Conflict"]


@dataclass(frozen=True)
class Conflict:
    """A value seen for a field that disagrees with the entry (kept, never silently dropped)."""

    field: str  # "date", "issuer", "subject", "type"
    value: str
    source: str  # where it was seen


@dataclass(frozen=True)
class Entry:
    id: int | None  # store id; None before it is stored
    type: str  # canonical type name, "Kết luận"
    number: str | None  # "21"; None for documents known only by an alias
    code: str | None  # "KL/TW"
    date: _dt.date | None = None
    issuer: str | None = None  # "Ban Chấp hành Trung ương Đảng khóa XIII"
    subject: str | None = None  # trích yếu, without the leading "về"
    aliases: tuple[str, ...] = field(default=())  # "Nghị quyết Trung ương 4 khóa XII"
    jurisdiction: str | None = None  # "TW", "Thành phố Hồ Chí Minh", ...
    term: str | None = None  # khóa, "XIII"
    source: str | None = None
    notes: str | None = None
    supersedes: tuple[int, ...] = field(default=())
    superseded_by: tuple[int, ...] = field(default=())
    conflicts: tuple[Conflict, ...] = field(default=())
    version: int = 1  # bumped on every update (optimistic concurrency)

    @property
    def number_code(self) -> str | None:
        if self.number and self.code:
            return f"{self.number}-{self.code}"
        return None

    def with_changes(self, **changes) -> "Entry":
        return replace(self, **changes)

    def to_json(self) -> dict:
        """The JSONL contract of issue 3 (plus id, notes, links, conflicts)."""
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        data["aliases"] = list(self.aliases)
        data["supersedes"] = list(self.supersedes)
        data["superseded_by"] = list(self.superseded_by)
        data["conflicts"] = [asdict(c) for c in self.conflicts]
        return data
