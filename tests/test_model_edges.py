"""The board model's less travelled paths (domain/model.py), found by `make mutation`: editing a card's
function, putting a whole card back, mirroring another round's card changes, restoring zones, copies,
the card limit and the exact index bounds."""

from __future__ import annotations

import pytest

from workshop_app.domain import limits, model
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


def small_board() -> Board:
    return Board.from_cards([Card("a", "A-de", "A-en", "f1"), Card("b", "B-de", "B-en"),
                             Card("c", "C-de", "C-en")], {"a": Zone.SALES, "b": Zone.SALES})


def test_editing_a_function_sets_it_clears_it_and_keeps_texts_and_place():
    board = small_board()
    seen = []
    board.subscribe(seen.append)
    record = board.edit_card("b", function="f2")
    assert record == CardEdited(Card("b", "B-de", "B-en"), Card("b", "B-de", "B-en", "f2"))
    assert seen == [record]
    assert record.card_id == "b"
    assert board.edit_card("a", function=None).after == Card("a", "A-de", "A-en", None)
    assert board.edit_card("a", text_en="new").after == Card("a", "A-de", "new", None)
    assert board.edit_card("a", text_de="neu").after == Card("a", "neu", "new", None)
    assert board.ids_in(Zone.SALES) == ("a", "b")


@pytest.mark.parametrize("function", [3, True, ["f"]])
def test_a_function_that_is_not_an_id_is_refused_and_nothing_changes(function):
    board = small_board()
    with pytest.raises(BoardError, match="function"):
        board.edit_card("a", function=function)
    assert board.card("a").function == "f1"


def test_replace_card_puts_a_whole_card_back_and_announces_both_versions():
    board = small_board()
    seen = []
    board.subscribe(seen.append)
    old = board.card("a")
    new = Card("a", "X", "Y", None)
    record = board.replace_card(new)
    assert record == CardEdited(old, new) and seen == [record] and board.card("a") == new
    with pytest.raises(BoardError):
        board.replace_card(Card("zz", "t", "t"))
    with pytest.raises(BoardError):
        board.replace_card(Card("a", " ", ""))
    assert board.card("a") == new


def test_mirror_adds_to_the_tray_replaces_edits_removes_and_ignores_moves():
    board = small_board()
    seen = []
    board.subscribe(seen.append)
    card = Card("d", "D", "D")
    board.mirror(CardAdded(card, Zone.MARKETING, 0))
    assert board.ids_in(Zone.UNPLACED) == ("c", "d")
    board.mirror(CardAdded(Card("d", "other", "other"), Zone.UNPLACED, 0))
    assert board.card("d") == card and len(board) == 4
    board.mirror(CardEdited(card, Card("d", "E", "E")))
    assert board.card("d").text_de == "E"
    board.mirror(CardEdited(Card("q", "Q", "Q"), Card("q", "R", "R")))
    assert "q" not in board
    board.mirror(CardRemoved(board.card("a"), Zone.MARKETING, 0))
    assert "a" not in board and board.ids_in(Zone.SALES) == ("b",)
    board.mirror(CardRemoved(Card("q", "Q", "Q"), Zone.SALES, 0))
    board.mirror(CardMoved("b", Zone.SALES, 0, Zone.SHARED, 0))
    assert board.ids_in(Zone.SALES) == ("b",) and seen == []
    board.check_invariants()


def test_restoring_zones_keeps_their_order_and_puts_unlisted_cards_at_the_end_of_the_tray():
    cards = [Card(i, i, i) for i in "abcde"]
    board = Board.from_zones(cards, {Zone.SHARED: ["c", "a"], Zone.UNPLACED: ["e"]})
    assert board.snapshot() == {"marketing": (), "shared": ("c", "a"), "sales": (),
                                "unplaced": ("e", "b", "d")}
    with pytest.raises(BoardError, match="^placement names unknown cards: x, y$"):
        Board.from_zones(cards, {Zone.SHARED: ["y", "x"]})
    with pytest.raises(BoardError, match="^a card is placed twice$"):
        Board.from_zones(cards, {Zone.SHARED: ["a"], Zone.SALES: ["a"]})


def test_from_cards_refuses_duplicates_and_unknown_placements():
    with pytest.raises(BoardError, match="^duplicate card id 'a'$"):
        Board.from_cards([Card("a", "A", "A"), Card("a", "B", "B")])
    with pytest.raises(BoardError, match="^placement names unknown cards: q$"):
        Board.from_cards([Card("a", "A", "A")], {"q": Zone.SALES})


def test_copy_and_emptied_are_independent_boards_without_listeners():
    board = small_board()
    seen = []
    board.subscribe(seen.append)
    copy = board.copy()
    copy.move("c", Zone.SHARED)
    assert board.zone_of("c") is Zone.UNPLACED and seen == []
    assert copy.cards() == board.cards() and copy.zone_of("a") is Zone.SALES
    empty = board.emptied()
    assert empty.ids_in(Zone.UNPLACED) == ("a", "b", "c") and board.ids_in(Zone.SALES) == ("a", "b")


