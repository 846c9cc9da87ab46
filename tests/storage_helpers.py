"""Helpers for storage tests that need the kernel to refuse a write.

Tests run as root in CI, and root may write into a folder with mode 555. To test a read-only sessions
folder for real, the test drops the effective user id to `nobody` for the duration (root can take it
back; the real user id stays 0). The folder must then be reachable by `nobody`, so it is made under
/tmp rather than under pytest's private temporary directory.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

NOBODY = 65534


def reference_session_changed_by(folder: Path, *statements: str) -> Path:
    """A session of the reference board in `folder`, then changed by the SQL `statements` (as another
    program, or damage, could change it); its path."""
    from workshop_app.domain.deck import reference_board
    from workshop_app.domain.session import SessionInfo
    from workshop_app.storage import SessionStore

    with SessionStore.create(folder, SessionInfo("Geändert", language="en"), reference_board()) as store:
        path = store.path
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def record_future_migration(path: Path, name: str = "m099_from_the_future") -> None:
    """Make `path` a session written by a newer version: record a migration this app does not know."""
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES "
                 "('grenzziehung', ?, '2031-01-01')", (name,))
    conn.commit()
    conn.close()


@contextlib.contextmanager
def folder_for_everyone() -> Iterator[Path]:
    """A fresh folder under /tmp that `nobody` can reach; removed afterwards."""
    base = Path(tempfile.mkdtemp(prefix="grenz-ro-", dir="/tmp"))
    base.chmod(0o755)
    try:
        yield base
    finally:
        base.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


@contextlib.contextmanager
def as_unprivileged_user(*, real_ids: bool = False) -> Iterator[None]:
    """Run the block with the effective uid/gid of `nobody` when root; else as is (chmod suffices).
    `real_ids`: the real ids too (what `os.access` asks about); the saved ids stay root's, which is
    what lets the block's end take root back."""
    if os.geteuid() != 0:
        yield
        return
    if real_ids:
        os.setresgid(NOBODY, NOBODY, 0)
        os.setresuid(NOBODY, NOBODY, 0)
    else:
        os.setegid(NOBODY)
        os.seteuid(NOBODY)
    try:
        yield
    finally:
        if real_ids:
            os.setresuid(0, 0, 0)
            os.setresgid(0, 0, 0)
        else:
            os.seteuid(0)
            os.setegid(0)


@contextlib.contextmanager
def another_process(script: str, *args: str) -> Iterator[int]:
    """Runs `script` (with `args`) in a second process for the block, once it has printed its first
    line (that it is ready); yields its process id."""
    process = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        yield process.pid
    finally:
        process.kill()
        process.wait()


def session_held_by_another_process(path: Path) -> contextlib.AbstractContextManager[int]:
    """A second process holds the session at `path` open for the block; yields its process id."""
    return another_process("import sys, time\nfrom workshop_app.storage import SessionStore\n"
                           "store = SessionStore.open(sys.argv[1])\n"
                           "print('ready', flush=True)\ntime.sleep(60)", str(path))
