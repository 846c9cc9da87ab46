"""The session file's schema, versioned with sqlite-utils `Migrations`.

Version N means the first N migrations of `MIGRATIONS` are applied. A file that records a migration this
app does not know was written by a newer version and is refused (never migrated down, never touched).

Version 1 (`m001_initial`):
- `session`   one row: title, company, facilitator, date, language, participants (JSON list), deck id,
              the current round, created/updated times
- `cards`     every card of the session, deck and custom, with its function and its order (`seq`)
- `placements` zone and position of each card per round (`as_is` now; later `target` and the halves of
              a perception-gap round)
- `events`    append-only log: each move, add, edit, remove, with do/undo/redo and its time
- `notes`     a note per card
- `action_items` what, who, by when, in order
Version 2 (`m002_dot_votes`): `votes` for dot voting per round and card, and an index to read one
round's board in zone order.
Version 3 (`m003_rounds`): `rounds` (which rounds started: as_is = Ist, target = Soll, perception_a/b =
the perception groups' boards; when and from what) and `perception_groups` (the two groups' names).
An older file's board is its Ist round.
Version 4 (`m004_phase_timer`): `timer`, one row: the phase timer's length, its remaining seconds while
stopped and its end time (UTC, ISO 8601) while running, so that it survives a restart.
Version 5 (`m005_agreement`): the agreement on the target round: `contests` (contested cards in the order
they were marked, with the resolution's reason once decided; their dots per zone go into `votes` with the
zone's name as `voter`), `handoffs` (lead and what passes across per Schnittstelle card),
`accepted_archetypes` (with the group's reason), `agreement` (closed or not), and
`action_items.suggestion` (the suggested next step an item was accepted from).
"""

from __future__ import annotations

from functools import cache

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "grenzziehung"
MIGRATIONS = Migrations(MIGRATION_SET)
SESSION_TABLES = ("session", "cards", "placements", "events", "notes", "action_items")


@MIGRATIONS()
def m001_initial(db: Database) -> None:
    db["session"].create({  # type: ignore[union-attr]
        "id": int, "title": str, "company": str, "facilitator": str, "date": str, "language": str,
        "participants": str, "deck_id": str, "current_round": str, "created_at": str, "updated_at": str,
    }, pk="id", not_null={"title"})
    db["cards"].create({  # type: ignore[union-attr]
        "id": str, "seq": int, "text_de": str, "text_en": str, "function": str, "custom": int,
    }, pk="id", not_null={"seq", "text_de", "text_en", "custom"})
    db["placements"].create({  # type: ignore[union-attr]
        "round": str, "card_id": str, "zone": str, "position": int,
    }, pk=("round", "card_id"), not_null={"zone", "position"})
    db["events"].create({  # type: ignore[union-attr]
        "id": int, "at": str, "round": str, "action": str, "kind": str, "card_id": str,
        "from_zone": str, "from_index": int, "to_zone": str, "to_index": int, "detail": str,
    }, pk="id", not_null={"at", "action", "kind"})
    db["notes"].create({"card_id": str, "note": str, "updated_at": str},  # type: ignore[union-attr]
                       pk="card_id")
    db["action_items"].create({  # type: ignore[union-attr]
        "id": int, "position": int, "what": str, "who": str, "due": str,
    }, pk="id", not_null={"position", "what"})


@MIGRATIONS()
def m002_dot_votes(db: Database) -> None:
    db["votes"].create({  # type: ignore[union-attr]
        "round": str, "card_id": str, "voter": str, "dots": int,
    }, pk=("round", "card_id", "voter"), not_null={"dots"})
    db["placements"].create_index(["round", "zone", "position"],  # type: ignore[union-attr]
                                  index_name="placements_round_zone_position")


@MIGRATIONS()
def m003_rounds(db: Database) -> None:
    db["rounds"].create({  # type: ignore[union-attr]
        "name": str, "position": int, "started_at": str, "source": str,
    }, pk="name", not_null={"position"})
    db["perception_groups"].create({"position": int, "name": str},  # type: ignore[union-attr]
                                   pk="position", not_null={"name"})
    # today's sessions hold one board: whatever rounds have placements (as_is) started with the file
    db.execute("INSERT INTO rounds (name, position, started_at, source) "
               "SELECT DISTINCT p.round, CASE p.round WHEN 'perception_a' THEN 0 "
               "WHEN 'perception_b' THEN 1 WHEN 'target' THEN 3 ELSE 2 END, "
               "(SELECT created_at FROM session WHERE id = 1), '' FROM placements p "
               "WHERE p.round IN ('as_is', 'target', 'perception_a', 'perception_b')")


@MIGRATIONS()
def m004_phase_timer(db: Database) -> None:
    db["timer"].create({  # type: ignore[union-attr]
        "id": int, "length_s": int, "remaining_s": float, "ends_at": str,
    }, pk="id", not_null={"length_s", "remaining_s"})


@MIGRATIONS()
def m005_agreement(db: Database) -> None:
    db["contests"].create({  # type: ignore[union-attr]
        "round": str, "card_id": str, "position": int, "resolution": str,
    }, pk=("round", "card_id"), not_null={"position"})
    db["handoffs"].create({  # type: ignore[union-attr]
        "round": str, "card_id": str, "lead": str, "what": str,
    }, pk=("round", "card_id"), not_null={"lead", "what"})
    db["accepted_archetypes"].create({  # type: ignore[union-attr]
        "round": str, "archetype_id": str, "reason": str,
    }, pk=("round", "archetype_id"), not_null={"reason"})
    db["agreement"].create({"round": str, "closed": int},  # type: ignore[union-attr]
                           pk="round", not_null={"closed"})
    db["action_items"].add_column("suggestion", str)  # type: ignore[union-attr]


def known_names() -> list[str]:
    """The migrations this app knows, in order (Migrations has no public list of them)."""
    return [migration.name for migration in MIGRATIONS._migrations]


def current_version() -> int:
    return len(known_names())


def version_of(applied: list[str]) -> int:
    """The schema version a file with these applied migrations has (unknown names count too)."""
    return len(applied)


SchemaObjects = frozenset[tuple[str, str, str, str | None]]


def schema_of(db: Database) -> SchemaObjects:
    """Every object of the file's schema (type, name, table, SQL), as SQLite stores it. Reads no row of
    any table but sqlite_master."""
    return frozenset(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall())


def expected_schemas() -> dict[SchemaObjects, int]:
    """The exact schema of a file at each version 1..N, made by running the migrations themselves on an
    empty in-memory database (never a hand-written copy): schema -> version."""
    return _expected_schemas(tuple(known_names()))


@cache
def _expected_schemas(names: tuple[str, ...]) -> dict[SchemaObjects, int]:
    """One in-memory database migrated one step at a time, its schema taken after each step (what a
    fresh run of the first N migrations makes; each migration runs once, not once per version)."""
    schemas: dict[SchemaObjects, int] = {}
    db = Database(memory=True, execute_plugins=False)
    for version in range(1, len(names) + 1):
        MIGRATIONS.apply(db, stop_before=names[version] if version < len(names) else None)
        schemas[schema_of(db)] = version
    db.close()
    return schemas


def migrations_table_sql() -> str | None:
    """How this app's migrations table is declared (to read a file's versions only from that table)."""
    newest = max(expected_schemas().items(), key=lambda item: item[1])[0]
    return next((sql for kind, name, _, sql in newest
                 if kind == "table" and name == MIGRATIONS.migrations_table), None)
