"""Run every benchmark, compare the figures with their bounds, print a table, write results.json.

    python bench/run.py            # full: more repeats, the bounds from the issues
    python bench/run.py --quick    # CI: fewer repeats, bounds ten times looser
    python bench/run.py --write-benchmarks   # also rewrite BENCHMARKS.md and its plot with these figures
    python bench/run.py --runs 3   # the whole set three times: medians, spread, every run within bounds

Each `bench/bench_*.py` module (contract: `run(quick: bool) -> dict[str, float]`) runs in a fresh
interpreter, so that Qt state and peak memory do not leak from one into the next. A module that has
not landed yet is reported as missing; once it is there, its bounded figures must be present and
within their bounds (in every run). The exit status is 1 when a bound is broken or a module fails.

`bench/results.json` starts with a flat `"figures"` object (name -> median over the runs), then the
spread of each figure, the checks and each run's per-module details. Figures named `<family>_<cards>`
for the scale sizes (22, 300, 1000, 2000 cards) form the curves: a table in BENCHMARKS.md and a plot
(`docs/bench_curves.png`, drawn by bench/plot.py with Qt's QPainter).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import operator
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
RESULTS_FILE = BENCH_DIR / "results.json"
BENCHMARKS_FILE = PROJECT_DIR / "BENCHMARKS.md"
PLOT_FILE = PROJECT_DIR / "docs" / "bench_curves.png"
RESULT_PREFIX = "BENCH-MODULE-RESULT "
QUICK_LOOSENESS = 10.0
MODULE_TIMEOUT_S = {True: 600.0, False: 1800.0}

# the modules the issues ask for; any other bench_*.py found is run as well
EXPECTED_MODULES = ("bench_startup", "bench_diagnosis", "bench_drag", "bench_autosave", "bench_export",
                    "bench_agreement", "bench_rounds", "bench_room")


@dataclass(frozen=True)
class Bound:
    figure: str
    relation: str  # "<" or "<="
    limit: float

    def loosened(self, factor: float) -> Bound:
        return Bound(self.figure, self.relation, self.limit * factor)

    def holds(self, value: float) -> bool:
        compare = operator.lt if self.relation == "<" else operator.le
        return compare(value, self.limit)

    def text(self) -> str:
        return f"{self.relation} {self.limit:g}"


BOUNDS: dict[str, Bound] = {bound.figure: bound for bound in (
    # issue 4 (the first benchmark issue)
    Bound("diagnosis_ms_22", "<", 16.0),
    Bound("diagnosis_ms_300", "<", 16.0),
    Bound("drag_event_ms_300", "<", 8.0),
    Bound("autosave_median_ms", "<", 5.0),
    Bound("export_s_60", "<", 1.0),
    Bound("peak_rss_mb", "<", 250.0),
    # issue 14: fair start-up baselines, diagnosis flip and move, autosave and drag at 2,000 cards, PDF
    Bound("startup_ratio", "<=", 1.25),
    Bound("startup_cold_ratio", "<=", 1.5),
    *(Bound(f"diagnosis_{kind}_{stat}_{size}", "<", limit)
      for kind in ("flip", "move") for size in (22, 300) for stat, limit in (("ms", 3.0), ("p95_ms", 6.0))),
    Bound("autosave_ms_2000", "<", 1.0),
    Bound("autosave_p95_ms_2000", "<", 2.0),
    Bound("autosave_ratio", "<=", 1.5),
    Bound("drag_cross_p95_ms_2000", "<=", 2.0),
    Bound("export_ratio", "<=", 3.0),
    Bound("export_s_2000", "<", 1.5),
    Bound("export_text_growth", "<=", 1.5),
    # issue 13
    Bound("agreement_ms_300", "<", 5.0),
    # issue 11
    Bound("round_switch_ms_300", "<", 50.0),
    Bound("overlay_ms_300", "<", 50.0),
    Bound("session_json_export_ms_300", "<", 200.0),
    Bound("session_json_import_ms_300", "<", 200.0),
    # issue 12
    Bound("presenter_open_ms_300", "<", 300.0),
    Bound("presenter_move_ms_300", "<", 1000 / 60),  # a move shows in both windows within one frame
    Bound("png_export_s_60", "<", 1.0),
)}
BOUND_MODULE = {figure: module for module, prefixes in {
    "bench_startup": ("startup_",),
    "bench_diagnosis": ("diagnosis_",),
    "bench_drag": ("drag_", "peak_rss_"),
    "bench_autosave": ("autosave_",),
    "bench_export": ("export_",),
    "bench_agreement": ("agreement_",),
    "bench_rounds": ("round_switch_", "overlay_", "session_json_"),
    "bench_room": ("presenter_", "png_"),
}.items() for figure in BOUNDS if figure.startswith(prefixes)}
SCALE_SIZES = (22, 300, 1000, 2000)
# the curves: figure family -> (label, unit); the figures are `<family>_<cards>`
CURVES: dict[str, tuple[str, str]] = {
    "diagnosis_flip_ms": ("diagnosis + panel, a flip (median)", "ms"),
    "diagnosis_move_ms": ("diagnosis + panel, an ordinary move (median)", "ms"),
    "diagnosis_flip_p95_ms": ("diagnosis + panel, a flip (p95)", "ms"),
    "drag_event_ms": ("drag, one mouse move (mean)", "ms"),
    "drag_cross_p95_ms": ("drag across a zone border (p95)", "ms"),
    "autosave_ms": ("autosave, one move (median)", "ms"),
    "autosave_p95_ms": ("autosave, one move (p95)", "ms"),
    "session_open_ms": ("open a session file and load it", "ms"),
    "set_board_ms": ("window set_board and paint", "ms"),
    "export_s": ("PDF export", "s"),
}
# figure -> (its baseline figure, its ratio figure); a missing ratio is computed from the two
COMPARISONS: dict[str, tuple[str, str | None]] = {
    "startup_app_ms": ("startup_baseline_ms", "startup_ratio"),
    "startup_core_ms": ("startup_baseline_ms", "startup_core_ratio"),
    "startup_furnished_ms": ("startup_baseline_ms", "startup_furnished_ratio"),
    "startup_cold_app_ms": ("startup_cold_baseline_ms", "startup_cold_ratio"),
    "startup_cpu_ms": ("startup_cpu_baseline_ms", "startup_cpu_ratio"),
    "startup_cold_cpu_ms": ("startup_cold_cpu_baseline_ms", "startup_cold_cpu_ratio"),
    "drag_event_ms_300": ("drag_event_baseline_ms", "drag_event_ratio"),
    "drag_repaint_ms_300": ("drag_repaint_baseline_ms", None),
    "peak_rss_mb": ("peak_rss_baseline_mb", "peak_rss_ratio"),
    "autosave_median_ms": ("autosave_baseline_median_ms", "autosave_ratio"),
    "export_s_60": ("export_baseline_s", "export_ratio"),
    "agreement_ms_300": ("agreement_baseline_ms_300", "agreement_ratio_300"),
    "presenter_move_ms_300": ("presenter_move_baseline_ms", "presenter_move_ratio"),
    "diagnosis_ms_22": ("diagnosis_baseline_label_ms_22", "diagnosis_ratio_label_22"),
    "diagnosis_ms_300": ("diagnosis_baseline_label_ms_300", "diagnosis_ratio_label_300"),
}


# --- running modules ---


def discover() -> list[str]:
    return sorted(path.stem for path in BENCH_DIR.glob("bench_*.py"))


def run_module_here(name: str, quick: bool) -> None:
    """Child side: import one module, run it, print its figures where the parent looks for them."""
    sys.path.insert(0, str(BENCH_DIR))
    sys.path.insert(1, str(PROJECT_DIR))
    module = __import__(name)
    figures = {key: float(value) for key, value in module.run(quick).items()}
    print(RESULT_PREFIX + json.dumps(figures), flush=True)


def run_module(name: str, quick: bool) -> dict:
    """Parent side: run one module in a fresh interpreter; its status, figures and duration."""
    command = [sys.executable, str(Path(__file__).resolve()), "--module", name]
    if quick:
        command.append("--quick")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=PROJECT_DIR,
                              timeout=MODULE_TIMEOUT_S[quick], check=False)
    except subprocess.TimeoutExpired:
        return {"status": "error", "error": f"timed out after {MODULE_TIMEOUT_S[quick]:.0f} s",
                "figures": {}, "seconds": time.perf_counter() - started}
    seconds = time.perf_counter() - started
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            return {"status": "ok", "figures": json.loads(line[len(RESULT_PREFIX):]),
                    "seconds": seconds}
    tail = (done.stderr or done.stdout).strip().splitlines()[-12:]
    return {"status": "error", "error": "\n".join(tail) or f"exit status {done.returncode}",
            "figures": {}, "seconds": seconds}


# --- judging ---


def check_bounds(modules: dict[str, dict], quick: bool) -> list[dict]:
    """One check per bound whose module has landed: present and within the (loosened) bound."""
    checks = []
    for figure, bound in BOUNDS.items():
        module = BOUND_MODULE[figure]
        if module not in modules or modules[module]["status"] == "missing":
            checks.append({"figure": figure, "bound": bound.text(), "status": "missing"})
            continue
        used = bound.loosened(QUICK_LOOSENESS) if quick else bound
        value = modules[module]["figures"].get(figure)
        ok = value is not None and used.holds(value)
        checks.append({"figure": figure, "value": value, "bound": used.text(),
                       "status": "ok" if ok else "FAILED"})
    return checks


def merge_runs(runs: list[dict[str, dict]]) -> dict[str, dict]:
    """The modules of several runs as one: each figure the median of its runs, with all its values.
    A module that failed in any run counts as failed."""
    merged: dict[str, dict] = {}
    for name in runs[0]:
        results = [run[name] for run in runs]
        failed = next((result for result in results if result["status"] != "ok"), None)
        if failed is not None:
            merged[name] = failed
            continue
        values: dict[str, list[float]] = {}
        for result in results:
            for figure, value in result["figures"].items():
                values.setdefault(figure, []).append(value)
        merged[name] = {"status": "ok", "seconds": sum(result["seconds"] for result in results),
                        "figures": {figure: statistics.median(v) for figure, v in values.items()},
                        "values": values}
    return merged


def check_runs(runs: list[dict[str, dict]], quick: bool) -> list[dict]:
    """The checks of every run as one: a bound holds only if it holds in each run; value: the median."""
    per_run = [check_bounds(run, quick) for run in runs]
    checks = []
    for index, first in enumerate(per_run[0]):
        all_of = [run_checks[index] for run_checks in per_run]
        statuses = {check["status"] for check in all_of}
        status = "FAILED" if "FAILED" in statuses else first["status"]
        check = {"figure": first["figure"], "bound": first["bound"], "status": status}
        values = [c["value"] for c in all_of if c.get("value") is not None]
        if "value" in first:
            check["value"] = statistics.median(values) if values else None
            check["values"] = values
        checks.append(check)
    return checks


def flat_figures(modules: dict[str, dict]) -> dict[str, float]:
    return {figure: value for module in modules.values() for figure, value in module["figures"].items()}


def spread(modules: dict[str, dict]) -> dict[str, list[float]]:
    """figure -> [lowest, highest] over the runs."""
    return {figure: [min(values), max(values)] for module in modules.values()
            for figure, values in module.get("values", {}).items()}


def comparison(figure: str, figures: dict[str, float]) -> tuple[float | None, float | None]:
    baseline_name, ratio_name = COMPARISONS.get(figure, (f"{figure}_baseline", None))
    baseline = figures.get(baseline_name)
    ratio = figures.get(ratio_name) if ratio_name else None
    if ratio is None and baseline:
        ratio = figures[figure] / baseline
    return baseline, ratio


def table_rows(modules: dict[str, dict], checks: list[dict],
               spreads: dict[str, list[float]] | None = None) -> list[tuple[str, ...]]:
    """One row per figure: figure, value, baseline, ratio, bound, ok (and its spread, when given)."""
    by_figure = {check["figure"]: check for check in checks}
    extra = ("",) if spreads is not None else ()
    rows = []
    for name, module in modules.items():
        if module["status"] != "ok":
            rows.append((f"{name} [{module['status']}]", "", "", "", "", module["status"], *extra))
            continue
        for figure, value in module["figures"].items():
            baseline, ratio = comparison(figure, module["figures"])
            check = by_figure.get(figure)
            row = (figure, f"{value:.3f}", _num(baseline), _num(ratio),
                   check["bound"] if check else "", check["status"] if check else "")
            if spreads is not None:
                low_high = spreads.get(figure)
                row += (f"{low_high[0]:.3f}-{low_high[1]:.3f}" if low_high else "",)
            rows.append(row)
    for check in checks:
        if check["status"] == "FAILED" and check.get("value") is None:
            rows.append((check["figure"], "absent", "", "", check["bound"], "FAILED", *extra))
    return rows


def curve_rows(figures: dict[str, float]) -> list[tuple[str, ...]]:
    """The curves as a table: one row per family, one column per board size."""
    rows = []
    for family, (label, unit) in CURVES.items():
        cells = [figures.get(f"{family}_{size}") for size in SCALE_SIZES]
        if any(cell is not None for cell in cells):
            rows.append((f"{label} ({unit})", *(_num(cell) or "–" for cell in cells)))
    return rows


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def format_table(rows: list[tuple[str, ...]]) -> str:
    header = ("figure", "value", "baseline", "ratio", "bound", "ok", "spread")[:len(rows[0]) if rows else 6]
    widths = [max(len(str(row[i])) for row in (header, *rows)) for i in range(len(header))]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
             for row in (header, *rows)]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


# --- machine and reports ---


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info = {"cpus": str(os.cpu_count()), "cpu_model": cpu, "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}"}
    if hasattr(os, "getloadavg"):  # how busy the machine was when the run started
        info["load"] = " ".join(f"{value:.2f}" for value in os.getloadavg())
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        info.update(pyside=PySide6.__version__, qt=qVersion())
    except ImportError:  # pragma: no cover - the app cannot run without it anyway
        pass
    return info


def markdown_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    align = "|---|" + "---:|" * (len(header) - 1)
    lines = ["| " + " | ".join(header) + " |", align]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def write_benchmarks_md(rows: list[tuple[str, ...]], curves: list[tuple[str, ...]], info: dict[str, str],
                        when: str, runs: int) -> None:
    """Rewrite BENCHMARKS.md with these figures; a hand-written "## Notes" section is kept."""
    header = ("figure", "value", "baseline", "ratio", "bound", "ok", "spread")[:len(rows[0])]
    old = BENCHMARKS_FILE.read_text(encoding="utf-8") if BENCHMARKS_FILE.exists() else ""
    notes = old[old.index("\n## Notes"):] if "\n## Notes" in old else ""
    repeated = (f"{runs} full runs; each value is the median of the runs, `spread` their lowest and "
                "highest, and a bound counts as held only when it held in every run.\n"
                if runs > 1 else "")
    curves_md = ""
    if curves:
        curves_md = ("\n## Curves\n\nThe same figures over the board size (cards); `–`: not measured "
                     "at that size.\n\n" + markdown_table(("figure", *map(str, SCALE_SIZES)), curves)
                     + f"\n![The curves]({PLOT_FILE.relative_to(PROJECT_DIR).as_posix()})\n")
    BENCHMARKS_FILE.write_text(
        "# Benchmarks\n\n"
        f"Latest full run (`python bench/run.py --write-benchmarks --runs {runs}`), {when}.\n"
        + repeated + "\n"
        f"Machine: {info['cpus']} CPUs, {info['cpu_model']}; {info['system']}; "
        f"Python {info['python']}; PySide6 {info.get('pyside', '?')}, Qt {info.get('qt', '?')}; "
        f"Qt on the offscreen platform; load average at the start {info.get('load', '?')}.\n\n"
        "Times in milliseconds (`_ms`) or seconds (`_s`), memory in MiB. Each figure is measured in the\n"
        "same run as its baseline (a bare PySide6, sqlite3 or ReportLab program doing the same job);\n"
        "the ratio is figure / baseline. See the docstring of each `bench/bench_*.py` for what exactly\n"
        "is measured.\n\n" + markdown_table(header, rows) + curves_md + notes, encoding="utf-8")


def draw_plot(figures: dict[str, float]) -> None:
    """Draw the curves into PLOT_FILE (bench/plot.py, in a fresh interpreter with offscreen Qt)."""
    series = {CURVES[family][0]: {size: figures[f"{family}_{size}"] * (1000 if CURVES[family][1] == "s"
                                                                      else 1)
                                  for size in SCALE_SIZES if f"{family}_{size}" in figures}
              for family in CURVES}
    series = {label: points for label, points in series.items() if len(points) > 1}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, str(BENCH_DIR / "plot.py"), str(PLOT_FILE)], input=json.dumps(series),
                   text=True, env=env, cwd=PROJECT_DIR, check=True, timeout=120)


def run_once(quick: bool) -> dict[str, dict]:
    found = discover()
    modules: dict[str, dict] = {}
    for name in sorted(set(found) | set(EXPECTED_MODULES), key=_module_order):
        if name not in found:
            modules[name] = {"status": "missing", "figures": {}}
            continue
        print(f"running {name} ...", file=sys.stderr, flush=True)
        modules[name] = run_module(name, quick)
        if modules[name]["status"] == "error":
            print(f"{name} failed:\n{modules[name]['error']}", file=sys.stderr)
    return modules


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help=f"fewer repeats, bounds {QUICK_LOOSENESS:g} times looser (CI)")
    parser.add_argument("--runs", type=int, default=1, help="run the whole set this many times")
    parser.add_argument("--write-benchmarks", action="store_true",
                        help="rewrite BENCHMARKS.md and docs/bench_curves.png")
    parser.add_argument("--module", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.module:
        run_module_here(options.module, options.quick)
        return 0
    info = machine()
    runs = []
    for number in range(max(1, options.runs)):
        if options.runs > 1:
            print(f"run {number + 1} of {options.runs}", file=sys.stderr, flush=True)
        runs.append(run_once(options.quick))
    modules = merge_runs(runs)
    checks = check_runs(runs, options.quick)
    spreads = spread(modules) if len(runs) > 1 else None
    rows = table_rows(modules, checks, spreads)
    figures = flat_figures(modules)
    print(format_table(rows))
    when = _dt.datetime.now().astimezone().isoformat(timespec="seconds")
    RESULTS_FILE.write_text(json.dumps({
        "figures": figures, "spread": spread(modules), "quick": options.quick, "runs": len(runs),
        "when": when, "machine": info, "checks": checks, "modules": modules,
        "each_run": runs if len(runs) > 1 else None}, indent=2) + "\n", encoding="utf-8")
    if options.write_benchmarks:
        write_benchmarks_md(rows, curve_rows(figures), info, when, len(runs))
        draw_plot(figures)
    failed = [c["figure"] for c in checks if c["status"] == "FAILED"]
    failed += [name for name, m in modules.items() if m["status"] == "error"]
    missing = [name for name, m in modules.items() if m["status"] == "missing"]
    if missing:
        print(f"not landed yet (not checked): {', '.join(missing)}")
    if failed:
        print(f"FAILED: {', '.join(failed)}")
        return 1
    print("all bounds hold" + (" (quick mode: bounds x10)" if options.quick else ""))
    return 0


def _module_order(name: str) -> tuple[int, str]:
    return (EXPECTED_MODULES.index(name) if name in EXPECTED_MODULES else len(EXPECTED_MODULES), name)


if __name__ == "__main__":
    sys.exit(main())
