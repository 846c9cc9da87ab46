"""Reading a file the user names (a board file, session JSON, standard input) safely: never blocking
on a FIFO that nobody writes, never reading a device without bound, and reading a pipe only once."""

from __future__ import annotations

import errno
import os
import select
import stat
from pathlib import Path

PIPE_WAIT_S = 10.0  # how long a FIFO or standard input may stay silent before reading gives up
# how a file the app only looks at is opened: read-only, never blocking on a FIFO, never becoming the
# controlling terminal (O_NOCTTY, POSIX only), never inherited by a child process
LOOK_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0)


def read_bounded(path: Path, limit: int) -> bytes:
    """At most `limit` + 1 bytes of the regular file, FIFO or pipe at `path` (callers refuse more).
    Never blocks on opening a FIFO, never waits more than PIPE_WAIT_S for data, never reads a device
    (OSError EINVAL) or a folder (OSError EISDIR)."""
    fd = os.open(path, LOOK_FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "it is a folder")
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise OSError(errno.EINVAL, "not a regular file")
        return _read_up_to(fd, limit + 1, writer_seen=not stat.S_ISFIFO(mode))
    finally:
        os.close(fd)


def _read_up_to(fd: int, size: int, *, writer_seen: bool) -> bytes:
    """Read until end of file or `size` bytes. A FIFO opened before any writer reads as empty: that is
    not its end, so wait (at most PIPE_WAIT_S) for a writer's data or its closing first."""
    chunks: list[bytes] = []
    total = 0
    while total < size:
        try:
            chunk = os.read(fd, min(1 << 16, size - total))
        except BlockingIOError:  # a writer is there but has not written yet
            chunk = None
        if chunk is None or (not chunk and not writer_seen):
            writer_seen = True
            _wait_for_data(fd)
            continue
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _wait_for_data(fd: int) -> None:
    """Until `fd` has data or its writer has closed it; OSError ETIMEDOUT after PIPE_WAIT_S."""
    if not select.select([fd], [], [], PIPE_WAIT_S)[0]:
        raise OSError(errno.ETIMEDOUT, f"no data within {PIPE_WAIT_S:.0f} s")
