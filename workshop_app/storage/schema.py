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

from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from workshop_app.storage.known_schemas import SchemaObjects, schema_of

MIGRATION_SET = "grenzziehung"
MIGRATIONS = Migrations(MIGRATION_SET)
SESSION_TABLES = ("session", "cards", "placements", "events", "notes", "action_items")
SNAPSHOT_FILE = Path(__file__).with_name("schema_snapshot.py")
SNAPSHOT_COMMAND = "python -m workshop_app.storage.schema --write-snapshot"


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


def migrated_schemas() -> dict[SchemaObjects, int]:
    """The exact schema of a file at each version 1..N, made by running the migrations themselves on an
    empty in-memory database: schema -> version. One database is migrated one step at a time and its
    schema taken after each step (what a fresh run of the first N migrations makes). The check of a
    file compares with the snapshot of these (`known_schemas`); a test keeps the two equal."""
    names = known_names()
    schemas: dict[SchemaObjects, int] = {}
    db = Database(memory=True, execute_plugins=False)
    for version in range(1, len(names) + 1):
        MIGRATIONS.apply(db, stop_before=names[version] if version < len(names) else None)
        schemas[schema_of(db.conn)] = version
    db.close()
    return schemas


SNAPSHOT_HEAD = f"""\
# Generated by `{SNAPSHOT_COMMAND}` from the migrations in
# schema.py: do not edit (tests/test_schema_snapshot.py fails when it differs from what they make).
# ruff: noqa: E501
\"\"\"The schema of a session file at each version, as `sqlite_master` holds it (see known_schemas.py).\"\"\"

"""


def snapshot_source() -> str:
    """The text of `schema_snapshot.py` for the migrations as they are now: every object of any
    version once (OBJECTS), and per version the numbers of its objects (VERSIONS)."""
    versions = list(migrated_schemas())  # in version order: made one version after the other
    # sorted as tuples (type, name, table, SQL): the same order in every run, whatever the hashing;
    # only an automatic index has no SQL (None), and its type, name and table are never another's
    objects = sorted(set().union(*versions))
    number = {found: index for index, found in enumerate(objects)}
    lines = [f"MIGRATION_SET = {MIGRATION_SET!r}", f"MIGRATIONS_TABLE = {MIGRATIONS.migrations_table!r}",
             f"MIGRATIONS = {tuple(known_names())!r}",
             "# every object of any version: (type, name, table, SQL)", "OBJECTS = (",
             *(f"    {found!r}," for found in objects), ")",
             "# version N (from 1): the numbers (in OBJECTS) of the objects the first N migrations make",
             "VERSIONS = (", *(f"    {tuple(sorted(number[o] for o in found))!r}," for found in versions),
             ")", ""]
    return SNAPSHOT_HEAD + "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """`--write-snapshot` rewrites schema_snapshot.py from the migrations; `--check` says whether it
    matches them (exit status 1 when not)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m workshop_app.storage.schema")
    parser.add_argument("--write-snapshot", action="store_true", help="rewrite schema_snapshot.py")
    parser.add_argument("--check", action="store_true", help="exit 1 when the snapshot is out of date")
    options = parser.parse_args(argv)
    source = snapshot_source()
    if options.write_snapshot:
        SNAPSHOT_FILE.write_text(source, encoding="utf-8")
        print(f"wrote {SNAPSHOT_FILE}")
        return 0
    current = SNAPSHOT_FILE.read_text(encoding="utf-8") if SNAPSHOT_FILE.exists() else ""
    if current != source:
        print(f"{SNAPSHOT_FILE.name} is out of date: run `{SNAPSHOT_COMMAND}`")
        return 1
    print(f"{SNAPSHOT_FILE.name} matches the migrations")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
