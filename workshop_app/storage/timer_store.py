"""The phase timer's row in a session file (table `timer`, migration `m004_phase_timer`).

A running timer is stored as its end time, a stopped one as its remaining seconds, so reopening the
session shows the timer where it would be had the app kept running.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import TYPE_CHECKING

from workshop_app.domain.timer import TimerChanged, TimerError, TimerState, checked_state
from workshop_app.storage.errors import WriteFailedError

if TYPE_CHECKING:
    from sqlite_utils import Database

    from workshop_app.storage.known_schemas import Readable

TIMER_RECORDS = (TimerChanged,)
_UPSERT = ("INSERT INTO timer (id, length_s, remaining_s, ends_at) VALUES (1, ?, ?, ?) "
           "ON CONFLICT (id) DO UPDATE SET length_s = excluded.length_s, "
           "remaining_s = excluded.remaining_s, ends_at = excluded.ends_at")
_SELECT = "SELECT length_s, remaining_s, ends_at FROM timer WHERE id = 1"


def write_timer(db: Database, state: TimerState, *, name: str = "") -> None:
    """Store `state` in one transaction."""
    try:
        with db.atomic():
            write_timer_row(db.conn, state)
    except sqlite3.Error as exc:
        raise WriteFailedError(path=name, detail=exc) from None


def write_timer_row(conn: sqlite3.Connection, state: TimerState) -> None:
    """Store `state` inside the caller's transaction."""
    ends_at = None if state.ends_at is None else _iso(state.ends_at)
    conn.execute(_UPSERT, (state.length, state.remaining, ends_at))


def write_timer_change(conn: sqlite3.Connection, change: TimerChanged) -> tuple[str, None, object]:
    """Write a timer record's row; returns the event's kind, card id and detail."""
    write_timer_row(conn, change.after)
    return "timer", None, {"action": change.action, "length": change.after.length,
                           "remaining": change.after.remaining, "ends_at": change.after.ends_at}


def read_timer(db: Readable) -> TimerState | None:
    """The stored timer, or None when the session has none yet or its row makes no sense."""
    try:
        row = db.execute(_SELECT).fetchone()
    except sqlite3.Error:
        return None
    if row is None:
        return None
    length, remaining, ends_at = row
    try:
        return checked_state(TimerState(length, remaining,
                                        None if ends_at is None else _epoch(ends_at)))
    except (TimerError, TypeError, ValueError):
        return None  # a damaged timer row costs the timer, never the session


def _iso(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).isoformat(timespec="milliseconds")


def _epoch(text: object) -> float:
    if not isinstance(text, str):
        raise TypeError("the timer's end time must be text")
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.timestamp()
