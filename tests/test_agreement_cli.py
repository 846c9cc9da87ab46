"""`workshop-app agreement` and `workshop-app export --charter`, run as real processes on real files."""

from __future__ import annotations

import json

import pytest
from test_diagnose_cli import run_cli

from workshop_app.domain.agreement import Handoff, Votes
from workshop_app.domain.boardfile import write_board
from workshop_app.domain.deck import reference_board
from workshop_app.domain.model import Zone
from workshop_app.domain.session import Session, SessionInfo
from workshop_app.storage import SessionStore


def make_session(folder, board, fill=None, title="Vertrieb Süd"):
    """A session file holding `board` and the agreement `fill(agreement)` builds on it."""
    session = Session(SessionInfo(title=title, language="de", date="2026-11-28"), board)
    if fill:
        fill(session.agreement)
    with SessionStore.create(folder, session.info, board, content=session) as store:
        return store.path


def incomplete(agreement):
    agreement.mark_contested("price_negotiation")
    agreement.set_votes("price_negotiation", Votes(1, 0, 6))


def complete(agreement):
    incomplete(agreement)
    agreement.resolve("price_negotiation", Zone.SALES, "Wer den Kunden kennt, verhandelt")
    agreement.set_handoff("field_feedback", Handoff(Zone.SALES, "Einwände je Kundenfall → Marketing"))
    agreement.set_closed(True)


def test_agreement_json_lists_the_open_points_and_exits_0(tmp_path):
    board = reference_board()
    board.move("terms", Zone.UNPLACED)
    path = make_session(tmp_path, board, incomplete)
    done = run_cli("agreement", str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"complete": False, "closed": False, "open": [
        {"kind": "unplaced", "card": "terms", "archetype": None},
        {"kind": "handoff", "card": "field_feedback", "archetype": None},
        {"kind": "contested", "card": "price_negotiation", "archetype": None}]}


def test_a_complete_closed_agreement_exits_0_too(tmp_path):
    path = make_session(tmp_path, reference_board(), complete)
    done = run_cli("agreement", str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"complete": True, "open": [], "closed": True}
    german = run_cli("agreement", str(path), "--lang", "de")
    assert german.returncode == 0 and "vollständig" in german.stdout
    assert "Abgeschlossen" in german.stdout


def test_the_text_names_each_open_point_in_the_chosen_language(tmp_path):
    board = reference_board()
    for card_id in ("needs_analysis", "product_proposal", "benefit_persuasion"):
        board.move(card_id, Zone.MARKETING)
    path = make_session(tmp_path, board, incomplete)
    english = run_cli("--lang", "en", "agreement", str(path))
    assert english.returncode == 0, english.stderr
    assert "open points: 3" in english.stdout
    assert '"Negotiate prices" is contested' in english.stdout
    assert "still resembles \"The customer-understanders\"" in english.stdout


def test_a_board_file_is_checked_without_an_agreement(tmp_path):
    path = tmp_path / "board.json"
    write_board(reference_board(), path)
    done = run_cli("agreement", str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert [p["kind"] for p in json.loads(done.stdout)["open"]] == ["handoff"]


@pytest.mark.parametrize("content", [b"not json", b'{"cards": 3}', b"SQLite format 3\x00broken"])
def test_a_file_that_cannot_be_used_gives_one_line_and_exit_2(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    done = run_cli("agreement", str(path), "--json")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("workshop-app agreement: ")


def test_a_stored_agreement_with_a_bad_value_is_refused_with_one_line(tmp_path):
    import sqlite3

    path = make_session(tmp_path, reference_board(), complete)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE votes SET dots = -3")
    conn.commit()
    conn.close()
    done = run_cli("agreement", str(path))
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr


# --- export --charter ---


def test_export_charter_writes_markdown_per_side(tmp_path):
    path = make_session(tmp_path, reference_board(), complete)
    out = tmp_path / "charter.md"
    done = run_cli("export", str(path), "--charter", str(out))
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Rollenbeschreibungen (Entwurf)")
    assert "## Marketing" in text and "## Verkauf" in text and "## Warum diese Aufteilung" in text
    marketing, sales = text.split("## Verkauf")[0], text.split("## Verkauf")[1]
    assert "- Werbung" in marketing and "- Preise verhandeln" in sales
    assert "übergibt: Einwände je Kundenfall → Marketing" in sales
    assert "erhält: Einwände je Kundenfall → Marketing" in marketing
    assert "Reibungsverluste" in text  # the article's sentence, from resources/agreement.json


def test_export_charter_and_pdf_together_in_english(tmp_path):
    path = make_session(tmp_path, reference_board(), complete)
    done = run_cli("export", str(path), "--charter", str(tmp_path / "c.md"), "--pdf",
                   str(tmp_path / "s.pdf"), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    assert "## Sales" in (tmp_path / "c.md").read_text(encoding="utf-8")


def test_export_without_a_target_or_into_a_missing_folder_gives_one_line(tmp_path):
    path = make_session(tmp_path, reference_board())
    nothing = run_cli("export", str(path))
    assert nothing.returncode == 2 and nothing.stderr.count("\n") == 1
    missing = run_cli("export", str(path), "--charter", str(tmp_path / "no" / "c.md"))
    assert missing.returncode == 3 and missing.stderr.count("\n") == 1
    assert not (tmp_path / "no").exists()
