"""The rounds of a session in SQLite: which rounds started (table `rounds`), the perception groups'
names (`perception_groups`) and every round's placements (`placements`, keyed by round).

Writers take an open connection and run inside the caller's transaction; `read_rounds` builds the
domain `Rounds` from a file. The SQL statements are named module constants (see TESTING.md: their case
would only give equivalent mutants).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from workshop_app.domain.model import ALL_ZONES, Board, Card, Zone
from workshop_app.domain.rounds import (
    IST,
    ROUND_ORDER,
    GroupRenamed,
    RoundChange,
    Rounds,
    RoundStarted,
    RoundSwitched,
)
from workshop_app.storage.known_schemas import table_names
from workshop_app.storage.positions import spaced_keys

if TYPE_CHECKING:
    from workshop_app.storage.known_schemas import Readable

UPSERT_PLACEMENT = ("INSERT INTO placements (round, card_id, zone, position) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (round, card_id) DO UPDATE SET zone = excluded.zone, "
                    "position = excluded.position")
DELETE_PLACEMENTS = "DELETE FROM placements WHERE round = ?"
UPSERT_ROUND = ("INSERT INTO rounds (name, position, started_at, source) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET started_at = excluded.started_at, source = excluded.source")
SET_CURRENT_ROUND = "UPDATE session SET current_round = ? WHERE id = 1"
DELETE_GROUPS = "DELETE FROM perception_groups"
UPSERT_GROUP = ("INSERT INTO perception_groups (position, name) VALUES (?, ?) "
                "ON CONFLICT (position) DO UPDATE SET name = excluded.name")
SELECT_STARTED = "SELECT name FROM rounds"
SELECT_GROUPS = "SELECT name FROM perception_groups ORDER BY position"
SELECT_PLACEMENTS = "SELECT card_id, zone FROM placements WHERE round = ? ORDER BY zone, position"


def placement_rows(round_name: str, board: Board, zones: Iterable[Zone]) -> list[tuple]:
    """Every card of `zones` with a fresh sort key (`positions`: GAP apart, so later moves write one row)."""
    return [(round_name, card_id, zone.value, key) for zone in zones
            for card_id, key in zip(board.ids_in(zone), spaced_keys(len(board.ids_in(zone))), strict=True)]


def write_round_board(conn: sqlite3.Connection, round_name: str, board: Board, stamp: str,
                      source: str = "") -> None:
    """`round_name` holds `board` from now on: its placements replaced, the round marked started."""
    conn.execute(DELETE_PLACEMENTS, (round_name,))
    conn.executemany(UPSERT_PLACEMENT, placement_rows(round_name, board, ALL_ZONES))
    conn.execute(UPSERT_ROUND, (round_name, ROUND_ORDER.index(round_name), stamp, source))


def write_groups(conn: sqlite3.Connection, groups: Iterable[str]) -> None:
    conn.execute(DELETE_GROUPS)
    conn.executemany(UPSERT_GROUP, list(enumerate(groups)))


def write_all_rounds(conn: sqlite3.Connection, rounds: Rounds, stamp: str) -> None:
    """Every round's board, the groups and the active round (a new session or an import)."""
    for name in rounds.names():
        write_round_board(conn, name, rounds.board(name), stamp)
    if rounds.has_perception:
        write_groups(conn, rounds.groups)
    conn.execute(SET_CURRENT_ROUND, (rounds.active,))


def write_round_change(conn: sqlite3.Connection, change: RoundChange, stamp: str) -> dict:
    """Write a round record; returns the event detail to log."""
    if isinstance(change, RoundStarted):
        write_round_board(conn, change.name, change.board, stamp, change.source)
        if change.groups:
            write_groups(conn, change.groups)
        conn.execute(SET_CURRENT_ROUND, (change.name,))
        return {"kind": "round_start", "round": change.name, "source": change.source}
    if isinstance(change, RoundSwitched):
        conn.execute(SET_CURRENT_ROUND, (change.to_round,))
        return {"kind": "round_switch", "round": change.to_round, "from": change.from_round}
    if isinstance(change, GroupRenamed):
        conn.execute(UPSERT_GROUP, (change.index, change.after))
        return {"kind": "group_name", "index": change.index, "before": change.before,
                "after": change.after}
    raise TypeError(f"unknown round change {change!r}")


def event_detail(detail: dict) -> str:
    return json.dumps(detail, ensure_ascii=False)


def read_rounds(db: Readable, cards: list[Card], active: str, text: type) -> Rounds:
    """Every started round's board over `cards`; a file without rounds has its board as Ist.
    `text(value, where)` checks a text column."""
    migrated = "rounds" in table_names(db)  # a reader does not migrate: an older file has its Ist only
    started = {name for (name,) in db.execute(SELECT_STARTED)} if migrated else set()
    names = [name for name in ROUND_ORDER if name in started | {IST}]
    boards = {name: _board(db, cards, name, text) for name in names}
    groups = [text(name, "group") for (name,) in db.execute(SELECT_GROUPS)] if migrated else []
    return Rounds(boards, active, groups if len(groups) == 2 else None)


def _board(db: Readable, cards: list[Card], round_name: str, text: type) -> Board:
    zones: dict[Zone, list[str]] = {zone: [] for zone in ALL_ZONES}
    for card_id, zone in db.execute(SELECT_PLACEMENTS, (round_name,)):
        zones[Zone(text(zone, "zone"))].append(text(card_id, "card id"))
    return Board.from_zones(cards, zones)
