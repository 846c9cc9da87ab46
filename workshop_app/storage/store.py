"""A session file held open for writing: every change is committed in one transaction as it happens.

`SessionStore.create` makes a new file, `SessionStore.open` opens an existing one (after every check in
`files.validate`, with the single-instance lock held); `session_reader.read_session` reads a file.
`commit(changes, action)` writes what the changes touched (for a move only the moved card's placement
row: see `positions`) plus one event row per change, in one transaction; `attach(board)` commits each
board change as it happens.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from pathlib import Path

from sqlite_utils import Database

from workshop_app.domain.model import (
    ALL_ZONES,
    Board,
    Zone,
)
from workshop_app.domain.rounds import IST, RoundChange, Rounds
from workshop_app.domain.session import (
    ROUND_RECORDS,
    ActionItem,
    ActionItemsChanged,
    BoardReplaced,
    InfoChanged,
    NoteChanged,
    Session,
    SessionInfo,
    WorkshopChange,
)
from workshop_app.domain.write_target import SIDE_SUFFIXES
from workshop_app.storage import agreement_rows, files, schema, timer_store
from workshop_app.storage.card_rows import DELETE_CARDS, write_board_change, write_cards
from workshop_app.storage.errors import (
    SessionError,
    WriteFailedError,
)
from workshop_app.storage.event_rows import INSERT_EVENT, board_event_row
from workshop_app.storage.folder import check_writable_folder, new_session_path
from workshop_app.storage.lock import SessionLock
from workshop_app.storage.positions import StoredKeys
from workshop_app.storage.round_rows import (
    DELETE_PLACEMENTS,
    UPSERT_PLACEMENT,
    event_detail,
    placement_rows,
    write_all_rounds,
    write_round_change,
)
from workshop_app.storage.session_reader import current_round, load
from workshop_app.storage.session_rows import (
    info_values,
    write_action_items,
    write_info,
    write_note,
    write_notes_and_items,
    write_row_change,
)

ACTIONS = ("do", "undo", "redo")
ROW_RECORDS = (NoteChanged, ActionItemsChanged, InfoChanged)
# the statements as module constants (see TESTING.md: SQL in another case is the same SQL)
SELECT_EVENTS = "SELECT * FROM events ORDER BY id"
STAMP_SESSION = "UPDATE session SET updated_at = ? WHERE id = 1"
INSERT_SESSION = ("INSERT INTO session (id, title, company, facilitator, date, language, participants, "
                  "deck_id, current_round, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=OFF")


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


class SessionStore:
    """One open session file. Close it (or use `with`) to release the file for other instances."""

    def __init__(self, path: Path, db: Database, lock: SessionLock) -> None:
        self.path = Path(path)
        self.db = db
        self.lock = lock
        self.round = current_round(db)
        self._board: Board | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._keys = StoredKeys()

    # --- opening ---

    @classmethod
    def create(cls, folder: Path, info: SessionInfo, board: Board, *, deck_id: str = "default",
               stop_before: str | None = None, content: Session | None = None) -> SessionStore:
        """A new session file in `folder` named after the title, holding `board` as the Ist round,
        or, with `content`, all of that session (its rounds, groups, notes, next steps).

        `stop_before` names a migration not to apply (only to make old-version test fixtures)."""
        folder = check_writable_folder(Path(folder))
        path = new_session_path(folder, info.title)
        lock = SessionLock(path)
        created: list[Path] = []
        db = None
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)  # never
            created.append(path)                                                        # overwrite
            created += [side for side in _side_files(path) if not os.path.lexists(side)]
            lock.adopt(fd)
            db = _new_database(path)
            schema.MIGRATIONS.apply(db, stop_before=stop_before)
            store = cls(path, db, lock)
            store._write_new(info, board, deck_id, content)
            return store
        except (OSError, sqlite3.Error, SessionError) as exc:
            _abandon(db, lock, created)
            if isinstance(exc, SessionError):
                raise
            raise WriteFailedError(path=path, detail=exc) from None
        except BaseException:
            _abandon(db, lock, created)
            raise

    @classmethod
    def open(cls, path: Path, *, lock: SessionLock | None = None) -> SessionStore:
        """Open an existing session for writing, migrating an older schema; refuse anything unsafe.
        `lock`: the file's lock when the caller holds it already (`first_read.read_locked`)."""
        path = Path(path)
        lock = lock or SessionLock(path)
        lock.acquire()  # first: a file this process holds is then never opened a second time
        db = None
        try:
            files.check_writable_session(path)
            files.connect_for_reading(path).close()  # refused by a reader: the file and its WAL stay
            db = files.connect(path, read_only=False)   # as they were (a writer would checkpoint)
            files.validate(db, path)
            _set_pragmas(db)
            schema.MIGRATIONS.apply(db)
            return cls(path, db, lock)
        except sqlite3.Error as exc:
            if db is not None:
                db.close()
            lock.release()
            raise WriteFailedError(path=path, detail=exc) from None
        except BaseException:
            if db is not None:
                db.close()
            lock.release()
            raise

    def close(self) -> None:
        self.detach()
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        self.lock.release()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- reading ---

    def load(self) -> Session:
        return load(self.db, self.round, self.path)

    def events(self) -> list[dict]:
        return list(self.db.query(SELECT_EVENTS))

    def schema_version(self) -> int:
        return len(schema.MIGRATIONS.applied(self.db))

    # --- autosave ---

    def attach(self, board: Board, *, commit_each: bool = True) -> None:
        """Save `board`'s changes. With `commit_each`, each change record is committed at once (the
        UI instead calls `commit` itself, to log do/undo/redo)."""
        self.detach()
        self._board = board
        if commit_each:
            self._unsubscribe = board.subscribe(lambda change: self.commit([change]))

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._unsubscribe = None

    def commit(self, changes: Iterable[WorkshopChange], action: str = "do") -> None:
        """Write what the change records touched and their events, in one transaction: board records
        from the attached board, session records (notes, next steps, details, a replaced board) and
        round records."""
        assert self._board is not None, "attach a board first"
        assert action in ACTIONS
        changes = list(changes)
        if not changes:
            return
        stamp = now()
        rows_only = not any(isinstance(change, (BoardReplaced, *ROUND_RECORDS)) for change in changes)
        with self._transaction(keep_keys=rows_only):
            conn = self.db.conn
            keys = self._keys.of(conn, self.round) if rows_only else None
            zones: set[Zone] = set()
            for change in changes:
                if isinstance(change, ROW_RECORDS):
                    self._log(stamp, action, *write_row_change(conn, change, stamp))
                elif isinstance(change, BoardReplaced):
                    self._write_board(conn, change.after, stamp, action)
                elif isinstance(change, ROUND_RECORDS):
                    self._write_round(conn, change, stamp, action)
                elif isinstance(change, agreement_rows.AGREEMENT_RECORDS):
                    self._log(stamp, action, *agreement_rows.write_agreement_change(conn, change))
                elif isinstance(change, timer_store.TIMER_RECORDS):
                    self._log(stamp, action, *timer_store.write_timer_change(conn, change))
                else:
                    zones.update(write_board_change(conn, change))
                    conn.execute(INSERT_EVENT, board_event_row(stamp, self.round, action, change))
                    if keys is not None:
                        keys.follow(change, self._board)
            rows = (placement_rows(self.round, self._board, zones) if keys is None
                    else keys.take_rows(self.round, self._board, zones))
            conn.executemany(UPSERT_PLACEMENT, rows)
            conn.execute(STAMP_SESSION, (stamp,))

    def replace_board(self, board: Board) -> None:
        """The session now shows `board` (e.g. loaded from a board file): write all its cards and
        placements in one transaction, and attach to it."""
        stamp = now()
        with self._transaction():
            self._write_board(self.db.conn, board, stamp, "do")
            self.db.conn.execute(STAMP_SESSION, (stamp,))
        self.attach(board, commit_each=self._unsubscribe is not None)

    def rewrite(self, session: Session) -> None:
        """After a failed commit: write all the window holds, in one transaction (board, notes, …)."""
        stamp = now()
        with self._transaction():
            conn = self.db.conn
            self._write_board(conn, session.board, stamp, "do")
            write_notes_and_items(conn, session, stamp)
            write_info(conn, session.info, stamp)
            timer_store.write_timer_row(conn, session.timer.state)
            agreement_rows.write_whole_agreement(conn, session.agreement)

    def _write_board(self, conn: sqlite3.Connection, board: Board, stamp: str, action: str) -> None:
        conn.execute(DELETE_CARDS)
        conn.execute(DELETE_PLACEMENTS, (self.round,))
        _write_whole_board(conn, self.round, board)
        self._log(stamp, action, "replace", None, board.snapshot())
        self._board = board

    def _write_round(self, conn: sqlite3.Connection, change: RoundChange, stamp: str,
                     action: str) -> None:
        detail = write_round_change(conn, change, stamp)
        kind = detail.pop("kind")
        self.round = current_round(conn)
        conn.execute(INSERT_EVENT, (stamp, self.round, action, kind, None, None, None, None, None,
                                     event_detail(detail)))

    # --- session details (direct writes, outside the undo history) ---

    def update_info(self, info: SessionInfo) -> None:
        with self._transaction():
            stamp = now()
            write_info(self.db.conn, info, stamp)
            self._log(stamp, "do", "info", None, asdict(info))

    def set_note(self, card_id: str, note: str) -> None:
        with self._transaction():
            stamp = now()
            write_note(self.db.conn, card_id, note, stamp)
            self._log(stamp, "do", "note", card_id, {"note": note})

    def set_action_items(self, items: list[ActionItem]) -> None:
        with self._transaction():
            write_action_items(self.db.conn, items)
            self._log(now(), "do", "action_items", None, [asdict(item) for item in items])

    def _log(self, stamp: str, action: str, kind: str, card_id: str | None, detail: object) -> None:
        self.db.conn.execute(INSERT_EVENT, (stamp, self.round, action, kind, card_id, None, None, None,
                                             None, json.dumps(detail, ensure_ascii=False)))

    # --- internals ---

    @contextlib.contextmanager
    def _transaction(self, keep_keys: bool = False) -> Iterator[None]:
        """One transaction. Any write but a commit of board and row records may move placements
        wholesale, so the stored keys are read again afterwards; so they are after a failed write."""
        if not keep_keys:
            self._keys.forget()
        try:
            with self.db.atomic():
                yield
        except BaseException as exc:
            self._keys.forget()
            if isinstance(exc, sqlite3.Error):
                raise WriteFailedError(path=self.path.name, detail=exc) from None
            raise

    def _write_new(self, info: SessionInfo, board: Board, deck_id: str,
                   content: Session | None) -> None:
        stamp = now()
        with self.db.atomic():
            conn = self.db.conn
            conn.execute(INSERT_SESSION, (*info_values(info), deck_id, self.round, stamp, stamp))
            _write_whole_board(conn, self.round, board)
            if self.db["rounds"].exists():
                rounds = content.rounds if content is not None else Rounds({IST: board})
                assert rounds is not None
                write_all_rounds(conn, rounds, stamp)
                self.round = rounds.active
            if content is not None:
                write_notes_and_items(conn, content, stamp)
                agreement_rows.write_whole_agreement(conn, content.agreement)
            conn.execute(INSERT_EVENT, (stamp, self.round, "do", "create", None, None, None, None,
                                         None, json.dumps({"title": info.title}, ensure_ascii=False)))

    # --- rounds ---

    def write_round_change(self, change: RoundChange, rounds: Rounds) -> None:
        """Write a round record (Soll started, round switched, group renamed) in one transaction, and
        save the changes of the now active round's board from here on."""
        stamp = now()
        with self._transaction():
            detail = write_round_change(self.db.conn, change, stamp)
            self.db.conn.execute(INSERT_EVENT, (stamp, rounds.active, "do", detail.pop("kind"),
                                                 None, None, None, None, None,
                                                 event_detail(detail)))
        self.round = rounds.active
        if self._board is not None:
            self.attach(rounds.board(), commit_each=self._unsubscribe is not None)


def _new_database(path: Path) -> Database:
    db = files.connect(path, read_only=False)
    _set_pragmas(db)
    return db


def _side_files(path: Path) -> list[Path]:
    return [Path(f"{path}{side}") for side in SIDE_SUFFIXES]


def _abandon(db: Database | None, lock: SessionLock, created: list[Path]) -> None:
    """Undo a failed create: close, unlock, and remove only the files this process made."""
    if db is not None:
        with contextlib.suppress(sqlite3.Error):
            db.close()
    lock.release()
    for path in created:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def _set_pragmas(db: Database) -> None:
    """WAL, and FULL sync: a committed move survives a crash of the process and of the machine."""
    with db.ensure_autocommit_on():
        for pragma in PRAGMAS:
            db.conn.execute(pragma)


def _write_whole_board(conn: sqlite3.Connection, round_name: str, board: Board) -> None:
    """Insert every card of `board` (in board order) and every zone's placements for the round."""
    write_cards(conn, board)
    conn.executemany(UPSERT_PLACEMENT, placement_rows(round_name, board, ALL_ZONES))

