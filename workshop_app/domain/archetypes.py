"""The article's four archetypes as data: their signs, scene conditions and texts.

Loaded from `resources/archetypes/*.json` (`load_archetypes`); the rules that read them are in
`diagnosis.py` and in the data file's "_about".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from workshop_app.domain.datafile import bilingual, read_json_object, read_labels
from workshop_app.domain.deck import TaskFunction, load_functions
from workshop_app.domain.model import PLACED_ZONES, Zone
from workshop_app.paths import resource

CONDITIONS: tuple[str, ...] = ("in", "not_in", "in_any")
DEFAULT_SHARED = 0.5
DEFAULT_NEAR = 0.15


class ArchetypeError(ValueError):
    """An archetype file that cannot be used."""


def _pick(language: str, de: str, en: str) -> str:
    return de if language == "de" else en


@dataclass(frozen=True)
class Indicator:
    """Where the cards of one task function stand in an archetype's example.

    A *sign* (weight > 0) earns score when it holds; a *scene* condition (`scene=True`, weight 0)
    earns none, but a placed card that contradicts it rules the archetype out. `shared` is how far
    a card in the shared strip counts when the strip is not one of `zones`."""

    function: str
    condition: str  # "in" | "not_in" | "in_any"
    zones: tuple[Zone, ...]
    weight: float
    shared: float = DEFAULT_SHARED
    scene: bool = False

    def credit_in(self, zone: Zone) -> float:
        """How far one placed card in `zone` makes the indicator hold (0..1)."""
        inside = zone in self.zones
        if self.condition == "not_in":
            return 0.0 if inside else self.shared if zone is Zone.SHARED else 1.0
        return 1.0 if inside else self.shared if zone is Zone.SHARED else 0.0

    def credit(self, zones: Iterable[Zone]) -> float | None:
        """How far the indicator holds for cards of its function in `zones` (None: none placed).
        `in`: the best card counts (one card in Marketing means marketing does it); `not_in`: the
        worst card counts (one card in Marketing means marketing still does it)."""
        credits = [self.credit_in(zone) for zone in zones]
        if not credits:
            return None
        return min(credits) if self.condition == "not_in" else max(credits)

    def best_zones(self) -> tuple[Zone, ...]:
        """The zones where one card makes the indicator hold fully."""
        return tuple(zone for zone in PLACED_ZONES if self.credit_in(zone) == 1.0)


@dataclass(frozen=True)
class Archetype:
    """One of the article's dysfunctional splits, with its signs and texts in German and English."""

    id: str
    name_de: str
    name_en: str
    context_de: str
    context_en: str
    harm_de: str
    harm_en: str
    recommendation_de: str
    recommendation_en: str
    indicators: tuple[Indicator, ...]
    threshold: float = 0.6
    near: float = DEFAULT_NEAR  # a score this close to the threshold names the deciding card
    summary_de: str = ""
    summary_en: str = ""

    def name(self, language: str) -> str:
        return _pick(language, self.name_de, self.name_en)

    def context(self, language: str) -> str:
        return _pick(language, self.context_de, self.context_en)

    def summary(self, language: str) -> str:
        return _pick(language, self.summary_de, self.summary_en)

    def harm(self, language: str) -> str:
        return _pick(language, self.harm_de, self.harm_en)

    def recommendation(self, language: str) -> str:
        return _pick(language, self.recommendation_de, self.recommendation_en)

    @property
    def signs(self) -> tuple[Indicator, ...]:
        return tuple(indicator for indicator in self.indicators if not indicator.scene)

    @property
    def total_weight(self) -> float:
        return sum(indicator.weight for indicator in self.indicators)

    @property
    def functions(self) -> frozenset[str]:
        return frozenset(indicator.function for indicator in self.indicators)


# --- loading the data ---


def _texts(entry: Mapping, key: str, where: str, required: bool = True) -> tuple[str, str]:
    if entry.get(key) is None and not required:
        return "", ""
    return bilingual(entry, key, where, ArchetypeError)


def _number(entry: Mapping, key: str, where: str, default: float | None = None) -> float:
    value = entry.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ArchetypeError(f"{where}: '{key}' must be a number")
    return float(value)


def _fraction(entry: Mapping, key: str, where: str, default: float) -> float:
    value = _number(entry, key, where, default)
    if not 0 <= value <= 1:
        raise ArchetypeError(f"{where}: '{key}' must be between 0 and 1")
    return value


