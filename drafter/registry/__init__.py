"""The registry of known documents (sổ văn bản) and its as-you-type search.

Public verbs::

    open_registry(location=None) -> Registry
    Registry.search(query, limit=10, boost=()) -> list[SearchResult]
    Registry.get(id) / lookup(type, number, code, date, jurisdiction) / lookup_citation(citation)
    Registry.add(entry) / update(entry) / delete(id) / entries()
    Registry.import_paths(paths, progress=None, cancel=None) -> ImportReport
    Registry.export_jsonl(path) / refresh_if_changed() / close()

Nothing is opened or loaded at import time.
"""

from __future__ import annotations

from .entry import Conflict, Entry
from .importer import ImportReport
from .registry import Registry, default_location, open_registry
from .search import SearchResult
from .store import EntryNotFoundError, StaleEntryError, Store

__all__ = ["open_registry", "Registry", "Entry", "Conflict", "SearchResult", "ImportReport",
           "Store", "StaleEntryError", "EntryNotFoundError", "default_location"]
