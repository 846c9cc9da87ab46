"""Sessions on SQLite: one file per session, every change committed as it happens (sqlite-utils writes
and migrates; reading and checking a file need only the standard library's sqlite3).

`SessionStore` (and with it sqlite-utils) is imported when first used, not with this package: the app's
window reads and shows its session before the first paint and opens the store right after it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workshop_app.storage.catalog import SessionSummary, list_sessions, newest_readable_session
from workshop_app.storage.errors import SessionError
from workshop_app.storage.files import is_sqlite_file
from workshop_app.storage.folder import check_folder, check_writable_folder, move_to_trash
from workshop_app.storage.session_reader import read_session

if TYPE_CHECKING:
    from workshop_app.storage.store import SessionStore

__all__ = [
    "SessionError",
    "SessionStore",
    "SessionSummary",
    "check_folder",
    "check_writable_folder",
    "is_sqlite_file",
    "list_sessions",
    "move_to_trash",
    "newest_readable_session",
    "read_session",
]


def __getattr__(name: str) -> object:
    if name == "SessionStore":  # loads sqlite-utils: only where a session is written
        from workshop_app.storage.store import SessionStore

        return SessionStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
