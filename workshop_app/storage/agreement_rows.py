"""The agreement's rows in a session file (tables of migration m003_agreement, plus `votes` of m002).

`write_agreement_change` writes one agreement record inside the caller's transaction and returns the
event to log for it; `read_agreement` fills an `Agreement` from the file. The contested card's dots
are rows of `votes` with the zone's name as the voter. A file older than m003 read without migrating
(read-only) simply has no agreement yet. The SQL statements are named module constants (see TESTING.md:
their case would only give equivalent mutants).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from workshop_app.domain.agreement import (
    AGREEMENT_ROUND,
    Agreement,
    AgreementChange,
    AgreementClosed,
    ArchetypeAccepted,
    Contest,
    ContestChanged,
    Handoff,
    HandoffChanged,
    Votes,
    restore,
)
from workshop_app.domain.model import PLACED_ZONES, Zone
from workshop_app.storage.known_schemas import table_names

if TYPE_CHECKING:
    from workshop_app.storage.known_schemas import Readable

AGREEMENT_TABLES = ("contests", "handoffs", "accepted_archetypes", "agreement")
AGREEMENT_RECORDS = (ContestChanged, HandoffChanged, ArchetypeAccepted, AgreementClosed)
ROUND_TABLES = (*AGREEMENT_TABLES, "votes")  # every table with rows of a round's agreement

DELETE_VOTES = "DELETE FROM votes WHERE round = ? AND card_id = ?"
INSERT_VOTES = "INSERT INTO votes (round, card_id, voter, dots) VALUES (?, ?, ?, ?)"
DELETE_CONTEST = "DELETE FROM contests WHERE round = ? AND card_id = ?"
UPSERT_CONTEST = ("INSERT INTO contests (round, card_id, position, resolution) VALUES (?, ?, "
                  "(SELECT COALESCE(MAX(position), -1) + 1 FROM contests WHERE round = ?), ?) "
                  "ON CONFLICT (round, card_id) DO UPDATE SET resolution = excluded.resolution")
DELETE_HANDOFF = "DELETE FROM handoffs WHERE round = ? AND card_id = ?"
INSERT_HANDOFF = "INSERT INTO handoffs (round, card_id, lead, what) VALUES (?, ?, ?, ?)"
DELETE_ACCEPTED = "DELETE FROM accepted_archetypes WHERE round = ? AND archetype_id = ?"
INSERT_ACCEPTED = "INSERT INTO accepted_archetypes (round, archetype_id, reason) VALUES (?, ?, ?)"
UPSERT_CLOSED = ("INSERT INTO agreement (round, closed) VALUES (?, ?) ON CONFLICT (round) "
                 "DO UPDATE SET closed = excluded.closed")
SELECT_VOTES = "SELECT card_id, voter, dots FROM votes WHERE round = ?"
SELECT_CONTESTS = "SELECT card_id, resolution FROM contests WHERE round = ? ORDER BY position, card_id"
SELECT_HANDOFFS = "SELECT card_id, lead, what FROM handoffs WHERE round = ?"
SELECT_ACCEPTED = "SELECT archetype_id, reason FROM accepted_archetypes WHERE round = ? ORDER BY archetype_id"
SELECT_CLOSED = "SELECT closed FROM agreement WHERE round = ?"


def write_agreement_change(conn: sqlite3.Connection, change: AgreementChange,
                           round_name: str = AGREEMENT_ROUND) -> tuple[str, str | None, object]:
    """Write `change` (no commit: the caller's transaction); returns the event's kind, card id and
    detail."""
    if isinstance(change, ContestChanged):
        _write_contest(conn, round_name, change.card_id, change.after)
        return "contest", change.card_id, _contest_json(change.after)
    if isinstance(change, HandoffChanged):
        _write_handoff(conn, round_name, change.card_id, change.after)
        after = None if change.after is None else {"lead": change.after.lead.value,
                                                   "what": change.after.what}
        return "handoff", change.card_id, after
    if isinstance(change, ArchetypeAccepted):
        conn.execute(DELETE_ACCEPTED, (round_name, change.archetype_id))
        if change.after is not None:
            conn.execute(INSERT_ACCEPTED, (round_name, change.archetype_id, change.after))
        return "accept", None, {change.archetype_id: change.after}
    if isinstance(change, AgreementClosed):
        conn.execute(UPSERT_CLOSED, (round_name, int(change.after)))
        return "close", None, change.after
    raise TypeError(f"not an agreement change: {change!r}")


def write_whole_agreement(conn: sqlite3.Connection, agreement: Agreement,
                          round_name: str = AGREEMENT_ROUND) -> None:
    """Replace the round's agreement rows with `agreement` (an import); nothing in a file older than
    m005_agreement."""
    if not set(AGREEMENT_TABLES) <= table_names(conn):
        return
    for table in ROUND_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE round = ?", (round_name,))  # noqa: S608 - fixed names
    for card_id, contest in agreement.contests().items():
        _write_contest(conn, round_name, card_id, contest)
    for card_id, handoff in agreement.handoffs().items():
        _write_handoff(conn, round_name, card_id, handoff)
    conn.executemany(INSERT_ACCEPTED, [(round_name, key, reason)
                                       for key, reason in agreement.accepted().items()])
    conn.execute(UPSERT_CLOSED, (round_name, int(agreement.closed)))

def read_agreement(db: Readable, round_name: str, agreement: Agreement) -> Agreement:
    """Fill the new `agreement` with the round's stored agreement (validated as any change is)."""
    if not set(AGREEMENT_TABLES) <= table_names(db):
        return agreement
    votes: dict[str, dict[str, int]] = {}
    for card_id, zone, dots in db.execute(SELECT_VOTES, (round_name,)):
        votes.setdefault(card_id, {})[zone] = dots
    contests = {card_id: Contest(_votes(votes.get(card_id, {})), resolution)
                for card_id, resolution in db.execute(SELECT_CONTESTS, (round_name,))}
    handoffs = {card_id: Handoff(_lead(lead), what)
                for card_id, lead, what in db.execute(SELECT_HANDOFFS, (round_name,))}
    accepted = dict(db.execute(SELECT_ACCEPTED, (round_name,)).fetchall())
    row = db.execute(SELECT_CLOSED, (round_name,)).fetchone()
    return restore(agreement, contests, handoffs, accepted, bool(row and row[0]))


def _write_contest(conn: sqlite3.Connection, round_name: str, card_id: str,
                   contest: Contest | None) -> None:
    conn.execute(DELETE_VOTES, (round_name, card_id))
    if contest is None:
        conn.execute(DELETE_CONTEST, (round_name, card_id))
        return
    conn.execute(UPSERT_CONTEST, (round_name, card_id, round_name, contest.resolution))
    conn.executemany(INSERT_VOTES, [(round_name, card_id, zone.value, contest.votes.count(zone))
                                    for zone in PLACED_ZONES if contest.votes.count(zone)])


def _write_handoff(conn: sqlite3.Connection, round_name: str, card_id: str,
                   handoff: Handoff | None) -> None:
    conn.execute(DELETE_HANDOFF, (round_name, card_id))
    if handoff is not None:
        conn.execute(INSERT_HANDOFF, (round_name, card_id, handoff.lead.value, handoff.what))


def _votes(counts: dict[str, int]) -> Votes:
    names = {zone.value for zone in PLACED_ZONES}
    unknown = set(counts) - names
    if unknown:
        raise ValueError(f"votes for an unknown zone {sorted(unknown)[0]!r}")
    return Votes(**counts)


def _lead(value: object) -> Zone:
    if value not in (Zone.MARKETING.value, Zone.SALES.value):
        raise ValueError(f"a handoff's lead is marketing or sales, not {value!r}")
    return Zone(value)


def _contest_json(contest: Contest | None) -> dict | None:
    if contest is None:
        return None
    return {"votes": contest.votes.to_json(), "resolution": contest.resolution}



