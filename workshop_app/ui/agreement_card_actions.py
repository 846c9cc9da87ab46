"""The agreement's actions on the selected card: mark it contested (C), give the room's dots per zone
(Ctrl+1/2/3 add a dot to Marketing / Interface / Sales, Ctrl+Alt+1/2/3 take one away), resolve it by
placing it (R; the vote's winner is offered) and agree its handoff (H). They sit in the Edit menu, in
a context menu on the card and as buttons in the agreement dock (`panel`: − and + per zone with the
count); each is one undo step through `agreement_commands`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from workshop_app.domain.agreement import Agreement, AgreementError, Contest, Handoff
from workshop_app.domain.model import PLACED_ZONES, Zone
from workshop_app.ui.agreement_commands import (
    ResolveCommand,
    SetContestCommand,
    SetHandoffCommand,
    contest_label,
    dots_label,
)
from workshop_app.ui.agreement_dialogs import HandoffDialog, ResolveDialog, plain_label
from workshop_app.ui.board_scene import zone_title
from workshop_app.ui.features import FeatureContext


class AgreementCardActions(QObject):
    """Contest, dots, resolve and handoff for the selected card, while the agreement's board is shown."""

    def __init__(self, context: FeatureContext, on_error: Callable[[str], None]) -> None:
        super().__init__(context.window)
        self.context, self.on_error = context, on_error
        window = context.window
        self.contest_action = self._action(self.tr("&Contested"), "C", self.toggle_contested)
        self.contest_action.setCheckable(True)
        self.dot_actions: dict[tuple[Zone, int], QAction] = {}
        for number, zone in enumerate(PLACED_ZONES, start=1):
            for delta, keys, text in ((1, f"Ctrl+{number}", self.tr("One dot more: {zone}")),
                                      (-1, f"Ctrl+Alt+{number}", self.tr("One dot less: {zone}"))):
                action = self._action(text.format(zone=zone_title(zone)), keys,
                                      lambda _=False, z=zone, d=delta: self.add_dot(z, d))
                action.setIconText("+" if delta > 0 else "−")  # the dock's buttons
                self.dot_actions[(zone, delta)] = action
        self.resolve_action = self._action(self.tr("Re&solve contested card…"), "R", self.ask_resolve)
        self.handoff_action = self._action(self.tr("&Handoff…"), "H", self.ask_handoff)
        dots = QMenu(self.tr("&Dots"), window)
        dots.addActions(list(self.dot_actions.values()))
        for entry in (self.contest_action, dots, self.resolve_action, self.handoff_action):
            context.menus.add("edit.agreement", entry)
        context.selection.changed.connect(lambda _card_id: self.update_actions())
        context.view.viewport().installEventFilter(self)
        self.update_actions()

    def panel(self, parent: QWidget) -> QWidget:
        """Buttons for the selected card: contested, − count + per zone, resolve, handoff."""
        box = QWidget(parent)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.card_label = plain_label("", box)
        grid.addWidget(self.card_label, 0, 0, 1, 9)
        self.count_labels: dict[Zone, QLabel] = {}
        for column, zone in enumerate(PLACED_ZONES):
            grid.addWidget(QLabel(zone_title(zone), box), 1, 3 * column, 1, 3,
                           Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(_button(box, self.dot_actions[(zone, -1)]), 2, 3 * column)
            self.count_labels[zone] = QLabel("0", box)
            self.count_labels[zone].setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(self.count_labels[zone], 2, 3 * column + 1)
            grid.addWidget(_button(box, self.dot_actions[(zone, 1)]), 2, 3 * column + 2)
        buttons = QHBoxLayout()
        for action in (self.contest_action, self.resolve_action, self.handoff_action):
            buttons.addWidget(_button(box, action))
        grid.addLayout(buttons, 3, 0, 1, 9)
        self.update_actions()
        return box

    def _action(self, text: str, keys: str, slot) -> QAction:
        action = QAction(text, self.context.window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.context.window.addAction(action)  # the keys work in full screen too
        return action

    # --- state ---

    @property
    def agreement(self) -> Agreement | None:
        """The agreement, while the board it is about is the one shown; else None."""
        session = self.context.current.session
        return session.agreement if session.board is session.agreement_board() else None

    @property
    def card_id(self) -> str | None:
        return self.context.selection.card_id

    def update_actions(self) -> None:
        agreement, card_id = self.agreement, self.card_id
        usable = agreement is not None and card_id is not None and card_id in agreement.board
        contest = agreement.contest(card_id) if usable else None
        self.contest_action.setEnabled(usable)
        self.contest_action.setChecked(contest is not None)
        for action in self.dot_actions.values():
            action.setEnabled(contest is not None and not contest.resolved)
        self.resolve_action.setEnabled(contest is not None and not contest.resolved)
        self.handoff_action.setEnabled(usable and agreement.board.zone_of(card_id) is Zone.SHARED)
        if hasattr(self, "count_labels"):
            self._show_panel(usable, contest)

    def _show_panel(self, usable: bool, contest: Contest | None) -> None:
        card_id = self.card_id
        self.card_label.setText(self._card_text(card_id) if usable and card_id else
                                self.tr("Select a card on the board."))
        for zone, label in self.count_labels.items():
            label.setText(str(contest.votes.count(zone)) if contest else "–")

    # --- operations (each one undo step) ---

    def toggle_contested(self) -> None:
        agreement, card_id = self.agreement, self.card_id
        if agreement is None or card_id is None:
            return
        contested = agreement.contest(card_id) is None
        label = contest_label(agreement, card_id, contested, self.context.language)
        self._push(SetContestCommand(agreement, card_id, Contest() if contested else None, label))

    def add_dot(self, zone: Zone, delta: int = 1) -> None:
        agreement, card_id = self.agreement, self.card_id
        contest = agreement.contest(card_id) if agreement and card_id else None
        if contest is None or contest.resolved:
            return
        votes = contest.votes.adjusted(zone, delta)
        if votes != contest.votes:
            label = dots_label(agreement, card_id, self.context.language)
            self._push(SetContestCommand(agreement, card_id, replace(contest, votes=votes), label))

    def ask_resolve(self) -> None:
        agreement, card_id = self.agreement, self.card_id
        contest = agreement.contest(card_id) if agreement and card_id else None
        if contest is None or contest.resolved:
            return
        dialog = ResolveDialog(self.context.window, self._card_text(card_id), contest.votes)
        if dialog.exec() and dialog.zone() is not None:
            self.resolve(card_id, dialog.zone(), dialog.reason.text())

    def resolve(self, card_id: str, zone: Zone, reason: str) -> None:
        agreement = self.agreement
        if agreement is not None:
            self._push(ResolveCommand(agreement, card_id, zone, reason.strip(), self.context.language))

    def ask_handoff(self) -> None:
        agreement, card_id = self.agreement, self.card_id
        if agreement is None or card_id is None or agreement.board.zone_of(card_id) is not Zone.SHARED:
            return
        dialog = HandoffDialog(self.context.window, self._card_text(card_id),
                               agreement.handoff(card_id))
        if dialog.exec() and (dialog.removed or dialog.handoff() is not None):
            self.set_handoff(card_id, dialog.handoff())

    def set_handoff(self, card_id: str, handoff: Handoff | None) -> None:
        agreement = self.agreement
        if agreement is not None and handoff != agreement.handoff(card_id):
            self._push(SetHandoffCommand(agreement, card_id, handoff, self.context.language))

    def _push(self, command) -> None:
        try:
            self.context.undo_stack.push(command)
        except AgreementError as exc:
            self.on_error(str(exc))
        self.update_actions()

    def _card_text(self, card_id: str) -> str:
        return self.context.current.board.card(card_id).text(self.context.language)

    # --- context menu on a card ---

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            return self._context_menu(event)
        return False

    def _context_menu(self, event: QContextMenuEvent) -> bool:
        view = self.context.view
        point = view.mapToScene(event.pos())
        item = self.context.scene.card_item_at(point.x(), point.y())
        if item is None or self.agreement is None:
            return False
        self.context.selection.select(item.card_id)
        self.update_actions()
        self.menu = QMenu(view)
        self.menu.addActions([self.contest_action, self.resolve_action, self.handoff_action])
        self.menu.popup(event.globalPos())
        return True



def _button(parent: QWidget, action: QAction) -> QToolButton:
    button = QToolButton(parent)
    button.setDefaultAction(action)
    button.setMinimumWidth(36)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button
