"""What round and agreement records leave in a real session file (storage/round_rows.py,
storage/agreement_rows.py, storage/session_rows.py): the append-only log says which round started from
what, which round was switched to from which, which group was renamed from what to what, and each
agreement step with its values (names as typed, not escaped); the `rounds` table keeps when and from
what each round started; every row a record writes carries its time; agreement and group rows of the
wrong shape are refused with a line that says what is wrong."""

from __future__ import annotations

import json

import pytest
from storage_helpers import reference_session_changed_by

from workshop_app.cli import main
from workshop_app.domain.agreement import Agreement, Handoff, Votes
from workshop_app.domain.deck import reference_board
from workshop_app.domain.model import Zone
from workshop_app.domain.session import NoteChanged, SessionInfo
from workshop_app.storage import SessionStore, read_session
from workshop_app.storage.errors import NotASessionError
from workshop_app.storage.session_rows import write_row_change

INFO = SessionInfo("Runden", language="en")


def logged(store: SessionStore, since: int) -> list[tuple]:
    """(kind, round, card id, detail as stored) of the events after the first `since`."""
    return [(e["kind"], e["round"], e["card_id"], e["detail"]) for e in store.events()[since:]]


def test_round_records_are_logged_with_their_rounds_sources_and_group_names(tmp_path, board):
    store = SessionStore.create(tmp_path, INFO, board)
    rounds = store.load().rounds
    store.attach(rounds.board())
    rounds.subscribe(lambda change: store.write_round_change(change, rounds))
    start = len(store.events())
    rounds.start_perception(("Marketing", "Vertrieb Süd"))
    rounds.rename_group(1, "Verkauf Nord")
    rounds.switch("perception_b")
    rounds.start_ist_from("b")
    events = logged(store, start)
    store.close()
    assert [(kind, name, card, json.loads(detail)) for kind, name, card, detail in events] == [
        ("round_start", "perception_b", None, {"round": "perception_b", "source": ""}),
        ("round_start", "perception_a", None, {"round": "perception_a", "source": ""}),
        ("group_name", "perception_a", None, {"index": 1, "before": "Vertrieb Süd",
                                              "after": "Verkauf Nord"}),
        ("round_switch", "perception_b", None, {"round": "perception_b", "from": "perception_a"}),
        ("round_start", "as_is", None, {"round": "as_is", "source": "b"})]
    assert '"Vertrieb Süd"' in events[2][3]  # the log holds the name as typed, not as \u00fc


def test_the_rounds_table_keeps_when_and_from_what_each_round_started(tmp_path, board):
    store = SessionStore.create(tmp_path, INFO, board)
    rounds = store.load().rounds
    store.attach(rounds.board(), commit_each=False)
    started, records = len(store.events()), []
    rounds.subscribe(records.append)
    rounds.start_perception(("A", "B"))
    rounds.start_ist_from("agreed")
    rounds.start_soll()
    for record in records:
        store.commit([record])  # round records committed like any other record (one undo step)
    times = {e["round"]: e["at"] for e in store.events()[started:] if e["kind"] == "round_start"}
    rows = store.db.execute("SELECT name, position, started_at, source FROM rounds "
                            "ORDER BY position").fetchall()
    current = store.db.execute("SELECT current_round FROM session").fetchone()[0]
    store.close()
    assert rows == [("perception_a", 0, times["perception_a"], ""),
                    ("perception_b", 1, times["perception_b"], ""),
                    ("as_is", 2, times["as_is"], "agreed"),
                    ("target", 3, times["target"], "ist")]
    assert current == "target" and read_session(store.path).round == "target"


