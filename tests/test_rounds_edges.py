"""The rounds' less travelled paths (domain/rounds.py) on a small hand-made board: construction rules,
names in workshop order, the overlay's exact counts (a card one group left in the tray), group names at
their limits, a replaced board that keeps mirroring, and the refusals."""

from __future__ import annotations

import pytest

from workshop_app.domain.model import Board, Card, CardMoved, Zone
from workshop_app.domain.rounds import (
    GROUP_A,
    GROUP_B,
    IST,
    MAX_GROUP_NAME,
    SOLL,
    CardPair,
    GroupRenamed,
    Move,
    RoundError,
    Rounds,
    RoundStarted,
    agreed_board,
    moves,
    overlay,
)

M, SH, S, U = Zone.MARKETING, Zone.SHARED, Zone.SALES, Zone.UNPLACED


def small(**zones: Zone) -> Board:
    return Board.from_cards([Card(i, i, i) for i in "abcd"], dict(zones))


def test_a_session_needs_ist_known_round_names_and_two_groups():
    with pytest.raises(RoundError, match="^a session always has an Ist round$"):
        Rounds({SOLL: small()})
    with pytest.raises(RoundError, match=r"^unknown round 'later' \(rounds: perception_a, perception_b, "
                                         r"as_is, target\)$"):
        Rounds({IST: small(), "later": small()})
    with pytest.raises(RoundError, match="^the perception round has exactly two groups$"):
        Rounds({IST: small()}, groups=["one"])
    rounds = Rounds({IST: small()}, active=SOLL, groups=["X", "Y"])
    assert rounds.active == IST and rounds.groups == ("X", "Y")
    assert Rounds({IST: small()}).groups == ("Marketing", "Verkauf")


def test_rounds_are_named_in_workshop_order_and_groups_only_for_perception_rounds():
    rounds = Rounds({SOLL: small(), IST: small(), GROUP_B: small(), GROUP_A: small()}, groups=["X", "Y"])
    assert rounds.names() == [GROUP_A, GROUP_B, IST, SOLL]
    assert [rounds.group_name(n) for n in rounds.names()] == ["X", "Y", "", ""]
    assert SOLL in rounds and "later" not in rounds and rounds.has_perception
    assert not Rounds({IST: small(), GROUP_A: small()}).has_perception
    assert Rounds({IST: small(), GROUP_A: small()}).overlay() is None
    with pytest.raises(RoundError, match="^this session has no round 'x'$"):
        rounds.board("x")


def test_moves_list_cards_placed_elsewhere_in_soll_order_and_ignore_new_cards():
    ist, soll = small(a=M, b=S, c=SH), small(a=S, b=S, d=M)
    soll.add_card(Card("new", "n", "n"), SH)
    assert moves(ist, soll) == (Move("d", U, M), Move("a", M, S), Move("c", SH, U))
    assert Rounds({IST: ist}).moves() == ()


def test_the_overlay_counts_a_card_one_group_left_in_the_tray_as_disputed():
    a, b = small(a=M, b=S, c=SH), small(a=M, b=SH, d=S)
    pairs = overlay(a, b).pairs
    assert pairs == (CardPair("a", M, M), CardPair("c", SH, U), CardPair("b", S, SH), CardPair("d", U, S))
    found = overlay(a, b)
    assert found.agreed == ("a",) and found.disputed == ("c", "b", "d")
    assert found.divergence == 3 / 4
    assert overlay(small(), small()).divergence is None
    assert not CardPair("x", U, U).agreed and not CardPair("x", U, U).disputed
    assert overlay(small(a=M), small(a=M)).divergence == 0.0


def test_the_agreed_board_keeps_group_as_order_of_the_agreed_cards():
    a, b = small(b=M, a=M, c=S), small(a=M, b=M, c=SH)
    a.move("a", M, 0)
    agreed = agreed_board(a, b)
    assert agreed.ids_in(M) == ("a", "b") and agreed.ids_in(S) == () and agreed.zone_of("c") is U


