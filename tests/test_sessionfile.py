"""The session as JSON: export then import gives an equal session; bad files are refused in one line."""

from __future__ import annotations

import copy
import json

import pytest

from workshop_app.domain.agreement_json import agreement_to_json
from workshop_app.domain.model import Card, Zone
from workshop_app.domain.rounds import GROUP_A, GROUP_B, IST, SOLL, Rounds
from workshop_app.domain.session import ActionItem, Session, SessionInfo
from workshop_app.domain.sessionfile import (
    SessionFileError,
    parse_session,
    session_from_data,
    session_to_dict,
    session_to_json,
)


def full_session(board) -> Session:
    """A session with all three rounds, a custom card, an edited deck card, notes and next steps."""
    rounds = Rounds({IST: board}, groups=("Marketing <b>", "Verkauf & Co"))
    rounds.start_perception()
    rounds.board(GROUP_A).move("terms", Zone.SALES)
    rounds.board(GROUP_A).move("argument_lists", Zone.MARKETING)
    rounds.board(GROUP_B).move("terms", Zone.SALES)
    rounds.board(GROUP_B).move("argument_lists", Zone.SALES)
    rounds.start_ist_from("agreed")
    ist = rounds.board(IST)
    ist.add_card(Card("c1", "Messestand planen", "Plan the fair stand", "advertising", custom=True),
                 Zone.SHARED)
    ist.edit_card("terms", text_de="Konditionen (max. 5 %)")
    ist.move("needs_analysis", Zone.MARKETING)
    rounds.start_soll()
    rounds.board(SOLL).move("needs_analysis", Zone.SALES)
    rounds.board(SOLL).move("c1", Zone.MARKETING, 0)
    info = SessionInfo("Vertrieb Süd", "Acme", "Anna", "2025-06-01", "en", ["Jonas", "Zoë"])
    return Session(info, rounds.board(), {"terms": "Rabatte <i>nur</i> bis 5 %"},
                   [ActionItem("Verkauf schulen", "Jonas", "Q3"), ActionItem("Listen stoppen")],
                   rounds.active, rounds)


def assert_equal_sessions(a: Session, b: Session) -> None:
    assert a.info == b.info
    assert a.notes == b.notes and a.action_items == b.action_items
    assert agreement_to_json(a.agreement) == agreement_to_json(b.agreement)
    assert a.round == b.round and a.rounds.active == b.rounds.active
    assert a.rounds.names() == b.rounds.names() and a.rounds.groups == b.rounds.groups
    for name in a.rounds.names():
        assert a.rounds.board(name).snapshot() == b.rounds.board(name).snapshot(), name
        assert a.rounds.board(name).cards() == b.rounds.board(name).cards(), name


def test_export_then_import_gives_an_equal_session(board):
    session = full_session(board)
    again = parse_session(session_to_json(session))
    assert_equal_sessions(session, again)
    assert again.board is again.rounds.board(SOLL)
    assert [(m.card_id, m.to_zone) for m in again.rounds.moves()] == [
        ("c1", Zone.MARKETING), ("needs_analysis", Zone.SALES)]
    assert session_to_json(again) == session_to_json(session)


def test_custom_cards_appear_in_every_board_that_holds_them(board):
    data = session_to_dict(full_session(board))
    for entries in [data["rounds"]["ist"]["cards"], data["rounds"]["soll"]["cards"],
                    *[group["board"]["cards"] for group in data["perception"]["groups"]]]:
        assert {"id": "c1", "zone": entries[[e["id"] for e in entries].index("c1")]["zone"],
                "text": {"de": "Messestand planen", "en": "Plan the fair stand"},
                "function": "advertising"} in entries


def test_a_file_with_soll_only_has_its_cards_in_ist_in_the_tray_and_defaults(board):
    session = session_from_data({"format": "grenzziehung-session", "version": 1, "title": "T",
                                 "rounds": {"soll": {"cards": [{"id": "terms", "zone": "sales"}]}},
                                 "later_feature": {"ignored": True}})
    assert session.round == SOLL and session.board.zone_of("terms") is Zone.SALES
    assert not list(session.rounds.board(IST).placed())
    assert session.info.language == "de" and session.notes == {} and session.action_items == []


BASE = {"format": "grenzziehung-session", "version": 1, "title": "T", "date": "2025-06-01",
        "rounds": {"ist": {"cards": [{"id": "terms", "zone": "sales"}]}}}


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.update(format="board"), "\"format\" must be"),
    (lambda d: d.update(version=2), "version 2 is not one this app reads"),
    (lambda d: d.update(version="1"), "\"version\" must be a number"),
    (lambda d: d.update(title=3), "\"title\" must be a string, not a number"),
    (lambda d: d.update(title=" "), "\"title\" is missing"),
    (lambda d: d.update(date="01.06.2025"), "\"date\" must be a date YYYY-MM-DD"),
    (lambda d: d.update(date="2025-02-30"), "\"date\" must be a date"),
    (lambda d: d.update(language="fr"), "\"language\" must be de or en"),
    (lambda d: d.update(participants="Jonas"), "\"participants\" must be a list"),
    (lambda d: d.update(rounds=[]), "\"rounds\" must be an object"),
    (lambda d: d["rounds"].update(mitte={"cards": []}), "unknown round 'mitte'"),
    (lambda d: d["rounds"].update(soll={"cards": [{"id": "x9", "zone": "sales"}]}),
     "round 'soll': card 'x9' is not in the deck and has no \"text\""),
    (lambda d: d["rounds"]["ist"]["cards"].append({"id": "terms", "zone": "banana"}),
     "round 'ist': card 'terms': unknown zone 'banana'"),
    (lambda d: d.update(perception={"groups": [{"name": "M", "board": {"cards": []}}]}),
     "exactly two groups, not 1"),
    (lambda d: d.update(perception={"groups": [{"name": "M", "board": {"cards": []}},
                                               {"name": "", "board": {"cards": []}}]}),
     "perception group 2 needs a \"name\""),
    (lambda d: d.update(notes={"nope": "x"}), "\"notes\" names a card that no board holds: 'nope'"),
    (lambda d: d.update(notes=["x"]), "\"notes\" must be an object"),
    (lambda d: d.update(actions=[{"who": "Jonas"}]), "action 1: \"what\" is missing"),
    (lambda d: d.update(actions=[{"what": "x", "due": 5}]), "action 1: \"due\" must be a string"),
    (lambda d: d.update(active_round="soll"), "\"active_round\" names no round"),
    (lambda d: d["rounds"].update(soll={"cards": [{"id": "c", "text": "A", "zone": "sales"}]}) or
     d["rounds"]["ist"]["cards"].append({"id": "c", "text": "B", "zone": "sales"}),
     "card 'c' has a different text or function"),
])
def test_bad_input_is_refused_naming_the_problem(change, message):
    data = copy.deepcopy(BASE)
    change(data)
    with pytest.raises(SessionFileError) as caught:
        session_from_data(data)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_not_json_and_not_an_object_are_one_line():
    with pytest.raises(SessionFileError, match="not valid JSON"):
        parse_session("{\"format\": ")
    with pytest.raises(SessionFileError, match="must be an object, not a list"):
        parse_session(json.dumps([BASE]))
