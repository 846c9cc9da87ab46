"""The board file's edges (domain/boardfile.py), found by `make mutation`: the exact size limit and its
one-line message, texts in one language only, deck cards with an edited text or function, the type
names the CLI's one-line errors use, and what the writer puts on disk."""

from __future__ import annotations

import json

import pytest

from workshop_app.domain import boardfile
from workshop_app.domain.boardfile import (
    BoardFileError,
    board_to_dict,
    board_to_json,
    parse_board,
    parse_json,
    read_text,
    type_name,
    write_board,
)
from workshop_app.domain.deck import Deck, load_functions
from workshop_app.domain.model import Board, Card, Zone

FUNCTION = next(iter(load_functions()))
OTHER_FUNCTION = list(load_functions())[1]
DECK = Deck("mini", "Mini", "Mini", (Card("d1", "Deck de", "Deck en", FUNCTION),
                                     Card("d2", "Zwei", "Two", None)))
EMPTY = '{"cards": []}'


def padded(size: int) -> str:
    return EMPTY + " " * (size - len(EMPTY))


def test_a_file_of_exactly_the_limit_is_read_and_one_character_more_is_refused(monkeypatch, tmp_path):
    monkeypatch.setattr(boardfile, "MAX_FILE_BYTES", 1_500_000)
    assert len(parse_board(padded(1_500_000), DECK)) == 2
    assert parse_json(padded(1_500_000)) == {"cards": []}
    with pytest.raises(BoardFileError, match=r"^too large to be a board file \(1\.6 MB; at most 2 MB\)$"):
        parse_board(padded(1_550_001), DECK)
    with pytest.raises(BoardFileError, match=r"^too large to be a board file \(1\.6 MB; at most 2 MB\)$"):
        parse_json(padded(1_550_001))
    path = tmp_path / "big.json"
    path.write_text(padded(1_500_000))
    assert read_text(path) == padded(1_500_000)
    path.write_text(padded(1_550_001))
    with pytest.raises(BoardFileError, match=r"^big\.json: too large to be a board file \(1\.5 MB; at most "
                                             r"2 MB\)$"):
        read_text(path)


def test_a_card_in_one_language_only_reads_with_the_other_language_empty():
    text = json.dumps({"cards": [
        {"id": "c1", "zone": "sales", "text": {"de": " nur deutsch "}},
        {"id": "c2", "zone": "shared", "text": {"en": "English only"}},
        {"id": "d1", "zone": "marketing", "text": {"en": "edited deck card"}},
    ]})
    board = parse_board(text, DECK)
    assert board.card("c1") == Card("c1", "nur deutsch", "", None, custom=True)
    assert board.card("c2") == Card("c2", "", "English only", None, custom=True)
    assert board.card("d1") == Card("d1", "", "edited deck card", FUNCTION, custom=False)
    assert board.card("c1").text("en") == "nur deutsch"
    again = parse_board(board_to_json(board, DECK), DECK)
    assert {card.id: card for card in again.cards()} == {card.id: card for card in board.cards()}
    assert again.snapshot() == board.snapshot()


def test_a_deck_card_with_an_edited_function_is_written_and_read_back(tmp_path):
    board = DECK.board()
    board.move("d1", Zone.SALES)
    board.edit_card("d1", function=OTHER_FUNCTION)
    board.edit_card("d2", function=FUNCTION)
    entries = {entry["id"]: entry for entry in board_to_dict(board, DECK)["cards"]}
    assert entries["d1"] == {"id": "d1", "zone": "sales", "function": OTHER_FUNCTION}
    assert entries["d2"] == {"id": "d2", "zone": "unplaced", "function": FUNCTION}
    path = tmp_path / "board.json"
    write_board(board, path, DECK)
    again = parse_board(path.read_text(encoding="utf-8"), DECK)
    assert again.card("d1").function == OTHER_FUNCTION and again.card("d2").function == FUNCTION
    board.edit_card("d1", function=None)
    assert parse_board(board_to_json(board, DECK), DECK).card("d1").function is None


def test_a_deck_card_without_a_function_key_keeps_the_decks_function():
    board = parse_board('{"cards": [{"id": "d1", "zone": "sales", "text": "neu"}]}', DECK)
    assert board.card("d1") == Card("d1", "neu", "neu", FUNCTION)
    board = parse_board('{"cards": [{"id": "d1", "zone": "sales", "function": null}]}', DECK)
    assert board.card("d1") == Card("d1", "Deck de", "Deck en", None)


def test_the_written_file_is_indented_utf8_with_a_final_newline(tmp_path):
    board = Board.from_cards([*DECK.cards, Card("c1", "Größe", "size", None, custom=True)],
                             {"c1": Zone.SHARED})
    text = board_to_json(board, DECK)
    assert "Größe" in text and text.endswith("}\n") and '\n  "cards": [\n    {\n' in text
    path = tmp_path / "board.json"
    write_board(board, path, DECK)
    assert path.read_bytes() == text.encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["board.json"]
    assert parse_board(read_text(path), DECK).card("c1").text_de == "Größe"


