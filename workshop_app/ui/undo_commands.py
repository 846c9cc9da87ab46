"""Undo commands: each user change to a session is one command whose redo and undo each call one method
of the domain model (`Board` for cards, `Session` for notes, next steps and details)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from workshop_app.domain.model import Board, Card, CardMoved, Zone
from workshop_app.domain.session import ActionItem, Session, SessionInfo
from workshop_app.ui.board_scene import zone_title

SHORT_TEXT = 40


def _short(text: str) -> str:
    return text if len(text) <= SHORT_TEXT else text[: SHORT_TEXT - 1] + "…"


class MoveCardCommand(QUndoCommand):
    """Move one card to a zone at an index; undo puts it back at its exact zone and index."""

    def __init__(self, board: Board, card_id: str, zone: Zone, index: int | None,
                 language: str) -> None:
        super().__init__()
        self.board = board
        self.card_id = card_id
        self.zone = Zone(zone)
        self.index = index
        self.record: CardMoved | None = None
        text = _short(board.card(card_id).text(language))
        self.setText(QCoreApplication.translate("Commands", "“{card}” to {zone}").format(
            card=text, zone=zone_title(self.zone)))

    def redo(self) -> None:
        self.record = self.board.move(self.card_id, self.zone, self.index)

    def undo(self) -> None:
        assert self.record is not None
        self.board.move(self.card_id, self.record.from_zone, self.record.from_index)


class AddCardCommand(QUndoCommand):
    """Add a custom card to the tray (or a zone)."""

    def __init__(self, board: Board, card: Card, zone: Zone = Zone.UNPLACED) -> None:
        super().__init__()
        self.board, self.card, self.zone = board, card, Zone(zone)
        self.setText(QCoreApplication.translate("Commands", "Add card “{card}”").format(
            card=_short(card.text_de or card.text_en)))

    def redo(self) -> None:
        self.board.add_card(self.card, self.zone)

    def undo(self) -> None:
        self.board.remove_card(self.card.id)


class EditCardCommand(QUndoCommand):
    """Replace a card's texts and function; undo restores the card as it was."""

    def __init__(self, board: Board, before: Card, after: Card) -> None:
        super().__init__()
        self.board, self.before, self.after = board, before, after
        self.setText(QCoreApplication.translate("Commands", "Edit card “{card}”").format(
            card=_short(after.text_de or after.text_en)))

    def redo(self) -> None:
        self.board.replace_card(self.after)

    def undo(self) -> None:
        self.board.replace_card(self.before)


class RemoveCardCommand(QUndoCommand):
    """Remove a custom card; undo puts it back at its zone and index."""

    def __init__(self, board: Board, card_id: str) -> None:
        super().__init__()
        self.board, self.card_id = board, card_id
        self.zone = board.zone_of(card_id)
        self.index = board.index_of(card_id)
        self.card = board.card(card_id)
        self.setText(QCoreApplication.translate("Commands", "Remove card “{card}”").format(
            card=_short(self.card.text_de or self.card.text_en)))

    def redo(self) -> None:
        self.board.remove_card(self.card_id)

    def undo(self) -> None:
        self.board.add_card(self.card, self.zone, self.index)


class SetNoteCommand(QUndoCommand):
    """Write, change or remove the note on a card; undo puts the earlier note back."""

    def __init__(self, session: Session, card_id: str, note: str, language: str) -> None:
        super().__init__()
        self.session, self.card_id, self.note = session, card_id, note
        self.before = session.notes.get(card_id, "")
        card = _short(session.board.card(card_id).text(language))
        self.setText(QCoreApplication.translate("Commands", "Note on “{card}”").format(card=card))

    def redo(self) -> None:
        self.session.set_note(self.card_id, self.note)

    def undo(self) -> None:
        self.session.set_note(self.card_id, self.before)


class SetActionItemsCommand(QUndoCommand):
    """Replace the next steps; undo puts the earlier list back."""

    def __init__(self, session: Session, items: list[ActionItem]) -> None:
        super().__init__()
        self.session, self.items = session, list(items)
        self.before = list(session.action_items)
        self.setText(QCoreApplication.translate("Commands", "Change next steps"))

    def redo(self) -> None:
        self.session.set_action_items(self.items)

    def undo(self) -> None:
        self.session.set_action_items(self.before)


class SetInfoCommand(QUndoCommand):
    """Change the workshop's details (a rename is one too); undo restores them."""

    def __init__(self, session: Session, info: SessionInfo) -> None:
        super().__init__()
        self.session, self.info = session, info.copy()
        self.before = session.info.copy()
        if info.title.strip() != self.before.title:
            text = QCoreApplication.translate("Commands", "Rename workshop to “{title}”").format(
                title=_short(info.title.strip()))
        else:
            text = QCoreApplication.translate("Commands", "Change workshop details")
        self.setText(text)

    def redo(self) -> None:
        self.session.set_info(self.info)

    def undo(self) -> None:
        self.session.set_info(self.before)
