"""The board scene: zone backgrounds, the boundary lines and one item per card.

The scene keeps a card-id-to-item map and re-flows the items whenever the board announces a change;
it never changes the board itself. Its geometry is a `BoardGeometry` no view owns; input (mouse,
touch, keys) is `BoardInput`'s business.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QWidget

from workshop_app.domain.model import (
    ALL_ZONES,
    Board,
    Card,
    CardAdded,
    CardEdited,
    CardRemoved,
    Change,
    Zone,
)
from workshop_app.domain.zone_palette import zone_colours
from workshop_app.ui import layout as geo
from workshop_app.ui.board_geometry import BoardGeometry
from workshop_app.ui.card_item import INK, SELECTION, CardItem
from workshop_app.ui.card_motion import CardMotion

ZONE_COLOURS = {zone: QColor(colour) for zone, colour in zone_colours().items()}  # resources/zones.json
BOUNDARY = QColor("#222222")


def zone_title(zone: Zone) -> str:
    titles = {
        Zone.MARKETING: QCoreApplication.translate("BoardScene", "Marketing"),
        Zone.SHARED: QCoreApplication.translate("BoardScene", "Interface"),
        Zone.SALES: QCoreApplication.translate("BoardScene", "Sales"),
        Zone.UNPLACED: QCoreApplication.translate("BoardScene", "Not placed yet"),
    }
    return titles[zone]


class ZoneItem(QGraphicsItem):
    """A zone's background with its title; the title band turns blue while it is the drop target."""

    def __init__(self, zone: Zone) -> None:
        super().__init__()
        self.zone = zone
        self._rect = QRectF()
        self._count = 0
        self._drop_target = False
        self._font = QFont("DejaVu Sans")
        self._font.setPixelSize(geo.TITLE_FONT_PX)
        self._font.setBold(True)
        self.setZValue(0)

    def set_geometry(self, rect: geo.Rect, count: int) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(rect.x, rect.y, rect.w, rect.h)
        self._count = count
        self.update()

    def set_drop_target(self, active: bool) -> None:
        """Repaint only the title band, where the drop target shows and no card lies (a frame around
        the zone made the view check every card of both zones: 15-25 ms a crossing at 2,000 cards)."""
        if active != self._drop_target:
            self._drop_target = active
            self.update(self._title_band().adjusted(-4, -4, 4, 4))

    def _title_band(self) -> QRectF:
        return QRectF(self._rect.x(), self._rect.y(), self._rect.width(), geo.TITLE_H)

    @property
    def is_drop_target(self) -> bool:
        return self._drop_target

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return self._rect.adjusted(-4, -4, 4, 4)

    def paint(self, painter: QPainter, option, widget: QWidget | None = None) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        # the colour itself, not a QBrush made of it: the first QBrush(QColor) costs 1.2 ms
        # (PySide builds QGradient's enums to choose the constructor), on the first paint
        painter.setBrush(ZONE_COLOURS[self.zone])
        painter.drawRect(self._rect)
        if self._drop_target:  # the title band in the selection colour, its title in white
            painter.setBrush(SELECTION)
            painter.drawRect(self._title_band())
        painter.setPen(QColor(Qt.GlobalColor.white) if self._drop_target else INK)
        painter.setFont(self._font)
        title = zone_title(self.zone)
        if self.zone is Zone.UNPLACED:
            title = f"{title} ({self._count})"
        title_rect = QRectF(self._rect.x() + 8, self._rect.y(), self._rect.width() - 16, geo.TITLE_H)
        painter.drawText(title_rect, int(Qt.AlignmentFlag.AlignCenter), title)


class BoundaryItem(QGraphicsItem):
    """The two thick lines that frame the shared strip: the boundary the workshop is about."""

    def __init__(self) -> None:
        super().__init__()
        self._lines: list[tuple[QPointF, QPointF]] = []
        self.setZValue(0.5)

    def set_lines(self, lines: list[tuple[QPointF, QPointF]]) -> None:
        self.prepareGeometryChange()
        self._lines = lines

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        if not self._lines:
            return QRectF()
        xs = [p.x() for line in self._lines for p in line]
        ys = [p.y() for line in self._lines for p in line]
        return QRectF(min(xs) - 4, min(ys) - 4, max(xs) - min(xs) + 8, max(ys) - min(ys) + 8)

    def paint(self, painter: QPainter, option, widget: QWidget | None = None) -> None:
        painter.setPen(QPen(BOUNDARY, 5))
        for start, end in self._lines:
            painter.drawLine(start, end)


