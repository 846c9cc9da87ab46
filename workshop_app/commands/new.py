"""`workshop-app new --title TITLE [--board BOARD.json] [--sessions-dir DIR]`: create a session.

Prints the new session file's path. The board file (format of `diagnose`) gives the first placement;
without it every card of the default deck starts in the tray.
"""

from __future__ import annotations

import argparse

from workshop_app.commands.sessions import add_sessions_dir_option, fail, language, sessions_dir
from workshop_app.domain.boardfile import BoardFileError, read_board
from workshop_app.domain.deck import DeckError, load_deck
from workshop_app.domain.session import SessionInfo, SessionModelError, validated_info
from workshop_app.storage import SessionError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new", help="create a workshop session and print its file",
        description="Create a workshop session in the sessions folder and print the path of its file.")
    parser.add_argument("--title", required=True, help="title of the workshop")
    parser.add_argument("--company", default="", help="the company the workshop is for")
    parser.add_argument("--facilitator", default="", help="who runs the workshop")
    parser.add_argument("--participant", action="append", default=[], metavar="NAME",
                        help="a participant (repeat for each)")
    parser.add_argument("--board", metavar="BOARD.json", help="a board file with the first placement")
    add_sessions_dir_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lang = language(args)
    if not args.title.strip():
        return fail("new", ValueError("--title must not be empty"), lang)
    try:
        info = validated_info(SessionInfo(
            title=args.title.strip(), company=args.company.strip(), facilitator=args.facilitator.strip(),
            language=lang, participants=[name.strip() for name in args.participant if name.strip()]))
    except SessionModelError as exc:
        return fail("new", exc, lang)
    try:
        board = read_board(args.board) if args.board else load_deck().board()
    except (BoardFileError, DeckError) as exc:
        return fail("new", exc, lang)
    from workshop_app.storage import SessionStore  # sqlite-utils: only when this command runs

    try:
        with SessionStore.create(sessions_dir(args), info, board) as store:
            path = store.path
    except SessionError as exc:
        return fail("new", exc, lang)
    print(path)
    return 0
