"""Run every benchmark, compare the figures with their bounds, print a table, write results.json.

    python bench/run.py            # full: more repeats, the bounds from the issues
    python bench/run.py --quick    # CI: fewer repeats, bounds ten times looser
    python bench/run.py --write-benchmarks   # also rewrite BENCHMARKS.md with these figures

Each `bench/bench_*.py` module (contract: `run(quick: bool) -> dict[str, float]`) runs in a fresh
interpreter, so that Qt state and peak memory do not leak from one into the next. A module that has
not landed yet is reported as missing; once it is there, its bounded figures must be present and
within their bounds. The exit status is 1 when a bound is broken or a module fails.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import operator
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
RESULTS_FILE = BENCH_DIR / "results.json"
BENCHMARKS_FILE = PROJECT_DIR / "BENCHMARKS.md"
RESULT_PREFIX = "BENCH-MODULE-RESULT "
QUICK_LOOSENESS = 10.0
MODULE_TIMEOUT_S = {True: 600.0, False: 1800.0}

# the modules the issues ask for; any other bench_*.py found is run as well
EXPECTED_MODULES = ("bench_startup", "bench_diagnosis", "bench_drag", "bench_autosave", "bench_export",
                    "bench_agreement")


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
    Bound("startup_ratio", "<=", 1.5),
    Bound("diagnosis_ms_22", "<", 16.0),
    Bound("diagnosis_ms_300", "<", 16.0),
    Bound("drag_event_ms_300", "<", 8.0),
    Bound("autosave_median_ms", "<", 5.0),
    Bound("export_s_60", "<", 1.0),
    Bound("peak_rss_mb", "<", 250.0),
    Bound("agreement_ms_300", "<", 5.0),
)}
BOUND_MODULE = {
    "startup_ratio": "bench_startup",
    "diagnosis_ms_22": "bench_diagnosis",
    "diagnosis_ms_300": "bench_diagnosis",
    "drag_event_ms_300": "bench_drag",
    "peak_rss_mb": "bench_drag",
    "autosave_median_ms": "bench_autosave",
    "export_s_60": "bench_export",
    "agreement_ms_300": "bench_agreement",
}
# figure -> (its baseline figure, its ratio figure); a missing ratio is computed from the two
COMPARISONS: dict[str, tuple[str, str | None]] = {
    "startup_app_ms": ("startup_baseline_ms", "startup_ratio"),
    "startup_core_ms": ("startup_baseline_ms", "startup_core_ratio"),
    "startup_cold_app_ms": ("startup_cold_baseline_ms", None),
    "drag_event_ms_300": ("drag_event_baseline_ms", "drag_event_ratio"),
    "drag_repaint_ms_300": ("drag_repaint_baseline_ms", None),
    "peak_rss_mb": ("peak_rss_baseline_mb", "peak_rss_ratio"),
    "autosave_median_ms": ("autosave_baseline_median_ms", "autosave_ratio"),
    "export_s_60": ("export_baseline_s", "export_ratio"),
    "agreement_ms_300": ("agreement_baseline_ms_300", "agreement_ratio_300"),
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


def comparison(figure: str, figures: dict[str, float]) -> tuple[float | None, float | None]:
    baseline_name, ratio_name = COMPARISONS.get(figure, (f"{figure}_baseline", None))
    baseline = figures.get(baseline_name)
    ratio = figures.get(ratio_name) if ratio_name else None
    if ratio is None and baseline:
        ratio = figures[figure] / baseline
    return baseline, ratio


def table_rows(modules: dict[str, dict], checks: list[dict]) -> list[tuple[str, ...]]:
    by_figure = {check["figure"]: check for check in checks}
    rows = []
    for name, module in modules.items():
        if module["status"] != "ok":
            rows.append((f"{name} [{module['status']}]", "", "", "", "", module["status"]))
            continue
        for figure, value in module["figures"].items():
            baseline, ratio = comparison(figure, module["figures"])
            check = by_figure.get(figure)
            rows.append((figure, f"{value:.3f}", _num(baseline), _num(ratio),
                         check["bound"] if check else "", check["status"] if check else ""))
    for check in checks:
        if check["status"] == "FAILED" and check.get("value") is None:
            rows.append((check["figure"], "absent", "", "", check["bound"], "FAILED"))
    return rows


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def format_table(rows: list[tuple[str, ...]]) -> str:
    header = ("figure", "value", "baseline", "ratio", "bound", "ok")
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
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        info.update(pyside=PySide6.__version__, qt=qVersion())
    except ImportError:  # pragma: no cover - the app cannot run without it anyway
        pass
    return info


def write_benchmarks_md(rows: list[tuple[str, ...]], info: dict[str, str], when: str) -> None:
    """Rewrite BENCHMARKS.md with these figures; a hand-written "## Notes" section is kept."""
    header = "| figure | value | baseline | ratio | bound | ok |\n|---|---:|---:|---:|---|---|\n"
    body = "".join("| " + " | ".join(cell or " " for cell in row) + " |\n" for row in rows)
    old = BENCHMARKS_FILE.read_text(encoding="utf-8") if BENCHMARKS_FILE.exists() else ""
    notes = old[old.index("\n## Notes"):] if "\n## Notes" in old else ""
    BENCHMARKS_FILE.write_text(
        "# Benchmarks\n\n"
        f"Latest full run (`python bench/run.py --write-benchmarks`), {when}.\n\n"
        f"Machine: {info['cpus']} CPUs, {info['cpu_model']}; {info['system']}; "
        f"Python {info['python']}; PySide6 {info.get('pyside', '?')}, Qt {info.get('qt', '?')}; "
        "Qt on the offscreen platform.\n\n"
        "Times in milliseconds (`_ms`) or seconds (`_s`), memory in MiB. Each figure is measured in the\n"
        "same run as its baseline (a bare PySide6, sqlite3 or ReportLab program doing the same job);\n"
        "the ratio is figure / baseline. See the docstring of each `bench/bench_*.py` for what exactly\n"
        "is measured.\n\n" + header + body + notes, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help=f"fewer repeats, bounds {QUICK_LOOSENESS:g} times looser (CI)")
    parser.add_argument("--write-benchmarks", action="store_true", help="rewrite BENCHMARKS.md")
    parser.add_argument("--module", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.module:
        run_module_here(options.module, options.quick)
        return 0
    found = discover()
    modules: dict[str, dict] = {}
    for name in sorted(set(found) | set(EXPECTED_MODULES), key=_module_order):
        if name not in found:
            modules[name] = {"status": "missing", "figures": {}}
            continue
        print(f"running {name} ...", file=sys.stderr, flush=True)
        modules[name] = run_module(name, options.quick)
        if modules[name]["status"] == "error":
            print(f"{name} failed:\n{modules[name]['error']}", file=sys.stderr)
    checks = check_bounds(modules, options.quick)
    rows = table_rows(modules, checks)
    print(format_table(rows))
    info = machine()
    when = _dt.datetime.now().astimezone().isoformat(timespec="seconds")
    RESULTS_FILE.write_text(json.dumps({"quick": options.quick, "when": when, "machine": info,
                                        "modules": modules, "checks": checks}, indent=2) + "\n",
                            encoding="utf-8")
    if options.write_benchmarks:
        write_benchmarks_md(rows, info, when)
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
