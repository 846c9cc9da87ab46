"""The PDF's colours, in one place; the zone colours come from resources/zones.json, as the board's do."""

from __future__ import annotations

from reportlab.lib.colors import HexColor

from workshop_app.domain.zone_palette import zone_colours

INK = HexColor("#111111")
MUTED = HexColor("#5c636a")
WHITE = HexColor("#ffffff")
FLAGGED = HexColor("#d9480f")  # an archetype that resembles the board, a card off the reference
LEANING_COLOUR = HexColor("#b35c00")  # an archetype the board leans to ("deutet sich an")
FLAGGED_LIGHT = HexColor("#f4b183")  # the same, for an earlier round's score beside the current one
CALM = HexColor("#4a6fa5")
TRACK = HexColor("#e9ecef")
GRID = HexColor("#adb5bd")
RULE = HexColor("#ced4da")
PANEL = HexColor("#f1f3f5")
ACCENT = HexColor("#1f3a5f")
BOUNDARY = HexColor("#222222")
CARD_EDGE = HexColor("#9aa3ad")
ZONE_COLOURS = {zone: HexColor(colour) for zone, colour in zone_colours().items()  # resources/zones.json
                if zone.is_placed}
