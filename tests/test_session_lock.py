"""One writer per session file, whatever path reaches it; creating and locking never touch anything
that is not the session's own (issue 10: items 2, 3, 5 and 7)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from storage_helpers import session_held_by_another_process

from workshop_app.domain.deck import load_deck
from workshop_app.domain.model import Zone
from workshop_app.domain.session import SessionInfo
from workshop_app.storage import SessionError, SessionStore, read_session
from workshop_app.storage.errors import LockedError

INFO = SessionInfo("Sperre", language="en")


def _session(folder: Path) -> Path:
    board = load_deck().board()
    with SessionStore.create(folder, INFO, board) as store:
        store.attach(board)
        board.move("terms", Zone.SALES)
        return store.path


def _next_name(folder: Path) -> Path:
    return folder / f"{dt.date.today().isoformat()}-sperre.sqlite"


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_a_second_path_to_the_same_file_is_refused_while_it_is_open(tmp_path, link):
    path = _session(tmp_path)
    other = tmp_path / "other-name.sqlite"
    (other.symlink_to if link == "symlink" else other.hardlink_to)(path)
    with SessionStore.open(path), pytest.raises(LockedError, match=f"process {os.getpid()}"):
        SessionStore.open(other)
    with SessionStore.open(other) as store:  # free again once the first store is closed
        assert store.load().board.zone_of("terms") is Zone.SALES


def test_a_hard_link_held_by_another_process_is_refused_with_its_process_id(tmp_path):
    path = _session(tmp_path)
    other = tmp_path / "linked.sqlite"
    other.hardlink_to(path)
    with session_held_by_another_process(path) as pid, pytest.raises(LockedError, match=f"process {pid}"):
        SessionStore.open(other)


def test_a_symlinked_lock_file_never_touches_its_target(tmp_path):
    path = _session(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    Path(f"{path}.lock").symlink_to(victim)
    with SessionStore.open(path) as store:
        store.load()
    assert victim.read_text() == "keep me\n"


def test_a_dangling_lock_symlink_creates_nothing(tmp_path):
    target = tmp_path / "made-by-the-app.txt"
    Path(f"{_next_name(tmp_path)}.lock").symlink_to(target)
    with SessionStore.create(tmp_path, INFO, load_deck().board()):
        pass
    assert not target.exists() and not target.is_symlink()


@pytest.mark.parametrize("kind", ["fifo", "dev_zero"])
def test_a_lock_that_is_a_fifo_or_a_device_is_no_obstacle(tmp_path, kind):
    path = _session(tmp_path)
    lock = Path(f"{path}.lock")
    if kind == "fifo":
        os.mkfifo(lock)
    else:
        lock.symlink_to("/dev/zero")
    with SessionStore.open(path) as store:
        assert store.load().board.zone_of("terms") is Zone.SALES


def test_new_never_removes_a_file_it_did_not_create(tmp_path):
    taken = _next_name(tmp_path)
    taken.symlink_to(tmp_path / "somebody-elses-file")  # exists() says no, O_EXCL says yes
    with SessionStore.create(tmp_path, INFO, load_deck().board()) as store:
        assert store.path != taken
    assert taken.is_symlink()


@contextlib.contextmanager
def _disk_full() -> object:
    """Writes past a few bytes fail with EFBIG in this process, as on a full disk."""
    previous = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, previous[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, previous)
        signal.signal(signal.SIGXFSZ, handler)


def test_a_full_disk_on_create_and_open_gives_a_session_error_and_leaks_no_lock(tmp_path):
    path = _session(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    with _disk_full(), pytest.raises(SessionError):
        SessionStore.create(tmp_path, INFO, load_deck().board())
    with _disk_full(), contextlib.suppress(SessionError):
        SessionStore.open(path).close()
    left = {p.name.removesuffix("-wal").removesuffix("-shm") for p in tmp_path.iterdir()}
    assert sorted(left) == before  # nothing but the session (and SQLite's own WAL files)
    with SessionStore.open(path) as store:  # no lock left behind in this process
        assert store.load().board.zone_of("terms") is Zone.SALES
    with SessionStore.create(tmp_path, INFO, load_deck().board()) as store:
        assert read_session(path).info.title == "Sperre"


def test_new_on_a_full_disk_gives_one_line_and_leaves_the_folder_empty(tmp_path):
    def small_file_limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))

    done = subprocess.run([sys.executable, "-m", "workshop_app", "--lang", "en", "new", "--title", "X",
                           "--sessions-dir", str(tmp_path)], capture_output=True, text=True,
                          timeout=60, preexec_fn=small_file_limit)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []
