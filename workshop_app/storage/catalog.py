"""The sessions of a folder, as the Open list and `workshop-app sessions` show them."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from workshop_app.storage.errors import SessionError
from workshop_app.storage.folder import SUFFIX, check_folder
from workshop_app.storage.session_reader import read_session


@dataclass(frozen=True)
class SessionSummary:
    """What the Open list shows of a session; `error` is set when the file cannot be read."""

    path: Path
    title: str
    company: str = ""
    date: str = ""
    placed: int = 0
    cards: int = 0
    modified: float = 0.0
    error: str | None = None

    def matches(self, text: str) -> bool:
        needle = text.strip().casefold()
        return not needle or any(needle in value.casefold() for value in
                                 (self.title, self.company, self.date, self.path.name))


def session_files(folder: Path) -> list[Path]:
    folder = check_folder(folder)
    return sorted(path for path in folder.glob(f"*{SUFFIX}") if path.is_file())


def list_sessions(folder: Path) -> list[SessionSummary]:
    """Every session file in the folder, newest change first. Unreadable files are listed with their
    error rather than hidden."""
    summaries = [summarize(path) for path in session_files(folder)]
    return sorted(summaries, key=lambda s: s.modified, reverse=True)


def newest_readable_session(folder: Path) -> Path | None:
    """The most recently changed session of the folder that can be read (None for a folder without
    one): what start-up reopens when the settings remember no session for this folder."""
    for path in sorted(session_files(folder), key=_modified, reverse=True):
        if summarize(path).error is None:
            return path
    return None


def summarize(path: Path) -> SessionSummary:
    modified = _modified(path)
    try:
        session = read_session(path)
    except (SessionError, OSError, sqlite3.Error) as exc:
        return SessionSummary(path, path.stem, modified=modified, error=str(exc))
    board = session.board
    return SessionSummary(path, session.info.title, session.info.company, session.info.date,
                          placed=sum(1 for _ in board.placed()), cards=len(board), modified=modified)


def _modified(path: Path) -> float:
    times = []
    for candidate in (path, Path(f"{path}-wal")):
        with contextlib.suppress(OSError):
            times.append(candidate.stat().st_mtime)
    return max(times, default=0.0)
