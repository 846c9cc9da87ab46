"""Reading the JSON data files a facilitator may edit (decks, functions, archetypes).

Each loader passes its own error class, so that a bad file gives that loader's one-line message.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from workshop_app.domain.model import LANGUAGES


def read_json_object(path: Path, error: type[Exception]) -> dict:
    """The top-level object of the JSON file at `path`; `error` when it cannot be read or is no object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise error(f"{path.name}: cannot read: {exc}") from exc
    if not isinstance(data, dict):
        raise error(f"{path.name}: the top level must be an object")
    return data


def bilingual(entry: Mapping, key: str, where: str, error: type[Exception]) -> tuple[str, str]:
    """The German and English texts under `key` ({"de": ..., "en": ...}); `error` when one is missing."""
    texts = entry.get(key)
    if not isinstance(texts, dict) or not all(isinstance(texts.get(k), str) for k in LANGUAGES):
        raise error(f"{where}: '{key}' needs German and English texts")
    return texts["de"], texts["en"]
