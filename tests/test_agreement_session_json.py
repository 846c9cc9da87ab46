"""The agreement in the session JSON: written by `export --json`, read by `import`, `agreement` and
`export`; bad values refused with one line and no session created."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_sessionfile import assert_equal_sessions, full_session
from test_sessions_cli import cli, one_line_error

from workshop_app.domain.agreement import Handoff, Votes
from workshop_app.domain.model import Zone
from workshop_app.domain.rounds import SOLL
from workshop_app.domain.session import ActionItem
from workshop_app.domain.sessionfile import parse_session, session_to_dict, write_session_file
from workshop_app.storage import read_session


def agreed_session(board):
    """The rounds' full session with an agreement on its Soll board and an accepted next step."""
    session = full_session(board)
    soll = session.rounds.board(SOLL)
    soll.move("field_feedback", Zone.SHARED)
    agreement = session.agreement
    agreement.mark_contested("terms")
    agreement.set_votes("terms", Votes(1, 2, 9))
    agreement.resolve("terms", Zone.SALES, "Kundennähe")
    agreement.mark_contested("advertising")
    agreement.set_handoff("field_feedback", Handoff(Zone.SALES, "Einwände je Kundenfall → Marketing"))
    agreement.set_accepted("kreativlinge", "Die Agentur bleibt ein Jahr")
    session.action_items.append(ActionItem("Visitenkarten anpassen", "Mira", "2026-12-01",
                                           "closing:job_titles"))
    return session


def test_the_agreement_is_about_the_soll_board(board):
    session = agreed_session(board)
    assert session.agreement.board is session.rounds.board(SOLL)
    assert session.agreement.handoff("field_feedback") is not None


def test_session_json_carries_the_agreement_keys_and_reads_back_equal(board):
    session = agreed_session(board)
    data = session_to_dict(session)
    assert data["contested"] == ["terms", "advertising"]
    assert data["votes"] == {"terms": {"marketing": 1, "shared": 2, "sales": 9}}
    assert data["handoffs"] == {"field_feedback": {"lead": "sales",
                                                   "what": "Einwände je Kundenfall → Marketing"}}
    assert data["accepted"] == {"kreativlinge": "Die Agentur bleibt ein Jahr"}
    assert data["closed"] is False and data["actions"][-1]["suggestion"] == "closing:job_titles"
    assert_equal_sessions(session, parse_session(json.dumps(data)))


def test_import_export_and_agreement_on_session_json(tmp_path, capsys, board):
    path = tmp_path / "w.json"
    write_session_file(agreed_session(board), path)
    folder = tmp_path / "sessions"
    folder.mkdir()
    code, out, err = cli(capsys, "import", str(path), "--sessions-dir", str(folder))
    assert code == 0, err
    created = Path(out.strip())
    assert_equal_sessions(agreed_session(board), read_session(created))
    for source in (path, created):
        code, out, err = cli(capsys, "agreement", str(source), "--json")
        assert code == 0, err
        kinds = [(p["kind"], p["card"]) for p in json.loads(out)["open"]]
        assert ("contested", "advertising") in kinds and ("contested", "terms") not in kinds
        assert ("handoff", "field_feedback") not in kinds


@pytest.mark.parametrize(("change", "words"), [
    ({"votes": {"terms": {"marketing": 1, "shared": 2, "sales": -4}}}, ["votes", "terms"]),
    ({"votes": {"terms": {"marketing": 1.5}}}, ["whole number"]),
    ({"handoffs": {"terms": {"lead": "sales", "what": "x"}}}, ["not in the Schnittstelle"]),
    ({"accepted": {"kundenfluesterer": "weil"}}, ["unknown archetype"]),
    ({"closed": "ja"}, ["closed"]),
])
def test_import_refuses_bad_agreement_values_with_one_line(tmp_path, capsys, board, change, words):
    data = session_to_dict(agreed_session(board))
    data.update(change)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    folder = tmp_path / "sessions"
    folder.mkdir()
    code, _, err = cli(capsys, "import", str(path), "--sessions-dir", str(folder))
    one_line_error(code, err, *words)
    assert list(folder.iterdir()) == []
