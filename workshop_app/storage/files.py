"""Opening SQLite session files safely: check before touching, then connect without trusting the file.

Every check that can refuse a file runs before anything is written to it, so a refused file stays
byte-for-byte as it was. A connection never runs code from the file: `PRAGMA trusted_schema=OFF`,
extension loading off, no plugins of sqlite-utils, and files with views or triggers are refused.

Reading and checking need only the standard library's sqlite3 (the schema is compared with the
snapshot in `known_schemas`), so a session can be read before sqlite-utils is loaded: the app's window
shows its board first and loads sqlite-utils for the writable store right after (`connect`).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from workshop_app.domain.write_target import SQLITE_HEADER, starts_with_sqlite_header
from workshop_app.storage import known_schemas as schema
from workshop_app.storage.errors import (
    CorruptError,
    FileMissingError,
    FileReadOnlyError,
    FileUnreadableError,
    NewerSchemaError,
    NotASessionError,
    NotSQLiteError,
    SessionError,
    TruncatedError,
)
from workshop_app.storage.lock import open_regular_file

if TYPE_CHECKING:
    from sqlite_utils import Database

HEADER_SIZE = 100
PAGE_SIZES = frozenset(512 << shift for shift in range(8))  # what SQLite writes: 512, 1024, ... 65536
HARDENING = ("PRAGMA trusted_schema=OFF", "PRAGMA cell_size_check=ON")  # no code from the file's schema
QUICK_CHECK = "PRAGMA quick_check"


def is_sqlite_file(path: Path) -> bool:
    """True when the file starts with the SQLite header (what `diagnose` uses to tell the formats)."""
    return starts_with_sqlite_header(path)


def check_header(path: Path) -> None:
    """Refuse files that are missing, not regular files, not SQLite, or shorter than any database."""
    header, _ = _header_and_size(path)
    if not header.startswith(SQLITE_HEADER):
        raise NotSQLiteError(path=path)
    if len(header) < HEADER_SIZE:
        raise TruncatedError(path=path)
    if _page_size(header) is None:
        raise NotSQLiteError(path=path)


def check_writable_session(path: Path) -> None:
    """Before a session is opened for writing (or shown to be written later): a SQLite file by its
    header that this user may read and write."""
    check_header(path)
    if not os.access(path, os.R_OK | os.W_OK):
        raise FileReadOnlyError(path=path, detail="permission denied")


def looks_truncated(path: Path) -> bool:
    """True when the file is shorter than its header says. Only a hint for the message once SQLite has
    refused the file: a checkpoint cut short leaves such a file, and SQLite reads it through its WAL."""
    try:
        header, size = _header_and_size(path)
    except SessionError:
        return False
    if len(header) < HEADER_SIZE:
        return False
    page_size = _page_size(header)
    if page_size is None:
        return False
    change_counter, pages, valid_for = (struct.unpack(">I", header[offset:offset + 4])[0]
                                        for offset in (24, 28, 92))
    return bool(size % page_size or (pages and valid_for == change_counter and size < pages * page_size))


def _header_and_size(path: Path) -> tuple[bytes, int]:
    fd = open_regular_file(path)
    try:
        return os.pread(fd, HEADER_SIZE, 0), os.fstat(fd).st_size
    except OSError as exc:
        raise CorruptError(path=path, detail=exc.strerror or exc) from None
    finally:
        os.close(fd)


def _page_size(header: bytes) -> int | None:
    """The page size of a whole header (bytes 16-17, where 1 stands for 65536); None if SQLite never
    writes it."""
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    return page_size if page_size in PAGE_SIZES else None


def connect(path: Path, *, read_only: bool) -> Database:
    """A sqlite-utils Database on an existing file, opened without trusting it."""
    from sqlite_utils import Database  # loaded by the first writer, not by reading

    conn = _connect_uri(path, "ro" if read_only else "rw")
    return Database(conn, recursive_triggers=False, execute_plugins=False)


def connect_for_reading(path: Path) -> sqlite3.Connection:
    """A read-only, validated sqlite3 connection that changes nothing in the folder.

    With neither a `-wal` nor a `-journal` beside the file, nothing but the file holds its content, and
    it is read as immutable: no side files are made (reading works in a folder we may not write, and
    listing a folder leaves it as it was). Otherwise it is read as SQLite reads it, through its WAL; where
    that needs what a reader may not do (roll back a hot journal, make a `-shm` in a folder it cannot
    write), the file and its side files are read from a private copy."""
    sides = [suffix for suffix in ("-wal", "-journal") if os.path.lexists(f"{path}{suffix}")]
    try:
        db = _connect_uri(path, "ro" if sides else "ro&immutable=1")
        validate(db, path)
    except CorruptError:
        if not sides:
            raise
        db = _read_private_copy(path, sides)
    return db


def _read_private_copy(path: Path, sides: list[str]) -> sqlite3.Connection:
    """The file and its side files copied to a private folder, recovered there as SQLite recovers
    them (WAL replayed, hot journal rolled back) and held in memory; the originals are not touched."""
    with tempfile.TemporaryDirectory(prefix="grenzziehung-read-") as folder:
        copy = Path(folder) / "session.sqlite"
        try:
            shutil.copyfile(path, copy)
            for suffix in sides:
                shutil.copyfile(f"{path}{suffix}", f"{copy}{suffix}")
        except OSError as exc:  # e.g. a -wal this user may not read: not damage
            raise FileUnreadableError(path=path, detail=exc.strerror or exc) from None
        source = _connect_uri(copy, "rw")
        try:
            validate(source, path)
            memory = sqlite3.connect(":memory:")
            source.backup(memory)
        except sqlite3.Error as exc:
            raise _classify(path, exc) from None
        finally:
            source.close()
    harden(memory)
    return memory


def _connect_uri(path: Path, mode: str) -> sqlite3.Connection:
    """A hardened sqlite3 connection to the existing file `path`, opened with `?mode=<mode>`."""
    uri = f"file:{quote(os.fsencode(Path(path).resolve()))}?mode={mode}"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=5.0)
    except sqlite3.Error as exc:
        raise _classify(path, exc) from None
    harden(conn)
    return conn


def harden(conn: sqlite3.Connection) -> None:
    """No code from the file: untrusted schema, no extensions."""
    for pragma in HARDENING:
        conn.execute(pragma)
    if hasattr(conn, "enable_load_extension"):
        conn.enable_load_extension(False)


def validate(db: sqlite3.Connection | Database, path: Path) -> list[str]:
    """Accept only a schema this app wrote (compared exactly, before any row is read), then refuse
    damaged files and newer versions; return the applied migrations. `db`: a sqlite3 connection or a
    sqlite-utils Database."""
    try:
        found = schema.schema_of(db)
    except (sqlite3.Error, UnicodeDecodeError) as exc:  # a damaged page can hold invalid UTF-8
        raise _classify(path, exc) from None
    version = schema.expected_schemas().get(found)
    if version is None:
        raise _foreign(db, path, found)
    try:
        result = [row[0] for row in db.execute(QUICK_CHECK).fetchall()]
        applied = schema.applied_names(db)
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        raise _classify(path, exc) from None
    if result != ["ok"]:
        if looks_truncated(path):
            raise TruncatedError(path=path)
        raise CorruptError(path=path, detail=result[0])  # quick_check returns at least one row
    known = schema.known_names()
    if any(name not in known for name in applied):
        raise NewerSchemaError(path=path, found=schema.version_of(applied), known=len(known))
    if applied != known[:version]:
        raise NotASessionError(path=path, detail="its recorded schema versions do not match its tables")
    return applied


def _foreign(db: sqlite3.Connection | Database, path: Path, found: schema.SchemaObjects) -> Exception:
    """Why a schema this app did not write is refused. Rows are read only from a migrations table
    declared exactly as this app declares it (to tell a newer version of this app)."""
    code = sorted(name for kind, name, _, _ in found if kind in ("view", "trigger"))
    if code:
        return NotASessionError(path=path, detail=f"it contains views or triggers: {', '.join(code)}")
    tables = {name: sql for kind, name, _, sql in found if kind == "table"}
    if tables.get(schema.MIGRATIONS_TABLE) == schema.migrations_table_sql():
        try:
            applied = schema.applied_names(db)
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            return _classify(path, exc)
        known = schema.known_names()
        if any(name not in known for name in applied):
            return NewerSchemaError(path=path, found=schema.version_of(applied), known=len(known))
    if "session" not in tables:
        return NotASessionError(path=path, detail="no session table")
    differing = sorted({name for _, name, _, _ in found ^ schema.newest_schema()})
    return NotASessionError(path=path, detail="its schema is not one this app writes (differs in: "
                                              f"{', '.join(differing[:5])})")


def _classify(path: Path, exc: sqlite3.Error | UnicodeDecodeError) -> Exception:
    text = str(exc)
    if "unable to open" in text and not Path(path).exists():
        return FileMissingError(path=path)
    if looks_truncated(path):
        return TruncatedError(path=path)
    if "not a database" in text:
        return NotSQLiteError(path=path)
    return CorruptError(path=path, detail=text)
