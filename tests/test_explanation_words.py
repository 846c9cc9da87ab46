"""A diagnosis result in words (domain/explanation.py), the lines the CLI and the PDF print: evidence
and counter-evidence with their zones, the deciding sentence in each of its three forms, both languages,
and the strip-instead lines, on hand-built archetypes."""

from __future__ import annotations

from test_diagnosis_engine_edges import FUNCTIONS, SH, M, S, U, archetype, board, result, sign

from workshop_app.domain.explanation import card_with_zone, explain, shared_instead_lines, state_text
from workshop_app.domain.model import Board, Card


def test_a_leaning_result_names_the_tray_card_that_would_decide_it_in_both_languages():
    placed = board(f1=M, f2=U)
    leaning = result(placed, archetype("a", sign("f1"), sign("f2")))
    english = explain(leaning, placed, "en")
    assert english.evidence == ("f1 (Marketing)",) and english.against == ()
    assert english.deciding == ("Deciding: “f2” (not placed yet) into Marketing or into the Interface – "
                                "then the board resembles this example.")
    assert explain(leaning, placed, "de").deciding == (
        "Entscheidend: Kommt »f2« (noch nicht gelegt) ins Marketing oder in die Schnittstelle, ähnelt das "
        "Board diesem Beispiel.")
    assert (state_text(leaning, "en"), state_text(leaning, "de")) == ("leaning", "deutet sich an")


def test_a_leaning_result_that_needs_several_cards_names_them_all():
    placed = board(f1=M, f2=U, f3=U)
    leaning = result(placed, archetype("a", sign("f1"), sign("f2"), sign("f3"), threshold=0.9))
    assert explain(leaning, placed, "en").deciding == (
        "Still open: “f2” (not placed yet) into Marketing and “f3” (not placed yet) into Marketing – then "
        "the board resembles this example.")


def test_a_close_call_names_the_card_that_would_end_the_resemblance_and_the_cards_against():
    placed = board(f1=M, f2=M, f3=S)
    close = result(placed, archetype("a", sign("f1"), sign("f2"), sign("f3")))
    words = explain(close, placed, "en")
    assert words.evidence == ("f1 (Marketing)", "f2 (Marketing)") and words.against == ("f3 (Sales)",)
    assert words.deciding == ("A close call: “f1” (now in Marketing) into the Interface or into Sales – "
                              "then the board no longer resembles this example.")


def test_a_rejected_result_near_the_threshold_names_the_card_that_would_make_it_resemble():
    placed = board(f1=M, f2=S, f3=SH)
    rejected = result(placed, archetype("a", sign("f1"), sign("f2"), sign("f3")))
    words = explain(rejected, placed, "en")
    assert words.evidence == ("f1 (Marketing)", "f3 (Interface)") and words.against == ("f2 (Sales)",)
    assert words.deciding == ("Deciding: “f2” (now in Sales) into Marketing or into the Interface – then "
                              "the board resembles this example.")
    assert state_text(rejected, "de") == "ähnelt nicht"
    far = result(board(f1=S, f2=S, f3=S), archetype("a", sign("f1"), sign("f2"), sign("f3")))
    assert explain(far, board(f1=S, f2=S, f3=S), "en").deciding == ""


def test_card_texts_are_one_line_and_strip_cards_name_their_reference_side():
    cards = Board.from_cards([Card("x", "Preis  \n liste", "price \t list", "f1")], {"x": SH})
    assert card_with_zone(cards, "x", "en") == "price list (Interface)"
    assert shared_instead_lines(cards, ["x"], FUNCTIONS, "de") == [
        "Preis liste – gemeinsam: in der Schnittstelle statt nur im Verkauf"]
    assert shared_instead_lines(cards, ["x"], FUNCTIONS, "en") == [
        "price list – shared: in the Interface instead of Sales alone"]
    assert shared_instead_lines(cards, [], FUNCTIONS, "en") == []


def test_the_german_lines_use_the_german_card_texts_zone_names_and_joining_word():
    cards = Board.from_cards([Card("f1", "Werbung", "ads", "f1"), Card("f2", "Preise", "prices", "f2"),
                              Card("f3", "Messe", "fair", "f3"), Card("f4", "Liste", "list", "f4")],
                             {"f1": M, "f4": S})
    leaning = result(cards, archetype("a", sign("f1"), sign("f4", S, weight=0.5), sign("f2"), sign("f3"),
                                      threshold=0.9))
    words = explain(leaning, cards, "de")
    assert words.evidence == ("Werbung (Marketing)", "Liste (Verkauf)") and words.against == ()
    assert words.deciding == ("Noch offen: Kommen »Preise« (noch nicht gelegt) ins Marketing und »Messe« "
                              "(noch nicht gelegt) ins Marketing, ähnelt das Board diesem Beispiel.")
    assert explain(leaning, cards, "en").evidence == ("ads (Marketing)", "list (Sales)")


def test_the_cards_against_are_named_in_german_too():
    cards = Board.from_cards([Card("f1", "Werbung", "ads", "f1"), Card("f2", "Preise", "prices", "f2")],
                             {"f1": M, "f2": S})
    found = result(cards, archetype("a", sign("f1"), sign("f2")))
    assert explain(found, cards, "de").against == ("Preise (Verkauf)",)
