"""Content of the wrong shape in a real session file (storage/session_reader.py): each case is refused,
by reading and by the store alike, with the one line that names the file and says what is wrong, cut
to a readable length and kept on one line; text SQLite cannot decode is damage; a board holds at most
MAX_CARDS cards; a file with one group name (of two) reads with the default names, one without
participants with none, one in an unknown language in German; a stored timer comes back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from storage_helpers import reference_session_changed_by

from workshop_app.cli import main
from workshop_app.domain.deck import reference_board
from workshop_app.domain.model import MAX_CARDS
from workshop_app.domain.rounds import DEFAULT_GROUPS
from workshop_app.domain.session import Session, SessionInfo
from workshop_app.storage import SessionStore, read_session
from workshop_app.storage.errors import CorruptError, NotASessionError

WRONG_SHAPES = {
    "no_session_row": ("DELETE FROM session", "the session row is missing"),
    "participants_not_a_list": ("""UPDATE session SET participants = '{"Ana": 1}'""",
                                "participants must be a list of names"),
    "title_not_text": ("UPDATE session SET title = x'00'", "session: text expected, found bytes"),
    "participants_not_text": ("UPDATE session SET participants = x'00'",
                              "participants: text expected, found bytes"),
    "noted_card_not_text": ("INSERT INTO notes (card_id, note, updated_at) VALUES (x'00', 'klären', '')",
                            "note: text expected, found bytes"),
    "note_not_text": ("INSERT INTO notes (card_id, note, updated_at) VALUES ('terms', x'00', '')",
                      "note: text expected, found bytes"),
    "empty_card_id": ("UPDATE cards SET id = '' WHERE id = 'terms'", "a card id must be text"),
    "card_id_not_text": ("UPDATE cards SET id = x'01' WHERE id = 'terms'", "a card id must be text"),
    "function_not_text": ("UPDATE cards SET function = x'01' WHERE id = 'terms'",
                          "card 'terms': the function must be text"),
    "custom_not_a_number": ("UPDATE cards SET custom = 'ja' WHERE id = 'terms'",
                            "card 'terms': custom must be 0 or 1"),
    "german_text_not_text": ("UPDATE cards SET text_de = x'00' WHERE id = 'terms'",
                             "card 'terms': text expected, found bytes"),
    "english_text_not_text": ("UPDATE cards SET text_en = x'00' WHERE id = 'terms'",
                              "card 'terms': text expected, found bytes"),
    "zone_not_text": ("UPDATE placements SET zone = x'00' WHERE card_id = 'terms'",
                      "zone: text expected, found bytes"),
    "placed_card_not_text": ("UPDATE placements SET card_id = x'00' WHERE card_id = 'terms'",
                             "card id: text expected, found bytes"),
    "next_step_not_text": ("INSERT INTO action_items (position, what, who, due, suggestion) "
                           "VALUES (0, 'Termin', x'00', '', '')", "action item: text expected, found bytes"),
}


@pytest.mark.parametrize("case", sorted(WRONG_SHAPES))
def test_content_of_the_wrong_shape_is_refused_with_what_is_wrong(tmp_path, case):
    statement, detail = WRONG_SHAPES[case]
    path = reference_session_changed_by(tmp_path, statement)
    expected = f"{path} is an SQLite database but not a Grenzziehung session ({detail})."
    with pytest.raises(NotASessionError) as raised:
        read_session(path)
    assert str(raised.value) == expected
    with SessionStore.open(path) as store, pytest.raises(NotASessionError) as raised:
        store.load()
    assert str(raised.value) == expected


def test_a_long_reason_is_cut_to_200_characters_on_one_line(tmp_path, capsys):
    zone = "violet   " * 40  # a voter's zone no app writes: 360 characters, runs of spaces
    path = reference_session_changed_by(
        tmp_path, "INSERT INTO contests (round, card_id, position) VALUES ('target', 'terms', 0)",
        f"INSERT INTO votes (round, card_id, voter, dots) VALUES ('target', 'terms', '{zone}', 2)")
    detail = " ".join(f"votes for an unknown zone {zone!r}".split())[:200]
    with pytest.raises(NotASessionError) as raised:
        read_session(path)
    assert str(raised.value) == f"{path} is an SQLite database but not a Grenzziehung session ({detail})."
    assert main(["--lang", "en", "diagnose", str(path)]) == 2
    assert capsys.readouterr().err.strip().endswith(f"({detail}).")


@pytest.mark.parametrize("column", ["title", "current_round"])
def test_text_sqlite_cannot_decode_is_damage(tmp_path, column):
    path = reference_session_changed_by(tmp_path, f"UPDATE session SET {column} = CAST(x'ff41' AS TEXT)")
    with pytest.raises(CorruptError) as raised:
        read_session(path)
    assert str(raised.value) == (f"{path} is damaged and cannot be read "
                                 f"(Could not decode to UTF-8 column '{column}' with text '\ufffdA').")


def _with_cards(folder: Path, total: int) -> Path:
    """A session whose board holds `total` cards: the reference board plus custom ones in the tray."""
    path = reference_session_changed_by(folder)
    extra = total - len(reference_board().cards())
    with sqlite3.connect(path) as conn:
        conn.executemany("INSERT INTO cards (id, seq, text_de, text_en, function, custom) "
                         "VALUES (?, ?, ?, ?, NULL, 1)",
                         [(f"c{i}", 100 + i, f"Aufgabe {i}", f"Task {i}") for i in range(extra)])
        conn.executemany("INSERT INTO placements (round, card_id, zone, position) "
                         "VALUES ('as_is', ?, 'unplaced', ?)", [(f"c{i}", 100 + i) for i in range(extra)])
    conn.close()
    return path


def test_a_board_of_at_most_max_cards_is_read_and_one_more_refused(tmp_path):
    full, over = tmp_path / "full", tmp_path / "over"
    full.mkdir()
    over.mkdir()
    assert len(read_session(_with_cards(full, MAX_CARDS)).board) == MAX_CARDS
    path = _with_cards(over, MAX_CARDS + 1)
    with pytest.raises(NotASessionError) as raised:
        read_session(path)
    reason = f"too many cards: {MAX_CARDS + 1} (a board holds at most {MAX_CARDS})"
    assert str(raised.value).endswith(f"({reason}).")


def test_a_file_with_one_group_name_reads_with_the_default_names(tmp_path):
    path = reference_session_changed_by(tmp_path, "INSERT INTO perception_groups (position, name) "
                                                  "VALUES (0, 'Nur eine')")
    assert read_session(path).rounds.groups == DEFAULT_GROUPS["de"]


def test_missing_participants_and_an_unknown_language_read_as_none_and_german(tmp_path):
    path = reference_session_changed_by(tmp_path, "UPDATE session SET participants = NULL, language = 'fr'")
    info = read_session(path).info
    assert info.participants == [] and info.language == "de"


def test_a_stored_timer_is_read_back_with_the_session(tmp_path):
    with SessionStore.create(tmp_path, SessionInfo("Uhr", language="en"), reference_board()) as store:
        session = store.load()
        store.attach(session.board, commit_each=False)
        store.commit([session.timer.set_length(7 * 60)])
        path = store.path
    assert read_session(path).timer.state == session.timer.state
    assert read_session(path).timer.state != Session(SessionInfo("Uhr"), reference_board()).timer.state
