"""Citations of other documents in a text: extract, resolve, check.

Public verbs::

    extract(text) -> list[Citation]
    resolve(citations, text=None) -> list[Resolution]
    check(text, *, lookup=None, suggest=None, citations=None, paragraph_starts=None) -> list[Finding]
"""

from __future__ import annotations

from .check import RULES, check
from .extract import extract
from .model import Citation
from .resolve import Resolution, resolve

__all__ = ["Citation", "Resolution", "RULES", "check", "extract", "resolve"]
