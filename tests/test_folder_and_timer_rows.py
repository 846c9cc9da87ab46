"""The sessions folder's file names and trash (storage/folder.py) and the timer's row
(storage/timer_store.py), on real files: numbered names, side files and dangling links counted as
taken, the trash keeping every copy, and stored timers that make sense or are dropped."""

from __future__ import annotations

import errno
import sqlite3
import time

import pytest
from sqlite_utils import Database
from storage_helpers import as_unprivileged_user, folder_for_everyone

from workshop_app.domain.timer import PhaseTimer, TimerChanged, TimerState
from workshop_app.storage import folder
from workshop_app.storage.errors import FolderMissingError, FolderReadOnlyError, WriteFailedError
from workshop_app.storage.timer_store import read_timer, write_timer, write_timer_change

T0 = 1_800_000_000.0


@pytest.mark.parametrize("title, expected", [
    ("Vertriebsrunde Süd", "vertriebsrunde-sud"),
    ("  --Ärger & Öl!!  ", "arger-ol"),
    ("日本", "session"),
    ("", "session"),
    ("a" * 59 + " b" * 5, "a" * 59),
    ("x" * 80, "x" * 60),
    ("!" + "a" * 70, "a" * 60),  # leading dashes go before the name is cut to 60
    ("Xaver X", "xaver-x"),
])
def test_a_title_becomes_a_file_name_of_letters_digits_and_dashes(title, expected):
    assert folder.slug(title) == expected


def test_a_new_name_is_numbered_while_the_file_or_any_side_file_or_a_dangling_link_exists(tmp_path):
    first = folder.new_session_path(tmp_path, "Runde", "2027-01-02")
    assert first.name == "2027-01-02-runde.sqlite"
    first.write_bytes(b"")
    assert folder.new_session_path(tmp_path, "Runde", "2027-01-02").name == "2027-01-02-runde-2.sqlite"
    (tmp_path / "2027-01-02-runde-2.sqlite-journal").write_bytes(b"")
    (tmp_path / "2027-01-02-runde-3.sqlite").symlink_to(tmp_path / "nowhere")
    assert folder.new_session_path(tmp_path, "Runde", "2027-01-02").name == "2027-01-02-runde-4.sqlite"
    assert folder.new_session_path(tmp_path, "Runde").name.endswith("-runde.sqlite")


def test_a_folder_that_is_missing_or_a_file_is_refused(tmp_path):
    with pytest.raises(FolderMissingError):
        folder.check_folder(tmp_path / "missing")
    (tmp_path / "file").write_text("")
    with pytest.raises(FolderMissingError):
        folder.check_writable_folder(tmp_path / "file")
    assert folder.check_writable_folder(str(tmp_path)) == tmp_path
    assert list(tmp_path.iterdir()) == [tmp_path / "file"]


def test_a_folder_refusal_is_one_line_naming_the_folder(tmp_path, monkeypatch):
    with pytest.raises(FolderMissingError) as missing:
        folder.check_folder(tmp_path / "missing")
    assert missing.value.message("en") == f"The sessions folder {tmp_path / 'missing'} does not exist."
    monkeypatch.setattr(folder.os.path, "lexists", lambda _path: True)  # every name is taken
    with pytest.raises(FolderReadOnlyError) as full:
        folder.new_session_path(tmp_path, "Runde", "2027-01-02")
    assert full.value.message("en") == (
        f"The sessions folder {tmp_path} cannot be written (too many sessions with this title).")


def test_a_folder_on_a_read_only_mount_is_one_line_with_the_systems_reason(tmp_path, monkeypatch):
    def read_only_mount(**_kwargs):  # what creating the probe file gives there, even for root
        raise OSError(errno.EROFS, "Read-only file system")
    monkeypatch.setattr(folder.tempfile, "mkstemp", read_only_mount)
    with pytest.raises(FolderReadOnlyError) as refused:
        folder.check_writable_folder(tmp_path)
    assert refused.value.message("en") == (
        f"The sessions folder {tmp_path} cannot be written (Read-only file system).")


def test_a_folder_this_user_may_not_write_is_one_line_naming_it():
    with folder_for_everyone() as base:
        base.chmod(0o555)
        with as_unprivileged_user(real_ids=True), pytest.raises(FolderReadOnlyError) as refused:
            folder.check_writable_folder(base)
        assert refused.value.message("en") == (
            f"The sessions folder {base} cannot be written (permission denied).")
        assert list(base.iterdir()) == []


