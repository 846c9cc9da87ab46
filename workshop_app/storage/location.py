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


def session_to_reopen(explicit: str | Path | None, last: str | None) -> Path | None:
    """The session to open at start: the one named on the command line, else the last one shown, if
    its file exists; None means: create the demo workshop."""
    candidate = explicit or last
    return Path(candidate) if candidate and Path(candidate).exists() else None
