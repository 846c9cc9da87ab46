"""SessionStore's failure paths and the writes the GUI tests reached alone (storage/store.py), found by
`make mutation`: a failed create leaves no file and no lock, a failed open keeps the file and releases
the lock, a replaced board, changed details and an edited card function read back from the file."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat

import pytest
from storage_helpers import as_unprivileged_user, folder_for_everyone

from workshop_app.domain.deck import load_deck, load_functions
from workshop_app.domain.model import Zone
from workshop_app.domain.session import ActionItem, SessionInfo
from workshop_app.storage import SessionStore, files, read_session, schema
from workshop_app.storage import store as store_module
from workshop_app.storage.errors import (
    FileReadOnlyError,
    LockedError,
    NewerSchemaError,
    NotASessionError,
    SessionError,
    WriteFailedError,
)
from workshop_app.storage.lock import SessionLock

NAME = f"{dt.date.today().isoformat()}-nordrunde.sqlite"  # new sessions are named by the day they are made
INFO = SessionInfo("Nordrunde", company="Kim & Co", facilitator="Ana", date="2026-11-28", language="en",
                   participants=["Bo", "Cy"])


def read_deck_id(path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT deck_id FROM session").fetchone()[0]
    finally:
        conn.close()


def failing(exception: BaseException):
    def fail(*args, **kwargs):
        raise exception
    return fail


@pytest.mark.parametrize("exception, raised", [
    (sqlite3.OperationalError("disk I/O error"), WriteFailedError),
    (OSError(28, "No space left on device"), WriteFailedError),
    (NewerSchemaError(path="x"), NewerSchemaError),
    (KeyboardInterrupt(), KeyboardInterrupt),
])
def test_a_failed_migration_on_create_leaves_no_file_and_no_lock(tmp_path, monkeypatch, exception, raised):
    monkeypatch.setattr(schema.MIGRATIONS, "apply", failing(exception))
    with pytest.raises(raised):
        SessionStore.create(tmp_path, INFO, load_deck().board())
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    with SessionStore.create(tmp_path, INFO, load_deck().board()) as store:
        assert store.path.name == NAME


def test_a_failed_first_write_on_create_leaves_no_file_and_no_lock(tmp_path, monkeypatch):
    monkeypatch.setattr(SessionStore, "_write_new", failing(sqlite3.IntegrityError("constraint")))
    with pytest.raises(WriteFailedError) as raised:
        SessionStore.create(tmp_path, INFO, load_deck().board())
    assert NAME in str(raised.value)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_create_keeps_a_side_file_it_did_not_make(tmp_path, monkeypatch):
    stranger = tmp_path / f"{NAME}-wal"
    stranger.write_bytes(b"someone else's")
    monkeypatch.setattr(schema.MIGRATIONS, "apply", failing(sqlite3.OperationalError("boom")))
    with pytest.raises(WriteFailedError):
        SessionStore.create(tmp_path, INFO, load_deck().board())
    assert [p.name for p in tmp_path.iterdir()] == [NAME + "-wal"]
    assert stranger.read_bytes() == b"someone else's"


def test_a_failed_create_whose_connection_also_fails_to_close_leaves_no_file_and_no_lock(tmp_path,
                                                                                         monkeypatch):
    new_database = store_module._new_database

    def closing_badly(path):
        db = new_database(path)
        close = db.close

        def close_then_fail():
            close()
            raise sqlite3.OperationalError("disk I/O error")
        db.close = close_then_fail
        return db
    monkeypatch.setattr(store_module, "_new_database", closing_badly)
    monkeypatch.setattr(schema.MIGRATIONS, "apply", failing(sqlite3.OperationalError("boom")))
    with pytest.raises(WriteFailedError, match="boom"):
        SessionStore.create(tmp_path, INFO, load_deck().board())
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    SessionStore.create(tmp_path, INFO, load_deck().board()).close()  # the lock was released


def test_a_side_file_that_cannot_be_removed_does_not_hide_why_the_create_failed(tmp_path, monkeypatch):
    def fail(db, **kwargs):  # the journal's name is taken by a folder meanwhile: unlink cannot remove it
        (tmp_path / f"{NAME}-journal").mkdir()
        raise sqlite3.OperationalError("boom")
    monkeypatch.setattr(schema.MIGRATIONS, "apply", fail)
    with pytest.raises(WriteFailedError, match="boom"):
        SessionStore.create(tmp_path, INFO, load_deck().board())
    assert [p.name for p in tmp_path.iterdir()] == [f"{NAME}-journal"]  # the session file is gone
    monkeypatch.undo()
    SessionStore.create(tmp_path, INFO, load_deck().board()).close()  # and the lock released


@pytest.mark.parametrize("exception, raised", [
    (sqlite3.OperationalError("database is locked"), WriteFailedError),
    (RuntimeError("unexpected"), RuntimeError),
])
def test_a_failed_migration_on_open_keeps_the_file_and_releases_the_lock(tmp_path, monkeypatch, exception,
                                                                          raised):
    with SessionStore.create(tmp_path, INFO, load_deck().board()) as store:
        path = store.path
    before = path.read_bytes()
    monkeypatch.setattr(schema.MIGRATIONS, "apply", failing(exception))
    with pytest.raises(raised):
        SessionStore.open(path)
    assert path.read_bytes() == before
    monkeypatch.undo()
    with SessionStore.open(path) as store:
        assert store.load().info == INFO


def test_an_open_session_is_locked_until_closed(tmp_path):
    store = SessionStore.create(tmp_path, INFO, load_deck().board())
    with pytest.raises(LockedError):
        SessionStore.open(store.path)
    store.close()
    SessionStore.open(store.path).close()


def test_a_replaced_board_and_changed_details_read_back_from_the_file(tmp_path):
    deck = load_deck()
    with SessionStore.create(tmp_path, INFO, deck.board()) as store:
        path = store.path
        store.attach(store.load().board)
        board = deck.board()
        first, second = (card.id for card in deck.cards[:2])
        board.move(first, Zone.SHARED)
        board.move(second, Zone.SHARED, 0)
        store.replace_board(board)
        board.move(first, Zone.SALES)  # attached: saved at once
        new_info = SessionInfo("Südrunde", company="B", facilitator="C", date="2027-01-02", language="de",
                               participants=["D"])
        store.update_info(new_info)
        store.set_note(first, "klären")
        store.set_action_items([ActionItem("Termin", who="Ana", due="2027-01-09")])
        kinds = [event["kind"] for event in store.events()]
    assert kinds[0] == "create" and "replace" in kinds and kinds[-3:] == ["info", "note", "action_items"]
    session = read_session(path)
    assert session.info == new_info
    assert session.board.snapshot() == board.snapshot()
    assert session.notes == {first: "klären"}
    assert session.action_items == [ActionItem("Termin", who="Ana", due="2027-01-09")]


def test_an_edited_deck_card_function_and_texts_read_back_from_the_file(tmp_path):
    deck = load_deck()
    card = deck.cards[0]
    other = next(f for f in load_functions() if f != card.function)
    with SessionStore.create(tmp_path, INFO, deck.board()) as store:
        path = store.path
        board = store.load().board
        store.attach(board)
        board.edit_card(card.id, function=other, text_en="edited")
        board.edit_card(deck.cards[1].id, function=None)
    session = read_session(path)
    assert session.board.card(card.id).function == other
    assert session.board.card(card.id).text_en == "edited"
    assert session.board.card(card.id).text_de == card.text_de
    assert session.board.card(deck.cards[1].id).function is None


def test_a_failed_commit_is_a_write_failure_naming_the_file(tmp_path):
    deck = load_deck()
    with SessionStore.create(tmp_path, INFO, deck.board()) as store:
        path = store.path
        board = store.load().board
        store.attach(board, commit_each=False)
        moved = board.move(deck.cards[0].id, Zone.SALES)
        other = sqlite3.connect(path)
        other.execute("DROP TABLE events")
        other.commit()
        other.close()
        with pytest.raises(WriteFailedError, match=NAME):
            store.commit([moved])
    assert isinstance(WriteFailedError(path="x"), SessionError)


def test_commit_without_changes_writes_nothing_and_an_unknown_record_is_refused(tmp_path):
    with SessionStore.create(tmp_path, INFO, load_deck().board()) as store:
        store.attach(store.load().board, commit_each=False)
        before = store.events()
        store.commit([])
        assert store.events() == before
        with pytest.raises(TypeError, match="unknown change"):
            store.commit([object()])
        assert store.events() == before
    assert store_module.now()[:4].isdigit()


def test_a_session_that_cannot_be_opened_for_writing_is_one_line_naming_it_and_stays_unlocked(tmp_path,
                                                                                            monkeypatch):
    with SessionStore.create(tmp_path, INFO, load_deck().board()) as store:
        path = store.path
    monkeypatch.setattr(files, "connect", failing(sqlite3.OperationalError("unable to open database file")))
    with pytest.raises(WriteFailedError) as refused:
        SessionStore.open(path)
    assert refused.value.message("en") == (
        f"The session {path} could not be saved (unable to open database file).")
    monkeypatch.undo()
    SessionStore.open(path).close()  # the lock was released


def test_a_session_this_user_may_not_write_is_refused_in_one_line_naming_it():
    with folder_for_everyone() as folder:
        with SessionStore.create(folder, INFO, load_deck().board()) as store:
            path = store.path
        path.chmod(0o444)
        before = path.read_bytes()
        with as_unprivileged_user(real_ids=True), pytest.raises(FileReadOnlyError) as refused:
            SessionStore.open(path)
        assert refused.value.message("en") == f"{path} cannot be written (permission denied)."
        assert path.read_bytes() == before
        with SessionLock(path):  # not held: the refusal let go of the lock
            pass


def test_the_store_reads_its_session_with_the_round_it_shows_and_names_its_file_when_refused(tmp_path):
    with SessionStore.create(tmp_path, INFO, load_deck().board()) as store:
        path = store.path
    conn = sqlite3.connect(path)
    conn.execute("UPDATE session SET title = ?", (b"\x00\xff",))
    conn.commit()
    conn.close()
    with SessionStore.open(path) as store, pytest.raises(NotASessionError) as refused:
        store.load()
    assert refused.value.message("en").startswith(f"{path} is an SQLite database but not a")


def test_a_new_session_file_names_its_deck_and_is_readable_by_all_writable_by_its_owner(tmp_path):
    old_mask = os.umask(0)
    try:
        with SessionStore.create(tmp_path, INFO, load_deck().board()) as store:
            path = store.path
        with SessionStore.create(tmp_path, INFO, load_deck().board(), deck_id="werkstatt") as store:
            other = store.path
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [read_deck_id(p) for p in (path, other)] == ["default", "werkstatt"]


def test_create_never_opens_a_file_that_exists_even_if_its_name_was_free_a_moment_before(tmp_path,
                                                                                        monkeypatch):
    taken = tmp_path / NAME
    taken.write_bytes(b"someone else's")
    monkeypatch.setattr(store_module, "new_session_path", lambda folder, title: taken)
    with pytest.raises(WriteFailedError):
        SessionStore.create(tmp_path, INFO, load_deck().board())
    assert taken.read_bytes() == b"someone else's"
