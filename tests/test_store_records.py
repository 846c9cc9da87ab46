"""What SessionStore writes for the records the window commits (storage/store.py): a replaced board, the
whole session after a failed commit, round records, details and next steps; each in the file as the
session holds it, with its event in the log (`events`: kind, do/undo/redo, time, detail) and the time of
the change on the session row. The window attaches without committing each change (it commits itself, to
log do/undo/redo): a replaced board or a new round keeps it that way."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from pathlib import Path

import pytest

from workshop_app.domain.deck import load_deck
from workshop_app.domain.model import Zone
from workshop_app.domain.rounds import IST, SOLL
from workshop_app.domain.session import ActionItem, SessionInfo
from workshop_app.storage import SessionStore, read_session

INFO = SessionInfo("Westrunde", company="Kim & Co", facilitator="Ana", date="2026-11-28", language="en",
                   participants=["Bo", "Cy"])


@pytest.fixture
def window_store(tmp_path):
    """A new session's store, attached to its board as the window attaches it (committing itself)."""
    with SessionStore.create(tmp_path, INFO, load_deck().board()) as store:
        session = store.load()
        store.attach(session.board, commit_each=False)
        yield store, session


def rows(path: Path, sql: str) -> list[tuple]:
    """Rows of the file as another reader sees them (the store keeps its connection open)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def updated_at(path: Path) -> str:
    return rows(path, "SELECT updated_at FROM session WHERE id = 1")[0][0]


def last_event(store: SessionStore) -> dict:
    return store.events()[-1]


def assert_soll_started(store: SessionStore, path: Path) -> None:
    """The last event starts Soll from Ist, at the time the rounds table gives as Soll's start."""
    event = last_event(store)
    assert (event["kind"], event["action"], event["round"]) == ("round_start", "do", SOLL)
    assert json.loads(event["detail"]) == {"round": SOLL, "source": "ist"}
    assert rows(path, f"SELECT started_at FROM rounds WHERE name = '{SOLL}'") == [(event["at"],)]


def test_a_replaced_board_is_logged_with_its_cards_and_keeps_the_window_committing_itself(tmp_path):
    deck = load_deck()
    first, second = (card.id for card in deck.cards[:2])
    with SessionStore.create(tmp_path, INFO, deck.board()) as store:
        path = store.path
        store.attach(store.load().board, commit_each=False)
        board = deck.board()
        board.move(first, Zone.MARKETING)
        store.replace_board(board)
        event = last_event(store)
        assert (event["kind"], event["action"], event["round"]) == ("replace", "do", IST)
        assert json.loads(event["detail"]) == {zone: list(ids) for zone, ids in board.snapshot().items()}
        assert updated_at(path) == event["at"]
        moved = board.move(second, Zone.SALES)  # not committed until the window commits it
        assert read_session(path).board.zone_of(second) is not Zone.SALES
        store.commit([moved], "redo")
        assert last_event(store)["action"] == "redo"
    assert read_session(path).board.snapshot() == board.snapshot()


def test_after_a_failed_commit_the_rewrite_writes_all_the_window_holds_and_saving_goes_on(tmp_path):
    deck = load_deck()
    first, second = (card.id for card in deck.cards[:2])
    with SessionStore.create(tmp_path, INFO, deck.board()) as store:
        path = store.path
        session = store.load()
        store.attach(session.board, commit_each=False)
        # what the window holds and the file missed (its commit failed)
        session.board.move(first, Zone.SHARED)
        session.set_note(first, "klären")
        session.set_info(SessionInfo("Ostrunde", company="B", date="2027-01-02", language="de"))
        session.set_action_items([ActionItem("Termin", who="Ana")])
        session.timer.set_length(600)
        store.rewrite(session)
        event = last_event(store)
        assert (event["kind"], event["action"]) == ("replace", "do")
        assert updated_at(path) == event["at"]
        assert rows(path, "SELECT card_id, note, updated_at FROM notes") == [(first, "klären", event["at"])]
        store.commit([session.board.move(second, Zone.SALES)])  # and saving goes on as before
    again = read_session(path)
    assert again.board.snapshot() == session.board.snapshot()
    assert (again.info, again.notes, again.action_items) == (session.info, session.notes,
                                                             session.action_items)
    assert again.timer.state == session.timer.state


def test_round_records_committed_by_the_window_switch_the_round_the_moves_go_to(window_store):
    store, session = window_store
    path, card = store.path, session.board.cards()[0].id
    with store:
        started = session.rounds.start_soll()
        store.commit([started])
        assert_soll_started(store, path)
        assert store.load().round == SOLL
        store.attach(session.board, commit_each=False)  # as the window does after a round record
        store.commit([session.board.move(card, Zone.SALES)])
        assert last_event(store)["round"] == SOLL
        switched = session.rounds.switch(IST)
        store.commit([switched], "undo")
        event = last_event(store)
        assert (event["kind"], event["action"], event["round"]) == ("round_switch", "undo", IST)
        assert json.loads(event["detail"]) == {"round": IST, "from": SOLL}
    again = read_session(path)
    assert again.round == IST
    assert again.rounds.board(SOLL).zone_of(card) is Zone.SALES
    assert again.rounds.board(IST).zone_of(card) is not Zone.SALES


