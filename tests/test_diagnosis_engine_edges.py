"""The diagnosis engine on hand-built archetypes and functions (domain/diagnosis.py), found by
`make mutation`: exact threshold and strip boundaries, scene conditions, leaning and not-judgeable
states with what would decide them, the order of equal scores, and an empty board."""

from __future__ import annotations

import pytest

from workshop_app.domain.deck import TaskFunction
from workshop_app.domain.diagnosis import (
    DOES_NOT_RESEMBLE,
    LEANING,
    NOT_JUDGEABLE,
    RESEMBLES,
    Archetype,
    Indicator,
    Move,
    diagnose,
)
from workshop_app.domain.model import Board, Card, Zone

M, SH, S, U = Zone.MARKETING, Zone.SHARED, Zone.SALES, Zone.UNPLACED
FUNCTIONS = {f"f{i}": TaskFunction(f"f{i}", reference, f"F{i}", f"F{i}")
             for i, reference in enumerate((S, S, S, M, M), start=1)}


def archetype(id_: str, *indicators: Indicator, threshold: float = 0.6, near: float = 0.15) -> Archetype:
    return Archetype(id_, id_, id_, "", "", "", "", "", "", tuple(indicators), threshold, near)


def sign(function: str, zone: Zone = M, weight: float = 1.0, condition: str = "in",
         shared: float = 0.5) -> Indicator:
    return Indicator(function, condition, (zone,), weight, shared)


def scene(function: str, zone: Zone) -> Indicator:
    return Indicator(function, "in", (zone,), 0.0, 0.5, scene=True)


def board(**zones: Zone) -> Board:
    """One card per keyword, its id and function the keyword (f1..f5), in the zone given."""
    return Board.from_cards([Card(name, name, name, name) for name in zones], dict(zones))


def result(the_board: Board, *archetypes: Archetype):
    return diagnose(the_board, archetypes, FUNCTIONS).results[0]


def test_a_score_exactly_at_the_threshold_resembles_and_just_below_does_not():
    placed = board(f1=M, f2=S)
    at = result(placed, archetype("a", sign("f1"), sign("f2"), threshold=0.5))
    assert (at.state, at.score) == (RESEMBLES, 0.5)
    below = result(placed, archetype("a", sign("f1"), sign("f2"), threshold=0.5001))
    assert (below.state, below.score) == (DOES_NOT_RESEMBLE, 0.5)


def test_weights_divide_the_score():
    heavy = result(board(f1=M, f2=S), archetype("a", sign("f1", weight=3), sign("f2", weight=1)))
    assert heavy.score == 0.75 and heavy.state == RESEMBLES
    light = result(board(f1=S, f2=M), archetype("a", sign("f1", weight=3), sign("f2", weight=1)))
    assert light.score == 0.25 and light.state == DOES_NOT_RESEMBLE


def test_a_card_in_the_strip_counts_the_signs_shared_fraction():
    assert result(board(f1=SH), archetype("a", sign("f1", shared=0.5), threshold=0.5)).score == 0.5
    quarter = result(board(f1=SH), archetype("a", sign("f1", shared=0.25), threshold=0.5))
    assert quarter.state == DOES_NOT_RESEMBLE
    not_in = result(board(f1=SH), archetype("a", sign("f1", condition="not_in", shared=0.3)))
    assert not_in.score == 0.3
    assert result(board(f1=S), archetype("a", sign("f1", condition="not_in"))).score == 1.0
    assert result(board(f1=M), archetype("a", sign("f1", condition="not_in"))).score == 0.0


def test_for_in_the_best_card_counts_and_for_not_in_the_worst():
    cards = Board.from_cards([Card("a", "a", "a", "f1"), Card("b", "b", "b", "f1")], {"a": M, "b": S})
    assert result(cards, archetype("x", sign("f1", M))).score == 1.0
    assert result(cards, archetype("x", sign("f1", M, condition="not_in"))).score == 0.0


def test_a_placed_card_contradicting_a_scene_rules_the_archetype_out_even_at_full_score():
    shape = archetype("a", sign("f1"), scene("f2", S))
    out = result(board(f1=M, f2=M), shape)
    assert (out.state, out.score, out.against, out.evidence) == (DOES_NOT_RESEMBLE, 1.0, ("f2",), ("f1",))
    fits = result(board(f1=M, f2=S), shape)
    assert (fits.state, fits.evidence) == (RESEMBLES, ("f1",))
    open_scene = result(board(f1=M, f2=U), shape)
    assert open_scene.state == RESEMBLES


def test_signs_placed_so_far_reaching_the_threshold_lean_and_name_the_tray_card_that_decides():
    leaning = result(board(f1=M, f2=U), archetype("a", sign("f1"), sign("f2")))
    assert (leaning.state, leaning.score) == (LEANING, 0.5)
    assert leaning.deciding == (Move("f2", (M, SH)),)
    assert not leaning.judgeable and not leaning.resembles


