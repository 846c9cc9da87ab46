"""Refresh the German translation of the UI: lupdate the sources into the .ts, then lrelease the .qm.

Run it after changing user-facing strings (`make translations`); translate new entries in the .ts (Qt
Linguist: `pyside6-linguist resources/translations/grenzziehung_de.ts`) and run it again.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "grenzziehung_de.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "workshop_app" / "ui").rglob("*.py"))


def lupdate(target: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), *ui_sources(), "-no-obsolete", "-locations", "none",
                    "-ts", str(target)], cwd=ROOT, check=True, capture_output=True)


def lrelease(source: Path, target: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(source), "-qm", str(target)], cwd=ROOT, check=True,
                   capture_output=True)


def main() -> int:
    lupdate(TS)
    lrelease(TS, QM)
    unfinished = TS.read_text(encoding="utf-8").count('type="unfinished"')
    print(f"{TS.relative_to(ROOT)}: {unfinished} unfinished translation(s)")
    return 1 if unfinished else 0


if __name__ == "__main__":
    sys.exit(main())
