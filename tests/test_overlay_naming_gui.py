"""While the perception overlay is shown, every place that names the round names the overlay: the
round banner, the round at the top of the diagnosis dock, the Rounds dock (the gap) and the projector's
header."""

from __future__ import annotations

from workshop_app.domain.model import Zone
from workshop_app.domain.rounds import GROUP_A
from workshop_app.ui.app import build_window
from workshop_app.ui.round_scores import RoundScores

GAP = "Perception gap: Marketing-Team (A) and Vertrieb (B) – divergence – %"


def test_the_overlay_is_named_in_the_docks_and_on_the_projector(qtbot):
    window = build_window("en")
    qtbot.addWidget(window)
    window.show()
    window.finish_startup()
    window.rounds.start_perception(("Marketing-Team", "Vertrieb"))
    window.presenter.action.trigger()
    header = window.presenter.window.panel.round_label
    scores = window.findChild(RoundScores)
    assert header.text() == "Perception: Marketing-Team places the cards"

    window.rounds.overlay_action.trigger()
    qtbot.waitUntil(lambda: scores.round_label.text() == f"Round: {GAP}", timeout=3000)
    assert window.rounds.banner.text() == GAP
    assert header.text() == GAP
    assert window.rounds_panel.gap_label.isVisibleTo(window.rounds_panel)
    assert "Neither group has placed a card yet." in window.rounds_panel.gap_label.text()

    window.rounds.overlay_action.trigger()  # hidden again: group A's board
    qtbot.waitUntil(lambda: header.text() == "Perception: Marketing-Team places the cards",
                    timeout=3000)
    qtbot.waitUntil(lambda: "Marketing-Team places" in scores.round_label.text(), timeout=3000)
    assert not window.rounds_panel.gap_label.isVisibleTo(window.rounds_panel)
    window.presenter.action.trigger()


def test_the_perception_round_in_german_words(qtbot):
    window = build_window("de")
    qtbot.addWidget(window)
    window.show()
    rounds = window.current.session.rounds
    window.rounds.start_perception(("Marketing-Team", "Vertrieb"))
    rounds.board(GROUP_A).move("terms", Zone.SALES)  # B leaves it in the tray
    window.rounds.overlay_action.trigger()
    window.rounds_panel.refresh()
    gap = window.rounds_panel.gap_label.text()
    assert "Marketing-Team erkennt keines der vier Muster" in gap and "nichts" not in gap
    assert "Divergenz: 100 % (1 Karte uneinig, 0 einig)" in gap
    badges = [child.childItems()[0].text()
              for child in window.board_scene.items_by_id["terms"].childItems()]
    assert badges == ["B: Noch nicht zugeordnet"]
    entries = [window.rounds.start_perception_action.text(), window.rounds.rename_groups_action.text()]
    assert all(entry.endswith("…") and not entry.endswith(" …") for entry in entries), entries
