"""A move in presenter mode: both windows paint the board first, the side panels follow afterwards, and
nothing but the boards is repainted in that frame (issue 12: "a move shows in both windows within one
frame"; the speed itself is measured in bench/bench_room.py)."""

from __future__ import annotations

import pytest
from gui_helpers import panels_followed, show_window
from PySide6.QtCore import QEvent, QObject

from workshop_app.domain.model import Zone
from workshop_app.ui.app import build_window


class PaintLog(QObject):
    """Notes each paint event of the watched widgets, with what `probe()` returns at that moment."""

    def __init__(self, widgets: dict[str, object], probe) -> None:
        super().__init__()
        self.names = {id(widget): name for name, widget in widgets.items()}
        self.probe = probe
        self.painted: list[tuple[str, object]] = []
        for widget in widgets.values():
            widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and id(watched) in self.names:
            self.painted.append((self.names[id(watched)], self.probe()))
        return False


@pytest.fixture
def room(qtbot):
    window = show_window(qtbot, build_window("en"))
    window.presenter.action.trigger()
    projector = window.presenter.window
    qtbot.waitExposed(projector)
    qtbot.wait(50)
    return window, projector


def test_both_boards_paint_the_move_before_the_panels_follow(qtbot, room):
    window, projector = room
    panel = window.diagnosis_panel
    window.presenter.reveal_action.trigger()  # the projector's diagnosis follows the board too
    panels_followed(qtbot)
    qtbot.wait(30)
    bars = projector.panel.reveal_panel.bars
    log = PaintLog({"facilitator": window.view.viewport(), "projector": projector.panel.view.viewport()},
                   lambda: (panel.placed_label.text(), bars.results[0].score))
    before = (panel.placed_label.text(), bars.results[0].score)
    window.move_card("advertising", Zone.MARKETING, None)
    qtbot.waitUntil(lambda: {name for name, _ in log.painted} == {"facilitator", "projector"})
    assert all(shown == before for _, shown in log.painted)  # the room saw the card first
    panels_followed(qtbot)
    assert panel.placed_label.text() == "1 card placed"
    assert window.board.zone_of("advertising") is Zone.MARKETING


def test_a_move_lays_out_and_repaints_no_other_tool_bar_button(qtbot, room):
    window, projector = room
    window.move_card("advertising", Zone.MARKETING, None)  # undo is enabled from now on
    panels_followed(qtbot)
    qtbot.wait(30)
    history = {window.toolbar.widgetForAction(action) for action in (window.undo_action,
                                                                     window.redo_action)}
    undo_button = window.toolbar.widgetForAction(window.undo_action)
    others = {f"button {index}": button for index, button in enumerate(
        window.toolbar.widgetForAction(action) for action in window.toolbar.actions())
        if button is not None and button not in history}
    geometry = {name: button.geometry() for name, button in others.items()}
    width = undo_button.width()
    log = PaintLog(others, lambda: None)
    window.move_card("terms", Zone.SALES, None)
    panels_followed(qtbot)
    qtbot.wait(30)
    # the menu entry names the move; the tool bar's button keeps its short label and its width, so
    # the tool bar's other buttons neither move nor repaint at every move
    assert window.undo_action.text() == "Undo: “Agree terms and conditions” to Sales"
    assert "Agree terms" in window.undo_action.toolTip()
    assert undo_button.text() == "Undo" and undo_button.width() == width
    assert {name: button.geometry() for name, button in others.items()} == geometry
    assert log.painted == []


def test_a_round_switch_keeps_the_cards_rendering_when_their_texts_stay(qtbot, monkeypatch):
    from workshop_app.ui.card_item import CardItem

    painted: list[str] = []
    paint = CardItem.paint  # counted from the start: PySide looks an override up once per item
    monkeypatch.setattr(CardItem, "paint", lambda item, *args: (painted.append(item.card_id),
                                                                paint(item, *args))[-1])
    window = show_window(qtbot, build_window("en"))
    window.board_scene.enable_item_caches()  # as after the app's first paint
    window.rounds.show_soll()  # Soll starts as a copy of Ist: the same cards in the same places
    panels_followed(qtbot)
    window.view.viewport().repaint()
    assert painted  # the cards were drawn (into their caches)
    painted.clear()
    window.rounds.switch("as_is")
    panels_followed(qtbot)
    window.view.viewport().repaint()
    assert window.board_scene.board is window.current.session.rounds.board("as_is")
    assert painted == []  # every card drawn from its cache, none laid out again
