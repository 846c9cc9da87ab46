"""The diagnosis panel in the real window, driven with the real mouse."""

from __future__ import annotations

import json

from gui_helpers import drag_card_to, panels_followed, zone_point
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from test_diagnosis import EXAMPLES

from workshop_app.domain.boardfile import write_board
from workshop_app.domain.deck import reference_board
from workshop_app.domain.model import Card, Zone

KUNDENVERSTEHER_CARDS = ("needs_analysis", "product_proposal", "benefit_persuasion")


def highlighted(window) -> set[str]:
    return {card_id for card_id, item in window.board_scene.items_by_id.items() if item.is_highlighted}


def test_the_panel_is_a_dock_beside_the_board(window):
    panel = window.diagnosis_panel
    assert window.dockWidgetArea(panel) == Qt.DockWidgetArea.RightDockWidgetArea
    assert panel.isVisible() and panel.width() <= 440
    assert set(panel.rows) == {"kundenversteher", "stichwortgeber", "kundenschmeichler", "kreativlinge"}
    assert all(panel.state_of(archetype_id) == "unknown" for archetype_id in panel.rows)
    assert panel.rows["kundenversteher"].state_label.text() == "not enough cards placed yet"


def test_dragging_the_kundenversteher_cards_into_marketing_turns_it_to_resembles(qtbot, window):
    panel, view = window.diagnosis_panel, window.view
    row, details = panel.rows["kundenversteher"], panel.details["kundenversteher"]
    for card_id in KUNDENVERSTEHER_CARDS[:2]:
        drag_card_to(qtbot, view, card_id, zone_point(view, Zone.MARKETING))
        assert panel.state_of("kundenversteher") != "resembles"
    assert details.isHidden()
    # two of the three steps of the product sale in marketing, the third still in the tray: leaning,
    # shown apart from "resembles", with the cards behind the score and the deciding card
    assert panel.state_of("kundenversteher") == "leaning"
    assert row.state_label.text() == "leaning" and row.percent_label.text() == "67 %"
    assert row.reasons_label.text().startswith("In the article: Salespeople only negotiate prices")
    assert "Find out the customer's need (Marketing)" in row.reasons_label.text()
    assert row.deciding_label.isVisible()
    assert row.deciding_label.text() == (
        "Deciding: “Convince the customer of the benefits” (not placed yet) into Marketing or into "
        "the Interface – then the board resembles this example.")
    drag_card_to(qtbot, view, KUNDENVERSTEHER_CARDS[2], zone_point(view, Zone.MARKETING))
    assert set(window.board.ids_in(Zone.MARKETING)) == set(KUNDENVERSTEHER_CARDS)
    assert panel.state_of("kundenversteher") == "resembles"
    assert row.state_label.text() == "RESEMBLES the board"
    assert row.bar.value() == 100 and row.percent_label.text() == "100 %"
    assert details.isVisible() and row.deciding_label.isHidden() and row.reasons_label.isHidden()
    for card_id in KUNDENVERSTEHER_CARDS:
        assert f"{window.board.card(card_id).text('en')} (Marketing)" in details.evidence_label.text()
    assert "credibility" in details.harm_label.text()
    assert "Train and upgrade sales" in details.recommendation_label.text()
    assert all(panel.state_of(other) != "resembles" for other in panel.rows if other != "kundenversteher")

    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the last drag
    assert window.board.zone_of(KUNDENVERSTEHER_CARDS[2]) is Zone.UNPLACED
    panels_followed(qtbot)
    assert panel.state_of("kundenversteher") != "resembles"
    assert row.state_label.text() != "RESEMBLES the board"
    assert details.isHidden()
    window.redo_action.trigger()
    panels_followed(qtbot)
    assert panel.state_of("kundenversteher") == "resembles"


