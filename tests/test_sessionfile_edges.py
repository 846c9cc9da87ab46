"""The session JSON's less travelled paths: the exact one-line refusals `workshop-app import` prints,
a file on another deck, the active round kept, a file without rounds, group names held to the rules
the window applies, and what the written file looks like."""

from __future__ import annotations

import copy
import json

import pytest

from workshop_app.domain.deck import Deck
from workshop_app.domain.model import MAX_CARDS, Card, Zone
from workshop_app.domain.rounds import GROUP_A, IST, MAX_GROUP_NAME, SOLL, Rounds
from workshop_app.domain.session import Session, SessionInfo
from workshop_app.domain.sessionfile import (
    SessionFileError,
    is_session_data,
    parse_session,
    read_session_file,
    session_from_data,
    session_to_dict,
    session_to_json,
    write_session_file,
)

BASE = {"format": "grenzziehung-session", "version": 1, "title": "T", "date": "2025-06-01",
        "rounds": {"ist": {"cards": [{"id": "terms", "zone": "sales"}]}}}
EMPTY = {"cards": []}


def groups(first: str, second: str = "B") -> dict:
    return {"groups": [{"name": first, "board": EMPTY}, {"name": second, "board": EMPTY}]}


def refusal(change) -> str:
    data = copy.deepcopy(BASE)
    change(data)
    with pytest.raises(SessionFileError) as caught:
        session_from_data(data)
    return str(caught.value)


# --- group names: what the window refuses, the file may not bring in ---


def test_a_group_name_is_taken_up_to_the_windows_limit_with_its_spaces_folded():
    at_limit = "x" * MAX_GROUP_NAME
    session = session_from_data({**BASE, "perception": groups(at_limit, "  Team   Süd ")})
    assert session.rounds.groups == (at_limit, "Team Süd")


def test_a_group_name_past_the_windows_limit_is_refused_with_the_group_named():
    message = refusal(lambda d: d.update(perception=groups("A", "x" * (MAX_GROUP_NAME + 1))))
    assert message == f"perception group 2: a group name has at most {MAX_GROUP_NAME} characters"


# --- the one-line refusals, word for word (what `workshop-app import` prints) ---


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.pop("format"), "this is not a session JSON file (it has no \"format\" key); a board "
                                "file starts a session with `workshop-app new --board FILE`"),
    (lambda d: d.update(format="board"), "\"format\" must be \"grenzziehung-session\", not 'board'"),
    (lambda d: d.update(version="1"), "\"version\" must be a number, not a string"),
    (lambda d: d.update(title=3), "\"title\" must be a string, not a number"),
    (lambda d: d.update(title=" "), "\"title\" is missing or empty"),
    (lambda d: d.update(participants=["Jonas", 5]), "\"participants\" must be a list of names (strings)"),
    (lambda d: d.update(rounds=[]), "\"rounds\" must be an object, not a list"),
    (lambda d: d.update(perception="both"), "\"perception\" must be an object, not a string"),
    (lambda d: d.update(perception={"groups": "AB"}),
     "\"perception\" needs \"groups\": a list of exactly two groups, not a string"),
    (lambda d: d.update(perception={"groups": [3, {"name": "B"}]}),
     "perception group 1 must be an object, not a number"),
    (lambda d: d.update(notes={"terms": 5}), "\"notes\" must be an object of card id to text"),
    (lambda d: d.update(actions={"what": "x"}), "\"actions\" must be a list, not an object"),
    (lambda d: d.update(actions=[{"what": "x"}, 7]), "action 2: must be an object, not a number"),
    (lambda d: d.update(actions=[{"what": 5}]), "action 1: \"what\" must be a string, not a number"),
    (lambda d: d.update(actions=[{"what": "x", "who": ["A"]}]),
     "action 1: \"who\" must be a string, not a list"),
    (lambda d: d.update(actions=[{"what": "x", "suggestion": 1}]),
     "action 1: \"suggestion\" must be a string, not a number"),
])
def test_bad_input_is_refused_with_exactly_this_line(change, message):
    assert refusal(change) == message


def test_boards_that_together_hold_more_cards_than_a_board_can_are_refused():
    def custom(prefix: str) -> dict:
        return {"cards": [{"id": f"{prefix}{n}", "text": "x", "zone": "sales"}
                          for n in range(MAX_CARDS // 2 + 1)]}
    message = refusal(lambda d: d.update(rounds={"ist": custom("i"), "soll": custom("s")}))
    assert message == (f"too many cards: a board holds at most {MAX_CARDS} (deck and custom cards "
                       "together)")


def test_only_an_object_with_a_format_claims_to_be_a_session_file():
    assert is_session_data({"format": "anything"})
    assert not is_session_data({"cards": []}) and not is_session_data(["format"])


# --- what is read ---


def test_a_file_without_rounds_has_every_card_in_the_tray_of_ist():
    data = {key: value for key, value in BASE.items() if key != "rounds"}
    session = session_from_data(data)
    assert session.rounds.names() == [IST] and not list(session.board.placed())


def test_the_active_round_is_kept_when_it_is_ist_while_soll_has_started(board):
    rounds = Rounds({IST: board})
    rounds.start_soll()
    rounds.switch(IST)
    session = Session(SessionInfo("T"), rounds.board(), rounds=rounds, round=IST)
    data = session_to_dict(session)
    assert data["active_round"] == "ist"
    assert session_from_data(data).round == IST
    rounds.switch(SOLL)
    assert session_to_dict(session)["active_round"] == "soll"


# --- another deck ---

SMALL_DECK = Deck("klein", "Klein", "Small", (Card("d1", "Eins", "One"), Card("d2", "Zwei", "Two")))


def test_a_session_on_another_deck_is_written_with_card_ids_only_and_read_back_on_it():
    rounds = Rounds({IST: SMALL_DECK.board()})
    rounds.board(IST).move("d1", Zone.SALES)
    rounds.start_perception(["A", "B"])
    rounds.board(GROUP_A).move("d2", Zone.MARKETING)
    session = Session(SessionInfo("T"), rounds.board(), rounds=rounds, round=rounds.active)
    data = json.loads(session_to_json(session, SMALL_DECK))
    assert data["rounds"]["ist"]["cards"] == [{"id": "d1", "zone": "sales"},
                                              {"id": "d2", "zone": "unplaced"}]
    assert data["perception"]["groups"][0]["board"]["cards"][0] == {"id": "d2", "zone": "marketing"}
    again = parse_session(json.dumps(data), SMALL_DECK)
    assert again.rounds.board(IST).cards() == list(SMALL_DECK.cards)
    assert again.rounds.board(GROUP_A).zone_of("d2") is Zone.MARKETING


# --- the written file ---


def test_the_file_is_readable_json_one_key_a_line_with_text_as_typed(tmp_path, board):
    session = Session(SessionInfo("Vertrieb Süd", participants=["Zoë"]), board)
    path = tmp_path / "session.json"
    write_session_file(session, path)
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[:3] == ["{", ' "format": "grenzziehung-session",', ' "version": 1,']
    assert '"title": "Vertrieb Süd"' in text and '"Zoë"' in text and text.endswith("}\n")
    assert read_session_file(path).info == session.info


def test_a_file_that_cannot_be_written_is_refused_with_the_session_files_error(tmp_path, board):
    with pytest.raises(SessionFileError, match="cannot write"):
        write_session_file(Session(SessionInfo("T"), board), tmp_path / "missing" / "s.json")
