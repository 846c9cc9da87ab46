"""Rows of the append-only `events` table: one per change, with do/undo/redo and its time."""

from __future__ import annotations

import json
from dataclasses import asdict

from workshop_app.domain.model import Card, CardAdded, CardEdited, CardMoved, Change

INSERT_EVENT = ("INSERT INTO events (at, round, action, kind, card_id, from_zone, from_index, to_zone, "
                "to_index, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def card_detail(card: Card) -> str:
    return json.dumps(asdict(card), ensure_ascii=False)


def board_event_row(stamp: str, round_name: str, action: str, change: Change) -> tuple:
    """The event row of a board record."""
    if isinstance(change, CardMoved):
        return (stamp, round_name, action, "move", change.card_id, change.from_zone.value,
                change.from_index, change.to_zone.value, change.to_index, None)
    if isinstance(change, CardAdded):
        return (stamp, round_name, action, "add", change.card.id, None, None, change.zone.value,
                change.index, card_detail(change.card))
    if isinstance(change, CardEdited):
        return (stamp, round_name, action, "edit", change.card_id, None, None, None, None,
                json.dumps({"before": asdict(change.before), "after": asdict(change.after)},
                           ensure_ascii=False))
    return (stamp, round_name, action, "remove", change.card.id, change.zone.value, change.index, None,
            None, card_detail(change.card))
