"""The live diagnosis: which of the article's four archetypes a board resembles, and why.

A pure function of the board (`diagnose`), driven by archetype definitions in
`resources/archetypes/*.json` (`load_archetypes`).

How a verdict is reached (the same text stands in the data file's "_about"):

- An indicator names a task function, a condition and a weight. `in`: a placed card of the function
  stands in the zone; `in_any`: a placed card of the function stands in one of the zones; `not_in`:
  cards of the function are placed and none of them stands in the zone(s). Any card with the
  function counts, a deck card as well as a custom card that names the function.
- Only placed cards are evidence: an indicator is *judgeable* when at least one card of its function
  is placed; an indicator that is not judgeable counts neither for nor against the archetype.
- An archetype is judgeable when every strong indicator is judgeable and the judgeable weight is at
  least `min_judgeable_share` of its total weight; otherwise the verdict is "not enough cards placed
  yet".
- `score = matched weight / judgeable weight` for a judgeable archetype, 0 for one that is not (no
  guess; the share matched so far stays available as `partial_score`).
- It *resembles* the board when it is judgeable, `score >= threshold` and every strong indicator
  holds. Several archetypes can resemble a board at once.
- Its evidence is the cards that make its matched indicators hold, in indicator order.

Reference conformity: among placed cards whose function has a reference zone, the share that stands
in that zone; the others are "off reference". None when no such card is placed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from workshop_app.domain.datafile import bilingual, read_json_object
from workshop_app.domain.deck import TaskFunction, load_functions
from workshop_app.domain.model import PLACED_ZONES, Board, Card, Zone
from workshop_app.paths import resource

CONDITIONS: tuple[str, ...] = ("in", "not_in", "in_any")
ARCHETYPE_IDS: tuple[str, ...] = ("kundenversteher", "stichwortgeber", "kundenschmeichler",
                                  "kreativlinge")


class ArchetypeError(ValueError):
    """An archetype file that cannot be used."""


def _pick(language: str, de: str, en: str) -> str:
    return de if language == "de" else en


@dataclass(frozen=True)
class Indicator:
    """A sign of an archetype: where the cards of one task function stand."""

    function: str
    condition: str  # "in" | "not_in" | "in_any"
    zones: tuple[Zone, ...]
    weight: float
    strong: bool = False

    def holds(self, cards_by_zone: Mapping[Zone, list[Card]]) -> tuple[bool, tuple[str, ...]]:
        """Whether the indicator holds for the placed cards of its function (grouped by zone), and
        the ids of the cards that make it hold. Only call it when such cards are placed."""
        inside = [card.id for zone in self.zones for card in cards_by_zone.get(zone, ())]
        if self.condition == "not_in":
            if inside:
                return False, ()
            return True, tuple(card.id for zone in PLACED_ZONES for card in cards_by_zone.get(zone, ()))
        return bool(inside), tuple(inside)

    def describe(self, functions: Mapping[str, TaskFunction], language: str) -> str:
        """A short readable form, e.g. "Werbung: in Marketing"."""
        function = functions.get(self.function)
        name = function.name(language) if function else self.function
        zones = " / ".join(label(f"zone_{zone.value}", language) for zone in self.zones)
        words = {"in": ("in", "in"), "in_any": ("in", "in"), "not_in": ("nicht in", "not in")}
        return f"{name}: {_pick(language, *words[self.condition])} {zones}"


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
    min_judgeable_share: float = 0.5
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
    def total_weight(self) -> float:
        return sum(indicator.weight for indicator in self.indicators)

    @property
    def functions(self) -> frozenset[str]:
        return frozenset(indicator.function for indicator in self.indicators)


@dataclass(frozen=True)
class ArchetypeResult:
    """How far the board resembles one archetype."""

    archetype: Archetype
    score: float  # 0..1: matched weight / judgeable weight; 0 while not judgeable
    resembles: bool
    judgeable: bool  # False: "not enough cards placed yet"
    evidence: tuple[str, ...]  # ids of the cards that make its matched indicators hold
    matched: tuple[Indicator, ...] = field(default=(), compare=False)
    judgeable_weight: float = 0.0
    partial_score: float = 0.0  # matched / judgeable weight even while not judgeable

    @property
    def id(self) -> str:
        return self.archetype.id


@dataclass(frozen=True)
class Diagnosis:
    results: tuple[ArchetypeResult, ...]  # sorted by score, highest first
    reference_conformity: float | None  # None when no card with a function is placed
    off_reference: tuple[str, ...]  # placed cards standing elsewhere than the reference puts them
    placed: int

    def flagged(self) -> list[ArchetypeResult]:
        """The archetypes the board resembles, highest score first."""
        return [result for result in self.results if result.resembles]

    def result(self, archetype_id: str) -> ArchetypeResult:
        for result in self.results:
            if result.archetype.id == archetype_id:
                return result
        raise KeyError(archetype_id)

    def to_json_dict(self) -> dict:
        """The shape `workshop-app diagnose --json` prints."""
        return {
            "archetypes": [
                {"id": r.archetype.id, "score": round(r.score, 4), "resembles": r.resembles,
                 "judgeable": r.judgeable, "evidence": list(r.evidence)}
                for r in self.results
            ],
            "reference_conformity": (None if self.reference_conformity is None
                                     else round(self.reference_conformity, 4)),
            "off_reference": list(self.off_reference),
            "placed": self.placed,
        }


# --- the engine ---


def diagnose(board: Board, archetypes: Iterable[Archetype] | None = None,
             functions: Mapping[str, TaskFunction] | None = None) -> Diagnosis:
    """Diagnose `board` against `archetypes` (default: the resource files)."""
    archetypes = load_archetypes() if archetypes is None else tuple(archetypes)
    functions = load_functions() if functions is None else functions
    by_function, placed, conforming, off_reference, comparable = _read_board(board, functions)
    results = [_judge(archetype, by_function) for archetype in archetypes]
    order = {archetype.id: index for index, archetype in enumerate(archetypes)}
    results.sort(key=lambda r: (-r.score, not r.resembles, order[r.archetype.id]))
    conformity = conforming / comparable if comparable else None
    return Diagnosis(tuple(results), conformity, tuple(off_reference), placed)


def _read_board(board: Board, functions: Mapping[str, TaskFunction]
                ) -> tuple[dict[str, dict[Zone, list[Card]]], int, int, list[str], int]:
    """One pass over the placed cards: cards grouped by function and zone, the number placed, how many
    stand where the reference puts them, the ids of those that do not, and how many have a known
    function (the cards the reference can judge)."""
    by_function: dict[str, dict[Zone, list[Card]]] = {}
    placed = conforming = comparable = 0
    off_reference: list[str] = []
    for card, zone in board.placed():
        placed += 1
        if card.function is None:
            continue
        by_function.setdefault(card.function, {}).setdefault(zone, []).append(card)
        function = functions.get(card.function)
        if function is None:
            continue
        comparable += 1
        if function.reference is zone:
            conforming += 1
        else:
            off_reference.append(card.id)
    return by_function, placed, conforming, off_reference, comparable


def _judge(archetype: Archetype, by_function: Mapping[str, Mapping[Zone, list[Card]]]
           ) -> ArchetypeResult:
    judgeable_weight = matched_weight = 0.0
    strong_judgeable = strong_hold = True
    matched: list[Indicator] = []
    evidence: dict[str, None] = {}
    for indicator in archetype.indicators:
        cards_by_zone = by_function.get(indicator.function)
        if not cards_by_zone:
            strong_judgeable &= not indicator.strong
            strong_hold &= not indicator.strong
            continue
        judgeable_weight += indicator.weight
        holds, cards = indicator.holds(cards_by_zone)
        if holds:
            matched_weight += indicator.weight
            matched.append(indicator)
            evidence.update(dict.fromkeys(cards))
        elif indicator.strong:
            strong_hold = False
    total = archetype.total_weight
    partial = matched_weight / judgeable_weight if judgeable_weight else 0.0
    judgeable = (strong_judgeable and total > 0
                 and judgeable_weight >= archetype.min_judgeable_share * total - 1e-9)
    score = partial if judgeable else 0.0
    resembles = judgeable and strong_hold and score >= archetype.threshold - 1e-9
    return ArchetypeResult(archetype, score, resembles, judgeable, tuple(evidence), tuple(matched),
                           judgeable_weight, partial)


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


def _indicator(entry: object, where: str, functions: Mapping[str, TaskFunction]) -> Indicator:
    if not isinstance(entry, dict):
        raise ArchetypeError(f"{where}: an indicator must be an object")
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
    weight = _number(entry, "weight", where)
    if weight <= 0:
        raise ArchetypeError(f"{where}: weight must be positive")
    return Indicator(function, condition, tuple(Zone(z) for z in zones), weight,
                     bool(entry.get("strong", False)))


def _archetype(entry: object, where: str, functions: Mapping[str, TaskFunction]) -> Archetype:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise ArchetypeError(f"{where}: an archetype must be an object with an id")
    where = f"{where}: archetype {entry['id']!r}"
    raw = entry.get("indicators")
    if not isinstance(raw, list) or not raw:
        raise ArchetypeError(f"{where}: needs a list of indicators")
    indicators = tuple(_indicator(item, where, functions) for item in raw)
    threshold = _number(entry, "threshold", where, 0.6)
    share = _number(entry, "min_judgeable_share", where, 0.5)
    if not (0 < threshold <= 1 and 0 <= share <= 1):
        raise ArchetypeError(f"{where}: threshold must be in (0, 1], min_judgeable_share in [0, 1]")
    return Archetype(entry["id"], *_texts(entry, "name", where), *_texts(entry, "context", where),
                     *_texts(entry, "harm", where), *_texts(entry, "recommendation", where),
                     indicators, threshold, share, *_texts(entry, "summary", where, required=False))


def _files(path: Path | None) -> list[Path]:
    path = Path(path) if path is not None else resource("archetypes")
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        raise ArchetypeError(f"{path}: no archetype files")
    return files


@cache
def load_archetypes(path: Path | str | None = None) -> tuple[Archetype, ...]:
    """The archetypes from one file, or from every *.json in a folder (default:
    resources/archetypes), in file order."""
    functions = load_functions()
    archetypes: list[Archetype] = []
    for file in _files(Path(path) if path is not None else None):
        entries = read_json_object(file, ArchetypeError).get("archetypes")
        if not isinstance(entries, list):
            raise ArchetypeError(f"{file.name}: 'archetypes' must be a list")
        archetypes.extend(_archetype(entry, file.name, functions) for entry in entries)
    ids = [archetype.id for archetype in archetypes]
    if len(set(ids)) != len(ids):
        raise ArchetypeError("archetype ids repeat")
    return tuple(archetypes)


@cache
def _labels(path: Path | None = None) -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}
    for file in _files(path):
        for key, texts in read_json_object(file, ArchetypeError).get("labels", {}).items():
            if isinstance(texts, dict):
                labels[key] = texts
    return labels


def label(key: str, language: str) -> str:
    """A bilingual text printed around a diagnosis outside the Qt UI (CLI, PDF)."""
    texts = _labels().get(key)
    if texts is None:
        raise KeyError(f"no diagnosis label {key!r}")
    return texts.get(language) or texts.get("en") or key
