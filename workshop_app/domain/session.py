"""A workshop session: who ran it, with whom, and the board it produced.

Rounds: a session holds one board per round (`as_is` today; later `target` and the two halves of a
perception-gap round) on the same deck. The storage keeps every round's placements apart, so those
rounds fit without a change of schema.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from workshop_app.domain.model import Board
from workshop_app.domain.rounds import IST, Rounds

DEFAULT_ROUND = "as_is"


@dataclass
class ActionItem:
    """What is to be done, by whom, by when (free text: teams write dates their own way)."""

    what: str
    who: str = ""
    due: str = ""


@dataclass
class SessionInfo:
    title: str
    company: str = ""
    facilitator: str = ""
    date: str = field(default_factory=lambda: _dt.date.today().isoformat())
    language: str = "de"
    participants: list[str] = field(default_factory=list)


@dataclass
class Session:
    info: SessionInfo
    board: Board
    notes: dict[str, str] = field(default_factory=dict)  # card id -> note
    action_items: list[ActionItem] = field(default_factory=list)
    round: str = DEFAULT_ROUND
    rounds: Rounds | None = None  # every round's board; `board` is the active round's

    def __post_init__(self) -> None:
        if self.rounds is None:
            self.rounds = Rounds({IST: self.board})
