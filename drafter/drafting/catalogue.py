"""The template catalogue: bundled and user templates, their field declarations, new drafts.

A template is two sibling files in a templates folder:

- ``<id>.fields.json`` — name, description and the declared fields (name, Vietnamese label, kind,
  required, default, help, choices), so a form can be generated from it. The fields shared by every
  template (header and signature) live in ``_common.fields.json`` and are merged in first.
- ``<id>.j2`` — a Jinja template (sandboxed, strict) that renders the starting draft in draft
  markup (:mod:`.markup`): standard wording, headings, default Nơi nhận for the issuing level.

User templates live in ``user_config_dir()/templates`` (or ``DRAFTER_TEMPLATES_DIR``) and win over
bundled ones with the same id.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from dataclasses import dataclass, fields as dc_fields, replace
from pathlib import Path
from typing import Any

from ..dates import parse_user_date
from ..errors import TemplateError
from ..resources import templates_dir, user_config_dir
from .jinja import render_template_file
from .markup import MarkupError, parse_markup
from .model import CitationRef, Draft, Header

__all__ = ["FieldSpec", "TemplateInfo", "FIELD_KINDS", "list_templates", "get_template", "new_draft",
           "user_templates_dir", "coerce_value"]

#: Kinds a field may declare; a form shows a line edit, text box, date picker, combo box, list
#: editor, check box, or citation picker.
FIELD_KINDS = ("text", "multiline", "date", "choice", "list", "bool", "citation")
_COMMON = "_common.fields.json"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str  # Vietnamese label shown in the form
    kind: str  # one of FIELD_KINDS
    required: bool = False
    default: Any = None
    help: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, Vietnamese label) for kind "choice"


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    name: str
    description: str
    fields: tuple[FieldSpec, ...]
    path: Path  # the .j2 file
    doc_type: str = ""
    user: bool = False  # from the user templates folder


def user_templates_dir() -> Path:
    override = os.environ.get("DRAFTER_TEMPLATES_DIR")
    return Path(override) if override else user_config_dir() / "templates"


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise TemplateError(f"Tệp khai báo mẫu {path}, dòng {exc.lineno}: JSON không hợp lệ ({exc.msg}).",
                            "Sửa tệp khai báo trường rồi thử lại.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"Không đọc được tệp khai báo mẫu {path} ({exc}).") from None


def _field(data: dict, path: Path) -> FieldSpec:
    kind = data.get("kind", "text")
    if kind not in FIELD_KINDS or "name" not in data:
        raise TemplateError(f"Tệp khai báo mẫu {path}: trường {data.get('name', '?')} có loại không hợp lệ "
                            f"({kind}).", f"Loại trường phải là một trong: {', '.join(FIELD_KINDS)}.")
    choices = tuple((str(c[0]), str(c[1])) if isinstance(c, list) else (str(c), str(c))
                    for c in data.get("choices", ()))
    return FieldSpec(data["name"], data.get("label", data["name"]), kind, bool(data.get("required")),
                     data.get("default"), data.get("help", ""), choices)


def _load_info(fields_path: Path, common: list[dict], user: bool) -> TemplateInfo:
    data = _read_json(fields_path)
    tid = fields_path.name[: -len(".fields.json")]
    merged: dict[str, dict] = {}
    for f in (common if data.get("common", True) else []) + data.get("fields", []):
        merged[f.get("name", "?")] = {**merged.get(f.get("name", "?"), {}), **f}
    specs = tuple(_field(f, fields_path) for f in merged.values())
    return TemplateInfo(tid, data.get("name", tid), data.get("description", ""), specs,
                        fields_path.with_name(tid + ".j2"), data.get("doc_type", ""), user)


def _scan(folder: Path, user: bool, common: list[dict], errors: list | None = None) -> dict[str, TemplateInfo]:
    found = {}
    if folder.is_dir():
        for path in sorted(folder.glob("*.fields.json")):
            if not path.name.startswith("_") and path.with_name(path.name[: -len(".fields.json")] + ".j2").exists():
                try:
                    info = _load_info(path, common, user)
                except TemplateError as exc:
                    if errors is None:
                        raise
                    errors.append(exc)
                    continue
                found[info.id] = info
    return found


def list_templates(user_dir: str | os.PathLike | None = None, errors: list | None = None) -> list[TemplateInfo]:
    """Bundled templates, then the user's (a user template replaces a bundled one of the same id).

    A broken user template raises :class:`TemplateError` — or, when ``errors`` is a list, is left
    out and its error appended there (so a form can still offer the other templates)."""
    bundled = templates_dir()
    common = _read_json(bundled / _COMMON).get("fields", [])
    catalogue = _scan(bundled, False, common)
    catalogue.update(_scan(Path(user_dir) if user_dir else user_templates_dir(), True, common, errors))
    return list(catalogue.values())


def get_template(template_id: str, user_dir: str | os.PathLike | None = None) -> TemplateInfo:
    for info in list_templates(user_dir):
        if info.id == template_id:
            return info
    known = ", ".join(t.id for t in list_templates(user_dir))
    raise TemplateError(f"Không có mẫu văn bản “{template_id}”.", f"Các mẫu hiện có: {known}.")


def _parse_date(value: str) -> _dt.date:
    day = parse_user_date(value)
    if day is None:
        raise ValueError("Chưa nhập ngày.")
    return day


def coerce_value(spec: FieldSpec, value: Any) -> Any:
    """Turn a form/CLI value into the field's type; ValueError when it cannot."""
    if value is None or value == "":
        return [] if spec.kind == "list" else (False if spec.kind == "bool" else value)
    if spec.kind == "date":
        return value if isinstance(value, _dt.date) else _parse_date(str(value))
    if spec.kind == "bool":
        return value if isinstance(value, bool) else str(value).strip().lower() in ("1", "true", "có", "co", "yes")
    if spec.kind == "list":
        return list(value) if isinstance(value, (list, tuple)) else [v.strip() for v in str(value).split(";") if v.strip()]
    if spec.kind == "choice" and spec.choices and str(value) not in {c[0] for c in spec.choices}:
        raise ValueError(f"giá trị “{value}” không có trong danh sách ({', '.join(c[0] for c in spec.choices)})")
    if spec.kind == "citation":
        return value if isinstance(value, dict) else {"number_code": str(value)}
    return str(value)


