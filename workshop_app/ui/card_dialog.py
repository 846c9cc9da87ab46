"""Adding or editing a card: both texts (German and English) in fields wide enough for the whole text,
and the card's task function, so that a custom card counts in the diagnosis like a deck card."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QWidget,
)

from workshop_app.domain.deck import load_functions
from workshop_app.domain.model import Card
from workshop_app.ui.session_dialogs import form_with_ok_and_cancel

TEXT_COLUMNS = 70  # the fields show this many characters at once: a whole task


class CardDialog(QDialog):
    """Both texts and the function of a card; `card` fills the fields when a card is edited."""

    def __init__(self, parent: QWidget | None, language: str, card: Card | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit card") if card is not None else self.tr("Add card"))
        self.de_edit = self._text_field()
        self.en_edit = self._text_field()
        self.function_box = QComboBox(self)
        self.function_box.addItem(self.tr("No task function (does not count in the diagnosis)"), None)
        for function in load_functions().values():
            self.function_box.addItem(function.name_de if language == "de" else function.name_en,
                                      function.id)
        self.buttons = form_with_ok_and_cancel(self, [
            (self.tr("Task (&German):"), self.de_edit), (self.tr("Task (&English):"), self.en_edit),
            (self.tr("Task &function:"), self.function_box)])
        if card is not None:
            self.de_edit.setText(card.text_de)
            self.en_edit.setText(card.text_en)
            self.function_box.setCurrentIndex(max(0, self.function_box.findData(card.function)))
        (self.de_edit if language == "de" else self.en_edit).setFocus()
        self.de_edit.textChanged.connect(self._update_ok)
        self.en_edit.textChanged.connect(self._update_ok)
        self._update_ok()

    def _text_field(self) -> QLineEdit:
        field = QLineEdit(self)  # keeps a text exactly as it is (a card text is one line)
        field.setMinimumWidth(QFontMetrics(field.font()).averageCharWidth() * TEXT_COLUMNS)
        return field

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.text_de() or self.text_en()))

    def text_de(self) -> str:
        return self.de_edit.text().strip()

    def text_en(self) -> str:
        return self.en_edit.text().strip()

    def function(self) -> str | None:
        return self.function_box.currentData()
