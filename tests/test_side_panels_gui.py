"""The side panels on a small laptop screen: the diagnosis keeps a usable height."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget


def test_side_panels_are_tabs_with_the_diagnosis_in_front_at_1366x768(qtbot, window):
    window.resize(1366, 768)
    qtbot.wait(50)
    panel = window.diagnosis_panel
    others = [dock for dock in window.findChildren(QDockWidget) if dock is not panel]
    assert others, "the window has further side panels (rounds, agreement)"
    assert set(window.tabifiedDockWidgets(panel)) == set(others)
    assert panel.isVisible() and not panel.visibleRegion().isEmpty()
    central = window.centralWidget().height()
    assert panel.height() >= 0.9 * central  # the whole side, not a third of it


def test_every_side_panel_can_still_be_shown_from_the_view_menu(qtbot, window):
    for dock in window.findChildren(QDockWidget):
        dock.toggleViewAction().trigger()  # hide
        assert not dock.isVisible()
        dock.toggleViewAction().trigger()  # show again
        assert dock.isVisible()
