"""Hostile input: card texts that try to be markup or to break layout and encodings, and board and
session files that are malformed, huge, deeply nested or of the wrong types.

Each one is either handled (the text is kept exactly and shown literally) or refused with a clear
one-line message, within seconds; nothing crashes and nothing on the board is lost.
"""

from __future__ import annotations

import json
import sqlite3
import time

import pytest
from gui_helpers import answer_card_dialogs, drag_card_to, zone_point
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QMessageBox

from workshop_app.domain.boardfile import BoardFileError, board_to_json, parse_board, read_board
from workshop_app.domain.deck import load_deck
from workshop_app.domain.diagnosis import diagnose
from workshop_app.domain.model import PLACED_ZONES, Board, BoardError, Card, Zone
from workshop_app.ui.app import build_window

HOSTILE_TEXTS = {
    "markup": "<b>fett</b> <i>kursiv</i> <img src='/etc/passwd'> <a href='x'>Link</a> &amp; &lt;",
    "control": "Steuer\x00zeichen\x01\x07\x08 \x1b[31mrot\x7f\x9b Ende",
    "long": ("Sehr lange Aufgabe mit vielen Wörtern " * 300)[:10_000],
    "rtl": "مراجعة عروض الأسعار — בדיקת הצעות מחיר",
    "bidi_override": "\u202eevil\u202c Text \u200f\u200e mit Richtungszeichen",
    "emoji": "🚀 Start 👩‍👩‍👧‍👦 🇩🇪 ✅",
    "combining": "Z̸̢͓a̵l̷g̴o̶ " * 60,
    "lines": "erste Zeile\nzweite\tZeile\r\ndritte",
}
LONE_SURROGATE = "Hälfte eines Paars: \ud800 Ende"
QUICK_S = 5.0  # "handled within seconds"


def rendered_tooltip(tooltip: str) -> str:
    """What a tooltip shows: Qt renders text that looks like markup as rich text."""
    document = QTextDocument()
    if QtGui.Qt.mightBeRichText(tooltip):
        document.setHtml(tooltip)
    else:
        document.setPlainText(tooltip)
    return document.toPlainText()


def one_line(message: str) -> bool:
    return bool(message.strip()) and "\n" not in message and "Traceback" not in message


# --- the domain keeps hostile texts exactly ---


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_the_domain_keeps_a_hostile_text_exactly(board, name):
    text = HOSTILE_TEXTS[name].strip()
    board.add_card(Card("custom-x", text, text, "advertising", True), Zone.MARKETING)
    board.edit_card("custom-x", text_en=text + " 2")
    board.check_invariants()
    assert board.card("custom-x").text_de == text
    diagnose(board)
    again = parse_board(board_to_json(board))  # and through a board file
    assert again.card("custom-x") == board.card("custom-x")
    assert again.snapshot() == board.snapshot()


def test_a_text_that_is_not_valid_unicode_is_refused(board):
    before = board.snapshot()
    with pytest.raises(BoardError, match="Unicode"):
        board.add_card(Card("custom-x", LONE_SURROGATE, "ok", None, True))
    with pytest.raises(BoardError, match="Unicode"):
        board.edit_card("terms", text_de=LONE_SURROGATE)
    assert board.snapshot() == before and board.card("terms") == load_deck().board().card("terms")


@pytest.mark.parametrize("bad", [b"bytes", 5, None, ["list"]])
def test_a_text_of_the_wrong_type_is_refused(board, bad):
    with pytest.raises(BoardError):
        board.add_card(Card("custom-x", bad, "ok", None, True))  # type: ignore[arg-type]
    assert "custom-x" not in board


# --- the window shows hostile texts literally and can drag them ---


def type_into_dialog(monkeypatch, text: str) -> None:
    answer_card_dialogs(monkeypatch, text)


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_the_window_adds_shows_and_drags_a_hostile_card(qtbot, window, monkeypatch, name):
    text = HOSTILE_TEXTS[name]
    type_into_dialog(monkeypatch, text)
    window.ask_add_card()
    (card,) = [card for card in window.board.cards() if card.custom]
    assert card.text("en") == text.strip()  # nothing lost, not even of 10,000 characters

    item = window.view.card_item(card.id)
    flat = " ".join(text.split())
    assert item.text == (flat if len(flat) <= len(item.text) else item.text)
    assert item.text.rstrip("…") == flat[: len(item.text.rstrip("…"))]  # plain, only cut short
    assert rendered_tooltip(item.toolTip())  # set, and renders
    window.grab()  # paints the card, the panel and everything else

    drag_card_to(qtbot, window.view, card.id, zone_point(window.view, Zone.SALES))
    assert window.board.zone_of(card.id) is Zone.SALES
    window.board.check_invariants()

    type_into_dialog(monkeypatch, text + " (bearbeitet)")
    window.selection.select(card.id)
    window.ask_edit_card()
    assert window.board.card(card.id).text("en") == (text + " (bearbeitet)").strip()
    window.grab()

    for _ in range(3):
        window.undo_stack.undo()
    assert card.id not in window.board
    for _ in range(3):
        window.undo_stack.redo()
    assert window.board.card(card.id).text("en") == (text + " (bearbeitet)").strip()
    assert window.board.zone_of(card.id) is Zone.SALES


