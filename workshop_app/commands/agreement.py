"""`workshop-app agreement SOURCE [--json] [--lang de|en]`: the agreement check on the command line.

SOURCE is a session file, a session JSON file or a board file (a board file has no agreement yet:
only its board is checked). The check is on the Soll board, or on the Ist board before Soll started.
It prints the open points as readable text, or with `--json` exactly one JSON object:
`{"complete": bool, "open": [{"kind", "card", "archetype"}], "closed": bool}`. The exit code is 0
whether the agreement is complete or not; a file that cannot be used gives one line on stderr and 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from workshop_app.commands.sessions import read_session_or_board
from workshop_app.domain.agreement import Agreement, AgreementError
from workshop_app.domain.agreement_check import AgreementCheck, check_agreement, describe
from workshop_app.domain.agreement_texts import AgreementTextsError, agreement_label
from workshop_app.domain.boardfile import BoardFileError
from workshop_app.domain.deck import DeckError
from workshop_app.domain.diagnosis import ArchetypeError, Diagnosis, diagnose
from workshop_app.domain.model import LANGUAGES, Board
from workshop_app.domain.session import Session
from workshop_app.storage import SessionError
from workshop_app.storage.errors import cli_language

EXIT_BAD_INPUT = 2
SOURCE_ERRORS = (SessionError, BoardFileError, AgreementError, DeckError, ArchetypeError,
                 AgreementTextsError)


@dataclass(frozen=True)
class AgreementSource:
    """What a session or board file says about its agreement."""

    session: Session
    agreement: Agreement
    ist_board: Board  # the board whose archetypes suggest next steps and explain the charters
    from_session_file: bool

    def ist_diagnosis(self) -> Diagnosis:
        return diagnose(self.ist_board)


def load_agreement_source(path: Path) -> AgreementSource:
    """The session in `path` (a session file, a session JSON file or a board file) with its
    agreement. Raises one of SOURCE_ERRORS (one-line message)."""
    if not path.is_file():
        raise BoardFileError(f"{path}: no such file")
    session, from_session_file = read_session_or_board(path)
    return AgreementSource(session, session.agreement, session.ist_board(), from_session_file)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "agreement", help="check whether the agreement of a session is complete",
        description="Check the agreement of a session file (or the board of a board file): cards "
                    "not placed, Schnittstelle cards without a handoff, contested cards not "
                    "resolved, archetypes the board still resembles without an accepted reason. "
                    "Exit code 0 whether complete or not.")
    parser.add_argument("source", metavar="SOURCE", help="a session file or a board file")
    parser.add_argument("--json", action="store_true",
                        help="print exactly one JSON object instead of text")
    parser.add_argument("--lang", dest="agreement_lang", choices=LANGUAGES,
                        help="language of the text (default: --lang before the command, else the "
                             "system locale)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        source = load_agreement_source(Path(args.source))
        check = check_agreement(source.agreement)
    except SOURCE_ERRORS as exc:
        text = exc.message(_language(args)) if isinstance(exc, SessionError) else str(exc)
        print(f"workshop-app agreement: {' '.join(text.split())}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.json:
        print(json.dumps(check.to_json_dict(), ensure_ascii=False))
    else:
        print(render_check(check, source.session.board, _language(args)))
    return 0


def _language(args: argparse.Namespace) -> str:
    return getattr(args, "agreement_lang", None) or getattr(args, "lang", None) or cli_language()


def render_check(check: AgreementCheck, board: Board, language: str) -> str:
    """The check as lines of text: complete or how many points are open, each point, closed or not."""
    if check.complete:
        lines = [agreement_label("check_complete", language)]
    else:
        lines = [agreement_label("check_incomplete", language, count=len(check.open))]
        lines += [f"  - {describe(point, board, language)}" for point in check.open]
    lines.append(agreement_label("check_closed" if check.closed else "check_not_closed", language))
    return "\n".join(lines)

