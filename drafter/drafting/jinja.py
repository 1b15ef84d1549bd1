"""Jinja rendering of templates: sandboxed, strict, errors in Vietnamese with file and line.

Templates are user-editable files, so they run in a :class:`SandboxedEnvironment` (no access to
``__class__``, ``__mro__``, ``__subclasses__`` ...) with :class:`StrictUndefined` (a misspelt field
is an error, never a silent blank). Any failure becomes a :class:`TemplateError` naming the
template file and the line, like Jinja's own ``TemplateSyntaxError``.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from ..errors import TemplateError
from .dates import format_numeric, format_words
from .markup import cite_marker
from .model import CitationRef

__all__ = ["make_environment", "render_template_file", "render_template_string"]

#: Largest string or list a template may build with ``*``, and largest integer exponent of ``**``:
#: templates are user-editable, and ``{{ "x" * 10**10 }}`` would otherwise exhaust memory.
MAX_REPEAT_LENGTH = 1_000_000
MAX_EXPONENT = 1_000


def _cite_filter(value: Any, short: str | None = None, form: str = "auto") -> str:
    """``{{ document | cite }}``: a citation field value (dict or "21-KL/TW|2021-10-25|TW") as markup."""
    if isinstance(value, dict):
        ref = CitationRef.from_json({"number_code": value.get("number_code", ""), **value})
    else:
        parts = str(value).split("|")
        day = _dt.date.fromisoformat(parts[1]) if len(parts) > 1 and parts[1] else None
        ref = CitationRef(parts[0], None, day, parts[2] if len(parts) > 2 and parts[2] else None)
    return cite_marker(ref, short, form)


def _upper_vi(value: Any) -> str:
    return str(value).upper()


def _bounded_binop(context, operator: str, left: Any, right: Any) -> Any:
    """``*`` and ``**`` in a template, refusing results that would exhaust memory or time."""
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, bytes, list, tuple)) and isinstance(times, int) \
                    and len(seq) * times > MAX_REPEAT_LENGTH:
                raise OverflowError(f"kết quả phép nhân quá lớn (trên {MAX_REPEAT_LENGTH} phần tử)")
        return left * right
    if isinstance(right, int) and abs(right) > MAX_EXPONENT and left not in (0, 1, -1):
        raise OverflowError(f"số mũ quá lớn (trên {MAX_EXPONENT})")
    return left ** right


def make_environment(search_path: list[Path] | None = None):
    """A sandboxed, strict environment with Drafter's filters (``cite``, ``upper_vi``, ``date_numeric``, ``date_words``)."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(p) for p in (search_path or [])]),
        undefined=StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.intercepted_binops = frozenset({"*", "**"})  # checked by _bounded_binop (also at compile time)
    env.call_binop = _bounded_binop
    env.filters["cite"] = _cite_filter
    env.filters["upper_vi"] = _upper_vi
    env.filters["date_numeric"] = format_numeric
    env.filters["date_words"] = format_words
    return env


def _error_line(exc: BaseException, filename: str) -> int | None:
    line = getattr(exc, "lineno", None)
    if line:
        return line
    tb = exc.__traceback__
    found = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            found = tb.tb_lineno
        tb = tb.tb_next
    return found


def _describe(exc: BaseException) -> str:
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SecurityError

    if isinstance(exc, SecurityError):
        return f"thao tác không được phép trong mẫu ({exc})"
    if isinstance(exc, UndefinedError):
        return f"dùng một trường chưa khai báo hoặc chưa có giá trị ({exc.message})"
    if isinstance(exc, TemplateSyntaxError):
        return f"sai cú pháp mẫu ({exc.message})"
    return f"{type(exc).__name__}: {exc}"


def _render(source: str, filename: str, values: dict) -> str:
    from jinja2 import TemplateError as JinjaError

    from ..resources import templates_dir

    # the template's own folder first, then the bundled one (user templates may include "_level.j2")
    env = make_environment([Path(filename).parent, templates_dir()])
    try:
        code = env.compile(source, name=Path(filename).name, filename=filename)
        template = env.template_class.from_code(env, code, env.make_globals(None))
        return template.render(**values)
    except (JinjaError, TypeError, ValueError, ArithmeticError, LookupError, AttributeError,
            RecursionError, MemoryError) as exc:
        line = _error_line(exc, filename)
        where = f"{filename}, dòng {line}" if line else filename
        raise TemplateError(f"Lỗi mẫu văn bản {where}: {_describe(exc)}.",
                            "Sửa mẫu văn bản (hoặc điền trường còn thiếu) rồi thử lại.") from None


def render_template_file(path: Path, values: dict) -> str:
    """Render the template at ``path`` with ``values``."""
    try:
        source = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"Không đọc được mẫu văn bản {path} ({exc}).") from None
    return _render(source, str(path), values)


def render_template_string(source: str, values: dict, filename: str = "<mẫu>") -> str:
    """Render template text (tests, previews); errors name ``filename`` and the line."""
    return _render(source, filename, values)
