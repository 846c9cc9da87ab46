"""The sessions folder: checking it, naming new files, moving a session to the trash.

Which folder is used is decided in `storage.location`; the list of sessions is `storage.catalog`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

from workshop_app.domain.write_target import SIDE_SUFFIXES
from workshop_app.storage.errors import (
    FolderMissingError,
    FolderReadOnlyError,
)

SUFFIX = ".sqlite"
TRASH = "trash"


def check_folder(folder: Path) -> Path:
    """The folder, if it exists and is a folder; else FolderMissingError."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FolderMissingError(folder=folder)
    return folder


def check_writable_folder(folder: Path) -> Path:
    """The folder, if files can be created in it. Probes with a real file, since permission bits
    say nothing for root and nothing about read-only mounts."""
    folder = check_folder(folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise FolderReadOnlyError(folder=folder, detail="permission denied")
    try:
        fd, probe = tempfile.mkstemp(prefix=".write-probe-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise FolderReadOnlyError(folder=folder, detail=exc.strerror or exc) from None
    return folder


def slug(title: str) -> str:
    """A file-name-safe version of a title: letters, digits and dashes."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text[:60].strip("-") or "session"


def new_session_path(folder: Path, title: str, date: str | None = None) -> Path:
    """A path in `folder` that no file uses yet: `<date>-<slug>.sqlite`, numbered when taken."""
    date = date or dt.date.today().isoformat()
    base = f"{date}-{slug(title)}"
    for number in range(1, 10_000):
        name = base if number == 1 else f"{base}-{number}"
        path = folder / f"{name}{SUFFIX}"
        if not any(os.path.lexists(f"{path}{side}") for side in ("", *SIDE_SUFFIXES)):
            return path  # lexists: a dangling symlink is taken too
    raise FolderReadOnlyError(folder=folder, detail="too many sessions with this title")


def move_to_trash(path: Path) -> Path:
    """Move a (closed) session file into the folder's `trash/`, never erasing it. Returns the new path."""
    path = Path(path)
    trash = path.parent / TRASH
    try:
        trash.mkdir(exist_ok=True)
        target = trash / path.name
        number = 2
        while target.exists():
            target = trash / f"{path.stem}-{number}{path.suffix}"
            number += 1
        shutil.move(str(path), str(target))
        for side in ("-wal", "-shm"):
            extra = Path(f"{path}{side}")
            if extra.exists():
                shutil.move(str(extra), str(target) + side)
    except OSError as exc:
        raise FolderReadOnlyError(folder=path.parent, detail=exc.strerror or exc) from None
    return target

