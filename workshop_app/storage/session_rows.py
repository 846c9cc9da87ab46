"""The session's own rows besides the board: the details (table `session`), card notes (`notes`) and
next steps (`action_items`), and how each session change record is written with its event detail.

Writers take an open connection and run inside the caller's transaction. The SQL statements are
named module constants (see TESTING.md: their case would only give equivalent mutants).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict

from workshop_app.domain.session import (
    ActionItem,
    ActionItemsChanged,
    InfoChanged,
    NoteChanged,
    Session,
    SessionInfo,
)

RowChange = NoteChanged | ActionItemsChanged | InfoChanged

UPDATE_INFO = ("UPDATE session SET title = ?, company = ?, facilitator = ?, date = ?, language = ?, "
               "participants = ?, updated_at = ? WHERE id = 1")
UPSERT_NOTE = "INSERT OR REPLACE INTO notes (card_id, note, updated_at) VALUES (?, ?, ?)"
DELETE_NOTE = "DELETE FROM notes WHERE card_id = ?"
DELETE_NOTES = "DELETE FROM notes"
INSERT_NOTE = "INSERT INTO notes (card_id, note, updated_at) VALUES (?, ?, ?)"
DELETE_ACTION_ITEMS = "DELETE FROM action_items"
INSERT_ACTION_ITEM = "INSERT INTO action_items (position, what, who, due, suggestion) VALUES (?, ?, ?, ?, ?)"


def info_values(info: SessionInfo) -> tuple:
    return (info.title, info.company, info.facilitator, info.date, info.language,
            json.dumps(list(info.participants), ensure_ascii=False))


def write_info(conn: sqlite3.Connection, info: SessionInfo, stamp: str) -> None:
    conn.execute(UPDATE_INFO, (*info_values(info), stamp))


def write_note(conn: sqlite3.Connection, card_id: str, note: str, stamp: str) -> None:
    if note.strip():
        conn.execute(UPSERT_NOTE, (card_id, note, stamp))
    else:
        conn.execute(DELETE_NOTE, (card_id,))


def write_action_items(conn: sqlite3.Connection, items: Iterable[ActionItem]) -> None:
    """Replace the next steps, each with the suggestion it was accepted from ("" for none)."""
    conn.execute(DELETE_ACTION_ITEMS)
    conn.executemany(INSERT_ACTION_ITEM, [(i, item.what, item.who, item.due, item.suggestion)
                                          for i, item in enumerate(items)])


def write_notes_and_items(conn: sqlite3.Connection, session: Session, stamp: str) -> None:
    """Every note and next step of `session`, replacing those in the file."""
    conn.execute(DELETE_NOTES)
    conn.executemany(INSERT_NOTE, [(card_id, note, stamp) for card_id, note in session.notes.items()])
    write_action_items(conn, session.action_items)


def write_row_change(conn: sqlite3.Connection, change: RowChange,
                     stamp: str) -> tuple[str, str | None, object]:
    """Write one record's rows; returns the event's kind, card id and detail."""
    if isinstance(change, NoteChanged):
        write_note(conn, change.card_id, change.after, stamp)
        return "note", change.card_id, {"note": change.after}
    if isinstance(change, ActionItemsChanged):
        write_action_items(conn, change.after)
        return "action_items", None, [asdict(item) for item in change.after]
    if isinstance(change, InfoChanged):
        write_info(conn, change.after, stamp)
        return "info", None, asdict(change.after)
    raise TypeError(f"unknown change {change!r}")
