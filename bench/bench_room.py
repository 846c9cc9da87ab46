"""The room: opening presenter mode on a crowded board, a move shown on both windows, a board image.

`presenter_open_ms_300`: View > Presenter mode on a board of 300 cards (the 22 deck cards and 278
custom cards over all zones; the main window shown at 1600x1000): from triggering the action until the
projector's window has painted its board; the median of several openings (each closes it again).
Baseline: a second bare QGraphicsView on a scene of 300 rectangle-and-text items, shown in a new
top-level window until painted.

`presenter_move_ms_300`: with presenter mode on a saved session (its autosave writes each move to the
session file), one move (an undo command, as a drop makes it) until both windows have shown it: the end
of the first paint pass of each window (its widgets painted and the frame flushed to the screen) in
which its board view painted; median, and `presenter_move_p95_ms_300`. Bound: one frame at 60 Hz
(16.7 ms) for the median. What follows the frame (the side panels, the projector's header and revealed
diagnosis, refreshed once the board has painted: ui/after_paint.py) is not part of it.
Baseline (`presenter_move_baseline_ms`, same run): a bare QGraphicsScene of 300 rectangle-and-text
items shown in two bare QGraphicsViews (two top-level windows of the same sizes), every item shifted by
one slot (a full re-flow, as a move that shifts the cards behind it), until both windows have painted
it, timed the same way; `presenter_move_ratio` = median / baseline.

`png_export_s_60`: `workshop-app export --png` of a 60-card session at 1920x1080 in a process that has
its QApplication already: render the projector's view offscreen and write the PNG (median). Baseline:
a bare QGraphicsScene with 60 rectangle-and-text items rendered into a 1920x1080 QImage and saved as
PNG.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _harness  # noqa: E402
from bench_drag import crowded_board  # noqa: E402

WINDOW_SIZE = (1600, 1000)
PROJECTOR_SIZE = (1366, 768)
IMAGE_SIZE = (1920, 1080)


def _painted_after(app, widgets, action) -> float:
    """Milliseconds from `action()` until every widget in `widgets()` has handled a paint event."""
    from PySide6.QtCore import QEvent

    start = time.perf_counter()
    action()
    counters = [_harness.event_counter([widget], QEvent.Type.Paint) for widget in widgets()]
    deadline = start + 5.0
    while time.perf_counter() < deadline and not all(counter.count for counter in counters):
        app.processEvents()
    return (time.perf_counter() - start) * 1000


class _FrameWatch:
    """When a top-level window finished its first paint pass (paint and flush) that painted `viewport`.

    Qt paints a window's dirty widgets and flushes the frame while it handles the window's
    UpdateRequest event; the watch handles that event itself (re-sending it to the window) so that it
    sees the pass end."""

    def __init__(self, viewport) -> None:
        from PySide6.QtCore import QEvent, QObject

        watch = self

        class Filter(QObject):
            def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
                if watched is watch.viewport and event.type() == QEvent.Type.Paint:
                    watch.painted = True
                elif (watched is watch.window and event.type() == QEvent.Type.UpdateRequest
                      and not watch.inside and watch.done is None):
                    watch.inside = True
                    try:
                        watched.event(event)  # the paint pass: paint events, then the flush
                    finally:
                        watch.inside = False
                    if watch.painted:
                        watch.done, watch.cpu_done = time.perf_counter(), time.thread_time()
                    return True
                return False

        self.viewport, self.window = viewport, viewport.window()
        self.painted, self.inside, self.done = False, False, None
        self.cpu_done = 0.0
        self.filter = Filter()
        self.window.installEventFilter(self.filter)
        viewport.installEventFilter(self.filter)

    def remove(self) -> None:
        self.window.removeEventFilter(self.filter)
        self.viewport.removeEventFilter(self.filter)


def _shown_after(app, viewports, action) -> tuple[float, float]:
    """Milliseconds from `action()` until every viewport's window has painted it and flushed: on the
    clock, and the main thread's CPU time until then (what the work costs on a busy machine)."""
    watches = [_FrameWatch(viewport) for viewport in viewports]
    start, cpu_start = time.perf_counter(), time.thread_time()
    action()
    deadline = start + 5.0
    while time.perf_counter() < deadline and not all(watch.done for watch in watches):
        app.processEvents()
    for watch in watches:
        watch.remove()
    if not all(watch.done for watch in watches):
        raise RuntimeError("a window did not paint the move within 5 s")
    last = max(watches, key=lambda watch: watch.done)
    return (last.done - start) * 1000, (last.cpu_done - cpu_start) * 1000


