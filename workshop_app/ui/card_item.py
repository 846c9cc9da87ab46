"""A card on the board: a white rounded rectangle with its task in large dark type, a frame when it is
selected or highlighted, and a badge when the group wrote a note on it."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

from workshop_app.domain.model import Card
from workshop_app.ui import layout as geo

MAX_SHOWN_CHARS = 140
INK = QColor("#111111")
SELECTION = QColor("#0050b3")
HIGHLIGHT = QColor("#d9480f")
NOTE = QColor("#b35c00")
BADGE_R = 17.0  # the note badge's radius, in scene units
BADGE_INSET = 4.0  # its centre's distance from the card's top and right edges


def shown_text(text: str) -> str:
    """What a card shows: one line of plain text, cut with an ellipsis when very long."""
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_SHOWN_CHARS else flat[: MAX_SHOWN_CHARS - 1] + "…"


def card_font() -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(geo.CARD_FONT_PX)
    return font


class CardItem(QGraphicsRectItem):
    """A card: a white rounded rectangle with the task in large dark type.

    Its bounds (with the shadow while dragged and the note badge over the corner) are the rectangle
    of a `QGraphicsRectItem` without pen or brush, so that Qt finds them without calling into Python:
    a move that re-flows a zone asks for them some 2,000 times (index updates, both views' paints),
    about 3 ms a move at 300 cards as a Python `boundingRect`."""

    def __init__(self, card: Card, language: str) -> None:
        super().__init__(card_bounds())
        self.setPen(Qt.PenStyle.NoPen)
        self.card_id = card.id
        self._text = ""
        self._selected = False
        self._highlighted = False
        self._dragging = False
        self._note = ""
        self._full_text = ""
        self._font = card_font()
        self._badge_font = QFont("DejaVu Sans")
        self._badge_font.setPixelSize(22)
        self._badge_font.setBold(True)
        self.set_card(card, language)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view handles input

    @property
    def text(self) -> str:
        return self._text

    @property
    def font_pixel_size(self) -> int:
        """The card text's size in scene units (on screen: times the view's scale)."""
        return self._font.pixelSize()

    def set_card(self, card: Card, language: str) -> None:
        """Show `card`; the same text again (another round's board with the same cards) changes nothing
        and keeps the item's rendering cache."""
        full_text = card.text(language)[:2000]
        if full_text == self._full_text and self._text:
            return
        self._text = shown_text(card.text(language))
        self._full_text = full_text
        self._update_tool_tip()
        self.update()

    def set_note(self, note: str) -> None:
        """Mark the card when the group wrote a note on it; the tool tip shows the note."""
        if note != self._note:
            self._note = note
            self._update_tool_tip()
            self.update()

    @property
    def note(self) -> str:
        return self._note

    def _update_tool_tip(self) -> None:
        text = self._full_text + (f"\n\n✎ {self._note[:2000]}" if self._note else "")
        self.setToolTip(QtGui.Qt.convertFromPlainText(text))  # never markup

    def set_selected(self, selected: bool) -> None:
        if selected != self._selected:
            self._selected = selected
            self.update()

    def set_highlighted(self, highlighted: bool) -> None:
        if highlighted != self._highlighted:
            self._highlighted = highlighted
            self.update()

    @property
    def is_highlighted(self) -> bool:
        return self._highlighted

    @property
    def is_selected(self) -> bool:
        return self._selected

    def set_dragging(self, dragging: bool) -> None:
        self._dragging = dragging
        self.setZValue(10 if dragging else 1)
        self.update()

    def paint(self, painter: QPainter, option, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        body = QRectF(0, 0, geo.CARD_W, geo.CARD_H)
        if self._dragging:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 60))
            painter.drawRoundedRect(body.translated(6, 6), 10, 10)
        border = QPen(INK, 2)
        if self._highlighted:
            border = QPen(HIGHLIGHT, 6)
        if self._selected:
            border = QPen(SELECTION, 6)
        painter.setPen(border)
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(body, 10, 10)
        painter.setPen(INK)
        painter.setFont(self._font)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(body.adjusted(geo.TEXT_PAD_X, geo.TEXT_PAD_Y, -geo.TEXT_PAD_X, -geo.TEXT_PAD_Y),
                         int(flags), self._text)
        if self._note:
            self._paint_note_badge(painter)

    def _paint_note_badge(self, painter: QPainter) -> None:
        """A round orange badge with a pencil over the top right corner: this card carries a note
        (large enough to be seen from the back of the room; a click on it opens the note)."""
        centre = badge_centre()
        painter.setPen(QPen(QColor("#ffffff"), 3))
        painter.setBrush(NOTE)
        painter.drawEllipse(centre, BADGE_R, BADGE_R)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(self._badge_font)
        box = QRectF(centre.x() - BADGE_R, centre.y() - BADGE_R, 2 * BADGE_R, 2 * BADGE_R)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), "✎")

    def badge_contains(self, point: QPointF) -> bool:
        """Whether `point` (in the card's coordinates) is on the note badge of a card with a note."""
        offset = point - badge_centre()
        return bool(self._note) and offset.x() ** 2 + offset.y() ** 2 <= (BADGE_R + 6) ** 2


def card_bounds() -> QRectF:
    """A card's bounds in its own coordinates: the body, the drag shadow and the note badge."""
    reach = BADGE_R - BADGE_INSET  # the note badge stands out over the top right corner
    return QRectF(-6, -reach - 2, geo.CARD_W + reach + 8, geo.CARD_H + reach + 10)


def badge_centre() -> QPointF:
    return QPointF(geo.CARD_W - BADGE_INSET, BADGE_INSET)
