"""The selected card, one for the window, shared by every view and input handler of the board."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from workshop_app.ui.board_scene import BoardScene


class CardSelection(QObject):
    changed = Signal(str)  # the selected card id, or "" for none

    def __init__(self, scene: BoardScene, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.card_id: str | None = None

    def select(self, card_id: str | None) -> None:
        """Select a card shown in the scene (None, or an id the scene does not show: no selection)."""
        items = self.scene.items_by_id
        if self.card_id in items:
            items[self.card_id].set_selected(False)
        self.card_id = card_id if card_id in items else None
        if self.card_id is not None:
            items[self.card_id].set_selected(True)
        self.changed.emit(self.card_id or "")
