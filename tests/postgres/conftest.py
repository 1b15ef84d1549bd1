"""Fixtures for the tests against a real PostgreSQL server (a throwaway cluster per session)."""

from __future__ import annotations

import pytest

from .cluster import start_cluster

_SKIP_REASON: list[str] = []


@pytest.fixture(scope="session")
def pg_cluster():
    cluster, reason = start_cluster()
    if cluster is None:
        _SKIP_REASON.append(reason)
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    try:
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def pg_url(pg_cluster) -> str:
    """The URL of a fresh, empty database on the throwaway cluster."""
    return pg_cluster.create_database()


def pytest_terminal_summary(terminalreporter):
    if _SKIP_REASON:
        terminalreporter.write_line(f"PostgreSQL tests skipped: {_SKIP_REASON[0]}", yellow=True)
