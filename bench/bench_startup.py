"""Start to first painted board: the app's window against a bare PySide6 window with 22 text items.

The app starts as `workshop-app` does, sessions included (they reopen the last session, which the
first, unmeasured start creates), but with its settings and sessions folder in a temporary folder.
Each measurement runs in a fresh interpreter, warm: every module the app imports on its way to the
first paint (found by an unmeasured first run, which also warms the disk cache) is imported and the
QApplication exists before the clock starts; the clock stops when the first paint event of the board
view's viewport has been handled. The figure is the ratio of the medians over interleaved repeats.

For information: `startup_core_ms` is the same window without its features and status bar (the
board, menus and tool bar alone), to show where the time goes; `startup_cold_*_ms` is the wall time
from launching the process to the first paint, interpreter start and all imports included.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _harness  # noqa: E402

DECK_SIZE = 22
WINDOW_SIZE = (1600, 1000)
PAINT_TIMEOUT_S = 20.0


def _wait_for_first_paint(app, widget) -> float:
    """Process events until `widget` has handled its first paint event; returns that moment."""
    from PySide6.QtCore import QEvent, QObject

    class PaintWatcher(QObject):
        painted = False

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    watcher = PaintWatcher()
    widget.installEventFilter(watcher)
    deadline = time.perf_counter() + PAINT_TIMEOUT_S
    while not watcher.painted:  # the paint itself runs inside processEvents: stop after it
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("no paint event within the timeout")
    done = time.perf_counter()
    widget.removeEventFilter(watcher)
    return done


def _build_window(state_dir: str):
    """The app's window as `workshop-app` starts it: with its sessions (reopening the last session
    or creating the demo workshop), kept in `state_dir` instead of the user's folders."""
    import inspect

    from workshop_app.ui.app import build_window

    if "sessions_dir" not in inspect.signature(build_window).parameters:
        return build_window("en")  # an app without sessions
    from PySide6.QtCore import QSettings

    settings = QSettings(str(Path(state_dir, "settings.ini")), QSettings.Format.IniFormat)
    return build_window("en", sessions_dir=Path(state_dir, "sessions"), settings=settings,
                        defer_secondary=True)  # as `workshop-app` starts it (ui/app.py run)


def child_app_modules(state_dir: str) -> dict:
    """The modules the app imports up to its first painted board (feature modules import lazily).
    This first start also creates the demo workshop session that the measured starts reopen."""
    from workshop_app.ui.app import create_app

    Path(state_dir, "sessions").mkdir(parents=True, exist_ok=True)
    app = create_app([sys.argv[0]])
    window = _build_window(state_dir)
    window.show()
    _wait_for_first_paint(app, window.view.viewport())
    window.close()
    return {"modules": sorted(name for name in sys.modules if not name.startswith("__"))}


def child_app(launched: str, modules: str, state_dir: str) -> dict:
    """The app: build its main window on the demo board, show it, wait for the board's first paint.

    Warm: every module the app imports on the way (`modules`, comma-separated) is imported first."""
    import importlib

    for name in filter(None, modules.split(",")):
        importlib.import_module(name)
    from workshop_app.ui.app import create_app

    app = create_app([sys.argv[0]])
    start = time.perf_counter()
    window = _build_window(state_dir)
    window.show()
    done = _wait_for_first_paint(app, window.view.viewport())
    cards = len(window.board_scene.items_by_id)
    window.close()  # let the sessions close their store as on quitting
    return {"ms": (done - start) * 1000, "cards": cards, "since_launch_ms": _since(launched)}


def child_app_core(launched: str, modules: str) -> dict:
    """For the breakdown: the same window without its features (no diagnosis dock, sessions, board
    files, export) and without its status bar, i.e. the board, menus and tool bar alone."""
    import importlib

    for name in filter(None, modules.split(",")):
        importlib.import_module(name)
    from workshop_app.domain.deck import load_deck
    from workshop_app.ui.app import create_app
    from workshop_app.ui.main_window import MainWindow

    MainWindow._install_features = lambda self: None  # type: ignore[method-assign]
    MainWindow._build_status_bar = lambda self: None  # type: ignore[method-assign]
    MainWindow.finish_startup = lambda self: None  # type: ignore[method-assign]
    app = create_app([sys.argv[0]])
    start = time.perf_counter()
    window = MainWindow(load_deck().board(), "en")
    window.show()
    done = _wait_for_first_paint(app, window.view.viewport())
    return {"ms": (done - start) * 1000, "cards": len(window.board_scene.items_by_id),
            "since_launch_ms": _since(launched)}


def _since(launched: str) -> float:
    """Milliseconds from the parent's launch of this process (wall clock) until now."""
    return (time.time() - float(launched)) * 1000


def child_bare(launched: str) -> dict:
    """The baseline: a QMainWindow with a QGraphicsView of 22 QGraphicsSimpleTextItems."""
    from PySide6.QtWidgets import (
        QApplication,
        QGraphicsScene,
        QGraphicsSimpleTextItem,
        QGraphicsView,
        QMainWindow,
    )

    app = QApplication([sys.argv[0]])
    start = time.perf_counter()
    window = QMainWindow()
    scene = QGraphicsScene(window)
    for index in range(DECK_SIZE):
        item = QGraphicsSimpleTextItem(f"Task card {index + 1}")
        item.setPos((index % 6) * 250, (index // 6) * 100)
        scene.addItem(item)
    view = QGraphicsView(scene, window)
    window.setCentralWidget(view)
    window.resize(*WINDOW_SIZE)
    window.show()
    done = _wait_for_first_paint(app, view.viewport())
    return {"ms": (done - start) * 1000, "cards": DECK_SIZE, "since_launch_ms": _since(launched)}


def run(quick: bool) -> dict[str, float]:
    repeats = 5 if quick else 15
    script = Path(__file__)
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as state_dir:
        # also warms the disk cache and compiles bytecode
        modules = ",".join(_harness.child(script, "app_modules", state_dir)["modules"])
        _harness.child(script, "bare", str(time.time()))
        results: dict[str, list[dict]] = {"app": [], "bare": [], "core": []}
        for _ in range(repeats):  # interleaved, so that a busy moment hits all alike
            results["app"].append(_harness.child(script, "app", str(time.time()), modules, state_dir))
            results["bare"].append(_harness.child(script, "bare", str(time.time())))
            results["core"].append(_harness.child(script, "app_core", str(time.time()), modules))
    shown = min(result["cards"] for result in results["app"])
    if shown < DECK_SIZE:
        raise RuntimeError(f"the app showed {shown} cards, expected {DECK_SIZE}")

    def median_of(kind: str, key: str) -> float:
        return _harness.median([result[key] for result in results[kind]])

    app_ms, bare_ms = median_of("app", "ms"), median_of("bare", "ms")
    return {
        "startup_app_ms": app_ms,
        "startup_baseline_ms": bare_ms,
        "startup_ratio": app_ms / bare_ms,
        "startup_core_ms": median_of("core", "ms"),
        "startup_core_ratio": median_of("core", "ms") / bare_ms,
        "startup_cold_app_ms": median_of("app", "since_launch_ms"),
        "startup_cold_baseline_ms": median_of("bare", "since_launch_ms"),
    }


if __name__ == "__main__":
    _harness.main(run, {"app": child_app, "app_core": child_app_core, "app_modules": child_app_modules,
                        "bare": child_bare})
