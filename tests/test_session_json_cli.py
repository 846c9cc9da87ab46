"""`export --json`, `import`, and `diagnose --round` / `export --pdf` on session JSON files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pdf_helpers import all_text
from test_sessionfile import assert_equal_sessions, full_session
from test_sessions_cli import cli, one_line_error

from workshop_app.domain.sessionfile import read_session_file, write_session_file
from workshop_app.storage import SessionStore, read_session


@pytest.fixture
def session_json(tmp_path, board) -> Path:
    path = tmp_path / "workshop.json"
    write_session_file(full_session(board), path)
    return path


def test_import_then_export_gives_back_an_equal_session(tmp_path, capsys, session_json, board):
    folder = tmp_path / "sessions"
    folder.mkdir()
    code, out, err = cli(capsys, "import", str(session_json), "--sessions-dir", str(folder))
    assert code == 0 and err == ""
    created = Path(out.strip())
    assert created.parent == folder and created.suffix == ".sqlite"
    assert_equal_sessions(full_session(board), read_session(created))
    exported = tmp_path / "again.json"
    code, out, _ = cli(capsys, "export", str(created), "--json", str(exported))
    assert code == 0 and out.strip() == str(exported)
    assert json.loads(exported.read_text()) == json.loads(session_json.read_text())
    assert_equal_sessions(read_session_file(exported), read_session(created))


def test_diagnose_chooses_soll_by_default_and_ist_on_request(capsys, tmp_path, board):
    session = full_session(board)
    soll, ist = session.rounds.board("target"), session.rounds.board("as_is")
    for card_id in ("needs_analysis", "product_proposal", "benefit_persuasion"):
        ist.move(card_id, "marketing")
        soll.move(card_id, "sales")
    for card_id in ("price_negotiation", "terms"):
        ist.move(card_id, "sales")
        soll.move(card_id, "sales")
    path = tmp_path / "w.json"
    write_session_file(session, path)
    with SessionStore.create(tmp_path, session.info, session.board, content=session) as store:
        sqlite_path = store.path
    for source in (path, sqlite_path):
        verdicts = {}
        for extra in ([], ["--round", "soll"], ["--round", "ist"]):
            code, out, _ = cli(capsys, "diagnose", str(source), "--json", *extra)
            assert code == 0
            result = json.loads(out)["archetypes"]
            verdicts[tuple(extra)] = next(a["resembles"] for a in result if a["id"] == "kundenversteher")
        assert verdicts == {(): False, ("--round", "soll"): False, ("--round", "ist"): True}


def test_export_pdf_accepts_a_session_json_file(tmp_path, capsys, session_json):
    out_pdf = tmp_path / "w.pdf"
    code, _, err = cli(capsys, "export", str(session_json), "--pdf", str(out_pdf))
    assert code == 0 and err == ""
    assert "Vertrieb Süd" in all_text(out_pdf.read_bytes())


def test_bad_files_give_one_line_and_create_nothing(tmp_path, capsys, session_json):
    folder = tmp_path / "sessions"
    folder.mkdir()
    data = json.loads(session_json.read_text())
    data["perception"]["groups"].append({"name": "Dritte", "board": {"cards": []}})
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    code, out, err = cli(capsys, "import", str(bad), "--sessions-dir", str(folder))
    one_line_error(code, err, "bad.json", "exactly two groups, not 3")
    assert out == "" and list(folder.iterdir()) == []
    code, _, err = cli(capsys, "import", str(tmp_path / "missing.json"), "--sessions-dir", str(folder))
    one_line_error(code, err, "no such file")
    code, _, err = cli(capsys, "diagnose", str(bad))
    one_line_error(code, err, "exactly two groups")
    board_file = tmp_path / "board.json"
    board_file.write_text(json.dumps({"cards": [{"id": "terms", "zone": "sales"}]}))
    code, _, err = cli(capsys, "diagnose", str(board_file), "--round", "soll")
    one_line_error(code, err, "board.json has no Soll round")
    code, _, err = cli(capsys, "export", str(bad), "--json", str(tmp_path / "x.json"))
    one_line_error(code, err, "exactly two groups")
    assert not (tmp_path / "x.json").exists() and list(folder.iterdir()) == []


def test_import_of_a_board_file_says_it_is_not_a_session_json(tmp_path, capsys):
    folder = tmp_path / "sessions"
    folder.mkdir()
    board_file = tmp_path / "board.json"
    board_file.write_text(json.dumps({"cards": [{"id": "terms", "zone": "sales"}]}))
    code, out, err = cli(capsys, "import", str(board_file), "--sessions-dir", str(folder))
    one_line_error(code, err, "board.json", "not a session JSON file", '"format"', "new --board")
    assert "None" not in err and out == "" and list(folder.iterdir()) == []