def _indicator(entry: object, where: str, functions: Mapping[str, TaskFunction],
               shared: float) -> Indicator:
    if not isinstance(entry, dict):
        raise ArchetypeError(f"{where}: must be an object")
    function, condition, zones = entry.get("function"), entry.get("condition"), entry.get("zones")
    if function not in functions:
        raise ArchetypeError(f"{where}: unknown function {function!r}")
    if condition not in CONDITIONS:
        raise ArchetypeError(f"{where}: condition must be one of {', '.join(CONDITIONS)}")
    placed_names = [zone.value for zone in PLACED_ZONES]
    if not isinstance(zones, list) or not zones or any(z not in placed_names for z in zones):
        raise ArchetypeError(f"{where}: zones must be a list of {', '.join(placed_names)}")
    if condition == "in" and len(zones) != 1:
        raise ArchetypeError(f"{where}: condition 'in' takes one zone (use 'in_any' for several)")
    role = entry.get("role", "sign")
    if role not in ("sign", "scene"):
        raise ArchetypeError(f"{where}: role must be 'sign' or 'scene'")
    scene = role == "scene"
    weight = 0.0 if scene else _number(entry, "weight", where)
    if not scene and weight <= 0:
        raise ArchetypeError(f"{where}: weight must be positive")
    return Indicator(function, condition, tuple(Zone(z) for z in zones), weight,
                     _fraction(entry, "shared", where, shared), scene)


def _archetype(entry: object, where: str, functions: Mapping[str, TaskFunction],
               shared: float) -> Archetype:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise ArchetypeError(f"{where}: an archetype must be an object with an id")
    where = f"{where}: archetype {entry['id']!r}"
    raw = entry.get("indicators")
    if not isinstance(raw, list) or not raw:
        raise ArchetypeError(f"{where}: needs a list of indicators")
    indicators = tuple(_indicator(item, f"{where}: indicator {number}", functions, shared)
                       for number, item in enumerate(raw, start=1))
    if not any(not indicator.scene for indicator in indicators):
        raise ArchetypeError(f"{where}: needs at least one sign (an indicator that is no scene)")
    threshold = _number(entry, "threshold", where, 0.6)
    if not 0 < threshold <= 1:
        raise ArchetypeError(f"{where}: threshold must be in (0, 1]")
    near = _fraction(entry, "near", where, DEFAULT_NEAR)
    return Archetype(entry["id"], *_texts(entry, "name", where), *_texts(entry, "context", where),
                     *_texts(entry, "harm", where), *_texts(entry, "recommendation", where),
                     indicators, threshold, near, *_texts(entry, "summary", where, required=False))


def _files(path: Path | None) -> list[Path]:
    path = Path(path) if path is not None else resource("archetypes")
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        raise ArchetypeError(f"{path}: no archetype files")
    return files


@cache
def load_archetypes(path: Path | str | None = None) -> tuple[Archetype, ...]:
    """The archetypes from one file, or from every *.json in a folder (default:
    resources/archetypes), in file order; read once per path."""
    return read_archetypes(path)


def read_archetypes(path: Path | str | None = None) -> tuple[Archetype, ...]:
    """`load_archetypes` without the cache (undecorated, so that mutation testing reaches it)."""
    functions = load_functions()
    archetypes: list[Archetype] = []
    for file in _files(Path(path) if path is not None else None):
        data = read_json_object(file, ArchetypeError)
        entries = data.get("archetypes")
        if not isinstance(entries, list):
            raise ArchetypeError(f"{file.name}: 'archetypes' must be a list")
        shared = _fraction(data, "shared", file.name, DEFAULT_SHARED)
        archetypes.extend(_archetype(entry, file.name, functions, shared) for entry in entries)
    ids = [archetype.id for archetype in archetypes]
    if len(set(ids)) != len(ids):
        raise ArchetypeError("archetype ids repeat")
    return tuple(archetypes)


@cache
def _labels(path: Path | None = None) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}
    for file in _files(path):
        labels.update(read_labels(file, ArchetypeError, "labels", required=False))
    return labels


def label(key: str, language: str) -> str:
    """A bilingual text printed around a diagnosis outside the Qt UI (CLI, PDF)."""
    texts = _labels().get(key)
    if texts is None:
        raise KeyError(f"no diagnosis label {key!r}")
    return texts.get(language) or texts.get("en") or key
