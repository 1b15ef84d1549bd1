"""The registry facade: one object the CLI, the GUI and the checker call.

``open_registry(location)`` opens the store (SQLite file by default; a ``postgresql://`` URL is
routed to the server backend when it exists), fills a brand-new registry from the starter
registry, and serves search, lookup and edits. The search index is loaded lazily (from the
cached blob when it is current) and kept in step with this client's own writes; call
:meth:`Registry.refresh_if_changed` to pick up other clients' changes.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import json
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy as np

from ..errors import RegistryError
from ..resources import resource_path, user_data_dir
from ..text import fold, fold_words
from .entry import Entry
from .index import SearchIndex
from .keys import identity_key, number_key, search_keys
from .merge import merge, pick_target
from .search import SearchResult, rank
from .store import EntryNotFoundError, Store

__all__ = ["Registry", "open_registry", "default_location", "open_store", "INDEX_BLOB"]

INDEX_BLOB = "search-index-v1"
#: Rebuild the index (instead of growing the delta) past this many incremental changes.
MAX_DELTA = 5000
#: Entries kept in memory for the ranker between changes.
ENTRY_CACHE = 4096
#: Server backends by URL scheme: module path and its ``open_store(url)`` function.
_URL_BACKENDS = {"postgresql": "drafter.registry.postgres_store", "postgres": "drafter.registry.postgres_store"}


def default_location() -> str:
    """``DRAFTER_REGISTRY`` if set, else ``<user data dir>/registry.sqlite3``."""
    return os.environ.get("DRAFTER_REGISTRY") or str(user_data_dir() / "registry.sqlite3")


def open_store(location: str) -> Store:
    """The backend for ``location``: a URL scheme picks a server backend, anything else is a file."""
    scheme = location.split("://", 1)[0].lower() if "://" in location else ""
    if scheme:
        module_name = _URL_BACKENDS.get(scheme)
        if module_name is None:
            raise RegistryError(f"Không hỗ trợ địa chỉ sổ văn bản: {location}",
                                "Dùng đường dẫn tệp .sqlite3 hoặc postgresql://...")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            raise RegistryError("Phiên bản Drafter này chưa hỗ trợ sổ văn bản trên máy chủ PostgreSQL.",
                                "Dùng tệp sổ văn bản trên máy (bỏ --registry).") from exc
        return module.open_store(location)
    from .sqlite_store import open_sqlite

    return open_sqlite(Path(location).expanduser())


def _locked(method):
    """Run a Registry method under the registry's lock (index and cache are shared state)."""
    import functools

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)

    return wrapper


def _entries_from_jsonl(path: Path) -> Iterator[Entry]:
    from .importer import entry_from_record

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield entry_from_record(json.loads(line), str(path.name))