def _app_window(size: int, sessions_dir: Path | None = None):
    """The main window on a board of `size` cards: the unsaved demo, or with `sessions_dir` a session
    saved there (its settings in that folder too, never the user's)."""
    from PySide6.QtCore import QSettings

    from workshop_app.ui.app import build_window, create_app

    app = create_app()
    settings = (QSettings(str(sessions_dir / "settings.ini"), QSettings.Format.IniFormat)
                if sessions_dir is not None else None)
    window = build_window("de", sessions_dir=sessions_dir, settings=settings)
    window.resize(*WINDOW_SIZE)
    window.show()
    board = crowded_board(size)
    window.set_board(board)
    for _ in range(20):
        app.processEvents()
    return app, window


def child_presenter(repeats: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        app, window = _app_window(300, Path(folder))
        assert window.current.stored  # the moves are written to the session file, as in a workshop
        opens = _presenter_opens(app, window, int(repeats))
        moves = _presenter_moves(app, window, int(repeats) * 4)
        window.close()
    return {"open": opens, "move": [wall for wall, _ in moves], "move_cpu": [cpu for _, cpu in moves]}


def _presenter_opens(app, window, repeats: int) -> list[float]:
    presenter = window.presenter
    opens: list[float] = []
    for _ in range(repeats):
        def open_it() -> None:
            presenter.action.trigger()
            presenter.window.resize(*PROJECTOR_SIZE)

        opens.append(_painted_after(app, lambda: [presenter.window.panel.view.viewport()], open_it))
        presenter.action.trigger()  # close
        for _ in range(5):
            app.processEvents()
    return opens


def _presenter_moves(app, window, count: int) -> list[tuple[float, float]]:
    from workshop_app.domain.model import Zone

    presenter = window.presenter
    presenter.action.trigger()
    presenter.window.resize(*PROJECTOR_SIZE)
    for _ in range(20):
        app.processEvents()
    views = [window.view.viewport(), presenter.window.panel.view.viewport()]
    moves: list[tuple[float, float]] = []
    for index, card_id in enumerate([c.id for c in window.board.cards()][:count]):
        zone = (Zone.MARKETING, Zone.SHARED, Zone.SALES)[index % 3]
        moves.append(_shown_after(app, views, lambda c=card_id, z=zone: window.move_card(c, z, 0)))
        _settle(app)
    return moves


def _settle(app) -> None:
    """Let what follows a move (the panels' refresh, its paint) finish before the next one."""
    for _ in range(3):
        app.processEvents()


def _bare_scene(items: int):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QGraphicsScene

    scene = QGraphicsScene(0, 0, 2600, 1500)
    font = QFont("DejaVu Sans")
    font.setPixelSize(22)
    rects = []
    for index in range(items):
        x, y = (index % 12) * 210, (index // 12) * 60
        rects.append(scene.addRect(QRectF(x, y, 200, 50)))
        text = scene.addSimpleText(f"Task number {index}", font)
        text.setPos(x + 6, y + 10)
    return scene, rects


def child_bare_presenter(repeats: str) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QGraphicsView

    app = QApplication([sys.argv[0]])
    scene, _ = _bare_scene(300)
    main = QGraphicsView(scene)
    main.resize(*WINDOW_SIZE)
    main.show()
    for _ in range(20):
        app.processEvents()
    opens: list[float] = []
    shown: list[QGraphicsView] = []

    def open_view() -> None:
        view = QGraphicsView(scene)
        view.resize(*PROJECTOR_SIZE)
        view.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        view.show()
        shown.append(view)

    for _ in range(int(repeats)):
        opens.append(_painted_after(app, lambda: [shown[-1].viewport()], open_view))
        shown[-1].close()
    return {"open": opens}


def child_bare_move(repeats: str) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QGraphicsView

    app = QApplication([sys.argv[0]])
    scene, rects = _bare_scene(300)
    texts = [item for item in scene.items() if item not in rects]
    texts.reverse()  # in insertion order, as the rectangles
    views = []
    for size in (WINDOW_SIZE, PROJECTOR_SIZE):
        view = QGraphicsView(scene)
        view.resize(*size)
        view.show()
        view.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        views.append(view)
    for _ in range(20):
        app.processEvents()

    def shift_all() -> None:  # every item one slot on, the last to the first slot
        for items in (rects, texts):
            places = [item.pos() for item in items]
            for item, place in zip(items, places[1:] + places[:1], strict=True):
                item.setPos(place)

    moves = []
    for _ in range(int(repeats) * 4):
        moves.append(_shown_after(app, [view.viewport() for view in views], shift_all))
        _settle(app)
    return {"move": [wall for wall, _ in moves], "move_cpu": [cpu for _, cpu in moves]}


def _sixty_card_session():
    from workshop_app.domain.session import Session, SessionInfo

    return Session(SessionInfo("Vertrieb Süd", company="Muster GmbH"), crowded_board(60))


def child_png(repeats: str) -> dict:
    from workshop_app.domain.rounds import IST
    from workshop_app.ui.app import create_app, export_board_png

    create_app()
    session = _sixty_card_session()
    times: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for number in range(int(repeats)):
            start = time.perf_counter()
            export_board_png(session, IST, "de", IMAGE_SIZE, Path(folder) / f"board{number}.png")
            times.append(time.perf_counter() - start)
    return {"s": times}


def child_bare_png(repeats: str) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    QApplication([sys.argv[0]])
    times: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for number in range(int(repeats)):
            start = time.perf_counter()
            scene, _ = _bare_scene(60)
            image = QImage(*IMAGE_SIZE, QImage.Format.Format_RGB32)
            image.fill(Qt.GlobalColor.white)
            painter = QPainter(image)
            scene.render(painter)
            painter.end()
            image.save(str(Path(folder) / f"bare{number}.png"), "PNG")
            times.append(time.perf_counter() - start)
    return {"s": times}


def run(quick: bool) -> dict[str, float]:
    script = Path(__file__)
    repeats = "3" if quick else "8"
    app = _harness.child(script, "presenter", repeats)
    bare = _harness.child(script, "bare_presenter", repeats)
    bare_move = _harness.child(script, "bare_move", repeats)
    png = _harness.child(script, "png", repeats)
    bare_png = _harness.child(script, "bare_png", repeats)
    open_ms, open_base = _harness.median(app["open"]), _harness.median(bare["open"])
    png_s, png_base = _harness.median(png["s"]), _harness.median(bare_png["s"])
    move_ms, move_base = _harness.median(app["move"]), _harness.median(bare_move["move"])
    return {
        "presenter_open_ms_300": open_ms,
        "presenter_open_baseline_ms": open_base,
        "presenter_open_ratio": open_ms / open_base,
        "presenter_move_ms_300": move_ms,
        "presenter_move_p95_ms_300": _harness.percentile(app["move"], 0.95),
        "presenter_move_baseline_ms": move_base,
        "presenter_move_ratio": move_ms / move_base,
        "presenter_move_cpu_ms_300": _harness.median(app["move_cpu"]),
        "presenter_move_cpu_baseline_ms": _harness.median(bare_move["move_cpu"]),
        "png_export_s_60": png_s,
        "png_export_baseline_s": png_base,
        "png_export_ratio": png_s / png_base,
    }


if __name__ == "__main__":
    _harness.main(run, {"presenter": child_presenter, "bare_presenter": child_bare_presenter,
                        "bare_move": child_bare_move,
                        "png": child_png, "bare_png": child_bare_png})
