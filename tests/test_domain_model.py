"""The board model: operations, validation, change records and invariants (no Qt)."""

from __future__ import annotations

import pytest

from workshop_app.domain.deck import load_functions, reference_board
from workshop_app.domain.model import (
    Board,
    BoardError,
    Card,
    CardAdded,
    CardEdited,
    CardMoved,
    CardRemoved,
    Zone,
)


def test_default_deck_has_one_card_per_function(deck):
    functions = load_functions()
    assert len(deck.cards) == 22
    assert [c.id for c in deck.cards] == list(functions)
    assert all(c.function == c.id and not c.custom for c in deck.cards)
    assert all(c.text_de and c.text_en for c in deck.cards)


def test_new_board_has_every_card_in_the_tray(board):
    assert len(board.ids_in(Zone.UNPLACED)) == 22
    assert list(board.placed()) == []
    board.check_invariants()


def test_move_returns_and_announces_a_record(board):
    seen = []
    board.subscribe(seen.append)
    record = board.move("advertising", Zone.MARKETING)
    assert record == CardMoved("advertising", Zone.UNPLACED, 12, Zone.MARKETING, 0)
    assert seen == [record]
    assert board.zone_of("advertising") is Zone.MARKETING


def test_move_at_an_index_orders_the_zone(board):
    for card_id in ("terms", "price_negotiation", "needs_analysis"):
        board.move(card_id, Zone.SALES)
    board.move("product_proposal", "sales", 1)
    assert board.ids_in(Zone.SALES) == ("terms", "product_proposal", "price_negotiation",
                                         "needs_analysis")
    board.move("needs_analysis", Zone.SALES, 0)  # reorder inside a zone
    assert board.ids_in(Zone.SALES)[0] == "needs_analysis"
    board.check_invariants()


def test_moving_back_with_the_record_restores_the_exact_place(board):
    board.move("terms", Zone.SALES)
    board.move("advertising", Zone.SALES)
    before = board.snapshot()
    record = board.move("terms", Zone.MARKETING)
    board.move(record.card_id, record.from_zone, record.from_index)
    assert board.snapshot() == before


@pytest.mark.parametrize("args", [
    ("nope", Zone.SALES, None),
    ("terms", "kitchen", None),
    ("terms", Zone.SALES, 5),
    ("terms", Zone.SALES, -1),
])
def test_move_rejects_bad_input_and_changes_nothing(board, args):
    before = board.snapshot()
    with pytest.raises(BoardError):
        board.move(*args)
    assert board.snapshot() == before


@pytest.mark.parametrize("index", [5, -1, True, "0", 1.0])
def test_move_and_add_refuse_the_same_bad_indexes(board, index):
    """Moving and adding check an index alike: a whole number within the zone, never a bool."""
    board.move("terms", Zone.SALES)
    before = board.snapshot()
    with pytest.raises(BoardError, match="outside"):
        board.move("advertising", Zone.SALES, index)
    with pytest.raises(BoardError, match="outside"):
        board.add_card(Card("c9", "Neu", "New", custom=True), Zone.SALES, index)
    assert board.snapshot() == before and "c9" not in board


def test_custom_cards_can_be_added_edited_and_removed(board):
    card = Card("c1", "Messestand planen", "Plan the trade-fair stand", "advertising", custom=True)
    added = board.add_card(card, Zone.SHARED)
    assert added == CardAdded(card, Zone.SHARED, 0)
    edited = board.edit_card("c1", text_de="Messe planen", function=None)
    assert isinstance(edited, CardEdited)
    assert board.card("c1").text_de == "Messe planen" and board.card("c1").function is None
    assert board.zone_of("c1") is Zone.SHARED
    removed = board.remove_card("c1")
    assert removed == CardRemoved(edited.after, Zone.SHARED, 0)
    assert "c1" not in board
    board.check_invariants()


def test_ids_stay_unique_and_texts_non_empty(board):
    with pytest.raises(BoardError):
        board.add_card(Card("terms", "x", "x"))
    with pytest.raises(BoardError):
        board.add_card(Card("c2", "  ", ""))
    with pytest.raises(BoardError):
        board.edit_card("terms", text_de="", text_en="")
    with pytest.raises(BoardError):
        Board.from_cards([Card("a", "x", "x"), Card("a", "y", "y")])


def test_text_falls_back_to_the_other_language():
    card = Card("c", "nur deutsch", "")
    assert card.text("en") == "nur deutsch"


def test_reference_board_follows_the_functions(deck):
    board = reference_board(deck)
    functions = load_functions()
    for card, zone in board.placed():
        assert functions[card.function].reference is zone
    assert board.ids_in(Zone.SHARED) == ("field_feedback",)
    assert not board.ids_in(Zone.UNPLACED)


def test_unsubscribe_stops_announcements(board):
    seen = []
    unsubscribe = board.subscribe(seen.append)
    unsubscribe()
    board.move("terms", Zone.SALES)
    assert seen == []


@pytest.mark.parametrize("content,message", [
    ('{"name": {"de": "D", "en": "E"}, "cards": {"a": 1}}', "'cards' must be a list"),
    ('{"name": {"de": "D", "en": "E"}, "cards": ["text"]}', "entry 1 of 'cards' must be an object"),
    ('{"name": {"de": "D", "en": "E"}, "cards": [{"text": {"de": "x", "en": "x"}}]}', "needs an id"),
    ('{"name": {"de": "D", "en": "E"}, "cards": [{"id": "a", "text": "x"}]}', "German and English"),
    ('{"name": {"de": "D", "en": "E"}, "cards": [{"id": "a", "function": "nope", '
     '"text": {"de": "x", "en": "x"}}]}', "unknown function"),
])
def test_a_deck_file_a_facilitator_broke_gives_one_clear_line(tmp_path, content, message):
    from workshop_app.domain.deck import DeckError, load_deck

    path = tmp_path / "deck.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DeckError, match=message) as error:
        load_deck(path)
    assert "\n" not in str(error.value)