def test_writing_fails_with_one_line_naming_the_file_and_leaves_nothing(tmp_path):
    target = tmp_path / "missing" / "board.json"
    with pytest.raises(BoardFileError, match=rf"^{target}: cannot write: No such file or directory$"):
        write_board(DECK.board(), target, DECK)
    session = tmp_path / "s.sqlite"
    session.write_bytes(b"SQLite format 3\x00" + bytes(100))
    with pytest.raises(BoardFileError, match=rf"^{session} is a session file \(SQLite\)"):
        write_board(DECK.board(), session, DECK)
    assert session.read_bytes().startswith(b"SQLite format 3\x00")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.sqlite"]


def test_a_card_the_board_refuses_gives_the_boards_reason_as_the_one_line():
    text = '{"cards": [{"id": "c1", "zone": "sales", "text": "bad \\ud800"}]}'
    with pytest.raises(BoardFileError, match=r"^card 'c1': the text holds characters that are not valid "
                                             r"Unicode \(a lone surrogate\)$"):
        parse_board(text, DECK)


@pytest.mark.parametrize("cards, name", [
    ({}, "an object"), ("x", "a string"), (True, "true/false"), (None, "null"), (3, "a number"),
    (2.5, "a number")])
def test_the_one_line_errors_name_the_json_type(cards, name):
    with pytest.raises(BoardFileError, match=rf'^"cards" must be a list, not {name}$'):
        parse_board(json.dumps({"cards": cards}), DECK)
    assert type_name([]) == "a list"
    assert type_name(b"x") == "bytes"


@pytest.mark.parametrize("text, line", [
    ("[" * 100_000, "not valid JSON: nested too deeply"),
    ("1" * 5_000, "not valid JSON: a number is too long"),
    ('{"cards": [[]]}', "card 1: must be an object, not a list"),
    ('{"cards": [{"id": 5}]}', 'card 1: "id" must be a non-empty string, not a number'),
    ('{"cards": [{"id": "c1", "zone": 2}]}', "card 'c1': \"zone\" must be a string, not a number"),
    ('{"cards": [{"id": "c1", "zone": "sales", "function": 3}]}',
     "card 'c1': \"function\" must be a string or null, not a number"),
    ('{"cards": [{"id": "c1", "zone": "sales", "text": 3}]}',
     "card 'c1': \"text\" must be a string or {\"de\": ..., \"en\": ...}, not a number"),
    ('{"cards": [{"id": "c1", "zone": "sales", "text": " "}]}', "card 'c1': \"text\" is empty"),
    ('{"cards": [{"id": "c1", "zone": "sales", "function": "nope", "text": "x"}]}',
     "card 'c1': unknown function 'nope'"),
])
def test_the_cli_line_for_each_broken_card_is_exactly_this(text, line):
    with pytest.raises(BoardFileError) as raised:
        parse_board(text, DECK)
    assert str(raised.value) == line


def test_a_folder_given_as_board_file_is_one_line_naming_it(tmp_path):
    with pytest.raises(BoardFileError) as raised:
        read_text(tmp_path)
    assert str(raised.value) == f"{tmp_path}: cannot read: it is a folder"


def test_the_writer_leaves_out_what_the_deck_already_says_and_writes_one_text_when_both_agree():
    board = Board.from_cards([*DECK.cards, Card("c1", "Same", "Same", None, custom=True),
                              Card("c2", "De", "En", None, custom=True)], {"d1": Zone.SALES})
    entries = {entry["id"]: entry for entry in json.loads(board_to_json(board, DECK))["cards"]}
    assert entries["d1"] == {"id": "d1", "zone": "sales"}
    assert entries["c1"] == {"id": "c1", "zone": "unplaced", "text": "Same", "function": None}
    assert entries["c2"]["text"] == {"de": "De", "en": "En"}


def test_the_top_level_and_the_card_count_are_refused_with_their_exact_lines(monkeypatch):
    for text, line in [("[]", 'the top level must be an object with "cards", not a list'),
                       ("{}", 'the object has no "cards" list')]:
        with pytest.raises(BoardFileError) as raised:
            parse_board(text, DECK)
        assert str(raised.value) == line
    monkeypatch.setattr(boardfile, "MAX_CARDS", 3)
    cards = [{"id": f"c{i}", "zone": "sales", "text": "t"} for i in range(4)]
    assert len(parse_board(json.dumps({"cards": cards[:3]}), DECK)) == 5
    with pytest.raises(BoardFileError) as raised:
        parse_board(json.dumps({"cards": cards}), DECK)
    assert str(raised.value) == "too many cards: 4 (a board holds at most 3)"
