"""The live diagnosis: which of the article's four archetypes a board resembles, and why.

A pure function of the board (`diagnose`), driven by the archetype data in
`resources/archetypes/*.json` (`archetypes.load_archetypes`).

How a verdict is reached (the same rules stand in the data file's "_about"):

- A *sign* names a task function, a condition (`in` a zone, `in_any` of several, `not_in`: placed
  but not in the zone) and a weight: the example's distinctive deviation from the healthy split.
  A card in the shared strip counts `shared` (a fraction) when the strip is not one of the zones:
  both sides do the task. Several cards of a function: for `in` the best card counts, for `not_in`
  the worst. A *scene* condition earns no score; a placed card contradicting it rules the
  archetype out (the example does not fit).
- Only placed cards are evidence. `score` = the weight the placed cards make hold ÷ the weight of
  every sign whose function has a card on the board (cards still in the tray count as not holding
  yet). So correct placements score nothing, and a board fills its bar as the pattern appears.
- Tray cards could still go anywhere: `worst` and `best` are the scores with every tray card of a
  sign's function placed against, or for, the archetype. State: `resembles` when even the worst
  case reaches the threshold; `does_not_resemble` when a scene condition is contradicted or even the
  best case stays below it; `leaning` when it is still open and the signs placed so far reach the
  threshold on their own; otherwise `not_judgeable`.
- `deciding`: for `leaning`, the tray card(s) and where they would make it resemble; for a score
  within `near` of the threshold, the one card and where that would flip the verdict.

Reference conformity: among placed cards whose function has a reference zone, the share that stands
in that zone; a card in the strip beside its reference side counts half ("shared", not wrong).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from workshop_app.domain.archetype_ids import ARCHETYPE_IDS
from workshop_app.domain.archetypes import (
    CONDITIONS,
    Archetype,
    ArchetypeError,
    Indicator,
    label,
    load_archetypes,
)
from workshop_app.domain.deck import TaskFunction, load_functions
from workshop_app.domain.model import ALL_ZONES, PLACED_ZONES, Board, Zone

__all__ = ["ARCHETYPE_IDS", "CONDITIONS", "STATES", "Archetype", "ArchetypeError", "ArchetypeResult",
           "Diagnosis", "Indicator", "Move", "diagnose", "label", "load_archetypes"]

RESEMBLES, LEANING, DOES_NOT_RESEMBLE, NOT_JUDGEABLE = (
    "resembles", "leaning", "does_not_resemble", "not_judgeable")
STATES: tuple[str, ...] = (RESEMBLES, LEANING, DOES_NOT_RESEMBLE, NOT_JUDGEABLE)
EPSILON = 1e-9

CardsByZone = Mapping[Zone, list[str]]  # the ids of one function's cards, per zone (tray included)
CardsByFunction = Mapping[str, CardsByZone]


@dataclass(frozen=True)
class Move:
    """Placing `card_id` in any of `zones` decides the archetype's verdict."""

    card_id: str
    zones: tuple[Zone, ...]


@dataclass(frozen=True)
class ArchetypeResult:
    """How far the board resembles one archetype, and why."""

    archetype: Archetype
    score: float  # 0..1: sign weight the placed cards make hold / weight of the signs on the board
    state: str  # one of STATES
    evidence: tuple[str, ...]  # the cards behind the score, in sign order
    against: tuple[str, ...] = ()  # placed cards that speak against it
    deciding: tuple[Move, ...] = ()  # leaning or near the threshold: what would decide it
    near: bool = False  # the score is within the archetype's `near` of its threshold
    matched: tuple[Indicator, ...] = field(default=(), compare=False)

    @property
    def id(self) -> str:
        return self.archetype.id

    @property
    def resembles(self) -> bool:
        return self.state == RESEMBLES

    @property
    def judgeable(self) -> bool:
        """A verdict is given (resembles or does not)."""
        return self.state in (RESEMBLES, DOES_NOT_RESEMBLE)


@dataclass(frozen=True)
class Diagnosis:
    results: tuple[ArchetypeResult, ...]  # sorted by score, highest first
    reference_conformity: float | None  # None when no card with a function is placed
    off_reference: tuple[str, ...]  # placed cards on the other side than the reference puts them
    placed: int
    shared_instead: tuple[str, ...] = ()  # cards in the strip beside their reference side

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
                {"id": r.archetype.id, "score": round(r.score, 4), "state": r.state,
                 "resembles": r.resembles, "judgeable": r.judgeable, "evidence": list(r.evidence),
                 "against": list(r.against),
                 "deciding": [{"card": m.card_id, "zones": [z.value for z in m.zones]}
                              for m in r.deciding]}
                for r in self.results
            ],
            "reference_conformity": (None if self.reference_conformity is None
                                     else round(self.reference_conformity, 4)),
            "off_reference": list(self.off_reference),
            "shared_instead": list(self.shared_instead),
            "placed": self.placed,
        }