def _values(info: TemplateInfo, given: dict) -> dict:
    values = {}
    specs = {s.name: s for s in info.fields}
    for name in given:
        if name not in specs:
            raise TemplateError(f"Mẫu “{info.id}” không có trường “{name}”.",
                                f"Các trường của mẫu: {', '.join(specs)}.")
    for spec in info.fields:
        raw = given.get(spec.name, spec.default)
        try:
            values[spec.name] = coerce_value(spec, raw)
        except (ValueError, TypeError) as exc:
            raise TemplateError(f"Trường “{spec.label}” ({spec.name}) không hợp lệ: {exc}.",
                                "Ngày viết dạng 25/10/2021 hoặc 2021-10-25.") from None
    return values


def _header(values: dict, parsed: dict) -> Header:
    names = {f.name for f in dc_fields(Header)}
    data = {k: v for k, v in values.items() if k in names}
    data.update({k: v for k, v in parsed.items() if k in names})
    if isinstance(data.get("date"), str):
        data["date"] = _parse_date(data["date"]) if data["date"] else None
    data["recipients"] = tuple(data.get("recipients") or ())
    for key in names - {"date", "recipients"}:
        if key in data and data[key] is None:
            data[key] = ""
        elif key in data and not isinstance(data[key], str):
            data[key] = str(data[key])
    return Header(**data)


def _snapshots(info: TemplateInfo, values: dict) -> dict:
    shots = {}
    for spec in info.fields:
        value = values.get(spec.name)
        if spec.kind == "citation" and isinstance(value, dict) and value.get("number_code"):
            ref = CitationRef.from_json(value)
            extra = {k: v for k, v in value.items() if k not in ("entry_id", "jurisdiction")}
            if len(extra) > 2:  # more than number_code and date: a usable snapshot
                shots[ref.key] = extra
    return shots


def new_draft(template_id: str, values: dict | None = None,
              user_dir: str | os.PathLike | None = None) -> Draft:
    """A starting draft from a template and (some of) its field values."""
    info = get_template(template_id, user_dir)
    vals = _values(info, dict(values or {}))
    output = render_template_file(info.path, vals)
    try:
        parsed = parse_markup(output)
    except MarkupError as exc:
        raise TemplateError(f"Mẫu {info.path}: kết quả dòng {exc.line} không hợp lệ: {exc}.",
                            "Sửa mẫu văn bản rồi thử lại.") from None
    json_values = {k: (v.isoformat() if isinstance(v, _dt.date) else v) for k, v in vals.items()}
    draft = Draft(template_id=info.id, header=_header(vals, parsed.header), body=parsed.body,
                  footnotes=parsed.footnotes, fields=json_values, snapshots=_snapshots(info, vals))
    if draft.header.date_style not in ("numeric", "words"):
        draft = replace(draft, header=replace(draft.header, date_style="numeric"))
    return draft