def test_the_card_limit_counts_deck_and_custom_cards(monkeypatch):
    monkeypatch.setattr(model, "MAX_CARDS", 3)
    board = small_board()
    with pytest.raises(BoardError, match=r"^too many cards: a board holds at most 3 \(deck and custom cards "
                                         r"together\)$"):
        board.add_card(Card("d", "D", "D"))
    assert len(board) == 3
    with pytest.raises(BoardError):
        Board.from_cards([Card(i, i, i) for i in "abcd"])
    assert len(Board.from_cards([Card(i, i, i) for i in "abc"])) == 3


def test_indexes_run_from_zero_to_the_zone_size():
    board = small_board()
    assert board.move("c", Zone.SALES, 2).to_index == 2
    assert board.ids_in(Zone.SALES) == ("a", "b", "c")
    assert board.move("c", Zone.SALES, 0) == CardMoved("c", Zone.SALES, 2, Zone.SALES, 0)
    for index in (-1, 3, 1.0, True, "1"):
        with pytest.raises(BoardError, match=r"^index .* is outside 0\.\.2 in zone sales$"):
            board.move("c", Zone.SALES, index)
    assert board.add_card(Card("d", "D", "D"), Zone.SALES, 3).index == 3
    assert board.remove_card("b") == CardRemoved(Card("b", "B-de", "B-en"), Zone.SALES, 2)


def test_queries_name_what_is_where():
    board = small_board()
    assert "a" in board and "zz" not in board and 5 not in board
    assert board.index_of("b") == 1
    assert list(board.placed()) == [(board.card("a"), Zone.SALES), (board.card("b"), Zone.SALES)]
    assert board.placement() == {"a": Zone.SALES, "b": Zone.SALES, "c": Zone.UNPLACED}
    assert [card.id for card in board.cards_in("sales")] == ["a", "b"]
    assert Zone.SALES.is_placed and not Zone.UNPLACED.is_placed
    with pytest.raises(BoardError, match="^unknown card 'zz'$"):
        board.zone_of("zz")


def test_a_broken_board_fails_its_invariant_check():
    board = small_board()
    board._zones[Zone.SHARED].append("a")
    with pytest.raises(AssertionError):
        board.check_invariants()
    board = small_board()
    board._zones[Zone.SHARED].append("ghost")
    with pytest.raises(AssertionError):
        board.check_invariants()


def test_a_noop_move_is_one_to_the_same_place():
    assert CardMoved("a", Zone.SALES, 1, Zone.SALES, 1).is_noop
    assert not CardMoved("a", Zone.SALES, 1, Zone.SALES, 0).is_noop
    assert not CardMoved("a", Zone.SALES, 1, Zone.SHARED, 1).is_noop


@pytest.mark.parametrize("card, words", [
    (Card("", "t", "t"), "non-empty id"),
    (Card("  ", "t", "t"), "non-empty id"),
    (Card("a", 3, "t"), "texts must be strings, not int"),
    (Card("a", "t", "\ud800"), "not valid Unicode"),
    (Card("a", "t", "t", 5), "a function is a function id or None"),
    (Card("a", " ", "\n"), "needs a text"),
])
def test_a_card_that_makes_no_sense_is_refused_with_the_reason(card, words):
    with pytest.raises(BoardError, match=words):
        card.validated()


def test_a_card_with_text_in_one_language_only_is_valid_and_falls_back():
    for card in (Card("a", "", "only en"), Card("b", "nur de", "")):
        assert card.validated() is card
        assert card.text("de") == card.text("en") == (card.text_de or card.text_en)


def test_the_boards_refusals_are_the_lines_a_board_file_error_passes_on():
    board = small_board()
    with pytest.raises(BoardError, match="^duplicate card id 'a'$"):
        board.add_card(Card("a", "x", "x"))
    with pytest.raises(BoardError, match="^a card's function is a function id or None$"):
        board.edit_card("a", function=3)
    with pytest.raises(BoardError, match="^unknown zone 'middle'$"):
        board.move("a", "middle")


def test_a_card_text_over_the_limit_is_refused_naming_the_card_by_its_first_forty_characters():
    long_id = "k" * 50
    with pytest.raises(BoardError) as raised:
        Card(long_id, "x" * (limits.CARD_TEXT + 1), "t").validated()
    assert str(raised.value) == (f"card {'k' * 40!r}: a card text holds at most {limits.CARD_TEXT:,} "
                                 f"characters ({limits.CARD_TEXT + 1:,} given)")
    assert Card("a", "x" * limits.CARD_TEXT, "t").validated()
    with pytest.raises(BoardError, match="^a card needs a non-empty id$"):
        Card("", "t", "t").validated()


def test_unknown_placements_are_all_named_and_a_second_unsubscribe_does_nothing():
    with pytest.raises(BoardError, match="^placement names unknown cards: p, q$"):
        Board.from_cards([Card("a", "A", "A")], {"q": Zone.SALES, "p": Zone.SALES})
    board = small_board()
    unsubscribe = board.subscribe(lambda change: None)
    unsubscribe()
    unsubscribe()
