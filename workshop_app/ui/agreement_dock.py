"""The agreement dock: the checklist of open points (a click selects the card), closing the agreement,
the suggested next steps to accept, and the role charters' preview. It follows the shown session's
change records and re-checks after each one (bench/bench_agreement.py: well under 5 ms on 300 cards).

The agreement is made on the Soll board (on Ist while no Soll round exists); while another round is
shown, the dock says so and its card actions are off.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.agreement import Agreement, AgreementChange
from workshop_app.domain.agreement_check import AgreementCheck, OpenPoint, check_agreement, describe
from workshop_app.domain.charter import build_charters, render_markdown
from workshop_app.domain.diagnosis import diagnose, load_archetypes
from workshop_app.domain.next_steps import NextStepError, Suggestion, accept, suggestions
from workshop_app.domain.session import ROUND_RECORDS, BoardReplaced, Session
from workshop_app.ui.after_paint import AfterPaint
from workshop_app.ui.agreement_card_actions import AgreementCardActions
from workshop_app.ui.agreement_commands import SetAcceptedCommand, SetClosedCommand
from workshop_app.ui.agreement_dialogs import AcceptSuggestionDialog, CharterPreview, plain_label
from workshop_app.ui.agreement_marks import AgreementMarks
from workshop_app.ui.features import FeatureContext
from workshop_app.ui.messages import message_box
from workshop_app.ui.undo_commands import SetActionItemsCommand

POINT_ROLE = Qt.ItemDataRole.UserRole


class AgreementDock(QDockWidget):
    """The agreement's checklist, next steps and charters beside the board."""

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context.window)
        self.setWindowTitle(self.tr("Agreement"))
        self.setObjectName("agreement_dock")
        self.context = context
        self.check: AgreementCheck | None = None
        self.marks = AgreementMarks()
        self.card_actions = AgreementCardActions(context, self.show_error)
        self.status = plain_label("", self)
        font = self.status.font()
        font.setPixelSize(20)
        font.setBold(True)
        self.status.setFont(font)
        self.checklist = QListWidget(self)
        self.checklist.setWordWrap(True)
        self.checklist.setSpacing(3)
        self.checklist.itemClicked.connect(self._point_clicked)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.toggle_closed)
        self.charter_button = QPushButton(self.tr("Role &charters…"), self)
        self.charter_button.clicked.connect(self.show_charters)
        self.suggestion_list = QListWidget(self)
        self.suggestion_list.setWordWrap(True)
        self.suggestion_list.setSpacing(4)
        self.accept_button = QPushButton(self.tr("&Accept next step…"), self)
        self.accept_button.clicked.connect(self.ask_accept_selected)
        self.setWidget(self._layout())
        context.current.sessionChanged.connect(lambda _session: self.refresh())
        self.refresh_later = AfterPaint(self.refresh, self)
        context.current.recorded.connect(self._recorded)
        context.selection.changed.connect(lambda _card_id: self.card_actions.update_actions())
        self.refresh()

    def _layout(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addWidget(self.status)
        layout.addWidget(self.card_actions.panel(body))
        layout.addWidget(QLabel(self.tr("Open points (click one to select its card):"), body))
        layout.addWidget(self.checklist, 3)
        row = QHBoxLayout()
        row.addWidget(self.close_button)
        row.addWidget(self.charter_button)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Suggested next steps:"), body))
        layout.addWidget(self.suggestion_list, 2)
        layout.addWidget(self.accept_button)
        return body

    # --- state ---

    @property
    def session(self) -> Session:
        return self.context.current.session

    @property
    def agreement(self) -> Agreement:
        return self.session.agreement

    @property
    def on_agreement_board(self) -> bool:
        return self.session.board is self.session.agreement_board()

    def _recorded(self, change: object) -> None:
        """An agreement record (a key on a card) shows its marks at once, and so does another board
        (a round switch: the marks belong to the board shown); any other record (a move) refreshes
        the dock once the board has painted it."""
        if isinstance(change, (AgreementChange, BoardReplaced, *ROUND_RECORDS)):
            self.refresh()
        else:
            self.refresh_later.schedule()

    def refresh(self) -> None:
        """Re-check the agreement and show the result, the marks on the cards and the suggestions."""
        self.refresh_later.cancel()
        agreement = self.agreement
        self.check = check_agreement(agreement)
        shown = self.on_agreement_board
        self.marks.show(self.context.scene.items_by_id, agreement.contests() if shown else {},
                        agreement.handoffs() if shown else {})
        self._show_check(self.check, shown)
        self._show_suggestions()
        self.card_actions.update_actions()

    def _show_check(self, check: AgreementCheck, shown: bool) -> None:
        language = self.context.language
        if check.complete:
            text = self.tr("The agreement is complete.")
        else:
            text = self.tr("%n open point(s)", "", len(check.open))
        if check.closed:
            text += " " + (self.tr("Closed.") if check.complete
                           else self.tr("Closed with open points."))
        if not shown:
            text += "\n" + self.tr("The agreement is made on the Soll board: switch to the Soll round.")
        self.status.setText(text)
        self.checklist.clear()
        board = self.agreement.board
        for point in check.open:
            item = QListWidgetItem(describe(point, board, language))
            item.setData(POINT_ROLE, point)
            self.checklist.addItem(item)
        self.close_button.setText(self.tr("Reopen the agreement") if check.closed
                                  else self.tr("Close the agreement"))

    def _show_suggestions(self) -> None:
        language = self.context.language
        accepted = {item.suggestion: item for item in self.session.action_items if item.suggestion}
        self.suggestion_list.clear()
        for suggestion in suggestions(diagnose(self.session.ist_board())):
            text = f"{suggestion.text(language)}\n({suggestion.source(language)})"
            step = accepted.get(suggestion.id)
            if step is not None:
                text = "✓ " + text + "\n" + self.tr("Accepted: {who}, by {due}").format(
                    who=step.who, due=step.due)
            item = QListWidgetItem(text)
            item.setData(POINT_ROLE, suggestion)
            self.suggestion_list.addItem(item)

    # --- checklist ---

    def _point_clicked(self, item: QListWidgetItem) -> None:
        point: OpenPoint = item.data(POINT_ROLE)
        if point.card is not None:
            self.context.selection.select(point.card)
            self.context.view.setFocus()
        elif point.archetype is not None:
            self.ask_accept_archetype(point.archetype)

    def ask_accept_archetype(self, archetype_id: str) -> None:
        name = {a.id: a.name(self.context.language) for a in load_archetypes()}[archetype_id]
        reason, ok = QInputDialog.getText(
            self, self.tr("Accept an archetype"),
            self.tr("The Soll board still resembles “{name}”. Why does the group accept it?").format(
                name=name))
        if ok and reason.strip():
            self.accept_archetype(archetype_id, reason)

    def accept_archetype(self, archetype_id: str, reason: str | None) -> None:
        name = {a.id: a.name(self.context.language) for a in load_archetypes()}[archetype_id]
        self.context.undo_stack.push(SetAcceptedCommand(self.agreement, archetype_id, reason, name))

    def toggle_closed(self) -> None:
        closing = not self.agreement.closed
        if closing and self.check is not None and not self.check.complete:
            answer = message_box(
                self, QMessageBox.Icon.Question, self.tr("Close the agreement"),
                self.tr("%n point(s) are still open. Close the agreement anyway? The PDF will say "
                        "that it was closed with open points.", "", len(self.check.open)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.context.undo_stack.push(SetClosedCommand(self.agreement, closing))

    # --- next steps and charters ---

    def ask_accept_selected(self) -> None:
        item = self.suggestion_list.currentItem()
        if item is None:
            return
        suggestion: Suggestion = item.data(POINT_ROLE)
        language = self.context.language
        dialog = AcceptSuggestionDialog(self, suggestion.text(language), suggestion.source(language))
        if dialog.exec():
            self.accept_suggestion(suggestion, dialog.who.text(), dialog.due_text())

    def accept_suggestion(self, suggestion: Suggestion, who: str, due: str) -> None:
        try:
            step = accept(suggestion, who, due, self.context.language)
        except NextStepError as exc:
            self.show_error(str(exc))
            return
        items = [*self.session.action_items, step]
        self.context.undo_stack.push(SetActionItemsCommand(self.session, items))

    def charter_markdown(self) -> str:
        session = self.session
        charters = build_charters(session.agreement, diagnose(session.ist_board()),
                                  self.context.language)
        return render_markdown(charters, session.info.title, session.info.date)

    def show_charters(self) -> CharterPreview:
        self.preview = CharterPreview(self, self.charter_markdown())
        self.preview.show()
        return self.preview

    def show_error(self, text: str) -> None:
        message_box(self, QMessageBox.Icon.Warning, self.tr("Agreement"), text)


def install(context: FeatureContext) -> AgreementDock:
    """Add the agreement dock to the main window, below the diagnosis, with its card actions."""
    window = context.window
    dock = AgreementDock(context)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    context.menus.add("view.panels", dock.toggleViewAction())
    dock.show()
    return dock

