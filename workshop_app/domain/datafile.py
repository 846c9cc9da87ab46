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


def read_labels(path: Path, error: type[Exception], section: str | None = None,
                required: bool = True) -> dict[str, dict[str, str]]:
    """Bilingual texts `{key: {"de": ..., "en": ...}}` from a JSON file, or from its object `section`
    (missing: none, unless `required`); keys starting with "_" are comments. The one loader of every
    label file (messages, PDF labels, diagnosis labels); `error` when a text lacks a language."""
    data = read_json_object(path, error)
    if section is not None:
        if section not in data and not required:
            return {}
        data = data.get(section)
        if not isinstance(data, dict):
            raise error(f"{path.name}: needs an object {section!r}")
    labels = {}
    for key, texts in data.items():
        if key.startswith("_"):
            continue
        if not isinstance(texts, dict) or not all(isinstance(texts.get(k), str) for k in LANGUAGES):
            raise error(f"{path.name}: label {key!r} needs German and English texts")
        labels[key] = texts
    return labels


def pick_label(labels: Mapping[str, Mapping[str, str]], key: str, language: str, **values: object) -> str:
    """The text of `key` in `language` (English for an unknown language), with `values` filled in;
    KeyError for an unknown key."""
    texts = labels[key]
    text = texts.get(language) or texts["en"]
    return text.format(**values) if values else text
