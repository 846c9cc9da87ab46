"""The agreement model: contested cards and dot votes, resolution, handoffs, accepted archetypes, the
agreement check and the session-JSON keys (no Qt)."""

from __future__ import annotations

import pytest

from workshop_app.domain.agreement import (
    Agreement,
    AgreementClosed,
    AgreementError,
    ArchetypeAccepted,
    Contest,
    ContestChanged,
    Handoff,
    HandoffChanged,
    Votes,
)
from workshop_app.domain.agreement_check import check_agreement
from workshop_app.domain.agreement_json import agreement_to_json, load_agreement_json
from workshop_app.domain.deck import reference_board
from workshop_app.domain.model import CardMoved, Zone

KUNDENVERSTEHER_CARDS = ("needs_analysis", "product_proposal", "benefit_persuasion")


@pytest.fixture
def target(deck):
    """The article's reference split: complete except the Schnittstelle card's handoff."""
    return reference_board(deck)


@pytest.fixture
def agreement(target):
    return Agreement(lambda: target)


def kinds(agreement):
    return [(point.kind, point.card, point.archetype) for point in check_agreement(agreement).open]


# --- votes ---


def test_votes_count_per_zone_and_never_go_below_zero():
    votes = Votes().adjusted(Zone.SALES, 3).adjusted(Zone.MARKETING, 1).adjusted(Zone.SHARED, -2)
    assert (votes.marketing, votes.shared, votes.sales, votes.total) == (1, 0, 3, 4)
    assert votes.winner() is Zone.SALES
    assert votes.to_json() == {"marketing": 1, "shared": 0, "sales": 3}


def test_a_tied_or_empty_vote_has_no_winner():
    assert Votes().winner() is None
    assert Votes(marketing=2, sales=2, shared=1).winner() is None
    assert Votes(marketing=2, sales=1, shared=1).winner() is Zone.MARKETING


@pytest.mark.parametrize("bad", [-1, 1.5, True, "3", None, 1000])
def test_votes_refuse_what_is_not_a_count_of_dots(bad):
    with pytest.raises(AgreementError, match="sales"):
        Votes(sales=bad).validated()


def test_votes_cannot_go_into_the_tray():
    with pytest.raises(AgreementError):
        Votes().adjusted(Zone.UNPLACED, 1)


# --- contest, vote, resolve ---


def test_contest_vote_resolve_announces_records_and_places_the_card(agreement, target):
    seen, moves = [], []
    agreement.subscribe(seen.append)
    target.subscribe(moves.append)
    marked = agreement.mark_contested("price_negotiation")
    assert marked == ContestChanged("price_negotiation", None, Contest())
    agreement.add_dots("price_negotiation", Zone.MARKETING, 4)
    agreement.add_dots("price_negotiation", Zone.SALES, 2)
    assert agreement.contest("price_negotiation").votes.winner() is Zone.MARKETING
    assert ("contested", "price_negotiation", None) in kinds(agreement)

    resolved = agreement.resolve("price_negotiation", Zone.MARKETING, "  Rabatte zentral  ")
    assert target.zone_of("price_negotiation") is Zone.MARKETING
    assert resolved.after == Contest(Votes(4, 0, 2), "Rabatte zentral")
    assert resolved.move == moves[-1] and isinstance(resolved.move, CardMoved)
    assert seen == [marked, seen[1], seen[2], resolved]
    assert ("contested", "price_negotiation", None) not in kinds(agreement)


def test_undoing_a_resolution_puts_the_card_back_in_its_place(agreement, target):
    agreement.mark_contested("terms")
    before = target.snapshot()
    index = target.index_of("terms")
    resolved = agreement.resolve("terms", Zone.SHARED, "")
    assert agreement.contest("terms").resolution == ""  # resolved without a reason
    undone = agreement.undo_resolve(resolved)
    assert target.snapshot() == before and target.index_of("terms") == index
    assert agreement.contest("terms") == Contest() and undone.after == Contest()


