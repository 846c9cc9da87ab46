"""The schemas this app writes, from the checked-in snapshot: what the exact-schema check compares with.

The check before a file's first row is read (`files.validate`) uses only the standard library's sqlite3
and `schema_snapshot.py`, a file generated from the migrations in `schema.py` (`python -m
workshop_app.storage.schema --write-snapshot`); `tests/test_schema_snapshot.py` runs the migrations on
an in-memory database and fails when the snapshot differs, so it never drifts from them. Opening a
session for reading therefore needs neither sqlite-utils nor a run of the migrations.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from typing import TYPE_CHECKING

from workshop_app.storage import schema_snapshot

if TYPE_CHECKING:
    from typing import TypeAlias

    from sqlite_utils import Database

    Readable: TypeAlias = sqlite3.Connection | Database  # what the readers take: both have execute()

SchemaObjects = frozenset[tuple[str, str, str, str | None]]
MIGRATIONS_TABLE = schema_snapshot.MIGRATIONS_TABLE
SCHEMA_SQL = "SELECT type, name, tbl_name, sql FROM sqlite_master"
APPLIED_SQL = (f'SELECT name FROM "{MIGRATIONS_TABLE}" WHERE migration_set = ? '  # noqa: S608
               "ORDER BY rowid")
TABLES_SQL = "SELECT name FROM sqlite_master WHERE type = 'table'"


def known_names() -> list[str]:
    """The migrations this app knows, in order."""
    return list(schema_snapshot.MIGRATIONS)


def current_version() -> int:
    return len(schema_snapshot.MIGRATIONS)


def version_of(applied: list[str]) -> int:
    """The schema version a file with these applied migrations has (unknown names count too)."""
    return len(applied)


def schema_of(conn: Readable) -> SchemaObjects:
    """Every object of the file's schema (type, name, table, SQL), as SQLite stores it. Reads no row of
    any table but sqlite_master. `conn`: a sqlite3 connection or a sqlite-utils Database."""
    return frozenset(conn.execute(SCHEMA_SQL).fetchall())


@cache
def expected_schemas() -> dict[SchemaObjects, int]:
    """The exact schema of a file at each version 1..N (what the first N migrations make, as the
    snapshot records it): schema -> version."""
    objects = schema_snapshot.OBJECTS
    return {frozenset(objects[number] for number in numbers): version
            for version, numbers in enumerate(schema_snapshot.VERSIONS, start=1)}


def newest_schema() -> SchemaObjects:
    """The schema of a file at the current version."""
    return max(expected_schemas().items(), key=lambda item: item[1])[0]


def migrations_table_sql() -> str | None:
    """How this app's migrations table is declared (to read a file's versions only from that table)."""
    tables = {name: sql for kind, name, _, sql in newest_schema() if kind == "table"}
    return tables.get(MIGRATIONS_TABLE)


def applied_names(conn: Readable) -> list[str]:
    """The migrations of this app's set recorded in the file, in the order they were applied (as
    sqlite-utils' `Migrations.applied` reads them). Only for a file whose migrations table is declared
    as this app declares it."""
    rows = conn.execute(APPLIED_SQL, (schema_snapshot.MIGRATION_SET,)).fetchall()
    return [row[0] for row in rows]


def table_names(conn: Readable) -> set[str]:
    """The tables in the file (an older version has fewer)."""
    return {row[0] for row in conn.execute(TABLES_SQL)}


def column_names(conn: Readable, table: str) -> list[str]:
    """The columns of `table`, in order (a column added by a later migration is missing in an older
    version's file)."""
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
