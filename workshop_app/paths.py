"""Where the app finds its resources and, when run from a checkout, its sessions folder.

Pure Python: every layer may use it.
"""

from __future__ import annotations

import os
from importlib.util import find_spec
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def _resources_dir() -> Path:
    """The folder of the package `workshop_app.resources`: `resources/` of the repository, shipped in
    the wheel and the bundle (setup.py maps it), found through importlib.resources wherever the app is
    installed. The app reads its data files by path (Qt, ReportLab), so it must be a real folder.

    The package's one folder on disk is taken from its import spec (what importlib.resources reports
    for it, without importing importlib.resources and its helpers: about 3 ms of every start); only
    where that is not a folder is importlib.resources asked."""
    spec = find_spec("workshop_app.resources")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    if len(folders) == 1 and Path(folders[0]).is_dir():
        return Path(folders[0])
    from importlib.resources import files

    found = files("workshop_app.resources")
    if not isinstance(found, Path):
        raise RuntimeError(f"the app's resources are not in a folder on disk: {found}")
    return found


RESOURCES_DIR = _resources_dir()


def resource(*parts: str) -> Path:
    """Path of a file below `resources/`."""
    return RESOURCES_DIR.joinpath(*parts)


def checkout_sessions_dir() -> Path | None:
    """The checkout's `sessions/` folder when the app runs from a checkout, else None."""
    if (PROJECT_DIR / "pyproject.toml").is_file() and (PROJECT_DIR / "sessions").is_dir():
        return PROJECT_DIR / "sessions"
    return None


def xdg_data_home() -> Path:
    """The user's data folder on Linux and other XDG desktops: `$XDG_DATA_HOME` when it is an absolute
    path (the XDG spec ignores a relative one), else `~/.local/share`."""
    chosen = os.environ.get("XDG_DATA_HOME", "")
    return Path(chosen) if chosen and Path(chosen).is_absolute() else Path.home() / ".local" / "share"
