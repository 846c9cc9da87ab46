"""The line a person reads when a session file's schema is not one this app wrote (storage/files.py:
validate and _foreign), for reading, opening and the command line alike: views and triggers by name,
the objects a foreign schema differs in (the first five), a database without a session table, a newer
version of this app told by its migrations even when its schema differs, versions that do not match the
tables, undecodable version names and a damaged page as damage, with SQLite's own first verdict."""

from __future__ import annotations

import sqlite3

import pytest
from storage_helpers import reference_session_changed_by

from workshop_app.cli import main
from workshop_app.storage import SessionStore, read_session
from workshop_app.storage import schema as migrations
from workshop_app.storage.errors import CorruptError, NewerSchemaError, NotASessionError, TruncatedError

FUTURE = ("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
          "VALUES ('grenzziehung', 'm099_from_the_future', '2031-01-01')")
KNOWN = len(migrations.known_names())
UNDECODABLE_NAME = "UPDATE _sqlite_migrations SET name = CAST(x'ff41' AS TEXT) WHERE rowid = 1"
DECODING_DAMAGE = ("is damaged and cannot be read "
                   "(Could not decode to UTF-8 column 'name' with text '\ufffdA').")
TRUNCATED = "is damaged: the file is shorter than its header says (truncated)."

REFUSALS = {
    "view_and_trigger": (["CREATE VIEW v AS SELECT 1",
                          "CREATE TRIGGER t AFTER INSERT ON events BEGIN SELECT 1; END"],
                         NotASessionError, "is an SQLite database but not a Grenzziehung session "
                                           "(it contains views or triggers: t, v)."),
    "trigger": (["CREATE TRIGGER only_one AFTER INSERT ON notes BEGIN SELECT 1; END"],
                NotASessionError, "is an SQLite database but not a Grenzziehung session "
                                  "(it contains views or triggers: only_one)."),
    "six_extra_tables": ([f"CREATE TABLE extra{i} (a)" for i in range(6, 0, -1)],
                         NotASessionError, "is an SQLite database but not a Grenzziehung session (its "
                                           "schema is not one this app writes (differs in: extra1, extra2, "
                                           "extra3, extra4, extra5))."),
    "no_session_table": (["DROP TABLE session"], NotASessionError,
                         "is an SQLite database but not a Grenzziehung session (no session table)."),
    "newer_with_a_new_table": (["CREATE TABLE from_the_future (a)", FUTURE], NewerSchemaError,
                               f"was written by a newer version of this app (schema {KNOWN + 1}, this app "
                               f"knows {KNOWN}); update the app to open it."),
    "newer_same_tables": ([FUTURE], NewerSchemaError,
                          f"was written by a newer version of this app (schema {KNOWN + 1}, this app "
                          f"knows {KNOWN}); update the app to open it."),
    "versions_do_not_match_tables": (["DELETE FROM _sqlite_migrations WHERE rowid = "
                                      "(SELECT max(rowid) FROM _sqlite_migrations)"], NotASessionError,
                                     "is an SQLite database but not a Grenzziehung session (its recorded "
                                     "schema versions do not match its tables)."),
    "undecodable_version_name_same_tables": ([UNDECODABLE_NAME], CorruptError, DECODING_DAMAGE),
    "undecodable_version_name": (["CREATE TABLE extra (a)", UNDECODABLE_NAME], CorruptError, DECODING_DAMAGE),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_a_foreign_schema_is_refused_with_the_line_that_says_why(tmp_path, capsys, case):
    statements, error, words = REFUSALS[case]
    path = reference_session_changed_by(tmp_path, *statements)
    for read in (read_session, SessionStore.open):
        with pytest.raises(error) as raised:
            read(path)
        assert str(raised.value) == f"{path} {words}"
    assert main(["--lang", "en", "diagnose", str(path)]) == 2
    assert capsys.readouterr().err.strip().endswith(words)


def _quick_check(path) -> str | None:
    """SQLite's own first verdict on the file; None when it cannot even read the schema."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


def test_a_damaged_page_is_reported_with_sqlites_own_verdict(tmp_path):
    """The last page of a table scribbled over (one whose damage quick_check reports, not one that
    holds the schema): the line says what SQLite found."""
    path = reference_session_changed_by(tmp_path)
    whole = path.read_bytes()
    page_size = int.from_bytes(whole[16:18], "big")
    for page in range(len(whole) // page_size, 1, -1):
        data = bytearray(whole)
        data[page_size * (page - 1):page_size * page] = b"\x5a" * page_size
        path.write_bytes(bytes(data))
        verdict = _quick_check(path)
        if verdict not in (None, "ok"):
            break
    assert verdict is not None and verdict.startswith("*** in database main ***")
    for read in (read_session, SessionStore.open):
        with pytest.raises(CorruptError) as raised:
            read(path)
        assert str(raised.value) == " ".join(f"{path} is damaged and cannot be read ({verdict}).".split())
    path.write_bytes(path.read_bytes() + b"\0" * 10)  # and not a whole number of pages: cut short
    for read in (read_session, SessionStore.open):
        with pytest.raises(TruncatedError) as raised:
            read(path)
        assert str(raised.value) == f"{path} {TRUNCATED}"