def test_agreement_records_are_logged_with_what_was_decided(tmp_path):
    board = reference_board()
    store = SessionStore.create(tmp_path, INFO, board)
    agreement = Agreement(lambda: board)
    store.attach(board, commit_each=False)
    start = len(store.events())
    store.commit([agreement.mark_contested("terms")])
    store.commit([agreement.set_votes("terms", Votes(1, 0, 2))])
    store.commit([agreement.resolve("terms", Zone.SALES, "Kundennähe")])
    store.commit([agreement.set_handoff("field_feedback", Handoff(Zone.MARKETING, "Argumente → Verkauf"))])
    store.commit([agreement.set_handoff("field_feedback", None)])
    store.commit([agreement.set_accepted("kreativlinge", "bewusst")])
    store.commit([agreement.set_accepted("kreativlinge", None)])
    store.commit([agreement.set_closed(True)])
    store.commit([agreement.mark_contested("terms", False)])
    events = logged(store, start)
    store.close()
    votes = {"marketing": 1, "shared": 0, "sales": 2}
    assert [(kind, card, json.loads(detail)) for kind, _, card, detail in events] == [
        ("contest", "terms", {"votes": {"marketing": 0, "shared": 0, "sales": 0}, "resolution": None}),
        ("contest", "terms", {"votes": votes, "resolution": None}),
        ("contest", "terms", {"votes": votes, "resolution": "Kundennähe"}),
        ("handoff", "field_feedback", {"lead": "marketing", "what": "Argumente → Verkauf"}),
        ("handoff", "field_feedback", None),
        ("accept", None, {"kreativlinge": "bewusst"}),
        ("accept", None, {"kreativlinge": None}),
        ("close", None, True),
        ("contest", "terms", None)]
    assert "Argumente → Verkauf" in events[3][3] and "Kundennähe" in events[2][3]
    assert read_session(store.path).agreement.is_empty() is False


def test_a_row_record_writes_its_time_into_the_rows_it_touches(tmp_path, board):
    with SessionStore.create(tmp_path, INFO, board) as store:
        session = store.load()
        conn = store.db.conn
        with store.db.atomic():
            write_row_change(conn, session.set_note("terms", "klären"), "2027-01-02T10:00:00")
            write_row_change(conn, session.set_info(SessionInfo("Neu", language="de")),
                             "2027-01-02T10:00:01")
        assert conn.execute("SELECT card_id, note, updated_at FROM notes").fetchall() == [
            ("terms", "klären", "2027-01-02T10:00:00")]
        assert conn.execute("SELECT title, language, updated_at FROM session").fetchall() == [
            ("Neu", "de", "2027-01-02T10:00:01")]
        with store.db.atomic():
            write_row_change(conn, NoteChanged("terms", "klären", ""), "2027-01-02T10:00:02")
        assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 0


@pytest.mark.parametrize("statements, words", [
    (["INSERT INTO contests (round, card_id, position, resolution) VALUES ('target', 'terms', 0, NULL)",
      "INSERT INTO votes (round, card_id, voter, dots) VALUES ('target', 'terms', 'purple', 2)"],
     "votes for an unknown zone 'purple'"),
    (["INSERT INTO handoffs (round, card_id, lead, what) VALUES ('target', 'terms', 'shared', 'x')"],
     "a handoff's lead is marketing or sales, not 'shared'"),
    (["INSERT INTO perception_groups (position, name) VALUES (0, x'07')"],
     "group: text expected, found bytes"),
])
def test_agreement_and_group_rows_of_the_wrong_shape_are_refused_with_what_is_wrong(tmp_path, capsys,
                                                                                   statements, words):
    path = reference_session_changed_by(tmp_path, *statements)
    with pytest.raises(NotASessionError) as raised:
        read_session(path)
    assert words in str(raised.value)
    assert main(["--lang", "en", "diagnose", str(path)]) == 2
    assert words in capsys.readouterr().err


def test_a_new_session_records_its_ist_round_as_started_when_the_file_was_made(tmp_path, board):
    with SessionStore.create(tmp_path, INFO, board) as store:
        [created] = [event["at"] for event in store.events() if event["kind"] == "create"]
        rows = store.db.execute("SELECT name, position, started_at, source FROM rounds").fetchall()
    assert rows == [("as_is", 2, created, "")]
