"""The agreed board as vector graphics: three zones side by side, the boundary lines, every card.

The layout picks the largest card font at which every zone's cards fit the height it is given;
card texts wrap within their card and are shortened with an ellipsis when they would need more
lines. A board too full for the smallest font is scaled down as a whole, so the drawing always fits
the page.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth as _reportlab_string_width
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from workshop_app.domain.model import PLACED_ZONES, Board, Card, Zone
from workshop_app.export.fonts import BOLD, REGULAR
from workshop_app.export.palette import (
    BOUNDARY,
    CARD_EDGE,
    FLAGGED,
    INK,
    MUTED,
    WHITE,
    ZONE_COLOURS,
)
from workshop_app.export.texts import Labels, plain

ZONE_SHARE = {Zone.MARKETING: 0.39, Zone.SHARED: 0.22, Zone.SALES: 0.39}

TITLE_H = 26.0
PAD = 6.0
GAP = 5.0
CARD_PAD = 4.0
BOUNDARY_W = 2.2
# (font size, smallest card width) from the most to the least readable
LEVELS = ((9.0, 86.0), (8.5, 80.0), (8.0, 74.0), (7.0, 64.0), (6.0, 54.0), (5.0, 44.0))
MAX_LINES = 4
CUSTOM_DASH = (2, 1.5)  # a custom card's edge


@lru_cache(maxsize=20000)
def _unit_width(text: str, font: str) -> float:
    return _reportlab_string_width(text, font, 1.0)


def stringWidth(text: str, font: str, size: float) -> float:  # noqa: N802 - ReportLab's name
    """ReportLab's string width, memoised per text at size 1 (a width grows linearly with the size):
    the layout measures the same words at several sizes and widths."""
    return _unit_width(text, font) * size


@dataclass(frozen=True)
class _Plan:
    widths: dict[Zone, float]
    font_size: float
    columns: dict[Zone, int]
    lines: int
    card_h: float
    height: float


def wrap(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """`text` broken into at most `max_lines` lines no wider than `width`; the last line ends with
    an ellipsis when text is left over. Words wider than a line are broken between characters."""
    words = text.split()
    lines: list[str] = []
    current = ""
    pieces = [piece for word in words for piece in _fit_word(word, font, size, width)]
    for index, piece in enumerate(pieces):
        candidate = f"{current} {piece}" if current else piece
        if stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        lines.append(current)
        current = piece
        if len(lines) == max_lines:
            return _ellipsize(lines, font, size, width, leftover=pieces[index:])
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        return _ellipsize(lines[:max_lines], font, size, width, leftover=lines[max_lines:])
    return lines


def _fit_word(word: str, font: str, size: float, width: float) -> list[str]:
    if stringWidth(word, font, size) <= width:
        return [word]
    parts: list[str] = []
    current, current_w = "", 0.0
    hyphen_w = stringWidth("-", font, size)
    for char in word:
        char_w = stringWidth(char, font, size)  # no kerning: a string's width is its characters'
        if current and current_w + char_w + hyphen_w > width:
            parts.append(current + "-")
            current, current_w = char, char_w
        else:
            current, current_w = current + char, current_w + char_w
    return [*parts, current] if current else parts


def _ellipsize(lines: list[str], font: str, size: float, width: float,
               leftover: list[str]) -> list[str]:
    if not leftover:
        return lines
    last = lines[-1]
    while last and stringWidth(last + "…", font, size) > width:
        last = last[:-1].rstrip()
    return [*lines[:-1], last + "…"]


class BoardDrawing:
    """Builds the Drawing of a board for a given width and the height it may take at most."""

    def __init__(self, board: Board, labels: Labels, off_reference: Collection[str] = ()) -> None:
        self.board = board
        self.labels = labels
        self.language = labels.language
        self.off_reference = set(off_reference)
        self.cards = {zone: board.cards_in(zone) for zone in PLACED_ZONES}
        self.texts = {card.id: plain(card.text(self.language)) for zone in PLACED_ZONES
                      for card in self.cards[zone]}
        self._plans: dict[tuple[float, float], _Plan] = {}
        # a candidate layout does not depend on the height it must fit: each is measured once, however
        # often the size is searched (the summary asks for the first page and then for a page of its own)
        self._candidates: dict[tuple, tuple[_Plan, bool]] = {}
        self._wrapped: dict[tuple[str, float, float, int], list[str]] = {}
        self._widest: dict[str, float] = {}

    # --- layout ---

    def width_splits(self, width: float) -> list[dict[Zone, float]]:
        """Candidate zone widths: the usual narrow shared strip first, then wider strips, then widths
        after the number of cards in each zone (a crowded zone gets more room)."""
        shares = [tuple(ZONE_SHARE[z] for z in PLACED_ZONES), (0.35, 0.30, 0.35), (0.31, 0.38, 0.31)]
        counts = [len(self.cards[zone]) for zone in PLACED_ZONES]
        if sum(counts):
            raw = [min(max(count / sum(counts), 0.18), 0.5) for count in counts]
            shares.append(tuple(share / sum(raw) for share in raw))
        return [{zone: width * share for zone, share in zip(PLACED_ZONES, split, strict=True)}
                for split in shares]

    def _plan(self, width: float, max_height: float) -> _Plan:
        key = (width, max_height)
        if key not in self._plans:
            self._plans[key] = self._search_plan(width, max_height)
        return self._plans[key]

    def _search_plan(self, width: float, max_height: float) -> _Plan:
        """The most readable level (and zone widths) at which the board fits `max_height`,
        preferring one at which no word has to be broken inside; the least readable level when none
        fits."""
        fitting: list[_Plan] = []
        plan = None
        candidates = [(size, min_card_w, widths) for size, min_card_w in LEVELS
                      for widths in self.width_splits(width)]
        for number, (size, min_card_w, widths) in enumerate(candidates):
            if number < len(candidates) - 1 and self._lowest_height(widths, size, min_card_w) > max_height:
                continue  # too high even with one line per card: no need to wrap every text
            plan, breaks_words = self._plan_at(widths, size, min_card_w)
            if plan.height <= max_height:
                if not breaks_words:
                    return plan
                fitting.append(plan)
        assert plan is not None
        return fitting[0] if fitting else plan

    def _plan_at(self, widths: dict[Zone, float], size: float, min_card_w: float
                 ) -> tuple[_Plan, bool]:
        key = (tuple(widths.values()), size, min_card_w)
        if key not in self._candidates:
            self._candidates[key] = self._measure_plan(widths, size, min_card_w)
        return self._candidates[key]

    def _measure_plan(self, widths: dict[Zone, float], size: float, min_card_w: float
                      ) -> tuple[_Plan, bool]:
        columns = {zone: self._columns(widths[zone], min_card_w) for zone in PLACED_ZONES}
        lines, breaks_words = self._lines_needed(widths, columns, size)
        card_h = lines * size * 1.22 + 2 * CARD_PAD
        return _Plan(widths, size, columns, lines, card_h, self._height(columns, card_h)), breaks_words

    def _height(self, columns: dict[Zone, int], card_h: float) -> float:
        rows = max((math.ceil(len(self.cards[z]) / columns[z]) for z in PLACED_ZONES), default=0)
        return TITLE_H + PAD + max(rows, 1) * (card_h + GAP) + PAD

    def _lowest_height(self, widths: dict[Zone, float], size: float, min_card_w: float) -> float:
        """The height of this candidate if every card needed one line: a lower bound of its height."""
        columns = {zone: self._columns(widths[zone], min_card_w) for zone in PLACED_ZONES}
        return self._height(columns, size * 1.22 + 2 * CARD_PAD)

    def font_size(self, width: float, max_height: float) -> float:
        """The card font size the drawing would use for this space."""
        return self._plan(width, max_height).font_size

    @staticmethod
    def _columns(zone_w: float, min_card_w: float) -> int:
        inner = zone_w - 2 * PAD
        return max(1, int((inner + GAP) // (min_card_w + GAP)))

    def _card_w(self, zone_w: float, columns: int) -> float:
        return (zone_w - 2 * PAD - (columns - 1) * GAP) / columns

    def _lines_needed(self, widths: dict[Zone, float], columns: dict[Zone, int],
                      size: float) -> tuple[int, bool]:
        """The lines the longest card text needs (at most MAX_LINES), and whether a word must be
        broken inside to fit a card."""
        needed = 1
        breaks_words = False
        for zone in PLACED_ZONES:
            text_w = self._text_w(self._card_w(widths[zone], columns[zone]))
            for card in self.cards[zone]:
                breaks_words = breaks_words or self._widest_word(card.id) * size > text_w
                if needed < MAX_LINES:  # more lines than the most a card shows change nothing
                    needed = max(needed, len(self._wrap(card.id, size, text_w, MAX_LINES)))
        return needed, breaks_words

    def _widest_word(self, card_id: str) -> float:
        """The width of a card text's widest word at size 1."""
        if card_id not in self._widest:
            self._widest[card_id] = max((_unit_width(word, REGULAR) for word in self.texts[card_id].split()),
                                        default=0.0)
        return self._widest[card_id]

    def _wrap(self, card_id: str, size: float, text_w: float, max_lines: int) -> list[str]:
        """A card's text wrapped (measured once per size and width: the search and the drawing share it)."""
        key = (card_id, size, text_w, max_lines)
        if key not in self._wrapped:
            self._wrapped[key] = wrap(self.texts[card_id], REGULAR, size, text_w, max_lines)
        return self._wrapped[key]

    @staticmethod
    def _text_w(card_w: float) -> float:
        return card_w - 2 * CARD_PAD - 3

    # --- drawing ---

    def build(self, width: float, max_height: float) -> BoardFlowable:
        """The board laid out for `width`, scaled down as a whole when even the least readable level
        is higher than `max_height`."""
        plan = self._plan(width, max_height)
        scale = min(1.0, max_height / plan.height) if plan.height > 0 else 1.0
        return BoardFlowable(self, plan, width, scale)

    def draw(self, canvas: Canvas, plan: _Plan) -> None:
        """Paint the board at the canvas's origin: the zones left to right, then the boundaries."""
        x = 0.0
        for zone in PLACED_ZONES:
            self._draw_zone(canvas, zone, x, plan.widths[zone], plan)
            x += plan.widths[zone]
        canvas.setStrokeColor(BOUNDARY)
        canvas.setLineWidth(BOUNDARY_W)
        canvas.setDash()
        x = plan.widths[Zone.MARKETING]
        for zone in (Zone.SHARED, Zone.SALES):
            canvas.line(x, 0, x, plan.height)
            x += plan.widths[zone]

    def _draw_zone(self, canvas: Canvas, zone: Zone, x: float, zone_w: float, plan: _Plan) -> None:
        top = plan.height
        canvas.setFillColor(ZONE_COLOURS[zone])
        canvas.rect(x, 0, zone_w, plan.height, stroke=0, fill=1)
        title = self.labels[f"zone_{zone.value}"]
        count = f"  {len(self.cards[zone])}"
        title_w = stringWidth(title, BOLD, 11)
        title_x = x + (zone_w - (title_w + stringWidth(count, REGULAR, 9))) / 2
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 11)
        canvas.drawString(title_x, top - 17, title)
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 9)
        canvas.drawString(title_x + title_w, top - 17, count)
        columns = plan.columns[zone]
        card_w = self._card_w(zone_w, columns)
        if not self.cards[zone]:
            canvas.setFillColor(MUTED)
            canvas.setFont(REGULAR, 8)
            canvas.drawCentredString(x + zone_w / 2, top - TITLE_H - PAD - plan.card_h / 2,
                                     self.labels["empty_zone"])
        canvas.setFont(REGULAR, plan.font_size)
        for index, card in enumerate(self.cards[zone]):
            row, col = divmod(index, columns)
            card_x = x + PAD + col * (card_w + GAP)
            card_y = top - TITLE_H - PAD - row * (plan.card_h + GAP) - plan.card_h
            self._draw_card(canvas, card, card_x, card_y, card_w, plan)

    def _draw_card(self, canvas: Canvas, card: Card, x: float, y: float, w: float, plan: _Plan) -> None:
        off = card.id in self.off_reference
        canvas.setFillColor(WHITE)
        canvas.setStrokeColor(FLAGGED if off else CARD_EDGE)
        canvas.setLineWidth(1.1 if off else 0.6)
        canvas.setDash(*((CUSTOM_DASH,) if card.custom else ()))
        canvas.roundRect(x, y, w, plan.card_h, 2, stroke=1, fill=1)
        if off:
            canvas.setFillColor(FLAGGED)
            canvas.rect(x, y, 3, plan.card_h, stroke=0, fill=1)
        size = plan.font_size
        leading = size * 1.22
        lines = self._wrap(card.id, size, self._text_w(w), plan.lines)
        first_baseline = y + plan.card_h / 2 + len(lines) * leading / 2 - size * 0.95
        canvas.setFillColor(INK)
        for number, line in enumerate(lines):
            canvas.drawString(x + CARD_PAD + 2, first_baseline - number * leading, line)


class BoardFlowable(Flowable):
    """The board as a flowable that paints straight onto the page's canvas (as many rectangles and
    strings as a Drawing of shapes would give, without building and validating a shape per card)."""

    def __init__(self, builder: BoardDrawing, plan: _Plan, width: float, scale: float) -> None:
        super().__init__()
        self.builder = builder
        self.plan = plan
        self.scale = scale
        self.width = width * scale
        self.height = plan.height * scale

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setLineCap(0)
        canvas.setLineJoin(0)
        canvas.setDash()
        if self.scale < 1.0:
            canvas.scale(self.scale, self.scale)
        self.builder.draw(canvas, self.plan)
        canvas.restoreState()


def board_drawing(board: Board, labels: Labels, width: float, max_height: float,
                  off_reference: Collection[str] = ()) -> BoardFlowable:
    return BoardDrawing(board, labels, off_reference).build(width, max_height)
