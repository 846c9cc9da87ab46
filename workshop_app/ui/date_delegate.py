"""A table column of dates: edited with a date editor (with a calendar), stored as YYYY-MM-DD text; the
earliest date stands for "no date" (a next step need not have one)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex
from PySide6.QtWidgets import QDateEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

ISO_DATE = "yyyy-MM-dd"
NO_DATE = QDate(2000, 1, 1)


class DateDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                     index: QModelIndex) -> QWidget:
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat(ISO_DATE)
        editor.setMinimumDate(NO_DATE)
        editor.setSpecialValueText(self.tr("no date"))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802 - Qt API
        assert isinstance(editor, QDateEdit)
        date = QDate.fromString(str(index.data() or ""), ISO_DATE)
        editor.setDate(date if date.isValid() else NO_DATE)
        if not date.isValid():  # the calendar opens on this month, not on "no date"
            today = QDate.currentDate()
            editor.calendarWidget().setCurrentPage(today.year(), today.month())

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802 - Qt API
                     index: QModelIndex) -> None:
        assert isinstance(editor, QDateEdit)
        date = editor.date()
        model.setData(index, "" if date == NO_DATE else date.toString(ISO_DATE))
