"""Launch-to-exit time of `--smoke-test` (start, first paint of the board, finish the start, quit) for
the editable install and the bundle, next to a bare PySide6 window that quits after its first paint,
measured in the same run: `python tools/measure_start.py [--runs 7] [--bundle dist/Grenzziehung]`.

Each command runs in a fresh process with Qt offscreen and the same scratch HOME and sessions folder;
one warm-up run per command (it creates the demo session) is not counted; runs alternate between the
commands so that a busy machine slows all of them alike. Prints the median and the spread of the
wall-clock time and the median CPU time (user + system) in seconds.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE_WINDOW = """
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
class Quit(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
quit_filter = Quit()
window.installEventFilter(quit_filter)
window.showMaximized()
app.exec()
"""


def commands(bundle: Path, sessions: Path) -> dict[str, list[str]]:
    python = ROOT / ".venv" / "bin" / "python"
    found = {"bare PySide6 window": [str(python), "-c", BARE_WINDOW],
             "editable install": [str(ROOT / ".venv" / "bin" / "workshop-app"), "--smoke-test",
                                  "--sessions-dir", str(sessions)]}
    if (bundle / "Grenzziehung").is_file():
        found["bundle"] = [str(bundle / "Grenzziehung"), "--smoke-test", "--sessions-dir", str(sessions)]
    return found


def launch(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall-clock seconds from launch to exit, and the CPU seconds (user + system) the process used:
    the second is less disturbed by other work on the machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, check=True, capture_output=True, timeout=120)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "Grenzziehung")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch)
        (home / "sessions").mkdir()
        env = {**os.environ, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
        chosen = commands(args.bundle.resolve(), home / "sessions")
        for command in chosen.values():
            launch(command, env, home)  # warm-up: creates the demo session, fills the file cache
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in chosen}
        for _ in range(args.runs):
            for name, command in chosen.items():
                times[name].append(launch(command, env, home))
    print(f"load average before the last run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for name, values in times.items():
        wall = [value[0] for value in values]
        cpu = [value[1] for value in values]
        print(f"{name:20} wall median {statistics.median(wall):.3f} s (min {min(wall):.3f}, "
              f"max {max(wall):.3f}); CPU median {statistics.median(cpu):.3f} s; {len(values)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
