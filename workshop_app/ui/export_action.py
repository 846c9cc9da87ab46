"""File > Export PDF…: the PDF summary of the session shown in the window.

A save dialog proposes a name from the session's date and title (A4 or US Letter is chosen with the
file type); when the PDF is written a message offers to open its folder. A folder that cannot be
written or a full disk is reported in a message; the session is only read, never changed.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from workshop_app.domain.session import Session, SessionInfo
from workshop_app.ui.features import FeatureContext

KEY_FOLDER = "export/folder"


class ExportAction(QObject):
    """The Export PDF entry of the File menu and what it does."""

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context.window)
        self.window = window = context.window
        self.current, self.language = context.current, context.language
        self.settings: QSettings = context.settings
        self.last_path: Path | None = None
        self.last_error: str | None = None
        self.action = QAction(self.tr("&Export PDF…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.triggered.connect(self.ask_export)
        context.menus.add("file.export", self.action)

    # --- the session to print ---

    def current_session(self) -> Session:
        """The window's session with the board as it is shown now; an untitled session around the
        board when no session is open."""
        if self.current.stored:
            return replace(self.current.session)
        info = SessionInfo(title=self.tr("Workshop"), language=self.language)
        return Session(info, self.current.board)

    # --- dialogs ---

    def page_size_filters(self) -> dict[str, str]:
        return {self.tr("PDF, A4 (*.pdf)"): "a4", self.tr("PDF, US Letter (*.pdf)"): "letter"}

    def default_page_size(self) -> str:
        imperial = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        return "letter" if imperial else "a4"

    def default_folder(self) -> Path:
        stored = self.settings.value(KEY_FOLDER, "", type=str)
        if stored and Path(stored).is_dir():
            return Path(stored)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def ask_export(self) -> None:
        from workshop_app.export import suggested_filename  # ReportLab loads on first export, not at start

        session = self.current_session()
        filters = self.page_size_filters()
        dialog = QFileDialog(self.window, self.tr("Export PDF"),
                             str(self.default_folder() / suggested_filename(session)))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("pdf")
        dialog.setNameFilters(list(filters))
        default = self.default_page_size()
        dialog.selectNameFilter(next(name for name, size in filters.items() if size == default))
        dialog.setObjectName("export_pdf_dialog")
        if not dialog.exec() or not dialog.selectedFiles():
            return
        path = Path(dialog.selectedFiles()[0])
        self.export_to(path, filters.get(dialog.selectedNameFilter(), default), session)

    def export_to(self, path: Path, page_size: str = "a4", session: Session | None = None) -> bool:
        """Write the PDF to `path` and tell the user how it went. Returns True when written."""
        from workshop_app.export import ExportError, write_summary_pdf

        session = session or self.current_session()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_summary_pdf(path, session, page_size=page_size)
        except ExportError as exc:
            return self._failed(str(exc))
        except Exception as exc:  # noqa: BLE001 - any failure becomes a message, never a traceback
            return self._failed(self.tr("The PDF could not be created: {detail}").format(detail=exc))
        finally:
            QApplication.restoreOverrideCursor()
        self.last_path, self.last_error = path, None
        self.settings.setValue(KEY_FOLDER, str(path.parent))
        self._done(path)
        return True

    def _failed(self, detail: str) -> bool:
        self.last_error = detail
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export PDF"),
                          self.tr("The PDF was not written. The session is unchanged."), parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(detail)
        box.setObjectName("export_failed_box")
        box.exec()
        return False

    def _done(self, path: Path) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Export PDF"),
                          self.tr("The PDF summary was written to {path}.").format(path=path),
                          parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("export_done_box")
        open_folder = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.setDefaultButton(QMessageBox.StandardButton.Ok)
        box.exec()
        if box.clickedButton() is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
