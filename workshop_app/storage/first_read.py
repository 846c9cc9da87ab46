"""The window's first read of a session: locked, checked and read with the standard library only.

The app shows the session it reopens before it opens the session for writing: `read_locked` takes the
single-instance lock (so a second instance is refused before it shows anything), checks the file as
`SessionStore.open` does (header, write permission, the exact schema against the snapshot, integrity,
versions) and reads the session through a read-only sqlite3 connection, without loading sqlite-utils.
The caller then opens the `SessionStore` with the lock it holds (`SessionStore.open(path, lock=...)`),
which loads sqlite-utils, checks again and migrates; a file of an older version is returned unread
(`session` None): it is migrated first and read through the store.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from workshop_app.domain.session import Session
from workshop_app.storage import files, known_schemas
from workshop_app.storage.errors import CorruptError
from workshop_app.storage.lock import SessionLock
from workshop_app.storage.session_reader import current_round, load


@dataclass
class LockedSession:
    """A session file this process holds the lock of, and its content (None: migrate it first)."""

    path: Path
    lock: SessionLock
    session: Session | None


def read_locked(path: Path) -> LockedSession:
    """Lock the session file, check it and read it; a SessionError (lock released) when it cannot be
    opened for writing. Nothing is written to the file."""
    path = Path(path)
    lock = SessionLock(path)
    lock.acquire()  # first, as SessionStore.open: a held file is never read a second time
    try:
        files.check_writable_session(path)
        return LockedSession(path, lock, _read_current(path))
    except BaseException:
        lock.release()
        raise


def _read_current(path: Path) -> Session | None:
    """The session in a checked file of the current version; None for an older version."""
    conn = files.connect_for_reading(path)
    try:
        if len(known_schemas.applied_names(conn)) < known_schemas.current_version():
            return None
        return load(conn, current_round(conn), path)
    except sqlite3.Error as exc:
        raise CorruptError(path=path, detail=exc) from None
    finally:
        conn.close()
