"""Failures of the program that stop an operation (design.md rule 7 and 8).

Problems in the *user's text* are findings (data), never exceptions. Exceptions are for what
stops an operation: an unreadable file, a template error, an export failure. Every error carries
a Vietnamese, actionable message; front ends report them in one place (``drafter.cli`` and
``drafter.gui``) and no traceback reaches a user.
"""

from __future__ import annotations


class DrafterError(Exception):
    """Base class. ``message`` says what went wrong, ``hint`` what to do, both in Vietnamese."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def format_message(self) -> str:
        """The text a front end shows the user."""
        if self.hint:
            return f"{self.message}\n→ {self.hint}"
        return self.message


class InputFileError(DrafterError):
    """A file the user gave cannot be read (missing, not UTF-8, corrupt, hostile, too large)."""

    exit_code = 2


class TemplateError(DrafterError):
    """A template cannot be loaded or rendered; the message names the file and line."""

    exit_code = 2


class DraftFileError(DrafterError):
    """A draft file cannot be read or written."""

    exit_code = 2


class RegistryError(DrafterError):
    """The registry store cannot be opened, read or written."""

    exit_code = 2


class ExportError(DrafterError):
    """An export (.docx or PDF) could not be written."""

    exit_code = 2
