"""Rounds as data: Soll from Ist, moves, the perception-gap overlay and Ist from the groups (no Qt)."""

from __future__ import annotations

import pytest

from workshop_app.domain.diagnosis import diagnose
from workshop_app.domain.model import Card, Zone
from workshop_app.domain.rounds import (
    GROUP_A,
    GROUP_B,
    IST,
    SOLL,
    GroupRenamed,
    Move,
    RoundError,
    Rounds,
    RoundStarted,
    RoundSwitched,
    overlay,
)


@pytest.fixture
def rounds(board):
    return Rounds({IST: board})


def test_soll_starts_as_a_copy_of_ist_and_moves_apart_from_it(rounds):
    rounds.board(IST).move("terms", Zone.SALES)
    rounds.board(IST).move("argument_lists", Zone.MARKETING)
    record = rounds.start_soll()
    assert isinstance(record, RoundStarted) and record.name == SOLL and rounds.active == SOLL
    soll = rounds.board()
    assert soll is not rounds.board(IST) and soll.snapshot() == rounds.board(IST).snapshot()
    assert rounds.moves() == ()
    soll.move("argument_lists", Zone.SALES)
    soll.move("advertising", Zone.MARKETING)
    assert rounds.board(IST).zone_of("argument_lists") is Zone.MARKETING  # Ist is untouched
    assert set(rounds.moves()) == {Move("argument_lists", Zone.MARKETING, Zone.SALES),
                                   Move("advertising", Zone.UNPLACED, Zone.MARKETING)}
    with pytest.raises(RoundError, match="already started"):
        rounds.start_soll()


def test_switching_announces_and_refuses_a_round_that_has_not_started(rounds):
    heard = []
    rounds.subscribe(heard.append)
    with pytest.raises(RoundError, match="no round 'target'"):
        rounds.switch(SOLL)
    rounds.start_soll()
    assert rounds.switch(IST) == RoundSwitched(SOLL, IST)
    assert rounds.board() is rounds.board(IST)
    assert [type(record) for record in heard] == [RoundStarted, RoundSwitched]


def test_a_custom_card_added_edited_and_removed_in_one_round_follows_in_every_round(rounds):
    rounds.start_soll()
    soll, ist = rounds.board(SOLL), rounds.board(IST)
    soll.add_card(Card("c1", "Messe", "Fair", "advertising", custom=True), Zone.SHARED, 0)
    assert ist.zone_of("c1") is Zone.UNPLACED and soll.zone_of("c1") is Zone.SHARED
    soll.edit_card("c1", text_en="Trade fair")
    assert ist.card("c1").text_en == "Trade fair"
    soll.remove_card("c1")
    assert "c1" not in ist and "c1" not in soll
    ist.check_invariants()
    soll.check_invariants()


def test_the_overlay_counts_agreed_and_disputed_cards_and_the_divergence(rounds):
    assert rounds.overlay() is None
    rounds.start_perception(("Marketing", "Vertrieb"))
    assert rounds.active == GROUP_A and rounds.groups == ("Marketing", "Vertrieb")
    a, b = rounds.board(GROUP_A), rounds.board(GROUP_B)
    assert not list(a.placed()) and not list(b.placed())
    assert rounds.overlay().divergence is None  # nothing placed: no figure
    for card_id, zone_a, zone_b in [("terms", Zone.SALES, Zone.SALES),
                                    ("advertising", Zone.MARKETING, Zone.MARKETING),
                                    ("argument_lists", Zone.MARKETING, Zone.SALES),
                                    ("field_feedback", Zone.SHARED, Zone.UNPLACED)]:
        a.move(card_id, zone_a)
        if zone_b.is_placed:
            b.move(card_id, zone_b)
    result = rounds.overlay()
    assert set(result.agreed) == {"terms", "advertising"}
    assert set(result.disputed) == {"argument_lists", "field_feedback"}
    assert result.divergence == pytest.approx(2 / 4)
    assert overlay(b, a).divergence == result.divergence  # symmetric


def test_ist_starts_from_group_a_b_or_the_agreed_cards(rounds):
    rounds.start_perception()
    a, b = rounds.board(GROUP_A), rounds.board(GROUP_B)
    a.move("terms", Zone.SALES)
    a.move("argument_lists", Zone.MARKETING)
    b.move("terms", Zone.SALES)
    b.move("argument_lists", Zone.SALES)
    rounds.start_ist_from("b")
    assert rounds.active == IST and rounds.board(IST).snapshot() == b.snapshot()
    rounds.start_ist_from("a")
    assert rounds.board(IST).snapshot() == a.snapshot()
    record = rounds.start_ist_from("agreed")
    ist = rounds.board(IST)
    assert record.source == "agreed" and [card.id for card, _ in ist.placed()] == ["terms"]
    assert ist.zone_of("argument_lists") is Zone.UNPLACED  # disputed: back in the tray
    ist.move("advertising", Zone.MARKETING)
    assert a.zone_of("advertising") is Zone.UNPLACED  # Ist is its own board
    with pytest.raises(RoundError, match="unknown source"):
        rounds.start_ist_from("c")


def test_each_group_gets_its_own_diagnosis(rounds):
    rounds.start_perception()
    a, b = rounds.board(GROUP_A), rounds.board(GROUP_B)
    for card_id in ("needs_analysis", "product_proposal", "benefit_persuasion"):
        a.move(card_id, Zone.MARKETING)
        b.move(card_id, Zone.SALES)
    for card_id in ("price_negotiation", "terms"):
        a.move(card_id, Zone.SALES)
        b.move(card_id, Zone.SALES)
    assert diagnose(a).result("kundenversteher").resembles
    assert not diagnose(b).result("kundenversteher").resembles


def test_groups_are_renamed_and_bad_names_or_orders_refused(rounds):
    with pytest.raises(RoundError, match="two groups"):
        rounds.start_perception(("Marketing",))
    with pytest.raises(RoundError, match="needs a name"):
        rounds.start_perception(("Marketing", "  "))
    rounds.start_perception()
    assert rounds.rename_group(1, "  Vertrieb   Nord ") == GroupRenamed(1, "Verkauf", "Vertrieb Nord")
    assert rounds.group_name(GROUP_B) == "Vertrieb Nord" and rounds.group_name(IST) == ""
    rounds.start_ist_from("a")
    rounds.start_soll()
    with pytest.raises(RoundError, match="once Soll has started"):
        rounds.start_ist_from("a")
    with pytest.raises(RoundError, match="unknown round"):
        Rounds({"later": rounds.board(IST)})
