"""`workshop-app --install-desktop-entry` and `--uninstall-desktop-entry`: the app in the desktop's menu.

Options of the main command rather than sub-commands, as desktop apps spell them. The entry starts
this very installation (the bundle's executable or this Python); see workshop_app/desktop_entry.py.
"""

from __future__ import annotations

import argparse
import sys
from functools import cache

from workshop_app import desktop_entry
from workshop_app.paths import resource, xdg_data_home

EXIT_CANNOT_WRITE = 3


def add_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--install-desktop-entry", action="store_true",
                       help="add the app to the desktop's menu (entry and icon in ~/.local/share or "
                            "$XDG_DATA_HOME) and exit")
    group.add_argument("--uninstall-desktop-entry", action="store_true",
                       help="remove the menu entry and icon again and exit")


def requested(args: argparse.Namespace) -> bool:
    return bool(args.install_desktop_entry or args.uninstall_desktop_entry)


@cache
def _texts() -> dict:
    from workshop_app.domain.datafile import read_labels  # the domain: not before parsing a start

    return read_labels(resource("messages", "desktop_cli.json"), ValueError)


def _text(key: str, lang: str, **values: object) -> str:
    from workshop_app.domain.datafile import pick_label

    return pick_label(_texts(), key, lang, **values)


def run(args: argparse.Namespace) -> int:
    from workshop_app.commands.sessions import language  # the sessions' modules: not for a start

    lang = language(args)
    folder = xdg_data_home()
    try:
        if args.install_desktop_entry:
            written = desktop_entry.install(folder)
            print(_text("installed", lang, entry=written[0], icons=folder / "icons" / "hicolor"))
        else:
            removed = desktop_entry.uninstall(folder)
            key = "uninstalled" if removed else "nothing_installed"
            print(_text(key, lang, count=len(removed), folder=folder))
    except OSError as exc:
        detail = exc.strerror or exc
        print(f"workshop-app: {_text('cannot_write', lang, path=exc.filename or folder, detail=detail)}",
              file=sys.stderr)
        return EXIT_CANNOT_WRITE
    return 0
