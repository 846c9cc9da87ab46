"""Start to first painted board: the app's window against a bare PySide6 window with 22 text items.

The app starts as `workshop-app` does, sessions included (they reopen the last session, which the
first, unmeasured start creates), but with its settings and sessions folder in a temporary folder.
The clock stops when the first paint event of the board view's viewport has been handled. Every
measurement runs in a fresh interpreter; app and baseline alternate, so that a busy moment of the
machine hits both alike; each figure is the median over the repeats.

- Warm (`startup_app_ms`, `startup_baseline_ms`, `startup_ratio`): every module the app imports on
  its way to the first paint (found by an unmeasured first run, which also warms the disk cache) is
  imported before the clock starts, in the app's process and in the baseline's alike (importing them
  also creates some of PySide's lazily built enum classes: both get them before the clock); the clock
  starts when the QApplication exists.
- Cold (`startup_cold_app_ms`, `startup_cold_baseline_ms`, `startup_cold_ratio`): the wall time from
  launching the process to the first paint, interpreter start and every import included, measured by
  the lean script `startup_child.py` (nothing of the benchmark's own is imported before the clock
  stops). The app starts as a facilitator starts it: `workshop-app --sessions-dir DIR` through its
  command line (`workshop_app.cli.main`, whose parser knows every command), with its own settings
  (QSettings in a temporary XDG_CONFIG_HOME) and its maximised window; only the event loop that would
  follow the first paint is replaced by waiting for that paint. The baseline imports only PySide6 and
  shows its window maximised on the same screen: one offscreen screen of a projector's 1920x1080.

For information: `startup_core_ms` is the warm app window without its features and status bar (the
board, menus and tool bar alone), to show where the time goes; `startup_furnished_ms` (ratio
`startup_furnished_ratio` to the bare window) is a plain PySide6 window furnished like the app's first
frame – a menu bar with three menus, a tool bar of seven text buttons at 18 px, a second tool bar with
a 34 px bold banner, four coloured zones with titles and 22 cards painted in Python (rounded rectangle,
word-wrapped text) – warm like the app, i.e. what the window the room needs costs without any of the
app's own code; `startup_modules` counts the modules
loaded when the clock stops at the first paint, before the work deferred until after it
(`startup_sqlite_utils_loaded`: 1 if sqlite_utils is among them; a reopened session is read with the
standard library and its store, with sqlite-utils, opens right after the first paint).
`startup_cpu_ratio` and `startup_cold_cpu_ratio` (with their `_ms` figures) are the same two
comparisons in CPU time (`time.process_time`, user and system time of the measured process) instead of
wall-clock time: on a shared machine the wall clock of a start of 100-200 ms mostly measures how busy
the machine is (a longer process also loses more of the scheduler's favour for a freshly started one),
while the CPU time stays within a few per cent; on a quiet machine the two agree closely. The clock
stops at the same moment for both. Only the wall-clock ratios carry issue 14's bounds.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _harness  # noqa: E402
from startup_child import (  # noqa: E402 - the cold starts' lean script: see its docstring
    AT_FIRST_PAINT,
    DECK_SIZE,
    bare_window,
)
from startup_child import since as _since  # noqa: E402
from startup_child import wait_for_first_paint as _wait_for_first_paint  # noqa: E402

WINDOW_SIZE = (1600, 1000)
PROJECTOR = (1920, 1080)  # the cold starts' screen
COLD_CHILD = Path(__file__).resolve().parent / "startup_child.py"


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


def _import_all(modules: str) -> None:
    import importlib

    for name in filter(None, modules.split(",")):
        importlib.import_module(name)


def child_app(launched: str, modules: str, state_dir: str) -> dict:
    """The app: build its main window on the demo board, show it, wait for the board's first paint.

    Warm: every module the app imports on the way (`modules`, comma-separated) is imported first;
    cold (`modules` empty): nothing is."""
    _import_all(modules)
    from workshop_app.ui.app import create_app

    app = create_app([sys.argv[0]])
    start, cpu_start = time.perf_counter(), time.process_time()
    window = _build_window(state_dir)
    window.show()
    done = _wait_for_first_paint(app, window.view.viewport())
    since_launch = _since(launched)
    cards = len(window.board_scene.items_by_id)
    loaded, sqlite_utils_loaded = AT_FIRST_PAINT["modules"], AT_FIRST_PAINT["sqlite_utils"]
    window.close()  # let the sessions close their store as on quitting
    return {"ms": (done - start) * 1000, "cards": cards, "since_launch_ms": since_launch,
            "modules": loaded, "sqlite_utils": sqlite_utils_loaded, **_cpu(cpu_start)}


def child_furnished(launched: str, modules: str) -> dict:
    """Warm, for information: a plain PySide6 window furnished like the app's first frame (see the
    module's docstring), the app's font set before the clock as `create_app` sets it."""
    _import_all(modules)
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication, QGraphicsView, QMainWindow

    app = QApplication([sys.argv[0]])
    font = QFont("DejaVu Sans")
    font.setPixelSize(16)
    app.setFont(font)
    start = time.perf_counter()
    window = QMainWindow()
    _furnish_bars(window)
    view = QGraphicsView(_furnished_scene(window), window)
    window.setCentralWidget(view)
    window.resize(*WINDOW_SIZE)
    window.show()
    done = _wait_for_first_paint(app, view.viewport())
    return {"ms": (done - start) * 1000}


def _furnish_bars(window) -> None:
    """A menu bar with three menus, a tool bar of seven text buttons at 18 px, a 34 px bold banner."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QFont
    from PySide6.QtWidgets import QLabel, QToolBar

    for title, count in (("File", 3), ("Edit", 5), ("View", 2)):
        menu = window.menuBar().addMenu(title)
        for index in range(count):
            menu.addAction(QAction(f"{title} action {index + 1}", window))
    tools = QToolBar("tools", window)
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    tools_font = tools.font()
    tools_font.setPixelSize(18)
    tools.setFont(tools_font)
    for label in ("Undo", "Redo", "Add card", "Full screen", "As is", "Target", "Presenter mode"):
        tools.addAction(QAction(label, window))
    window.addToolBar(tools)
    window.addToolBarBreak()
    banner_bar = QToolBar("banner", window)
    banner = QLabel("As is – how we work today", banner_bar)
    banner_font = QFont(banner.font())
    banner_font.setPixelSize(34)
    banner_font.setBold(True)
    banner.setFont(banner_font)
    banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
    banner.setStyleSheet("QLabel { background: #1f3a5f; color: white; padding: 4px 22px; }")
    banner_bar.addWidget(banner)
    window.addToolBar(banner_bar)


