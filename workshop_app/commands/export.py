"""`workshop-app export SOURCE [--pdf OUT.pdf] [--charter OUT.md] [--lang de|en]
[--pagesize a4|letter]`, or `workshop-app export SESSION --json OUT.json` (the whole session as JSON,
`domain.sessionfile`).

`--charter` writes the role charters of the agreed board as Markdown (for a wiki or an HR document).
`--png OUT.png [--size WxH] [--round ist|soll]` writes the projector's view of a round as an image
(`commands/png_options.py`).

Writes the PDF summary of a session file (SQLite) or of a board file (JSON, with an untitled session
around it). A file that cannot be read, or a PDF that cannot be written (folder missing or not
writable, disk full), gives a one-line message on stderr and a non-zero exit; the PDF is written to a
temporary file and renamed, so no half-written PDF is left behind, and the session is only read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workshop_app.commands.agreement import SOURCE_ERRORS, AgreementSource, load_agreement_source
from workshop_app.commands.png_options import (
    PngOptionError,
    add_png_options,
    parse_size,
    round_to_draw,
    write_png,
)
from workshop_app.domain.agreement_texts import AgreementTextsError
from workshop_app.domain.charter import build_charters, render_markdown
from workshop_app.domain.deck import DeckError
from workshop_app.domain.diagnosis import ArchetypeError
from workshop_app.domain.model import LANGUAGES
from workshop_app.domain.session import Session
from workshop_app.domain.sessionfile import SessionFileError, write_session_file
from workshop_app.domain.write_target import WriteTargetError, check_write_target

EXIT_BAD_INPUT = 2
EXIT_WRITE_FAILED = 3
# the export package's PAGE_SIZES (a test keeps them equal): the parser is built at every start of the
# app, and importing the export package loads ReportLab, which only this command's run needs
PAGE_SIZE_NAMES = ("a4", "letter")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help="write the PDF summary of a session or board file",
        description="Write the PDF summary of a session file or a board file (JSON): the agreed "
                    "board, the tasks by side, the diagnosis, notes, next steps and an agreement "
                    "block to sign.")
    parser.add_argument("source", metavar="SESSION_OR_BOARD",
                        help="a session file, a session JSON file or a board file")
    parser.add_argument("--pdf", metavar="OUT.pdf", help="where to write the PDF")
    parser.add_argument("--charter", metavar="OUT.md",
                        help="where to write the role charters as Markdown")
    parser.add_argument("--json", metavar="OUT.json",
                        help="write the whole session as JSON instead (see README: session JSON)")
    add_png_options(parser)
    parser.add_argument("--lang", dest="export_lang", choices=LANGUAGES,
                        help="language of the PDF (default: the session's language; for a board "
                             "file, --lang before the command, else German)")
    parser.add_argument("--pagesize", choices=PAGE_SIZE_NAMES, default="a4",
                        help="page size (default: a4)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from workshop_app.export import ExportError, write_summary_pdf  # ReportLab: only when run
    from workshop_app.export.texts import ExportTextsError

    if bool(args.json) == bool(args.pdf or args.charter or args.png):
        return _fail("say what to write: --pdf OUT.pdf, --charter OUT.md and/or --png OUT.png, or "
                     "--json OUT.json", EXIT_BAD_INPUT)
    path = Path(args.source)
    if not path.is_file():
        return _fail(f"{path}: no such file", EXIT_BAD_INPUT)
    try:
        if args.png:
            parse_size(args.size)
        source = load_agreement_source(path)
        if args.png:
            round_to_draw(source.session, args.export_round)
    except (*SOURCE_ERRORS, PngOptionError) as exc:
        return _fail(str(exc), EXIT_BAD_INPUT)
    try:
        for target in (args.json, args.pdf, args.charter, args.png):
            if target:
                check_write_target(Path(target), source=path)
    except WriteTargetError as exc:
        return _fail(str(exc), EXIT_BAD_INPUT)
    session = source.session
    if args.json:
        return _write_json(session, Path(args.json))
    language = args.export_lang
    if language is None and not source.from_session_file:
        language = getattr(args, "lang", None) or session.info.language
    try:
        written = []
        if args.pdf:
            written.append(write_summary_pdf(Path(args.pdf), session, language=language,
                                             page_size=args.pagesize))
        if args.charter:
            written.append(write_charter(Path(args.charter), source,
                                         language or session.info.language))
        if args.png:
            written.append(write_png(args, session, language or session.info.language))
    except ExportError as exc:
        return _fail(str(exc), EXIT_WRITE_FAILED)
    except (ExportTextsError, ArchetypeError, DeckError, AgreementTextsError) as exc:
        return _fail(str(exc), EXIT_BAD_INPUT)
    print("\n".join(str(path) for path in written))
    return 0


def _write_json(session: Session, path: Path) -> int:
    try:
        write_session_file(session, path)
    except SessionFileError as exc:
        return _fail(str(exc), EXIT_WRITE_FAILED)
    print(path)
    return 0


def write_charter(path: Path, source: AgreementSource, language: str) -> Path:
    """The role charters of the source's agreed board as Markdown, written atomically."""
    from workshop_app.export import write_atomically  # ReportLab's package: only when run

    charters = build_charters(source.agreement, source.ist_diagnosis(), language)
    info = source.session.info
    text = render_markdown(charters, info.title, info.date)
    return write_atomically(path, text.encode("utf-8"))


def _fail(message: str, code: int) -> int:
    print(f"workshop-app export: {message}", file=sys.stderr)
    return code
