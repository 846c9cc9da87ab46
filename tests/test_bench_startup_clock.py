"""The start-up benchmark's cold clock stops at the first paint, not after the work the app defers
until after it (found on 2026-11-28: the cold wall time included opening the store, i.e. importing
sqlite-utils, which the app does right after its first paint)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

BENCH_DIR = Path(__file__).resolve().parent.parent / "bench"
DEFERRED_S = 0.3


class DeferUntilPainted(QObject):
    """Posts slow work when the widget has painted, as the app's window does (store, features)."""

    def __init__(self) -> None:
        super().__init__()
        self.posted = False
        self.ran = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and not self.posted:
            self.posted = True
            QTimer.singleShot(0, self.work)
        return False

    def work(self) -> None:
        time.sleep(DEFERRED_S)
        self.ran = True


def test_cold_clock_stops_at_the_first_paint_not_after_deferred_work(qapp, monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH_DIR))
    import bench_startup

    widget = QWidget()
    deferred = DeferUntilPainted()
    widget.installEventFilter(deferred)  # before the watcher's: it sees the paint after the watcher
    launched = str(time.time())
    widget.show()
    bench_startup._wait_for_first_paint(qapp, widget)
    deadline = time.monotonic() + 5
    while not deferred.ran and time.monotonic() < deadline:
        qapp.processEvents()
    assert deferred.ran
    total_ms = (time.time() - float(launched)) * 1000
    assert bench_startup._since(launched) < total_ms - DEFERRED_S * 1000 * 0.8
    widget.close()
    sys.modules.pop("bench_startup", None)


def test_the_cold_start_script_imports_nothing_of_its_own_before_the_measured_program():
    """Everything a cold child imports before the first paint counts: the lean script imports only
    the interpreter's built-in `sys` and `time` at its top (json only to report, after the clock)."""
    import ast

    source = (BENCH_DIR / "startup_child.py").read_text(encoding="utf-8")
    top_level = [node for node in ast.parse(source).body if isinstance(node, ast.Import | ast.ImportFrom)]
    assert [alias.name for node in top_level for alias in node.names] == ["sys", "time"]
    assert {"sys", "time"} <= set(sys.builtin_module_names)


def test_the_cold_start_script_reports_as_the_harness_reads(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH_DIR))
    import _harness
    import startup_child

    assert startup_child.RESULT_PREFIX == _harness.RESULT_PREFIX


def test_a_cold_start_of_the_app_goes_through_its_command_line_to_the_first_paint(tmp_path, monkeypatch):
    """The cold child starts `workshop-app` as a facilitator does, maximised on the configured
    projector-sized screen, and reports once the board has painted."""
    monkeypatch.syspath_prepend(str(BENCH_DIR))
    import _harness
    import bench_startup

    (tmp_path / "sessions").mkdir()
    env = bench_startup._cold_env(str(tmp_path))
    first = _harness.run_script(bench_startup.COLD_CHILD, "app", str(time.time()), str(tmp_path / "sessions"),
                                env=env, timeout=60)
    assert first["cards"] == 22 and first["sqlite_utils"]  # created the demo workshop: it writes
    again = _harness.run_script(bench_startup.COLD_CHILD, "app", str(time.time()), str(tmp_path / "sessions"),
                                env=env, timeout=60)
    assert again["cards"] == 22 and not again["sqlite_utils"] and again["width"] > 1900
    assert 0 < again["since_launch_ms"] < 20_000
    bare = _harness.run_script(bench_startup.COLD_CHILD, "bare", str(time.time()), env=env, timeout=60)
    assert bare["width"] == again["width"]
    sys.modules.pop("bench_startup", None)