def test_a_round_record_written_directly_keeps_the_window_committing_itself(window_store):
    store, session = window_store
    path, card, rounds = store.path, session.board.cards()[0].id, session.rounds
    with store:
        store.write_round_change(rounds.start_soll(), rounds)
        assert_soll_started(store, path)
        moved = rounds.board().move(card, Zone.SALES)
        assert read_session(path).board.zone_of(card) is not Zone.SALES  # not committed by itself
        store.commit([moved])
    assert read_session(path).rounds.board(SOLL).zone_of(card) is Zone.SALES


def test_changed_details_and_next_steps_are_logged_with_what_they_became(tmp_path):
    with SessionStore.create(tmp_path, INFO, load_deck().board()) as store:
        path = store.path
        info = SessionInfo("Südrunde", company="B", facilitator="C", date="2027-01-02", language="de",
                           participants=["D"])
        store.update_info(info)
        event = last_event(store)
        assert (event["kind"], event["action"]) == ("info", "do")
        assert json.loads(event["detail"]) == asdict(info)
        assert "Südrunde" in event["detail"]  # the log is for people to read: no \u escapes
        assert updated_at(path) == event["at"]
        card = store.load().board.cards()[0].id
        store.set_note(card, "Grüße")
        event = last_event(store)
        assert (event["kind"], event["action"], event["card_id"]) == ("note", "do", card)
        assert json.loads(event["detail"]) == {"note": "Grüße"}
        assert rows(path, "SELECT card_id, note, updated_at FROM notes") == [(card, "Grüße", event["at"])]
        items = [ActionItem("Termin", who="Ana", due="2027-01-09"), ActionItem("Liste")]
        store.set_action_items(items)
        event = last_event(store)
        assert (event["kind"], event["action"]) == ("action_items", "do")
        assert json.loads(event["detail"]) == [asdict(item) for item in items]


def test_moves_after_a_replaced_board_land_where_they_were_dropped(window_store):
    store, session = window_store
    board = session.board
    a, b, c, d = (card.id for card in board.cards()[:4])
    store.commit([board.move(card, Zone.SALES) for card in (a, b, c)])
    store.commit([board.move(c, Zone.SALES, 1)])  # a c b: c's stored key lies halfway between
    replaced = board.copy()  # the same places, written afresh (keys a gap apart again)
    store.commit([session.replace_board(replaced)])
    store.attach(replaced, commit_each=False)
    store.commit([replaced.move(d, Zone.SALES, 2)])
    assert read_session(store.path).board.ids_in(Zone.SALES) == (a, c, d, b)


def test_a_new_session_is_logged_as_created_and_an_imported_one_stamped_with_that_time(tmp_path, board):
    from test_sessionfile import full_session

    info = SessionInfo("Grüße aus Süd", language="de")
    with SessionStore.create(tmp_path, info, board) as store:
        created = store.events()[0]
        assert (created["kind"], created["action"], created["round"]) == ("create", "do", IST)
        assert json.loads(created["detail"]) == {"title": "Grüße aus Süd"}
        assert "Grüße aus Süd" in created["detail"]  # readable, no \u escapes
        assert rows(store.path, "SELECT name, started_at FROM rounds") == [(IST, created["at"])]
        assert rows(store.path, "SELECT created_at, updated_at FROM session") == [(created["at"],) * 2]
    session = full_session(load_deck().board())
    with SessionStore.create(tmp_path, session.info, session.board, content=session) as store:
        created = store.events()[0]
        assert created["round"] == session.round
        stamps = rows(store.path, "SELECT started_at FROM rounds") + rows(store.path,
                                                                           "SELECT updated_at FROM notes")
        assert stamps == [(created["at"],)] * (len(session.rounds.names()) + len(session.notes))


def test_notes_and_details_committed_by_the_window_carry_the_time_of_their_commit(window_store):
    store, session = window_store
    card = session.board.cards()[0].id
    store.commit([session.set_note(card, "klären"), session.rename("Nordrunde")])
    note, info = store.events()[-2:]
    assert (note["kind"], info["kind"]) == ("note", "info") and note["at"] == info["at"]
    assert rows(store.path, "SELECT card_id, updated_at FROM notes") == [(card, note["at"])]
    assert rows(store.path, "SELECT title, updated_at FROM session") == [("Nordrunde", note["at"])]


def test_a_replaced_board_and_moves_on_it_in_one_commit_are_all_saved(window_store):
    store, session = window_store
    replaced = session.board.copy()
    a, b = (card.id for card in replaced.cards()[:2])
    replacing = session.replace_board(replaced)
    store.commit([replacing, replaced.move(a, Zone.SALES), replaced.move(b, Zone.SALES, 0)])
    assert read_session(store.path).board.ids_in(Zone.SALES) == (b, a)
    assert rows(store.path, "SELECT DISTINCT round FROM placements") == [(IST,)]  # no stray rows