# --- the engine ---


def diagnose(board: Board, archetypes: Iterable[Archetype] | None = None,
             functions: Mapping[str, TaskFunction] | None = None) -> Diagnosis:
    """Diagnose `board` against `archetypes` (default: the resource files)."""
    archetypes = load_archetypes() if archetypes is None else tuple(archetypes)
    functions = load_functions() if functions is None else functions
    by_function = _cards_by_function(board)
    results = [judge(archetype, by_function) for archetype in archetypes]
    order = {archetype.id: index for index, archetype in enumerate(archetypes)}
    results.sort(key=lambda r: (-r.score, STATES.index(r.state), order[r.archetype.id]))
    placed = sum(len(board.ids_in(zone)) for zone in PLACED_ZONES)
    conformity, off_reference, shared_instead = _reference(board, functions)
    return Diagnosis(tuple(results), conformity, off_reference, placed, shared_instead)


def _cards_by_function(board: Board) -> dict[str, dict[Zone, list[str]]]:
    """The ids of the cards that name a function, by function and zone (the tray included)."""
    by_function: dict[str, dict[Zone, list[str]]] = {}
    for zone in ALL_ZONES:
        for card in board.cards_in(zone):
            if card.function is not None:
                by_function.setdefault(card.function, {}).setdefault(zone, []).append(card.id)
    return by_function


def _reference(board: Board, functions: Mapping[str, TaskFunction]
               ) -> tuple[float | None, tuple[str, ...], tuple[str, ...]]:
    """Conformity with the reference split, the cards on the wrong side, and the cards in the strip
    beside their reference side (half conforming)."""
    conforming = comparable = 0.0
    off_reference: list[str] = []
    shared_instead: list[str] = []
    for card, zone in board.placed():
        function = functions.get(card.function) if card.function is not None else None
        if function is None:
            continue
        comparable += 1
        if function.reference is zone:
            conforming += 1
        elif zone is Zone.SHARED:
            conforming += 0.5
            shared_instead.append(card.id)
        else:
            off_reference.append(card.id)
    conformity = conforming / comparable if comparable else None
    return conformity, tuple(off_reference), tuple(shared_instead)


@dataclass(frozen=True)
class _Reading:
    """One indicator read on the board: its credit from the placed cards (None: none placed), and
    the lowest and highest credit once the tray cards of its function are placed too."""

    indicator: Indicator
    credit: float | None
    low: float
    high: float


def _read(indicator: Indicator, cards: CardsByZone) -> _Reading:
    credit = indicator.credit([zone for zone in PLACED_ZONES if cards.get(zone)])
    if credit is None:
        return _Reading(indicator, None, 0.0, 1.0)
    tray = bool(cards.get(Zone.UNPLACED))
    if indicator.condition == "not_in":
        return _Reading(indicator, credit, 0.0 if tray else credit, credit)
    return _Reading(indicator, credit, credit, 1.0 if tray else credit)


def _readings(archetype: Archetype, by_function: CardsByFunction) -> list[_Reading]:
    """The indicators whose function has a card on the board, read."""
    return [_read(indicator, by_function[indicator.function]) for indicator in archetype.indicators
            if by_function.get(indicator.function)]


def _verdict(archetype: Archetype, readings: list[_Reading]) -> tuple[str, float]:
    signs = [reading for reading in readings if not reading.indicator.scene]
    total = sum(reading.indicator.weight for reading in signs)
    if not total:
        return NOT_JUDGEABLE, 0.0
    score = sum(r.indicator.weight * (r.credit or 0.0) for r in signs) / total
    threshold = archetype.threshold - EPSILON
    if any(reading.indicator.scene and reading.credit == 0.0 for reading in readings):
        return DOES_NOT_RESEMBLE, score
    if sum(r.indicator.weight * r.low for r in signs) / total >= threshold:
        return RESEMBLES, score
    if sum(r.indicator.weight * r.high for r in signs) / total < threshold:
        return DOES_NOT_RESEMBLE, score
    judged = [reading for reading in signs if reading.credit is not None]
    judged_weight = sum(reading.indicator.weight for reading in judged)
    if judged_weight and score * total / judged_weight >= threshold:
        return LEANING, score
    return NOT_JUDGEABLE, score