def test_a_sign_failed_so_far_with_the_rest_open_is_not_judgeable():
    open_ = result(board(f1=S, f2=U, f3=U), archetype("a", sign("f1"), sign("f2"), sign("f3")))
    assert (open_.state, open_.score, open_.against) == (NOT_JUDGEABLE, 0.0, ("f1",))


def test_a_leaning_archetype_no_single_card_decides_names_every_tray_card_needed():
    shape = archetype("a", sign("f1"), sign("f2"), sign("f3"), threshold=0.9)
    leaning = result(board(f1=M, f2=U, f3=U), shape)
    assert leaning.state == LEANING
    assert leaning.deciding == (Move("f2", (M,)), Move("f3", (M,)))


def test_a_resembling_board_near_the_threshold_names_the_card_that_would_undo_it():
    near = result(board(f1=M, f2=M, f3=S), archetype("a", sign("f1"), sign("f2"), sign("f3")))
    assert near.state == RESEMBLES and near.near
    assert near.deciding == (Move("f1", (SH, S)),)
    far = result(board(f1=M, f2=M, f3=M), archetype("a", sign("f1"), sign("f2"), sign("f3")))
    assert far.state == RESEMBLES and not far.near and far.deciding == ()


def test_a_rejected_board_near_the_threshold_names_the_card_that_would_flip_it():
    shape = archetype("a", sign("f1"), sign("f2"), sign("f3"), threshold=0.6)
    near = result(board(f1=M, f2=S, f3=SH), shape)
    assert near.state == DOES_NOT_RESEMBLE and near.score == 0.5 and near.near
    assert near.deciding == (Move("f2", (M, SH)),)


def test_an_empty_board_and_a_board_without_functions_are_not_judgeable_with_no_conformity():
    empty = diagnose(Board(), [archetype("a", sign("f1"))], FUNCTIONS)
    only = empty.results[0]
    assert (only.state, only.score, only.near, only.deciding) == (NOT_JUDGEABLE, 0.0, False, ())
    assert empty.reference_conformity is None and empty.placed == 0 and empty.flagged() == []
    plain = Board.from_cards([Card("c", "c", "c")], {"c": M})
    assert diagnose(plain, [archetype("a", sign("f1"))], FUNCTIONS).reference_conformity is None


def test_equal_scores_keep_the_resembling_one_first_then_the_file_order():
    placed = board(f1=M, f2=S)
    second, first = archetype("second", sign("f1"), sign("f2"), threshold=0.9), \
        archetype("first", sign("f1"), sign("f2"), threshold=0.5)
    ids = [r.id for r in diagnose(placed, [second, first], FUNCTIONS).results]
    assert ids == ["first", "second"]
    twins = [archetype("zeta", sign("f1"), sign("f2")), archetype("alpha", sign("f1"), sign("f2"))]
    assert [r.id for r in diagnose(placed, twins, FUNCTIONS).results] == ["zeta", "alpha"]
    higher = [archetype("low", sign("f1", S)), archetype("high", sign("f1", M))]
    assert [r.id for r in diagnose(placed, higher, FUNCTIONS).results] == ["high", "low"]


def test_reference_conformity_counts_the_strip_beside_the_reference_side_half():
    placed = board(f1=S, f2=SH, f3=M, f4=M)
    found = diagnose(placed, [archetype("a", sign("f1"))], FUNCTIONS)
    assert found.reference_conformity == pytest.approx(2.5 / 4)
    assert found.off_reference == ("f3",) and found.shared_instead == ("f2",) and found.placed == 4
    with pytest.raises(KeyError):
        found.result("nope")
    assert found.result("a").archetype.id == "a"


def test_the_json_shape_rounds_scores_and_names_moves():
    placed = board(f1=M, f2=U, f3=S)
    found = diagnose(placed, [archetype("a", sign("f1"), sign("f2"), sign("f3"))], FUNCTIONS)
    shape = found.to_json_dict()
    entry = shape["archetypes"][0]
    assert entry["score"] == round(1 / 3, 4) and entry["state"] == found.results[0].state
    assert entry["evidence"] == ["f1"] and entry["against"] == ["f3"]
    assert shape["reference_conformity"] == round(1 / 2, 4) and shape["placed"] == 2
    assert entry["deciding"] == [{"card": m.card_id, "zones": [z.value for z in m.zones]}
                                 for m in found.results[0].deciding]


def test_an_unknown_archetype_id_is_named_in_the_key_error():
    with pytest.raises(KeyError, match="nope"):
        diagnose(Board(), [archetype("a", sign("f1"))], FUNCTIONS).result("nope")


