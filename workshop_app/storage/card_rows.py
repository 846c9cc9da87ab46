"""The cards of a session in SQLite (table `cards`: every card with its texts, function, custom flag and
board order `seq`), and how a board record is written.

Writers take an open connection and run inside the caller's transaction. The statements are module
constants (see TESTING.md: mutmut mutates function bodies only, and SQL in another case is the same SQL).
"""

from __future__ import annotations

import sqlite3

from workshop_app.domain.model import Board, Card, CardAdded, CardEdited, CardMoved, CardRemoved, Change, Zone

DELETE_CARDS = "DELETE FROM cards"
INSERT_CARD = "INSERT INTO cards (id, seq, text_de, text_en, function, custom) VALUES (?, ?, ?, ?, ?, ?)"
REPLACE_CARD = ("INSERT OR REPLACE INTO cards (id, seq, text_de, text_en, function, custom) "
                "VALUES (?, ?, ?, ?, ?, ?)")
NEXT_SEQ = "SELECT COALESCE(MAX(seq), -1) + 1 FROM cards"
UPDATE_CARD = "UPDATE cards SET text_de = ?, text_en = ?, function = ?, custom = ? WHERE id = ?"
DELETE_CARD = "DELETE FROM cards WHERE id = ?"
DELETE_CARD_PLACEMENTS = "DELETE FROM placements WHERE card_id = ?"


def card_row(card: Card, seq: int) -> tuple:
    return (card.id, seq, card.text_de, card.text_en, card.function, int(card.custom))


def write_cards(conn: sqlite3.Connection, board: Board) -> None:
    """Insert every card of `board`, in board order."""
    conn.executemany(INSERT_CARD, [card_row(card, seq) for seq, card in enumerate(board.cards())])


def write_board_change(conn: sqlite3.Connection, change: Change) -> set[Zone]:
    """Write the card row a board record changed (a move changes none); returns the zones whose
    placements it touched."""
    if isinstance(change, CardMoved):
        return {change.from_zone, change.to_zone}
    if isinstance(change, CardAdded):
        seq = conn.execute(NEXT_SEQ).fetchone()[0]
        conn.execute(REPLACE_CARD, card_row(change.card, seq))
        return {change.zone}
    if isinstance(change, CardEdited):
        card = change.after
        conn.execute(UPDATE_CARD, (card.text_de, card.text_en, card.function, int(card.custom), card.id))
        return set()
    if isinstance(change, CardRemoved):
        conn.execute(DELETE_CARD, (change.card.id,))
        conn.execute(DELETE_CARD_PLACEMENTS, (change.card.id,))
        return {change.zone}
    raise TypeError(f"unknown change {change!r}")
