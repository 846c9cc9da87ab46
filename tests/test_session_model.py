"""The workshop model (domain/session.py): notes, next steps, details and the board, each change
validated and announced as a record (no Qt)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from workshop_app.domain.model import BoardError, CardMoved, Zone
from workshop_app.domain.session import (
    MAX_NOTE_CHARS,
    ActionItem,
    ActionItemsChanged,
    BoardReplaced,
    InfoChanged,
    NoteChanged,
    Session,
    SessionInfo,
    SessionModelError,
)


@pytest.fixture
def session(board):
    return Session(SessionInfo("Kick-off", company="Acme", language="de"), board)


def test_a_note_is_set_changed_and_removed_with_records(session):
    seen = []
    session.subscribe(seen.append)
    first = session.set_note("terms", "  Nur bis 10 %  ")
    second = session.set_note("terms", "Bis 15 %")
    gone = session.set_note("terms", "   ")
    assert [first, second, gone] == [NoteChanged("terms", "", "Nur bis 10 %"),
                                     NoteChanged("terms", "Nur bis 10 %", "Bis 15 %"),
                                     NoteChanged("terms", "Bis 15 %", "")]
    assert seen == [first, second, gone]
    assert session.notes == {}


def test_a_note_on_an_unknown_card_or_too_long_is_refused_and_changes_nothing(session):
    seen = []
    session.subscribe(seen.append)
    with pytest.raises(BoardError):
        session.set_note("no-such-card", "x")
    with pytest.raises(SessionModelError):
        session.set_note("terms", "x" * (MAX_NOTE_CHARS + 1))
    assert session.notes == {} and seen == []


def test_next_steps_are_replaced_with_a_record_and_need_a_what(session):
    steps = [ActionItem("Verkauf schulen", "Bernd", "2026-06-30")]  # by when: a date (issue 10, item 15)
    record = session.set_action_items(steps)
    assert record == ActionItemsChanged((), tuple(steps))
    assert session.action_items == steps
    with pytest.raises(SessionModelError):
        session.set_action_items([ActionItem("  ", "Anna")])
    assert session.action_items == steps


def test_details_and_rename_announce_before_and_after(session):
    seen = []
    session.subscribe(seen.append)
    before = session.info
    renamed = session.rename("  Kick-off Nord ")
    assert renamed == InfoChanged(before, replace(before, title="Kick-off Nord"))
    changed = session.set_info(replace(session.info, participants=["Anna", "Bernd"]))
    assert changed.after.participants == ["Anna", "Bernd"] and changed.before.participants == []
    assert seen == [renamed, changed]
    assert session.info.title == "Kick-off Nord"


@pytest.mark.parametrize("bad", [{"title": "  "}, {"language": "fr"}, {"participants": [3]}])
def test_bad_details_are_refused(session, bad):
    with pytest.raises(SessionModelError):
        session.set_info(replace(session.info, **bad))
    assert session.info.title == "Kick-off"


def test_the_details_held_are_a_copy(session):
    info = replace(session.info, participants=["Anna"])
    session.set_info(info)
    info.participants.append("Mallory")
    assert session.info.participants == ["Anna"]


def test_board_records_reach_session_listeners_and_follow_a_replaced_board(session, deck):
    seen = []
    unsubscribe = session.subscribe(seen.append)
    session.board.move("terms", Zone.SALES)
    old, new = session.board, deck.board()
    record = session.replace_board(new)
    assert record == BoardReplaced(old, new) and session.board is new
    old.move("advertising", Zone.MARKETING)  # no longer the session's board: not forwarded
    new.move("advertising", Zone.SALES)
    assert [type(r) for r in seen] == [CardMoved, BoardReplaced, CardMoved]
    assert seen[-1].to_zone is Zone.SALES
    unsubscribe()
    new.move("terms", Zone.SALES)
    assert len(seen) == 3


def test_a_copy_of_a_session_leaves_no_listener_on_the_board(session):
    seen = []
    session.subscribe(seen.append)
    copy = replace(session)
    assert copy._listeners == []
    session.board.move("terms", Zone.SALES)
    assert len(seen) == 1


def test_the_session_board_follows_the_active_round_and_round_records_are_forwarded(session):
    from workshop_app.domain.rounds import IST, RoundStarted, RoundSwitched

    seen = []
    session.subscribe(seen.append)
    ist = session.board
    started = session.rounds.start_soll()
    assert isinstance(started, RoundStarted) and session.board is started.board is not ist
    session.board.move("terms", Zone.SALES)  # Soll's board: forwarded
    switched = session.rounds.switch(IST)
    assert isinstance(switched, RoundSwitched) and session.board is ist
    assert [type(r) for r in seen] == [RoundStarted, CardMoved, RoundSwitched]


def test_a_replaced_board_becomes_the_active_rounds_board(session, deck):
    board = deck.board()
    session.replace_board(board)
    assert session.rounds.board() is board
