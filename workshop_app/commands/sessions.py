"""`workshop-app sessions [--sessions-dir DIR]`: list the sessions of the sessions folder.

Shared by the other commands: where the sessions folder is, how a session error is printed (one line on
stderr, exit code 2, never a traceback), and reading a file that is a session or a board file.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from functools import cache
from pathlib import Path

from workshop_app.domain.boardfile import BoardFileError, parse_board, parse_json, read_text
from workshop_app.domain.datafile import pick_label, read_labels
from workshop_app.domain.session import Session, SessionInfo
from workshop_app.domain.sessionfile import SessionFileError, is_session_data, session_from_data
from workshop_app.paths import resource
from workshop_app.storage import SessionError, is_sqlite_file, list_sessions, location, read_session
from workshop_app.storage.errors import cli_language

EXIT_FAILED = 2


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sessions", help="list the workshop sessions",
        description="List the sessions in the sessions folder: title, company, date, placed cards.")
    add_sessions_dir_option(parser)
    parser.set_defaults(func=run)


def add_sessions_dir_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: an option given before the command is not overwritten by this parser's default
    parser.add_argument("--sessions-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="folder of the session files (default: the checkout's sessions/ or the "
                             "platform's data folder)")


def sessions_dir(args: argparse.Namespace) -> Path:
    """`--sessions-dir`, else $GRENZZIEHUNG_SESSIONS_DIR, else the checkout's `sessions/`, else the
    platform's data folder (from Qt)."""
    chosen = location.chosen_sessions_dir(getattr(args, "sessions_dir", None))
    if chosen is not None:
        return chosen
    folder = location.default_sessions_dir()
    with contextlib.suppress(OSError):  # the default folder is made on first use; a failure is reported
        folder.mkdir(parents=True, exist_ok=True)  # by the storage as a missing folder
    return folder


def read_session_or_board(path: Path) -> tuple[Session, bool]:
    """The session in a session file (told by its SQLite header), or an untitled session around the
    board file `path`; and whether it came from a session (a session JSON file counts as one). Raises
    SessionError or BoardFileError, each with a one-line message."""
    if is_sqlite_file(path):
        return read_session(path), True
    text = read_text(path)
    try:
        data = parse_json(text)
    except BoardFileError as exc:
        raise BoardFileError(f"{path.name}: {exc}") from None
    if is_session_data(data):
        try:
            return session_from_data(data), True
        except BoardFileError as exc:
            raise SessionFileError(f"{path.name}: {exc}") from None
    try:
        return Session(SessionInfo(title=path.stem), parse_board(text)), False
    except BoardFileError as exc:
        raise BoardFileError(f"{path.name}: {exc}") from None


def language(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or cli_language()


@cache
def _labels() -> dict[str, dict[str, str]]:
    return read_labels(resource("messages", "sessions_cli.json"), ValueError)


def label(key: str, lang: str) -> str:
    return pick_label(_labels(), key, lang)


def fail(command: str, error: Exception, lang: str) -> int:
    text = error.message(lang) if isinstance(error, SessionError) else str(error)
    print(f"workshop-app {command}: {' '.join(text.split())}", file=sys.stderr)
    return EXIT_FAILED


def run(args: argparse.Namespace) -> int:
    lang = language(args)
    folder = sessions_dir(args)
    try:
        summaries = list_sessions(folder)
    except SessionError as exc:
        return fail("sessions", exc, lang)
    print(label("sessions_in", lang).format(folder=folder, count=len(summaries)))
    for summary in summaries:
        if summary.error:
            print(f"  {summary.path.name}: {label('unreadable', lang)}: {summary.error}")
            continue
        placed = label("placed", lang).format(placed=summary.placed, cards=summary.cards)
        title = " ".join(summary.title.split())
        company = " ".join(summary.company.split())
        print(f"  {summary.date:10}  {title}" + (f" ({company})" if company else "")
              + f"  {placed}  {summary.path}")
    return 0
