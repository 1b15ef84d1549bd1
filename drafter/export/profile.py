"""Layout profiles: the rule values (margins, sizes, styles) the exporter writes, as data.

``resources/profiles/party-2018.json`` is shared with the format checker: what Drafter writes is
what it checks. A profile is plain JSON; :class:`Profile` only gives typed access to it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ExportError
from ..resources import resource_path

__all__ = ["Profile", "load_profile", "DEFAULT_PROFILE"]

DEFAULT_PROFILE = "party-2018"


@dataclass(frozen=True)
class Profile:
    id: str
    data: dict

    def element(self, name: str) -> dict:
        """The settings of one element (``"body"``, ``"title"`` ...); ExportError if absent."""
        try:
            return self.data["elements"][name]
        except KeyError:
            raise ExportError(f"Hồ sơ trình bày “{self.id}” thiếu mục “{name}”.",
                              "Bổ sung mục này vào tệp hồ sơ trình bày (resources/profiles).") from None

    @property
    def page(self) -> dict:
        return self.data["page"]

    def get(self, *keys: str, default: Any = None) -> Any:
        node: Any = self.data
        for key in keys:
            if not isinstance(node, dict) or key not in node:
                return default
            node = node[key]
        return node


@lru_cache(maxsize=8)
def _load(path: str) -> Profile:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExportError(f"Không tìm thấy hồ sơ trình bày {path}.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportError(f"Hồ sơ trình bày {path} không đọc được ({exc}).") from None
    return Profile(str(data.get("id", Path(path).stem)), data)


def load_profile(name_or_path: str | os.PathLike | None = None) -> Profile:
    """A bundled profile by id (``"party-2018"``, the default) or a profile file path."""
    name = str(name_or_path or DEFAULT_PROFILE)
    path = Path(name) if name.endswith(".json") else resource_path("profiles", f"{name}.json")
    return _load(str(path))
