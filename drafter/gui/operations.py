"""The window's operations: thin wrappers over the core's verbs, run in workers (no Qt here).

Like Anki's ``aqt/operations``: each function collects what the window gathered, calls the core
and returns plain values. Nothing here re-implements a core rule; the functions only chain verbs
(``new_draft`` → ``render`` → ``citations.check``; ``render`` → ``export_docx`` → ``export_pdf`` →
``formatcheck.check_docx``) so that one call can run off the UI thread.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..errors import DrafterError
from ..resources import resource_path

__all__ = ["Refresh", "templates", "template", "new_draft", "compose", "refresh", "load_draft",
           "save_draft", "form_values", "export", "open_and_warm_registry", "registry_size", "profile_data",
           "rendered_text", "render_lookup"]


@dataclass(frozen=True)
class Refresh:
    """One live refresh: the composed draft, its rendering, the checked text and its findings."""

    draft: object
    rendered: object
    text: str
    findings: tuple


def _user_dir(settings) -> str | None:
    return settings.templates_dir or None if settings is not None else None


def templates(settings=None) -> list:
    from ..drafting import list_templates

    return list_templates(_user_dir(settings))


def template(template_id: str, settings=None):
    from ..drafting.catalogue import get_template

    return get_template(template_id, _user_dir(settings))


def new_draft(info, values: dict | None, settings=None):
    from ..drafting import new_draft as core_new_draft

    return core_new_draft(info.id, values, _user_dir(settings))


def compose(info, values: dict | None, previous, body, settings=None):
    """The draft for the form ``values`` (None: invalid, keep ``previous``'s header) and ``body``
    (None: the template's starting body for those values)."""
    base = previous
    if values is not None or previous is None:
        fresh = new_draft(info, values or {}, settings)
        base = fresh if previous is None else replace(
            fresh, footnotes=previous.footnotes, snapshots={**fresh.snapshots, **previous.snapshots},
            body=previous.body)
        if body is None:
            base = replace(base, body=fresh.body, footnotes=fresh.footnotes)
    return base if body is None else replace(base, body=tuple(body))


def form_values(info, draft) -> dict:
    """The form's values for an existing draft: its stored field values, and for the fields the
    draft did not store, the header's value of the same name (date as yyyy-mm-dd, lists as lists)."""
    values = {}
    for spec in info.fields:
        if spec.name in draft.fields:
            values[spec.name] = draft.fields[spec.name]
        elif hasattr(draft.header, spec.name):
            value = getattr(draft.header, spec.name)
            if isinstance(value, tuple):
                value = list(value)
            elif hasattr(value, "isoformat"):
                value = value.isoformat()
            values[spec.name] = "" if value is None else value
    return values


def load_draft(path: Path):
    from ..drafting import load_draft as core_load

    return core_load(Path(path))


def save_draft(draft, path: Path) -> None:
    from ..drafting import save_draft as core_save

    core_save(draft, Path(path))


def render_lookup(registry):
    """The renderer's ``lookup(ref) -> Entry | None`` over the registry (None: no registry yet)."""
    from ..drafting import lookup_from_registry

    return None if registry is None else lookup_from_registry(registry)


def rendered_text(rendered) -> str:
    """The text of a rendering in reading order, one paragraph per line (header, title, body,
    Nơi nhận, signature): what the citation and text-layout checkers read."""
    h = rendered.header
    lines = [*h.parent_body_lines, *h.issuer_lines, h.star, h.number_line, h.title, h.place_date, "",
             rendered.doc_type, *rendered.doc_type_of, *rendered.subject_lines, rendered.subject_rule, ""]
    lines += [block.text for block in rendered.blocks]
    sig = rendered.signature
    lines += ["", rendered.recipients_label, *rendered.recipients, "",
              *(line for line in (sig.authority_line, sig.title_line) if line), "", sig.name]
    return "\n".join(lines)


def check_text(text: str, registry, blank: tuple[str, ...] = ()) -> list:
    """Findings of the citation checker and of the text-layout checker on ``text``; layout
    findings about the elements in ``blank`` (left blank on purpose for the văn thư: "number",
    "place_date") are left out."""
    from ..citations import check
    from ..formatcheck import check_text_layout
    from ..findings import sort_findings

    if registry is None:
        findings = list(check(text))
    else:
        findings = list(check(text, lookup=registry.lookup_citation, suggest=lambda query, limit=3: [
            r.entry for r in registry.search(query, limit=limit)]))
    layout = [f for f in check_text_layout(text) if f.element not in blank]
    return sort_findings(findings + layout)


def refresh(info, values, previous, body, settings, registry) -> Refresh:
    """Compose, render and check: the live preview and review panel, in one worker call."""
    from ..drafting import render

    draft = compose(info, values, previous, body, settings)
    rendered = render(draft, render_lookup(registry))
    text = rendered_text(rendered)
    blank = tuple(name for name, empty in (("number", not draft.header.number),
                                           ("place_date", draft.header.date is None)) if empty)
    return Refresh(draft, rendered, text, tuple(check_text(text, registry, blank)))


def export(draft, registry, path: Path) -> tuple[Path, list]:
    """Render and write ``path`` (.docx, or .pdf through a .docx and LibreOffice); returns the
    path and the thể thức findings of the written .docx."""
    from ..drafting import render
    from ..export import export_docx, export_pdf

    rendered = render(draft, render_lookup(registry))
    path = Path(path)
    if path.suffix.lower() == ".pdf":
        with tempfile.TemporaryDirectory(prefix="drafter-") as tmp:
            docx = Path(tmp) / (path.stem + ".docx")
            export_docx(rendered, docx)
            findings = layout_findings(docx)
            export_pdf(docx, path)
        return path, findings
    export_docx(rendered, path)
    return path, layout_findings(path)


def layout_findings(docx: Path) -> list:
    """The thể thức checker's findings on an exported file (none when that checker is absent)."""
    try:
        from ..formatcheck import check_docx
    except ImportError:
        return []
    return list(check_docx(docx))


def open_and_warm_registry(location: str | None):
    """Open the registry and load its search index, so the first keystroke search is fast."""
    from ..registry import open_registry

    registry = open_registry(location)
    try:
        registry.search("kết luận", limit=1)
    except DrafterError:
        pass  # an empty or half-imported registry still opens; searching will say what is wrong
    return registry


def registry_size(registry) -> int:
    if registry is None:
        return 0
    count = getattr(registry, "count", None)
    return int(count()) if callable(count) else len(registry)


@lru_cache(maxsize=1)
def profile_data() -> dict:
    """The default layout profile's data (for the preview's margins and sizes)."""
    try:
        return json.loads(resource_path("profiles", "party-2018.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
