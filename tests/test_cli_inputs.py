"""Inputs that are not plain files, names that are not UTF-8, and limits that must agree (issue 10:
items 4, 6 and 8). Each case ends within seconds with a result or one line and exit code 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.domain.boardfile import BoardFileError, parse_board
from workshop_app.domain.deck import load_deck
from workshop_app.domain.model import MAX_CARDS, BoardError, Card
from workshop_app.domain.session import SessionInfo
from workshop_app.storage import SessionStore, read_session

PROJECT = Path(__file__).resolve().parents[1]
QUICK_S = 20


def app(*argv: str | bytes, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    return subprocess.run([sys.executable, "-m", "workshop_app", "--lang", "en", *argv], input=stdin,
                          capture_output=True, cwd=PROJECT, env=env, timeout=QUICK_S)


def assert_one_line(done: subprocess.CompletedProcess, *words: str) -> None:
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2 and "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1, err
    for word in words:
        assert word in err, err


def custom_cards_board(count: int) -> dict:
    return {"cards": [{"id": f"c{i}", "text": f"Aufgabe {i}", "zone": "unplaced"} for i in range(count)]}


# --- item 8: FIFOs, devices and standard input ---


@pytest.mark.parametrize("command", [("diagnose",), ("open",), ("new", "--title", "X", "--board")])
def test_a_fifo_gives_one_line_instead_of_hanging(tmp_path, command):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    extra = ("--sessions-dir", str(tmp_path)) if command[0] == "new" else ()
    assert_one_line(app(*command, str(fifo), *extra))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.json"]


def test_diagnose_of_a_device_gives_one_line_quickly():
    assert_one_line(app("diagnose", "/dev/zero"), "/dev/zero")


def test_diagnose_reads_a_board_from_standard_input_whole(tmp_path):
    board = {"cards": [{"id": "needs_analysis", "zone": "marketing"},
                       {"id": "price_negotiation", "zone": "sales"}]}
    done = app("diagnose", "/dev/stdin", "--json", stdin=json.dumps(board).encode())
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["placed"] == 2


# --- item 6: file names that are not UTF-8 ---


def test_a_file_name_that_is_not_utf8_is_listed_and_new_works_in_such_a_folder(tmp_path):
    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9"))
    folder.mkdir()
    Path(os.fsdecode(os.fsencode(folder) + b"/\xff-fremd.sqlite")).write_bytes(b"not a session")
    done = app("new", "--title", "Süd", "--sessions-dir", os.fsencode(folder))
    assert done.returncode == 0, done.stderr
    created = Path(os.fsdecode(done.stdout.rstrip(b"\n")))
    assert read_session(created).info.title == "Süd"
    listing = app("sessions", "--sessions-dir", os.fsencode(folder))
    assert listing.returncode == 0 and b"Traceback" not in listing.stderr, listing.stderr
    assert b"S\xc3\xbcd" in listing.stdout and b"-fremd.sqlite" in listing.stdout
    assert app("diagnose", os.fsencode(created)).returncode == 0


# --- item 4: one card limit, counted the same way everywhere ---


def test_a_board_file_over_the_card_limit_with_the_deck_is_refused():
    deck_size = len(load_deck().cards)
    with pytest.raises(BoardFileError, match="too many cards"):
        parse_board(json.dumps(custom_cards_board(MAX_CARDS - deck_size + 1)))
    assert len(parse_board(json.dumps(custom_cards_board(MAX_CARDS - deck_size)))) == MAX_CARDS


def test_new_refuses_a_board_the_session_could_not_read_back(tmp_path):
    path = tmp_path / "big.json"
    path.write_text(json.dumps(custom_cards_board(1979)))
    assert_one_line(app("new", "--title", "Gross", "--board", str(path), "--sessions-dir",
                        str(tmp_path / "sessions")), "too many cards")


def test_the_board_refuses_a_card_over_the_limit_and_a_full_board_stays_readable(tmp_path):
    deck_size = len(load_deck().cards)
    board = parse_board(json.dumps(custom_cards_board(MAX_CARDS - deck_size)))
    with pytest.raises(BoardError, match="at most"):
        board.add_card(Card("one-more", "Noch eine", "One more", custom=True))
    with SessionStore.create(tmp_path, SessionInfo("Voll"), board) as store:
        store.set_note("c1", "Notiz")
        path = store.path
    session = read_session(path)
    assert len(session.board) == MAX_CARDS and session.notes == {"c1": "Notiz"}
