"""The agreement checks itself: the open points of the target (Soll) board.

Open points, in this order:
- `unplaced`: a card still in the tray;
- `handoff`: a card in the Schnittstelle without a handoff (who leads, what passes across);
- `contested`: a contested card not resolved yet;
- `archetype`: an archetype the target board still resembles, unless the group accepted it with a
  reason.
The agreement is complete when nothing is open. Closing it is a separate, recorded decision: a group
may close an incomplete agreement, and the check says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_app.domain.agreement import Agreement
from workshop_app.domain.agreement_texts import agreement_label
from workshop_app.domain.diagnosis import Diagnosis, diagnose, load_archetypes
from workshop_app.domain.model import Board, Zone

KINDS: tuple[str, ...] = ("unplaced", "handoff", "contested", "archetype")


@dataclass(frozen=True)
class OpenPoint:
    kind: str  # one of KINDS
    card: str | None = None
    archetype: str | None = None

    def to_json(self) -> dict:
        return {"kind": self.kind, "card": self.card, "archetype": self.archetype}


@dataclass(frozen=True)
class AgreementCheck:
    open: tuple[OpenPoint, ...]
    closed: bool

    @property
    def complete(self) -> bool:
        return not self.open

    def to_json_dict(self) -> dict:
        """The shape `workshop-app agreement --json` prints."""
        return {"complete": self.complete, "open": [point.to_json() for point in self.open],
                "closed": self.closed}


def check_agreement(agreement: Agreement, diagnosis: Diagnosis | None = None) -> AgreementCheck:
    """The open points of `agreement` on its target board; `diagnosis` is that board's diagnosis
    (computed when not given)."""
    board = agreement.board
    diagnosis = diagnose(board) if diagnosis is None else diagnosis
    handoffs = agreement.handoffs()
    accepted = agreement.accepted()
    points = [OpenPoint("unplaced", card_id) for card_id in board.ids_in(Zone.UNPLACED)]
    points += [OpenPoint("handoff", card_id) for card_id in board.ids_in(Zone.SHARED)
               if card_id not in handoffs]
    points += [OpenPoint("contested", card_id)
               for card_id, contest in agreement.contests().items() if not contest.resolved]
    points += [OpenPoint("archetype", archetype=result.id) for result in diagnosis.flagged()
               if result.id not in accepted]
    return AgreementCheck(tuple(points), agreement.closed)


def describe(point: OpenPoint, board: Board, language: str) -> str:
    """One open point as a sentence in `language` (texts from resources/agreement.json)."""
    card = " ".join(board.card(point.card).text(language).split()) if point.card else ""
    names = {archetype.id: archetype.name(language) for archetype in load_archetypes()}
    archetype = names.get(point.archetype or "", point.archetype or "")
    return agreement_label(f"open_{point.kind}", language, card=card, archetype=archetype)
