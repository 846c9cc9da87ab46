"""Presenter mode: the projector's window beside the facilitator's, two views of one scene in step,
the diagnosis revealed on the projector only, card text large enough for the back row."""

from __future__ import annotations

import pytest
from gui_helpers import Touch, card_center, mouse_drag, panels_followed, show_window, zone_point
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from workshop_app.domain.model import Zone
from workshop_app.domain.rounds import SOLL
from workshop_app.ui.app import build_window
from workshop_app.ui.presenter import projector_screen

M, S, V = Zone.MARKETING, Zone.SHARED, Zone.SALES
# where a group typically puts the 22 deck cards (close to the article's reference split)
SPLIT_9_4_9 = {
    M: ["advertising", "public_relations", "graphic_design", "copy_editing", "media_booking",
        "market_insight", "product_management", "industry_positioning", "content_preparation"],
    S: ["sales_enablement", "field_feedback", "benefit_presentation", "customer_requirements"],
    V: ["needs_analysis", "product_proposal", "benefit_persuasion", "case_argumentation",
        "argument_lists", "price_negotiation", "terms", "direct_customer_contact",
        "order_stimulation"],
}
# a board leaning to marketing: 12 / 2 / 8
SPLIT_12_2_8 = {
    M: SPLIT_9_4_9[M] + ["needs_analysis", "product_proposal", "benefit_persuasion"],
    S: ["sales_enablement", "field_feedback"],
    V: ["case_argumentation", "argument_lists", "price_negotiation", "terms",
        "direct_customer_contact", "order_stimulation", "benefit_presentation",
        "customer_requirements"],
}


def settle(qtbot, *windows) -> None:
    for window in windows:
        qtbot.waitExposed(window)
    qtbot.wait(30)


def place_all(window, split) -> None:
    for zone, card_ids in split.items():
        for card_id in card_ids:
            window.move_card(card_id, zone, None)
    assert not window.board.ids_in(Zone.UNPLACED)


def open_presenter(qtbot, window, size=(1366, 768)):
    window.presenter.action.trigger()
    projector = window.presenter.window
    assert projector is not None and projector.isVisible()
    projector.resize(*size)
    settle(qtbot, window, projector)
    return projector


def card_px(view, card_id: str = "terms") -> float:
    """The card text's size on screen: the rendered font's pixel size times the view's scale."""
    return view.card_item(card_id).font_pixel_size * view.scale_factor()


@pytest.fixture
def facilitator(qtbot):
    window = build_window("de")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


# --- readable from the back row ---


@pytest.mark.parametrize("split", [SPLIT_9_4_9, SPLIT_12_2_8], ids=["9-4-9", "12-2-8"])
def test_at_1366x768_all_22_cards_read_at_20_px_projected_and_14_px_for_the_facilitator(
        qtbot, facilitator, split):
    place_all(facilitator, split)
    assert facilitator.diagnosis_panel.isVisible()  # the dock is shown beside the board
    settle(qtbot, facilitator)
    assert card_px(facilitator.view) >= 14  # alone, laid out for its own view
    projector = open_presenter(qtbot, facilitator)
    for card_id in facilitator.board.cards():
        assert card_px(projector.panel.view, card_id.id) >= 20
        assert card_px(facilitator.view, card_id.id) >= 14  # the projector's layout, fitted here
    assert facilitator.diagnosis_panel.isVisible()


def test_at_1920x1080_all_22_cards_read_at_26_px_on_the_projector(qtbot, facilitator):
    place_all(facilitator, SPLIT_12_2_8)
    projector = open_presenter(qtbot, facilitator, (1920, 1080))
    assert min(card_px(projector.panel.view, c.id) for c in facilitator.board.cards()) >= 26


def test_a_fresh_board_on_the_projector_is_readable_too(qtbot, facilitator):
    projector = open_presenter(qtbot, facilitator)
    assert card_px(projector.panel.view) >= 20


# --- two views of one scene ---


