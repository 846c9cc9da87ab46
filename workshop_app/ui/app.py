"""Start the Qt application on a board."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QSize, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from workshop_app.desktop_entry import APP_ID, ICON_SIZES, icon_png
from workshop_app.domain.model import Board
from workshop_app.domain.session import Session
from workshop_app.ui.i18n import choose_language, install_translators
from workshop_app.ui.main_window import MainWindow, _FirstPaintHook
from workshop_app.ui.session_control import fresh_deck_board

SMOKE_TEST_TIMEOUT_MS = 60_000
UNATTENDED_CHECK_MS = 100  # how often `--smoke-test` looks for a dialog that waits for an answer


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Grenzziehung")
    app.setOrganizationName("Grenzziehung")
    app.setDesktopFileName(APP_ID)  # Wayland and the task bar find the menu entry's name and icon
    app.setWindowIcon(app_icon())
    font = QFont("DejaVu Sans")
    font.setPixelSize(16)
    app.setFont(font)
    return app  # type: ignore[return-value]


def app_icon() -> QIcon:
    """The app's icon from its PNGs (no SVG support needed at run time)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_png(size)), QSize(size, size))
    return icon


def build_window(language: str | None = None, *, sessions_dir: Path | None = None,
                 settings: QSettings | None = None, session: Path | None = None,
                 defer_secondary: bool = False) -> MainWindow:
    """The main window on the built-in demo workshop (the default deck, nothing placed), not saved.

    With `settings` (or `sessions_dir`) the window starts its sessions: it reopens the last session
    named in `settings` (or opens `session`), or creates the demo workshop session in the sessions
    folder. `defer_secondary` builds the deferred features and status bar after the board's first paint,
    as the app's start does."""
    app = create_app()
    language = choose_language(language)
    install_translators(app, language)
    with_sessions = settings is not None or sessions_dir is not None or session is not None
    # with sessions, start() always shows a board of its own: begin with an empty one, built at once
    board = Board() if with_sessions else fresh_deck_board()
    window = MainWindow(board, language, defer_secondary=defer_secondary, settings=settings)
    if with_sessions:
        window.sessions.start(Path(sessions_dir) if sessions_dir else None, session,
                              store_after_paint=defer_secondary)
    return window


class UnattendedAnswers(QObject):
    """`--smoke-test`: nobody is there to answer a dialog of the start (a damaged last session, a
    missing sessions folder). Each modal dialog is answered as Enter would answer it – its default
    button, else it is closed – and its question is printed on stderr, so that an installation check
    ends instead of waiting for a click."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._timer = QTimer(self)  # runs in the dialog's own event loop as well
        self._timer.setInterval(UNATTENDED_CHECK_MS)
        self._timer.timeout.connect(self._answer)
        self._timer.start()

    def _answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        if isinstance(dialog, QMessageBox):
            question = " ".join(f"{dialog.text()} {dialog.informativeText()}".split())
            print(f"workshop-app: --smoke-test answered: {question}", file=sys.stderr)
            if dialog.defaultButton() is not None:
                dialog.defaultButton().click()
                return
        dialog.close()


def quit_after_first_paint(app: QApplication, window: MainWindow) -> None:
    """`--smoke-test`: once the board has painted, finish the start (dock, status bar), close the
    window (which releases the session) and quit with exit code 0; no paint within a minute, or an
    error on the way, quits with 1."""
    def finish() -> None:
        code = 1
        try:
            window.finish_startup()
            window.close()
            code = 0
        finally:
            app.exit(code)

    window._smoke_test_hook = _FirstPaintHook(window.view.viewport(), finish)
    QTimer.singleShot(SMOKE_TEST_TIMEOUT_MS, lambda: app.exit(1))


def export_board_png(session: Session, round_name: str, language: str, size: tuple[int, int],
                     target: Path) -> Path:
    """The command line's `export --png`: render offscreen (never a window, even with a display)
    and write the PNG safely; ExportError when it cannot be written."""
    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        qInstallMessageHandler(_quiet)  # the offscreen platform's notes are no news for the user
    app = create_app()
    install_translators(app, language)
    from workshop_app.export import write_atomically  # ReportLab's package: loaded on use only
    from workshop_app.ui.board_image import board_png

    return write_atomically(target, board_png(session, round_name, language, size))


def _quiet(kind: QtMsgType, context: object, message: str) -> None:
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        print(message, file=sys.stderr)


def run(language: str | None = None, full_screen: bool = False,
        sessions_dir: str | Path | None = None, session: Path | None = None,
        smoke_test: bool = False, projector_screen: int | None = None,
        after_first_paint: Callable[[], object] | None = None) -> int:
    """`projector_screen`: start in presenter mode, the projector's window on that screen (from 1).
    `after_first_paint` is called once the board has painted (when the start is finished)."""
    app = create_app()
    if smoke_test:
        UnattendedAnswers(app)  # before the start asks anything; the app owns it
    window = build_window(language, sessions_dir=Path(sessions_dir) if sessions_dir else None,
                          settings=QSettings(), session=session, defer_secondary=True)
    if after_first_paint is not None:
        window.painted.connect(after_first_paint)
    if smoke_test:
        quit_after_first_paint(app, window)
    if full_screen:
        window.fullscreen_action.setChecked(True)
    else:
        window.showMaximized()  # the board wants the whole projector
    if projector_screen is not None:
        window.finish_startup()  # the presenter is a deferred feature
        window.presenter.screen_number = projector_screen
        window.presenter.action.setChecked(True)
    return app.exec()