def test_clicking_an_archetype_highlights_its_evidence_cards(qtbot, window):
    panel = window.diagnosis_panel
    board = reference_board()
    for card_id, zone in EXAMPLES["stichwortgeber"].items():
        board.move(card_id, zone)
    window.set_board(board)
    assert panel.state_of("stichwortgeber") == "resembles"
    evidence = set(panel.diagnosis.result("stichwortgeber").evidence)
    assert set(EXAMPLES["stichwortgeber"]) <= evidence
    row = panel.rows["stichwortgeber"]
    QTest.mouseClick(row, Qt.MouseButton.LeftButton, pos=row.rect().center())
    assert highlighted(window) == evidence
    assert row.selected
    # the highlight follows the evidence while the board changes
    window.move_card("case_argumentation", Zone.SALES.value, None)
    panels_followed(qtbot)
    assert panel.state_of("stichwortgeber") == "resembles"
    assert highlighted(window) == evidence - {"case_argumentation"}
    # another archetype takes the highlight over; a second click clears it
    other = panel.rows["kreativlinge"]
    QTest.mouseClick(other, Qt.MouseButton.LeftButton, pos=other.rect().center())
    assert highlighted(window) == set(panel.diagnosis.result("kreativlinge").evidence)
    assert not row.selected and other.selected
    QTest.mouseClick(other, Qt.MouseButton.LeftButton, pos=other.rect().center())
    assert highlighted(window) == set()


def test_the_reference_conformity_and_off_reference_cards_are_shown(qtbot, window):
    panel = window.diagnosis_panel
    assert panel.conformity_percent.text() == "–"
    window.move_card("advertising", Zone.MARKETING.value, None)
    window.move_card("terms", Zone.MARKETING.value, None)
    panels_followed(qtbot)
    assert panel.conformity_percent.text() == "50 %" and panel.conformity_bar.value() == 50
    assert "Agree terms" in panel.off_reference_label.text()
    assert "Advertising" not in panel.off_reference_label.text()
    assert "1 card" in panel.off_reference_heading.text()
    # a small shift into the strip is shared, not a deviation
    window.move_card("advertising", Zone.SHARED.value, None)
    panels_followed(qtbot)
    assert panel.conformity_percent.text() == "25 %"
    assert panel.off_reference_label.text().endswith("Shared in the Interface (counts half):\n• Advertising")
    assert "1 card" in panel.off_reference_heading.text()


def test_every_score_above_zero_names_its_cards_and_a_near_score_its_deciding_card(window):
    panel = window.diagnosis_panel
    board = reference_board()
    board.move("direct_customer_contact", Zone.MARKETING)
    board.move("needs_analysis", Zone.MARKETING)
    board.move("product_proposal", Zone.MARKETING)
    window.set_board(board)
    schmeichler = panel.rows["kundenschmeichler"]
    assert panel.state_of("kundenschmeichler") == "clear" and schmeichler.percent_label.text() == "40 %"
    assert schmeichler.reasons_label.text() == (
        "For it: Direct contact with customers (Marketing)\n"
        "Against it: Get requisitioners to order (Sales)")
    versteher = panel.rows["kundenversteher"]  # 67 %: near the threshold of 75 %
    assert panel.state_of("kundenversteher") == "clear"
    assert versteher.deciding_label.text().startswith(
        "Deciding: “Convince the customer of the benefits” (now in Sales) into Marketing or into the "
        "Interface")
    for archetype_id in ("stichwortgeber", "kreativlinge"):  # 0 %: nothing to name
        row = panel.rows[archetype_id]
        assert row.percent_label.text() == "0 %" and row.reasons_label.isHidden()


