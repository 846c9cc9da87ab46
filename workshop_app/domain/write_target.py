"""Where an export or a board file may be written: never onto its own source, never onto a session.

A session is told by its content (the SQLite header), not by its name, so a symlink, a hard link or any
other spelling of a session's path is refused as well; so are the files SQLite keeps beside one.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from workshop_app.domain.input_file import LOOK_FLAGS

SQLITE_HEADER = b"SQLite format 3\x00"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")  # the files SQLite keeps beside a database


class WriteTargetError(ValueError):
    """Writing there would destroy a session or the source; the message is one line."""


def check_write_target(target: Path | str, source: Path | str | None = None) -> None:
    """Raise WriteTargetError when writing `target` would overwrite a session, a session's side file
    or `source` (however either path is spelled)."""
    target = Path(target)
    if starts_with_sqlite_header(target):
        raise WriteTargetError(f"{target} is a session file (SQLite); it is never overwritten by an "
                               "export: choose another file name")
    for suffix in SIDE_SUFFIXES:
        base = Path(str(target)[: -len(suffix)])
        if target.name.endswith(suffix) and starts_with_sqlite_header(base):
            raise WriteTargetError(f"{target} belongs to the session {base.name}; choose another file "
                                   "name")
    if source is not None and _same_file(target, Path(source)):
        raise WriteTargetError(f"{target} is the source being exported; choose another file name")


def starts_with_sqlite_header(path: Path) -> bool:
    """True for a regular file that begins like an SQLite database (never blocks on a FIFO)."""
    try:
        fd = os.open(path, LOOK_FLAGS)
    except OSError:
        return False
    try:
        return stat.S_ISREG(os.fstat(fd).st_mode) and os.pread(fd, len(SQLITE_HEADER), 0) == SQLITE_HEADER
    except OSError:
        return False
    finally:
        os.close(fd)


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False

