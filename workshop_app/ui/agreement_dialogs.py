"""Dialogs of the agreement: resolve a contested card, agree a handoff, accept a suggested next step,
and the read-only preview of the role charters. User text is shown as plain text, never markup."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.agreement import MAX_HANDOFF_CHARS, MAX_REASON_CHARS, Handoff, Votes
from workshop_app.domain.model import PLACED_ZONES, Zone
from workshop_app.ui.board_scene import zone_title


def plain_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ResolveDialog(QDialog):
    """Where the contested card goes (the vote's winner is offered) and, optionally, why."""

    def __init__(self, parent: QWidget | None, card_text: str, votes: Votes) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resolve the contested card"))
        self.zones = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(card_text, self))
        winner = votes.winner()
        for number, zone in enumerate(PLACED_ZONES):
            label = self.tr("{zone} (%n dot(s))", "", votes.count(zone)).format(zone=zone_title(zone))
            if zone is winner:
                label += " – " + self.tr("the vote's winner")
            button = QRadioButton(label, self)
            button.setChecked(zone is winner)
            self.zones.addButton(button, number)
            layout.addWidget(button)
        if winner is None:
            layout.addWidget(plain_label(self.tr("No clear winner: choose where the card goes."), self))
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(MAX_REASON_CHARS)
        self.reason.setPlaceholderText(self.tr("Why (optional)"))
        layout.addWidget(self.reason)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)
        self.zones.idToggled.connect(lambda *_: self._update())
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.zone() is not None)

    def zone(self) -> Zone | None:
        number = self.zones.checkedId()
        return PLACED_ZONES[number] if number >= 0 else None

    def choose(self, zone: Zone) -> None:
        self.zones.button(PLACED_ZONES.index(zone)).setChecked(True)


class HandoffDialog(QDialog):
    """Which side leads a Schnittstelle task and what passes across to the other side."""

    def __init__(self, parent: QWidget | None, card_text: str, handoff: Handoff | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Handoff at the interface"))
        self.marketing = QRadioButton(self.tr("Marketing leads, hands over to Sales"), self)
        self.sales = QRadioButton(self.tr("Sales leads, hands over to Marketing"), self)
        self.what = QLineEdit(self)
        self.what.setMaxLength(MAX_HANDOFF_CHARS)
        self.what.setPlaceholderText(self.tr("What passes across, e.g. arguments per customer case"))
        if handoff is not None:
            (self.marketing if handoff.lead is Zone.MARKETING else self.sales).setChecked(True)
            self.what.setText(handoff.what)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(card_text, self))
        layout.addWidget(self.marketing)
        layout.addWidget(self.sales)
        layout.addWidget(self.what)
        self.buttons = _buttons(self)
        self.removed = False  # the dialog was closed with "Remove handoff"
        if handoff is not None:
            remove = self.buttons.addButton(self.tr("&Remove handoff"),
                                            QDialogButtonBox.ButtonRole.DestructiveRole)
            remove.clicked.connect(self._remove)
        layout.addWidget(self.buttons)
        for signal in (self.marketing.toggled, self.sales.toggled, self.what.textChanged):
            signal.connect(lambda *_: self._update())
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.handoff() is not None)

    def _remove(self) -> None:
        self.removed = True
        self.accept()

    def handoff(self) -> Handoff | None:
        if self.removed:
            return None
        lead = Zone.MARKETING if self.marketing.isChecked() else (
            Zone.SALES if self.sales.isChecked() else None)
        what = " ".join(self.what.text().split())
        return Handoff(lead, what) if lead is not None and what else None


class AcceptSuggestionDialog(QDialog):
    """Who does a suggested next step, and by when."""

    def __init__(self, parent: QWidget | None, text: str, source: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accept a next step"))
        self.who = QLineEdit(self)
        self.who.setMaxLength(200)
        self.due = QDateEdit(QDate.currentDate().addDays(30), self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout()
        form.addRow(self.tr("Who:"), self.who)
        form.addRow(self.tr("By when:"), self.due)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(text, self))
        layout.addWidget(plain_label(self.tr("Suggested by: {source}").format(source=source), self))
        layout.addLayout(form)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)
        self.who.textChanged.connect(lambda *_: self._update())
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.who.text().strip()))

    def due_text(self) -> str:
        return self.due.date().toString("yyyy-MM-dd")


class CharterPreview(QDialog):
    """The role charters as the Markdown export renders them; read-only."""

    def __init__(self, parent: QWidget | None, markdown: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Role charters (preview)"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        features = (QTextDocument.MarkdownFeature.MarkdownDialectGitHub
                    | QTextDocument.MarkdownFeature.MarkdownNoHTML)
        self.browser.document().setMarkdown(markdown, features)
        self.markdown = markdown
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 760)


TITLE_BAR_ALLOWANCE = 48  # the window manager's title bar and frame, outside the dialog's own height


def fit_to_screen(dialog: QDialog, width: int, height: int) -> None:
    """Size `dialog` to width x height, but never beyond its screen's free area (a 1366x768 laptop with
    a panel): the content scrolls inside instead of the buttons falling off the screen."""
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    free = screen.availableGeometry()
    dialog.resize(min(width, free.width()), min(height, free.height() - TITLE_BAR_ALLOWANCE))
