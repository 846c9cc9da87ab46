"""`make mutation`: mutmut over every module of workshop_app/domain and workshop_app/storage (configured in
pyproject.toml, [tool.mutmut]), then one table row per module and, last, the overall score.

    python tools/mutation.py            # fresh run (removes mutants/ first), then the table
    python tools/mutation.py --report   # only the table, from the results mutants/ already holds
    python tools/mutation.py --report --mutants /tmp/copy/mutants   # the table of a run in a copy

The score of a module is killed / mutants: a mutant no test reaches ("no tests") counts against it, like a
survivor. Timeouts and crashes of a mutant count as killed (the mutant changed what the code does).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("workshop_app/domain", "workshop_app/storage")
KILLED = {1, 3, 24, -24, 36, 37, 152, 255, -9, -11}  # a failing test, a timeout, a crash
SURVIVED = {0}
NO_TESTS = {5, 33}
SKIPPED = {34}


@dataclass
class ModuleFigures:
    module: str
    mutants: int = 0
    killed: int = 0
    survived: int = 0
    no_tests: int = 0
    other: int = 0  # not checked, interrupted, suspicious

    def add(self, exit_code: int | None) -> None:
        if exit_code in SKIPPED:
            return
        self.mutants += 1
        if exit_code in KILLED:
            self.killed += 1
        elif exit_code in SURVIVED:
            self.survived += 1
        elif exit_code in NO_TESTS:
            self.no_tests += 1
        else:
            self.other += 1

    @property
    def score(self) -> float:
        return 100.0 * self.killed / self.mutants if self.mutants else 100.0


def module_figures(mutants_dir: Path) -> list[ModuleFigures]:
    """One row per module of the two packages, from mutmut's .meta files (a module without mutants too)."""
    rows = []
    for package in PACKAGES:
        for source in sorted((ROOT / package).glob("*.py")):
            relative = source.relative_to(ROOT)
            figures = ModuleFigures(str(relative))
            meta = mutants_dir / (str(relative) + ".meta")
            if meta.exists():
                for exit_code in json.loads(meta.read_text("utf-8"))["exit_code_by_key"].values():
                    figures.add(exit_code)
            rows.append(figures)
    return rows


def table(rows: list[ModuleFigures]) -> str:
    head = (f"{'module':<42} {'mutants':>7} {'killed':>7} {'survived':>8} {'no tests':>8} {'other':>5} "
            f"{'score':>7}")
    lines = [head, "-" * len(head)]
    for row in rows:
        lines.append(f"{row.module:<42} {row.mutants:>7} {row.killed:>7} {row.survived:>8} {row.no_tests:>8} "
                     f"{row.other:>5} {row.score:>6.1f}%")
    total = ModuleFigures("all", *(sum(getattr(r, f) for r in rows)
                                   for f in ("mutants", "killed", "survived", "no_tests", "other")))
    lines.append("-" * len(head))
    lines.append(f"{'all':<42} {total.mutants:>7} {total.killed:>7} {total.survived:>8} {total.no_tests:>8} "
                 f"{total.other:>5} {total.score:>6.1f}%")
    below = [r.module for r in rows if r.mutants and r.score < 90.0]
    lines.append(f"modules below 90 %: {', '.join(below) if below else 'none'}")
    lines.append(f"mutation score: {total.score:.1f} %")
    return "\n".join(lines)


def run_mutmut(max_children: int) -> float:
    """A fresh mutmut run at low priority; returns its wall time in seconds."""
    shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    mutmut = Path(sys.executable).with_name("mutmut")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.monotonic()
    subprocess.run(["nice", "-n", "10", str(mutmut), "run", "--max-children", str(max_children)],
                   cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="only print the table of the last run")
    parser.add_argument("--max-children", type=int, default=max(1, min(2, os.cpu_count() or 1)))
    parser.add_argument("--mutants", type=Path, default=ROOT / "mutants",
                        help="the mutants/ folder of a run made elsewhere (a copy of the tree)")
    args = parser.parse_args(argv)
    if not args.report:
        seconds = run_mutmut(args.max_children)
        print(f"mutmut run: {seconds / 60:.1f} min with {args.max_children} workers")
    print(table(module_figures(args.mutants)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
