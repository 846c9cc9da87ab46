"""The session model's less travelled paths (domain/session.py), found by `make mutation`: records are
forwarded only while someone listens (board, timer and rounds alike), a replaced board or a switched
round is followed, notes are trimmed and removed, details are checked at their limits."""

from __future__ import annotations

import gc
import weakref

import pytest

from workshop_app.domain import limits
from workshop_app.domain.model import Board, BoardError, Card, CardMoved, Zone
from workshop_app.domain.rounds import IST, SOLL, RoundSwitched
from workshop_app.domain.session import (
    MAX_NOTE_CHARS,
    ActionItem,
    BoardReplaced,
    InfoChanged,
    NoteChanged,
    Session,
    SessionInfo,
    SessionModelError,
    validated_action_items,
    validated_info,
)


def small_session() -> Session:
    board = Board.from_cards([Card(i, i, i) for i in "abc"])
    return Session(SessionInfo("Runde", date="2027-01-02"), board)


def test_board_and_timer_records_reach_listeners_only_while_subscribed():
    session = small_session()
    seen, other = [], []
    unsubscribe = session.subscribe(seen.append)
    session.subscribe(other.append)
    moved = session.board.move("a", Zone.SALES)
    timed = session.timer.set_length(60)
    assert seen == [moved, timed] and other == [moved, timed]
    unsubscribe()
    unsubscribe()
    session.board.move("b", Zone.SALES)
    assert len(seen) == 2 and len(other) == 3


def test_with_no_listener_left_nothing_stays_subscribed_to_the_board_or_timer():
    session = small_session()
    seen = []
    board_listeners, timer_listeners = len(session.board._listeners), len(session.timer._listeners)
    session.subscribe(seen.append)()
    session.board.move("a", Zone.SALES)
    session.timer.set_length(60)
    assert seen == [] and len(session.board._listeners) == board_listeners
    assert len(session.timer._listeners) == timer_listeners
    session.subscribe(seen.append)
    session.board.move("b", Zone.SALES)
    assert len(seen) == 1 and isinstance(seen[0], CardMoved)


def test_a_replaced_board_is_followed_and_the_old_one_is_not():
    session = small_session()
    seen = []
    session.subscribe(seen.append)
    old, new = session.board, Board.from_cards([Card("x", "x", "x")])
    record = session.replace_board(new)
    assert record == BoardReplaced(old, new) and seen == [record] and session.board is new
    old.move("a", Zone.SALES)
    moved = new.move("x", Zone.SHARED)
    assert seen == [record, moved]
    with pytest.raises(SessionModelError, match="^a session shows a Board$"):
        session.replace_board("board")


def test_a_switched_round_is_followed_and_its_record_forwarded():
    session = small_session()
    seen = []
    session.subscribe(seen.append)
    session.rounds.start_soll()
    assert session.board is session.rounds.board(SOLL) and session.agreement_board() is session.board
    switched = session.rounds.switch(IST)
    assert seen[-1] == switched == RoundSwitched(SOLL, IST) and session.board is session.ist_board()
    moved = session.board.move("c", Zone.MARKETING)
    assert seen[-1] == moved


def test_notes_are_trimmed_a_blank_note_removes_it_and_only_text_on_known_cards_is_taken():
    session = small_session()
    assert session.set_note("a", "  klären  ") == NoteChanged("a", "", "klären")
    assert session.notes == {"a": "klären"}
    assert session.set_note("a", " \n ") == NoteChanged("a", "klären", "")
    assert session.notes == {}
    assert session.set_note("b", "") == NoteChanged("b", "", "")
    with pytest.raises(BoardError):
        session.set_note("zz", "x")
    with pytest.raises(SessionModelError, match="^a note is text$"):
        session.set_note("a", 5)
    assert session.set_note("a", "x" * MAX_NOTE_CHARS).after == "x" * MAX_NOTE_CHARS
    with pytest.raises(SessionModelError):
        session.set_note("a", "x" * (MAX_NOTE_CHARS + 1))
    assert session.notes == {"a": "x" * MAX_NOTE_CHARS}


def test_details_are_checked_and_the_title_trimmed():
    session = small_session()
    record = session.rename("  Neue Runde ")
    assert isinstance(record, InfoChanged) and session.info.title == "Neue Runde"
    assert record.before.title == "Runde"
    good = SessionInfo("T", date="", language="en", participants=["p"] * limits.PARTICIPANTS)
    assert session.set_info(good).after.participants == ["p"] * limits.PARTICIPANTS
    bad = [
        (SessionInfo(" ", date=""), "^a workshop needs a title$"),
        (SessionInfo("T", date="", language="fr"), "^unknown language 'fr'$"),
        (SessionInfo("T", date="", participants=["p"] * (limits.PARTICIPANTS + 1)),
         f"^a workshop has at most {limits.PARTICIPANTS} participants$"),
        (SessionInfo("T", date="", participants=[3]), "^participants are names$"),
        (SessionInfo("T", company=None, date=""), "^workshop details are text$"),
        ("T", "^workshop details are a SessionInfo$"),
    ]
    for info, message in bad:
        with pytest.raises(SessionModelError, match=message):
            session.set_info(info)
    assert session.info.title == "T"


