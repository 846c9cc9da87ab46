"""The archetype diagnosis on boards built from the article's examples."""

from __future__ import annotations

import json

import pytest

from workshop_app.domain.deck import load_functions, reference_board
from workshop_app.domain.diagnosis import (
    ARCHETYPE_IDS,
    Archetype,
    ArchetypeError,
    Indicator,
    diagnose,
    label,
    load_archetypes,
)
from workshop_app.domain.model import Board, Card, Zone

M, SHARED, S, TRAY = Zone.MARKETING, Zone.SHARED, Zone.SALES, Zone.UNPLACED

# What each example of the article describes; every other card stands where the reference puts it.
EXAMPLES: dict[str, dict[str, Zone]] = {
    # product management does the product selling; sales negotiates prices and terms
    "kundenversteher": {"needs_analysis": M, "product_proposal": M, "benefit_persuasion": M},
    # marketing mainly writes argument lists, derives the single case's argument, no benefit story
    "stichwortgeber": {"argument_lists": M, "case_argumentation": M, "benefit_presentation": S},
    # marketing talks directly to customers and gets requisitioners to order
    "kundenschmeichler": {"direct_customer_contact": M, "order_stimulation": M},
    # marketing is left with design, copy and media; the broad picture went elsewhere
    "kreativlinge": {"market_insight": S, "industry_positioning": S, "product_management": S},
}


def example_board(*names: str) -> Board:
    board = reference_board()
    for name in names:
        for card_id, zone in EXAMPLES[name].items():
            board.move(card_id, zone)
    return board


def flagged_ids(board: Board) -> set[str]:
    return {result.archetype.id for result in diagnose(board).flagged()}


def test_the_data_defines_the_four_archetypes_with_texts_in_both_languages():
    archetypes = load_archetypes()
    assert tuple(a.id for a in archetypes) == ARCHETYPE_IDS
    for archetype in archetypes:
        for language in ("de", "en"):
            for text in (archetype.name(language), archetype.context(language),
                         archetype.harm(language), archetype.recommendation(language)):
                assert len(text) > 10 or text == archetype.name(language)
        assert archetype.name("de") != archetype.name("en")
        assert any(indicator.strong for indicator in archetype.indicators)
    assert "Glaubwürdigkeit" in load_archetypes()[0].harm("de")


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_each_article_example_resembles_its_archetype_and_no_other(name):
    diagnosis = diagnose(example_board(name))
    assert [result.archetype.id for result in diagnosis.flagged()] == [name]
    top = diagnosis.results[0]
    assert top.archetype.id == name and top.score == 1.0 and top.judgeable
    assert set(EXAMPLES[name]) <= set(top.evidence)
    # the example's cards are exactly the ones away from the reference
    assert set(diagnosis.off_reference) == set(EXAMPLES[name])
    assert diagnosis.reference_conformity == pytest.approx(1 - len(EXAMPLES[name]) / 22)


def test_the_reference_board_resembles_none_and_conforms_fully():
    diagnosis = diagnose(reference_board())
    assert diagnosis.flagged() == []
    assert all(result.judgeable for result in diagnosis.results)
    assert all(result.score < result.archetype.threshold for result in diagnosis.results)
    assert diagnosis.reference_conformity == 1.0
    assert diagnosis.off_reference == ()
    assert diagnosis.placed == 22


def test_an_empty_board_resembles_none():
    diagnosis = diagnose(Board())
    assert diagnosis.flagged() == []
    assert diagnosis.placed == 0 and diagnosis.reference_conformity is None
    assert all(not r.judgeable and r.score == 0 and r.evidence == () for r in diagnosis.results)


def test_an_all_unplaced_board_resembles_none(board):
    diagnosis = diagnose(board)
    assert diagnosis.flagged() == []
    assert diagnosis.placed == 0 and diagnosis.reference_conformity is None
    assert not any(result.judgeable for result in diagnosis.results)


def test_a_board_with_two_examples_signs_flags_both():
    assert flagged_ids(example_board("kundenversteher", "kundenschmeichler")) == {
        "kundenversteher", "kundenschmeichler"}
    assert flagged_ids(example_board("stichwortgeber", "kreativlinge")) == {
        "stichwortgeber", "kreativlinge"}


@pytest.mark.parametrize("placement", [
    {"advertising": M, "terms": S},
    {"needs_analysis": M, "graphic_design": M},
    {"market_insight": S, "price_negotiation": S},
    {"direct_customer_contact": M, "field_feedback": SHARED},
])
def test_two_unrelated_cards_placed_flag_none(board, placement):
    for card_id, zone in placement.items():
        board.move(card_id, zone)
    assert flagged_ids(board) == set()


def test_with_too_little_placed_the_verdict_is_not_enough_cards(board):
    board.move("needs_analysis", M)
    board.move("product_proposal", M)
    result = diagnose(board).result("kundenversteher")
    assert result.partial_score == 1.0  # everything judged so far matches...
    assert not result.judgeable and not result.resembles  # ...but a strong sign is still unplaced
    assert result.score == 0.0  # no verdict, no guess
    board.move("benefit_persuasion", M)
    result = diagnose(board).result("kundenversteher")
    assert result.judgeable and result.resembles
    assert result.evidence == ("needs_analysis", "product_proposal", "benefit_persuasion")


