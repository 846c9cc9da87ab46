"""Where each card stands in its zone, as stored: gapped sort keys, so that a move writes one row.

`placements.position` is a sort key within a round's zone, not an index: readers order by it. A board
is written with keys `GAP` apart; a card moved between two others gets the key halfway between theirs
(before the first: one `GAP` less; after the last: one `GAP` more), so a move updates only the moved
card's row. Only when two neighbours' keys are adjacent is the zone renumbered (all its rows, `GAP`
apart again): after about twenty moves into the very same gap. Files with keys 0, 1, 2, ... (written
before this) read the same and are renumbered zone by zone on the first move into each.

`ZoneKeys` mirrors the stored keys of one round in memory. The store has it follow each change record
and writes the rows it collected, in the same transaction as the changes; a zone whose cards in the
mirror differ from the board's (which a correct record sequence never causes) is renumbered from the
board, so the file always ends up holding the board.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from workshop_app.domain.model import ALL_ZONES, Board, CardAdded, CardMoved, CardRemoved, Change, Zone

GAP = 1 << 20
SELECT_KEYS = "SELECT card_id, zone, position FROM placements WHERE round = ? ORDER BY zone, position"


def spaced_keys(count: int) -> list[int]:
    """The keys of `count` cards written afresh: GAP, 2 GAP, ..."""
    return [(index + 1) * GAP for index in range(count)]


class ZoneKeys:
    """The cards of each zone of one round in stored order, with their stored keys."""

    def __init__(self, rows: Iterable[tuple[object, object, object]] = ()) -> None:
        """`rows`: (card id, zone, key) as stored, in (zone, key) order. Rows that are not a card id,
        a known zone and an integer key are left out (their zone then differs from the board's and is
        renumbered on its next write)."""
        self.ids: dict[Zone, list[str]] = {zone: [] for zone in ALL_ZONES}
        self.keys: dict[Zone, list[int]] = {zone: [] for zone in ALL_ZONES}
        self.rows: dict[str, tuple[Zone, int]] = {}  # to write: card id -> zone and key
        for card_id, zone, key in rows:
            if isinstance(card_id, str) and zone in self.ids and type(key) is int:
                self.ids[Zone(zone)].append(card_id)
                self.keys[Zone(zone)].append(key)

    @classmethod
    def read(cls, conn: sqlite3.Connection, round_name: str) -> ZoneKeys:
        return cls(conn.execute(SELECT_KEYS, (round_name,)))

    def follow(self, change: Change, board: Board) -> None:
        """Apply one change record (already applied to `board`) and collect the rows it changed."""
        if isinstance(change, CardRemoved):
            self.rows.pop(change.card.id, None)  # its row is deleted
        written = self.apply(change)
        if written is None:  # no room between two keys: the whole zone gets fresh keys
            zone = change.to_zone if isinstance(change, CardMoved) else change.zone  # type: ignore[union-attr]
            written = self.renumber(zone, board.ids_in(zone))
        self.rows.update(written)

    def take_rows(self, round_name: str, board: Board, zones: Iterable[Zone]) -> list[tuple]:
        """The placement rows to write, (round, card id, zone, key), after checking that the mirror
        holds `board` in `zones` (a zone that differs is renumbered from the board); then forget them."""
        for zone in zones:
            if not self.matches(zone, board.ids_in(zone)):
                self.rows.update(self.renumber(zone, board.ids_in(zone)))
        rows, self.rows = self.rows, {}
        return [(round_name, card_id, zone.value, key) for card_id, (zone, key) in rows.items()]

    def apply(self, change: Change) -> dict[str, tuple[Zone, int]] | None:
        """Follow one change record: the rows to write (card id -> zone and key); None when a zone has
        no room left between two keys (the caller renumbers it)."""
        if isinstance(change, CardMoved):
            self._take(change.from_zone, change.from_index, change.card_id)
            return self._put(change.to_zone, change.to_index, change.card_id)
        if isinstance(change, CardAdded):
            return self._put(change.zone, change.index, change.card.id)
        if isinstance(change, CardRemoved):
            self._take(change.zone, change.index, change.card.id)
        return {}

    def matches(self, zone: Zone, ids: tuple[str, ...]) -> bool:
        return tuple(self.ids[zone]) == ids

    def renumber(self, zone: Zone, ids: Iterable[str]) -> dict[str, tuple[Zone, int]]:
        """Give `zone` the cards `ids` with fresh keys; the rows to write, one per card."""
        self.ids[zone] = list(ids)
        self.keys[zone] = spaced_keys(len(self.ids[zone]))
        return {card_id: (zone, key) for card_id, key in zip(self.ids[zone], self.keys[zone], strict=True)}

    def _take(self, zone: Zone, index: int, card_id: str) -> None:
        ids = self.ids[zone]
        if 0 <= index < len(ids) and ids[index] == card_id:
            del ids[index]
            del self.keys[zone][index]
        # else: the mirror is out of step with the board here; `matches` finds it and it is renumbered

    def _put(self, zone: Zone, index: int, card_id: str) -> dict[str, tuple[Zone, int]] | None:
        ids, keys = self.ids[zone], self.keys[zone]
        index = min(max(index, 0), len(ids))
        before = keys[index - 1] if index > 0 else None
        after = keys[index] if index < len(keys) else None
        if before is None:
            key = GAP if after is None else after - GAP
        elif after is None:
            key = before + GAP
        elif after - before >= 2:
            key = (before + after) // 2
        else:
            return None
        ids.insert(index, card_id)
        keys.insert(index, key)
        return {card_id: (zone, key)}


class StoredKeys:
    """The `ZoneKeys` of the round a store writes: read once, then followed change by change, and read
    again after `forget` (any write that may move placements wholesale, or a failed one)."""

    def __init__(self) -> None:
        self._round: str | None = None
        self._keys: ZoneKeys | None = None

    def of(self, conn: sqlite3.Connection, round_name: str) -> ZoneKeys:
        if self._keys is None or self._round != round_name:
            self._round, self._keys = round_name, ZoneKeys.read(conn, round_name)
        return self._keys

    def forget(self) -> None:
        self._keys = None
