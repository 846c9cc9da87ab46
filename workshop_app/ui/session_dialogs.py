"""Dialogs of the File menu: a new workshop, and the list of sessions to open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain import limits
from workshop_app.domain.session import SessionInfo
from workshop_app.storage import SessionSummary
from workshop_app.ui.date_delegate import ISO_DATE


def form_with_ok_and_cancel(dialog: QDialog, rows: list[tuple[str, QWidget]]) -> QDialogButtonBox:
    """Lay `dialog` out as a form of labelled fields over OK and Cancel; returns the button box."""
    form = QFormLayout()
    for label, field in rows:
        form.addRow(label, field)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                               dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(buttons)
    return buttons


def split_participants(text: str) -> list[str]:
    """One participant per line (commas separate too)."""
    names = [part.strip() for line in text.splitlines() for part in line.split(",")]
    return [name for name in names if name]


class NewWorkshopDialog(QDialog):
    """Title, company, facilitator, participants and language of a new workshop."""

    def __init__(self, parent: QWidget | None, language: str, info: SessionInfo | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New workshop"))
        self.title_edit = QLineEdit(self)
        self.company_edit = QLineEdit(self)
        self.facilitator_edit = QLineEdit(self)
        self.title_edit.setMaxLength(limits.TITLE)  # the domain's limits: typing stops there
        self.company_edit.setMaxLength(limits.TITLE)
        self.facilitator_edit.setMaxLength(limits.NAME)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(ISO_DATE)
        self.participants_edit = QPlainTextEdit(self)
        self.participants_edit.setPlaceholderText(self.tr("One name per line"))
        self.participants_edit.setTabChangesFocus(True)
        self.language_box = QComboBox(self)
        self.language_box.addItem("Deutsch", "de")
        self.language_box.addItem("English", "en")
        self.buttons = form_with_ok_and_cancel(self, [
            (self.tr("&Title:"), self.title_edit), (self.tr("&Company:"), self.company_edit),
            (self.tr("&Facilitator:"), self.facilitator_edit), (self.tr("&Date:"), self.date_edit),
            (self.tr("&Participants:"), self.participants_edit), (self.tr("&Language:"), self.language_box)])
        self.title_edit.textChanged.connect(self._update_ok)
        self._fill(info, language)
        self._update_ok()
        self.resize(520, 420)

    def _fill(self, info: SessionInfo | None, language: str) -> None:
        date = QDate.fromString(info.date, ISO_DATE) if info is not None else QDate()
        self.date_edit.setDate(date if date.isValid() else QDate.currentDate())
        if info is not None:
            self.title_edit.setText(info.title)
            self.company_edit.setText(info.company)
            self.facilitator_edit.setText(info.facilitator)
            self.participants_edit.setPlainText("\n".join(info.participants))
            language = info.language
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.title_edit.text().strip()))

    def info(self) -> SessionInfo:
        return SessionInfo(
            title=self.title_edit.text().strip(),
            company=self.company_edit.text().strip(),
            facilitator=self.facilitator_edit.text().strip(),
            date=self.date_edit.date().toString(ISO_DATE),
            language=self.language_box.currentData(),
            participants=split_participants(self.participants_edit.toPlainText()),
        )


class OpenSessionDialog(QDialog):
    """The sessions of a folder: title, company, date, placed cards and last change, with a search
    field."""

    COLUMNS = 5

    def __init__(self, parent: QWidget | None, summaries: list[SessionSummary], folder: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open workshop"))
        self.summaries = summaries
        self.chosen: Path | None = None
        folder_label = QLabel(self.tr("Sessions in {folder}").format(folder=folder), self)
        folder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search title, company or date"))
        self.search.setClearButtonEnabled(True)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Title"), self.tr("Company"), self.tr("Date"), self.tr("Placed cards"),
             self.tr("Last changed")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._accept_selected)
        self.buttons.rejected.connect(self.reject)
        self.table.itemDoubleClicked.connect(lambda _item: self._accept_selected())
        self.table.itemSelectionChanged.connect(self._update_open)
        self.search.textChanged.connect(self.filter)
        layout = QVBoxLayout(self)
        for widget in (folder_label, self.search, self.table, self.buttons):
            layout.addWidget(widget)
        self._fill()
        self._update_open()
        self.resize(900, 520)
        self.search.setFocus()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.summaries))
        for row, summary in enumerate(self.summaries):
            placed = (self.tr("unreadable") if summary.error else
                      self.tr("{placed} of {cards}").format(placed=summary.placed, cards=summary.cards))
            changed = QDateTime.fromSecsSinceEpoch(int(summary.modified)).toString("yyyy-MM-dd HH:mm")
            for column, text in enumerate((summary.title, summary.company, summary.date, placed,
                                           changed)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(summary.path))
                item.setToolTip(summary.error or str(summary.path))
                self.table.setItem(row, column, item)
        if self.summaries:
            self.table.selectRow(0)

    def filter(self, text: str) -> None:
        """Hide the rows that do not match the search text."""
        first_visible = None
        for row, summary in enumerate(self.summaries):
            hidden = not summary.matches(text)
            self.table.setRowHidden(row, hidden)
            if not hidden and first_visible is None:
                first_visible = row
        if first_visible is not None:
            self.table.selectRow(first_visible)
        else:
            self.table.clearSelection()
        self._update_open()

    def visible_titles(self) -> list[str]:
        return [s.title for row, s in enumerate(self.summaries) if not self.table.isRowHidden(row)]

    def selected_path(self) -> Path | None:
        rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        rows = [row for row in rows if not self.table.isRowHidden(row)]
        return self.summaries[rows[0]].path if rows else None

    def _update_open(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(
            self.selected_path() is not None)

    def _accept_selected(self) -> None:
        self.chosen = self.selected_path()
        if self.chosen is not None:
            self.accept()
