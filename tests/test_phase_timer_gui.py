"""The phase timer in the window: set, start, pause, one more minute, reset; amber, red; large on the
projector, small in the tool bar; and still there after the app is closed and opened again."""

from __future__ import annotations

import pytest
from gui_helpers import show_window
from PySide6.QtCore import QSettings

from workshop_app.domain.timer import TimerState, Tone
from workshop_app.storage import location
from workshop_app.ui.app import build_window

T0 = 1_800_000_000.0


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def own_settings(tmp_path):
    """The window's default QSettings go to a file of this test, never the user's."""
    from PySide6.QtCore import QStandardPaths

    usual = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, usual)
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


@pytest.fixture
def clock():
    return Clock()


def with_clock(window, clock: Clock):
    window.presenter.timer_control.clock = clock
    return window


@pytest.fixture
def window(qtbot, clock):
    return with_clock(show_window(qtbot, build_window("en")), clock)


def test_a_preset_then_start_pause_one_more_minute_and_reset(window, clock):
    control = window.presenter.timer_control
    control.preset_actions[5].trigger()
    assert control.button.text() == "5:00" and not control.timer.state.running
    control.start_action.trigger()
    assert control.timer.state.running and control.start_action.text() == "Pause"
    clock.now += 75
    control.refresh()
    assert control.button.text() == "3:45"
    control.start_action.trigger()  # pause
    clock.now += 600
    control.refresh()
    assert control.button.text() == "3:45" and control.start_action.text() == "Start"
    control.add_minute_action.trigger()
    assert control.button.text() == "4:45"
    control.reset_action.trigger()
    assert control.button.text() == "5:00" and control.timer.state == TimerState(300, 300.0, None)


def test_any_other_length(window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getInt", lambda *args, **kwargs: (25, True))
    control = window.presenter.timer_control
    control.other_action.trigger()
    assert control.timer.state.length == 25 * 60 and control.button.text() == "25:00"


def test_amber_in_the_last_minute_red_at_zero_on_both_windows(qtbot, window, clock):
    control = window.presenter.timer_control
    window.presenter.action.trigger()
    big = window.presenter.window.panel.timer_label
    control.preset_actions[5].trigger()
    control.start_action.trigger()
    assert big.text() == "5:00" and big.tone is Tone.NORMAL
    assert big.font().pixelSize() > control.button.font().pixelSize() * 2  # large on the projector
    clock.now += 4 * 60 + 1
    qtbot.waitUntil(lambda: big.text() == "0:59")  # the ticker runs it, no click needed
    assert big.tone is Tone.LAST_MINUTE and "#ffbf00" in control.button.styleSheet()
    clock.now += 60
    qtbot.waitUntil(lambda: big.text() == "0:00")
    assert big.tone is Tone.EXPIRED and "#c92a2a" in control.button.styleSheet()


def test_silent_by_default_and_a_soft_sound_when_asked(window, clock, monkeypatch):
    from PySide6.QtWidgets import QApplication

    rings = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: rings.append(1)))
    control = window.presenter.timer_control
    assert not control.sound_action.isChecked()
    control.preset_actions[5].trigger()
    control.start_action.trigger()
    clock.now += 301
    control.refresh()
    assert rings == []
    control.reset_action.trigger()
    control.sound_action.trigger()
    control.start_action.trigger()
    clock.now += 301
    control.refresh()
    control.refresh()
    assert rings == [1]  # once, when it reaches zero


def test_the_timer_survives_a_restart(qtbot, tmp_path, monkeypatch, clock):
    monkeypatch.setattr(location, "default_sessions_dir", lambda: tmp_path / "default")
    monkeypatch.delenv(location.SESSIONS_DIR_VARIABLE, raising=False)
    folder = tmp_path / "sessions"
    folder.mkdir()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = with_clock(show_window(qtbot, build_window("en", sessions_dir=folder,
                                                     settings=settings)), clock)
    control = first.presenter.timer_control
    control.preset_actions[10].trigger()
    control.start_action.trigger()
    qtbot.wait(10)  # the autosave commits a record without an undo step on the next turn
    first.close()
    clock.now += 180  # three minutes while the app was closed
    again = with_clock(show_window(qtbot, build_window("en", sessions_dir=folder,
                                                     settings=settings)), clock)
    restored = again.presenter.timer_control
    restored.refresh()
    assert restored.timer.state.running and restored.button.text() == "7:00"
    restored.start_action.trigger()  # pause, then restart the app once more
    qtbot.wait(10)
    again.close()
    clock.now += 999
    third = with_clock(show_window(qtbot, build_window("en", sessions_dir=folder,
                                                     settings=settings)), clock)
    third.presenter.timer_control.refresh()
    assert third.presenter.timer_control.button.text() == "7:00"
    assert not third.presenter.timer_control.timer.state.running
