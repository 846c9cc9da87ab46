"""The whole workshop through the window: the perception round with two groups, Ist from the agreed
cards, Ist, Soll with its own undo history, the moves list, and the PDF – with real mouse drags on the
view, the session file on disk, the PDF read back."""

from __future__ import annotations

import pytest
from gui_helpers import drag_card_to, zone_point
from pdf_helpers import all_text, squeeze
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from test_export_gui import when_modal
from test_sessions_gui import folder, messages, open_window, settings_path  # noqa: F401 - fixtures

from workshop_app.domain.model import Zone
from workshop_app.domain.rounds import GROUP_A, GROUP_B, IST, SOLL
from workshop_app.storage import read_session


def drag(qtbot, window, card_id: str, zone: Zone) -> None:
    drag_card_to(qtbot, window.view, card_id, zone_point(window.view, zone))
    assert window.board.zone_of(card_id) is zone


def placed(window) -> dict[str, Zone]:
    return {card.id: zone for card, zone in window.board.placed()}


def start_perception(qtbot, window, names: tuple[str, str]) -> None:
    seen: list = []

    def fill(dialog) -> None:
        edits = dialog.findChildren(QLineEdit)
        for edit, name in zip(edits, names, strict=True):
            edit.setText(name)
        dialog.accept()

    when_modal(fill, seen)
    window.rounds.start_perception_action.trigger()
    qtbot.waitUntil(lambda: window.current.session.rounds.has_perception, timeout=5000)


