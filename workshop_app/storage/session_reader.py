"""Reading a session file: the session row, the cards, every round's board, notes and next steps.

`read_session` reads a file without holding it (command line, the Open list, exports); the store's
`load` reads through its own connection. Content of the wrong shape is a one-line SessionError. The
SQL statements are named module constants (see TESTING.md: their case would only give equivalent
mutants).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app.domain.agreement import AGREEMENT_ROUND
from workshop_app.domain.model import LANGUAGES, MAX_CARDS, Card
from workshop_app.domain.session import DEFAULT_ROUND, ActionItem, Session, SessionInfo
from workshop_app.storage import files
from workshop_app.storage.agreement_rows import read_agreement
from workshop_app.storage.errors import CorruptError, NotASessionError, SessionError
from workshop_app.storage.known_schemas import column_names
from workshop_app.storage.round_rows import read_rounds
from workshop_app.storage.timer_store import read_timer

if TYPE_CHECKING:
    from workshop_app.storage.known_schemas import Readable

SELECT_CURRENT_ROUND = "SELECT current_round FROM session WHERE id = 1"
SELECT_INFO = "SELECT title, company, facilitator, date, language, participants FROM session WHERE id = 1"
COUNT_CARDS = "SELECT count(*) FROM cards"
SELECT_CARDS = "SELECT id, text_de, text_en, function, custom FROM cards ORDER BY seq, id"
SELECT_NOTES = "SELECT card_id, note FROM notes ORDER BY card_id"
SELECT_ACTION_ITEMS = "SELECT what, who, due, suggestion FROM action_items ORDER BY position, id"
SELECT_ACTION_ITEMS_BEFORE_M005 = "SELECT what, who, due, '' FROM action_items ORDER BY position, id"


def read_session(path: Path) -> Session:
    """Read a session file without holding it (for the command line, the Open list, exports)."""
    path = Path(path)
    files.check_header(path)
    db = files.connect_for_reading(path)
    try:
        return load(db, current_round(db), path)
    except sqlite3.Error as exc:
        raise CorruptError(path=path, detail=exc) from None
    finally:
        db.close()


def current_round(db: Readable) -> str:
    """The round the session shows now; the first round when the file names none."""
    row = db.execute(SELECT_CURRENT_ROUND).fetchone()
    return row[0] if row and isinstance(row[0], str) and row[0] else DEFAULT_ROUND


def load(db: Readable, round_name: str, path: Path) -> Session:
    """The session in the file, or a SessionError naming what is wrong with its content."""
    try:
        return _read(db, round_name)
    except sqlite3.Error as exc:
        raise CorruptError(path=path, detail=exc) from None
    except (ValueError, TypeError, KeyError, RecursionError) as exc:  # content of the wrong shape
        if isinstance(exc, SessionError):
            raise
        raise NotASessionError(path=path, detail=" ".join(str(exc).split())[:200]) from None


def _read(db: Readable, round_name: str) -> Session:
    row = db.execute(SELECT_INFO).fetchone()
    if row is None:
        raise ValueError("the session row is missing")
    title, company, facilitator, date, language = (_text(value, "session") for value in row[:5])
    participants = json.loads(_text(row[5], "participants") or "[]")
    if not isinstance(participants, list) or not all(isinstance(p, str) for p in participants):
        raise ValueError("participants must be a list of names")
    info = SessionInfo(title=title, company=company, facilitator=facilitator, date=date,
                       language=language if language in LANGUAGES else "de", participants=participants)
    (count,) = db.execute(COUNT_CARDS).fetchone()
    if count > MAX_CARDS:
        raise ValueError(f"too many cards: {count} (a board holds at most {MAX_CARDS})")
    cards = [_card(*row) for row in db.execute(SELECT_CARDS)]
    rounds = read_rounds(db, cards, round_name, _text)
    notes = {_text(card_id, "note"): _text(note, "note")
             for card_id, note in db.execute(SELECT_NOTES)}
    session = Session(info, rounds.board(), notes, _action_items(db), rounds.active, rounds)
    read_agreement(db, AGREEMENT_ROUND, session.agreement)
    timer = read_timer(db)
    if timer is not None:
        session.timer.restore(timer)
    return session


def _action_items(db: Readable) -> list[ActionItem]:
    """The next steps in order; `suggestion` is there from m005_agreement on."""
    has_suggestion = "suggestion" in column_names(db, "action_items")
    rows = db.execute(SELECT_ACTION_ITEMS if has_suggestion else SELECT_ACTION_ITEMS_BEFORE_M005)
    return [ActionItem(*(_text(value, "action item") for value in row)) for row in rows]


def _text(value: object, where: str) -> str:
    """A text column's value: NULL reads as empty, anything but text is refused."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(f"{where}: text expected, found {type(value).__name__}")
    return value


def _card(card_id: object, text_de: object, text_en: object, function: object, custom: object) -> Card:
    if not isinstance(card_id, str) or not card_id:
        raise TypeError("a card id must be text")
    if function is not None and not isinstance(function, str):
        raise TypeError(f"card {card_id!r}: the function must be text")
    if not isinstance(custom, int):
        raise TypeError(f"card {card_id!r}: custom must be 0 or 1")
    return Card(card_id, _text(text_de, f"card {card_id!r}"), _text(text_en, f"card {card_id!r}"),
                function, bool(custom)).validated()
