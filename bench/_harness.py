"""Shared plumbing for the benchmarks: fresh child processes, medians, the standalone entry point.

A benchmark module measures in child processes of itself (`python bench/bench_x.py --child MODE ...`)
so that Qt state, caches and memory do not leak between measurements. The child prints one JSON object
on its last line of output; `child` parses it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
RESULT_PREFIX = "BENCH-RESULT "

if str(PROJECT_DIR) not in sys.path:  # run as `python bench/x.py` from a checkout without install
    sys.path.insert(0, str(PROJECT_DIR))


def child_env() -> dict[str, str]:
    """The environment of a measuring child: offscreen Qt, and Python's bytecode written and reused as
    in an installed app (pip compiles a package on installing it). Without the latter, a shell with
    PYTHONDONTWRITEBYTECODE=1 made every cold start compile all of the app's modules anew, while its
    libraries' (and the bare window's PySide6) came compiled from their installation."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def child(script: str | Path, mode: str, *args: str, timeout: float = 300.0) -> dict:
    """Run `script --child mode args...` in a fresh interpreter and return its JSON result."""
    return run_script(script, "--child", mode, *args, timeout=timeout)


def run_script(script: str | Path, *args: str, timeout: float = 300.0,
               env: dict[str, str] | None = None) -> dict:
    """Run `script args...` in a fresh interpreter and return the JSON result it printed last; `env`
    adds to (or overrides) the measuring child's environment."""
    command = [sys.executable, str(script), *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          env={**child_env(), **(env or {})}, cwd=PROJECT_DIR, check=False)
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            return json.loads(line[len(RESULT_PREFIX):])
    raise RuntimeError(f"{Path(script).name} {' '.join(args[:2])} gave no result (exit "
                       f"{done.returncode}):\n{done.stderr[-3000:]}")


def emit(result: dict) -> None:
    """Print a child's result where `child` looks for it."""
    print(RESULT_PREFIX + json.dumps(result), flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values)


def mean(values: list[float]) -> float:
    return statistics.fmean(values)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def event_counter(widgets: list, event_type):
    """An event filter on `widgets` that counts their events of `event_type` (its `count`)."""
    from PySide6.QtCore import QObject

    class EventCounter(QObject):
        count = 0

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
            if event.type() == event_type:
                self.count += 1
            return False

    counter = EventCounter(widgets[0])
    for widget in widgets:
        widget.installEventFilter(counter)
    return counter


def main(run: Callable[[bool], dict[str, float]], children: dict[str, Callable[..., dict]]) -> None:
    """Entry point of a benchmark module: `--child MODE ARGS` measures once, else run and print."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer repeats (as in CI)")
    parser.add_argument("--child", choices=sorted(children), help=argparse.SUPPRESS)
    parser.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        emit(children[options.child](*options.args))
        return
    for name, value in run(options.quick).items():
        print(f"{name:32} {value:12.3f}")
