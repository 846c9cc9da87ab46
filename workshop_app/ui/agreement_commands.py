"""Undo commands of the agreement: each calls one method of `domain.agreement.Agreement` in redo and
one in undo (the record's `before`), so that every change of the agreement is one undo step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from workshop_app.domain.agreement import Agreement, Contest, ContestChanged, Handoff
from workshop_app.domain.model import Zone

SHORT_TEXT = 40


translate = QCoreApplication.translate


def _short(agreement: Agreement, card_id: str, language: str) -> str:
    text = " ".join(agreement.board.card(card_id).text(language).split())
    return text if len(text) <= SHORT_TEXT else text[: SHORT_TEXT - 1] + "…"


class SetContestCommand(QUndoCommand):
    """Mark a card contested, change its dots, or unmark it; undo puts the contest back as it was."""

    def __init__(self, agreement: Agreement, card_id: str, after: Contest | None, label: str) -> None:
        super().__init__(label)
        self.agreement, self.card_id, self.after = agreement, card_id, after
        self.before = agreement.contest(card_id)

    def redo(self) -> None:
        self.agreement.set_contest(self.card_id, self.after)

    def undo(self) -> None:
        self.agreement.set_contest(self.card_id, self.before)


def contest_label(agreement: Agreement, card_id: str, contested: bool, language: str) -> str:
    if contested:
        text = translate("AgreementCommands", "Mark “{card}” contested")
    else:
        text = translate("AgreementCommands", "Unmark “{card}” as contested")
    return text.format(card=_short(agreement, card_id, language))


def dots_label(agreement: Agreement, card_id: str, language: str) -> str:
    text = translate("AgreementCommands", "Dots on “{card}”")
    return text.format(card=_short(agreement, card_id, language))


class ResolveCommand(QUndoCommand):
    """Place a contested card in a zone and record the decision; undo puts the card back."""

    def __init__(self, agreement: Agreement, card_id: str, zone: Zone, reason: str,
                 language: str) -> None:
        text = translate("AgreementCommands", "Resolve “{card}”")
        super().__init__(text.format(card=_short(agreement, card_id, language)))
        self.agreement, self.card_id, self.zone, self.reason = agreement, card_id, zone, reason
        self.record: ContestChanged | None = None

    def redo(self) -> None:
        self.record = self.agreement.resolve(self.card_id, self.zone, self.reason)

    def undo(self) -> None:
        assert self.record is not None
        self.agreement.undo_resolve(self.record)


class SetHandoffCommand(QUndoCommand):
    """Agree or remove the handoff of a Schnittstelle card; undo restores the earlier one."""

    def __init__(self, agreement: Agreement, card_id: str, handoff: Handoff | None,
                 language: str) -> None:
        text = translate("AgreementCommands", "Handoff of “{card}”")
        super().__init__(text.format(card=_short(agreement, card_id, language)))
        self.agreement, self.card_id, self.after = agreement, card_id, handoff
        self.before = agreement.stored_handoff(card_id)

    def redo(self) -> None:
        self.agreement.set_handoff(self.card_id, self.after)

    def undo(self) -> None:
        self.agreement.set_handoff(self.card_id, self.before)


class SetAcceptedCommand(QUndoCommand):
    """Accept an archetype with the group's reason (or withdraw it); undo restores the earlier state."""

    def __init__(self, agreement: Agreement, archetype_id: str, reason: str | None, name: str) -> None:
        if reason is not None:
            text = translate("AgreementCommands", "Accept “{archetype}”")
        else:
            text = translate("AgreementCommands", "Withdraw accepting “{archetype}”")
        super().__init__(text.format(archetype=name))
        self.agreement, self.archetype_id, self.after = agreement, archetype_id, reason
        self.before = agreement.accepted().get(archetype_id)

    def redo(self) -> None:
        self.agreement.set_accepted(self.archetype_id, self.after)

    def undo(self) -> None:
        self.agreement.set_accepted(self.archetype_id, self.before)


class SetClosedCommand(QUndoCommand):
    """Close or reopen the agreement; undo restores the earlier state."""

    def __init__(self, agreement: Agreement, closed: bool) -> None:
        if closed:
            super().__init__(translate("AgreementCommands", "Close the agreement"))
        else:
            super().__init__(translate("AgreementCommands", "Reopen the agreement"))
        self.agreement, self.after, self.before = agreement, closed, agreement.closed

    def redo(self) -> None:
        self.agreement.set_closed(self.after)

    def undo(self) -> None:
        self.agreement.set_closed(self.before)