def _furnished_scene(parent):
    """Four coloured zones with 26 px bold titles and 22 cards painted in Python (rounded rectangle,
    word-wrapped text), as the app's cards are."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QPainter, QPen
    from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

    class Card(QGraphicsItem):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text
            self.font = QFont("DejaVu Sans")
            self.font.setPixelSize(20)

        def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
            return QRectF(-2, -2, 244, 92)

        def paint(self, painter, option, widget=None) -> None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor("#111111"), 2))
            painter.setBrush(QColor("#ffffff"))
            painter.drawRoundedRect(QRectF(0, 0, 240, 88), 10, 10)
            painter.setFont(self.font)
            painter.drawText(QRectF(8, 4, 224, 80),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.text)

    scene = QGraphicsScene(parent)
    scene.setBackgroundBrush(QColor("#ffffff"))
    title_font = QFont("DejaVu Sans")
    title_font.setPixelSize(26)
    title_font.setBold(True)
    for index, (title, colour) in enumerate((("Marketing", "#dce8fa"), ("Shared", "#fdefc3"),
                                              ("Sales", "#dcf2e2"), ("Not placed yet", "#ececec"))):
        scene.addRect(QRectF(index * 400, 0, 390, 300), Qt.PenStyle.NoPen, QColor(colour))
        scene.addSimpleText(title, title_font).setPos(index * 400 + 20, 8)
    for index in range(DECK_SIZE):
        card = Card(f"Task card {index + 1} with a label of a few words")
        card.setPos((index % 6) * 250, 320 + (index // 6) * 100)
        scene.addItem(card)
    return scene


def child_app_core(launched: str, modules: str) -> dict:
    """For the breakdown: the same window without its features (no diagnosis dock, sessions, board
    files, export) and without its status bar, i.e. the board, menus and tool bar alone."""
    _import_all(modules)
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


def _cold_env(state_dir: str) -> dict[str, str]:
    """The cold starts' environment: one offscreen screen of a projector's size, and the app's
    settings and data folders (XDG) in `state_dir`, not the user's."""
    screens = Path(state_dir, "screens.json")
    width, height = PROJECTOR
    screens.write_text(json.dumps({"screens": [
        {"name": "projector", "x": 0, "y": 0, "width": width, "height": height,
         "logicalDpiX": 96, "logicalDpiY": 96}]}), encoding="utf-8")
    return {"QT_QPA_PLATFORM": f"offscreen:configfile={screens}",
            "XDG_CONFIG_HOME": str(Path(state_dir, "config")), "XDG_DATA_HOME": str(Path(state_dir, "data"))}


