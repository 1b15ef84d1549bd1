"""Drafting: the draft model, draft files, the template catalogue and rendering.

Public verbs: :func:`list_templates`, :func:`new_draft`, :func:`load_draft`, :func:`save_draft`,
:func:`render` (draft + registry lookup → :class:`RenderedDocument`), and
:func:`lookup_from_registry` (a registry → the ``lookup(CitationRef)`` that :func:`render` takes).
"""

from .catalogue import FieldSpec, TemplateInfo, list_templates, new_draft
from .draftfile import SCHEMA_VERSION, load_draft, save_draft
from .lookup import lookup_from_registry
from .model import Block, Cite, CitationRef, Draft, Footnote, Header, NoteRef, Text
from .render import render
from .rendered import RenderedDocument

__all__ = ["list_templates", "new_draft", "load_draft", "save_draft", "render", "lookup_from_registry", "Draft", "Header",
           "Block", "Text", "Cite", "NoteRef", "Footnote", "CitationRef", "TemplateInfo", "FieldSpec",
           "RenderedDocument", "SCHEMA_VERSION"]