def test_a_drag_on_the_projector_moves_the_card_in_both_windows_and_undo_too(qtbot, facilitator):
    projector = open_presenter(qtbot, facilitator)
    view = projector.panel.view
    mouse_drag(qtbot, view, card_center(view, "price_negotiation"), zone_point(view, V))
    assert facilitator.board.zone_of("price_negotiation") is V
    sales = facilitator.board_scene.layout.zones[V].rect
    for shown in (view, facilitator.view):  # the same item, where the sales zone is, in each view
        item_rect = shown.mapFromScene(
            shown.card_item("price_negotiation").sceneBoundingRect()).boundingRect()
        zone_rect = shown.mapFromScene(QPointF(sales.x, sales.y)), shown.mapFromScene(
            QPointF(sales.right, sales.bottom))
        assert zone_rect[0].x() <= item_rect.center().x() <= zone_rect[1].x()
        assert shown.viewport().rect().contains(item_rect.center())
    facilitator.undo_action.trigger()
    assert facilitator.board.zone_of("price_negotiation") is Zone.UNPLACED
    tray = facilitator.board_scene.layout.zones[Zone.UNPLACED].rect
    assert tray.contains(*facilitator.view.card_item("price_negotiation").pos().toTuple())


def test_touch_on_the_projector_moves_a_card(qtbot, facilitator):
    projector = open_presenter(qtbot, facilitator)
    view = projector.panel.view
    touch = Touch(view)
    start, end = card_center(view, "terms"), zone_point(view, S)
    touch.press({1: start})
    touch.move({1: start + (end - start) * 0.5})
    touch.move({1: end})
    touch.release({1: end})
    qtbot.waitUntil(lambda: facilitator.board.zone_of("terms") is S)


def test_the_views_never_resize_each_other(qtbot, facilitator):
    projector = open_presenter(qtbot, facilitator)
    scene_rect = facilitator.board_scene.sceneRect()
    facilitator.resize(1000, 700)  # the facilitator's window changes: the room's board does not
    settle(qtbot, facilitator)
    assert facilitator.board_scene.sceneRect() == scene_rect
    zoom = projector.panel.view.scale_factor()
    projector.resize(1600, 900)  # the projector's does: a new fit, the facilitator's view follows
    settle(qtbot, projector)
    assert projector.panel.view.scale_factor() > zoom
    visible = facilitator.view.mapToScene(facilitator.view.viewport().rect()).boundingRect()
    assert visible.contains(facilitator.board_scene.sceneRect().adjusted(1, 1, -1, -1))


def test_round_switch_and_highlight_show_in_both_windows(qtbot, facilitator):
    projector = open_presenter(qtbot, facilitator)
    panel = projector.panel
    assert "Ist" in panel.round_label.text()
    facilitator.move_card("terms", V, None)
    facilitator.current.session.rounds.start_soll()
    qtbot.waitUntil(lambda: "Soll" in panel.round_label.text())
    assert panel.view.board_scene is facilitator.view.board_scene
    assert facilitator.board_scene.board.zone_of("terms") is V  # Soll starts as a copy of Ist
    facilitator.board_scene.highlight({"terms"})
    assert panel.view.card_item("terms").is_highlighted


def test_closing_presenter_mode_gives_the_layout_back_to_the_facilitator(qtbot, facilitator):
    projector = open_presenter(qtbot, facilitator)
    QTest.keyClick(projector, Qt.Key.Key_F5)  # F5 on the window that has the focus
    assert facilitator.presenter.window is None and not facilitator.presenter.action.isChecked()
    settle(qtbot, facilitator)
    alone = card_px(facilitator.view)
    facilitator.resize(1400, 800)
    settle(qtbot, facilitator)
    assert card_px(facilitator.view) != alone  # its own view decides again


# --- reveal ---


def test_reveal_shows_the_diagnosis_on_the_projector_only_when_asked(qtbot, facilitator):
    place_all(facilitator, SPLIT_12_2_8)
    projector = open_presenter(qtbot, facilitator)
    reveal = projector.panel.reveal_panel
    assert reveal.isHidden()  # while the room places cards
    assert facilitator.diagnosis_panel.isVisible()  # the facilitator sees everything
    facilitator.activateWindow()
    qtbot.waitUntil(facilitator.isActiveWindow)
    QTest.keyClick(facilitator, Qt.Key.Key_F6)  # one key, in the facilitator's window
    assert not reveal.isHidden()
    assert [r.archetype.id for r in reveal.bars.results]  # the bars
    flagged = [r for r in reveal.bars.results if r.resembles]
    for result in flagged:  # harm and recommendation of each resembled archetype, in large type
        assert result.archetype.harm("de")[:40] in reveal.details.text()
        assert result.archetype.recommendation("de")[:40] in reveal.details.text()
    assert reveal.details.font().pixelSize() >= 20
    facilitator.presenter.reveal_action.trigger()  # one click hides it again
    assert reveal.isHidden() and facilitator.diagnosis_panel.isVisible()


