"""Presenter mode (View > Presenter mode, F5): the room's window on the projector, the facilitator's
window with everything else.

With a second screen the projector window goes full screen on it (`--projector-screen N` picks the
screen); with one screen it is an ordinary window the facilitator drags to the projector. The projector
shows the same scene as the main window through a second view, so a move on either window shows on
both; while presenter mode is on, the projector's view decides the board's layout (the room's screen
matters most) and the facilitator's view only fits it at its own zoom.

The diagnosis stays hidden on the projector until the facilitator reveals it (View > Reveal diagnosis,
F6); the facilitator's own diagnosis panel always shows everything. The phase timer's button sits in
the tool bar; its clock shows large on the projector.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from workshop_app.domain.diagnosis import diagnose
from workshop_app.domain.session import Session
from workshop_app.domain.timer import Tone
from workshop_app.ui.after_paint import AfterPaint
from workshop_app.ui.board_input import BoardInput
from workshop_app.ui.note_popup import open_note_on_click
from workshop_app.ui.phase_timer import PhaseTimerControl
from workshop_app.ui.projector import ProjectorPanel, round_title

if TYPE_CHECKING:
    from workshop_app.ui.features import FeatureContext


def projector_screen(screens: list[QScreen], facilitator: QScreen | None,
                     requested: int | None) -> QScreen | None:
    """The screen for the projector window: screen number `requested` (counted from 1) when it
    exists, else the first screen that is not the facilitator's; None with a single screen."""
    if requested is not None and 1 <= requested <= len(screens):
        return screens[requested - 1]
    others = [screen for screen in screens if screen is not facilitator]
    return others[0] if others and len(screens) > 1 else None


class ProjectorWindow(QWidget):
    """The top-level window the room sees: a `ProjectorPanel`, no menus, no tool bars."""

    def __init__(self, panel_factory, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Grenzziehung – projector"))
        self.panel: ProjectorPanel = panel_factory(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)


class Presenter(QObject):
    """The presenter feature: the projector window, the reveal switch and the phase timer."""

    def __init__(self, context: FeatureContext, screen_number: int | None = None) -> None:
        super().__init__(context.window)
        self.c = context
        self.screen_number = screen_number
        self.window: ProjectorWindow | None = None
        self.input: BoardInput | None = None
        self.revealed = False
        self.timer_control = PhaseTimerControl(context.window, context.current.session.timer,
                                               context.settings)
        self.timer_control.ticked.connect(self._show_time)
        context.menus.toolbar.addWidget(self.timer_control.button)
        self.action = QAction(self.tr("Presenter &mode"), self)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.action.toggled.connect(self.set_active)
        self.reveal_action = QAction(self.tr("&Reveal diagnosis"), self)
        self.reveal_action.setCheckable(True)
        self.reveal_action.setShortcut(QKeySequence(Qt.Key.Key_F6))
        self.reveal_action.toggled.connect(self.set_revealed)
        context.menus.add("view.presenter", self.action, toolbar=True)
        context.menus.add("view.presenter", self.reveal_action, toolbar=True)
        context.menus.add("view.presenter", self.timer_control.menu)
        self.timer_control.menu.setTitle(self.tr("P&hase timer"))
        for action in (self.action, self.reveal_action):
            context.window.addAction(action)  # the keys work in full screen too
        context.current.sessionChanged.connect(self._session_changed)
        self._follow_later = AfterPaint(self._follow_session, self)  # after the board has painted
        context.current.recorded.connect(self._follow_later.schedule)
        context.current.overlayChanged.connect(lambda _shown: self._show_header())
        context.closing.connect(self.close_projector)

    # --- presenter mode ---

    def set_active(self, on: bool) -> None:
        if on and self.window is None:
            self.open_projector()
        elif not on and self.window is not None:
            self.close_projector()

    def open_projector(self) -> ProjectorWindow:
        window = ProjectorWindow(self._panel, self.c.window)
        self.window = window
        panel = window.panel
        self.input = BoardInput(panel.view, self.c.selection)  # drags and touch on the projector
        self.input.moveRequested.connect(self.c.window.move_card)
        self.input.cardClicked.connect(lambda card_id, where: open_note_on_click(
            panel.view, card_id, where))
        window.addActions([self.action, self.reveal_action, self.c.window.undo_action,
                           self.c.window.redo_action])  # the keys work on the projector too
        self._show_header()
        self.timer_control.refresh()
        panel.set_revealed(self.revealed)
        self._place(window)
        self.c.window.set_layout_view(panel.view)  # laid out for the room's screen
        self.action.setChecked(True)
        return window

    def _panel(self, parent: QWidget) -> ProjectorPanel:
        return ProjectorPanel(self.c.scene, self.c.language, parent)

    def _place(self, window: ProjectorWindow) -> None:
        screen = projector_screen(QGuiApplication.screens(), self.c.window.screen(),
                                  self.screen_number)
        if screen is None:
            window.resize(1280, 720)
            window.show()
            return
        window.setScreen(screen)
        window.setGeometry(screen.geometry())
        window.showFullScreen()

    def close_projector(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            self.c.window.set_layout_view(None)
            if self.input is not None:
                self.input.cancel_drags()
                self.input = None
            window.close()
            window.deleteLater()
        self.action.setChecked(False)

    # --- reveal ---

    def set_revealed(self, revealed: bool) -> None:
        self.revealed = revealed
        self.reveal_action.setChecked(revealed)
        if self.window is not None:
            if revealed:
                self._show_diagnosis()
            self.window.panel.set_revealed(revealed)

    def _show_diagnosis(self) -> None:
        if self.window is not None and self.revealed:
            self.window.panel.reveal_panel.show_diagnosis(diagnose(self.c.current.board))

    # --- what the projector shows ---

    def _show_header(self) -> None:
        if self.window is not None:
            session = self.c.current.session
            self.window.panel.show_header(session.info.title, round_title(
                session.rounds, overlay=self.c.current.overlay_shown))

    def _show_time(self, text: str, tone: Tone) -> None:
        if self.window is not None:
            self.window.panel.timer_label.show_time(text, tone)

    def _session_changed(self, session: Session) -> None:
        self.timer_control.show_timer(session.timer)
        self._show_header()
        self._show_diagnosis()

    def _follow_session(self) -> None:
        """Any record may change what the room sees: a move the diagnosis, a round switch the round,
        new details the title. Shown once the board has painted the move."""
        self._show_header()
        self._show_diagnosis()