def test_user_text_in_the_panel_is_plain_text(qtbot, window):
    panel = window.diagnosis_panel
    card = Card("custom-markup", "<b>fett</b>", "<b>bold</b> & <i>x</i>", "terms", custom=True)
    window.board.add_card(card, Zone.MARKETING)
    panels_followed(qtbot)
    label = panel.off_reference_label
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>bold</b> & <i>x</i>" in label.text()
    for row in panel.details.values():
        assert row.evidence_label.textFormat() == Qt.TextFormat.PlainText
    # a card text with markup and placeholders in the deciding sentence stays as it is
    window.board.add_card(Card("custom-odd", "%2 <i>x</i>", "%2 <i>x</i> %1", "order_stimulation",
                               custom=True), Zone.UNPLACED, 0)  # first in the tray: the one named
    window.board.move("direct_customer_contact", Zone.MARKETING)
    panels_followed(qtbot)
    row = panel.rows["kundenschmeichler"]
    assert row.deciding_label.textFormat() == Qt.TextFormat.PlainText
    assert "“%2 <i>x</i> %1” (not placed yet)" in row.deciding_label.text()


def test_the_panel_follows_a_board_opened_from_the_file_menu(qtbot, window, tmp_path, monkeypatch):
    board = reference_board()
    for card_id, zone in EXAMPLES["kreativlinge"].items():
        board.move(card_id, zone)
    path = tmp_path / "kreativlinge.json"
    write_board(board, path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    assert window.board_file_actions.open_action in window.file_menu.actions()
    window.board_file_actions.open_action.trigger()
    assert window.board.snapshot() == board.snapshot()
    panel = window.diagnosis_panel
    assert panel.board is window.board
    assert panel.state_of("kreativlinge") == "resembles"
    # the panel listens to the new board, not the old one
    drag_card_to(qtbot, window.view, "market_insight", zone_point(window.view, Zone.MARKETING))
    assert panel.state_of("kreativlinge") != "resembles"


def test_save_board_writes_a_file_the_cli_reads(window, tmp_path, monkeypatch):
    for card_id in KUNDENVERSTEHER_CARDS:
        window.move_card(card_id, Zone.MARKETING.value, None)
    target = tmp_path / "saved"  # no suffix: .json is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.board_file_actions.save_action.trigger()
    data = json.loads((tmp_path / "saved.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in data["cards"] if e["zone"] == "marketing"] == list(KUNDENVERSTEHER_CARDS)


def test_a_bad_board_file_shows_a_message_and_keeps_the_board(window, tmp_path, monkeypatch):
    window.move_card("terms", Zone.SALES.value, None)
    before = window.board.snapshot()
    path = tmp_path / "<b>bad.json"  # file names and card ids are shown literally, never as markup
    path.write_text('{"cards": [{"id": "terms", "zone": "middle"}]}', encoding="utf-8")
    messages = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: messages.append((box.text(), box.textFormat())))
    assert window.board_file_actions.open(path) is False
    assert len(messages) == 1
    text, text_format = messages[0]
    assert "unknown zone 'middle'" in text and "<b>bad.json" in text
    assert text_format == Qt.TextFormat.PlainText
    assert window.board.snapshot() == before
    assert window.undo_stack.count() == 1


def test_opening_over_unsaved_moves_asks_first(window, tmp_path, monkeypatch):
    path = tmp_path / "ref.json"
    write_board(reference_board(), path)
    window.move_card("terms", Zone.MARKETING.value, None)
    before = window.board.snapshot()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert window.board_file_actions.open(path) is False
    assert window.board.snapshot() == before
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.board_file_actions.open(path) is True
    assert window.board.snapshot() == reference_board().snapshot()


def test_a_long_run_of_cards_is_cut_after_three_so_the_panel_keeps_its_height(window):
    panel = window.diagnosis_panel
    board = reference_board()
    board.move("product_proposal", Zone.MARKETING)
    for number in range(5):
        board.add_card(Card(f"c{number}", f"Bedarf {number}", f"Need {number}", "needs_analysis",
                            custom=True), Zone.MARKETING)
    window.set_board(board)
    text = panel.rows["kundenversteher"].reasons_label.text()
    assert text.startswith("For it: Need 0 (Marketing), Need 1 (Marketing), Need 2 (Marketing) "
                           "… and 3 more\n")  # the five needs and the proposal
