"""What opening a session file checks before it trusts it (storage/lock.py, storage/files.py): a lock
held by another process is reported with that process's id while others read the file or lock other
files, on any device; a FIFO, a folder or a device in place of a session is refused at once (never
waited on); a file or a -wal this user may not read, a path below a file and a header SQLite refuses
each give the one line that says so."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from storage_helpers import another_process, as_unprivileged_user, folder_for_everyone

from workshop_app.cli import main
from workshop_app.domain.session import SessionInfo
from workshop_app.storage import SessionStore, files, list_sessions, read_session
from workshop_app.storage.errors import (
    CorruptError,
    FileMissingError,
    FileUnreadableError,
    LockedError,
    NotASessionError,
    NotSQLiteError,
    SessionError,
    TruncatedError,
)
from workshop_app.storage.lock import SessionLock

INFO = SessionInfo("Prüfung", language="en")


def _session(folder: Path, board) -> Path:
    with SessionStore.create(folder, INFO, board) as store:
        return store.path


def _process_holding(path: Path, lock: str) -> contextlib.AbstractContextManager[int]:
    """Another process holding `lock` on `path` for the block ("flock": the exclusive lock a writer
    takes before it connects; "posix": the shared record lock an SQLite reader takes)."""
    take = {"flock": "fd = os.open(path, os.O_RDONLY); fcntl.flock(fd, fcntl.LOCK_EX)",
            "posix": "fd = os.open(path, os.O_RDWR); fcntl.lockf(fd, fcntl.LOCK_SH, 1, 0)"}[lock]
    return another_process(f"import fcntl, os, sys, time\npath = sys.argv[1]\n{take}\n"
                           "print('ready', flush=True)\ntime.sleep(60)", str(path))


@contextlib.contextmanager
def _folder_on(where: str, tmp_path: Path) -> Iterator[Path]:
    """A folder on the test's disk, or on a tmpfs whose device number is written with hex digits in
    /proc/locks (as a second disk's: sdb is 8:16, "08:10")."""
    if where == "disk":
        yield tmp_path
        return
    if not os.path.isdir("/dev/shm") or os.minor(os.stat("/dev/shm").st_dev) < 10:
        pytest.skip("no tmpfs with a device number above 9 at /dev/shm")
    folder = Path(tempfile.mkdtemp(prefix="grenz-lock-", dir="/dev/shm"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("where", ["disk", "tmpfs"])
def test_the_writer_holding_the_file_is_named_while_others_read_it_or_lock_other_files(tmp_path, board,
                                                                                       where):
    with _folder_on(where, tmp_path) as folder:
        path = _session(folder, board)
        other = folder / "other.txt"
        other.write_text("")
        with (_process_holding(path, "flock") as writer, _process_holding(path, "posix"),
              _process_holding(other, "flock"), pytest.raises(LockedError) as raised):
            SessionStore.open(path)
        assert str(raised.value) == (f"{path.name} is already open in another window of this app "
                                     f"(process {writer}); close it there first.")
        with SessionStore.open(path) as store:  # all gone: free again
            assert store.load().info.title == INFO.title


def test_a_session_this_process_holds_is_refused_with_its_name_and_this_process(tmp_path, board):
    path = _session(tmp_path, board)
    with SessionStore.open(path), pytest.raises(LockedError) as raised:
        SessionStore.open(path)
    assert str(raised.value) == (f"{path.name} is already open in another window of this app "
                                 f"(process {os.getpid()}); close it there first.")


def test_adopting_a_descriptor_of_a_held_session_is_refused_and_leaves_the_descriptor_open(tmp_path, board):
    """`adopt` (for a file just created) on a file this process holds: refused like `acquire`, and the
    descriptor stays open, as closing any descriptor of the file would drop SQLite's locks on it."""
    path = _session(tmp_path, board)
    with SessionStore.open(path) as store:
        fd = os.open(path, os.O_RDONLY)
        try:
            with pytest.raises(LockedError) as raised:
                SessionLock(path).adopt(fd)
            assert os.fstat(fd).st_ino == path.stat().st_ino  # still open
        finally:
            os.close(fd)
        store.set_note("terms", "noch da")
    assert str(raised.value) == (f"{path.name} is already open in another window of this app "
                                 f"(process {os.getpid()}); close it there first.")
    assert read_session(path).notes == {"terms": "noch da"}


def _refused_at_once(read, path: Path) -> BaseException | None:
    """What `read(path)` raised, in a thread given 5 s; a thread still blocked in open() fails."""
    outcome: list[BaseException | None] = []

    def attempt() -> None:
        try:
            read(path)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome.append(exc)

    thread = threading.Thread(target=attempt, daemon=True)
    thread.start()
    thread.join(timeout=5)
    blocked = thread.is_alive()
    if blocked:  # never hang the suite: a writer lets the blocked open() return
        with contextlib.suppress(OSError):
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(timeout=5)
    assert not blocked, f"{read.__qualname__} waited on {path.name}"
    return outcome[0]


@pytest.mark.parametrize("read", [read_session, SessionStore.open], ids=["read", "open"])
@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_a_fifo_a_folder_or_a_device_is_refused_at_once_as_not_a_session(tmp_path, read, kind):
    path = tmp_path / "session.sqlite"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")
    error = _refused_at_once(read, path)
    assert isinstance(error, NotSQLiteError), error
    assert isinstance(error, SessionError) and "session.sqlite is not a session file" in str(error)


def test_a_session_this_user_may_not_read_is_refused_with_one_line(board):
    """A colleague's session in a shared folder, readable only by its owner: a SessionError that says
    so, from reading, opening and the Open list alike (it was a raw PermissionError)."""
    with folder_for_everyone() as folder:
        path = _session(folder, board)
        path.chmod(0o600)
        with as_unprivileged_user():
            for read in (read_session, SessionStore.open):
                with pytest.raises(FileUnreadableError) as raised:
                    read(path)
                assert str(raised.value) == f"{path} cannot be read (Permission denied)."
            [summary] = list_sessions(folder)
        assert summary.error == f"{path} cannot be read (Permission denied)."
        assert raised.value.message("de") == f"{path} kann nicht gelesen werden (Permission denied)."


def test_a_session_path_below_a_file_does_not_exist(tmp_path):
    below = tmp_path / "notes.txt" / "session.sqlite"
    below.parent.write_text("x")
    for read in (read_session, SessionStore.open):
        with pytest.raises(FileMissingError, match="session.sqlite does not exist"):
            read(below)


def _changed_at(offset: int, value: int):
    def change(path: Path) -> None:
        data = bytearray(path.read_bytes())
        data[offset] = value
        path.write_bytes(bytes(data))
    return change


def _cut_at_a_page_boundary(path: Path) -> None:
    data = path.read_bytes()
    page_size = int.from_bytes(data[16:18], "big")
    path.write_bytes(data[:page_size * 3])  # a whole number of pages, fewer than the header says


DAMAGED_HEADERS = {
    "header_cut_short": (lambda path: path.write_bytes(path.read_bytes()[:60]), TruncatedError,
                         "is damaged: the file is shorter than its header says (truncated)."),
    "cut_at_a_page_boundary": (_cut_at_a_page_boundary, TruncatedError,
                               "is damaged: the file is shorter than its header says (truncated)."),
    "payload_fraction": (_changed_at(21, 0), NotSQLiteError,
                         "is not a session file (it is not an SQLite database)."),
    "reserved_bytes": (_changed_at(20, 255), CorruptError,
                       "is damaged and cannot be read (database disk image is malformed)."),
}


@pytest.mark.parametrize("case", sorted(DAMAGED_HEADERS))
def test_a_header_sqlite_refuses_is_reported_with_the_line_that_says_why(tmp_path, board, capsys, case):
    """The header passes the app's own check (magic, length, page size); SQLite refuses the file, and
    the message still names the file and the kind of damage."""
    damage, error, words = DAMAGED_HEADERS[case]
    path = _session(tmp_path, board)
    damage(path)
    for read in (read_session, SessionStore.open):
        with pytest.raises(error) as raised:
            read(path)
        assert str(raised.value) == f"{path} {words}"
    assert main(["--lang", "en", "diagnose", str(path)]) == 2
    assert capsys.readouterr().err.strip().endswith(f"{path.name} {words}")


def test_a_text_file_in_place_of_a_session_is_not_sqlite(tmp_path, board):
    """(The command line's `diagnose` reads such a file as a board file instead.)"""
    path = _session(tmp_path, board)
    path.write_text("just some notes\n")
    for read in (read_session, SessionStore.open):
        with pytest.raises(NotSQLiteError) as raised:
            read(path)
        assert str(raised.value) == f"{path} is not a session file (it is not an SQLite database)."


def _read_only_folder_with_a_wal(folder: Path, board, statement: str) -> Path:
    """A session whose last commit is still in its WAL, without a -shm, in a folder this user cannot
    write: SQLite cannot read it in place, so it is read from a private copy."""
    path = _session(folder, board)
    script = ("import os, sqlite3, sys\nconn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
              "conn.execute('PRAGMA wal_autocheckpoint=0')\nconn.execute(sys.argv[2])\nos._exit(0)\n")
    subprocess.run([sys.executable, "-c", script, str(path), statement], check=True, timeout=60)
    Path(f"{path}-shm").unlink(missing_ok=True)
    for file in folder.iterdir():
        file.chmod(0o644)
    folder.chmod(0o555)
    return path


def test_a_copy_read_for_its_wal_is_refused_by_name_when_its_wal_holds_a_trigger(board):
    with folder_for_everyone() as folder:
        path = _read_only_folder_with_a_wal(folder, board,
                                            "CREATE TRIGGER t AFTER INSERT ON events BEGIN SELECT 1; END")
        try:
            with as_unprivileged_user(), pytest.raises(NotASessionError) as raised:
                read_session(path)
        finally:
            folder.chmod(0o755)
    assert str(raised.value).startswith(f"{path} is an SQLite database but not a Grenzziehung session")


def test_a_wal_this_user_may_not_read_makes_the_session_unreadable_not_damaged(board):
    with folder_for_everyone() as folder:
        path = _read_only_folder_with_a_wal(folder, board, "UPDATE session SET title = 'Im WAL'")
        Path(f"{path}-wal").chmod(0o600)
        try:
            with as_unprivileged_user(), pytest.raises(FileUnreadableError) as raised:
                read_session(path)
        finally:
            folder.chmod(0o755)
    assert str(raised.value) == f"{path} cannot be read (Permission denied)."


def test_connecting_to_a_missing_file_names_it(tmp_path):
    """`files.connect` (the store's writer) never creates a file: a missing one is a FileMissingError."""
    with pytest.raises(FileMissingError) as raised:
        files.connect(tmp_path / "gone.sqlite", read_only=False)
    assert str(raised.value) == f"{tmp_path / 'gone.sqlite'} does not exist."
    assert list(tmp_path.iterdir()) == []


def _page_size_set(size: int):
    """Bytes 16-17 of the header: the page size (1 stands for 65536)."""
    def change(path: Path) -> None:
        data = bytearray(path.read_bytes())
        data[16:18] = size.to_bytes(2, "big")
        path.write_bytes(bytes(data))
    return change


@pytest.mark.parametrize("size", [0, 256, 768, 4095])
def test_a_page_size_sqlite_never_writes_is_not_sqlite(tmp_path, board, size):
    path = _session(tmp_path, board)
    _page_size_set(size)(path)
    for read in (read_session, SessionStore.open):
        with pytest.raises(NotSQLiteError) as raised:
            read(path)
        assert str(raised.value) == f"{path} is not a session file (it is not an SQLite database)."


@pytest.mark.parametrize("size", [512, 32768, 65536])
def test_the_smallest_and_the_largest_page_sizes_are_read(tmp_path, board, size):
    """65536 is written as 1 in the header; 32768 and 65536 need all 16 bits (unsigned)."""
    path = _session(tmp_path, board)
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in ("PRAGMA journal_mode=DELETE", f"PRAGMA page_size={size}", "VACUUM"):
        conn.execute(statement)
    conn.close()
    assert path.read_bytes()[16:18] == (size % 65536 or 1).to_bytes(2, "big")
    assert read_session(path).info.title == INFO.title
    with SessionStore.open(path) as store:
        assert store.load().info.title == INFO.title


def test_only_a_file_shorter_than_its_header_says_looks_truncated(tmp_path, board):
    """`looks_truncated` only chooses the message once SQLite has refused a file: it answers for a whole
    header and a whole file only."""
    path = _session(tmp_path, board)
    whole = path.read_bytes()
    page_size = int.from_bytes(whole[16:18], "big")
    looks = {}
    for name, data in {"whole": whole, "cut_at_a_page": whole[:page_size * 2],
                       "cut_in_a_page": whole[:page_size * 2 + 10], "grown_by_a_byte": whole + b"\0",
                       "short_header": whole[:60], "foreign_page_size": whole[:16] + b"\x00\x03" + whole[18:],
                       "counters_disagree": whole[:92] + b"\xff\xff\xff\xff" + whole[96:page_size * 2],
                       "pages_past_2_31": whole[:28] + b"\x80\x00\x00\x00" + whole[32:]}.items():
        path.write_bytes(data)
        looks[name] = files.looks_truncated(path)
    assert looks == {"whole": False, "cut_at_a_page": True, "cut_in_a_page": True, "grown_by_a_byte": True,
                     "short_header": False, "foreign_page_size": False, "counters_disagree": False,
                     "pages_past_2_31": True}
    assert files.looks_truncated(tmp_path / "gone.sqlite") is False


def test_a_read_only_connection_cannot_write(tmp_path, board):
    path = _session(tmp_path, board)
    db = files.connect(path, read_only=True)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            db.execute("UPDATE session SET title = 'x'")
    finally:
        db.close()


def test_every_connection_distrusts_the_files_schema_and_checks_cell_sizes(tmp_path, board):
    """The reader's connection (immutable without side files, through the WAL with one) and the
    store's: no code from the file's schema runs, and a damaged cell size is an error, not a crash."""
    path = _session(tmp_path, board)

    def hardening(conn: sqlite3.Connection) -> list[int]:
        return [conn.execute(f"PRAGMA {pragma}").fetchone()[0] for pragma in ("trusted_schema",
                                                                              "cell_size_check")]

    assert not Path(f"{path}-wal").exists()
    immutable = files.connect_for_reading(path)
    assert hardening(immutable) == [0, 1]
    immutable.close()
    with SessionStore.open(path) as store:
        assert Path(f"{path}-wal").exists()
        through_the_wal = files.connect_for_reading(path)
        assert hardening(store.db.conn) == hardening(through_the_wal) == [0, 1]
        through_the_wal.close()
