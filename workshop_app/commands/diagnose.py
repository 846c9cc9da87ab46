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
from workshop_app.domain.deck import DeckError, load_functions
from workshop_app.domain.diagnosis import ArchetypeError, ArchetypeResult, Diagnosis, diagnose, label
from workshop_app.domain.explanation import card_with_zone, explain, shared_instead_lines, state_text
from workshop_app.domain.model import LANGUAGES, Board
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
    parser.add_argument("--lang", dest="diagnose_lang", choices=LANGUAGES,
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
        name = archetype.name(language).ljust(name_width)
        percent = _percent(result.score) if result.state != "not_judgeable" or result.score else "  – "
        lines += ["", f"{rank}. {name}  {percent}  {_bar(result.score)}  {state_text(result, language)}"]
        lines += _reason_lines(result, board, language)
        if result.resembles:
            lines += _block(label("context", language), archetype.context(language))
            lines += _block(label("harm", language), archetype.harm(language))
            lines += _block(label("recommendation", language), archetype.recommendation(language))
    return "\n".join(lines)


def _reason_lines(result: ArchetypeResult, board: Board, language: str) -> list[str]:
    """The cards behind a score above 0, those against it when something speaks for it, and the
    deciding card of a leaning or near-threshold archetype."""
    explanation = explain(result, board, language)
    lines: list[str] = []
    if result.score > 0:
        lines += _block(label("evidence", language), "")
        lines += [f"     - {card}" for card in explanation.evidence]
    if explanation.against and (result.score > 0 or result.state == "does_not_resemble"):
        lines += _block(label("against", language), "")
        lines += [f"     - {card}" for card in explanation.against]
    if explanation.deciding:
        lines += _block(explanation.deciding, "")
    return lines


def _conformity_lines(diagnosis: Diagnosis, board: Board, language: str) -> list[str]:
    heading = label("reference_conformity", language)
    if diagnosis.reference_conformity is None:
        return [f"{heading}: {label('no_reference', language)}"]
    lines = [f"{heading}: {_percent(diagnosis.reference_conformity)}",
             f"{label('off_reference', language)}: "
             f"{len(diagnosis.off_reference) or label('none', language)}"]
    lines += [f"   - {card_with_zone(board, card_id, language)}" for card_id in diagnosis.off_reference]
    if diagnosis.shared_instead:
        lines.append(f"{label('shared_count', language)}: {len(diagnosis.shared_instead)}")
        lines += [f"   - {line}" for line in shared_instead_lines(board, diagnosis.shared_instead,
                                                               load_functions(), language)]
    return lines


def _block(heading: str, text: str) -> list[str]:
    if not text:
        return textwrap.wrap(heading if heading.endswith(".") else f"{heading}:", WIDTH,
                             initial_indent="   ", subsequent_indent="     ")
    return textwrap.wrap(f"{heading}: {text}", WIDTH, initial_indent="   ", subsequent_indent="     ")


def _percent(value: float) -> str:
    return f"{round(value * 100):3d} %"


def _bar(value: float, width: int = 20) -> str:
    filled = round(value * width)
    return "[" + "#" * filled + "." * (width - filled) + "]"