def test_the_trash_keeps_every_copy_with_its_side_files(tmp_path):
    for round_ in (1, 2, 3):
        session = tmp_path / "a.sqlite"
        session.write_text(f"session {round_}")
        (tmp_path / "a.sqlite-wal").write_text(f"wal {round_}")
        moved = folder.move_to_trash(session)
        assert moved.read_text() == f"session {round_}"
        assert (moved.parent / (moved.name + "-wal")).read_text() == f"wal {round_}"
    assert sorted(p.name for p in (tmp_path / "trash").iterdir()) == [
        "a-2.sqlite", "a-2.sqlite-wal", "a-3.sqlite", "a-3.sqlite-wal", "a.sqlite", "a.sqlite-wal"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trash"]
    with pytest.raises(FolderReadOnlyError) as raised:
        folder.move_to_trash(tmp_path / "missing.sqlite")
    assert str(raised.value) == (f"The sessions folder {tmp_path} cannot be written "
                                 "(No such file or directory).")


def test_the_trash_takes_the_shared_memory_file_along(tmp_path):
    session = tmp_path / "b.sqlite"
    session.write_text("s")
    (tmp_path / "b.sqlite-shm").write_text("shm")
    moved = folder.move_to_trash(session)
    assert (moved.parent / "b.sqlite-shm").read_text() == "shm" and not (tmp_path / "b.sqlite-shm").exists()


@pytest.fixture
def db():
    database = Database(sqlite3.connect(":memory:"))
    database.execute("CREATE TABLE timer (id INTEGER PRIMARY KEY, length_s, remaining_s, ends_at)")
    return database


def test_a_running_timer_is_stored_as_its_end_time_and_read_back(db):
    write_timer(db, TimerState(600, 600.0, T0 + 0.25))
    assert db.execute("SELECT ends_at FROM timer").fetchone()[0] == "2027-01-15T08:00:00.250+00:00"
    assert read_timer(db) == TimerState(600, 600.0, T0 + 0.25)
    write_timer(db, TimerState(300, 42.5, None))
    assert read_timer(db) == TimerState(300, 42.5, None)
    assert db.execute("SELECT COUNT(*) FROM timer").fetchone()[0] == 1


@pytest.mark.parametrize("row, expected", [
    ((600, 600.0, "2027-01-15T08:00:00"), TimerState(600, 600.0, T0)),
    ((600, 600.0, "2027-01-15T09:00:00+01:00"), TimerState(600, 600.0, T0)),
    ((600, 600.0, 12), None),
    ((600, 600.0, "soon"), None),
    ((0, 0.0, None), None),
    ((600, -1.0, None), None),
    (("ten", 1.0, None), None),
])
def test_a_stored_row_is_read_as_written_or_dropped_when_it_makes_no_sense(db, row, expected):
    db.execute("INSERT INTO timer VALUES (1, ?, ?, ?)", row)
    assert read_timer(db) == expected


def test_no_timer_table_or_row_means_no_timer_and_a_failed_write_is_one_line(db):
    assert read_timer(db) is None
    assert read_timer(Database(sqlite3.connect(":memory:"))) is None
    with pytest.raises(WriteFailedError, match="s.sqlite.*no such table: timer"):
        write_timer(Database(sqlite3.connect(":memory:")), TimerState(), name="s.sqlite")


def test_a_timer_record_writes_its_row_and_describes_its_event(db):
    timer = PhaseTimer()
    change = timer.set_length(90)
    assert isinstance(change, TimerChanged)
    assert write_timer_change(db.conn, change) == ("timer", None, {"action": "set", "length": 90,
                                                                  "remaining": 90.0, "ends_at": None})
    assert read_timer(db) == TimerState(90, 90.0, None)


def test_an_end_time_without_a_zone_is_utc_whatever_the_machines_zone(db, monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        db.execute("INSERT INTO timer VALUES (1, 600, 600.0, '2027-01-15T08:00:00')")
        assert read_timer(db) == TimerState(600, 600.0, T0)
    finally:
        monkeypatch.undo()
        time.tzset()
