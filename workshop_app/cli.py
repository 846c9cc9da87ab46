"""`workshop-app`: start the board, or work with boards and sessions from the command line."""

from __future__ import annotations

import argparse
import gc
import importlib
import io
import os
import sys

from workshop_app import __version__
from workshop_app.commands import SUBCOMMANDS, desktop_entry

EXIT_BROKEN_PIPE = 141  # what a shell reports for a process ended by SIGPIPE


class _StartOptionsParser(argparse.ArgumentParser):
    """The options of the window's start alone: it leaves every error to the whole parser."""

    def error(self, message: str):  # type: ignore[override] - raises instead of exiting
        raise argparse.ArgumentError(None, message)


def build_parser(*, with_commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; without `with_commands`, only the options of the window's start (no
    command module is imported: each loads what its command needs, e.g. ReportLab for `export`)."""
    from workshop_app.domain.model import LANGUAGES  # the domain: after main() paused the collector

    parser_class = argparse.ArgumentParser if with_commands else _StartOptionsParser
    parser = parser_class(
        prog="workshop-app", add_help=with_commands,
        description="Grenzziehung: a workshop board for the boundary between marketing and sales.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the UI and the deck "
                        "(default: the system locale: German for German, else English)")
    parser.add_argument("--full-screen", action="store_true", help="start in full screen")
    parser.add_argument("--sessions-dir", metavar="DIR", help="folder of the session files (default: "
                        "the checkout's sessions/ or the platform's data folder)")
    parser.add_argument("--projector-screen", metavar="N", type=_screen_number,
                        help="start in presenter mode with the projector's window on screen N "
                             "(1 = the first screen)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="start the window, exit 0 once it has painted (checks an installation; "
                             "the start's questions get their default answer, printed on stderr)")
    desktop_entry.add_options(parser)
    parser.set_defaults(func=None)
    if not with_commands:
        return parser
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in SUBCOMMANDS:
        importlib.import_module(f"workshop_app.commands.{name}").register(subparsers)
    return parser


def _screen_number(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a screen number (1, 2, …)")
    return int(text)


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """The parsed command line. A start of the window (options only, the common case) is parsed
    without importing the command modules; anything else – a command, `--help`, a mistake – by
    the whole parser, which also words every error message."""
    try:
        args, rest = build_parser(with_commands=False).parse_known_args(argv)
        if not rest:
            return args
    except argparse.ArgumentError:
        pass  # the whole parser words the refusal
    return build_parser().parse_args(argv)


def start_window(args: argparse.Namespace) -> int:
    """The board window, until it is closed; the garbage collector, paused by `main`, collects again
    once the board has painted."""
    from workshop_app.ui.app import run

    return run(args.lang, full_screen=args.full_screen, sessions_dir=args.sessions_dir,
               smoke_test=args.smoke_test, projector_screen=args.projector_screen,
               after_first_paint=gc.enable)


def main(argv: list[str] | None = None) -> int:
    """Start the window, or run a command. Python's cyclic garbage collector pauses from here until
    the board has painted: the start imports and builds tens of thousands of objects, none of them
    garbage, and the collector would walk them again and again (about 10 ms of the start). A command
    runs with the collector on, as does everything after a failed start."""
    for stream in (sys.stdout, sys.stderr):  # file names that are not UTF-8 print as their bytes
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="surrogateescape")
    gc.disable()
    try:
        args = parse_arguments(argv)
        if args.func is None and not desktop_entry.requested(args):
            return start_window(args)
    finally:
        gc.enable()  # a start turned it on at its first paint already
    if desktop_entry.requested(args):
        return desktop_entry.run(args)
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader (`| head -1`) has gone: stop quietly, like other tools
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's final flush then writes nowhere
        return EXIT_BROKEN_PIPE
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