def test_the_revealed_diagnosis_follows_the_board(qtbot, facilitator):
    projector = open_presenter(qtbot, facilitator)
    facilitator.presenter.reveal_action.trigger()
    bars = projector.panel.reveal_panel.bars
    before = {r.archetype.id: r.score for r in bars.results}
    place_all(facilitator, SPLIT_12_2_8)
    panels_followed(qtbot)
    assert {r.archetype.id: r.score for r in bars.results} != before


# --- screens ---


class FakeScreen:
    pass


def test_the_projector_goes_to_another_screen_or_the_one_asked_for():
    laptop, beamer, third = FakeScreen(), FakeScreen(), FakeScreen()
    assert projector_screen([laptop], laptop, None) is None  # one screen: an ordinary window
    assert projector_screen([laptop, beamer], laptop, None) is beamer
    assert projector_screen([beamer, laptop], laptop, None) is beamer
    assert projector_screen([laptop, beamer, third], laptop, 3) is third
    assert projector_screen([laptop, beamer], laptop, 7) is beamer  # no such screen: the other one


def test_soll_round_shows_its_title(qtbot, facilitator):
    facilitator.current.session.rounds.start_soll()
    projector = open_presenter(qtbot, facilitator)
    assert projector.panel.round_label.text() == "Soll – so wollen wir arbeiten"
    assert facilitator.current.session.rounds.active == SOLL


def test_show_window_helper_still_gives_the_standard_size(qtbot):
    window = show_window(qtbot, build_window("en"))
    assert window.presenter.window is None  # presenter mode is off until asked for


# --- the reveal says what the dock says ---


def reveal_on(qtbot, facilitator):
    projector = open_presenter(qtbot, facilitator)
    facilitator.presenter.reveal_action.trigger()
    panels_followed(qtbot)
    return projector.panel.reveal_panel


def test_the_reveal_on_an_empty_board_says_not_enough_cards_like_the_dock(qtbot, facilitator):
    reveal = reveal_on(qtbot, facilitator)
    assert reveal.details.text() == "Noch zu wenige Karten gelegt."
    dock = facilitator.diagnosis_panel
    for result in reveal.bars.results:
        word, _colour = reveal.bars.look(result)
        assert word == dock.rows[result.archetype.id].state_label.text() == "noch zu wenige Karten gelegt"


def test_a_leaning_archetype_is_amber_with_its_state_word_on_the_projector(qtbot, facilitator):
    from workshop_app.ui.diagnosis_widgets import BAR_COLOURS

    for card_id in SPLIT_12_2_8[M][:11]:  # one card short of the Kundenversteher
        facilitator.move_card(card_id, M, None)
    reveal = reveal_on(qtbot, facilitator)
    dock = facilitator.diagnosis_panel
    states = {result.state for result in reveal.bars.results}
    assert {"leaning", "does_not_resemble", "not_judgeable"} <= states
    looks = [reveal.bars.look(result) for result in reveal.bars.results]
    assert len({word for word, _colour in looks}) == len({colour.name() for _w, colour in looks}) == 3
    for result, (word, colour) in zip(reveal.bars.results, looks, strict=True):
        row = dock.rows[result.archetype.id]
        assert word == row.state_label.text()
        assert colour == BAR_COLOURS[row.state]
    leaning = next(r for r in reveal.bars.results if r.state == "leaning")
    assert reveal.bars.look(leaning) == ("deutet sich an", BAR_COLOURS["leaning"])
    row = [r.archetype.id for r in reveal.bars.results].index(leaning.archetype.id)
    image = reveal.bars.grab().toImage()
    pixel = image.pixelColor(10, row * reveal.bars.ROW_H + 44)  # inside the bar's filled part
    assert pixel.name() == BAR_COLOURS["leaning"].name()
    badge = image.pixelColor(120, row * reveal.bars.ROW_H + 60)  # the state badge spans its word
    assert badge.name() == BAR_COLOURS["leaning"].name()
    assert "keiner" not in reveal.details.text() or "noch" in reveal.details.text()