def judge(archetype: Archetype, by_function: CardsByFunction) -> ArchetypeResult:
    """The result of one archetype on a board read by `_cards_by_function`."""
    readings = _readings(archetype, by_function)
    state, score = _verdict(archetype, readings)
    near = abs(score - archetype.threshold) <= archetype.near + EPSILON
    evidence: dict[str, None] = {}
    against: dict[str, None] = {}
    for reading in readings:
        cards = by_function[reading.indicator.function]
        for card_id, credit in _placed_credits(reading.indicator, cards):
            if credit == 0 and reading.credit == 0:
                against[card_id] = None
            elif credit > 0 and reading.credit and not reading.indicator.scene:
                evidence[card_id] = None
    matched = tuple(r.indicator for r in readings if r.credit and not r.indicator.scene)
    deciding = _deciding(archetype, by_function, readings, state, score)
    return ArchetypeResult(archetype, score, state, tuple(evidence), tuple(against), deciding,
                           near and score > 0, matched)


def _placed_credits(indicator: Indicator, cards: CardsByZone) -> list[tuple[str, float]]:
    return [(card_id, indicator.credit_in(zone)) for zone in PLACED_ZONES
            for card_id in cards.get(zone, ())]


# --- what would decide it ---


def _deciding(archetype: Archetype, by_function: CardsByFunction, readings: list[_Reading],
              state: str, score: float) -> tuple[Move, ...]:
    threshold, near = archetype.threshold, archetype.near + EPSILON
    blocking = [r.indicator for r in readings if r.indicator.scene and r.credit == 0.0]
    signs = sorted(archetype.signs, key=lambda indicator: -indicator.weight)
    move = None
    if state == LEANING:
        move = _single_move(archetype, by_function, signs, lambda s: s == RESEMBLES, from_tray=True)
        if move is None:
            return _completion(archetype, by_function, readings)
    elif state == RESEMBLES and score <= threshold + near:
        move = _single_move(archetype, by_function, signs, lambda s: s != RESEMBLES, from_tray=False)
    elif state in (DOES_NOT_RESEMBLE, NOT_JUDGEABLE) and score >= threshold - near:
        # still open: a card from the tray decides it; decided: any card may
        move = _single_move(archetype, by_function, [*blocking, *signs], lambda s: s == RESEMBLES,
                            from_tray=True if state == NOT_JUDGEABLE else None)
    return (move,) if move else ()


def _single_move(archetype: Archetype, by_function: CardsByFunction, indicators: list[Indicator],
                 wanted: Callable[[str], bool], from_tray: bool | None) -> Move | None:
    """The first card of `indicators` whose move to some zone gives a wanted state, with every such
    zone. `from_tray`: only tray cards (True), only placed cards (False), or both (None)."""
    for indicator in indicators:
        cards = by_function.get(indicator.function)
        if not cards:
            continue
        for source in ALL_ZONES:
            if not cards.get(source) or (from_tray is not None
                                         and (source is Zone.UNPLACED) != from_tray):
                continue
            card_id = cards[source][0]
            zones = tuple(target for target in PLACED_ZONES if target is not source and wanted(
                _state_after(archetype, by_function, indicator.function, card_id, source, target)))
            if zones:
                return Move(card_id, zones)
    return None


def _state_after(archetype: Archetype, by_function: CardsByFunction, function: str, card_id: str,
                 source: Zone, target: Zone) -> str:
    cards = by_function[function]
    moved = {**cards, source: [i for i in cards[source] if i != card_id],
             target: [*cards.get(target, ()), card_id]}
    return _verdict(archetype, _readings(archetype, {**by_function, function: moved}))[0]


def _completion(archetype: Archetype, by_function: CardsByFunction,
                readings: list[_Reading]) -> tuple[Move, ...]:
    """For a leaning archetype that no single card decides: the tray cards of the heaviest open
    signs, each to the zone where it holds fully, until the worst case reaches the threshold."""
    signs = [reading for reading in readings if not reading.indicator.scene]
    total = sum(reading.indicator.weight for reading in signs)
    worst = sum(reading.indicator.weight * reading.low for reading in signs) / total
    moves: list[Move] = []
    for reading in sorted(signs, key=lambda r: -r.indicator.weight * (r.high - r.low)):
        if worst >= archetype.threshold - EPSILON or reading.high <= reading.low:
            continue
        tray = by_function[reading.indicator.function].get(Zone.UNPLACED, [])
        moves += [Move(card_id, reading.indicator.best_zones()) for card_id in tray]
        worst += reading.indicator.weight * (reading.high - reading.low) / total
    return tuple(moves)