def test_the_json_shape_has_exactly_the_documented_keys_and_four_digits():
    placed = board(f1=S, f2=M, f3=M)  # conformity 1/3
    shape = diagnose(placed, [archetype("a", sign("f1"))], FUNCTIONS).to_json_dict()
    assert list(shape) == ["archetypes", "reference_conformity", "off_reference", "shared_instead", "placed"]
    assert list(shape["archetypes"][0]) == ["id", "score", "state", "resembles", "judgeable", "evidence",
                                            "against", "deciding"]
    assert shape["reference_conformity"] == 0.3333
    assert diagnose(Board(), [archetype("a", sign("f1"))], FUNCTIONS).to_json_dict()[
        "reference_conformity"] is None


def test_a_tray_card_keeps_an_in_sign_open_up_to_full_credit_and_no_further():
    cards = Board.from_cards([Card("a", "a", "a", "f1"), Card("b", "b", "b", "f1"),
                              Card("c", "c", "c", "f2")], {"a": S, "c": S})
    shape = (sign("f1"), sign("f2"))
    assert result(cards, archetype("x", *shape, threshold=0.5)).state == NOT_JUDGEABLE
    assert result(cards, archetype("x", *shape, threshold=0.75)).state == DOES_NOT_RESEMBLE


def test_a_heavier_sign_without_cards_does_not_stop_the_search_for_the_deciding_card():
    leaning = result(board(f1=M, f2=U), archetype("a", sign("f5", weight=2), sign("f1"), sign("f2")))
    assert leaning.state == LEANING and leaning.deciding == (Move("f2", (M, SH)),)


def test_completion_names_the_heaviest_open_signs_first_and_stops_at_the_threshold():
    heavy_first = result(board(f1=M, f2=U, f3=U),
                         archetype("a", sign("f1"), sign("f2"), sign("f3", weight=3), threshold=0.9))
    assert heavy_first.state == LEANING
    assert heavy_first.deciding == (Move("f3", (M,)), Move("f2", (M,)))
    stops = result(board(f1=M, f2=U, f3=U, f4=U),
                   archetype("a", sign("f1"), sign("f2"), sign("f3"), sign("f4"), threshold=0.75))
    assert stops.state == LEANING
    assert stops.deciding == (Move("f2", (M,)), Move("f3", (M,)))


def test_completion_weighs_what_each_sign_still_has_to_gain():
    cards = Board.from_cards([Card("p", "p", "p", "f1"), Card("q", "q", "q", "f2"), Card("r", "r", "r", "f2"),
                              Card("s", "s", "s", "f3"), Card("t", "t", "t", "f4")],
                             {"p": M, "q": SH})
    shape = archetype("a", sign("f1"), sign("f2"), sign("f3"), sign("f4"), threshold=0.7)
    found = result(cards, shape)
    assert found.state == LEANING
    assert found.deciding == (Move("s", (M,)), Move("t", (M,)))


def test_for_an_in_sign_only_the_card_that_holds_is_evidence_and_the_other_is_not_against():
    cards = Board.from_cards([Card("a", "a", "a", "f1"), Card("b", "b", "b", "f1"),
                              Card("c", "c", "c", "f2")], {"a": M, "b": S, "c": S})
    found = result(cards, archetype("x", sign("f1"), sign("f2")))
    assert found.evidence == ("a",) and found.against == ("c",)
    assert found.matched == (sign("f1"),)


def test_a_score_exactly_near_away_from_the_threshold_is_near():
    placed = board(f1=M, f2=S)
    assert result(placed, archetype("a", sign("f1"), sign("f2"), threshold=0.65, near=0.15)).near
    assert not result(placed, archetype("a", sign("f1"), sign("f2"), threshold=0.65, near=0.149)).near


def test_a_score_of_zero_is_never_near_even_within_reach_of_a_low_threshold():
    assert not result(board(f1=S), archetype("a", sign("f1"), threshold=0.1)).near


def test_a_rejected_score_exactly_near_away_still_names_the_deciding_card():
    found = result(board(f1=M, f2=S), archetype("a", sign("f1"), sign("f2"), threshold=0.65, near=0.15))
    assert found.state == DOES_NOT_RESEMBLE and found.deciding == (Move("f2", (M, SH)),)


def test_the_deciding_card_of_a_rejected_board_is_searched_heaviest_sign_first():
    placed = board(f1=S, f2=SH, f3=M)
    found = result(placed, archetype("a", sign("f1"), sign("f2", weight=2), sign("f3")))
    assert found.state == DOES_NOT_RESEMBLE and found.deciding == (Move("f2", (M,)),)


def test_a_leaning_board_is_decided_by_a_tray_card_not_by_moving_a_placed_one():
    found = result(board(f1=SH, f2=M, f3=U), archetype("a", sign("f1"), sign("f2"), sign("f3")))
    assert found.state == LEANING and found.deciding == (Move("f3", (M, SH)),)
