"""The gapped sort keys of stored placements (storage/positions.py), on the mirror alone: where a moved
card's key goes, when a zone is renumbered, and which rows a change asks to write."""

from __future__ import annotations

import sqlite3

from workshop_app.domain.model import Board, Card, CardAdded, CardEdited, CardMoved, CardRemoved, Zone
from workshop_app.storage.positions import GAP, StoredKeys, ZoneKeys, spaced_keys

S, M, U = Zone.SALES, Zone.MARKETING, Zone.UNPLACED


def keys_of(ids_and_keys: dict[str, int], zone: Zone = S) -> ZoneKeys:
    return ZoneKeys((card_id, zone.value, key) for card_id, key in ids_and_keys.items())


def test_fresh_keys_are_one_gap_apart_starting_at_one_gap():
    assert spaced_keys(0) == []
    assert spaced_keys(3) == [GAP, 2 * GAP, 3 * GAP]


def test_rows_that_are_not_a_card_a_zone_and_an_integer_key_are_left_out():
    keys = ZoneKeys([("a", "sales", 5), (7, "sales", 6), ("b", "nowhere", 7), ("c", "sales", 8.0),
                     ("d", "sales", True), ("e", "shared", 9)])
    assert keys.ids[S] == ["a"] and keys.keys[S] == [5]
    assert keys.ids[Zone.SHARED] == ["e"] and keys.keys[Zone.SHARED] == [9]


def test_a_card_goes_between_before_the_first_after_the_last_or_into_an_empty_zone():
    keys = keys_of({"a": 100, "b": 200})
    assert keys.apply(CardAdded(Card("x", "x", "x"), S, 1)) == {"x": (S, 150)}
    assert keys.apply(CardAdded(Card("y", "y", "y"), S, 0)) == {"y": (S, 100 - GAP)}
    assert keys.apply(CardAdded(Card("z", "z", "z"), S, 4)) == {"z": (S, 200 + GAP)}
    assert keys.ids[S] == ["y", "a", "x", "b", "z"]
    assert keys.apply(CardAdded(Card("w", "w", "w"), M, 0)) == {"w": (M, GAP)}
    assert keys.apply(CardAdded(Card("v", "v", "v"), M, 9)) == {"v": (M, 2 * GAP)}


def test_a_key_between_two_others_is_a_whole_number():
    keys = keys_of({"a": 10, "b": 13})
    (_, key), = keys.apply(CardAdded(Card("x", "x", "x"), S, 1)).values()
    assert key == 11 and type(key) is int


def test_neighbours_two_apart_still_have_room_and_adjacent_ones_do_not():
    keys = keys_of({"a": 10, "b": 12})
    assert keys.apply(CardAdded(Card("x", "x", "x"), S, 1)) == {"x": (S, 11)}
    assert keys.apply(CardAdded(Card("y", "y", "y"), S, 1)) is None
    assert keys.ids[S] == ["a", "x", "b"]


def test_a_move_takes_the_card_out_of_its_zone_and_puts_it_in_the_other():
    keys = ZoneKeys([("a", "sales", 100), ("b", "sales", 200), ("c", "marketing", 50)])
    assert keys.apply(CardMoved("a", S, 0, M, 1)) == {"a": (M, 50 + GAP)}
    assert keys.ids[S] == ["b"] and keys.keys[S] == [200]
    assert keys.ids[M] == ["c", "a"]
    assert keys.apply(CardRemoved(Card("b", "b", "b"), S, 0)) == {}
    assert keys.ids[S] == [] and keys.keys[S] == []
    assert keys.apply(CardEdited(Card("c", "c", "c"), Card("c", "d", "d"))) == {}


def test_a_record_out_of_step_with_the_mirror_takes_nothing_out():
    keys = keys_of({"a": 100, "b": 200})
    keys.apply(CardRemoved(Card("b", "b", "b"), S, 0))
    keys.apply(CardRemoved(Card("a", "a", "a"), S, 2))
    keys.apply(CardRemoved(Card("a", "a", "a"), S, -1))
    assert keys.ids[S] == ["a", "b"] and keys.keys[S] == [100, 200]
    assert keys.apply(CardRemoved(Card("b", "b", "b"), S, 1)) == {} and keys.ids[S] == ["a"]


def test_following_a_move_into_a_full_gap_renumbers_the_zone_from_the_board():
    board = Board.from_cards([Card(i, i, i) for i in "abx"], {"a": S, "b": S})
    keys = keys_of({"a": 10, "b": 11})
    change = board.move("x", S, 1)
    keys.follow(change, board)
    assert keys.ids[S] == ["a", "x", "b"] and keys.keys[S] == spaced_keys(3)
    assert keys.take_rows("as_is", board, [S]) == [
        ("as_is", "a", "sales", GAP), ("as_is", "x", "sales", 2 * GAP), ("as_is", "b", "sales", 3 * GAP)]
    assert keys.take_rows("as_is", board, [S]) == []


def test_an_added_card_into_a_full_gap_renumbers_its_zone():
    board = Board.from_cards([Card(i, i, i) for i in "ab"], {"a": S, "b": S})
    keys = keys_of({"a": 10, "b": 11})
    keys.follow(board.add_card(Card("x", "x", "x"), S, 1), board)
    assert keys.keys[S] == spaced_keys(3) and keys.ids[S] == ["a", "x", "b"]


def test_a_removed_card_loses_its_pending_row():
    board = Board.from_cards([Card(i, i, i) for i in "ab"], {"a": S})
    keys = keys_of({"a": 10})
    keys.follow(board.move("b", S), board)
    assert keys.rows == {"b": (S, 10 + GAP)}
    keys.follow(board.remove_card("b"), board)
    assert keys.rows == {}


def test_taking_rows_renumbers_a_zone_whose_mirror_differs_from_the_board():
    board = Board.from_cards([Card(i, i, i) for i in "ab"], {"a": S, "b": S})
    keys = keys_of({"b": 5, "a": 9})
    assert keys.take_rows("target", board, [M]) == []
    assert keys.take_rows("target", board, [S]) == [("target", "a", "sales", GAP),
                                                    ("target", "b", "sales", 2 * GAP)]
    assert keys.matches(S, ("a", "b")) and not keys.matches(S, ("b", "a"))


def test_stored_keys_are_read_once_per_round_until_forgotten():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE placements (round, card_id, zone, position)")
    conn.executemany("INSERT INTO placements VALUES (?, ?, ?, ?)",
                     [("as_is", "b", "sales", 20), ("as_is", "a", "sales", 10), ("target", "c", "shared", 1)])
    stored = StoredKeys()
    first = stored.of(conn, "as_is")
    assert first.ids[S] == ["a", "b"] and stored.of(conn, "as_is") is first
    target = stored.of(conn, "target")
    assert target is not first and target.ids[Zone.SHARED] == ["c"]
    assert stored.of(conn, "target") is target
    stored.forget()
    again = stored.of(conn, "target")
    assert again is not target and isinstance(again, ZoneKeys) and again.ids[Zone.SHARED] == ["c"]
    assert U in first.ids