def test_markup_in_a_card_is_never_interpreted(qtbot, window, monkeypatch):
    text = HOSTILE_TEXTS["markup"]
    type_into_dialog(monkeypatch, text)
    window.ask_add_card()
    (card,) = [card for card in window.board.cards() if card.custom]
    item = window.view.card_item(card.id)
    assert "<b>fett</b>" in item.text
    assert rendered_tooltip(item.toolTip()) == text


# --- board files ---


def board_file(tmp_path, text: str | bytes, name: str = "board.json"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def many_cards(count: int) -> str:
    zones = [zone.value for zone in (*PLACED_ZONES, Zone.UNPLACED)]
    return json.dumps({"cards": [{"id": f"c{i}", "text": f"Aufgabe {i}", "zone": zones[i % 4]}
                                 for i in range(count)]})


BAD_BOARD_FILES = {
    "empty": "",
    "not_json": "Marketing | Vertrieb",
    "truncated": '{"cards": [{"id": "terms", "zone": "sa',
    "binary": bytes(range(256)) * 4,
    "utf16": '{"cards": []}'.encode("utf-16"),
    "top_level_list": "[1, 2, 3]",
    "cards_string": '{"cards": "alle"}',
    "card_number": '{"cards": [42]}',
    "id_number": '{"cards": [{"id": 7, "zone": "sales"}]}',
    "zone_list": '{"cards": [{"id": "terms", "zone": ["sales"]}]}',
    "zone_unknown": '{"cards": [{"id": "terms", "zone": "keller"}]}',
    "text_number": '{"cards": [{"id": "c1", "text": 5, "zone": "sales"}]}',
    "text_dict_of_numbers": '{"cards": [{"id": "c1", "text": {"de": 5, "en": 6}, "zone": "sales"}]}',
    "function_list": '{"cards": [{"id": "c1", "text": "x", "zone": "sales", "function": []}]}',
    "duplicate": '{"cards": [{"id": "terms", "zone": "sales"}, {"id": "terms", "zone": "shared"}]}',
    "lone_surrogate": '{"cards": [{"id": "c1", "text": "\\ud800", "zone": "sales"}]}',
    "huge_integer": '{"cards": 1' + "0" * 5000 + "}",
    "nested_100k": "[" * 100_000 + "]" * 100_000,
    "nested_in_cards": '{"cards": [' + '{"a": ' * 100_000 + "1" + "}" * 100_000 + "]}",
    "too_many_cards": many_cards(5000),
    "a_10_mb_string": '{"cards": [{"id": "c1", "zone": "sales", "text": "' + "x" * 11_000_000 + '"}]}',
}


@pytest.mark.parametrize("name", sorted(BAD_BOARD_FILES))
def test_a_bad_board_file_gives_one_clear_line_quickly(tmp_path, name):
    path = board_file(tmp_path, BAD_BOARD_FILES[name])
    started = time.perf_counter()
    with pytest.raises(BoardFileError) as caught:
        read_board(path)
    assert time.perf_counter() - started < QUICK_S
    assert one_line(str(caught.value)) and path.name in str(caught.value)


def test_a_50_megabyte_board_file_is_refused_quickly_by_its_size(tmp_path):
    path = tmp_path / "huge.json"
    with path.open("w", encoding="utf-8") as out:
        out.write('{"cards": [')
        out.write(",".join(['{"id": "c", "text": "' + "x" * 1000 + '", "zone": "sales"}'] * 50_000))
        out.write("]}")
    assert path.stat().st_size > 50_000_000
    started = time.perf_counter()
    with pytest.raises(BoardFileError, match="too large") as caught:
        read_board(path)
    assert time.perf_counter() - started < QUICK_S
    assert one_line(str(caught.value))


def test_a_board_of_a_thousand_cards_is_still_read(tmp_path):
    board = read_board(board_file(tmp_path, many_cards(1000)))
    assert len(board) == 1000 + len(load_deck().cards)
    board.check_invariants()


def test_the_window_refuses_a_bad_board_file_and_keeps_its_board(qtbot, window, tmp_path, monkeypatch):
    window.move_card("terms", Zone.SALES.value, None)
    before = window.board.snapshot()
    messages: list[str] = []
    formats: list[Qt.TextFormat] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: messages.append(box.text())
                        or formats.append(box.textFormat()) or 0)
    for name in ("binary", "nested_100k", "huge_integer", "lone_surrogate", "too_many_cards"):
        assert not window.board_file_actions.open(board_file(tmp_path, BAD_BOARD_FILES[name], name))
    assert len(messages) == 5
    assert set(formats) == {Qt.TextFormat.PlainText}
    assert all("Traceback" not in message for message in messages)
    assert window.board.snapshot() == before


