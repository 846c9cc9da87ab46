"""`workshop-app open SESSION`: start the board window on a session file.

The file is checked first, without a window: a file that is not a session, is damaged, was written by a
newer version, or is open in another instance gives one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop_app.commands.sessions import fail, language
from workshop_app.storage import SessionError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("open", help="start the board on a session file",
                                   description="Start the board window on a session file.")
    parser.add_argument("session", metavar="SESSION", help="a session file (.sqlite)")
    parser.set_defaults(func=run)


def check(path: Path) -> None:
    """Raise SessionError when the window could not open the session."""
    from workshop_app.storage import SessionStore  # sqlite-utils: only when this command runs

    with SessionStore.open(path) as store:
        store.load()


def run(args: argparse.Namespace) -> int:
    path = Path(args.session)
    try:
        check(path)
    except SessionError as exc:
        return fail("open", exc, language(args))
    from workshop_app.ui.app import run as run_window

    return run_window(args.lang, full_screen=args.full_screen,
                      sessions_dir=getattr(args, "sessions_dir", None), session=path,
                      projector_screen=getattr(args, "projector_screen", None))
