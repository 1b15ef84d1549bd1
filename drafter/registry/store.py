"""The registry's storage interface: what any backend (SQLite now, PostgreSQL next) provides.

The registry logic (import, merge, search) talks only to :class:`Store`; it never writes SQL.
A backend stores :class:`~drafter.registry.entry.Entry` values plus, per entry, two derived
strings computed by the caller: ``key`` (the identity key used to merge duplicates) and
``search_keys`` (the space-joined index tokens), so an index can be rebuilt from one SELECT
without re-folding every subject.
"""

from __future__ import annotations

import abc
from contextlib import AbstractContextManager
from typing import Iterable, Iterator

from ..errors import RegistryError
from .entry import Entry

__all__ = ["Store", "StoredRow", "StaleEntryError", "EntryNotFoundError"]


class StaleEntryError(RegistryError):
    """An update was based on an old version of the entry (someone else changed it meanwhile)."""

    def __init__(self, entry_id: int, expected: int, actual: int):
        super().__init__(
            f"Văn bản #{entry_id} vừa được người khác sửa (phiên bản {actual}, bạn đang sửa phiên bản {expected}).",
            "Hãy tải lại văn bản này, xem thay đổi của người kia rồi sửa lại; Drafter không ghi đè.",
        )
        self.entry_id, self.expected, self.actual = entry_id, expected, actual


class EntryNotFoundError(RegistryError):
    """No entry has the given id."""

    def __init__(self, entry_id: int):
        super().__init__(f"Không có văn bản #{entry_id} trong sổ văn bản.",
                         "Có thể văn bản đã bị xóa; hãy tải lại danh sách.")
        self.entry_id = entry_id


#: One row as the index builder reads it: (id, search_keys).
StoredRow = tuple[int, str]


class Store(abc.ABC):
    """Persistent storage of entries. Implementations must be safe across processes.

    Writes happen inside :meth:`write` (one transaction: all or nothing). Every committed write
    transaction that changed something increments the change counter (:meth:`change_count`).
    """

    location: str

    @abc.abstractmethod
    def write(self) -> AbstractContextManager["Store"]:
        """A write transaction; nested calls join the outer one."""

    @abc.abstractmethod
    def insert(self, entry: Entry, key: str, search_keys: str) -> Entry:
        """Store a new entry (its id is ignored); return it with its id and version 1."""

    @abc.abstractmethod
    def update(self, entry: Entry, key: str, search_keys: str) -> Entry:
        """Replace the stored entry ``entry.id`` if its version is still ``entry.version``.

        Returns the entry with the bumped version; raises :class:`StaleEntryError` when the
        stored version differs and :class:`EntryNotFoundError` when it is gone.
        """

    @abc.abstractmethod
    def delete(self, entry_id: int) -> None:
        """Remove an entry (raises :class:`EntryNotFoundError` when absent)."""

    @abc.abstractmethod
    def get(self, entry_id: int) -> Entry | None: ...

    @abc.abstractmethod
    def get_many(self, ids: Iterable[int]) -> dict[int, Entry]: ...

    @abc.abstractmethod
    def find_by_key(self, key: str) -> list[Entry]:
        """Entries whose identity key is ``key`` (several when numbers restart each term)."""

    @abc.abstractmethod
    def entries(self) -> Iterator[Entry]:
        """Every entry, by id."""

    @abc.abstractmethod
    def count(self) -> int: ...

    @abc.abstractmethod
    def index_rows(self) -> Iterator[StoredRow]:
        """``(id, search_keys)`` of every entry, by id: what the search index is built from."""

    @abc.abstractmethod
    def change_count(self) -> int:
        """A number that changes whenever any client commits a change."""

    @abc.abstractmethod
    def load_blob(self, name: str) -> tuple[int, bytes] | None:
        """A cached derived blob (the search index) and the change count it was made at."""

    @abc.abstractmethod
    def save_blob(self, name: str, stamp: int, data: bytes) -> None:
        """Cache a derived blob made at change count ``stamp`` (does not bump the counter)."""

    @abc.abstractmethod
    def close(self) -> None: ...