# --- session files ---


def broken_session(tmp_path, board: Board, sql: str, *params):
    """A real session file, then changed behind the app's back with `sql`."""
    from workshop_app.domain.session import SessionInfo
    from workshop_app.storage import SessionStore

    with SessionStore.create(tmp_path, SessionInfo("Feindlich"), board) as store:
        path = store.path
    with sqlite3.connect(path) as conn:
        conn.execute(sql, params)
    return path


SESSION_DAMAGE = {
    "text_as_blob": ("UPDATE cards SET text_de = ? WHERE id = 'terms'", b"\x00\xff bytes"),
    "text_as_number": ("UPDATE cards SET text_en = ? WHERE id = 'terms'", 12345),
    "zone_unknown": ("UPDATE placements SET zone = ? WHERE card_id = 'terms'", "keller"),
    "zone_as_number": ("UPDATE placements SET zone = ? WHERE card_id = 'terms'", 3),
    "participants_nested": ("UPDATE session SET participants = ?", "[" * 100_000 + "]" * 100_000),
    "participants_not_json": ("UPDATE session SET participants = ?", "Anna, Jonas"),
    "id_as_blob": ("UPDATE cards SET id = ? WHERE id = 'terms'", b"terms"),
    "placement_of_unknown_card": ("INSERT INTO placements VALUES ('as_is', ?, 'sales', 0)", "ghost"),
    "lone_surrogate_bytes": ("UPDATE cards SET text_de = CAST(? AS TEXT) WHERE id = 'terms'",
                             b"\xed\xa0\x80"),
}


@pytest.mark.parametrize("name", sorted(SESSION_DAMAGE))
def test_a_session_file_with_wrong_types_is_refused_or_read_cleanly(tmp_path, board, name):
    from workshop_app.storage import SessionError, read_session

    path = broken_session(tmp_path, board, *SESSION_DAMAGE[name])
    try:
        session = read_session(path)
    except SessionError as exc:
        assert one_line(str(exc))
        return
    session.board.check_invariants()  # read: then it must be a sound board of proper texts
    for card in session.board.cards():
        assert isinstance(card.text_de, str) and isinstance(card.text_en, str)
        card.text_de.encode("utf-8")


def huge_session(tmp_path, board: Board, count: int):
    """A real session file with `count` extra custom cards written straight into it."""
    tmp_path.mkdir()
    path = broken_session(tmp_path, board, "UPDATE session SET title = ?", "Riesig")
    zones = [zone.value for zone in (*PLACED_ZONES, Zone.UNPLACED)]
    with sqlite3.connect(path) as conn:
        conn.executemany("INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?)",
                         [(f"c{i}", 100 + i, f"Aufgabe {i}", f"Task {i}", None, 1) for i in range(count)])
        conn.executemany("INSERT INTO placements VALUES ('as_is', ?, ?, ?)",
                         [(f"c{i}", zones[i % 4], 100 + i) for i in range(count)])
    return path


def test_a_session_of_100k_cards_is_refused_quickly_and_a_large_one_read(tmp_path, board):
    from workshop_app.storage import SessionError, SessionStore, read_session

    huge = huge_session(tmp_path / "huge", board, 100_000)
    for read in (read_session, lambda path: SessionStore.open(path).load()):
        started = time.perf_counter()
        with pytest.raises(SessionError, match="too many cards") as caught:
            read(huge)
        assert time.perf_counter() - started < QUICK_S and one_line(str(caught.value))
    large = huge_session(tmp_path / "large", board, 1500)
    started = time.perf_counter()
    assert len(read_session(large).board) == 1500 + len(load_deck().cards)
    assert time.perf_counter() - started < QUICK_S


