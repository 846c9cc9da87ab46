"""Where the app finds its resources and, when run from a checkout, its sessions folder.

Pure Python: every layer may use it.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
RESOURCES_DIR = PROJECT_DIR / "resources"


def resource(*parts: str) -> Path:
    """Path of a file below `resources/`."""
    return RESOURCES_DIR.joinpath(*parts)


def checkout_sessions_dir() -> Path | None:
    """The checkout's `sessions/` folder when the app runs from a checkout, else None."""
    if (PROJECT_DIR / "pyproject.toml").is_file() and (PROJECT_DIR / "sessions").is_dir():
        return PROJECT_DIR / "sessions"
    return None