class Registry:
    """The known documents: search, lookup, edit, import, export."""

    def __init__(self, store: Store):
        self.store = store
        self._index: SearchIndex | None = None
        self._stamp = -1
        self._cache: OrderedDict[int, Entry] = OrderedDict()  # entries recently shown by search
        self._lock = threading.RLock()  # searches may come from a worker thread

    # -- index ---------------------------------------------------------------------------
    @property
    def index(self) -> SearchIndex:
        if self._index is None or self._index.delta_size > MAX_DELTA:
            self._load_index()
        return self._index

    def _load_index(self, force_build: bool = False) -> None:
        stamp = self.store.change_count()
        cached = None if force_build else self.store.load_blob(INDEX_BLOB)
        self._index = None
        if cached and cached[0] == stamp:
            try:
                self._index = SearchIndex.from_bytes(cached[1])
            except Exception:  # a cache from another Drafter version, or damaged: rebuild it
                self._index = None
        if self._index is None:
            self._index = SearchIndex.build(self.store.index_rows())
            try:
                self.store.save_blob(INDEX_BLOB, stamp, self._index.to_bytes())
            except RegistryError:
                pass  # a read-only or busy registry still searches; the cache is only a cache
        self._stamp = stamp

    def _fetch(self, ids: Iterable[int]) -> dict[int, Entry]:
        """Entries by id for the ranker, from a small LRU cache kept until the next change."""
        ids = list(ids)
        found = {i: self._cache[i] for i in ids if i in self._cache}
        for i in found:
            self._cache.move_to_end(i)
        missing = [i for i in ids if i not in found]
        if missing:
            fetched = self.store.get_many(missing)
            found.update(fetched)
            self._cache.update(fetched)
            while len(self._cache) > ENTRY_CACHE:
                self._cache.popitem(last=False)
        return found

    @_locked
    def refresh_if_changed(self) -> bool:
        """Reload the index if another client changed the registry; True when it did."""
        if self.store.change_count() == self._stamp:
            return False
        self._index = None
        self._cache.clear()
        self._load_index()
        return True

    def _after_write(self, before: int, changed: Iterable[tuple[int, str | None]]) -> None:
        """Apply this client's own write to the index (or drop the index if others wrote too)."""
        now = self.store.change_count()
        self._cache.clear()
        if self._index is None or self._stamp != before or now != before + 1:
            self._index = None
            self._stamp = -1
            return
        for entry_id, keys in changed:
            if keys is None:
                self._index.remove(entry_id)
            else:
                self._index.add(entry_id, keys)
        self._stamp = now

    # -- search and lookup ---------------------------------------------------------------
    def search(self, query: str, limit: int = 10, boost: Iterable[int] = ()) -> list[SearchResult]:
        """Ranked matches for what the user typed (see :mod:`drafter.registry.query`).

        Thread-safe; a worker thread may search while the UI thread reads entries."""
        with self._lock:
            return rank(self.index, self._fetch, query, limit, boost)

    def get(self, entry_id: int) -> Entry | None:
        return self.store.get(entry_id)

    def entries(self) -> Iterator[Entry]:
        return self.store.entries()

    def count(self) -> int:
        return self.store.count()

    def _rows_with_all(self, keys: list[str]) -> np.ndarray:
        rows = None
        for key in keys:
            found = self.index.postings_of(key)
            rows = found if rows is None else np.intersect1d(rows, found, assume_unique=True)
            if not len(rows):
                break
        rows = rows if rows is not None else np.empty(0, dtype=np.int32)
        return rows[self.index.alive[rows]] if len(rows) else rows

    @_locked
    def lookup(self, type: str | None = None, number: str | None = None, code: str | None = None,
               date: _dt.date | None = None, jurisdiction: str | None = None) -> Entry | None:
        """The entry for a number-code (and type/date/jurisdiction when given), or None.

        None also when the answer is ambiguous (the same local code in several jurisdictions and
        none given). With a date, the entry with that date wins, then the one of the same year,
        then the nearest date (so a citation with a wrong day still finds its document).
        """
        num = number_key(number)
        if not num:
            return None
        probe = Entry(None, type or "", number, code, date, jurisdiction=jurisdiction)
        from .keys import body_codes_of, type_codes_of

        keys = [f"#{num}"]
        types = type_codes_of(probe) if (code or type) else ()
        keys += [f"@{types[0]}"] if types else []
        keys += [f"^{b}" for b in body_codes_of(probe)]
        rows = self._rows_with_all(keys)
        found = list(self.store.get_many(self.index.id_of(int(r)) for r in rows).values())
        found = [e for e in found if number_key(e.number) == num]
        if jurisdiction:
            wanted = " ".join(fold_words(jurisdiction))
            found = [e for e in found if not e.jurisdiction or " ".join(fold_words(e.jurisdiction)) == wanted
                     or identity_key(e).endswith("|tw")]
        elif len({identity_key(e) for e in found}) > 1:
            return None
        if not found:
            return None
        if date:
            found.sort(key=lambda e: (e.date != date, e.date is None or e.date.year != date.year,
                                      abs((e.date - date).days) if e.date else 10**6))
        else:
            found.sort(key=lambda e: (e.date or _dt.date.min), reverse=True)
        return found[0]

    @_locked
    def lookup_citation(self, citation) -> Entry | None:
        """:meth:`lookup` for a :class:`drafter.citations.Citation` (or by name when unnumbered)."""
        if citation.number:
            return self.lookup(citation.type, citation.number, citation.code, citation.date)
        name = citation.name or citation.text
        wanted = " ".join(fold_words(name or ""))
        if not wanted:
            return None
        rows = self._rows_with_all(wanted.split())
        for entry in self.store.get_many(self.index.id_of(int(r)) for r in rows[:200]).values():
            if any(" ".join(fold_words(a)) == wanted for a in entry.aliases):
                return entry
        return None

    # -- edits ---------------------------------------------------------------------------
    @_locked
    def add(self, entry: Entry) -> Entry:
        """Store a new entry as given (no merging); returns it with its id."""
        before = self.store.change_count()
        stored = self.store.insert(entry, identity_key(entry), search_keys(entry))
        self._after_write(before, [(stored.id, search_keys(stored))])
        return stored

    @_locked
    def update(self, entry: Entry) -> Entry:
        """Save an edited entry; raises StaleEntryError if someone changed it since it was read."""
        before = self.store.change_count()
        stored = self.store.update(entry, identity_key(entry), search_keys(entry))
        self._after_write(before, [(stored.id, search_keys(stored))])
        return stored

    @_locked
    def delete(self, entry_id: int) -> None:
        before = self.store.change_count()
        self.store.delete(entry_id)
        self._after_write(before, [(entry_id, None)])

    def add_or_merge(self, entry: Entry) -> tuple[Entry, bool]:
        """Insert ``entry`` or merge it into the stored entry for the same document.

        Must run inside ``store.write()`` for atomic batches; returns (entry, created).
        """
        key = identity_key(entry)
        target = pick_target(self.store.find_by_key(key), entry)
        if target is None:
            return self.store.insert(entry, key, search_keys(entry)), True
        merged = merge(target, entry)
        if merged == target:
            return target, False
        return self.store.update(merged, key, search_keys(merged)), False

    def import_paths(self, paths: Iterable[str | Path], progress: Callable | None = None, cancel=None):
        """Import JSONL, CSV, .txt and .docx files and folders; see :mod:`drafter.registry.importer`."""
        from .importer import import_paths

        report = import_paths(self, paths, progress=progress, cancel=cancel)
        with self._lock:  # searches keep working during the import; the index reloads after it
            self._cache.clear()
            self._index = None  # rebuilt (and cached) on the next search
            self._stamp = -1
        return report

    def export_jsonl(self, path: str | Path) -> int:
        """Write every entry as one JSON object a line (atomically); returns the count."""
        path = Path(path)
        tmp = path.with_name(path.name + ".tmp")
        count = 0
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                for entry in self.store.entries():
                    fh.write(json.dumps(entry.to_json(), ensure_ascii=False) + "\n")
                    count += 1
            os.replace(tmp, path)
        except OSError as exc:
            raise RegistryError(f"Không ghi được tệp {path}: {exc.strerror or exc}",
                                "Kiểm tra đường dẫn và quyền ghi thư mục.") from exc
        return count

    def fill_from_starter(self) -> int:
        """Load the bundled starter registry (resources/registry/starter.jsonl)."""
        entries = list(_entries_from_jsonl(resource_path("registry", "starter.jsonl")))
        with self.store.write():
            for entry in entries:
                self.add_or_merge(entry)
        self._index = None
        return len(entries)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Registry":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_registry(location: str | Path | None = None, *, starter: bool = True) -> Registry:
    """Open the registry at ``location`` (default: :func:`default_location`).

    A registry that has never been written to is filled from the starter registry unless
    ``starter`` is False.
    """
    registry = Registry(open_store(str(location) if location else default_location()))
    try:
        if starter and registry.store.change_count() == 0 and registry.count() == 0:
            registry.fill_from_starter()
    except BaseException:
        registry.close()
        raise
    return registry
