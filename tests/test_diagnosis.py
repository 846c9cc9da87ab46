"""The archetype diagnosis on boards built from the article's four examples.

Each example as the article tells it on a full board, on a partial board (8-12 cards placed, the
rest still in the tray) and with the pattern running through the shared strip; and the article's
recommended split, which must not read as any dysfunction. Every test's name says what the article
says about the board."""

from __future__ import annotations

import json

import pytest

from workshop_app.domain.deck import load_deck, load_functions, reference_board
from workshop_app.domain.diagnosis import (
    ARCHETYPE_IDS,
    STATES,
    Archetype,
    ArchetypeError,
    Indicator,
    Move,
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

# Healthy cards a partial board of a workshop typically has placed besides an example's cards.
HEALTHY = {"price_negotiation": S, "terms": S, "advertising": M, "public_relations": M,
           "graphic_design": M, "content_preparation": M, "field_feedback": SHARED}


def example_board(*names: str) -> Board:
    board = reference_board()
    for name in names:
        for card_id, zone in EXAMPLES[name].items():
            board.move(card_id, zone)
    return board


def reference_with(placement: dict[str, Zone]) -> Board:
    board = reference_board()
    for card_id, zone in placement.items():
        board.move(card_id, zone)
    return board


def partial(placement: dict[str, Zone]) -> Board:
    """The default deck with only `placement` placed; every other card still in the tray."""
    board = load_deck().board()
    for card_id, zone in placement.items():
        board.move(card_id, zone)
    return board


def result_of(board: Board, archetype_id: str):
    return diagnose(board).result(archetype_id)


def flagged_ids(board: Board) -> set[str]:
    return {result.archetype.id for result in diagnose(board).flagged()}


# --- the data ---


def test_the_data_defines_the_four_archetypes_with_texts_in_both_languages():
    archetypes = load_archetypes()
    assert tuple(a.id for a in archetypes) == ARCHETYPE_IDS
    for archetype in archetypes:
        for language in ("de", "en"):
            for text in (archetype.name(language), archetype.context(language),
                         archetype.harm(language), archetype.recommendation(language)):
                assert len(text) > 10 or text == archetype.name(language)
        assert archetype.name("de") != archetype.name("en")
        assert archetype.signs and all(sign.weight > 0 for sign in archetype.signs)
    assert "Glaubwürdigkeit" in load_archetypes()[0].harm("de")


def test_each_example_s_defining_trait_weighs_most():
    signs = {a.id: {s.function: s.weight for s in a.signs} for a in load_archetypes()}
    assert max(signs["kundenschmeichler"], key=signs["kundenschmeichler"].get) == "order_stimulation"
    assert max(signs["stichwortgeber"], key=signs["stichwortgeber"].get) == "argument_lists"
    kreativlinge = signs["kreativlinge"]
    assert kreativlinge["market_insight"] == kreativlinge["industry_positioning"] == max(
        kreativlinge.values())
    assert len(set(signs["kundenversteher"].values())) == 1  # the three steps of the product sale


# --- the recommended split ---


def test_the_recommended_split_reads_as_no_dysfunction_and_scores_at_most_0_15_everywhere():
    diagnosis = diagnose(reference_board())
    assert diagnosis.flagged() == []
    assert all(result.score <= 0.15 for result in diagnosis.results)
    assert {result.state for result in diagnosis.results} == {"does_not_resemble"}
    assert diagnosis.reference_conformity == 1.0 and diagnosis.off_reference == ()
    assert diagnosis.placed == 22


@pytest.mark.parametrize("shift", [
    {"benefit_presentation": SHARED},  # marketing and sales present the benefits together
    {"case_argumentation": SHARED},  # "die Grenze ein klein wenig verschieben"
    {"product_management": SHARED, "sales_enablement": SHARED},
    {"content_preparation": SHARED, "customer_requirements": SHARED},
    {"market_insight": SHARED},
])
def test_the_recommended_split_moved_a_little_into_the_strip_still_scores_at_most_0_15(shift):
    diagnosis = diagnose(reference_with(shift))
    assert all(result.score <= 0.15 for result in diagnosis.results), [
        (r.id, r.score) for r in diagnosis.results]
    assert all(result.state == "does_not_resemble" for result in diagnosis.results)


def test_correct_placements_are_no_evidence_design_in_marketing_and_prices_in_sales_score_nothing():
    board = partial({"graphic_design": M, "copy_editing": M, "media_booking": M,
                     "price_negotiation": S, "terms": S, "advertising": M, "public_relations": M,
                     "needs_analysis": S})
    diagnosis = diagnose(board)
    assert all(result.score == 0 and result.evidence == () for result in diagnosis.results)
    assert diagnosis.flagged() == []


def test_a_partial_recommended_split_speaks_against_the_examples_whose_cards_it_places():
    board = partial({"needs_analysis": S, "market_insight": M, "order_stimulation": S,
                     "argument_lists": S, "advertising": M, "terms": S, "graphic_design": M,
                     "field_feedback": SHARED})
    diagnosis = diagnose(board)
    assert {r.id: r.state for r in diagnosis.results} == {
        "kundenversteher": "does_not_resemble", "stichwortgeber": "does_not_resemble",
        "kundenschmeichler": "does_not_resemble", "kreativlinge": "does_not_resemble"}
    assert "market_insight" in diagnosis.result("kreativlinge").against


# --- Beispiel 1: die Kundenversteher ---


def test_kundenversteher_product_management_does_the_product_sale_sales_only_negotiates_prices():
    diagnosis = diagnose(example_board("kundenversteher"))
    top = diagnosis.results[0]
    assert [r.id for r in diagnosis.flagged()] == ["kundenversteher"] == [top.id]
    assert top.score == 1.0 and top.state == "resembles"
    assert top.evidence == ("needs_analysis", "product_proposal", "benefit_persuasion")
    assert set(diagnosis.off_reference) == set(EXAMPLES["kundenversteher"])


def test_kundenversteher_partial_board_whole_product_sale_in_marketing_already_resembles():
    board = partial({**HEALTHY, **EXAMPLES["kundenversteher"]})
    assert diagnose(board).placed == 10
    result = result_of(board, "kundenversteher")
    assert result.state == "resembles" and result.score == 1.0


def test_kundenversteher_partial_board_two_steps_in_marketing_leans_and_names_the_third_step():
    board = partial({**HEALTHY, "needs_analysis": M, "product_proposal": M})
    assert diagnose(board).placed == 9
    result = result_of(board, "kundenversteher")
    assert result.state == "leaning" and not result.resembles
    assert result.evidence == ("needs_analysis", "product_proposal")
    # sharing the third step is enough: two of three in marketing plus the third in the strip
    assert result.deciding == (Move("benefit_persuasion", (M, SHARED)),)
    board.move("benefit_persuasion", SHARED)
    assert result_of(board, "kundenversteher").state == "resembles"


def test_kundenversteher_marketing_owns_two_steps_and_shares_the_third_in_the_strip():
    board = reference_with({"needs_analysis": M, "product_proposal": M, "benefit_persuasion": SHARED})
    result = result_of(board, "kundenversteher")
    assert result.state == "resembles" and result.score == pytest.approx(7.5 / 9)
    assert "benefit_persuasion" in result.evidence
    # near the threshold: the panel names the card that would end it
    assert result.near and result.deciding and result.deciding[0].card_id == "needs_analysis"


def test_kundenversteher_the_whole_product_sale_shared_in_the_strip_is_no_takeover_by_marketing():
    board = reference_with({"needs_analysis": SHARED, "product_proposal": SHARED,
                            "benefit_persuasion": SHARED})
    result = result_of(board, "kundenversteher")
    assert result.state == "does_not_resemble" and result.score == pytest.approx(0.5)


def test_kundenversteher_two_steps_in_marketing_and_the_third_with_sales_is_near_and_names_it():
    board = reference_with({"needs_analysis": M, "product_proposal": M})
    result = result_of(board, "kundenversteher")
    assert result.state == "does_not_resemble" and result.near
    assert result.score == pytest.approx(6 / 9)
    assert result.against == ("benefit_persuasion",)
    assert result.deciding == (Move("benefit_persuasion", (M, SHARED)),)


def test_kundenversteher_needs_sales_left_with_prices_and_terms_prices_in_marketing_rule_it_out():
    board = example_board("kundenversteher")
    board.move("price_negotiation", M)
    result = result_of(board, "kundenversteher")
    assert result.state == "does_not_resemble" and result.score == 1.0  # the scene, not the sign
    assert result.against == ("price_negotiation",)
    assert result.deciding == (Move("price_negotiation", (SHARED, S)),)


# --- Beispiel 2: die Stichwortgeber ---


def test_stichwortgeber_marketing_mainly_produces_argument_lists_for_sales():
    diagnosis = diagnose(example_board("stichwortgeber"))
    assert [r.id for r in diagnosis.flagged()] == ["stichwortgeber"]
    result = diagnosis.result("stichwortgeber")
    assert result.score == 1.0
    assert result.evidence == ("argument_lists", "benefit_presentation", "case_argumentation")


def test_stichwortgeber_partial_board_argument_lists_instead_of_a_benefit_presentation_resembles():
    board = partial({**HEALTHY, "argument_lists": M, "benefit_presentation": S})
    assert diagnose(board).placed == 9
    assert result_of(board, "stichwortgeber").state == "resembles"


def test_stichwortgeber_partial_board_lists_in_marketing_lean_until_the_benefit_presentation_lies():
    board = partial({**HEALTHY, "argument_lists": M, "case_argumentation": M})
    result = result_of(board, "stichwortgeber")
    assert result.state == "leaning"
    assert result.deciding == (Move("benefit_presentation", (SHARED, S)),)
    board.move("benefit_presentation", M)  # marketing concentrates on the benefit presentation
    assert result_of(board, "stichwortgeber").state == "does_not_resemble"


def test_stichwortgeber_argument_lists_shared_in_the_strip_without_a_benefit_presentation():
    board = reference_with({"argument_lists": SHARED, "case_argumentation": M,
                            "benefit_presentation": S})
    result = result_of(board, "stichwortgeber")
    assert result.state == "resembles" and result.score == pytest.approx(4.5 / 6)


def test_stichwortgeber_lists_beside_a_full_benefit_presentation_in_marketing_is_not_the_pattern():
    board = reference_with({"argument_lists": M, "case_argumentation": M})
    result = result_of(board, "stichwortgeber")
    assert result.state == "does_not_resemble" and result.near
    assert result.against == ("benefit_presentation",)


# --- Beispiel 3: die Kundenschmeichler ---


def test_kundenschmeichler_marketing_talks_directly_to_customers_aiming_at_requisitioners_orders():
    diagnosis = diagnose(example_board("kundenschmeichler"))
    assert [r.id for r in diagnosis.flagged()] == ["kundenschmeichler"]
    assert diagnosis.result("kundenschmeichler").evidence == ("order_stimulation",
                                                              "direct_customer_contact")


def test_kundenschmeichler_partial_board_orders_as_marketing_goal_lean_until_customer_contact_lies():
    board = partial({**HEALTHY, "order_stimulation": M, "needs_analysis": S})
    assert diagnose(board).placed == 9
    result = result_of(board, "kundenschmeichler")
    assert result.state == "leaning" and result.evidence == ("order_stimulation",)
    assert result.deciding == (Move("direct_customer_contact", (M, SHARED)),)


def test_kundenschmeichler_any_marketing_share_of_customer_contact_is_the_second_channel():
    board = reference_with({"order_stimulation": M, "direct_customer_contact": SHARED})
    result = result_of(board, "kundenschmeichler")
    assert result.state == "resembles" and result.score == 1.0
    assert result.evidence == ("order_stimulation", "direct_customer_contact")


def test_kundenschmeichler_orders_and_contact_both_shared_in_the_strip_resembles_near_threshold():
    board = reference_with({"order_stimulation": SHARED, "direct_customer_contact": SHARED})
    result = result_of(board, "kundenschmeichler")
    assert result.state == "resembles" and result.near and result.deciding


def test_kundenschmeichler_customer_contact_without_orders_as_marketing_goal_is_not_the_pattern():
    board = reference_with({"direct_customer_contact": M})
    result = result_of(board, "kundenschmeichler")
    assert result.state == "does_not_resemble" and result.score == pytest.approx(0.4)
    assert result.evidence == ("direct_customer_contact",)
    assert result.against == ("order_stimulation",)


# --- Beispiel 4: die Kreativlinge ---


def test_kreativlinge_marketing_reduced_to_design_rewording_and_booking():
    diagnosis = diagnose(example_board("kreativlinge"))
    assert [r.id for r in diagnosis.flagged()] == ["kreativlinge"]
    assert diagnosis.result("kreativlinge").evidence == (
        "market_insight", "industry_positioning", "product_management")


def test_kreativlinge_partial_board_market_and_industry_work_elsewhere_already_resembles():
    board = partial({"graphic_design": M, "copy_editing": M, "media_booking": M,
                     "market_insight": S, "industry_positioning": S, "price_negotiation": S,
                     "terms": S, "needs_analysis": S, "advertising": M})
    assert diagnose(board).placed == 9
    result = result_of(board, "kreativlinge")
    assert result.state == "resembles" and result.score == pytest.approx(6 / 8)


def test_kreativlinge_partial_board_market_watching_elsewhere_leans_and_names_the_positioning():
    board = partial({"graphic_design": M, "copy_editing": M, "media_booking": M,
                     "market_insight": S, "price_negotiation": S, "terms": S, "needs_analysis": S,
                     "advertising": M})
    result = result_of(board, "kreativlinge")
    assert result.state == "leaning" and result.evidence == ("market_insight",)
    assert result.deciding == (Move("industry_positioning", (S,)),)


def test_kreativlinge_marketing_keeping_the_market_watch_speaks_against_it_with_two_cards_placed():
    board = partial({"market_insight": M, "graphic_design": M})
    result = result_of(board, "kreativlinge")
    assert result.state == "does_not_resemble" and result.against == ("market_insight",)


def test_kreativlinge_design_rewording_and_booking_shared_in_the_strip_market_work_elsewhere():
    board = reference_with({**EXAMPLES["kreativlinge"], "graphic_design": SHARED,
                            "copy_editing": SHARED, "media_booking": SHARED})
    assert result_of(board, "kreativlinge").state == "resembles"


def test_kreativlinge_market_watching_only_shared_in_the_strip_resembles_near_the_threshold():
    board = reference_with({**EXAMPLES["kreativlinge"], "market_insight": SHARED})
    result = result_of(board, "kreativlinge")
    assert result.state == "resembles" and result.near
    assert result.score == pytest.approx((0.75 + 3 + 2) / 8)
    assert result.deciding  # which card, placed where, would end it


def test_kreativlinge_needs_marketing_to_design_the_materials_design_in_sales_rules_it_out():
    board = example_board("kreativlinge")
    board.move("graphic_design", S)
    result = result_of(board, "kreativlinge")
    assert result.state == "does_not_resemble" and result.against == ("graphic_design",)
    assert result.deciding == (Move("graphic_design", (M, SHARED)),)


# --- reading the board ---


def test_an_empty_board_is_not_judgeable():
    diagnosis = diagnose(Board())
    assert diagnosis.flagged() == []
    assert diagnosis.placed == 0 and diagnosis.reference_conformity is None
    assert all(r.state == "not_judgeable" and r.score == 0 and r.evidence == ()
               for r in diagnosis.results)


def test_an_all_unplaced_board_is_not_judgeable(board):
    diagnosis = diagnose(board)
    assert diagnosis.placed == 0 and diagnosis.reference_conformity is None
    assert {result.state for result in diagnosis.results} == {"not_judgeable"}


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


def test_every_result_has_one_of_the_four_states_and_resembles_only_for_resembles():
    for board in (reference_board(), example_board("kreativlinge"),
                  partial({"needs_analysis": M, "product_proposal": M}), Board()):
        for result in diagnose(board).results:
            assert result.state in STATES
            assert result.resembles == (result.state == "resembles")
            assert result.judgeable == (result.state in ("resembles", "does_not_resemble"))


def test_results_are_sorted_by_score():
    diagnosis = diagnose(example_board("kreativlinge"))
    scores = [result.score for result in diagnosis.results]
    assert scores == sorted(scores, reverse=True)
    assert diagnosis.results[0].archetype.id == "kreativlinge"


def test_a_custom_card_with_a_function_counts_like_the_deck_card(board):
    for function in ("needs_analysis", "product_proposal", "benefit_persuasion"):
        board.add_card(Card(f"c-{function}", "Eigene Karte", "Own card", function, custom=True), M)
    result = diagnose(board).result("kundenversteher")
    # the deck cards of these functions are still in the tray, but "in" takes the best card
    assert result.resembles
    assert set(result.evidence) == {"c-needs_analysis", "c-product_proposal", "c-benefit_persuasion"}
    assert diagnose(board).reference_conformity == 0.0


def test_a_custom_card_of_a_function_in_marketing_denies_not_in_marketing():
    board = example_board("kreativlinge")
    board.add_card(Card("c-insight", "Wettbewerb beobachten", "Watch rivals", "market_insight",
                        custom=True), M)
    result = diagnose(board).result("kreativlinge")
    assert not result.resembles and "market_insight" not in result.evidence
    assert "c-insight" in result.against


def test_a_second_card_of_a_not_in_sign_still_in_the_tray_keeps_the_verdict_open():
    board = example_board("kreativlinge")
    board.add_card(Card("c-insight", "Wettbewerb beobachten", "Watch rivals", "market_insight",
                        custom=True), TRAY)
    result = diagnose(board).result("kreativlinge")
    assert result.state == "leaning" and result.deciding == (Move("c-insight", (SHARED, S)),)


def test_a_custom_card_without_function_is_no_evidence_and_no_reference_case(board):
    board.add_card(Card("c-free", "Messestand planen", "Plan the fair stand", None, custom=True), M)
    diagnosis = diagnose(board)
    assert diagnosis.placed == 1
    assert diagnosis.reference_conformity is None and diagnosis.off_reference == ()
    assert all(r.state == "not_judgeable" and r.evidence == () for r in diagnosis.results)
    board.move("advertising", M)
    diagnosis = diagnose(board)
    assert diagnosis.placed == 2 and diagnosis.reference_conformity == 1.0


def test_a_card_moved_into_the_strip_beside_its_reference_side_counts_half_and_is_shared_not_wrong():
    board = reference_with({"argument_lists": SHARED, "content_preparation": SHARED,
                            "needs_analysis": M})
    diagnosis = diagnose(board)
    assert diagnosis.shared_instead == ("argument_lists", "content_preparation")
    assert diagnosis.off_reference == ("needs_analysis",)
    assert diagnosis.reference_conformity == pytest.approx((19 + 2 * 0.5) / 22)


def test_json_dict_has_the_issue_shape():
    data = diagnose(example_board("kundenversteher")).to_json_dict()
    json.dumps(data)
    assert set(data) == {"archetypes", "reference_conformity", "off_reference", "shared_instead",
                         "placed"}
    first = data["archetypes"][0]
    assert first["id"] == "kundenversteher" and first["resembles"] is True and first["score"] == 1.0
    assert first["state"] == "resembles"
    assert first["evidence"] == ["needs_analysis", "product_proposal", "benefit_persuasion"]
    assert [a["score"] for a in data["archetypes"]] == sorted(
        (a["score"] for a in data["archetypes"]), reverse=True)
    assert {a["state"] for a in data["archetypes"][1:]} == {"does_not_resemble"}
    leaning = diagnose(partial({"needs_analysis": M, "product_proposal": M})).to_json_dict()
    entry = next(a for a in leaning["archetypes"] if a["id"] == "kundenversteher")
    assert entry["state"] == "leaning" and entry["resembles"] is False
    assert entry["deciding"] == [{"card": "benefit_persuasion", "zones": ["marketing", "shared"]}]


def test_indicator_conditions_and_the_strip_fraction():
    functions = load_functions()
    archetype = Archetype("t", "T", "T", "c", "c", "h", "h", "r", "r", (
        Indicator("advertising", "in_any", (M, SHARED), 1.0),
        Indicator("terms", "not_in", (S,), 1.0, shared=0.25),
    ), threshold=1.0)
    board = reference_board()
    result = diagnose(board, [archetype], functions).results[0]
    assert result.score == 0.5 and result.evidence == ("advertising",)
    assert result.against == ("terms",)
    board.move("advertising", SHARED)
    board.move("terms", SHARED)
    assert diagnose(board, [archetype], functions).results[0].score == pytest.approx(1.25 / 2)
    board.move("terms", M)
    result = diagnose(board, [archetype], functions).results[0]
    assert result.resembles and result.evidence == ("advertising", "terms")
    board.move("terms", TRAY)
    result = diagnose(board, [archetype], functions).results[0]
    assert result.state == "leaning" and result.score == 0.5


def test_labels_exist_in_both_languages():
    assert label("not_judgeable", "de") == "noch zu wenige Karten gelegt"
    assert label("not_judgeable", "en") == "not enough cards placed yet"
    assert label("leaning", "de") == "deutet sich an" and label("leaning", "en") == "leaning"


@pytest.mark.parametrize("mutate,message", [
    (lambda a: a["indicators"][0].update(function="telepathy"), "unknown function 'telepathy'"),
    (lambda a: a["indicators"][0].update(condition="near"), "condition must be one of"),
    (lambda a: a["indicators"][0].update(zones=["attic"]), "zones must be a list"),
    (lambda a: a["indicators"][0].update(weight="heavy"), "'weight' must be a number"),
    (lambda a: a["indicators"][0].update(shared=1.5), "'shared' must be between 0 and 1"),
    (lambda a: a["indicators"][0].update(role="decor"), "role must be 'sign' or 'scene'"),
    (lambda a: [i.update(role="scene") for i in a["indicators"]], "needs at least one sign"),
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


def test_a_not_judgeable_archetype_near_its_threshold_names_the_deciding_tray_card(board):
    archetype = Archetype("t", "T", "T", "c", "c", "h", "h", "r", "r", (
        Indicator("advertising", "in", (M,), 1.0),
        Indicator("public_relations", "in", (M,), 1.0),
        Indicator("terms", "in", (M,), 1.0),
    ), threshold=0.66, near=0.34)
    board.move("advertising", M)
    board.move("public_relations", S)
    result = diagnose(board, [archetype], load_functions()).results[0]
    assert result.state == "not_judgeable" and result.near  # half of what is placed points to it
    assert result.deciding == (Move("terms", (M,)),)
