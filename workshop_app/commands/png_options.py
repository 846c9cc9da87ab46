"""`export … --png OUT.png [--size WxH] [--round ist|soll]`: the options of a board image and their
checks (one-line `PngOptionError`s); the image itself is rendered by the ui (`ui.app.export_board_png`),
which is loaded only when an image is asked for."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from workshop_app.domain.rounds import IST, SOLL
from workshop_app.domain.session import Session
from workshop_app.domain.sessionfile import JSON_ROUNDS

MAX_IMAGE_SIDE = 8000
MIN_IMAGE_SIDE = 200
DEFAULT_SIZE = "1920x1080"
_SIZE = re.compile(r"(\d{1,6})[xX](\d{1,6})")


class PngOptionError(ValueError):
    """A size or round the image cannot have; the message is one line."""


def add_png_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--png", metavar="OUT.png",
                        help="write an image of the board as the projector shows it")
    parser.add_argument("--size", default=DEFAULT_SIZE, metavar="WxH",
                        help=f"size of the image in pixels (default: {DEFAULT_SIZE}; at most "
                             f"{MAX_IMAGE_SIDE} a side)")
    parser.add_argument("--round", dest="export_round", choices=tuple(JSON_ROUNDS),
                        help="the round the image shows (default: Soll if it exists, else Ist)")


def parse_size(text: str) -> tuple[int, int]:
    """"1920x1080" as (1920, 1080); PngOptionError for another format or an absurd size."""
    match = _SIZE.fullmatch(text.strip())
    if match is None:
        raise PngOptionError(f"--size {text!r}: give the size as WIDTHxHEIGHT in pixels, "
                             "e.g. 1920x1080")
    width, height = int(match.group(1)), int(match.group(2))
    if max(width, height) > MAX_IMAGE_SIDE:
        raise PngOptionError(f"--size {text}: at most {MAX_IMAGE_SIDE} pixels a side")
    if min(width, height) < MIN_IMAGE_SIDE:
        raise PngOptionError(f"--size {text}: at least {MIN_IMAGE_SIDE} pixels a side")
    return width, height


def round_to_draw(session: Session, requested: str | None) -> str:
    """The round name the image shows: the requested one, else Soll when it exists, else Ist."""
    rounds = session.rounds
    assert rounds is not None
    if requested is None:
        return SOLL if SOLL in rounds else IST
    if JSON_ROUNDS[requested] not in rounds:
        raise PngOptionError(f"the session has no {requested.capitalize()} round")
    return JSON_ROUNDS[requested]


def write_png(args: argparse.Namespace, session: Session, language: str) -> Path:
    """Render and write the image `args` ask for (after `parse_size` and `round_to_draw` passed)."""
    from workshop_app.ui.app import export_board_png  # Qt loads only for an image

    return export_board_png(session, round_to_draw(session, args.export_round), language,
                            parse_size(args.size), Path(args.png))