def test_votes_and_resolution_need_a_contested_card(agreement):
    with pytest.raises(AgreementError, match="not contested"):
        agreement.add_dots("terms", Zone.SALES)
    with pytest.raises(AgreementError, match="not contested"):
        agreement.resolve("terms", Zone.SALES)
    with pytest.raises(AgreementError, match="unknown card"):
        agreement.mark_contested("no-such-card")


def test_a_card_cannot_be_resolved_into_the_tray(agreement, target):
    agreement.mark_contested("terms")
    before = target.snapshot()
    with pytest.raises(AgreementError, match="tray"):
        agreement.resolve("terms", Zone.UNPLACED)
    assert target.snapshot() == before and not agreement.contest("terms").resolved


def test_unmarking_a_contest_and_undoing_it_restores_the_votes(agreement):
    agreement.mark_contested("terms")
    voted = agreement.add_dots("terms", Zone.SHARED, 5)
    unmarked = agreement.mark_contested("terms", False)
    assert agreement.contest("terms") is None and unmarked.before == voted.after
    agreement.set_contest("terms", unmarked.before)
    assert agreement.contest("terms").votes.shared == 5


# --- handoffs ---


def test_a_handoff_is_only_taken_for_a_schnittstelle_card(agreement, target):
    handoff = Handoff(Zone.SALES, "Einwände je Kundenfall → Marketing")
    record = agreement.set_handoff("field_feedback", handoff)
    assert record == HandoffChanged("field_feedback", None, handoff)
    with pytest.raises(AgreementError, match="not in the Schnittstelle"):
        agreement.set_handoff("advertising", handoff)
    assert agreement.handoffs() == {"field_feedback": handoff}


@pytest.mark.parametrize("bad", [Handoff(Zone.SHARED, "x"), Handoff(Zone.SALES, "  "),
                                 Handoff("sales", "x"), Handoff(Zone.SALES, "x" * 301)])
def test_a_handoff_needs_a_side_to_lead_and_a_text(agreement, bad):
    with pytest.raises(AgreementError):
        agreement.set_handoff("field_feedback", bad)
    assert agreement.handoff("field_feedback") is None


def test_a_handoff_counts_only_while_its_card_stays_in_the_schnittstelle(agreement, target):
    agreement.set_handoff("field_feedback", Handoff(Zone.MARKETING, "Argumente je Kundenfall"))
    assert ("handoff", "field_feedback", None) not in kinds(agreement)
    target.move("field_feedback", Zone.SALES)
    assert agreement.handoff("field_feedback") is None and agreement.handoffs() == {}
    assert agreement.stored_handoff("field_feedback") is not None
    target.move("field_feedback", Zone.SHARED)  # e.g. the move undone
    assert agreement.handoff("field_feedback").lead is Zone.MARKETING


# --- accepted archetypes and closing ---


def test_an_archetype_is_accepted_only_by_id_and_with_a_reason(agreement):
    record = agreement.set_accepted("kreativlinge", " Agentur bleibt ein Jahr ")
    assert record == ArchetypeAccepted("kreativlinge", None, "Agentur bleibt ein Jahr")
    with pytest.raises(AgreementError, match="unknown archetype"):
        agreement.set_accepted("kundenfluesterer", "weil")
    with pytest.raises(AgreementError, match="reason"):
        agreement.set_accepted("stichwortgeber", "   ")
    assert agreement.accepted() == {"kreativlinge": "Agentur bleibt ein Jahr"}


def test_closing_is_recorded_and_only_takes_a_boolean(agreement):
    assert agreement.set_closed(True) == AgreementClosed(False, True)
    with pytest.raises(AgreementError):
        agreement.set_closed("yes")
    assert agreement.closed


# --- the check ---


def test_the_check_lists_each_kind_of_open_point_in_order(agreement, target):
    target.move("terms", Zone.UNPLACED)
    for card_id in KUNDENVERSTEHER_CARDS:
        target.move(card_id, Zone.MARKETING)
    agreement.mark_contested("advertising")
    assert kinds(agreement) == [
        ("unplaced", "terms", None), ("handoff", "field_feedback", None),
        ("contested", "advertising", None), ("archetype", None, "kundenversteher")]
    check = check_agreement(agreement)
    assert not check.complete
    assert check.to_json_dict()["open"][3] == {"kind": "archetype", "card": None,
                                               "archetype": "kundenversteher"}


