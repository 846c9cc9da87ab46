"""The session file behind the window: open, create, duplicate, delete, and the start-up choice.

`SessionController` does nothing until the app calls `start(...)` (or `open_path`/`new_session`), so a
window built for a test never touches a folder. What is shown is the `CurrentSession`; the file follows
it through `Autosave`. Which folder and which session at start is decided in `storage.location`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from workshop_app.domain.model import Board
from workshop_app.domain.session import InfoChanged, Session, SessionInfo
from workshop_app.storage import (
    SessionError,
    check_folder,
    list_sessions,
    location,
    move_to_trash,
    newest_readable_session,
)
from workshop_app.storage.first_read import read_locked
from workshop_app.ui.autosave import Autosave
from workshop_app.ui.features import FeatureContext
from workshop_app.ui.later_store import LaterStore
from workshop_app.ui.messages import message_box
from workshop_app.ui.recent_sessions import RecentSessions
from workshop_app.ui.unsaved_banner import UnsavedBanner

if TYPE_CHECKING:
    from workshop_app.storage.store import SessionStore

APP_TITLE = location.APP_NAME


def fresh_deck_board() -> Board:
    """A board with every card of the default deck in the tray, for a new workshop (the deck's module
    loads then: a reopened session's first paint does not need it)."""
    from workshop_app.domain.deck import load_deck

    return load_deck().board()


def demo_info(language: str) -> SessionInfo:
    return SessionInfo(title=QCoreApplication.translate("Sessions", "Demo workshop"), language=language)


class SessionController(QObject):
    """The open session file of a window."""

    fileChanged = Signal()  # noqa: N815 - a session file was opened or closed

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context.window)
        self.context = context
        self.window = context.window
        self.current = context.current
        self.recent = RecentSessions(context.settings)
        self.folder: Path | None = None
        self.store: SessionStore | LaterStore | None = None
        self.autosave: Autosave | None = None
        self.last_error: str | None = None
        self.menu: QObject | None = None  # the File menu entries (ui/session_menu.py)
        self._save_failed_shown = False
        self.status = QLabel()  # joins the status bar when the window builds it
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # shows a file name: user text
        context.add_status(self.status)
        self.banner = UnsavedBanner(context.window)  # shown while the board is not being saved
        self.current.recorded.connect(self._recorded)
        context.closing.connect(self._close_store)  # release the file (and its lock) for the next instance
        context.painted.connect(self.open_store)  # a session shown at start opens for writing now

    @property
    def session(self) -> Session | None:
        """The session held in a file, or None while the unsaved demo board is shown."""
        return self.current.session if self.store is not None else None

    @property
    def settings(self):
        return self.recent.settings

    @settings.setter
    def settings(self, settings) -> None:
        self.recent.settings = settings

    # --- start-up ---

    def start(self, sessions_dir: Path | None = None, session: Path | None = None, *,
              store_after_paint: bool = False) -> None:
        """Choose the sessions folder (`--sessions-dir`, the preference, or the default), then open
        `session`, else reopen the folder's last session, else its newest readable one (fresh settings,
        a copied folder); only a folder without a session gets the demo workshop.

        `store_after_paint` (the app's start): the session is read and shown with its file locked, and
        opened for writing when the window has painted (`open_store`); see ui/later_store.py."""
        if not self.use_folder(sessions_dir):
            self._show_unsaved_demo()
            return
        assert self.folder is not None
        reopen = location.session_to_reopen(session, self.recent.last(self.folder))
        if reopen is None and session is None:
            reopen = newest_readable_session(self.folder)
        if reopen is not None:
            error = self._try_open(reopen, store_after_paint=store_after_paint)
            if error is not None:
                self._choose_after_failed_start(error.message(self.context.language))
            return
        if not self.new_session(demo_info(self.context.language), fresh_deck_board()):
            self._show_unsaved_demo()

    def _choose_after_failed_start(self, text: str) -> None:
        """The session to start with cannot be opened: say why, then let the facilitator choose a new
        workshop (the default), another session, quitting, or going on unsaved (with the banner)."""
        self.last_error = text
        print(f"workshop-app: {' '.join(text.split())}", file=sys.stderr)  # for a start from a terminal
        while True:
            choice = self._ask_start_choice(text)
            if choice == "new" and self.new_session(demo_info(self.context.language), fresh_deck_board()):
                return
            if choice == "open" and self.menu is not None:
                self.menu.ask_open_session()  # type: ignore[attr-defined]
                if self.store is not None:
                    return
                continue
            break
        self._show_unsaved_demo()
        if choice == "quit":
            QTimer.singleShot(0, self.window.close)

    def _ask_start_choice(self, text: str) -> str | None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Sessions"), text,
                          QMessageBox.StandardButton.NoButton, self._parent_widget())
        box.setTextFormat(Qt.TextFormat.PlainText)  # names a file: user text
        box.setInformativeText(self.tr("Nothing done on a board without a session is saved. "
                                       "What do you want to do?"))
        buttons = {box.addButton(self.tr("New workshop"), QMessageBox.ButtonRole.AcceptRole): "new",
                   box.addButton(self.tr("Open another…"), QMessageBox.ButtonRole.ActionRole): "open",
                   box.addButton(self.tr("Go on without saving"),
                                 QMessageBox.ButtonRole.DestructiveRole): "unsaved"}
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        buttons[quit_button] = "quit"
        box.setDefaultButton(next(iter(buttons)))
        box.setEscapeButton(quit_button)
        box.exec()
        return buttons.get(box.clickedButton())  # None (no button): unsaved, with the banner

    def use_folder(self, override: Path | None = None) -> bool:
        """Settle on a sessions folder: `override` (--sessions-dir), else $GRENZZIEHUNG_SESSIONS_DIR,
        else the preference, else the default. A missing chosen folder falls back to the default with a
        message. False when no folder can be used."""
        chosen = location.chosen_sessions_dir(override, self.recent.folder_preference())
        default = location.default_sessions_dir()
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

    def folder_or_default(self) -> Path:
        return self.folder or location.default_sessions_dir()

    def set_folder_preference(self, folder: Path) -> bool:
        try:
            self.folder = check_folder(folder)
        except SessionError as exc:
            self.report(exc)
            return False
        self.recent.set_folder_preference(folder)
        return True

    def _show_unsaved_demo(self) -> None:
        self._close_store()
        self.current.show(Session(demo_info(self.context.language), fresh_deck_board()), stored=False)
        self._update_title()
        self.banner.show()

    # --- opening and creating ---

    def open_path(self, path: Path) -> bool:
        """Open a session file in the window; on failure show why and keep what is shown."""
        error = self._try_open(path)
        if error is not None:
            self.report(error)
        return error is None

    def _try_open(self, path: Path, *, store_after_paint: bool = False) -> SessionError | None:
        """Open and show a session file; the error when it cannot be opened."""
        path = Path(path)
        if self.store is not None and self.store.path.resolve() == path.resolve():
            return None
        try:
            lock = None
            if store_after_paint:
                locked = read_locked(path)  # lock, check and read with the standard library only
                if locked.session is not None:
                    self._show(LaterStore(locked), locked.session)
                    return None
                lock = locked.lock  # an older version: migrated (and read) by the store first
            from workshop_app.storage import SessionStore  # sqlite-utils: not for a session read at start

            store = SessionStore.open(path, lock=lock)
        except SessionError as exc:
            return exc
        try:
            session = store.load()
        except SessionError as exc:
            store.close()
            return exc
        self._show(store, session)
        return None

    def new_session(self, info: SessionInfo, board: Board) -> bool:
        from workshop_app.storage import SessionStore

        try:
            store = SessionStore.create(self.folder_or_default(), info, board)
            session = store.load()
        except SessionError as exc:
            self.report(exc)
            return False
        self._show(store, session)
        return True

    def duplicate(self, title: str) -> bool:
        """A new session with the same details, deck and cards, every card back in the tray."""
        assert self.session is not None
        copy = self.session.info.copy()
        copy.title = title
        return self.new_session(copy, self.current.board.emptied())

    def open_store(self) -> None:
        """Open the file of a session shown before it was opened for writing (see `start`); when it
        cannot be opened, say why and offer the same choice as a start that failed."""
        if not isinstance(self.store, LaterStore) or self.store.is_open:
            return
        try:
            self.store.open()
        except SessionError as exc:
            self._close_store()
            self._choose_after_failed_start(exc.message(self.context.language))

    def _show(self, store: SessionStore | LaterStore, session: Session) -> None:
        self._close_store()
        self.store = store
        self._save_failed_shown = False
        self.current.show(session, stored=True)
        self.autosave = Autosave(store, session, self.context.undo_stack, self._save_failed,
                                 self._save_recovered)
        self.recent.remember(store.path)
        self.banner.hide()
        self._update_title()
        self.fileChanged.emit()

    def _close_store(self) -> None:
        if self.autosave is not None:
            self.autosave.stop()
            self.autosave = None
        if self.store is not None:
            self.store.close()
            self.store = None
            self.fileChanged.emit()

    def close(self) -> None:
        """Release the session file (the window is closing)."""
        self._close_store()

    def _recorded(self, change: object) -> None:
        if isinstance(change, InfoChanged):
            self._update_title()

    # --- deleting ---

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
        self.recent.forget(path)
        if not self._open_newest():
            self.new_session(demo_info(self.context.language), fresh_deck_board())
        return target

    def _open_newest(self) -> bool:
        if self.folder is None:
            return False
        try:
            summaries = list_sessions(self.folder)
        except SessionError:
            return False
        return any(summary.error is None and self.open_path(summary.path) for summary in summaries)

    # --- messages and title ---

    def report(self, error: SessionError, extra: str = "") -> None:
        text = error.message(self.context.language)
        self.report_text(" ".join(part for part in (text, extra) if part))

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
