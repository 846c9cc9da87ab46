"""Why a session or the sessions folder cannot be used, as one clear line.

Each error has a `code` and the values its message needs. The command line prints `message(language)`
from the bilingual texts in `resources/messages/sessions.json`; the window maps the code to a Qt
translation of the same text.
"""

from __future__ import annotations

import os
from functools import cache

from workshop_app.domain.datafile import read_labels
from workshop_app.paths import resource


@cache
def _texts() -> dict[str, dict[str, str]]:
    return read_labels(resource("messages", "sessions.json"), ValueError)


def cli_language() -> str:
    """German when the environment's locale is German, else English (no Qt outside ui/)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"


class SessionError(Exception):
    """A session file or folder that cannot be used. `str(error)` is the English one-line message."""

    code = "corrupt"

    def __init__(self, **values: object) -> None:
        self.values = {key: str(value) for key, value in values.items()}
        super().__init__(self.message("en"))

    def message(self, language: str) -> str:
        texts = _texts()[self.code]
        text = texts.get(language) or texts["en"]
        return " ".join(text.format_map(_Missing(self.values)).split())


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "?"


class NotSQLiteError(SessionError):
    code = "not_sqlite"


class TruncatedError(SessionError):
    code = "truncated"


class CorruptError(SessionError):
    code = "corrupt"


class NotASessionError(SessionError):
    code = "not_a_session"


class NewerSchemaError(SessionError):
    code = "newer_schema"


class LockedError(SessionError):
    code = "locked"


class FolderMissingError(SessionError):
    code = "folder_missing"


class FolderReadOnlyError(SessionError):
    code = "folder_read_only"


class FileMissingError(SessionError):
    code = "file_missing"


class WriteFailedError(SessionError):
    code = "write_failed"


class FileReadOnlyError(SessionError):
    code = "file_read_only"


class FileUnreadableError(SessionError):
    code = "file_unreadable"
