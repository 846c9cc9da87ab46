"""The zones' colours from `resources/zones.json`: one palette for the window's board and the PDF."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from workshop_app.domain.datafile import read_json_object
from workshop_app.domain.model import ALL_ZONES, Zone
from workshop_app.paths import resource

HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


class PaletteError(ValueError):
    """resources/zones.json cannot be used."""


@cache
def zone_colours(path: Path | None = None) -> dict[Zone, str]:
    """Each zone's colour as "#rrggbb"."""
    path = path or resource("zones.json")
    colours = read_json_object(path, PaletteError).get("colours")
    if not isinstance(colours, dict):
        raise PaletteError(f"{path.name}: needs an object 'colours'")
    palette = {}
    for zone in ALL_ZONES:
        value = colours.get(zone.value)
        if not isinstance(value, str) or not HEX_COLOUR.fullmatch(value):
            raise PaletteError(f"{path.name}: zone {zone.value!r} needs a colour #rrggbb")
        palette[zone] = value
    return palette
