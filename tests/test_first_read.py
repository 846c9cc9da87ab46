"""The window's first read at start (storage/first_read.py): the session file is locked, checked and
read with the standard library's sqlite3 only, and the store is opened later with the same lock. Every
refusal of `SessionStore.open` holds for it, a refused file stays as it was and its lock is let go."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from storage_helpers import (
    as_unprivileged_user,
    folder_for_everyone,
    record_future_migration,
    session_held_by_another_process,
)

from workshop_app.domain.deck import load_deck
from workshop_app.domain.model import Zone
from workshop_app.domain.rounds import IST, SOLL
from workshop_app.domain.session import SessionInfo
from workshop_app.storage import SessionStore, first_read, read_session, schema
from workshop_app.storage.errors import (
    CorruptError,
    FileReadOnlyError,
    LockedError,
    NewerSchemaError,
    NotASessionError,
    NotSQLiteError,
)
from workshop_app.storage.first_read import read_locked
from workshop_app.storage.lock import SessionLock

FIXTURE_V1 = Path(__file__).parent / "fixtures" / "session_v1.sqlite"


def session_file(folder: Path) -> Path:
    board = load_deck().board()
    with SessionStore.create(folder, SessionInfo("Erst", language="en"), board) as store:
        store.attach(board)
        board.move("terms", Zone.SALES)
        store.set_note("terms", "Notiz")
        return store.path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def is_locked(path: Path) -> bool:
    """Whether some holder (this process or another) has the session's lock."""
    try:
        with SessionLock(path):
            return False
    except LockedError:
        return True


def test_the_session_is_read_as_read_session_reads_it_and_stays_locked(tmp_path):
    path = session_file(tmp_path)
    locked = read_locked(path)
    try:
        assert locked.path == path and locked.session is not None
        assert locked.session.board.snapshot() == read_session(path).board.snapshot()
        assert locked.session.notes == {"terms": "Notiz"}
        assert is_locked(path)
        with pytest.raises(LockedError):
            SessionStore.open(path)  # a second writer (another window) is refused meanwhile
        with SessionStore.open(path, lock=locked.lock) as store:  # the store takes the held lock
            assert store.load().board.zone_of("terms") is Zone.SALES
        assert not is_locked(path)  # closing the store let go of it
    finally:
        locked.lock.release()


def test_an_older_version_is_left_unread_for_the_store_to_migrate(tmp_path):
    path = tmp_path / "alt.sqlite"
    shutil.copyfile(FIXTURE_V1, path)
    before = digest(path)
    locked = read_locked(path)
    assert locked.session is None and is_locked(path)
    assert digest(path) == before  # reading changed nothing; the store migrates
    with SessionStore.open(path, lock=locked.lock) as store:
        assert store.schema_version() == schema.current_version()
        assert store.load().info.title


def test_another_process_holding_the_file_is_refused_before_it_is_read(tmp_path):
    path = session_file(tmp_path)
    with session_held_by_another_process(path) as pid, pytest.raises(LockedError, match=f"process {pid}"):
        read_locked(path)


def refuse_foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE extra (a)")
    conn.commit()
    conn.close()


def refuse_damaged(path: Path) -> None:
    with open(path, "r+b") as file:  # the third page: a table's b-tree page
        file.seek(2 * 4096)
        file.write(b"\xff" * 4096)


def refuse_not_sqlite(path: Path) -> None:
    path.write_bytes(b"not a database at all" * 10)


REFUSALS = {"foreign": (refuse_foreign, NotASessionError),
            "newer": (record_future_migration, NewerSchemaError),
            "damaged": (refuse_damaged, CorruptError),
            "not_sqlite": (refuse_not_sqlite, NotSQLiteError)}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_a_refused_file_gives_the_stores_error_stays_as_it_was_and_is_unlocked(tmp_path, case):
    path = session_file(tmp_path)
    damage, error = REFUSALS[case]
    damage(path)
    before = digest(path)
    with pytest.raises(error) as by_store:
        SessionStore.open(path)
    with pytest.raises(error) as at_start:
        read_locked(path)
    assert at_start.value.message("en") == by_store.value.message("en")
    assert digest(path) == before
    assert not is_locked(path)


def test_a_file_this_user_may_not_write_is_refused_as_the_store_refuses_it():
    with folder_for_everyone() as folder:
        path = session_file(folder)
        path.chmod(0o444)  # readable, not writable (as `nobody`: real ids too, which os.access asks)
        before = digest(path)
        with as_unprivileged_user(real_ids=True):
            with pytest.raises(FileReadOnlyError) as by_store:
                SessionStore.open(path)
            with pytest.raises(FileReadOnlyError) as at_start:
                read_locked(path)
        assert at_start.value.message("en") == by_store.value.message("en")
        assert at_start.value.message("en") == f"{path} cannot be written (permission denied)."
        assert digest(path) == before
        assert not is_locked(path)


def test_the_round_the_session_shows_is_read_with_its_board(tmp_path):
    path = session_file(tmp_path)
    with SessionStore.open(path) as store:
        session = store.load()
        rounds = session.rounds
        store.attach(rounds.board())
        rounds.subscribe(lambda change: store.write_round_change(change, rounds))
        rounds.start_soll()
        rounds.board().move("terms", Zone.MARKETING)
    locked = read_locked(path)
    locked.lock.release()
    assert locked.session.round == SOLL and locked.session.rounds.active == SOLL
    assert locked.session.board.zone_of("terms") is Zone.MARKETING  # Soll's board, not Ist's
    assert locked.session.rounds.board(IST).zone_of("terms") is Zone.SALES


def test_content_of_the_wrong_shape_is_refused_naming_the_file(tmp_path):
    path = session_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE session SET participants = '{\"not\": \"a list\"}'")
    conn.commit()
    conn.close()
    with pytest.raises(NotASessionError) as at_start:
        read_locked(path)
    with pytest.raises(NotASessionError) as by_reader:
        read_session(path)
    assert at_start.value.message("en") == by_reader.value.message("en")
    assert str(path) in at_start.value.message("en")
    assert not is_locked(path)


def test_a_read_error_after_the_check_is_a_damaged_file_naming_the_file(tmp_path, monkeypatch):
    path = session_file(tmp_path)

    def failing_read(_conn):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(first_read, "current_round", failing_read)
    with pytest.raises(CorruptError) as raised:
        read_locked(path)
    assert raised.value.message("en") == f"{path} is damaged and cannot be read (disk I/O error)."
    assert not is_locked(path)
