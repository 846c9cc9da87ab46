"""Opening SQLite session files safely: check before touching, then connect without trusting the file.

Every check that can refuse a file runs before anything is written to it, so a refused file stays
byte-for-byte as it was. A connection never runs code from the file: `PRAGMA trusted_schema=OFF`,
extension loading off, no plugins of sqlite-utils, and files with views or triggers are refused.
"""

from __future__ import annotations

import os
import sqlite3
import struct
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from workshop_app.domain.write_target import SQLITE_HEADER, starts_with_sqlite_header
from workshop_app.storage import schema
from workshop_app.storage.errors import (
    CorruptError,
    FileMissingError,
    NewerSchemaError,
    NotASessionError,
    NotSQLiteError,
    TruncatedError,
)
from workshop_app.storage.lock import open_regular_file

HEADER_SIZE = 100


def is_sqlite_file(path: Path) -> bool:
    """True when the file starts with the SQLite header (what `diagnose` uses to tell the formats)."""
    return starts_with_sqlite_header(path)


def check_header(path: Path) -> None:
    """Refuse files that are missing, not SQLite, or shorter than their header says."""
    fd = open_regular_file(path)
    try:
        header, size = os.pread(fd, HEADER_SIZE, 0), os.fstat(fd).st_size
    except OSError as exc:
        raise CorruptError(path=path, detail=exc.strerror or exc) from None
    finally:
        os.close(fd)
    if not header.startswith(SQLITE_HEADER):
        raise NotSQLiteError(path=path)
    if len(header) < HEADER_SIZE:
        raise TruncatedError(path=path)
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise NotSQLiteError(path=path)
    change_counter, pages, valid_for = (struct.unpack(">I", header[24:28])[0],
                                        struct.unpack(">I", header[28:32])[0],
                                        struct.unpack(">I", header[92:96])[0])
    if size % page_size or (pages and valid_for == change_counter and size < pages * page_size):
        raise TruncatedError(path=path)


def connect(path: Path, *, read_only: bool) -> Database:
    """A sqlite-utils Database on an existing file, opened without trusting it."""
    return _connect_uri(path, "ro" if read_only else "rw")


def connect_for_reading(path: Path) -> Database:
    """A read-only, validated connection that leaves no side files behind.

    With no `-wal` beside the file no app has it open for writing, and it is read as immutable: no
    `-shm`/`-wal` files are made (so reading works in a folder we may not write, and listing a folder
    leaves it as it was). With a `-wal` present (an app has it open, or crashed), it is read through
    the WAL, which sees every committed change."""
    immutable = not Path(f"{path}-wal").exists()
    db = _connect_uri(path, "ro&immutable=1" if immutable else "ro")
    try:
        validate(db, path)
    except BaseException:
        db.close()
        raise
    return db


def _connect_uri(path: Path, mode: str) -> Database:
    """A hardened sqlite-utils Database on the existing file `path`, opened with `?mode=<mode>`."""
    uri = f"file:{quote(os.fsencode(Path(path).resolve()))}?mode={mode}"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=5.0)
    except sqlite3.Error as exc:
        raise _classify(path, exc) from None
    harden(conn)
    return Database(conn, recursive_triggers=False, execute_plugins=False)


def harden(conn: sqlite3.Connection) -> None:
    """No code from the file: untrusted schema, no extensions."""
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA cell_size_check=ON")
    if hasattr(conn, "enable_load_extension"):
        conn.enable_load_extension(False)


def validate(db: Database, path: Path) -> list[str]:
    """Refuse damaged files, foreign databases and newer schemas; return the applied migrations."""
    try:
        result = [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]
        objects = db.execute("SELECT type, name FROM sqlite_master").fetchall()
    except (sqlite3.Error, UnicodeDecodeError) as exc:  # a damaged page can hold invalid UTF-8
        raise _classify(path, exc) from None
    if result != ["ok"]:
        raise CorruptError(path=path, detail=result[0] if result else "quick_check")
    code = sorted(name for kind, name in objects if kind in ("view", "trigger"))
    if code:
        raise NotASessionError(path=path, detail=f"it contains views or triggers: {', '.join(code)}")
    tables = {name for kind, name in objects if kind == "table"}
    if schema.MIGRATIONS.migrations_table not in tables or "session" not in tables:
        raise NotASessionError(path=path, detail="no session table")
    try:
        applied = [m.name for m in schema.MIGRATIONS.applied(db)]
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        raise _classify(path, exc) from None
    except KeyError as exc:  # a damaged migrations table lacks a column sqlite-utils reads
        raise CorruptError(path=path, detail=f"the migrations table has no column {exc}") from None
    known = schema.known_names()
    if any(name not in known for name in applied):
        raise NewerSchemaError(path=path, found=schema.version_of(applied), known=len(known))
    missing = [name for name in schema.SESSION_TABLES if name not in tables]
    if applied and missing:
        raise NotASessionError(path=path, detail=f"missing tables: {', '.join(missing)}")
    if not applied:
        raise NotASessionError(path=path, detail="no schema version")
    return applied


def _classify(path: Path, exc: sqlite3.Error | UnicodeDecodeError) -> Exception:
    text = str(exc)
    if "not a database" in text:
        return NotSQLiteError(path=path)
    if "unable to open" in text and not Path(path).exists():
        return FileMissingError(path=path)
    return CorruptError(path=path, detail=text)
