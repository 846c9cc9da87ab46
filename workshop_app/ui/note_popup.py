"""A card's note, opened by a click on the card's note badge: a plain-text popup beside the card, in
type large enough for the room when it opens on the projector. A click anywhere closes it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QLabel

from workshop_app.ui.board_view import BoardView
from workshop_app.ui.card_item import CardItem

NOTE_PX = 24
MAX_WIDTH = 560


class NotePopup(QLabel):
    def __init__(self, view: BoardView, item: CardItem) -> None:
        super().__init__(view, Qt.WindowType.Popup)
        self.setTextFormat(Qt.TextFormat.PlainText)  # a note is never markup
        self.setWordWrap(True)
        self.setText(item.note)
        font = self.font()
        font.setPixelSize(NOTE_PX)
        self.setFont(font)
        self.setMaximumWidth(MAX_WIDTH)
        self.setStyleSheet("QLabel { background: #fff4e0; color: #111111; border: 3px solid #b35c00; "
                           "padding: 12px; }")
        self.adjustSize()
        corner = view.mapFromScene(item.mapToScene(QPointF(item.boundingRect().right(), 0)))
        self.move(view.viewport().mapToGlobal(corner))


def open_note_on_click(view: BoardView, card_id: str, where: QPointF) -> NotePopup | None:
    """Open the card's note when the click `where` (card coordinates) hit its note badge."""
    item = view.board_scene.items_by_id.get(card_id)
    if item is None or not item.badge_contains(where):
        return None
    popup = NotePopup(view, item)
    popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    popup.show()
    return popup
