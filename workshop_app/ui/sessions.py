"""Sessions in the window: autosave of every undo-stack change, the File menu entries, start-up.

`SessionController` is installed on the MainWindow (`window.sessions`). It does nothing until the app
calls `start(...)` (or `open_path`/`new_session`), so a window built for a test never touches a folder.

Autosave: the board's change records are collected as they happen; when the undo stack's index changes
(push, undo, redo) they are committed in one transaction together with do/undo/redo. A change without
an undo step (another feature changing the board) is committed on the next turn of the event loop.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMessageBox, QWidget

from workshop_app.domain.deck import load_deck
from workshop_app.domain.model import Board, Change
from workshop_app.domain.session import Session, SessionInfo
from workshop_app.paths import checkout_sessions_dir
from workshop_app.storage import (
    SessionError,
    SessionStore,
    check_folder,
    list_sessions,
    move_to_trash,
)
from workshop_app.ui.messages import message_box
from workshop_app.ui.session_dialogs import NewWorkshopDialog, OpenSessionDialog

KEY_LAST = "sessions/last"
KEY_RECENT = "sessions/recent"
KEY_FOLDER = "sessions/folder"
SESSIONS_DIR_VARIABLE = "GRENZZIEHUNG_SESSIONS_DIR"
RECENT_MAX = 8
APP_TITLE = "Grenzziehung"


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def error_text(error: SessionError) -> str:
    """The error's message in the UI language (the same texts as the command line's JSON)."""
    texts = {
        "not_sqlite": translate(
            "Sessions", "{path} is not a session file (it is not an SQLite database)."),
        "truncated": translate(
            "Sessions", "{path} is damaged: the file is shorter than its header says (truncated)."),
        "corrupt": translate(
            "Sessions", "{path} is damaged and cannot be read ({detail})."),
        "not_a_session": translate(
            "Sessions", "{path} is an SQLite database but not a Grenzziehung session ({detail})."),
        "newer_schema": translate(
            "Sessions", "{path} was written by a newer version of this app (schema {found}, this "
            "app knows {known}); update the app to open it."),
        "locked": translate(
            "Sessions", "{path} is already open in another window of this app (process {pid}); close it "
            "there first."),
        "folder_missing": translate(
            "Sessions", "The sessions folder {folder} does not exist."),
        "folder_read_only": translate(
            "Sessions", "The sessions folder {folder} cannot be written ({detail})."),
        "file_missing": translate(
            "Sessions", "{path} does not exist."),
        "write_failed": translate(
            "Sessions", "The session {path} could not be saved ({detail})."),
        "file_read_only": translate(
            "Sessions", "{path} cannot be written ({detail})."),
    }
    text = texts.get(error.code)
    if text is None:
        return str(error)
    values = {"path": "?", "folder": "?", "detail": "", "pid": "?", "found": "?", "known": "?"}
    values.update(error.values)
    return text.format(**values)


def default_sessions_dir() -> Path:
    """The checkout's `sessions/` when running from a checkout, else the platform's data folder."""
    checkout = checkout_sessions_dir()
    if checkout is not None:
        return checkout
    if QCoreApplication.instance() is None:  # the command line: no app object names the folder
        QCoreApplication.setOrganizationName(APP_TITLE)
        QCoreApplication.setApplicationName(APP_TITLE)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "sessions"


def demo_info(language: str) -> SessionInfo:
    return SessionInfo(title=translate("Sessions", "Demo workshop"), language=language)


class Autosave:
    """Commits the board's changes to the store, one transaction per undo-stack step."""

    def __init__(self, store: SessionStore, board: Board, undo_stack, on_error: Callable,
                 on_recovered: Callable = lambda: None) -> None:
        self.store, self.board, self.undo_stack, self.on_error = store, board, undo_stack, on_error
        self.on_recovered = on_recovered
        self.pending: list[Change] = []
        self.out_of_step = False  # the file missed a change the board has
        self.last_index = undo_stack.index()
        store.attach(board, commit_each=False)
        self._unsubscribe = board.subscribe(self._collect)
        undo_stack.indexChanged.connect(self._index_changed)

    def stop(self) -> None:
        self.flush("do")
        self._unsubscribe()
        self.undo_stack.indexChanged.disconnect(self._index_changed)
        self.store.detach()

    def _collect(self, change: Change) -> None:
        self.pending.append(change)
        QTimer.singleShot(0, lambda: self.flush("do"))  # a change without an undo step

    def _index_changed(self, index: int) -> None:
        action = "undo" if index < self.last_index else "do"
        if index > self.last_index:
            command = self.undo_stack.command(index - 1)
            if getattr(command, "_saved_before", False):
                action = "redo"
            elif command is not None:
                command._saved_before = True
        self.last_index = index
        self.flush(action)

    def flush(self, action: str) -> None:
        if not self.pending:
            return
        changes, self.pending = self.pending, []
        try:
            if self.out_of_step:  # an earlier commit failed: write the whole board, then go on
                self.store.replace_board(self.board)
                self.store.attach(self.board, commit_each=False)
                self.out_of_step = False
                self.store.commit(changes, action)
                self.on_recovered()
                return
            self.store.commit(changes, action)
        except SessionError as exc:
            self.out_of_step = True
            self.on_error(exc)


