"""The command line is parsed in two steps: a start of the window (options only) without importing
the command modules, anything else by the whole parser. Both must give what the whole parser alone
gives – the same options, the same help, the same one-line refusals."""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest

from workshop_app import cli
from workshop_app.commands import export as export_command


def outcome(parse, argv: list[str]) -> tuple:
    """What `parse(argv)` gives: its namespace, or its exit code with what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            return ("parsed", vars(parse(argv)))
        except SystemExit as exit_:
            return ("exit", exit_.code, out.getvalue(), err.getvalue())


STARTS = [
    [], ["--lang", "de"], ["--lang=en", "--full-screen"], ["--sessions-dir", "diagnose"],
    ["--projector-screen", "2", "--smoke-test"], ["--lan", "de"], ["--install-desktop-entry"],
]
OTHERS = [
    ["-h"], ["--help"], ["--version"], ["--lang", "fr"], ["--projector-screen", "0"],
    ["--projector-screen"], ["--s"], ["--bogus"], ["--install-desktop-entry", "--uninstall-desktop-entry"],
    ["sessions"], ["--lang", "en", "diagnose", "board.json", "--json"], ["export", "-h"], ["new"],
    ["unknown-command"],
]


@pytest.mark.parametrize("argv", STARTS + OTHERS, ids=" ".join)
def test_the_two_steps_give_what_the_whole_parser_gives(argv):
    whole = outcome(lambda args: cli.build_parser().parse_args(args), argv)
    assert outcome(cli.parse_arguments, argv) == whole


@pytest.mark.parametrize("argv", STARTS, ids=" ".join)
def test_a_start_of_the_window_is_parsed_without_the_commands(argv, monkeypatch):
    def no_commands(*args, **kwargs):
        raise AssertionError("the command modules were asked for")

    monkeypatch.setattr(argparse._SubParsersAction, "add_parser", no_commands)
    assert outcome(cli.parse_arguments, argv)[0] == "parsed"


def test_a_command_is_parsed_by_the_whole_parser():
    args = cli.parse_arguments(["--lang", "en", "export", "board.json", "--pdf", "out.pdf"])
    assert args.func is export_command.run and args.pagesize == "a4"


def test_the_export_command_offers_the_page_sizes_of_the_export():
    from workshop_app.export import PAGE_SIZES

    assert tuple(PAGE_SIZES) == export_command.PAGE_SIZE_NAMES
