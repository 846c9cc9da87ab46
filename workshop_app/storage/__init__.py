"""Sessions on SQLite (sqlite-utils only): one file per session, every change committed as it happens."""

from workshop_app.storage.catalog import SessionSummary, list_sessions, newest_readable_session
from workshop_app.storage.errors import SessionError
from workshop_app.storage.files import is_sqlite_file
from workshop_app.storage.folder import check_folder, check_writable_folder, move_to_trash
from workshop_app.storage.session_reader import read_session
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