def test_next_steps_need_a_what_and_replace_the_old_ones():
    session = small_session()
    record = session.set_action_items([ActionItem("Termin", "Ana", "2027-02-01")])
    assert record.before == () and record.after == (ActionItem("Termin", "Ana", "2027-02-01"),)
    with pytest.raises(SessionModelError, match="needs a text"):
        session.set_action_items([ActionItem("  ")])
    assert session.action_items == [ActionItem("Termin", "Ana", "2027-02-01")]


def test_agreement_records_reach_listeners_until_the_last_one_leaves():
    session = small_session()
    seen, other = [], []
    leave = session.subscribe(seen.append)
    session.subscribe(other.append)()  # one of two leaves: the agreement is still followed
    marked = session.agreement.mark_contested("a")
    assert seen == [marked] and other == []
    leave()
    session.agreement.mark_contested("b")
    assert seen == [marked]
    session.subscribe(seen.append)  # followed again after everybody had left
    closed = session.agreement.set_closed(True)
    assert seen == [marked, closed]


def test_the_ist_board_stays_the_ist_board_while_soll_is_active():
    session = small_session()
    ist = session.board
    session.rounds.start_soll()
    assert session.board is not ist and session.ist_board() is ist


@pytest.mark.parametrize(("field", "limit", "what"), [
    ("title", limits.TITLE, "a title"),
    ("company", limits.TITLE, "a company"),
    ("facilitator", limits.NAME, "a facilitator's name"),
    ("participants", limits.NAME, "a participant's name"),
])
def test_each_detail_is_taken_up_to_its_limit_and_refused_past_it_by_name(field, limit, what):
    def info(length):
        text = "x" * length
        details = {"title": "  T  ", "date": ""}  # a title counts without its outer blanks
        details[field] = [text] if field == "participants" else f" {text} " if field == "title" else text
        return SessionInfo(**details)

    session = small_session()
    session.set_info(info(limit))
    with pytest.raises(SessionModelError) as refused:
        session.set_info(info(limit + 1))
    assert str(refused.value) == f"{what} holds at most {limit:,} characters ({limit + 1:,} given)"


def test_the_date_length_is_checked_before_the_date_itself():
    with pytest.raises(SessionModelError, match=f"^a date holds at most {limits.DUE} characters"):
        validated_info(SessionInfo("T", date="2027-01-02" * 11))


@pytest.mark.parametrize("date", ["bald", "2027-02-30", "2027-2-3", "20270203", "2027-02-03 "])
def test_a_workshop_date_is_a_real_date_written_yyyy_mm_dd(date):
    with pytest.raises(SessionModelError) as refused:
        validated_info(SessionInfo("T", date=date))
    assert str(refused.value) == f"the workshop's date must be a date (YYYY-MM-DD) or empty, not {date!r}"


def test_a_refused_date_is_quoted_to_its_first_40_characters():
    date = "0123456789" * 5
    with pytest.raises(SessionModelError) as refused:
        validated_info(SessionInfo("T", date=date))
    assert str(refused.value).endswith(f"not {date[:40]!r}")


def test_validated_info_trims_the_title_and_leaves_the_given_details_alone():
    given = SessionInfo("  Runde  ", "ACME", "Mira", "2027-01-02", "en", ["Ana"])
    checked = validated_info(given)
    assert checked == SessionInfo("Runde", "ACME", "Mira", "2027-01-02", "en", ["Ana"])
    assert given.title == "  Runde  " and checked.participants is not given.participants


@pytest.mark.parametrize(("item", "message"), [
    (ActionItem("x" * (limits.STEP + 1)), f"a next step holds at most {limits.STEP:,} characters"),
    (ActionItem("Termin", "x" * (limits.NAME + 1)), f"who holds at most {limits.NAME} characters"),
    (ActionItem("Termin", due="x" * (limits.DUE + 1)), f"by when holds at most {limits.DUE} characters"),
    (ActionItem("Termin", None), "who is text"),
    (ActionItem("Termin", due="bald"), "by when must be a date (YYYY-MM-DD) or empty, not 'bald'"),
    (ActionItem(None), "every next step needs a text saying what is to be done"),
    ("Termin", "every next step needs a text saying what is to be done"),
])
def test_a_next_step_is_refused_with_the_line_the_facilitator_reads(item, message):
    with pytest.raises(SessionModelError) as refused:
        validated_action_items([ActionItem("gut", "Ana", "2027-02-01"), item])
    assert str(refused.value).startswith(message)


def test_next_steps_at_their_limits_are_taken():
    item = ActionItem("x" * limits.STEP, "y" * limits.NAME, "2027-02-01", "closing:job_titles")
    assert validated_action_items(iter([item])) == (item,)


def test_the_agreement_stays_on_the_soll_board_while_ist_is_shown():
    session = small_session()
    assert session.agreement.board is session.ist_board()  # before Soll starts
    session.rounds.start_soll()
    soll = session.rounds.board(SOLL)
    session.rounds.switch(IST)
    assert session.board is session.ist_board() and session.agreement.board is soll


def test_a_dropped_session_copy_leaves_the_rounds_working():
    session = small_session()
    rounds = session.rounds
    seen = []
    rounds.subscribe(seen.append)
    dropped = weakref.ref(session)
    del session
    gc.collect()
    assert dropped() is None
    started = rounds.start_soll()  # the dropped session's listener leaves quietly
    switched = rounds.switch(IST)
    assert seen == [started, switched]
