"""Citations of other documents in a text: extract, resolve, check.

Public verbs::

    extract(text) -> list[Citation]
    resolve(citations, text=None) -> list[Resolution]
"""

from __future__ import annotations

from .extract import extract
from .model import Citation
from .resolve import Resolution, resolve

__all__ = ["Citation", "Resolution", "extract", "resolve"]
