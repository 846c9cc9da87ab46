"""What a commit writes (storage/event_rows.py, storage/session_rows.py), read from a real session file:
one event row per board record with its zones, indexes and card detail, the session's notes, next steps
and details as rows, and a removed note gone."""

from __future__ import annotations

import json
import sqlite3

import pytest

from workshop_app.domain.model import Card, Zone
from workshop_app.domain.session import ActionItem, SessionInfo
from workshop_app.storage import SessionStore, read_session
from workshop_app.storage.session_rows import write_row_change

INFO = SessionInfo("Zeilen", date="2027-01-02", language="de")


@pytest.fixture
def opened(tmp_path, deck):
    store = SessionStore.create(tmp_path, INFO, deck.board())
    session = store.load()
    store.attach(session.board, commit_each=False)
    yield store, session
    store.close()


def last_events(store: SessionStore, count: int) -> list[dict]:
    return store.events()[-count:]


def test_every_board_record_is_one_event_row_with_its_places(opened, deck):
    store, session = opened
    board = session.board
    first = deck.cards[0].id
    moved = board.move(first, Zone.SALES)
    added = board.add_card(Card("c1", "Größe", "size", None, custom=True), Zone.SHARED, 0)
    edited = board.edit_card("c1", text_en="new size")
    removed = board.remove_card("c1")
    store.commit([moved, added, edited, removed], "redo")
    move, add, edit, remove = last_events(store, 4)
    assert (move["action"], move["kind"], move["card_id"], move["from_zone"], move["from_index"],
            move["to_zone"], move["to_index"], move["detail"]) == (
        "redo", "move", first, "unplaced", 0, "sales", 0, None)
    assert (add["kind"], add["to_zone"], add["to_index"], add["from_zone"]) == ("add", "shared", 0, None)
    assert '"Größe"' in add["detail"] and json.loads(add["detail"])["custom"] is True
    assert edit["kind"] == "edit" and json.loads(edit["detail"]) == {
        "before": {"id": "c1", "text_de": "Größe", "text_en": "size", "function": None, "custom": True},
        "after": {"id": "c1", "text_de": "Größe", "text_en": "new size", "function": None, "custom": True}}
    assert '"Größe"' in edit["detail"]  # as typed, not as \u00f6
    assert (remove["kind"], remove["from_zone"], remove["from_index"], remove["to_zone"]) == (
        "remove", "shared", 0, None)
    assert json.loads(remove["detail"])["text_en"] == "new size"
    assert {event["round"] for event in (move, add, edit, remove)} == {store.round}


def test_notes_next_steps_and_details_are_rows_and_an_emptied_note_is_deleted(opened, deck):
    store, session = opened
    card = deck.cards[0].id
    records = [session.set_note(card, "Preis klären"),
               session.set_action_items([ActionItem("Termin", "Ana", "2027-02-01", "s1"),
                                         ActionItem("Mail")]),
               session.set_info(SessionInfo("Neu", company="Kö", date="2027-01-03", language="en",
                                            participants=["Bo", "Çe"]))]
    store.commit(records)
    kinds = [(e["kind"], e["card_id"], json.loads(e["detail"])) for e in last_events(store, 3)]
    assert kinds[0] == ("note", card, {"note": "Preis klären"})
    assert kinds[1][:2] == ("action_items", None) and kinds[1][2][0] == {
        "what": "Termin", "who": "Ana", "due": "2027-02-01", "suggestion": "s1"}
    assert kinds[2][:2] == ("info", None) and kinds[2][2]["participants"] == ["Bo", "Çe"]
    conn = store.db.conn
    assert conn.execute("SELECT position, what, who, due, suggestion FROM action_items ORDER BY position"
                        ).fetchall() == [(0, "Termin", "Ana", "2027-02-01", "s1"), (1, "Mail", "", "", "")]
    assert conn.execute("SELECT participants FROM session").fetchone()[0] == '["Bo", "Çe"]'
    store.commit([session.set_note(card, "  ")])
    assert conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 0
    path = store.path
    store.close()
    again = read_session(path)
    assert again.notes == {} and again.info.participants == ["Bo", "Çe"] and again.info.company == "Kö"
    assert again.action_items[0].suggestion == "s1"


def test_an_unknown_session_record_is_refused():
    with pytest.raises(TypeError, match="unknown change"):
        write_row_change(sqlite3.connect(":memory:"), object(), "now")
