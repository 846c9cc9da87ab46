"""The start-up benchmark's cold starts: `python bench/startup_child.py app|bare LAUNCHED [SESSIONS]`.

A cold start is timed from the parent's launch of the process (`LAUNCHED`, its wall clock) to the first
paint, so everything this process imports before that counts. This script therefore imports nothing
but `sys` and `time` (both built into the interpreter) before the measured program, and `json` only to
report: neither figure includes the benchmark's own modules (argparse, json, subprocess, statistics:
about 9 ms that the bare window never needs and the app partly imports itself).

- `app`: `workshop-app --sessions-dir SESSIONS` as a facilitator starts it, through its command line
  (`workshop_app.cli.main`), with its own settings (the parent points XDG_CONFIG_HOME elsewhere) and
  its maximised window; only the event loop that would follow the first paint is replaced by waiting
  for that paint (`WaitInsteadOfEventLoop`).
- `bare`: PySide6 alone, a QMainWindow with a QGraphicsView of 22 QGraphicsSimpleTextItems, maximised.

The warm starts (`bench_startup.py`) use `wait_for_first_paint` and `bare_window` from here too.
"""

import sys
import time

RESULT_PREFIX = "BENCH-RESULT "  # as bench/_harness.py reads it (a test keeps them equal)
DECK_SIZE = 22
PAINT_TIMEOUT_S = 20.0
AT_FIRST_PAINT: dict = {}  # what was loaded when the clock stopped (not after the deferred work)


def wait_for_first_paint(app, widget) -> float:
    """Process events until `widget` has handled its first paint event; returns that moment.

    The moment is taken by a zero timer posted when the paint event arrives: it runs once the paint
    (and the window's flush) is done, and before work the app itself deferred until after its first
    paint (its timer is posted later: the filter installed last sees the event first). Taking the time
    when `processEvents` returns instead would count that deferred work whenever it runs in the same
    call."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class PaintWatcher(QObject):
        done: float | None = None
        painted = False

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint and not self.painted:
                self.painted = True
                QTimer.singleShot(0, self.stamp)
            return False

        def stamp(self) -> None:
            self.done = time.perf_counter()
            AT_FIRST_PAINT.update(modules=len(sys.modules), sqlite_utils="sqlite_utils" in sys.modules,
                                  cpu=time.process_time(), wall=time.time())

    watcher = PaintWatcher()
    widget.installEventFilter(watcher)
    deadline = time.perf_counter() + PAINT_TIMEOUT_S
    while watcher.done is None:
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("no paint event within the timeout")
    widget.removeEventFilter(watcher)
    return watcher.done


def since(launched: str) -> float:
    """Milliseconds from the parent's launch of this process (wall clock) until the first paint, taken
    when the paint watcher stamped it: not when `processEvents` returned, which may be after the work
    the app defers until after its first paint (opening the store loads sqlite-utils)."""
    return (AT_FIRST_PAINT["wall"] - float(launched)) * 1000


def bare_window(size: tuple[int, int] | None = None):
    """The baseline's window, shown: `size`, or maximised. Returns the window and its view."""
    from PySide6.QtWidgets import QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView, QMainWindow

    window = QMainWindow()
    scene = QGraphicsScene(window)
    for index in range(DECK_SIZE):
        item = QGraphicsSimpleTextItem(f"Task card {index + 1}")
        item.setPos((index % 6) * 250, (index // 6) * 100)
        scene.addItem(item)
    view = QGraphicsView(scene, window)
    window.setCentralWidget(view)
    if size is None:
        window.showMaximized()
    else:
        window.resize(*size)
        window.show()
    return window, view


class WaitInsteadOfEventLoop:
    """An import hook: once `workshop_app.ui.app` has loaded (and PySide6 with it), the app's event
    loop (`QApplication.exec`) is replaced by waiting for the board's first paint. The hook touches
    nothing before that, so the app imports everything itself, in its own order."""

    def __init__(self) -> None:
        self.seen: dict = {}

    def find_spec(self, fullname: str, path=None, target=None):
        if fullname != "workshop_app.ui.app":
            return None
        import importlib.util

        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        load = spec.loader.exec_module

        def exec_module(module) -> None:
            load(module)
            from PySide6.QtWidgets import QApplication

            QApplication.exec = self.until_first_paint  # type: ignore[method-assign]

        spec.loader.exec_module = exec_module
        return spec

    def until_first_paint(self, *args) -> int:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if hasattr(w, "board_scene"))
        wait_for_first_paint(app, window.view.viewport())
        self.seen.update(cards=len(window.board_scene.items_by_id), width=window.width())
        window.close()  # let the sessions close their store as on quitting
        return 0


def cold_app(launched: str, sessions_dir: str) -> dict:
    hook = WaitInsteadOfEventLoop()
    sys.meta_path.insert(0, hook)
    from workshop_app.cli import main

    code = main(["--sessions-dir", sessions_dir])
    if code != 0 or "cards" not in hook.seen:
        raise RuntimeError(f"workshop-app ended with {code} before its board painted")
    return {"since_launch_ms": since(launched), "modules": AT_FIRST_PAINT["modules"],
            "sqlite_utils": AT_FIRST_PAINT["sqlite_utils"],
            "cpu_since_launch_ms": AT_FIRST_PAINT["cpu"] * 1000, **hook.seen}


def cold_bare(launched: str) -> dict:
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    window, view = bare_window()
    wait_for_first_paint(app, view.viewport())
    return {"since_launch_ms": since(launched), "cpu_since_launch_ms": AT_FIRST_PAINT["cpu"] * 1000,
            "width": window.width()}


if __name__ == "__main__":
    mode, launched_at, *rest = sys.argv[1:]
    result = {"app": cold_app, "bare": cold_bare}[mode](launched_at, *rest)
    import json

    print(RESULT_PREFIX + json.dumps(result), flush=True)
