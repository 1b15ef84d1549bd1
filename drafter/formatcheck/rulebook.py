"""The catalogue of format rules: stable codes, the element each concerns, its spec section.

Severity comes from the layout profile: a rule checks an element whose ``confidence`` is ``C``
(error) or ``M``/``U`` (warning). A rule may name its own confidence key in the profile (for
instance the date line's alignment is [U] while its size is [C]) or a fixed confidence (the
spec's §9 "block on" list). docs/checks.md documents every code.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import ERROR, INFO, WARNING, Finding
from .lines import Line

__all__ = ["Rule", "RULES", "severity_of", "make_finding"]


@dataclass(frozen=True)
class Rule:
    code: str
    element: str  # profile element (or "page") whose confidence decides the severity
    section: str  # party-format.md section
    confidence: str | None = None  # fixed confidence, overrides the profile
    confidence_key: str | None = None  # a key of the element that holds this rule's confidence


_R = Rule
RULES = {r.code: r for r in (
    _R("FMT000", "title", "§2", confidence="I"),
    _R("FMT001", "page", "§1", confidence="C"),
    _R("FMT002", "page", "§1", confidence_key="margins_confidence"),
    _R("FMT003", "page", "§1", confidence_key="margins_confidence"),
    _R("FMT004", "page_number", "§1"),
    _R("FMT005", "page_number", "§1"),
    _R("FMT006", "page_number", "§1"),
    _R("FMT007", "page_number", "§1"),
    _R("FMT008", "page", "§1", confidence="M"),
    _R("FMT009", "page", "§1", confidence="M"),
    _R("FMT010", "title", "§3.1 (1)"),
    _R("FMT011", "title", "§3.1 (1), §7, §9", confidence="C"),
    _R("FMT012", "title", "§3.1 (1)"),
    _R("FMT013", "title", "§3.1 (1)"),
    _R("FMT014", "parent_body", "§3.1 (2a)"),
    _R("FMT015", "issuer", "§3.1 (2b)"),
    _R("FMT016", "issuer", "§3.1 (2b)"),
    _R("FMT017", "star", "§3.1 (2c), §9", confidence="C"),
    _R("FMT018", "star", "§3.1 (2c), §7", confidence="M"),
    _R("FMT019", "star", "§3.1 (2c)"),
    _R("FMT020", "number", "§3.1 (3)"),
    _R("FMT021", "number", "§3.1 (3), §4.1, §9", confidence="C"),
    _R("FMT022", "number", "§4.1, §7, §9", confidence="C"),
    _R("FMT023", "number", "§4.1"),
    _R("FMT024", "number", "§3.1 (3)"),
    _R("FMT030", "place_date", "§3.1 (4)"),
    _R("FMT031", "place_date", "§3.1 (4), §5.1"),
    _R("FMT032", "place_date", "§5.1"),
    _R("FMT033", "place_date", "§3.1 (4)"),
    _R("FMT040", "doc_type", "§3.1 (5a-i)"),
    _R("FMT041", "doc_type", "§3.1 (5a-i)"),
    _R("FMT042", "doc_type", "§3.1 (5a-i)"),
    _R("FMT043", "doc_type_of", "§3.1 (5a-i)"),
    _R("FMT044", "subject", "§3.1 (5a-ii)", confidence="M"),
    _R("FMT045", "subject", "§3.1 (5a-ii), §7, §9"),
    _R("FMT046", "subject", "§3.1 (5a-ii)"),
    _R("FMT047", "letter_subject", "§3.1 (5b)"),
    _R("FMT048", "subject_rule", "§3.1 (5a-iii), §9"),
    _R("FMT049", "subject_rule", "§3.1 (5a-iii)", confidence="M"),
    _R("FMT050", "body", "§3.1 (6)"),
    _R("FMT051", "body", "§3.1 (6)"),
    _R("FMT052", "body", "§3.1 (6)", confidence="U"),
    _R("FMT053", "body", "§3.1 (6)", confidence="U"),
    _R("FMT054", "body", "§3.1 (6)", confidence="U"),
    _R("FMT055", "body", "§3.2 căn cứ, §7, §9", confidence="C"),
    _R("FMT056", "body", "§3.2 căn cứ", confidence="M"),
    _R("FMT057", "heading_roman", "§3.2"),
    _R("FMT058", "body", "§3.1 (6)", confidence="M"),
    _R("FMT060", "authority", "§3.1 (7a), §3.3, §7, §9", confidence="C"),
    _R("FMT061", "authority", "§3.3", confidence="U"),
    _R("FMT062", "authority", "§3.3", confidence="M"),
    _R("FMT063", "authority", "§3.1 (7a)", confidence="M"),
    _R("FMT064", "signer_title", "§3.1 (7b-i), §7"),
    _R("FMT065", "signer_name", "§3.1 (7b-ii)"),
    _R("FMT066", "signer_title", "§3.1 (7b-i)"),
    _R("FMT067", "signer_name", "§3.1 (7b-ii)"),
    _R("FMT070", "recipients_label", "§3.1 (9b-i), §9", confidence="C"),
    _R("FMT071", "recipients_label", "§3.1 (9b-i), §7"),
    _R("FMT072", "recipients_label", "§3.1 (9b-i)"),
    _R("FMT073", "recipients", "§3.1 (9b-ii)"),
    _R("FMT074", "recipients", "§3.1 (9b-ii)"),
    _R("FMT075", "recipients", "§3.1 (9b-ii)"),
    _R("FMT076", "recipients", "§3.1 (9b-ii)"),
    _R("FMT077", "recipients", "§3.1 (9b-ii), §7"),
    _R("FMT078", "recipients", "§3.1 (9b-ii)"),
    _R("FMT079", "kinh_gui", "§3.1 (9a)"),
    _R("FMT081", "recipients", "§3.1 (9b-ii), §8"),
    _R("FMT091", "title", "§3.1 (alignment column)"),
)}


def _element_settings(profile, element: str) -> dict:
    if element == "page":
        return profile.get("page", default={}) or {}
    if element == "page_number":
        return profile.get("page_number", default={}) or {}
    return profile.get("elements", element, default={}) or {}


def severity_of(code: str, profile, element: str | None = None, key: str | None = None) -> str:
    """Severity of rule ``code``; ``element``/``key`` override the rule's element / confidence key."""
    rule = RULES[code]
    conf = rule.confidence
    if conf is None:
        settings = _element_settings(profile, element or rule.element)
        conf = settings.get(key or rule.confidence_key or "confidence", settings.get("confidence", "M"))
    return {"C": ERROR, "M": WARNING, "U": WARNING, "I": INFO}.get(str(conf).upper(), WARNING)


def make_finding(code: str, profile, message: str, line: Line | None = None, *, suggestion: str | None = None,
                 span: tuple[int, int] | None = None, element: str | None = None,
                 key: str | None = None, paragraph: int | None = None) -> Finding:
    """A :class:`Finding` for rule ``code`` at ``line`` (or at ``span``, document offsets)."""
    start = end = None
    if span is not None:
        start, end = span
    elif line is not None:
        start, end = line.start, line.end
    para = line.para if line is not None else paragraph
    elem = element or RULES[code].element
    return Finding(code, severity_of(code, profile, element, key), message, start, end, para, suggestion, elem)
