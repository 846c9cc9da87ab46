"""The File menu's session entries: New workshop…, Open…, Open recent, Duplicate…, Rename…, Delete…,
Sessions folder…. They ask, then call the `SessionController`; a rename is an undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox

from workshop_app.storage import SessionError, list_sessions
from workshop_app.ui.features import FeatureContext
from workshop_app.ui.messages import message_box
from workshop_app.ui.session_control import SessionController, fresh_deck_board
from workshop_app.ui.undo_commands import SetInfoCommand


class SessionMenu(QObject):
    def __init__(self, context: FeatureContext, sessions: SessionController) -> None:
        super().__init__(context.window)
        self.context, self.sessions, self.window = context, sessions, context.window
        self._build_actions()
        menus = context.menus
        self.recent_menu = QMenu(self.tr("Open &recent"), self.window)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        for entry in (self.new_action, self.open_action, self.recent_menu, self.duplicate_action,
                      self.rename_action):
            menus.add("file.session", entry)
        menus.add("file.delete", self.delete_action)
        menus.add("file.folder", self.folder_action)
        sessions.fileChanged.connect(self._update_actions)
        self._update_actions()

    def _build_actions(self) -> None:
        w = self.window
        self.new_action = QAction(self.tr("&New workshop…"), w)
        self.new_action.triggered.connect(self.ask_new_session)
        self.open_action = QAction(self.tr("&Open…"), w)
        self.open_action.setShortcut("Ctrl+O")
        self.open_action.triggered.connect(self.ask_open_session)
        self.duplicate_action = QAction(self.tr("&Duplicate for the next team…"), w)
        self.duplicate_action.triggered.connect(self.ask_duplicate)
        self.rename_action = QAction(self.tr("Rena&me…"), w)
        self.rename_action.triggered.connect(self.ask_rename)
        self.delete_action = QAction(self.tr("De&lete…"), w)
        self.delete_action.triggered.connect(self.ask_delete)
        self.folder_action = QAction(self.tr("Sessions &folder…"), w)
        self.folder_action.triggered.connect(self.ask_folder)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.sessions.recent.paths():
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.sessions.open_path(p))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _update_actions(self) -> None:
        has_store = self.sessions.store is not None
        for action in (self.duplicate_action, self.rename_action, self.delete_action):
            action.setEnabled(has_store)

    # --- asking ---

    def ask_new_session(self) -> None:
        from workshop_app.ui.session_dialogs import NewWorkshopDialog  # not before the first paint

        dialog = NewWorkshopDialog(self.window, self.context.language)
        if dialog.exec():
            self.sessions.new_session(dialog.info(), fresh_deck_board())

    def ask_open_session(self) -> None:
        from workshop_app.ui.session_dialogs import OpenSessionDialog  # not before the first paint

        folder = self.sessions.folder_or_default()
        try:
            summaries = list_sessions(folder)
        except SessionError as exc:
            self.sessions.report(exc)
            return
        dialog = OpenSessionDialog(self.window, summaries, folder)
        if dialog.exec() and dialog.chosen is not None:
            self.sessions.open_path(dialog.chosen)

    def ask_duplicate(self) -> None:
        session = self.sessions.session
        if session is None:
            return
        title, ok = QInputDialog.getText(self.window, self.tr("Duplicate workshop"),
                                         self.tr("Title of the copy (same deck and cards, empty board):"),
                                         text=self.tr("{title} (next team)").format(title=session.info.title))
        if ok and title.strip():
            self.sessions.duplicate(title.strip())

    def ask_rename(self) -> None:
        session = self.sessions.session
        if session is None:
            return
        title, ok = QInputDialog.getText(self.window, self.tr("Rename workshop"), self.tr("New title:"),
                                         text=session.info.title)
        if ok and title.strip():
            self.rename(title.strip())

    def rename(self, title: str) -> bool:
        """Rename the session (one undo step); False when no session file is open."""
        session = self.sessions.session
        if session is None or not title.strip() or title.strip() == session.info.title:
            return False
        info = session.info.copy()
        info.title = title.strip()
        self.context.undo_stack.push(SetInfoCommand(session, info))
        return True

    def ask_delete(self) -> None:
        session, store = self.sessions.session, self.sessions.store
        if session is None or store is None:
            return
        question = self.tr("Move the workshop “{title}” to the trash folder {trash}?").format(
            title=session.info.title, trash=store.path.parent / "trash")
        answer = message_box(self.window, QMessageBox.Icon.Question, self.tr("Delete workshop"), question,
                             QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                             QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.sessions.delete_current()

    def ask_folder(self) -> None:
        start = str(self.sessions.folder_or_default())
        chosen = QFileDialog.getExistingDirectory(self.window, self.tr("Sessions folder"), start)
        if chosen:
            self.sessions.set_folder_preference(Path(chosen))


def install(context: FeatureContext) -> SessionController:
    """The window's session file with its File menu entries (reachable as `controller.menu`)."""
    controller = SessionController(context)
    controller.menu = SessionMenu(context, controller)
    return controller