def _cpu(cpu_start: float) -> dict[str, float]:
    """CPU time (ms) of this process from `cpu_start` and from its start until the first paint."""
    return {"cpu_ms": (AT_FIRST_PAINT["cpu"] - cpu_start) * 1000,
            "cpu_since_launch_ms": AT_FIRST_PAINT["cpu"] * 1000}


def child_bare(launched: str, modules: str = "") -> dict:
    """The baseline, warm: the app's modules (`modules`) imported first, as in the app's measurement,
    then a QMainWindow with a QGraphicsView of 22 QGraphicsSimpleTextItems (startup_child.py's
    `bare_window`, which its cold start shows maximised)."""
    _import_all(modules)
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    start, cpu_start = time.perf_counter(), time.process_time()
    _window, view = bare_window(WINDOW_SIZE)
    done = _wait_for_first_paint(app, view.viewport())
    return {"ms": (done - start) * 1000, "cards": DECK_SIZE, "since_launch_ms": _since(launched),
            **_cpu(cpu_start)}


def run(quick: bool) -> dict[str, float]:
    repeats = 5 if quick else 15
    script = Path(__file__)
    kinds = ("app", "bare", "app_cold", "bare_cold", "core", "furnished")
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as state_dir:
        # also warms the disk cache and compiles bytecode
        modules = ",".join(_harness.child(script, "app_modules", state_dir)["modules"])
        _harness.child(script, "bare", str(time.time()))
        cold = _cold_env(state_dir)
        sessions = str(Path(state_dir, "sessions"))
        _harness.run_script(COLD_CHILD, "app", str(time.time()), sessions, env=cold)  # its settings
        arguments = {"app": ("app", modules, state_dir), "bare": ("bare", modules),
                     "core": ("app_core", modules), "furnished": ("furnished", modules),
                     "app_cold": ("app", sessions), "bare_cold": ("bare",)}
        results: dict[str, list[dict]] = {kind: [] for kind in kinds}
        for _ in range(repeats):  # interleaved, so that a busy moment hits all alike
            for kind in kinds:
                mode, *rest = arguments[kind]
                if kind.endswith("_cold"):
                    result = _harness.run_script(COLD_CHILD, mode, str(time.time()), *rest, env=cold)
                else:
                    result = _harness.child(script, mode, str(time.time()), *rest)
                results[kind].append(result)
    shown = min(result["cards"] for result in results["app"] + results["app_cold"])
    if shown < DECK_SIZE:
        raise RuntimeError(f"the app showed {shown} cards, expected {DECK_SIZE}")
    if min(result["width"] for result in results["app_cold"] + results["bare_cold"]) < PROJECTOR[0] // 2:
        raise RuntimeError("a cold start did not show its window maximised")

    def median_of(kind: str, key: str) -> float:
        return _harness.median([result[key] for result in results[kind]])

    app_ms, bare_ms = median_of("app", "ms"), median_of("bare", "ms")
    cold_ms = median_of("app_cold", "since_launch_ms")
    cold_bare_ms = median_of("bare_cold", "since_launch_ms")
    return {
        "startup_app_ms": app_ms,
        "startup_baseline_ms": bare_ms,
        "startup_ratio": app_ms / bare_ms,
        "startup_core_ms": median_of("core", "ms"),
        "startup_core_ratio": median_of("core", "ms") / bare_ms,
        "startup_furnished_ms": median_of("furnished", "ms"),
        "startup_furnished_ratio": median_of("furnished", "ms") / bare_ms,
        "startup_cold_app_ms": cold_ms,
        "startup_cold_baseline_ms": cold_bare_ms,
        "startup_cold_ratio": cold_ms / cold_bare_ms,
        "startup_cpu_ms": median_of("app", "cpu_ms"),
        "startup_cpu_baseline_ms": median_of("bare", "cpu_ms"),
        "startup_cpu_ratio": median_of("app", "cpu_ms") / median_of("bare", "cpu_ms"),
        "startup_cold_cpu_ms": median_of("app_cold", "cpu_since_launch_ms"),
        "startup_cold_cpu_baseline_ms": median_of("bare_cold", "cpu_since_launch_ms"),
        "startup_cold_cpu_ratio": (median_of("app_cold", "cpu_since_launch_ms")
                                   / median_of("bare_cold", "cpu_since_launch_ms")),
        "startup_modules": median_of("app_cold", "modules"),
        "startup_sqlite_utils_loaded": float(any(r["sqlite_utils"] for r in results["app_cold"])),
    }


if __name__ == "__main__":
    _harness.main(run, {"app": child_app, "app_core": child_app_core, "app_modules": child_app_modules,
                        "bare": child_bare, "furnished": child_furnished})
