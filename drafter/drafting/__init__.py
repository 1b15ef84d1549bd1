"""Drafting: the draft model, draft files, the template catalogue and rendering.

Public verbs: :func:`list_templates`, :func:`new_draft`, :func:`load_draft`, :func:`save_draft`,
:func:`render` (draft + registry lookup → :class:`RenderedDocument`).
"""

from .catalogue import FieldSpec, TemplateInfo, list_templates, new_draft
from .draftfile import SCHEMA_VERSION, load_draft, save_draft
from .model import Block, Cite, CitationRef, Draft, Footnote, Header, NoteRef, Text
from .render import render
from .rendered import RenderedDocument

__all__ = ["list_templates", "new_draft", "load_draft", "save_draft", "render", "Draft", "Header",
           "Block", "Text", "Cite", "NoteRef", "Footnote", "CitationRef", "TemplateInfo", "FieldSpec",
           "RenderedDocument", "SCHEMA_VERSION"]
