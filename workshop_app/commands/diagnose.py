"""`workshop-app diagnose BOARD.json [--round ist|soll] [--lang de|en] [--json]`: the diagnosis on the CLI.

Readable text in German or English (texts from resources/archetypes), or with `--json` exactly one
JSON object on stdout. A file that cannot be used gives a one-line message on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from workshop_app.commands.sessions import read_session_or_board
from workshop_app.domain.boardfile import BoardFileError
from workshop_app.domain.deck import DeckError
from workshop_app.domain.diagnosis import ArchetypeError, Diagnosis, diagnose, label
from workshop_app.domain.model import Board
from workshop_app.domain.rounds import IST, SOLL
from workshop_app.domain.sessionfile import JSON_ROUNDS
from workshop_app.storage import SessionError
from workshop_app.storage.errors import cli_language

EXIT_BAD_FILE = 2
WIDTH = 88


def load_board_for_diagnosis(path: Path, round_name: str | None = None) -> Board:
    """The board to diagnose from `path`. Raises BoardFileError (one-line message) when it cannot.

    A session (SQLite or session JSON) gives its Soll round if it has one, else its Ist round;
    `round_name` ("ist" or "soll") chooses. A board file is an Ist board.
    """
    try:
        session = read_session_or_board(path)[0]
    except SessionError as exc:
        raise BoardFileError(str(exc)) from None
    rounds = session.rounds
    assert rounds is not None
    wanted = JSON_ROUNDS[round_name] if round_name else (SOLL if SOLL in rounds else IST)
    if wanted not in rounds:
        raise BoardFileError(f"{path.name} has no {round_name.capitalize()} round")  # type: ignore[union-attr]
    return rounds.board(wanted)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "diagnose", help="diagnose a board file: which archetype it resembles and why",
        description="Diagnose a board file (JSON): which of the article's four archetypes the board "
                    "resembles, the cards that drive it, the harm and the recommendation, and how far "
                    "the board agrees with the reference split.")
    parser.add_argument("board", metavar="BOARD.json",
                        help="a board file, a session file or a session JSON file")
    parser.add_argument("--lang", dest="diagnose_lang", choices=("de", "en"),
                        help="language of the text (default: --lang before the command, else the "
                             "system locale)")
    parser.add_argument("--json", action="store_true",
                        help="print exactly one JSON object instead of text")
    parser.add_argument("--round", dest="diagnose_round", choices=tuple(JSON_ROUNDS),
                        help="the round of a session to diagnose (default: Soll if it exists, else Ist)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        board = load_board_for_diagnosis(Path(args.board), args.diagnose_round)
        diagnosis = diagnose(board)
    except (BoardFileError, ArchetypeError, DeckError) as exc:
        print(f"workshop-app diagnose: {exc}", file=sys.stderr)
        return EXIT_BAD_FILE
    if args.json:
        print(json.dumps(diagnosis.to_json_dict(), ensure_ascii=False))
    else:
        print(render_text(diagnosis, board, choose_language(args), Path(args.board).name))
    return 0


def choose_language(args: argparse.Namespace) -> str:
    return getattr(args, "diagnose_lang", None) or getattr(args, "lang", None) or cli_language()


# --- the readable text ---


def render_text(diagnosis: Diagnosis, board: Board, language: str, title: str = "") -> str:
    lines = [f"{label('diagnosis', language)}: {title}".rstrip(": "), ""]
    lines.append(f"{label('placed', language)}: {diagnosis.placed}")
    lines.extend(_conformity_lines(diagnosis, board, language))
    name_width = max((len(r.archetype.name(language)) for r in diagnosis.results), default=0)
    for rank, result in enumerate(diagnosis.results, start=1):
        archetype = result.archetype
        if not result.judgeable:
            state = label("not_judgeable", language)
        else:
            state = label("resembles" if result.resembles else "does_not_resemble", language)
        name = archetype.name(language).ljust(name_width)
        percent = _percent(result.score) if result.judgeable else "  – "
        lines += ["", f"{rank}. {name}  {percent}  {_bar(result.score)}  {state}"]
        if not result.resembles:
            continue
        lines += _block(label("context", language), archetype.context(language))
        lines += _block(label("evidence", language), "")
        lines += [f"     - {_card_text(board, card_id, language)}" for card_id in result.evidence]
        lines += _block(label("harm", language), archetype.harm(language))
        lines += _block(label("recommendation", language), archetype.recommendation(language))
    return "\n".join(lines)


def _conformity_lines(diagnosis: Diagnosis, board: Board, language: str) -> list[str]:
    heading = label("reference_conformity", language)
    if diagnosis.reference_conformity is None:
        return [f"{heading}: {label('no_reference', language)}"]
    lines = [f"{heading}: {_percent(diagnosis.reference_conformity)}",
             f"{label('off_reference', language)}: "
             f"{len(diagnosis.off_reference) or label('none', language)}"]
    for card_id in diagnosis.off_reference:
        zone = label(f"zone_{board.zone_of(card_id).value}", language)
        lines.append(f"   - {_card_text(board, card_id, language)} ({zone})")
    return lines


def _block(heading: str, text: str) -> list[str]:
    if not text:
        return [f"   {heading}:"]
    return textwrap.wrap(f"{heading}: {text}", WIDTH, initial_indent="   ", subsequent_indent="     ")


def _card_text(board: Board, card_id: str, language: str) -> str:
    return " ".join(board.card(card_id).text(language).split())


def _percent(value: float) -> str:
    return f"{round(value * 100):3d} %"


def _bar(value: float, width: int = 20) -> str:
    filled = round(value * width)
    return "[" + "#" * filled + "." * (width - filled) + "]"