def test_perception_starts_once_before_soll_with_valid_group_names():
    rounds = Rounds({IST: small(a=M)})
    with pytest.raises(RoundError, match="^the perception round has exactly two groups$"):
        rounds.start_perception(["only"])
    with pytest.raises(RoundError, match="^a group needs a name$"):
        rounds.start_perception(["A", "  "])
    seen = []
    rounds.subscribe(seen.append)
    started = rounds.start_perception(["  Team   Nord ", "Süd"])
    assert [c.name for c in seen] == [GROUP_B, GROUP_A] and started is seen[-1]
    assert seen[0] == RoundStarted(GROUP_B, rounds.board(GROUP_B), "", ("Team Nord", "Süd"))
    assert started == RoundStarted(GROUP_A, rounds.board(GROUP_A), "", ("Team Nord", "Süd"))
    assert rounds.board(GROUP_A).zone_of("a") is U and rounds.active == GROUP_A
    with pytest.raises(RoundError, match="^the perception round has already started$"):
        rounds.start_perception()
    with pytest.raises(RoundError, match="^unknown source 'c' \\(use a, b or agreed\\)$"):
        rounds.start_ist_from("c")
    assert rounds.start_soll() == RoundStarted(SOLL, rounds.board(SOLL), "ist", ())
    with pytest.raises(RoundError, match="^Ist cannot be restarted once Soll has started$"):
        rounds.start_ist_from("a")
    with pytest.raises(RoundError, match="^the Soll round has already started$"):
        rounds.start_soll()
    other = Rounds({IST: small()})
    other.start_soll()
    with pytest.raises(RoundError, match="^the perception round comes before Soll$"):
        other.start_perception()
    with pytest.raises(RoundError, match="^there is no perception round to start Ist from$"):
        other.start_ist_from("a")


def test_group_names_are_trimmed_limited_and_renamed_by_index():
    rounds = Rounds({IST: small()}, groups=["A", "B"])
    assert rounds.rename_group(1, "x" * MAX_GROUP_NAME) == GroupRenamed(1, "B", "x" * MAX_GROUP_NAME)
    with pytest.raises(RoundError, match=f"^a group name has at most {MAX_GROUP_NAME} characters$"):
        rounds.rename_group(0, "x" * (MAX_GROUP_NAME + 1))
    with pytest.raises(RoundError, match=r"^group 2: there are two groups, 0 and 1$"):
        rounds.rename_group(2, "C")
    with pytest.raises(RoundError):
        rounds.rename_group(0, 5)
    assert rounds.rename_group(0, " a  b ") == GroupRenamed(0, "A", "a b")
    assert rounds.groups == ("a b", "x" * MAX_GROUP_NAME)


def test_a_replaced_board_keeps_the_rounds_cards_equal_and_the_old_board_no_longer_mirrors():
    rounds = Rounds({IST: small()})
    rounds.start_soll()
    old = rounds.board(SOLL)
    new = small(a=S)
    rounds.replace_board(new)
    assert rounds.board(SOLL) is new
    new.add_card(Card("e", "e", "e"))
    assert "e" in rounds.board(IST)
    old.add_card(Card("f", "f", "f"))
    assert "f" not in rounds.board(IST)
    rounds.board(IST).remove_card("e")
    assert "e" not in new
    moved = rounds.board(IST).move("a", M)
    assert isinstance(moved, CardMoved) and new.zone_of("a") is S


def test_a_restarted_round_stops_mirroring_from_its_old_board():
    rounds = Rounds({IST: small()})
    rounds.start_perception(["A", "B"])
    old_ist = rounds.board(IST)
    rounds.start_ist_from("b")
    old_ist.add_card(Card("g", "g", "g"))
    assert "g" not in rounds.board(GROUP_A)
    unsubscribe = rounds.subscribe(lambda change: None)
    unsubscribe()
    unsubscribe()


def test_a_board_replaced_twice_mirrors_only_from_the_last_one():
    rounds = Rounds({IST: small()})
    rounds.start_soll()
    first, second = small(a=S), small(b=M)
    rounds.replace_board(first)
    rounds.replace_board(second)
    first.add_card(Card("e", "e", "e"))
    assert "e" not in rounds.board(IST) and "e" not in second
    second.add_card(Card("f", "f", "f"))
    assert "f" in rounds.board(IST)


def test_the_overlay_counts_a_card_group_b_lacks_as_in_bs_tray():
    a = small(a=M, b=S)
    b = Board.from_cards([Card(i, i, i) for i in "ab"], {"a": M})
    assert overlay(a, b).pairs[-1] == CardPair("d", U, U)
    assert overlay(a, b).pairs[1] == CardPair("b", S, U)
