"""Board geometry: where zones and card slots are, in scene coordinates.

Pure arithmetic (no Qt) so that it is fast and easy to test: the scene turns these rectangles into
items, the view maps drop points back to a zone and an index with `BoardLayout.slot_at`.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_app.domain.model import PLACED_ZONES, Zone

CARD_W = 240.0
CARD_H = 92.0
GAP = 10.0
PAD = 16.0
TITLE_H = 52.0
MARGIN = 20.0  # outside every zone: a drop here puts the card back
TRAY_GAP = 16.0
MIN_WIDTH = 1280.0
MIN_ZONE_ROWS = 2
CARD_FONT_PX = 21
TITLE_FONT_PX = 30


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def contains(self, px: float, py: float) -> bool:
        return self.x <= px <= self.x + self.w and self.y <= py <= self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


@dataclass(frozen=True)
class ZoneGeometry:
    zone: Zone
    rect: Rect
    columns: int

    @property
    def grid_left(self) -> float:
        grid_w = self.columns * CARD_W + (self.columns - 1) * GAP
        return self.rect.x + (self.rect.w - grid_w) / 2

    @property
    def grid_top(self) -> float:
        return self.rect.y + TITLE_H

    def slot_position(self, index: int) -> tuple[float, float]:
        """Top-left corner of the card at `index` in this zone."""
        row, col = divmod(index, self.columns)
        return (self.grid_left + col * (CARD_W + GAP), self.grid_top + row * (CARD_H + GAP))

    def index_at(self, px: float, py: float, count: int) -> int:
        """The insertion index for a drop at (px, py) among `count` cards."""
        col = int((px - self.grid_left + GAP / 2) // (CARD_W + GAP))
        col = min(max(col, 0), self.columns - 1)
        row = max(int((py - self.grid_top) // (CARD_H + GAP)), 0)
        return min(row * self.columns + col, count)

    def rows_for(self, count: int) -> int:
        return -(-count // self.columns) if count else 0


@dataclass(frozen=True)
class BoardLayout:
    width: float
    height: float
    zones: dict[Zone, ZoneGeometry]

    def zone_at(self, px: float, py: float) -> Zone | None:
        for geometry in self.zones.values():
            if geometry.rect.contains(px, py):
                return geometry.zone
        return None


def _columns(width: float) -> int:
    return max(1, int((width - 2 * PAD + GAP) // (CARD_W + GAP)))


def _zone_height(rows: int) -> float:
    return TITLE_H + rows * (CARD_H + GAP) - GAP + PAD


def compute_layout(counts: dict[Zone, int], width: float, min_height: float = 0.0) -> BoardLayout:
    """Zones left to right (Marketing | shared | Sales) above the tray of unplaced cards.

    `width` is the scene width to use (at least MIN_WIDTH); zones grow downwards to hold their cards
    and stretch to `min_height` so that the board fills the window.
    """
    width = max(width, MIN_WIDTH)
    inner = width - 2 * MARGIN
    shared_w = CARD_W + 2 * PAD
    side_w = (inner - shared_w) / 2
    xs = {Zone.MARKETING: (MARGIN, side_w), Zone.SHARED: (MARGIN + side_w, shared_w),
          Zone.SALES: (MARGIN + side_w + shared_w, side_w)}
    columns = {zone: _columns(w) for zone, (_, w) in xs.items()}
    tray_columns = _columns(inner)
    tray_rows = max(1, -(-counts.get(Zone.UNPLACED, 0) // tray_columns))
    tray_h = _zone_height(tray_rows)
    rows = max([MIN_ZONE_ROWS] + [-(-counts.get(z, 0) // columns[z]) for z in PLACED_ZONES])
    zones_h = max(_zone_height(rows), min_height - 2 * MARGIN - TRAY_GAP - tray_h)
    zones = {zone: ZoneGeometry(zone, Rect(x, MARGIN, w, zones_h), columns[zone])
             for zone, (x, w) in xs.items()}
    tray_y = MARGIN + zones_h + TRAY_GAP
    zones[Zone.UNPLACED] = ZoneGeometry(Zone.UNPLACED, Rect(MARGIN, tray_y, inner, tray_h),
                                        tray_columns)
    return BoardLayout(width, tray_y + tray_h + MARGIN, zones)