def test_the_whole_workshop_runs_through_the_window(qtbot, folder, settings_path, messages, tmp_path):  # noqa: F811
    window = open_window(qtbot, folder, settings_path)
    path = window.sessions.store.path
    banner = window.rounds.banner
    assert banner.isVisible() and banner.text() == "As is"

    # perception round: group A places, then group B without seeing A's board
    start_perception(qtbot, window, ("Marketing", "Vertrieb"))
    assert banner.text() == "Perception: Marketing places the cards"
    drag(qtbot, window, "needs_analysis", Zone.MARKETING)
    drag(qtbot, window, "terms", Zone.SALES)
    drag(qtbot, window, "argument_lists", Zone.MARKETING)
    window.rounds.group_actions[1].trigger()
    assert banner.text() == "Perception: Vertrieb places the cards"
    assert placed(window) == {}  # group A's board is not shown
    window.finish_startup()
    assert not window.rounds_panel.gap_label.isVisible()  # nor summed up in the dock
    drag(qtbot, window, "needs_analysis", Zone.SALES)
    drag(qtbot, window, "terms", Zone.SALES)
    drag(qtbot, window, "argument_lists", Zone.MARKETING)

    # the overlay: both groups' placements on group A's board, the disputed card marked
    window.rounds.overlay_action.trigger()
    assert banner.text() == "Perception gap: Marketing (A) and Vertrieb (B) – divergence 33 %"
    items = window.board_scene.items_by_id
    assert items["needs_analysis"].is_highlighted and not items["terms"].is_highlighted
    badges = {card_id: [child.childItems()[0].text() for child in items[card_id].childItems()]
              for card_id in ("needs_analysis", "terms")}
    assert badges == {"needs_analysis": ["B: Sales"], "terms": ["both"]}

    # the groups can be renamed; the name is stored at once
    seen: list = []
    when_modal(lambda dialog: (dialog.findChildren(QLineEdit)[1].setText("Verkauf"), dialog.accept()),
               seen)
    window.rounds.rename_groups_action.trigger()
    qtbot.waitUntil(lambda: window.current.session.rounds.groups == ("Marketing", "Verkauf"))
    assert banner.text() == "Perception gap: Marketing (A) and Verkauf (B) – divergence 33 %"
    assert read_session(path).rounds.groups == ("Marketing", "Verkauf")

    # Ist from the cards both groups agree on: the disputed card goes back to the tray
    window.rounds.ist_from_actions["agreed"].trigger()
    assert banner.text() == "As is"
    assert placed(window) == {"terms": Zone.SALES, "argument_lists": Zone.MARKETING}
    assert not items["needs_analysis"].childItems()  # the overlay is gone
    drag(qtbot, window, "advertising", Zone.MARKETING)
    assert window.undo_stack.count() == 1

    # Soll starts as a copy of Ist and has its own undo history
    window.rounds.soll_action.trigger()
    assert banner.text() == "Target" and window.undo_stack.count() == 0
    assert placed(window) == {"terms": Zone.SALES, "argument_lists": Zone.MARKETING,
                              "advertising": Zone.MARKETING}
    drag(qtbot, window, "argument_lists", Zone.SALES)
    window.rounds.ist_action.trigger()
    assert window.board.zone_of("argument_lists") is Zone.MARKETING
    window.undo_action.trigger()  # undoes Ist's last move, not Soll's
    assert window.board.zone_of("advertising") is Zone.UNPLACED
    window.redo_action.trigger()
    terms_item = items["terms"]
    window.rounds.soll_action.trigger()
    assert window.board.zone_of("argument_lists") is Zone.SALES and window.undo_stack.count() == 1
    assert items["terms"] is terms_item  # a switch between rounds keeps the scene's card items

    # the diagnosis dock names the round shown and puts both rounds' scores side by side
    from workshop_app.domain.diagnosis import diagnose
    from workshop_app.ui.round_scores import RoundScores

    strip = window.diagnosis_panel.findChild(RoundScores)
    strip.refresh()
    assert strip.round_label.text() == "Round: Target"
    cells = [strip.grid.itemAt(i).widget().text() for i in range(strip.grid.count())]
    name = diagnose(window.board).results[0].archetype.name("en")
    row = cells.index(name)
    assert cells[:2] == ["As is", "Target"] and len(cells) == 2 + 3 * 4
    ist_score = diagnose(window.current.session.rounds.board(IST)).result(
        diagnose(window.board).results[0].archetype.id)
    assert cells[row + 1] == (f"{round(ist_score.score * 100)} %" if ist_score.judgeable else "–")

    # what moved, click to mark it on the board
    panel = window.rounds_panel
    panel.refresh()
    assert panel.moves_list.count() == 1
    line = panel.moves_list.item(0)
    card_text = window.board.card("argument_lists").text("en")
    assert line.text() == f"{card_text}: Marketing → Sales"
    rect = panel.moves_list.visualItemRect(line)
    qtbot.mouseClick(panel.moves_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert items["argument_lists"].is_highlighted and not items["terms"].is_highlighted
    assert "Verkauf sees" in panel.gap_label.text() and panel.gap_label.isVisible()

    # everything is in the file as it happened
    stored = read_session(path)
    rounds = window.current.session.rounds
    assert stored.rounds.names() == [GROUP_A, GROUP_B, IST, SOLL] and stored.round == SOLL
    assert stored.rounds.groups == ("Marketing", "Verkauf")
    for name in stored.rounds.names():
        assert stored.rounds.board(name).snapshot() == rounds.board(name).snapshot(), name

    # the PDF: the agreement with Ist, what moved and the perception gap
    pdf = tmp_path / "workshop.pdf"
    assert window.export_action.export_to(pdf)
    text = squeeze(all_text(pdf.read_bytes()))
    for expected in ("Target – draft boundary (not yet closed)",
                     "Starting point: as is – how we work today", "What moved",
                     f"{card_text}MarketingSales",
                     "Perception gap", "Divergence 33%", "The agreement is incomplete"):
        assert squeeze(expected) in text, expected
    assert squeeze("Agreed by") not in text  # signatures only once the agreement is closed


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_round_banner_never_covers_the_board(qtbot, size):
    from PySide6.QtCore import QRect

    from workshop_app.ui.app import build_window

    window = build_window("de")
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.rounds.soll_action.trigger()
    banner = window.rounds.banner
    assert banner.isVisible() and banner.text() == "Soll – so wollen wir arbeiten"
    assert banner.font().pixelSize() >= 32
    viewport = window.view.viewport()
    board = QRect(viewport.mapToGlobal(viewport.rect().topLeft()), viewport.size())
    shown = QRect(banner.mapToGlobal(banner.rect().topLeft()), banner.size())
    assert shown.bottom() < board.top() and not shown.intersects(board)
    assert shown.width() > board.width() // 2  # a wide strip right above the board


def test_the_overlay_banner_never_widens_the_window_at_1366x768(qtbot):
    from workshop_app.ui.app import build_window

    window = build_window("de")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.rounds.start_perception(("Marketing-Team der Zentrale", "Vertrieb Außendienst Süd"))
    window.rounds.overlay_action.trigger()
    qtbot.wait(50)
    banner = window.rounds.banner
    assert window.minimumSizeHint().width() <= 1366
    assert window.width() <= 1366
    assert banner.width() <= 1366 and banner.shown_text().endswith("…")  # elided,
    assert banner.fontMetrics().horizontalAdvance(banner.shown_text()) <= banner.contentsRect().width()
    assert banner.toolTip() == banner.text()  # the whole line in the tooltip
    assert banner.text().startswith("Wahrnehmungslücke: Marketing-Team der Zentrale (A) und Vertrieb")


def test_an_english_window_names_group_b_sales(qtbot):
    from workshop_app.ui.app import build_window

    window = build_window("en")
    qtbot.addWidget(window)
    assert window.rounds.ist_from_actions["b"].text() == "the board of Sales"
    seen: list = []
    when_modal(lambda dialog: (seen.append([e.text() for e in dialog.findChildren(QLineEdit)]),
                               dialog.reject()), [])
    window.rounds.ask_start_perception()
    assert seen == [["Marketing", "Sales"]]
