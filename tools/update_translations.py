"""Refresh the UI translations: lupdate the sources into the .ts files, then lrelease the .qm files.

The source strings are English. `grenzziehung_de.ts` translates every string; `grenzziehung_en.ts`
holds only the plural forms ("%n card(s)" -> "1 card" / "2 cards"), as Qt recommends for the source
language. Run it after changing user-facing strings (`make translations`); translate new entries (Qt
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
TS_EN = TS.with_name("grenzziehung_en.ts")
QM_EN = TS_EN.with_suffix(".qm")


def tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return found


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "workshop_app" / "ui").rglob("*.py"))


def lupdate(target: Path, *, plurals_only: bool = False) -> None:
    options = ["-pluralonly"] if plurals_only else []
    subprocess.run([tool("pyside6-lupdate"), *ui_sources(), "-no-obsolete", "-locations", "none",
                    *options, "-ts", str(target)], cwd=ROOT, check=True, capture_output=True)


def lrelease(source: Path, target: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(source), "-qm", str(target)], cwd=ROOT, check=True,
                   capture_output=True)


def main() -> int:
    lupdate(TS)
    lupdate(TS_EN, plurals_only=True)
    unfinished = 0
    for ts, qm in ((TS, QM), (TS_EN, QM_EN)):
        lrelease(ts, qm)
        count = ts.read_text(encoding="utf-8").count('type="unfinished"')
        print(f"{ts.relative_to(ROOT)}: {count} unfinished translation(s)")
        unfinished += count
    return 1 if unfinished else 0


if __name__ == "__main__":
    sys.exit(main())