def test_a_contradicted_strong_sign_keeps_an_archetype_from_resembling():
    board = example_board("kundenversteher")
    board.move("product_proposal", S)
    result = diagnose(board).result("kundenversteher")
    assert result.judgeable and not result.resembles
    assert result.score == pytest.approx(8 / 11)  # over the threshold, yet a strong sign fails


def test_the_score_is_matched_over_judgeable_weight():
    board = reference_board()
    board.move("argument_lists", M)
    result = diagnose(board).result("stichwortgeber")
    # argument lists (3), advertising (1), PR (1) hold; case argumentation (2) and benefit
    # presentation (2) stand where the reference puts them
    assert result.score == pytest.approx(5 / 9)
    assert not result.resembles


def test_results_are_sorted_by_score():
    diagnosis = diagnose(example_board("kreativlinge"))
    scores = [result.score for result in diagnosis.results]
    assert scores == sorted(scores, reverse=True)
    assert diagnosis.results[0].archetype.id == "kreativlinge"


def test_a_custom_card_with_a_function_counts_like_the_deck_card(board):
    for function in ("needs_analysis", "product_proposal", "benefit_persuasion"):
        board.add_card(Card(f"c-{function}", "Eigene Karte", "Own card", function, custom=True), M)
    result = diagnose(board).result("kundenversteher")
    assert result.resembles
    assert set(result.evidence) == {"c-needs_analysis", "c-product_proposal", "c-benefit_persuasion"}
    assert diagnose(board).reference_conformity == 0.0


def test_a_custom_card_of_a_function_in_marketing_denies_not_in_marketing():
    board = example_board("kreativlinge")
    assert "kreativlinge" in flagged_ids(board)
    board.add_card(Card("c-insight", "Wettbewerb beobachten", "Watch rivals", "market_insight",
                        custom=True), M)
    result = diagnose(board).result("kreativlinge")
    assert not result.resembles and "market_insight" not in result.evidence


def test_a_custom_card_without_function_is_no_evidence_and_no_reference_case(board):
    board.add_card(Card("c-free", "Messestand planen", "Plan the fair stand", None, custom=True), M)
    diagnosis = diagnose(board)
    assert diagnosis.placed == 1
    assert diagnosis.reference_conformity is None and diagnosis.off_reference == ()
    assert all(not r.judgeable and r.evidence == () for r in diagnosis.results)
    board.move("advertising", M)
    diagnosis = diagnose(board)
    assert diagnosis.placed == 2 and diagnosis.reference_conformity == 1.0


def test_json_dict_has_the_issue_shape():
    data = diagnose(example_board("kundenversteher")).to_json_dict()
    json.dumps(data)
    assert set(data) == {"archetypes", "reference_conformity", "off_reference", "placed"}
    first = data["archetypes"][0]
    assert first["id"] == "kundenversteher" and first["resembles"] is True and first["score"] == 1.0
    # strong signs first, then the weak ones: sales is left with prices and terms
    assert first["evidence"] == ["needs_analysis", "product_proposal", "benefit_persuasion",
                                 "price_negotiation", "terms"]
    assert [a["score"] for a in data["archetypes"]] == sorted(
        (a["score"] for a in data["archetypes"]), reverse=True)
    assert data["placed"] == 22


def test_indicator_conditions():
    functions = load_functions()
    archetype = Archetype("t", "T", "T", "c", "c", "h", "h", "r", "r", (
        Indicator("advertising", "in_any", (M, SHARED), 1.0),
        Indicator("terms", "not_in", (S,), 1.0),
    ), threshold=1.0, min_judgeable_share=1.0)
    board = reference_board()
    assert diagnose(board, [archetype], functions).results[0].score == 0.5
    board.move("advertising", SHARED)
    board.move("terms", SHARED)
    result = diagnose(board, [archetype], functions).results[0]
    assert result.resembles and result.evidence == ("advertising", "terms")
    board.move("terms", TRAY)
    result = diagnose(board, [archetype], functions).results[0]
    assert not result.judgeable and result.score == 0.0 and result.partial_score == 1.0


def test_labels_exist_in_both_languages():
    assert label("not_judgeable", "de") == "noch zu wenige Karten gelegt"
    assert label("not_judgeable", "en") == "not enough cards placed yet"


@pytest.mark.parametrize("mutate,message", [
    (lambda a: a["indicators"][0].update(function="telepathy"), "unknown function 'telepathy'"),
    (lambda a: a["indicators"][0].update(condition="near"), "condition must be one of"),
    (lambda a: a["indicators"][0].update(zones=["attic"]), "zones must be a list"),
    (lambda a: a["indicators"][0].update(weight="heavy"), "'weight' must be a number"),
    (lambda a: a.pop("harm"), "'harm' needs German and English texts"),
])
def test_bad_archetype_files_are_refused_with_a_message(tmp_path, mutate, message):
    from workshop_app.paths import resource

    data = json.loads(resource("archetypes", "archetypes.json").read_text(encoding="utf-8"))
    mutate(data["archetypes"][0])
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ArchetypeError, match=message):
        load_archetypes(path)