class BoardScene(QGraphicsScene):
    """Draws a `Board` and keeps one `CardItem` per card, re-flowed after every change."""

    layoutChanged = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, board: Board, language: str, parent=None) -> None:
        super().__init__(parent)
        self.board = board
        self.language = language
        self.items_by_id: dict[str, CardItem] = {}
        self.zone_items = {zone: ZoneItem(zone) for zone in ALL_ZONES}
        self.boundary = BoundaryItem()
        self.geometry = BoardGeometry()  # the layout in use and the size it is made for
        self._relayout_pending = False
        self.motion = CardMotion(self)
        self._glide = False  # the next re-flow follows a drop: the cards glide instead of jumping
        self._dragged: set[str] = set()
        self._cache_items = False
        self.setBackgroundBrush(QColor("#ffffff"))
        for item in self.zone_items.values():
            self.addItem(item)
        self.addItem(self.boundary)
        for card in board.cards():
            self._add_item(card)
        self._unsubscribe = board.subscribe(self.on_change)
        self.relayout()

    def set_board(self, board: Board) -> None:
        """Show another board re-flowed; the card items stay when it holds the same cards (a round)."""
        self._unsubscribe()
        self.motion.finish()
        self._dragged.clear()
        self.board = board
        reused = set(self.items_by_id) == {card.id for card in board.cards()}
        for card_id in () if reused else list(self.items_by_id):
            self.removeItem(self.items_by_id.pop(card_id))
        for card in board.cards():
            self.items_by_id[card.id].set_card(card, self.language) if reused else self._add_item(card)
        self._unsubscribe = board.subscribe(self.on_change)
        self.relayout(refit=True)

    def detach(self) -> None:  # a scene made for one image stops following the board
        self._unsubscribe()

    # --- model to items ---

    def enable_item_caches(self) -> None:
        """Cache each card's rendering, so that a drag repaints by copying pixmaps instead of laying
        out text again. Turned on after the first paint: filling the caches would delay it."""
        self._cache_items = True
        for item in self.items_by_id.values():
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def _add_item(self, card: Card) -> CardItem:
        item = CardItem(card, self.language)
        if self._cache_items:
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.items_by_id[card.id] = item
        self.addItem(item)
        return item

    def on_change(self, change: Change) -> None:
        if isinstance(change, CardAdded):
            self._add_item(change.card)
        elif isinstance(change, CardRemoved):
            item = self.items_by_id.pop(change.card.id)
            self._dragged.discard(change.card.id)
            self.motion.forget(item)
            self.removeItem(item)
        elif isinstance(change, CardEdited):
            self.items_by_id[change.card_id].set_card(change.after, self.language)
        self.relayout()

    def set_language(self, language: str) -> None:
        self.language = language
        for card in self.board.cards():
            self.items_by_id[card.id].set_card(card, language)
        self.update()

    # --- layout ---

    @property
    def layout(self) -> geo.BoardLayout:
        return self.geometry.layout

    def set_available_size(self, width: float, height: float) -> None:
        """Lay the board out for a view of this size: a new fit, the zoom may change. The window calls
        it for its main view; no view calls it."""
        self.geometry.set_target_size(width, height)
        self.relayout(refit=True)

    def relayout(self, *, refit: bool = False) -> None:
        """Put every card in its place. The scene keeps its size (the views their zoom) while the
        cards fit, unless `refit`. While a card is held, nothing moves: the layout waits for the
        last pointer to let go."""
        if self._dragged:
            self._relayout_pending = True
            return
        self._relayout_pending = False
        counts = {zone: len(self.board.ids_in(zone)) for zone in ALL_ZONES}
        self.geometry.recompute(counts, refit=refit)
        targets: dict[QGraphicsItem, QPointF] = {}
        for zone, geometry in self.layout.zones.items():
            self.zone_items[zone].set_geometry(geometry.rect, counts[zone])
            for index, card_id in enumerate(self.board.ids_in(zone)):
                targets[self.items_by_id[card_id]] = QPointF(*geometry.slot_position(index))
        self.motion.move(targets, animate=self._glide and not refit)
        shared = self.layout.zones[Zone.SHARED].rect
        self.boundary.set_lines([
            (QPointF(shared.x, shared.y), QPointF(shared.x, shared.bottom)),
            (QPointF(shared.right, shared.y), QPointF(shared.right, shared.bottom)),
        ])
        self.setSceneRect(0, 0, self.layout.width, self.layout.height)
        self.layoutChanged.emit()

    # --- drag bookkeeping (called by the view) ---

    def begin_drag(self, card_id: str) -> None:
        self.motion.finish()  # a hand on the board: every card where it belongs
        self._dragged.add(card_id)
        self.items_by_id[card_id].set_dragging(True)

    def end_drag(self, card_id: str) -> None:
        self._dragged.discard(card_id)
        self._glide = True  # for the re-flows of this drop (in this turn of the event loop)
        QTimer.singleShot(0, lambda: setattr(self, "_glide", False))
        if card_id in self.items_by_id:
            self.items_by_id[card_id].set_dragging(False)
        for item in self.zone_items.values():
            item.set_drop_target(False)
        if self._relayout_pending and not self._dragged:
            self.relayout()

    @property
    def is_dragging(self) -> bool:
        return bool(self._dragged)

    def show_drop_target(self, zone: Zone | None) -> None:
        for item_zone, item in self.zone_items.items():
            item.set_drop_target(item_zone is zone)

    def drop_slot(self, card_id: str, px: float, py: float) -> tuple[Zone, int] | None:
        """The zone and index a drop of `card_id` at scene point (px, py) means, or None."""
        zone = self.layout.zone_at(px, py)
        if zone is None:
            return None
        others = [i for i in self.board.ids_in(zone) if i != card_id]
        return zone, self.layout.zones[zone].index_at(px, py, len(others))

    def card_item_at(self, px: float, py: float) -> CardItem | None:
        for item in self.items(QPointF(px, py)):
            if isinstance(item, CardItem):
                return item
        return None

    def show_notes(self, notes: dict[str, str]) -> None:
        """Mark the cards that carry a note (card id to note text)."""
        for card_id, item in self.items_by_id.items():
            item.set_note(notes.get(card_id, ""))

    def highlight(self, card_ids: set[str]) -> None:
        for card_id, item in self.items_by_id.items():
            item.set_highlighted(card_id in card_ids)
