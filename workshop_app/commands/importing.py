"""`workshop-app import FILE.json [--sessions-dir DIR]`: a new session from a session JSON file.

Prints the new session file's path. The file is read and checked whole before anything is created: a
file that cannot be used gives one line on stderr and exit code 2, and no session file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop_app.commands.sessions import add_sessions_dir_option, fail, language, sessions_dir
from workshop_app.domain.boardfile import BoardFileError
from workshop_app.domain.deck import DeckError
from workshop_app.domain.sessionfile import read_session_file
from workshop_app.storage import SessionError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help="create a session from a session JSON file and print its file",
        description="Create a session in the sessions folder from a session JSON file (as written by "
                    "`export --json`) and print the path of its file.")
    parser.add_argument("file", metavar="FILE.json", help="a session JSON file")
    add_sessions_dir_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lang = language(args)
    try:
        session = read_session_file(Path(args.file))
    except (BoardFileError, DeckError) as exc:
        return fail("import", exc, lang)
    from workshop_app.storage import SessionStore  # sqlite-utils: only when this command runs

    try:
        with SessionStore.create(sessions_dir(args), session.info, session.board,
                                 content=session) as store:
            path = store.path
    except SessionError as exc:
        return fail("import", exc, lang)
    print(path)
    return 0