class SessionController(QObject):
    """The open session of a window and the File menu entries that manage sessions."""

    def __init__(self, window, settings: QSettings | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings or QSettings()
        self.folder: Path | None = None
        self.store: SessionStore | None = None
        self.session: Session | None = None
        self.autosave: Autosave | None = None
        self.last_error: str | None = None
        self._save_failed_shown = False
        self._build_actions()
        self._build_menu()
        self.status = QLabel()  # joins the status bar when the window builds it
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # shows a file name: user text
        window.add_permanent_status(self.status)
        window.boardReplaced.connect(self._board_replaced)
        window.closing.connect(self._close_store)  # release the file (and its lock) for the next instance

    # --- menu ---

    def _build_actions(self) -> None:
        w = self.window
        self.new_action = QAction(self.tr("&New workshop…"), w)
        self.new_action.triggered.connect(self.ask_new_session)
        self.open_action = QAction(self.tr("&Open…"), w)
        self.open_action.setShortcut("Ctrl+O")
        self.open_action.triggered.connect(self.ask_open_session)
        self.duplicate_action = QAction(self.tr("&Duplicate for the next team…"), w)
        self.duplicate_action.triggered.connect(self.ask_duplicate)
        self.rename_action = QAction(self.tr("&Rename…"), w)
        self.rename_action.triggered.connect(self.ask_rename)
        self.delete_action = QAction(self.tr("De&lete…"), w)
        self.delete_action.triggered.connect(self.ask_delete)
        self.folder_action = QAction(self.tr("Sessions &folder…"), w)
        self.folder_action.triggered.connect(self.ask_folder)

    def _build_menu(self) -> None:
        menu = self.window.file_menu
        first = menu.actions()[0] if menu.actions() else None
        self.recent_menu = menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        entries = [self.new_action, self.open_action, self.recent_menu.menuAction(),
                   self.duplicate_action, self.rename_action, self.delete_action, None,
                   self.folder_action, None]
        for entry in entries:
            if entry is None:
                menu.insertSeparator(first) if first else menu.addSeparator()
            elif first is not None:
                menu.insertAction(first, entry)
            else:
                menu.addAction(entry)
        self._update_actions()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.recent():
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _update_actions(self) -> None:
        has_store = self.store is not None
        for action in (self.duplicate_action, self.rename_action, self.delete_action):
            action.setEnabled(has_store)

    # --- start-up ---

    def start(self, sessions_dir: Path | None = None, session: Path | None = None) -> None:
        """Choose the sessions folder (`--sessions-dir`, the preference, or the default), then open
        `session`, else reopen the last session, or create the demo workshop when there is none."""
        if not self.use_folder(sessions_dir):
            self._show_unsaved_demo()
            return
        last = str(session) if session else self.settings.value(KEY_LAST, "", str)
        if last and Path(last).exists():
            if self.open_path(Path(last)):
                return
            self._show_unsaved_demo()
            return
        if not self.new_session(demo_info(self.window.language), load_deck().board()):
            self._show_unsaved_demo()

    def use_folder(self, override: Path | None = None) -> bool:
        """Settle on a sessions folder: `override` (--sessions-dir), else $GRENZZIEHUNG_SESSIONS_DIR,
        else the preference, else the default. A missing chosen folder falls back to the default with a
        message. False when no folder can be used."""
        preference = os.environ.get(SESSIONS_DIR_VARIABLE) or self.settings.value(KEY_FOLDER, "", str)
        chosen = Path(override) if override else (Path(preference) if preference else None)
        default = default_sessions_dir()
        if chosen is not None:
            try:
                self.folder = check_folder(chosen)
                return True
            except SessionError as exc:
                self.report(exc, extra=self.tr("Using the default folder {folder} instead.").format(
                    folder=default))
        try:
            default.mkdir(parents=True, exist_ok=True)
            self.folder = check_folder(default)
            return True
        except OSError as exc:
            self.report_text(self.tr("The sessions folder {folder} cannot be created ({detail}).").format(
                folder=default, detail=exc.strerror or exc))
        except SessionError as exc:
            self.report(exc)
        return False

    def _show_unsaved_demo(self) -> None:
        self._close_store()
        self.session = None
        self.window.set_board(load_deck().board())
        self._update_title()

    # --- opening and creating ---

    def open_path(self, path: Path) -> bool:
        """Open a session file in the window; on failure show why and keep what is shown."""
        path = Path(path)
        if self.store is not None and self.store.path.resolve() == path.resolve():
            return True
        try:
            store = SessionStore.open(path)
        except SessionError as exc:
            self.report(exc)
            return False
        try:
            session = store.load()
        except SessionError as exc:
            store.close()
            self.report(exc)
            return False
        self._show(store, session)
        return True

    def new_session(self, info: SessionInfo, board: Board) -> bool:
        folder = self.folder or default_sessions_dir()
        try:
            store = SessionStore.create(folder, info, board)
            session = store.load()
        except SessionError as exc:
            self.report(exc)
            return False
        self._show(store, session)
        return True

    def _show(self, store: SessionStore, session: Session) -> None:
        self._close_store()
        self.store, self.session = store, session
        self._save_failed_shown = False
        self.window.set_board(session.board)  # boardReplaced: the same board, so no rewrite
        self.autosave = Autosave(store, session.board, self.window.undo_stack, self._save_failed,
                                 self._save_recovered)
        self._remember(store.path)
        self._update_title()
        self._update_actions()

    def _close_store(self) -> None:
        if self.autosave is not None:
            self.autosave.stop()
            self.autosave = None
        if self.store is not None:
            self.store.close()
            self.store = None
        self._update_actions()

    def close(self) -> None:
        """Release the session file (the window is closing)."""
        self._close_store()

    def _board_replaced(self, board: Board) -> None:
        """Another feature showed a different board (e.g. loaded a board file): it becomes the
        session's board and is saved at once."""
        if self.store is None or self.session is None or board is self.session.board:
            return
        self.autosave.stop()
        try:
            self.store.replace_board(board)
        except SessionError as exc:
            self._save_failed(exc)
        self.session.board = board
        self.autosave = Autosave(self.store, board, self.window.undo_stack, self._save_failed,
                                 self._save_recovered)

    # --- File menu actions ---

    def ask_new_session(self) -> None:
        dialog = NewWorkshopDialog(self.window, self.window.language)
        if dialog.exec():
            self.new_session(dialog.info(), load_deck().board())

    def ask_open_session(self) -> None:
        folder = self.folder or default_sessions_dir()
        try:
            summaries = list_sessions(folder)
        except SessionError as exc:
            self.report(exc)
            return
        dialog = OpenSessionDialog(self.window, summaries, folder)
        if dialog.exec() and dialog.chosen is not None:
            self.open_path(dialog.chosen)

    def ask_duplicate(self) -> None:
        if self.session is None:
            return
        title, ok = QInputDialog.getText(self.window, self.tr("Duplicate workshop"),
                                         self.tr("Title of the copy (same deck and cards, empty board):"),
                                         text=self.tr("{title} (next team)").format(
                                             title=self.session.info.title))
        if ok and title.strip():
            self.duplicate(title.strip())

    def duplicate(self, title: str) -> bool:
        """A new session with the same details, deck and cards, every card back in the tray."""
        assert self.session is not None
        info = self.session.info
        copy = SessionInfo(title, info.company, info.facilitator, info.date, info.language,
                           list(info.participants))
        return self.new_session(copy, self.window.board.emptied())

    def ask_rename(self) -> None:
        if self.session is None:
            return
        title, ok = QInputDialog.getText(self.window, self.tr("Rename workshop"), self.tr("New title:"),
                                         text=self.session.info.title)
        if ok and title.strip():
            self.rename(title.strip())

    def rename(self, title: str) -> None:
        assert self.session is not None
        info = self.session.info
        self.update_info(SessionInfo(title, info.company, info.facilitator, info.date, info.language,
                                     list(info.participants)))

    def update_info(self, info: SessionInfo) -> bool:
        """Save the session's details (title, company, …); False (after a message) when it failed."""
        if self.store is None or self.session is None:
            return False
        try:
            self.store.update_info(info)
        except SessionError as exc:
            self.report(exc)
            return False
        self.session.info = info
        self._update_title()
        return True

    def ask_delete(self) -> None:
        if self.store is None or self.session is None:
            return
        question = self.tr("Move the workshop “{title}” to the trash folder {trash}?").format(
            title=self.session.info.title, trash=self.store.path.parent / "trash")
        answer = message_box(self.window, QMessageBox.Icon.Question, self.tr("Delete workshop"), question,
                             QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                             QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_current()

    def delete_current(self) -> Path | None:
        """Close the session and move its file to `trash/`; then show the newest other session."""
        assert self.store is not None
        path = self.store.path
        self._close_store()
        try:
            target = move_to_trash(path)
        except SessionError as exc:
            self.report(exc)
            self.open_path(path)
            return None
        self._forget(path)
        self.session = None
        if not self._open_newest():
            self.new_session(demo_info(self.window.language), load_deck().board())
        return target

    def _open_newest(self) -> bool:
        if self.folder is None:
            return False
        try:
            summaries = list_sessions(self.folder)
        except SessionError:
            return False
        return any(summary.error is None and self.open_path(summary.path) for summary in summaries)

    def ask_folder(self) -> None:
        start = str(self.folder or default_sessions_dir())
        chosen = QFileDialog.getExistingDirectory(self.window, self.tr("Sessions folder"), start)
        if chosen:
            self.set_folder_preference(Path(chosen))

    def set_folder_preference(self, folder: Path) -> bool:
        try:
            self.folder = check_folder(folder)
        except SessionError as exc:
            self.report(exc)
            return False
        self.settings.setValue(KEY_FOLDER, str(folder))
        self.settings.sync()
        return True

    # --- recent sessions ---

    def recent(self) -> list[Path]:
        values = self.settings.value(KEY_RECENT, [], list) or []
        return [Path(v) for v in values if isinstance(v, str) and Path(v).exists()]

    def _remember(self, path: Path) -> None:
        text = str(Path(path).resolve())
        recent = self.settings.value(KEY_RECENT, [], list) or []
        if recent[:1] == [text] and self.settings.value(KEY_LAST, "", str) == text:
            return  # reopening the last session: nothing to write (keeps start-up fast)
        values = [v for v in recent if v != text]
        self.settings.setValue(KEY_RECENT, [text, *values][:RECENT_MAX])
        self.settings.setValue(KEY_LAST, text)
        self.settings.sync()

    def _forget(self, path: Path) -> None:
        text = str(Path(path).resolve())
        values = [v for v in (self.settings.value(KEY_RECENT, [], list) or []) if v != text]
        self.settings.setValue(KEY_RECENT, values)
        if self.settings.value(KEY_LAST, "", str) == text:
            self.settings.remove(KEY_LAST)
        self.settings.sync()

    # --- messages and title ---

    def report(self, error: SessionError, extra: str = "") -> None:
        self.report_text(" ".join(part for part in (error_text(error), extra) if part))

    def report_text(self, text: str) -> None:
        self.last_error = text
        print(f"workshop-app: {' '.join(text.split())}", file=sys.stderr)  # for a start from a terminal
        message_box(self._parent_widget(), QMessageBox.Icon.Warning, self.tr("Sessions"), text,
                    QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Ok)

    def _save_failed(self, error: SessionError) -> None:
        self.status.setText(self.tr("Not saved!"))
        if not self._save_failed_shown:
            self._save_failed_shown = True
            self.report(error)

    def _save_recovered(self) -> None:
        self._save_failed_shown = False
        self._update_title()

    def _parent_widget(self) -> QWidget | None:
        return self.window if self.window.isVisible() else None

    def _update_title(self) -> None:
        if self.session is not None and self.store is not None:
            self.window.setWindowTitle(f"{self.session.info.title} – {APP_TITLE}")
            self.status.setText(self.tr("Saved automatically: {name}").format(name=self.store.path.name))
            self.status.setToolTip(str(self.store.path))
        else:
            self.window.setWindowTitle(self.tr("{title} (not saved) – {app}").format(
                title=self.tr("Demo workshop"), app=APP_TITLE))
            self.status.setText(self.tr("Not saved – File > New workshop saves"))
            self.status.setToolTip("")


def install(window, settings: QSettings | None = None) -> SessionController:
    window.sessions = SessionController(window, settings)
    return window.sessions

