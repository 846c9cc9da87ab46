"""`workshop-app export SESSION_OR_BOARD --pdf OUT.pdf [--lang de|en] [--pagesize a4|letter]`, or
`workshop-app export SESSION --json OUT.json` (the whole session as JSON, `domain.sessionfile`).

Writes the PDF summary of a session file (SQLite) or of a board file (JSON, with an untitled session
around it). A file that cannot be read, or a PDF that cannot be written (folder missing or not
writable, disk full), gives a one-line message on stderr and a non-zero exit; the PDF is written to a
temporary file and renamed, so no half-written PDF is left behind, and the session is only read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workshop_app.commands.sessions import read_session_or_board
from workshop_app.domain.boardfile import BoardFileError
from workshop_app.domain.deck import DeckError
from workshop_app.domain.diagnosis import ArchetypeError
from workshop_app.domain.session import Session
from workshop_app.domain.sessionfile import SessionFileError, write_session_file
from workshop_app.domain.write_target import WriteTargetError, check_write_target
from workshop_app.export import PAGE_SIZES, ExportError, write_summary_pdf
from workshop_app.export.texts import ExportTextsError
from workshop_app.storage import SessionError

EXIT_BAD_INPUT = 2
EXIT_WRITE_FAILED = 3


class InputError(ValueError):
    """The session or board file cannot be used."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help="write the PDF summary of a session or board file",
        description="Write the PDF summary of a session file or a board file (JSON): the agreed "
                    "board, the tasks by side, the diagnosis, notes, next steps and an agreement "
                    "block to sign.")
    parser.add_argument("source", metavar="SESSION_OR_BOARD",
                        help="a session file, a session JSON file or a board file")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--pdf", metavar="OUT.pdf", help="where to write the PDF")
    target.add_argument("--json", metavar="OUT.json",
                        help="write the whole session as JSON instead (see README: session JSON)")
    parser.add_argument("--lang", dest="export_lang", choices=("de", "en"),
                        help="language of the PDF (default: the session's language; for a board "
                             "file, --lang before the command, else German)")
    parser.add_argument("--pagesize", choices=tuple(PAGE_SIZES), default="a4",
                        help="page size (default: a4)")
    parser.set_defaults(func=run)


def load_session(path: Path) -> tuple[Session, bool]:
    """The session stored in `path`, or an untitled session around the board file `path`; and
    whether it came from a session file (which carries its own language)."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        return read_session_or_board(path)
    except (SessionError, BoardFileError) as exc:
        raise InputError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    try:
        session, from_session_file = load_session(Path(args.source))
    except (InputError, DeckError, ArchetypeError) as exc:
        return _fail(str(exc), EXIT_BAD_INPUT)
    try:
        check_write_target(Path(args.json or args.pdf), source=Path(args.source))
    except WriteTargetError as exc:
        return _fail(str(exc), EXIT_BAD_INPUT)
    if args.json:
        return _write_json(session, Path(args.json))
    language = args.export_lang
    if language is None and not from_session_file:
        language = getattr(args, "lang", None) or session.info.language
    try:
        written = write_summary_pdf(Path(args.pdf), session, language=language,
                                    page_size=args.pagesize)
    except ExportError as exc:
        return _fail(str(exc), EXIT_WRITE_FAILED)
    except (ExportTextsError, ArchetypeError, DeckError) as exc:
        return _fail(str(exc), EXIT_BAD_INPUT)
    print(written)
    return 0


def _write_json(session: Session, path: Path) -> int:
    try:
        write_session_file(session, path)
    except SessionFileError as exc:
        return _fail(str(exc), EXIT_WRITE_FAILED)
    print(path)
    return 0


def _fail(message: str, code: int) -> int:
    print(f"workshop-app export: {message}", file=sys.stderr)
    return code
