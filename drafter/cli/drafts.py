"""Drafting commands: ``new``, ``render``, ``templates``, ``render-examples`` and ``demo``."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

from ..errors import DrafterError, TemplateError

__all__ = ["register"]


def _user_templates() -> str | None:
    try:
        from ..settings import load_settings
        settings = load_settings()
        settings = settings[0] if isinstance(settings, tuple) else settings
        return getattr(settings, "templates_dir", "") or None
    except Exception:  # settings are optional here; the default user folder still works
        return None


def _set_values(pairs: list[str]) -> dict:
    values: dict = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep:
            raise TemplateError(f"Giá trị “{pair}” phải viết dạng tên=giá trị.", "Ví dụ: --set number=567")
        values[name.strip()] = value
    return values


def cmd_new(args) -> int:
    from ..drafting import new_draft, save_draft

    draft = new_draft(args.template, _set_values(args.set), user_dir=_user_templates())
    path = save_draft(draft, args.output)
    print(f"Đã tạo dự thảo {path} từ mẫu “{args.template}”.")
    return 0


def _lookup(registry_path: str | None):
    """The registry's lookup, or None (render from the draft's snapshots) with a note why."""
    try:
        try:
            from ..registry import open_registry
        except ImportError:
            from ..registry.registry import open_registry
    except ImportError:
        print("Chưa có danh mục văn bản: dùng thông tin trích dẫn lưu trong dự thảo.")
        return None, None
    from ..drafting.lookup import lookup_from_registry

    try:
        registry = open_registry(registry_path) if registry_path else open_registry()
    except DrafterError:
        raise
    except Exception as exc:  # a registry that cannot open must not stop an export
        print(f"Không mở được danh mục văn bản ({type(exc).__name__}): dùng thông tin lưu trong dự thảo.")
        return None, None
    return _guarded(lookup_from_registry(registry)), registry


def _guarded(lookup):
    """A lookup that falls back to the draft's snapshots if the registry fails mid-way."""
    failed: list[str] = []

    def safe(ref):
        if failed:
            return None
        try:
            return lookup(ref)
        except DrafterError:
            raise
        except Exception as exc:  # a broken registry must not stop an export
            failed.append(type(exc).__name__)
            print(f"Danh mục văn bản gặp lỗi ({failed[0]}): dùng thông tin lưu trong dự thảo.")
            return None

    return safe


def render_file(draft_path: Path, out: Path, pdf: bool, lookup, notices: bool = True) -> list[Path]:
    """Render one draft file to .docx (and PDF); returns the written paths."""
    from ..drafting import load_draft, render
    from ..export import export_docx, export_pdf

    rendered = render(load_draft(draft_path), lookup)
    if notices:
        for notice in rendered.notices:
            print(f"  Lưu ý: {notice}")
    elif rendered.notices:
        print(f"  ({len(rendered.notices)} văn bản được trích dẫn lấy theo thông tin lưu trong dự thảo)")
    written = [export_docx(rendered, out)]
    if pdf:
        written.append(export_pdf(out, out.with_suffix(".pdf")))
    return written


def cmd_render(args) -> int:
    lookup, registry = (None, None) if args.no_registry else _lookup(args.registry)
    try:
        for path in render_file(Path(args.draft), Path(args.output), args.pdf, lookup):
            print(f"Đã xuất {path}")
    finally:
        if registry is not None:
            registry.close()
    return 0


def cmd_templates(args) -> int:
    from ..drafting import list_templates

    for info in list_templates(_user_templates()):
        origin = " (mẫu của người dùng)" if info.user else ""
        print(f"{info.id}: {info.name}{origin}\n  {info.description}")
        if args.fields:
            for f in info.fields:
                need = ", bắt buộc" if f.required else ""
                print(f"    - {f.name} ({f.kind}{need}): {f.label}")
    return 0


def examples_dir() -> Path:
    from ..resources import bundle_root

    return bundle_root() / "examples"


def cmd_render_examples(args) -> int:
    out = Path(args.out)
    drafts = sorted(examples_dir().glob("*.json"))
    if not drafts:
        raise DrafterError("Không tìm thấy dự thảo mẫu nào trong thư mục examples/.")
    for draft in drafts:
        for path in render_file(draft, out / (draft.stem + ".docx"), args.pdf, None, notices=False):
            print(f"Đã xuất {path}")
    return 0


def _png(pdf: Path) -> list[Path]:
    tool = shutil.which("pdftoppm")
    if not tool:
        return []
    subprocess.run([tool, "-png", "-r", "60", str(pdf), str(pdf.with_suffix(""))], check=True, timeout=120)
    return sorted(pdf.parent.glob(pdf.stem + "-*.png"))


def cmd_demo(args) -> int:
    from ..export import find_soffice

    out = Path(args.out)
    has_lo = find_soffice() is not None
    print("Bản trình diễn Drafter: xuất các dự thảo mẫu trong examples/ ra .docx"
          + (", PDF và ảnh PNG." if has_lo else " (không có LibreOffice nên không xuất PDF/PNG)."))
    for draft in sorted(examples_dir().glob("*.json")):
        started = time.perf_counter()
        written = render_file(draft, out / (draft.stem + ".docx"), has_lo, None, notices=False)
        pngs = _png(written[-1]) if has_lo else []
        took = (time.perf_counter() - started) * 1000
        print(f"- {draft.name} → {', '.join(p.name for p in written)}"
              + (f", {len(pngs)} trang PNG" if pngs else "") + f" ({took:.0f} ms)")
    print(f"Xong. Các tệp nằm trong {out.resolve()}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("new", help="tạo dự thảo mới từ một mẫu văn bản")
    p.add_argument("template", help="mã mẫu (xem: drafter templates)")
    p.add_argument("-o", "--output", required=True, help="tệp dự thảo sẽ tạo (.json)")
    p.add_argument("--set", action="append", metavar="TÊN=GIÁ_TRỊ", help="giá trị một trường của mẫu")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("render", help="xuất dự thảo ra .docx (và PDF)")
    p.add_argument("draft", help="tệp dự thảo (.json)")
    p.add_argument("-o", "--output", required=True, help="tệp .docx sẽ xuất")
    p.add_argument("--pdf", action="store_true", help="xuất thêm PDF qua LibreOffice")
    p.add_argument("--registry", help="đường dẫn danh mục văn bản (mặc định: danh mục của người dùng)")
    p.add_argument("--no-registry", action="store_true", help="chỉ dùng thông tin lưu trong dự thảo")
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("templates", help="liệt kê các mẫu văn bản và trường của chúng")
    p.add_argument("--no-fields", dest="fields", action="store_false", help="không liệt kê các trường")
    p.set_defaults(func=cmd_templates)

    p = sub.add_parser("render-examples", help="xuất các dự thảo mẫu trong examples/")
    p.add_argument("--out", default="build/examples", help="thư mục kết quả")
    p.add_argument("--pdf", action="store_true", help="xuất thêm PDF qua LibreOffice")
    p.set_defaults(func=cmd_render_examples)

    p = sub.add_parser("demo", help="bản trình diễn không giao diện: xuất các dự thảo mẫu")
    p.add_argument("--out", default="build/demo", help="thư mục kết quả")
    p.set_defaults(func=cmd_demo)
