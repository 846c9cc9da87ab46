"""The facilitator's phase timer: a tool bar button that shows the time left (amber in the last minute,
red at zero) and opens the timer's menu: presets of 5, 10 and 15 minutes, any other length, start or
pause, one more minute, reset, and an optional soft sound at zero (off by default).

Each entry calls one method of the session's `PhaseTimer` (domain/timer.py); the session announces the
record and the autosave stores it, so the timer survives a restart. Timer changes are not undo steps:
undo is for the board, and undoing a clock would only confuse the room.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QToolButton, QWidget

from workshop_app.domain.timer import (
    MAX_SECONDS,
    PRESET_MINUTES,
    PhaseTimer,
    TimerError,
    Tone,
    format_clock,
)

TICK_MS = 250
SOUND_SETTING = "timer/sound"
BUTTON_STYLES = {
    Tone.NORMAL: "",
    Tone.LAST_MINUTE: "QToolButton { background: #ffbf00; color: #111111; }",
    Tone.EXPIRED: "QToolButton { background: #c92a2a; color: #ffffff; }",
}


class PhaseTimerControl(QObject):
    """Runs the shown session's timer. `ticked(text, tone)` after every change and every tick, for
    the projector's large clock."""

    ticked = Signal(str, object)  # clock text ("" while the timer was never set), Tone

    def __init__(self, parent: QWidget, timer: PhaseTimer, settings: QSettings,
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(parent)
        self._parent = parent
        self._settings = settings
        self.clock = clock
        self.timer = timer
        self._last_tone = Tone.NORMAL
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.refresh)
        self.button = QToolButton(parent)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setToolTip(self.tr("Phase timer"))
        self.menu = QMenu(parent)
        self._build_menu()
        self.button.setMenu(self.menu)
        self.refresh()

    # --- building ---

    def _build_menu(self) -> None:
        presets = QActionGroup(self)
        self.preset_actions: dict[int, QAction] = {}
        for minutes in PRESET_MINUTES:
            action = QAction(self.tr("%n minute(s)", "", minutes), self)
            action.triggered.connect(lambda _=False, m=minutes: self.set_length(m * 60))
            presets.addAction(action)
            self.menu.addAction(action)
            self.preset_actions[minutes] = action
        self.other_action = self._add(self.tr("Other length…"), self.ask_length)
        self.menu.addSeparator()
        self.start_action = self._add(self.tr("Start"), self.start_or_pause)
        self.add_minute_action = self._add(self.tr("One more minute"), self.add_minute)
        self.reset_action = self._add(self.tr("Reset"), self.reset)
        self.menu.addSeparator()
        self.sound_action = self._add(self.tr("Soft sound at zero"), self._store_sound)
        self.sound_action.setCheckable(True)
        self.sound_action.setChecked(self._settings.value(SOUND_SETTING, False, type=bool))

    def _add(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _=False: slot())
        self.menu.addAction(action)
        return action

    def _store_sound(self) -> None:
        self._settings.setValue(SOUND_SETTING, self.sound_action.isChecked())

    # --- the timer ---

    def show_timer(self, timer: PhaseTimer) -> None:
        """Another session is shown: run its timer."""
        self.timer = timer
        self.refresh()

    def set_length(self, seconds: int) -> None:
        self._apply(lambda: self.timer.set_length(seconds))

    def ask_length(self) -> None:
        minutes, ok = QInputDialog.getInt(self._parent, self.tr("Phase timer"),
                                          self.tr("Length in minutes:"),
                                          self.timer.state.length // 60 or 1, 1, MAX_SECONDS // 60)
        if ok:
            self.set_length(minutes * 60)

    def start_or_pause(self) -> None:
        now = self.clock()
        if self.timer.state.running:
            self._apply(lambda: self.timer.pause(now))
        else:
            self._apply(lambda: self.timer.start(now))

    def add_minute(self) -> None:
        now = self.clock()
        self._apply(lambda: self.timer.add_minute(now))

    def reset(self) -> None:
        self._apply(self.timer.reset)

    def _apply(self, change: Callable[[], object]) -> None:
        try:
            change()
        except TimerError:
            QApplication.beep()  # e.g. start after the time was up: the menu shows what to do
        self.refresh()

    def refresh(self) -> None:
        state = self.timer.state
        now = self.clock()
        tone = state.tone_at(now)
        text = format_clock(state.remaining_at(now))
        self.button.setText(text)
        self.button.setStyleSheet(BUTTON_STYLES[tone])
        self.start_action.setText(self.tr("Pause") if state.running else self.tr("Start"))
        self.start_action.setEnabled(state.running or state.remaining_at(now) > 0)
        if state.running and not self._ticker.isActive():
            self._ticker.start()
        elif not state.running:
            self._ticker.stop()
        if tone is Tone.EXPIRED and self._last_tone is not Tone.EXPIRED and state.running:
            self._ring()
        self._last_tone = tone
        self.ticked.emit(text, tone)

    def _ring(self) -> None:
        if self.sound_action.isChecked():
            QApplication.beep()