def test_the_check_goes_from_open_points_to_complete(agreement, target):
    for card_id in KUNDENVERSTEHER_CARDS:
        target.move(card_id, Zone.MARKETING)
    assert len(kinds(agreement)) == 2
    agreement.set_handoff("field_feedback", Handoff(Zone.SALES, "Einwände → Marketing"))
    agreement.set_accepted("kundenversteher", "Erklärungsbedürftige Technik bleibt beim PM")
    check = check_agreement(agreement)
    assert check.complete and check.to_json_dict() == {"complete": True, "open": [],
                                                       "closed": False}


def test_an_empty_board_is_open_for_every_card_in_the_tray(deck):
    board = deck.board()
    check = check_agreement(Agreement(lambda: board))
    assert [p.card for p in check.open] == [card.id for card in deck.cards]


def test_a_removed_card_leaves_no_open_point(agreement, target, deck):
    from workshop_app.domain.model import Card

    target.add_card(Card("c1", "Messe", "Fair", custom=True), Zone.SALES)
    agreement.mark_contested("c1")
    target.remove_card("c1")
    assert ("contested", "c1", None) not in kinds(agreement) and agreement.contests() == {}


# --- the session JSON ---


def full_agreement(agreement):
    agreement.mark_contested("price_negotiation")
    agreement.set_votes("price_negotiation", Votes(2, 1, 7))
    agreement.resolve("price_negotiation", Zone.SALES, "Preise verhandelt, wer den Kunden kennt")
    agreement.mark_contested("advertising")
    agreement.set_handoff("field_feedback", Handoff(Zone.SALES, "Einwände je Kundenfall"))
    agreement.set_accepted("kreativlinge", "Agentur bleibt")
    agreement.set_closed(True)
    return agreement


def test_the_agreement_round_trips_through_its_json_keys(agreement, deck):
    data = agreement_to_json(full_agreement(agreement))
    assert data["votes"] == {"price_negotiation": {"marketing": 2, "shared": 1, "sales": 7}}
    assert data["contested"] == ["price_negotiation", "advertising"]
    other_board = reference_board(deck)
    other_board.move("price_negotiation", Zone.SALES)
    loaded = load_agreement_json(data, Agreement(lambda: other_board))
    assert agreement_to_json(loaded) == data
    assert kinds(loaded) == [("contested", "advertising", None)]


def test_json_leaves_out_a_handoff_that_no_longer_counts(agreement, target):
    agreement.set_handoff("field_feedback", Handoff(Zone.SALES, "x"))
    target.move("field_feedback", Zone.MARKETING)
    assert agreement_to_json(agreement)["handoffs"] == {}


@pytest.mark.parametrize(("data", "message"), [
    ({"contested": ["terms"], "votes": {"terms": {"sales": -1}}}, "between 0"),
    ({"contested": ["terms"], "votes": {"terms": {"sales": 2.5}}}, "whole number"),
    ({"contested": ["terms"], "votes": {"terms": {"sales": True}}}, "whole number"),
    ({"contested": ["terms"], "votes": {"terms": {"tray": 1}}}, "unknown zone"),
    ({"votes": {"terms": {"sales": 1}}}, "not listed in 'contested'"),
    ({"contested": "terms"}, "list of card ids"),
    ({"contested": ["nope"]}, "unknown card"),
    ({"handoffs": {"advertising": {"lead": "sales", "what": "x"}}}, "not in the Schnittstelle"),
    ({"handoffs": {"field_feedback": {"lead": "shared", "what": "x"}}}, "lead must be"),
    ({"accepted": {"kundenfluesterer": "weil"}}, "unknown archetype"),
    ({"accepted": {"kreativlinge": 3}}, "must be a text"),
    ({"closed": "yes"}, "true or false"),
])
def test_bad_json_values_are_refused_with_one_line(target, data, message):
    with pytest.raises(AgreementError, match=message) as caught:
        load_agreement_json(data, Agreement(lambda: target))
    assert "\n" not in str(caught.value)
