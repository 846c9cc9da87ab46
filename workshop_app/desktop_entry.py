"""The app on the desktop: its id, its icon files, its `.desktop` entry and AppStream metainfo (all in
`resources/`), and putting the entry and the icons into the user's data folder (`$XDG_DATA_HOME`, else
`~/.local/share`) so that the desktop's menu shows the app.

Pure Python: no Qt, every layer may use it.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from workshop_app.paths import resource, xdg_data_home

APP_ID = "de.grenzziehung.Grenzziehung"
ICON_SIZES = (48, 64, 128, 256)
EXEC_LINE = re.compile(r"^Exec=.*$", re.MULTILINE)


def icon_svg() -> Path:
    return resource("icons", "hicolor", "scalable", "apps", f"{APP_ID}.svg")


def icon_png(size: int) -> Path:
    return resource("icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")


def desktop_file() -> Path:
    return resource("desktop", f"{APP_ID}.desktop")


def metainfo_file() -> Path:
    return resource("desktop", f"{APP_ID}.metainfo.xml")


def launch_arguments() -> list[str]:
    """How to start this installation of the app: the bundle's executable, else its Python with
    `-m workshop_app` (right for a venv, pipx and an editable checkout alike)."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "workshop_app"]


def exec_value(arguments: list[str]) -> str:
    """The value of a desktop entry's `Exec` key. An argument with a reserved character is quoted and
    `"`, backquote, `$` and backslash in it are escaped; then the string escape rule doubles every
    backslash and `%` becomes `%%` (Desktop Entry Specification 1.4, "The Exec key")."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    quoted = []
    for argument in arguments:
        if argument and not reserved & set(argument):
            quoted.append(argument)
        else:
            quoted.append('"' + re.sub(r'(["`$\\])', r"\\\1", argument) + '"')
    return " ".join(quoted).replace("\\", "\\\\").replace("%", "%%")


def entry_text(arguments: list[str] | None = None) -> str:
    """The `.desktop` entry from resources/, its `Exec` set to start this installation."""
    value = exec_value(arguments or launch_arguments())
    return EXEC_LINE.sub(lambda _match: f"Exec={value}", desktop_file().read_text(encoding="utf-8"), count=1)


def installed_files(data_dir: Path) -> dict[Path, Path | None]:
    """Each file the desktop integration puts into `data_dir`, with its source (None: the entry,
    which is written rather than copied)."""
    icons = data_dir / "icons" / "hicolor"
    files: dict[Path, Path | None] = {data_dir / "applications" / f"{APP_ID}.desktop": None,
                                      icons / "scalable" / "apps" / f"{APP_ID}.svg": icon_svg()}
    for size in ICON_SIZES:
        files[icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = icon_png(size)
    return files


def install(data_dir: Path | None = None) -> list[Path]:
    """Put the entry and the icons into the user's data folder; returns the files written. Each file
    is written beside its target and renamed, so a failure (OSError) leaves no half-written file."""
    import shutil  # with tempfile: only for installing, not for the app's start (which needs the ids)
    import tempfile

    written = []
    for target, source in installed_files(data_dir or xdg_data_home()).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                if source is None:
                    out.write(entry_text().encode("utf-8"))
                else:
                    with source.open("rb") as data:
                        shutil.copyfileobj(data, out)
            os.chmod(temporary, 0o644)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        written.append(target)
    return written


def uninstall(data_dir: Path | None = None) -> list[Path]:
    """Remove the entry and the icons `install` put there; returns the files removed."""
    removed = []
    for target in installed_files(data_dir or xdg_data_home()):
        if target.is_file():
            target.unlink()
            removed.append(target)
    return removed
