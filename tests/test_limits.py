"""Input lengths have one limit each, far beyond any real workshop, refused with one clear line; a
session with every text at its limit still exports (issue 10, item 8)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from pypdf import PdfReader

from workshop_app.domain import limits
from workshop_app.domain.boardfile import BoardFileError, parse_board
from workshop_app.domain.deck import load_deck
from workshop_app.domain.model import BoardError, Card
from workshop_app.domain.session import ActionItem, Session, SessionInfo, SessionModelError


def test_each_text_is_refused_one_character_past_its_limit(board):
    session = Session(SessionInfo("Grenzen"), board)
    card_id = board.cards()[0].id
    cases = [
        (lambda n: board.edit_card(card_id, text_de="k" * n), limits.CARD_TEXT, BoardError),
        (lambda n: board.add_card(Card(f"c{n}", "x" * n, "y", custom=True)), limits.CARD_TEXT, BoardError),
        (lambda n: session.rename("t" * n), limits.TITLE, SessionModelError),
        (lambda n: session.set_info(SessionInfo("T", company="c" * n)), limits.TITLE, SessionModelError),
        (lambda n: session.set_info(SessionInfo("T", facilitator="f" * n)), limits.NAME, SessionModelError),
        (lambda n: session.set_info(SessionInfo("T", participants=["p" * n])), limits.NAME,
         SessionModelError),
        (lambda n: session.set_note(card_id, "n" * n), limits.NOTE, SessionModelError),
        (lambda n: session.set_action_items([ActionItem("w" * n)]), limits.STEP, SessionModelError),
        (lambda n: session.set_action_items([ActionItem("w", who="p" * n)]), limits.NAME,
         SessionModelError),
    ]
    for change, limit, error in cases:
        change(limit)  # at the limit: accepted
        with pytest.raises(error, match=f"at most {limit:,}") as raised:
            change(limit + 1)
        assert "\n" not in str(raised.value)


def test_too_many_participants_are_refused(board):
    session = Session(SessionInfo("Grenzen"), board)
    with pytest.raises(SessionModelError, match="participants"):
        session.set_info(SessionInfo("T", participants=[f"P{i}" for i in range(limits.PARTICIPANTS + 1)]))


def test_a_board_file_with_an_overlong_card_text_is_refused():
    text = json.dumps({"cards": [{"id": "c1", "text": "x" * (limits.CARD_TEXT + 1), "zone": "sales"}]})
    with pytest.raises(BoardFileError, match="at most"):
        parse_board(text)


@pytest.mark.parametrize("option", ["--title", "--company", "--facilitator", "--participant"])
def test_new_refuses_an_overlong_detail_with_one_line(tmp_path, option):
    argv = ["--title", "T"] if option != "--title" else []
    done = subprocess.run([sys.executable, "-m", "workshop_app", "--lang", "en", "new", *argv, option,
                           "x" * 20_000, "--sessions-dir", str(tmp_path)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "at most" in done.stderr
    assert list(tmp_path.iterdir()) == []


def _long_session(length: int) -> Session:
    board = load_deck().board()
    board.edit_card("terms", text_de="Wort " * (length // 5), text_en="word " * (length // 5))
    board.move("terms", "sales")
    info = SessionInfo("Titel " * (length // 6), company="Firma " * (length // 6), language="de",
                       facilitator="N" * min(length, limits.NAME))
    return Session(info, board, notes={"terms": "Notiz " * (length // 6)},
                   action_items=[ActionItem("Schritt " * (length // 8), "Wer", "2030-01-01")])


def test_every_text_at_its_limit_exports_legibly(tmp_path):
    from workshop_app.export import write_summary_pdf

    session = _long_session(limits.TITLE)
    session.board.edit_card("terms", text_de="Z" * limits.CARD_TEXT)
    path = write_summary_pdf(tmp_path / "limits.pdf", session)
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Titel Titel" in text and "ZZZZZZZZ" in text
