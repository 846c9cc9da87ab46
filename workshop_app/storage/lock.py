"""One process per session file: an exclusive advisory lock on `<session>.lock` beside the file.

`fcntl.flock` locks are released by the kernel when the process dies, even by SIGKILL, so a crash never
leaves a session locked. The lock file holds the owner's process id for the message a second instance
shows. Two opens in the same process conflict as well (flock locks belong to the open file). On Windows
`msvcrt.locking` takes the place of flock (untested here: the project runs its tests on Linux).
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: a byte-range lock, also released when the process dies
    fcntl = None  # type: ignore[assignment]
    import msvcrt

from workshop_app.storage.errors import FolderReadOnlyError, LockedError


def _lock(fd: int) -> None:
    """An exclusive lock on the open file, without waiting (OSError when another holds it)."""
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    else:  # pragma: no cover - Windows
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)


def lock_path(session_path: Path) -> Path:
    return session_path.with_name(session_path.name + ".lock")


class SessionLock:
    """Hold with `acquire()`; `release()` (or closing the process) lets the next instance in."""

    def __init__(self, session_path: Path) -> None:
        self.session_path = Path(session_path)
        self.path = lock_path(self.session_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise LockedError (another instance) / FolderReadOnlyError."""
        while self._fd is None:
            fd = self._open()
            try:
                _lock(fd)
            except OSError as exc:
                os.close(fd)
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK):
                    raise LockedError(path=self.session_path.name, pid=self.owner_pid() or "?") from None
                raise
            if self._is_current_file(fd):
                self._fd = fd
                self._write_pid(fd)
            else:  # the previous owner removed the file between our open and our lock: try again
                os.close(fd)

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            if self._is_current_file(fd):
                self.path.unlink()
        os.close(fd)

    def owner_pid(self) -> int | None:
        try:
            text = self.path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            return None
        return int(text) if text.isdigit() else None

    def _open(self) -> int:
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            raise FolderReadOnlyError(folder=self.path.parent, detail=exc.strerror or exc) from None

    def _is_current_file(self, fd: int) -> bool:
        try:
            return os.path.samestat(os.fstat(fd), os.stat(self.path))
        except OSError:
            return False

    @staticmethod
    def _write_pid(fd: int) -> None:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))

    def __enter__(self) -> SessionLock:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()
