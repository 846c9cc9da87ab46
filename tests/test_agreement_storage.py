"""The agreement in a real session file: each record written in a transaction, read back equal."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from workshop_app.domain.agreement import AGREEMENT_ROUND, Agreement, Handoff, Votes
from workshop_app.domain.agreement_json import agreement_to_json
from workshop_app.domain.deck import reference_board
from workshop_app.domain.model import Zone
from workshop_app.domain.session import SessionInfo
from workshop_app.storage import SessionStore, read_session
from workshop_app.storage.agreement_rows import read_agreement, write_agreement_change

FIXTURES = Path(__file__).parent / "fixtures"


def test_every_agreement_record_is_written_and_read_back(tmp_path):
    board = reference_board()
    store = SessionStore.create(tmp_path, SessionInfo(title="Runde"), board)
    agreement = Agreement(lambda: board)

    store.attach(board, commit_each=False)

    def write(*changes):
        store.commit(changes)

    write(agreement.mark_contested("terms"))
    write(agreement.mark_contested("advertising"))
    write(agreement.set_votes("terms", Votes(3, 0, 5)))
    event = store.events()[-1]
    assert event["kind"] == "contest" and json.loads(event["detail"])["votes"]["sales"] == 5
    moves = []
    board.subscribe(moves.append)
    resolved = agreement.resolve("terms", Zone.SALES, "Kundennähe")
    write(*moves, resolved)  # one undo step: the move and the resolution in one transaction
    write(agreement.set_handoff("field_feedback", Handoff(Zone.MARKETING, "Argumente → Verkauf")))
    write(agreement.set_accepted("kreativlinge", "bewusst"))
    write(agreement.set_closed(True))
    write(agreement.mark_contested("advertising", False))
    store.close()

    session = read_session(store.path)
    again = session.agreement
    assert session.board.zone_of("terms") is Zone.SALES
    assert agreement_to_json(again) == agreement_to_json(agreement)
    assert list(again.contests()) == ["terms"] and again.closed


def test_removing_state_deletes_its_rows(tmp_path):
    board = reference_board()
    store = SessionStore.create(tmp_path, SessionInfo(title="Runde"), board)
    agreement = Agreement(lambda: board)
    with store.db.atomic():
        for change in (agreement.mark_contested("terms"), agreement.set_votes("terms", Votes(1, 1, 1)),
                       agreement.mark_contested("terms", False),
                       agreement.set_handoff("field_feedback", Handoff(Zone.SALES, "x")),
                       agreement.set_handoff("field_feedback", None)):
            write_agreement_change(store.db.conn, change)
    counts = [store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in ("contests", "votes", "handoffs")]
    store.close()
    assert counts == [0, 0, 0]


def test_an_old_session_read_without_migrating_has_an_empty_agreement(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "session_v1.sqlite", path)
    assert read_session(path).agreement.is_empty()


def test_opening_an_old_session_migrates_it_to_hold_an_agreement(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "session_v1.sqlite", path)
    with SessionStore.open(path) as store:
        board = store.load().board
        assert read_agreement(store.db, AGREEMENT_ROUND, Agreement(lambda: board)).is_empty()
        assert "suggestion" in store.db["action_items"].columns_dict


def test_an_imported_session_keeps_its_agreement_and_accepted_next_steps(tmp_path):
    from workshop_app.domain.session import ActionItem, Session

    board = reference_board()
    session = Session(SessionInfo(title="Import"), board,
                      action_items=[ActionItem("Visitenkarten", "Mira", "2026-12-01",
                                               "closing:job_titles")])
    session.agreement.mark_contested("terms")
    session.agreement.set_votes("terms", Votes(0, 2, 4))
    session.agreement.set_accepted("kreativlinge", "bewusst")
    with SessionStore.create(tmp_path, session.info, board, content=session) as store:
        path = store.path
    again = read_session(path)
    assert agreement_to_json(again.agreement) == agreement_to_json(session.agreement)
    assert again.action_items == session.action_items


def test_a_rewrite_after_a_failed_commit_carries_the_agreement(tmp_path):
    from workshop_app.domain.session import Session

    board = reference_board()
    session = Session(SessionInfo(title="Nachholen"), board)
    with SessionStore.create(tmp_path, session.info, board) as store:
        session.agreement.mark_contested("terms")  # never committed: the commit "failed"
        session.agreement.set_handoff("field_feedback", Handoff(Zone.SALES, "Einwände"))
        session.agreement.set_closed(True)
        assert read_session(store.path).agreement.is_empty()
        store.rewrite(session)
        again = read_session(store.path).agreement
    assert agreement_to_json(again) == agreement_to_json(session.agreement)
