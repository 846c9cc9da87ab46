"""The exact-schema check compares a file with a checked-in snapshot (storage/schema_snapshot.py); the
snapshot is what the migrations make, never a hand-written copy: this test runs them on an in-memory
database and fails, naming the command that regenerates it, when the two differ."""

from __future__ import annotations

import sqlite3

import pytest

from workshop_app.domain.deck import load_deck
from workshop_app.domain.session import SessionInfo
from workshop_app.storage import SessionStore, files, known_schemas, schema
from workshop_app.storage.errors import NotASessionError


def test_the_snapshot_is_what_the_migrations_make():
    assert schema.snapshot_source() == schema.SNAPSHOT_FILE.read_text(encoding="utf-8"), (
        f"storage/schema_snapshot.py is out of date: run `{schema.SNAPSHOT_COMMAND}`")
    assert known_schemas.expected_schemas() == schema.migrated_schemas()
    assert known_schemas.known_names() == schema.known_names()
    assert known_schemas.current_version() == schema.current_version() == len(schema.known_names())


def test_every_version_has_its_own_schema_and_the_newest_declares_the_migrations_table():
    expected = known_schemas.expected_schemas()
    assert sorted(expected.values()) == list(range(1, len(schema.known_names()) + 1))
    assert known_schemas.migrations_table_sql() == next(
        sql for kind, name, _, sql in known_schemas.newest_schema() if name == "_sqlite_migrations")
    assert known_schemas.migrations_table_sql().startswith('CREATE TABLE "_sqlite_migrations"')


def test_the_check_command_fails_on_a_stale_snapshot(tmp_path, monkeypatch, capsys):
    stale = tmp_path / "schema_snapshot.py"
    stale.write_text(schema.snapshot_source().replace("NOT NULL", "", 1), encoding="utf-8")
    monkeypatch.setattr(schema, "SNAPSHOT_FILE", stale)
    assert schema.main(["--check"]) == 1
    assert schema.SNAPSHOT_COMMAND in capsys.readouterr().out
    assert schema.main(["--write-snapshot"]) == 0
    assert stale.read_text(encoding="utf-8") == schema.snapshot_source()
    assert schema.main(["--check"]) == 0


def test_a_file_of_each_version_is_accepted_with_its_applied_migrations(tmp_path):
    names = schema.known_names()
    for version in range(1, len(names) + 1):
        folder = tmp_path / f"v{version}"
        folder.mkdir()
        stop = names[version] if version < len(names) else None
        with SessionStore.create(folder, SessionInfo("S"), load_deck().board(), stop_before=stop) as store:
            path = store.path
        conn = files.connect_for_reading(path)
        try:
            assert isinstance(conn, sqlite3.Connection)  # the standard library's, no sqlite-utils
            assert files.validate(conn, path) == names[:version]
            assert known_schemas.applied_names(conn) == names[:version]
        finally:
            conn.close()


def test_a_changed_object_is_refused_by_the_snapshot_check(tmp_path):
    with SessionStore.create(tmp_path, SessionInfo("S"), load_deck().board()) as store:
        path = store.path
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE notes ADD COLUMN extra TEXT")
    conn.commit()
    conn.close()
    with pytest.raises(NotASessionError, match="differs in: notes"):
        files.connect_for_reading(path)
