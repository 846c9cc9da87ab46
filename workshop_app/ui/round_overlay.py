"""The perception overlay on the board: group A's board, each card marked with where each group put it.

The board shows where group A put each card. Cards both groups placed in the same zone get a green
"both" badge; disputed cards are framed and their badge says where group B put them ("B: Verkauf").
Badges are child items of the card items, so they move with them; `hide` removes them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem

from workshop_app.domain.model import Zone
from workshop_app.domain.rounds import Overlay, Rounds
from workshop_app.ui import layout as geo
from workshop_app.ui.board_scene import BoardScene, zone_title

translate = QCoreApplication.translate
AGREED = QColor("#2b8a3e")
DISPUTED = QColor("#d9480f")
BADGE_FONT_PX = 14
WHITE = QBrush(QColor("#ffffff"))


class RoundOverlay:
    def __init__(self, scene: BoardScene) -> None:
        self.scene = scene
        self.active = False
        self.result: Overlay | None = None
        self._badges: list[QGraphicsRectItem] = []

    def show(self, rounds: Rounds) -> Overlay | None:
        """Mark the shown board (group A's) with both groups' placements."""
        self._remove_badges()
        self.result = rounds.overlay()
        self.active = self.result is not None
        if self.result is None:
            return None
        font = QFont()
        font.setPixelSize(BADGE_FONT_PX)
        font.setBold(True)
        items = self.scene.items_by_id
        sizes: dict[str, QRectF] = {}  # a handful of texts on 300 badges: each measured once
        both = translate("RoundOverlay", "both")
        for pair in self.result.pairs:
            item = items.get(pair.card_id)
            if item is None or not (pair.zone_a.is_placed or pair.zone_b.is_placed):
                continue
            text = both if pair.agreed else f"B: {_zone(pair.zone_b)}"
            self._badges.append(_badge(item, text, AGREED if pair.agreed else DISPUTED, font, sizes))
        self.scene.highlight(set(self.result.disputed))
        return self.result

    def hide(self) -> None:
        self._remove_badges()
        self.scene.highlight(set())
        self.active = False
        self.result = None

    def _remove_badges(self) -> None:
        for badge in self._badges:
            if badge.scene() is not None:
                badge.scene().removeItem(badge)
        self._badges.clear()


def _zone(zone: Zone) -> str:
    return zone_title(zone)  # the tray as the board names it


def _badge(parent, text: str, colour: QColor, font: QFont,
           sizes: dict[str, QRectF]) -> QGraphicsRectItem:
    """A filled pill with white text along the bottom edge of a card item (`sizes`: the texts'
    bounds measured so far)."""
    label = QGraphicsSimpleTextItem(text)  # plain text: group placements are never markup
    label.setFont(font)
    label.setBrush(WHITE)
    bounds = sizes.get(text)
    if bounds is None:
        bounds = sizes[text] = label.boundingRect()
    width = min(bounds.width() + 12, geo.CARD_W)
    rect = QGraphicsRectItem(QRectF(0, 0, width, bounds.height() + 4), parent)
    rect.setBrush(QBrush(colour))
    rect.setPen(QPen(colour))
    rect.setPos(geo.CARD_W - width, geo.CARD_H - bounds.height())  # on the bottom edge, inside
    label.setParentItem(rect)
    label.setPos(6, 2)
    rect.setZValue(5)
    return rect
