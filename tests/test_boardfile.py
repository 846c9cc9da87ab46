"""The JSON board file: reading, writing and every refusal."""

from __future__ import annotations

import json

import pytest

from workshop_app.domain.boardfile import (
    BoardFileError,
    board_to_json,
    parse_board,
    read_board,
    write_board,
)
from workshop_app.domain.deck import reference_board
from workshop_app.domain.model import Card, Zone

ISSUE_EXAMPLE = ('{"cards": [{"id": "needs_analysis", "zone": "marketing"}, {"id": "c1", '
                 '"text": "Messestand planen", "function": "advertising", "zone": "shared"}]}')

# (file text, words the one-line message must contain)
BAD_FILES = [
    pytest.param('{"cards": [', "not valid JSON", id="malformed-json"),
    pytest.param('["needs_analysis"]', "top level must be an object", id="wrong-type-top"),
    pytest.param('{"cards": {"id": "terms"}}', '"cards" must be a list', id="wrong-type-cards"),
    pytest.param('{"cards": ["terms"]}', "card 1: must be an object", id="wrong-type-card"),
    pytest.param('{"cards": [{"id": 7, "zone": "sales"}]}', '"id" must be a non-empty string',
                 id="wrong-type-id"),
    pytest.param('{"cards": [{"id": "terms", "zone": 2}]}', '"zone" must be a string',
                 id="wrong-type-zone"),
    pytest.param('{"cards": [{"id": "c1", "zone": "sales", "text": 5}]}', '"text" must be a string',
                 id="wrong-type-text"),
    pytest.param('{"cards": [{"id": "terms", "zone": "middle"}]}', "unknown zone 'middle'",
                 id="unknown-zone"),
    pytest.param('{"cards": [{"id": "terms"}]}', '"zone" is missing', id="missing-zone"),
    pytest.param('{"cards": [{"id": "c1", "zone": "sales", "text": "x", "function": "magic"}]}',
                 "unknown function 'magic'", id="unknown-function"),
    pytest.param('{"cards": [{"id": "c9", "zone": "sales"}]}', "'c9' is not in the deck and has no",
                 id="unknown-id-without-text"),
    pytest.param('{"cards": [{"id": "terms", "zone": "sales"}, {"id": "terms", "zone": "shared"}]}',
                 "duplicate id: card 'terms'", id="duplicate-id"),
    pytest.param('{"cards": [{"id": "c1", "zone": "sales", "text": "  "}]}', '"text" is empty',
                 id="empty-text"),
]


def test_the_issue_example_reads(deck):
    board = parse_board(ISSUE_EXAMPLE)
    assert board.ids_in(Zone.MARKETING) == ("needs_analysis",)
    assert board.ids_in(Zone.SHARED) == ("c1",)
    custom = board.card("c1")
    assert custom.custom and custom.function == "advertising" and custom.text("de") == "Messestand planen"
    # deck cards the file leaves out are unplaced
    assert len(board.ids_in(Zone.UNPLACED)) == len(deck.cards) - 1
    board.check_invariants()


def test_cards_stand_in_file_order_within_a_zone():
    board = parse_board('{"cards": [{"id": "terms", "zone": "sales"}, '
                        '{"id": "price_negotiation", "zone": "sales"}, {"id": "needs_analysis", '
                        '"zone": "sales"}]}')
    assert board.ids_in(Zone.SALES) == ("terms", "price_negotiation", "needs_analysis")


def test_a_board_survives_writing_and_reading(tmp_path):
    board = reference_board()
    board.move("terms", Zone.MARKETING, 0)
    board.add_card(Card("c-fair", "Messe planen", "Plan the fair", "advertising", custom=True),
                   Zone.SHARED, 0)
    board.add_card(Card("c-free", "Kaffee", "Coffee", None, custom=True), Zone.UNPLACED)
    board.edit_card("advertising", text_en="Ads")
    path = tmp_path / "board.json"
    write_board(board, path)
    again = read_board(path)
    assert again.snapshot() == board.snapshot()
    assert again.cards() == board.cards()
    data = json.loads(path.read_text(encoding="utf-8"))
    by_id = {entry["id"]: entry for entry in data["cards"]}
    assert "text" not in by_id["terms"]  # unedited deck cards carry no text
    assert by_id["advertising"]["text"]["en"] == "Ads"
    assert by_id["c-fair"] == {"id": "c-fair", "zone": "shared", "text": {
        "de": "Messe planen", "en": "Plan the fair"}, "function": "advertising"}


def test_text_can_be_given_per_language():
    board = parse_board('{"cards": [{"id": "c1", "zone": "marketing", '
                        '"text": {"de": "Messe", "en": "Fair"}}]}')
    assert board.card("c1").text("de") == "Messe" and board.card("c1").text("en") == "Fair"
    assert board.card("c1").function is None


@pytest.mark.parametrize("text,words", BAD_FILES)
def test_bad_board_files_get_a_one_line_message(text, words):
    with pytest.raises(BoardFileError) as caught:
        parse_board(text)
    message = str(caught.value)
    assert words in message
    assert "\n" not in message


def test_read_board_names_the_file(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"cards": [{"id": "terms", "zone": "middle"}]}', encoding="utf-8")
    with pytest.raises(BoardFileError, match=r"^broken\.json: card 'terms': unknown zone"):
        read_board(path)
    with pytest.raises(BoardFileError, match="no such file"):
        read_board(tmp_path / "missing.json")
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(BoardFileError, match="UTF-8"):
        read_board(binary)


def test_writing_into_a_missing_folder_is_a_board_file_error(tmp_path):
    with pytest.raises(BoardFileError, match="cannot write"):
        write_board(reference_board(), tmp_path / "no" / "such" / "board.json")


def test_board_to_json_is_readable_json():
    text = board_to_json(reference_board())
    data = json.loads(text)
    assert data["version"] == 1 and len(data["cards"]) == 22
