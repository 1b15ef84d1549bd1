"""The ``drafter`` command line: argparse commands over the core's public verbs.

Each command group lives in its own module with a ``register(subparsers)`` function that adds
its parsers and sets ``func`` (a callable taking the parsed args and returning an exit code).
Errors are reported in one place, :func:`main`: a :class:`~drafter.errors.DrafterError` prints
its Vietnamese message on stderr and exits with its code; no traceback reaches a user
(``DRAFTER_DEBUG=1`` shows it for developers).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from ..errors import DrafterError

__all__ = ["main", "build_parser"]

#: Command-group modules, in the order they appear in ``drafter --help``.
COMMAND_MODULES = ("cite", "registry_cmd", "drafts", "check_cmd")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="drafter",
        description="Drafter — Trợ lý soạn thảo văn bản của Đảng (dòng lệnh).",
    )
    parser.add_argument("--version", action="version", version="drafter 0.1.0")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue  # command group not built yet
            raise
        module.register(sub)
    return parser


def _configure_stdio() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> int:
    _configure_stdio()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except DrafterError as exc:
        print(f"Lỗi: {exc.format_message()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: say so plainly, keep the traceback for developers
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        print(
            f"Lỗi không mong đợi trong Drafter ({type(exc).__name__}: {exc}).\n"
            "→ Hãy chạy lại với DRAFTER_DEBUG=1 và gửi nội dung lỗi cho bộ phận hỗ trợ.",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
