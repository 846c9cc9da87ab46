"""The shared data-file readers (domain/datafile.py) and the deck helpers (domain/deck.py) on small
hand-made files: labels with comments, sections, fallbacks and values; a deck's entries."""

from __future__ import annotations

import json

import pytest

from workshop_app.domain.datafile import bilingual, pick_label, read_json_object, read_labels
from workshop_app.domain.deck import (
    Deck,
    DeckError,
    TaskFunction,
    _entries,
    load_functions,
    read_deck,
    read_functions,
    reference_board,
)
from workshop_app.domain.model import Card, Zone


class Refused(ValueError):
    pass


def write(tmp_path, data, name="labels.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


LABELS = {"_comment": "ignored", "hello": {"de": "Hallo {name}", "en": "Hello {name}"},
          "only_en": {"de": "", "en": "English"}}


def test_labels_skip_comments_and_pick_the_language_with_values(tmp_path):
    labels = read_labels(write(tmp_path, LABELS), Refused)
    assert set(labels) == {"hello", "only_en"}
    assert pick_label(labels, "hello", "de", name="Ana") == "Hallo Ana"
    assert pick_label(labels, "hello", "en", name="Ana") == "Hello Ana"
    assert pick_label(labels, "hello", "fr", name="Ana") == "Hello Ana"
    assert pick_label(labels, "only_en", "de") == "English"
    assert pick_label(labels, "hello", "de") == "Hallo {name}"
    with pytest.raises(KeyError):
        pick_label(labels, "missing", "de")


def test_labels_from_a_section_and_a_missing_optional_section(tmp_path):
    path = write(tmp_path, {"cli": {"x": {"de": "X-de", "en": "X-en"}}, "other": 3})
    assert read_labels(path, Refused, "cli") == {"x": {"de": "X-de", "en": "X-en"}}
    assert read_labels(path, Refused, "pdf", required=False) == {}
    with pytest.raises(Refused, match=r"^labels\.json: needs an object 'pdf'$"):
        read_labels(path, Refused, "pdf")
    with pytest.raises(Refused, match=r"^labels\.json: needs an object 'other'$"):
        read_labels(path, Refused, "other", required=False)


@pytest.mark.parametrize("texts", [{"de": "nur deutsch"}, {"en": "only English"}, "text",
                                   {"de": 1, "en": "x"}])
def test_a_label_without_both_languages_is_refused_with_its_key(tmp_path, texts):
    with pytest.raises(Refused, match=r"^labels\.json: label 'greeting' needs German and English texts$"):
        read_labels(write(tmp_path, {"greeting": texts}), Refused)


def test_a_file_that_is_no_json_object_is_refused_with_its_name(tmp_path):
    with pytest.raises(Refused, match=r"^labels\.json: the top level must be an object$"):
        read_json_object(write(tmp_path, [1, 2]), Refused)
    with pytest.raises(Refused, match=r"^broken\.json: cannot read: "):
        read_json_object(write(tmp_path, "{", "broken.json"), Refused)
    with pytest.raises(Refused, match=r"^missing\.json: cannot read: "):
        read_json_object(tmp_path / "missing.json", Refused)
    assert read_json_object(write(tmp_path, {"ä": "ö"}), Refused) == {"ä": "ö"}


def test_bilingual_texts_need_both_languages():
    assert bilingual({"name": {"de": "D", "en": "E"}}, "name", "here", Refused) == ("D", "E")
    assert bilingual({"name": {"de": "", "en": ""}}, "name", "here", Refused) == ("", "")
    for entry in ({}, {"name": "D"}, {"name": {"de": "D"}}, {"name": {"de": "D", "en": None}}):
        with pytest.raises(Refused, match=r"^here: 'name' needs German and English texts$"):
            bilingual(entry, "name", "here", Refused)


def test_a_task_function_is_named_in_german_or_else_english():
    function = TaskFunction("f", Zone.SALES, "Vertrieb", "Sales")
    assert function.name("de") == "Vertrieb"
    assert function.name("en") == "Sales"
    assert function.name("fr") == "Sales"


def test_deck_entries_need_objects_with_a_text_id():
    assert _entries({}, "cards", "d.json") == []
    assert _entries({"cards": [{"id": "a"}, {"id": "b", "x": 1}]}, "cards", "d.json") == [
        ("a", {"id": "a"}), ("b", {"id": "b", "x": 1})]
    cases = [({"cards": {}}, r"^d\.json: 'cards' must be a list$"),
             ({"cards": [{"id": "a"}, 3]}, r"^d\.json: entry 2 of 'cards' must be an object$"),
             ({"cards": [{"id": " "}]}, r"^d\.json: entry 1 of 'cards' needs an id \(a text\)$"),
             ({"cards": [{"id": 7}]}, r"^d\.json: entry 1 of 'cards' needs an id \(a text\)$")]
    for data, message in cases:
        with pytest.raises(DeckError, match=message):
            _entries(data, "cards", "d.json")


def test_the_reference_board_of_a_small_deck_places_only_cards_with_a_known_function():
    functions = load_functions()
    known = next(iter(functions.values()))
    deck = Deck("d", "D", "D", (Card("a", "A", "A", known.id), Card("b", "B", "B", None),
                               Card("c", "C", "C", "no-such-function")))
    board = reference_board(deck)
    assert board.zone_of("a") is known.reference
    assert board.zone_of("b") is Zone.UNPLACED and board.zone_of("c") is Zone.UNPLACED
    assert [card.id for card in deck.board().cards_in(Zone.UNPLACED)] == ["a", "b", "c"]


TWO = {"de": "D", "en": "E"}


def test_a_minimal_deck_reads_its_cards_in_file_order_with_its_name_and_id(tmp_path):
    function = next(iter(load_functions()))
    path = write(tmp_path, {"name": {"de": "Mini", "en": "Mini-en"}, "cards": [
        {"id": "b", "text": {"de": "B", "en": "B-en"}, "function": function},
        {"id": "a", "text": {"de": "A", "en": "A-en"}}]}, "mini.json")
    deck = read_deck(path)
    assert (deck.id, deck.name_de, deck.name_en) == ("mini", "Mini", "Mini-en")
    assert deck.cards == (Card("b", "B", "B-en", function), Card("a", "A", "A-en", None))
    named = write(tmp_path, {"id": "own", "name": TWO, "cards": []}, "x.json")
    assert read_deck(named).id == "own" and read_deck(named).cards == ()


@pytest.mark.parametrize("data, message", [
    ({"name": TWO, "cards": [{"id": "a", "text": TWO}, {"id": "a", "text": TWO}]},
     r"^d\.json: card ids repeat$"),
    ({"cards": []}, r"^d\.json: 'name' needs German and English texts$"),
    ({"name": TWO, "cards": {}}, r"^d\.json: 'cards' must be a list$"),
    ({"name": TWO, "cards": [{"id": "a", "text": {"de": "nur"}}]},
     r"^d\.json: card 'a': 'text' needs German and English texts$"),
    ("{", r"^d\.json: cannot read: "),
    ({"name": TWO, "cards": [{"id": "a", "text": TWO, "function": "nope"}]},
     r"^d\.json: card 'a': unknown function 'nope'$"),
])
def test_a_broken_deck_is_refused_with_one_line(tmp_path, data, message):
    with pytest.raises(DeckError, match=message):
        read_deck(write(tmp_path, data, "d.json"))


def test_a_functions_file_reads_each_function_with_its_reference_zone(tmp_path):
    path = write(tmp_path, {"functions": [
        {"id": "x", "reference": "sales", "name": {"de": "X-de", "en": "X-en"}},
        {"id": "y", "reference": "shared", "name": TWO}]}, "f.json")
    functions = read_functions(path)
    assert list(functions) == ["x", "y"]
    assert functions["x"] == TaskFunction("x", Zone.SALES, "X-de", "X-en")
    assert functions["y"].reference is Zone.SHARED


@pytest.mark.parametrize("data, message", [
    ({"functions": []}, r"^f\.json: no functions$"),
    ({}, r"^f\.json: no functions$"),
    ({"functions": [{"id": "x", "reference": "unplaced", "name": TWO}]},
     r"^f\.json: function 'x': reference must be marketing, shared or sales$"),
    ({"functions": [{"id": "x", "name": TWO}]}, r"^f\.json: function 'x': reference must be"),
    ({"functions": [{"id": "x", "reference": "sales", "name": {"de": "X"}}]},
     r"^f\.json: function 'x': 'name' needs German and English texts$"),
])
def test_a_broken_functions_file_is_refused_with_one_line(tmp_path, data, message):
    with pytest.raises(DeckError, match=message):
        read_functions(write(tmp_path, data, "f.json"))


def test_a_label_file_that_is_not_json_is_refused_with_the_loaders_error(tmp_path):
    with pytest.raises(Refused, match=r"^broken\.json: cannot read: "):
        read_labels(write(tmp_path, "{", "broken.json"), Refused)


@pytest.mark.parametrize("data, message", [
    ("[", r"^f\.json: cannot read: "),
    ({"functions": {}}, r"^f\.json: 'functions' must be a list$"),
])
def test_a_functions_file_that_is_no_list_of_functions_is_refused(tmp_path, data, message):
    with pytest.raises(DeckError, match=message):
        read_functions(write(tmp_path, data, "f.json"))
