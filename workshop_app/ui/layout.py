"""Board geometry: where zones and card slots are, in scene coordinates.

Pure arithmetic (no Qt) so that it is fast and easy to test: the scene turns these rectangles into
items, the view maps drop points back to a zone and an index with `ZoneGeometry.index_at`.

Cards have one size in scene units; how large they appear follows from the scene's size, because every
view fits the whole scene. `compute_layout` therefore picks the rows and columns that give the smallest
scene of the target's aspect ratio, i.e. the largest cards, and keeps the scene's size (no re-zoom) for
as long as the cards still fit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workshop_app.domain.model import PLACED_ZONES, Zone

CARD_W = 240.0
CARD_H = 88.0
CARD_FONT_PX = 22
TEXT_PAD_X = 8.0  # card text box inset, left and right
TEXT_PAD_Y = 4.0
GAP = 8.0
PAD = 12.0
TITLE_H = 44.0
MARGIN = 12.0  # outside every zone: a drop here puts the card back
TRAY_GAP = 10.0
MIN_WIDTH = 1280.0  # a board with few cards is not blown up further than this scene width allows
TITLE_FONT_PX = 26
DEFAULT_ASPECT = 16 / 9

@dataclass(frozen=True)
class Rect:
    """A rectangle in scene units."""

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
    """Where a zone lies and how many columns of cards its grid has."""

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
    """The whole board's geometry for one size: every zone's place and the grid."""

    width: float
    height: float
    zones: dict[Zone, ZoneGeometry]
    grid: Grid = field(default_factory=lambda: Grid(1, 1))

    def zone_at(self, px: float, py: float) -> Zone | None:
        for geometry in self.zones.values():
            if geometry.rect.contains(px, py):
                return geometry.zone
        return None


@dataclass(frozen=True)
class Grid:
    """Rows of the three zones (shared by all three) and rows of the tray."""

    zone_rows: int
    tray_rows: int


def _span(columns: int) -> float:
    """Width of a zone holding `columns` columns of cards."""
    return columns * CARD_W + (columns - 1) * GAP + 2 * PAD


def _columns(width: float) -> int:
    return max(1, int((width - 2 * PAD + GAP) // (CARD_W + GAP)))


def _rows_height(rows: int) -> float:
    return TITLE_H + rows * (CARD_H + GAP) - GAP + PAD


def _tray_height(count: int, rows: int) -> float:
    return _rows_height(rows) if count else TITLE_H  # an empty tray is a slim strip to drop on


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def _zone_columns(counts: dict[Zone, int], rows: int) -> dict[Zone, int]:
    return {zone: max(1, _ceil_div(counts.get(zone, 0), rows)) for zone in PLACED_ZONES}


def _needed(counts: dict[Zone, int], grid: Grid) -> tuple[float, float]:
    """The scene width and height `grid` needs for these counts."""
    unplaced = counts.get(Zone.UNPLACED, 0)
    zones_w = sum(_span(c) for c in _zone_columns(counts, grid.zone_rows).values())
    tray_w = _span(max(1, _ceil_div(unplaced, grid.tray_rows)))
    height = _rows_height(grid.zone_rows) + TRAY_GAP + _tray_height(unplaced, grid.tray_rows)
    return max(zones_w, tray_w) + 2 * MARGIN, height + 2 * MARGIN


def _scene_height(counts: dict[Zone, int], grid: Grid, aspect: float) -> float:
    """The scene height (at `aspect`) that holds `grid`: the smaller, the larger the cards."""
    width, height = _needed(counts, grid)
    return max(width / aspect, height, MIN_WIDTH / aspect)


def _row_candidates(count: int) -> set[int]:
    """The row counts at which a zone of `count` cards changes its number of columns."""
    return {_ceil_div(count, columns) for columns in range(1, count + 1)} if count else {1}


def _best_tray_rows(counts: dict[Zone, int], zone_rows: int, aspect: float) -> Grid:
    """Tray rows for `zone_rows`: more rows make the tray narrower and the board taller, so the best
    is where the two meet (binary search on that crossing)."""
    unplaced = counts.get(Zone.UNPLACED, 0)
    low, high = 1, max(1, unplaced)
    while low < high:
        mid = (low + high) // 2
        width, height = _needed(counts, Grid(zone_rows, mid))
        if width / aspect > height:
            low = mid + 1
        else:
            high = mid
    grids = [Grid(zone_rows, rows) for rows in {max(1, low - 1), low}]
    return min(grids, key=lambda grid: _scene_height(counts, grid, aspect))


def best_grid(counts: dict[Zone, int], aspect: float) -> Grid:
    """The rows for zones and tray that make the cards largest in a view of this aspect ratio."""
    candidates: set[int] = set()
    for zone in PLACED_ZONES:
        candidates |= _row_candidates(counts.get(zone, 0))
    grids = [_best_tray_rows(counts, rows, aspect) for rows in sorted(candidates)]
    return min(grids, key=lambda grid: (_scene_height(counts, grid, aspect), grid.zone_rows))


def compute_layout(counts: dict[Zone, int], width: float, height: float,
                   keep: BoardLayout | None = None) -> BoardLayout:
    """Zones left to right (Marketing | shared | Sales) above the tray of unplaced cards, in a scene
    of the target's aspect ratio (`width` x `height`, e.g. a view's viewport in pixels).

    The rows and columns are chosen so that the scene is as small as possible, which makes the cards
    as large as possible once a view fits the scene. With `keep` (the layout shown now) the scene
    keeps its size while the cards still fit in it: the board then reflows but does not re-zoom.
    """
    aspect = width / height if width > 0 and height > 0 else DEFAULT_ASPECT
    if keep is not None and abs(keep.width / keep.height - aspect) < 1e-6:
        grid = _fitting_grid(counts, keep, aspect)
        if grid is not None:
            return _place(counts, grid, keep.width, keep.height)
    grid = best_grid(counts, aspect)
    scene_h = _scene_height(counts, grid, aspect)
    return _place(counts, grid, scene_h * aspect, scene_h)


def _fitting_grid(counts: dict[Zone, int], keep: BoardLayout, aspect: float) -> Grid | None:
    """A grid that fits the kept scene: the kept zone rows if they still fit, else the best one (only
    searched for when the kept rows do not fit: the search costs about 1 ms at 300 cards)."""
    candidates = (lambda: _best_tray_rows(counts, keep.grid.zone_rows, aspect),
                  lambda: best_grid(counts, aspect))
    for candidate in candidates:
        grid = candidate()
        need_w, need_h = _needed(counts, grid)
        if need_w <= keep.width + 1e-6 and need_h <= keep.height + 1e-6:
            return grid
    return None


def _place(counts: dict[Zone, int], grid: Grid, width: float, height: float) -> BoardLayout:
    """Rectangles for `grid` in a scene of `width` x `height`: the zones share the spare width in
    proportion to what they need and take the spare height; the tray keeps its rows."""
    unplaced = counts.get(Zone.UNPLACED, 0)
    columns = _zone_columns(counts, grid.zone_rows)
    inner = width - 2 * MARGIN
    spans = {zone: _span(columns[zone]) for zone in PLACED_ZONES}
    stretch = inner / sum(spans.values())
    tray_h = _tray_height(unplaced, grid.tray_rows)
    zones_h = height - 2 * MARGIN - TRAY_GAP - tray_h
    zones: dict[Zone, ZoneGeometry] = {}
    x = MARGIN
    for zone in PLACED_ZONES:
        zone_w = spans[zone] * stretch
        zones[zone] = ZoneGeometry(zone, Rect(x, MARGIN, zone_w, zones_h), columns[zone])
        x += zone_w
    tray_y = MARGIN + zones_h + TRAY_GAP
    tray_columns = max(_columns(inner), _ceil_div(unplaced, grid.tray_rows))  # rounding-proof
    zones[Zone.UNPLACED] = ZoneGeometry(Zone.UNPLACED, Rect(MARGIN, tray_y, inner, tray_h),
                                        tray_columns)
    return BoardLayout(width, height, zones, grid)
