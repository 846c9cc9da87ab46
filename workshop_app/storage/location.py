"""Which sessions folder the app uses and which session it reopens at start (no Qt: the command line
and the window both ask this module).

The folder: `--sessions-dir`, else $GRENZZIEHUNG_SESSIONS_DIR, else the folder chosen in the window
(File > Sessions folder…, passed in as `preference`), else the checkout's `sessions/` when the app runs
from a checkout, else the platform's data folder (on Linux `~/.local/share/Grenzziehung/Grenzziehung/
sessions`, the place Qt's AppDataLocation names).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from workshop_app.paths import checkout_sessions_dir, xdg_data_home

SESSIONS_DIR_VARIABLE = "GRENZZIEHUNG_SESSIONS_DIR"
APP_NAME = "Grenzziehung"


def platform_data_dir() -> Path:
    """The app's data folder: `<user data folder>/Grenzziehung/Grenzziehung` (organisation/app)."""
    home = Path.home()
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = xdg_data_home()
    return base / APP_NAME / APP_NAME


def default_sessions_dir() -> Path:
    """The checkout's `sessions/` when running from a checkout, else the platform's data folder."""
    return checkout_sessions_dir() or platform_data_dir() / "sessions"


def chosen_sessions_dir(override: str | Path | None = None, preference: str | None = None) -> Path | None:
    """The folder a person asked for: `override` (--sessions-dir), else the environment variable, else
    `preference`; None when nobody chose one (then `default_sessions_dir()` applies)."""
    chosen = override or os.environ.get(SESSIONS_DIR_VARIABLE) or preference
    return Path(chosen) if chosen else None


LAST_FOLDERS_KEPT = 50  # how many sessions folders remember their last session


def folder_key(folder: str | Path) -> str:
    """How a sessions folder is named in the settings: its resolved path."""
    return str(Path(folder).resolve())


def last_session_in(folder: Path, remembered: Mapping[str, str], older_last: str | None = None) -> str | None:
    """The session last shown from `folder`: each sessions folder remembers its own, so another folder
    never opens a session from elsewhere. `older_last` (the one last session versions before kept for
    every folder) counts only when it lies in `folder`."""
    key = folder_key(folder)
    if key in remembered:
        return remembered[key]
    if older_last and folder_key(Path(older_last).parent) == key:
        return older_last
    return None


def remember_last(remembered: Mapping[str, str], session: Path) -> dict[str, str]:
    """`remembered` with `session` as the last session of its folder (newest folders kept)."""
    key = folder_key(Path(session).parent)
    updated = {k: v for k, v in remembered.items() if k != key}
    updated[key] = str(Path(session).resolve())
    return dict(list(updated.items())[-LAST_FOLDERS_KEPT:])


def session_to_reopen(explicit: str | Path | None, last: str | None) -> Path | None:
    """The session to open at start: the one named on the command line, else the last one shown, if
    its file exists; None: the newest session of the folder, or the demo workshop for an empty folder."""
    candidate = explicit or last
    return Path(candidate) if candidate and Path(candidate).exists() else None
