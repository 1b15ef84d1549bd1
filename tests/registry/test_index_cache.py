"""A cached search index from another Drafter version (or damaged) is rebuilt, never fatal.

Real case: a registry whose cached index had been written by an earlier build made
`drafter check` exit with "KeyError: 'lengths is not a file in the archive'".
"""

import io

import numpy as np

from drafter.registry import open_registry
from drafter.registry.registry import INDEX_BLOB


def _old_format_blob() -> bytes:
    buf = io.BytesIO()
    np.savez(buf, vocab=np.frombuffer(b"kl", dtype=np.uint8), offsets=np.zeros(2, dtype=np.int64))
    return buf.getvalue()


def test_stale_or_damaged_index_cache_is_rebuilt(tmp_path):
    path = tmp_path / "reg.sqlite3"
    registry = open_registry(path)
    expected = [r.entry.number_code for r in registry.search("21-KL/TW", limit=1)]
    assert expected == ["21-KL/TW"]
    for blob in (_old_format_blob(), b"garbage, not an npz archive"):
        registry.store.save_blob(INDEX_BLOB, registry.store.change_count(), blob)
        registry.close()
        registry = open_registry(path)
        assert [r.entry.number_code for r in registry.search("21-KL/TW", limit=1)] == expected
    registry.close()
