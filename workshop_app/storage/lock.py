"""One writer per session file: an exclusive advisory lock on the session file itself.

The lock belongs to the file (its inode), not to the path: a symlink or a hard link to a session that
is open elsewhere is refused like the path itself, so two writers (and two WALs) never share one file.
No lock file is made beside the session, so nothing a lock file could point to is ever written.

`fcntl.flock` locks are released by the kernel when the process dies, even by SIGKILL, so a crash never
leaves a session locked. flock locks are independent of the POSIX record locks SQLite takes on the same
file. Closing any descriptor of a file drops this process's POSIX locks on it, though; so a file this
process already holds is recognised by its identity (`os.stat`) before any descriptor is opened, and the
held descriptor is closed only after the session's connection. The owner's process id for the message
comes from `/proc/locks` (Linux; elsewhere "?"). On Windows `msvcrt.locking` on a byte far beyond the
data takes the place of flock (untested here: the project runs its tests on Linux).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: a byte-range lock, also released when the process dies
    fcntl = None  # type: ignore[assignment]
    import msvcrt

    def _windows_lock(fd: int) -> None:
        """Lock one byte far beyond the data (OSError when another holds it). Defined on Windows only,
        so it is outside the mutants of a run on Linux, where it could not run (see TESTING.md)."""
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

from workshop_app.domain.input_file import LOOK_FLAGS
from workshop_app.storage.errors import FileMissingError, FileUnreadableError, LockedError, NotSQLiteError

_BUSY = (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK)
_WINDOWS_LOCK_OFFSET = 0x7FFF_FFF0  # beyond SQLite's own lock bytes (0x40000000 and up)
_held: set[tuple[int, int]] = set()  # (device, inode) of the sessions this process holds


def _lock(fd: int) -> None:
    """An exclusive lock on the open file, without waiting (OSError when another holds it)."""
    if fcntl is None:  # pragma: no cover - Windows
        _windows_lock(fd)
        return
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _identity(status: os.stat_result) -> tuple[int, int]:
    return status.st_dev, status.st_ino


def open_regular_file(path: Path) -> int:
    """A read-only descriptor on `path` if it is a regular file. Never blocks on a FIFO or a device (it
    is opened non-blocking and refused by its type, as a folder is); a file this user may not read is a
    FileUnreadableError."""
    try:
        fd = os.open(path, LOOK_FLAGS)
    except (FileNotFoundError, NotADirectoryError):  # NotADirectoryError: a path below a file
        raise FileMissingError(path=path) from None
    except OSError as exc:
        raise FileUnreadableError(path=path, detail=exc.strerror or exc) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotSQLiteError(path=path)
    return fd


class SessionLock:
    """Hold with `acquire()` (or `adopt(fd)` for a file just created); `release()` (or the end of the
    process) lets the next writer in."""

    def __init__(self, session_path: Path) -> None:
        self.session_path = Path(session_path)
        self._fd: int | None = None
        self._key: tuple[int, int] | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise LockedError (another window or process holds the same file)."""
        if self._fd is not None:
            return
        with contextlib.suppress(OSError):
            if _identity(os.stat(self.session_path)) in _held:  # held here: open no descriptor
                raise LockedError(path=self.session_path.name, pid=os.getpid())
        self.adopt(open_regular_file(self.session_path))

    def adopt(self, fd: int) -> None:
        """Lock the session through `fd` (which this lock then owns and closes)."""
        key = _identity(os.fstat(fd))
        if key in _held:
            raise LockedError(path=self.session_path.name, pid=os.getpid())  # keep fd: closing it
        try:                                                                 # would drop SQLite's locks
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            if exc.errno in _BUSY:
                raise LockedError(path=self.session_path.name, pid=owner_pid(key) or "?") from None
            raise
        self._fd, self._key = fd, key
        _held.add(key)

    def release(self) -> None:
        """Let go of the file; call it after the session's database connection is closed."""
        if self._fd is None:
            return
        fd, key = self._fd, self._key
        self._fd = self._key = None
        _held.discard(key)  # type: ignore[arg-type]
        os.close(fd)

    def __enter__(self) -> SessionLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


def owner_pid(key: tuple[int, int]) -> int | None:
    """The process holding a flock on the file (device, inode), from /proc/locks; None if unknown."""
    device, inode = key
    wanted = (os.major(device), os.minor(device), inode)
    try:
        lines = Path("/proc/locks").read_bytes().splitlines()  # ASCII fields, compared as bytes
    except OSError:
        return None
    for line in lines:
        fields = line.split()
        if len(fields) < 6 or fields[1] != b"FLOCK" or not fields[4].isdigit():
            continue
        parts = fields[5].split(b":")
        with contextlib.suppress(ValueError):
            if len(parts) == 3 and (int(parts[0], 16), int(parts[1], 16), int(parts[2])) == wanted:
                return int(fields[4])
    return None
