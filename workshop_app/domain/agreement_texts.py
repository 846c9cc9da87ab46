"""The agreement's texts from `resources/agreement.json`: the suggested next steps (the article's
remedy per archetype and its closing suggestions), the article's sentence on why a clear boundary
helps, and the labels the check, the charters and the command line print (German and English)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from workshop_app.domain.datafile import bilingual, read_json_object
from workshop_app.domain.diagnosis import ARCHETYPE_IDS
from workshop_app.paths import resource


class AgreementTextsError(ValueError):
    """resources/agreement.json cannot be used."""


@dataclass(frozen=True)
class Bilingual:
    de: str
    en: str

    def text(self, language: str) -> str:
        return self.de if language == "de" else self.en


@dataclass(frozen=True)
class AgreementTexts:
    next_steps: dict[str, Bilingual]  # archetype id -> the remedy as a next step
    closing_steps: tuple[tuple[str, Bilingual], ...]  # (id, text): the article's closing suggestions
    why: Bilingual
    labels: dict[str, Bilingual]

    def label(self, key: str, language: str, **fields: object) -> str:
        try:
            text = self.labels[key].text(language)
        except KeyError:
            raise AgreementTextsError(f"agreement.json: no label {key!r}") from None
        return text.format(**fields) if fields else text


@cache
def load_agreement_texts(path: Path | None = None) -> AgreementTexts:
    """The agreement texts of `path` (default: resources/agreement.json); read once per path."""
    return read_agreement_texts(path)


def read_agreement_texts(path: Path | None = None) -> AgreementTexts:
    """`load_agreement_texts` without the cache (undecorated, so that mutation testing reaches it)."""
    path = path or resource("agreement.json")
    data = read_json_object(path, AgreementTextsError)
    where = path.name
    steps = _object(data, "next_steps", where)
    missing = [archetype_id for archetype_id in ARCHETYPE_IDS if archetype_id not in steps]
    if missing:
        raise AgreementTextsError(f"{where}: next_steps has no text for {missing[0]!r}")
    next_steps = {key: _bilingual(steps, key, f"{where}: next_steps") for key in steps}
    closing = data.get("closing_steps")
    if not isinstance(closing, list) or not all(
            isinstance(entry, dict) and isinstance(entry.get("id"), str) for entry in closing):
        raise AgreementTextsError(f"{where}: closing_steps must be a list of objects with an id")
    closing_steps = tuple((entry["id"], _bilingual(entry, "text", f"{where}: {entry['id']}"))
                          for entry in closing)
    labels_data = _object(data, "labels", where)
    labels = {key: _bilingual(labels_data, key, f"{where}: labels") for key in labels_data}
    return AgreementTexts(next_steps, closing_steps, _bilingual(data, "why", where), labels)


def agreement_label(key: str, language: str, **fields: object) -> str:
    """A label of the agreement texts in `language`, with its placeholders filled in."""
    return load_agreement_texts().label(key, language, **fields)


def _object(data: dict, key: str, where: str) -> dict:
    value = data.get(key)
    if not isinstance(value, dict):
        raise AgreementTextsError(f"{where}: '{key}' must be an object")
    return value


def _bilingual(entry: dict, key: str, where: str) -> Bilingual:
    return Bilingual(*bilingual(entry, key, where, AgreementTextsError))
