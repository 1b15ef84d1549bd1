"""The thể thức (format) checker for Party documents (party-format.md), on any .docx or text.

Public verbs:

- :func:`check_docx` — every element and page rule on a .docx (from Drafter, Word or LibreOffice);
- :func:`check_text_layout` — the rules that can be read from plain text (a .txt copy).

Both return :class:`~drafter.findings.Finding` lists with stable ``FMT`` codes (docs/checks.md),
offsets into the text as :func:`drafter.reading.read_document` builds it.
"""

from __future__ import annotations

__all__ = ["check_docx", "check_text_layout", "load_check_profile"]


def load_check_profile(profile=None):
    """The layout profile (a Profile, an id such as ``"party-2018"``, a path, or None for the default)."""
    from ..export.profile import Profile, load_profile

    return profile if isinstance(profile, Profile) else load_profile(profile)


def check_text_layout(text: str, profile=None) -> list:
    """Format findings readable from plain text (offsets into ``text``)."""
    from ..findings import sort_findings
    from .elements import find_elements
    from .lines import split_lines
    from .text_rules import text_rules

    prof = load_check_profile(profile)
    paragraphs, offset = [], 0
    for para in text.split("\n"):
        paragraphs.append((para, offset, None, None, None))
        offset += len(para) + 1
    elements = find_elements(split_lines(paragraphs, markdown=True))
    return sort_findings(text_rules(elements, prof, strict=False))


def check_docx(path, profile=None) -> list:
    """Every format rule on the .docx at ``path``; InputFileError when it cannot be read."""
    from .docx_check import check_docx_file

    return check_docx_file(path, load_check_profile(profile))
