"""Only the schema this app writes is read, and a refused file stays as it was, WAL included (issue 10:
items 9, 10 and the read-only folder of 11)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from storage_helpers import as_unprivileged_user, folder_for_everyone

from workshop_app.cli import main
from workshop_app.domain.deck import load_deck
from workshop_app.domain.model import Zone
from workshop_app.domain.session import SessionInfo
from workshop_app.storage import SessionStore, list_sessions, read_session
from workshop_app.storage.errors import NewerSchemaError, NotASessionError

INFO = SessionInfo("Fremd", language="en")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"


def session_file(folder: Path) -> Path:
    board = load_deck().board()
    with SessionStore.create(folder, INFO, board) as store:
        store.attach(board)
        board.move("terms", Zone.SALES)
        store.set_note("terms", "Notiz")
        return store.path


def run_sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


FOREIGN = {
    "generated_column": "ALTER TABLE notes ADD COLUMN big TEXT GENERATED ALWAYS AS "
                        "(printf('%.*c', 50000000, 'x')) VIRTUAL",
    "expression_index": "CREATE INDEX slow ON cards (printf('%.*c', 1000000, id))",
    "extra_column_default": "ALTER TABLE events ADD COLUMN pad BLOB DEFAULT x'00'",
    "extra_table": "CREATE TABLE extra (a)",
    "dropped_index": "DROP INDEX placements_round_zone_position",
}


@pytest.mark.parametrize("case", sorted(FOREIGN))
def test_a_schema_this_app_did_not_write_is_refused_before_any_row_is_read(tmp_path, case):
    path = session_file(tmp_path)
    run_sql(path, FOREIGN[case])
    before = digest(path)
    started = time.perf_counter()
    for read in (read_session, SessionStore.open):
        with pytest.raises(NotASessionError, match="schema") as raised:
            read(path)
        assert "\n" not in str(raised.value)
    assert time.perf_counter() - started < 1.0
    assert digest(path) == before
    [summary] = list_sessions(tmp_path)
    assert summary.error and "schema" in summary.error


def test_a_generated_column_gives_one_line_on_the_command_line(tmp_path, capsys):
    path = session_file(tmp_path)
    run_sql(path, FOREIGN["generated_column"])
    assert main(["--lang", "en", "diagnose", str(path)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "schema" in err


def test_the_expected_schema_follows_the_migrations(tmp_path):
    from workshop_app.storage import schema

    names = schema.known_names()
    for version in range(1, len(names) + 1):  # every older version this app wrote is still accepted
        stop = names[version] if version < len(names) else None
        board = load_deck().board()
        folder = tmp_path / f"v{version}"
        folder.mkdir()
        with SessionStore.create(folder, INFO, board, stop_before=stop) as store:
            path = store.path
        assert read_session(path).info.title == "Fremd"
        with SessionStore.open(path) as store:
            assert store.schema_version() == len(names)


# --- a hot journal: never read as immutable ---


def _leave_a_hot_journal(path: Path) -> None:
    """A writer in rollback-journal mode dies in the middle of a big transaction: the file holds pages
    of the unfinished change, the -journal the committed ones."""
    script = (
        "import os, sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('PRAGMA journal_mode=DELETE')\n"
        "conn.execute('PRAGMA cache_size=5')\n"
        "conn.execute('BEGIN')\n"
        "conn.execute(\"UPDATE session SET title = 'UNCOMMITTED'\")\n"
        "conn.executemany('INSERT INTO events (at, action, kind, detail) VALUES (?, ?, ?, ?)',\n"
        "                 [('t', 'do', 'pad', 'x' * 3000) for _ in range(400)])\n"
        "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", script, str(path)], check=True, timeout=60)


def test_a_hot_journal_is_never_read_past(tmp_path):
    path = session_file(tmp_path)
    _leave_a_hot_journal(path)
    assert Path(f"{path}-journal").exists()
    try:
        title = read_session(path).info.title
    except NotASessionError:
        title = None
    assert title != "UNCOMMITTED"
    with SessionStore.open(path) as store:  # opening for writing rolls the unfinished change back
        assert store.load().info.title == "Fremd"


# --- item 10: a refused file keeps its WAL; SQLite's verdict on length counts ---


def _commit_into_the_wal(path: Path, *statements: str) -> None:
    """Commit `statements` into the WAL and die before any checkpoint, as a crashed writer would."""
    script = (
        "import os, sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('PRAGMA wal_autocheckpoint=0')\n"
        "for statement in sys.argv[2:]:\n"
        "    conn.execute(statement)\n"
        "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", script, str(path), *statements], check=True, timeout=60)


@pytest.mark.parametrize("case", ["trigger", "newer_migration"])
def test_a_file_refused_for_what_its_wal_holds_keeps_its_wal(tmp_path, case):
    path = session_file(tmp_path)
    statement = {"trigger": "CREATE TRIGGER t AFTER INSERT ON events BEGIN SELECT 1; END",
                 "newer_migration": "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                                    "VALUES ('grenzziehung', 'm099_future', '2031')"}[case]
    _commit_into_the_wal(path, statement)
    wal = Path(f"{path}-wal")
    before = (digest(path), digest(wal))
    assert before[1] != "absent"
    with pytest.raises((NotASessionError, NewerSchemaError)):
        SessionStore.open(path)
    assert (digest(path), digest(wal)) == before


def test_a_checkpoint_cut_short_is_accepted_when_sqlite_accepts_it(tmp_path):
    """Page 1 of the file already says the database grew, the file has not grown yet, and the WAL
    still holds every page: what a crash in the middle of a checkpoint leaves."""
    path = session_file(tmp_path)
    size_before = path.stat().st_size
    _commit_into_the_wal(path, "UPDATE session SET title = 'Gewachsen'",
                         "INSERT INTO events (at, action, kind, detail) VALUES ('t', 'do', 'pad', "
                         "printf('%.*c', 200000, 'x'))")
    wal = Path(f"{path}-wal")
    saved_wal = wal.read_bytes()
    copy = tmp_path / "copy"
    copy.mkdir()
    checkpointed = copy / path.name
    shutil.copy(path, checkpointed)
    Path(f"{checkpointed}-wal").write_bytes(saved_wal)
    run_sql(checkpointed, "PRAGMA wal_checkpoint(TRUNCATE)")
    grown = checkpointed.read_bytes()
    assert len(grown) > size_before
    page_size = int.from_bytes(grown[16:18], "big")
    path.write_bytes(grown[:page_size] + path.read_bytes()[page_size:size_before])
    wal.write_bytes(saved_wal)
    assert read_session(path).info.title == "Gewachsen"
    with SessionStore.open(path) as store:
        assert store.load().info.title == "Gewachsen"


# --- item 11: a -wal without its -shm in a folder that cannot be written ---


def test_a_wal_without_shm_in_a_read_only_folder_is_read_not_called_damaged():
    with folder_for_everyone() as folder:
        path = session_file(folder)
        _commit_into_the_wal(path, "UPDATE session SET title = 'Im WAL'")
        Path(f"{path}-shm").unlink(missing_ok=True)
        for file in folder.iterdir():
            file.chmod(0o644)
        folder.chmod(0o555)
        try:
            with as_unprivileged_user():
                assert read_session(path).info.title == "Im WAL"
        finally:
            folder.chmod(0o755)
