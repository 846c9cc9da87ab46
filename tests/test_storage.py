"""Session files on disk: round trip of every table, the event log, migrations, locks and bad files."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from storage_helpers import (
    as_unprivileged_user,
    folder_for_everyone,
    record_future_migration,
    session_held_by_another_process,
)

from workshop_app.domain.deck import load_deck
from workshop_app.domain.model import Card, Zone
from workshop_app.domain.session import ActionItem, SessionInfo
from workshop_app.storage import SessionStore, list_sessions, move_to_trash, read_session, schema
from workshop_app.storage.errors import (
    FileMissingError,
    FolderMissingError,
    FolderReadOnlyError,
    LockedError,
    NewerSchemaError,
    NotASessionError,
    NotSQLiteError,
    SessionError,
    TruncatedError,
)

FIXTURE_V1 = Path(__file__).parent / "fixtures" / "session_v1.sqlite"
INFO = SessionInfo("Vertriebsrunde <b>Süd</b>", company="Tom & Jerry GmbH", facilitator="Anna",
                   date="2025-06-01", language="en", participants=["Jonas", "Mira", "Zoë"])


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store(tmp_path, board):
    store = SessionStore.create(tmp_path, INFO, board)
    store.attach(board)
    yield store
    store.close()


# --- round trip ---


def test_every_table_round_trips(tmp_path, board, store):
    board.move("needs_analysis", Zone.MARKETING)
    board.move("terms", Zone.SALES)
    board.move("advertising", Zone.MARKETING, 0)
    custom = Card("custom-1", "Messestand planen", "Plan the fair stand", "advertising", custom=True)
    board.add_card(custom, Zone.SHARED)
    board.edit_card("custom-1", text_en="Plan the trade fair stand")
    board.add_card(Card("custom-2", "Weg damit", "Remove me", None, custom=True))
    board.remove_card("custom-2")
    store.set_note("terms", "Rabatte <i>nur</i> bis 5 %")
    store.set_note("advertising", "Budget klären")
    store.set_note("advertising", "")  # an emptied note is removed
    items = [ActionItem("Verkauf schulen", "Jonas", "Q3"), ActionItem("Argumentationslisten stoppen")]
    store.set_action_items(items)
    expected_snapshot = board.snapshot()
    expected_cards = board.cards()
    path = store.path
    store.close()

    loaded = read_session(path)
    assert loaded.info == INFO
    assert loaded.board.snapshot() == expected_snapshot
    assert loaded.board.cards() == expected_cards
    assert loaded.board.card("custom-1").text_en == "Plan the trade fair stand"
    assert loaded.board.card("custom-1").custom and loaded.board.card("custom-1").function == "advertising"
    assert "custom-2" not in loaded.board
    assert loaded.notes == {"terms": "Rabatte <i>nur</i> bis 5 %"}
    assert loaded.action_items == items
    assert loaded.round == "as_is"
    loaded.board.check_invariants()

    with SessionStore.open(path) as reopened:
        kinds = [(e["kind"], e["action"], e["card_id"]) for e in reopened.events()]
    assert kinds == [("create", "do", None), ("move", "do", "needs_analysis"), ("move", "do", "terms"),
                     ("move", "do", "advertising"), ("add", "do", "custom-1"), ("edit", "do", "custom-1"),
                     ("add", "do", "custom-2"), ("remove", "do", "custom-2"), ("note", "do", "terms"),
                     ("note", "do", "advertising"), ("note", "do", "advertising"),
                     ("action_items", "do", None)]


def test_events_record_undo_and_redo_with_time(board, store):
    record = board.move("terms", Zone.SALES)  # committed as "do" by attach
    store.attach(board, commit_each=False)
    undo = board.move("terms", record.from_zone, record.from_index)
    store.commit([undo], "undo")
    redo = board.move("terms", Zone.SALES)
    store.commit([redo], "redo")
    moves = [e for e in store.events() if e["kind"] == "move"]
    assert [(e["action"], e["from_zone"], e["to_zone"]) for e in moves] == [
        ("do", "unplaced", "sales"), ("undo", "sales", "unplaced"), ("redo", "unplaced", "sales")]
    assert all(e["at"][:4].isdigit() and e["at"].endswith("+00:00") for e in moves)
    assert [e["id"] for e in moves] == sorted(e["id"] for e in moves)


def test_positions_inside_a_zone_are_kept(tmp_path, board, store):
    for card_id in ("terms", "price_negotiation", "needs_analysis"):
        board.move(card_id, Zone.SALES)
    board.move("needs_analysis", Zone.SALES, 0)
    board.move("terms", Zone.SALES, 2)
    path = store.path
    store.close()
    assert read_session(path).board.ids_in(Zone.SALES) == ("needs_analysis", "price_negotiation", "terms")


def test_rounds_keep_their_placements_apart(tmp_path, board, store):
    board.move("terms", Zone.SALES)
    conn = store.db.conn
    with store.db.atomic():
        conn.execute("INSERT INTO placements (round, card_id, zone, position) VALUES "
                     "('target', 'terms', 'marketing', 0)")
    board.move("terms", Zone.SHARED)
    rows = dict(conn.execute("SELECT round, zone FROM placements WHERE card_id = 'terms'").fetchall())
    assert rows == {"as_is": "shared", "target": "marketing"}


def test_a_new_file_never_overwrites_one_with_the_same_title(tmp_path, board):
    first = SessionStore.create(tmp_path, INFO, board)
    second = SessionStore.create(tmp_path, INFO, load_deck().board())
    assert first.path != second.path and first.path.exists() and second.path.exists()
    first.close()
    second.close()


def test_the_file_is_wal_synchronous_full_and_distrusts_its_schema(store):
    conn = store.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    with pytest.raises(sqlite3.OperationalError, match="not authorized"):
        conn.execute("SELECT load_extension('/nonexistent/evil')")  # extension loading is off


def test_listing_shows_title_company_date_and_placed_cards(tmp_path, board, store):
    board.move("terms", Zone.SALES)
    board.move("advertising", Zone.MARKETING)
    (tmp_path / "notes.sqlite").write_text("not a database")
    summaries = {s.path.name: s for s in list_sessions(tmp_path)}
    mine = summaries[store.path.name]
    assert (mine.title, mine.company, mine.date, mine.placed, mine.cards) == (
        INFO.title, INFO.company, INFO.date, 2, 22)
    assert "not a session file" in summaries["notes.sqlite"].error
    assert mine.matches("tom &") and mine.matches("2025-06") and not mine.matches("zebra")


def test_delete_moves_the_file_into_trash(tmp_path, board, store):
    board.move("terms", Zone.SALES)
    path = store.path
    store.close()
    target = move_to_trash(path)
    assert not path.exists() and target.parent == tmp_path / "trash"
    assert read_session(target).board.zone_of("terms") is Zone.SALES
    again = SessionStore.create(tmp_path, INFO, load_deck().board())
    again.close()
    assert move_to_trash(again.path).name != target.name  # never overwrites an earlier one


# --- migrations ---


def test_the_version_1_fixture_migrates_to_the_current_schema(tmp_path):
    fixture_digest = digest(FIXTURE_V1)
    path = tmp_path / FIXTURE_V1.name
    shutil.copyfile(FIXTURE_V1, path)
    before = read_session(path)  # a reader does not migrate
    plain = _plain(path)
    assert [m.name for m in schema.MIGRATIONS.applied(plain)] == ["m001_initial"]
    plain.close()
    with SessionStore.open(path) as store:
        assert store.schema_version() == schema.current_version()
        assert {"votes", "rounds", "perception_groups", "timer"} <= set(store.db.table_names())
        assert "placements_round_zone_position" in {i.name for i in store.db["placements"].indexes}
        store.db.conn.execute("INSERT INTO votes (round, card_id, voter, dots) VALUES "
                              "('as_is', 'terms', 'Mira', 2)")
        store.db.conn.commit()
        after = store.load()
        started = [row["name"] for row in store.db["rounds"].rows]
    assert started == ["as_is"]
    assert after.info == before.info and after.info.company == "Muster GmbH"
    assert after.board.snapshot() == before.board.snapshot()
    assert after.board.ids_in(Zone.MARKETING) == ("needs_analysis", "product_proposal", "benefit_persuasion")
    assert after.board.ids_in(Zone.SHARED) == ("custom-fair", "field_feedback")
    assert after.notes == {"terms": "Rabatte nur bis 5 %"}
    assert after.action_items == [ActionItem("Verkauf schulen", "Jonas", "Q2")]
    assert after.rounds.names() == ["as_is"] and after.round == "as_is"  # today's board is the Ist round
    assert digest(FIXTURE_V1) == fixture_digest != digest(path)  # the copy was migrated, not the fixture


def _plain(path: Path):
    from sqlite_utils import Database

    return Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True), execute_plugins=False)


# --- bad files: each refused with a clear message, each left byte for byte ---


def _session_file(tmp_path: Path) -> Path:
    board = load_deck().board()
    with SessionStore.create(tmp_path, INFO, board) as store:
        store.attach(board)
        board.move("terms", Zone.SALES)
        return store.path


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _add_view(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE VIEW sneaky AS SELECT 1")
    conn.commit()
    conn.close()


BAD_FILES = {
    "text": (lambda p: p.write_text("just some notes\n"), NotSQLiteError, "not a session file"),
    "empty": (lambda p: p.write_bytes(b""), NotSQLiteError, "not a session file"),
    "json": (lambda p: p.write_text('{"cards": []}'), NotSQLiteError, "not a session file"),
    "truncated": (_truncate, TruncatedError, "truncated"),
    "header_only": (lambda p: p.write_bytes(p.read_bytes()[:60]), TruncatedError, "truncated"),
    "newer_schema": (record_future_migration, NewerSchemaError, "newer version"),
    "with_a_view": (_add_view, NotASessionError, "views or triggers"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_is_refused_and_left_untouched(tmp_path, case):
    damage, error, words = BAD_FILES[case]
    path = _session_file(tmp_path)
    damage(path)
    before = digest(path)
    with pytest.raises(error) as raised:
        SessionStore.open(path)
    assert words in str(raised.value) and "\n" not in str(raised.value)
    with pytest.raises(error):
        read_session(path)
    assert digest(path) == before
    assert not Path(f"{path}.lock").exists()


def test_a_foreign_sqlite_database_is_not_a_session(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (a)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotASessionError, match="not a Grenzziehung session"):
        SessionStore.open(path)
    assert digest(path) == before


def test_a_damaged_page_is_reported_not_crashed_on(tmp_path):
    path = _session_file(tmp_path)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(page_size * 2, page_size * 3):  # scribble over the third page
        data[offset] = 0x5A
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(SessionError):
        SessionStore.open(path)
    assert digest(path) == before


def test_a_missing_file_and_a_missing_folder(tmp_path, board):
    with pytest.raises(FileMissingError):
        SessionStore.open(tmp_path / "gone.sqlite")
    with pytest.raises(FolderMissingError, match="does not exist"):
        SessionStore.create(tmp_path / "no" / "such" / "folder", INFO, board)
    with pytest.raises(FolderMissingError):
        list_sessions(tmp_path / "missing")
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    with pytest.raises(FolderMissingError):  # a path below a file (ENOTDIR)
        SessionStore.create(a_file / "sessions", INFO, board)
    assert list(tmp_path.iterdir()) == [a_file]


def test_a_read_only_folder_is_refused_and_its_sessions_untouched(board):
    with folder_for_everyone() as folder:
        _check_read_only_folder(folder, board)


def _check_read_only_folder(folder: Path, board) -> None:
    path = _session_file(folder)
    before = digest(path)
    folder.chmod(0o555)
    try:
        with as_unprivileged_user():
            with pytest.raises(FolderReadOnlyError, match="cannot be written"):
                SessionStore.create(folder, INFO, board)
            with pytest.raises((FolderReadOnlyError, SessionError)):
                SessionStore.open(path)
            assert read_session(path).board.zone_of("terms") is Zone.SALES  # reading still works
    finally:
        folder.chmod(0o755)
    assert digest(path) == before
    assert sorted(p.name for p in folder.iterdir()) == [path.name]


# --- one instance per session ---


def test_a_session_is_open_in_one_store_at_a_time(tmp_path, board, store):
    before = digest(store.path)
    with pytest.raises(LockedError, match=f"process {os.getpid()}"):
        SessionStore.open(store.path)
    assert digest(store.path) == before
    path = store.path
    store.close()
    with SessionStore.open(path) as again:
        assert again.load().info.title == INFO.title


def test_a_second_process_is_refused_while_the_first_holds_the_session(tmp_path, board):
    path = _session_file(tmp_path)
    with session_held_by_another_process(path) as pid, pytest.raises(LockedError, match=f"process {pid}"):
        SessionStore.open(path)
    with SessionStore.open(path) as store:  # a killed holder leaves no stale lock
        assert store.load().board.zone_of("terms") is Zone.SALES


def test_content_of_the_wrong_type_is_refused_when_read(tmp_path):
    path = _session_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE session SET title = ?", (b"\x00\xff",))
    conn.commit()
    conn.close()
    with pytest.raises(NotASessionError, match="text expected"):
        read_session(path)
    with SessionStore.open(path) as store, pytest.raises(NotASessionError):
        store.load()


def test_reading_and_listing_leave_the_folder_as_it_was(tmp_path):
    path = _session_file(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    assert before == [path.name]
    list_sessions(tmp_path)
    read_session(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


# --- rounds ---


def test_rounds_switches_and_group_names_are_stored_as_they_happen(tmp_path, board, store):
    session = store.load()
    rounds = session.rounds
    store.attach(rounds.board())
    rounds.subscribe(lambda change: store.write_round_change(change, rounds))
    rounds.start_perception(("Marketing", "Vertrieb"))
    rounds.board().move("terms", Zone.SALES)
    rounds.rename_group(1, "Verkauf Nord")
    rounds.switch("perception_b")
    rounds.board().move("terms", Zone.MARKETING)
    rounds.start_ist_from("a")
    rounds.board().move("advertising", Zone.MARKETING)
    rounds.start_soll()
    rounds.board().move("terms", Zone.SHARED)
    loaded = read_session(store.path)  # another reader, while the store is still open
    assert loaded.round == "target" and loaded.rounds.names() == [
        "perception_a", "perception_b", "as_is", "target"]
    assert loaded.rounds.groups == ("Marketing", "Verkauf Nord")
    for name in loaded.rounds.names():
        assert loaded.rounds.board(name).snapshot() == rounds.board(name).snapshot(), name
    assert [(m.card_id, m.from_zone, m.to_zone) for m in loaded.rounds.moves()] == [
        ("terms", Zone.SALES, Zone.SHARED)]
    kinds = [(e["kind"], e["round"]) for e in store.events()]
    assert ("round_start", "target") in kinds and ("round_switch", "perception_b") in kinds
    assert ("move", "target") in kinds and ("group_name", "perception_a") in kinds


def test_an_imported_session_keeps_every_round_note_and_next_step(tmp_path, board):
    from test_sessionfile import assert_equal_sessions, full_session

    session = full_session(board)
    with SessionStore.create(tmp_path, session.info, session.board, content=session) as store:
        path = store.path
    assert_equal_sessions(session, read_session(path))


def test_the_storage_package_names_an_unknown_attribute_as_python_does():
    """`workshop_app.storage` loads `SessionStore` lazily through a module `__getattr__`; any other
    name must fail exactly as a plain module's would (the message `from … import` and tracebacks show)."""
    import workshop_app.storage as storage

    with pytest.raises(AttributeError, match=r"^module 'workshop_app.storage' has no attribute 'Sesion'$"):
        storage.Sesion  # noqa: B018 - the attribute access is the test
    assert storage.SessionStore.__name__ == "SessionStore"