def test_the_window_reports_a_broken_session_and_keeps_working(qtbot, tmp_path, board, monkeypatch):
    from PySide6.QtCore import QSettings

    from workshop_app.ui.recent_sessions import KEY_LAST

    path = broken_session(tmp_path, board, *SESSION_DAMAGE["text_as_blob"])
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(KEY_LAST, str(path))
    window = build_window("en", sessions_dir=tmp_path, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.grab()
    assert len(shown) == 1 and "Traceback" not in shown[0] and path.name in shown[0]
    assert len(window.board) >= len(load_deck().cards)
    window.move_card("terms", Zone.MARKETING.value, None)
    assert window.board.zone_of("terms") is Zone.MARKETING


# --- the PDF summary ---


def hostile_session(long_participant: bool):
    from workshop_app.domain.model import PLACED_ZONES as SIDES
    from workshop_app.domain.rounds import Rounds
    from workshop_app.domain.session import ActionItem, Session, SessionInfo

    board = load_deck().board()
    for number, text in enumerate(HOSTILE_TEXTS.values()):
        board.add_card(Card(f"c{number}", text.strip(), text.strip(), "advertising", True),
                       SIDES[number % 3])
    participants = [HOSTILE_TEXTS["emoji"], HOSTILE_TEXTS["rtl"]]
    if long_participant:
        participants.append(HOSTILE_TEXTS["long"])
    info = SessionInfo(HOSTILE_TEXTS["markup"], company=HOSTILE_TEXTS["control"],
                       facilitator=HOSTILE_TEXTS["bidi_override"], participants=participants)
    notes = {"c0": HOSTILE_TEXTS["long"], "c1": HOSTILE_TEXTS["control"], "c2": HOSTILE_TEXTS["markup"]}
    items = [ActionItem(HOSTILE_TEXTS["long"], HOSTILE_TEXTS["markup"], HOSTILE_TEXTS["control"])]
    rounds = Rounds({"as_is": board})  # all three rounds: hostile group names, a moved hostile card
    rounds.start_perception((HOSTILE_TEXTS["markup"][:60], HOSTILE_TEXTS["rtl"][:60]))
    rounds.board("perception_a").move("c0", "marketing")
    rounds.board("perception_b").move("c0", "sales")
    rounds.start_soll()
    rounds.board().move("c1", "unplaced")
    return Session(info, rounds.board(), notes, items, rounds.active, rounds)


@pytest.mark.parametrize("long_participant", [False, True])
def test_the_pdf_prints_hostile_texts_literally_or_says_why_not(tmp_path, long_participant):
    from pypdf import PdfReader

    from workshop_app.export import ExportError, write_summary_pdf

    path = tmp_path / "summary.pdf"
    try:
        write_summary_pdf(path, hostile_session(long_participant))
    except ExportError as exc:  # a 10,000-character participant name cannot be laid out
        assert long_participant and one_line(str(exc)) and not path.exists()
        return
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert "<b>fett</b>" in " ".join(text.split())


# --- fuzzing: whatever the file holds, the answer is a board or one clear line ---

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.sampled_from(["terms", "sales", "marketing", "shared", "unplaced", "advertising", "id",
                       "zone", "text", "function", "cards", "de", "en"]),
    lambda children: st.lists(children, max_size=6)
    | st.dictionaries(st.sampled_from(["cards", "id", "zone", "text", "function", "de", "en", "x"]),
                      children, max_size=6),
    max_leaves=40)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_any_json_value_gives_a_board_or_one_line(value):
    try:
        board = parse_board(json.dumps(value))
    except BoardFileError as exc:
        assert one_line(str(exc))
        return
    board.check_invariants()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.fixed_dictionaries(
    {"id": st.sampled_from(["terms", "advertising", "c1", "c2", ""]) | st.text(max_size=5),
     "zone": st.sampled_from(["marketing", "shared", "sales", "unplaced", "x"])},
    optional={"text": st.text(max_size=10) | st.dictionaries(st.sampled_from(["de", "en"]),
                                                              st.text(max_size=5)),
              "function": st.none() | st.sampled_from(["advertising", "terms", "nope"])}),
    max_size=8))
def test_any_list_of_card_entries_gives_a_board_or_one_line(entries):
    try:
        board = parse_board(json.dumps({"cards": entries}))
    except BoardFileError as exc:
        assert one_line(str(exc))
        return
    board.check_invariants()
    again = parse_board(board_to_json(board))
    assert again.snapshot() == board.snapshot()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=10**7), st.integers(0, 255)),
                min_size=1, max_size=30))
def test_a_session_file_with_random_bytes_changed_is_refused_or_read_soundly(tmp_path_factory, flips):
    from workshop_app.domain.session import SessionInfo
    from workshop_app.storage import SessionError, SessionStore, read_session

    folder = tmp_path_factory.mktemp("flip")
    board = load_deck().board()
    board.move("terms", Zone.SALES)
    with SessionStore.create(folder, SessionInfo("Bits"), board) as store:
        path = store.path
    data = bytearray(path.read_bytes())
    for position, value in flips:
        data[position % len(data)] = value
    path.write_bytes(bytes(data))
    for read in (read_session, open_for_writing):
        try:
            session = read(path)
        except SessionError as exc:
            assert one_line(str(exc))
            continue
        session.board.check_invariants()
        for card in session.board.cards():
            assert isinstance(card.text_de, str) and isinstance(card.text_en, str)


def open_for_writing(path):
    """Open a session as the window does (lock, migrations) and load it."""
    from workshop_app.storage import SessionStore

    with SessionStore.open(path) as store:
        return store.load()
