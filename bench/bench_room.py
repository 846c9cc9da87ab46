"""The room: opening presenter mode on a crowded board, a move shown on both windows, a board image.

`presenter_open_ms_300`: View > Presenter mode on a board of 300 cards (the 22 deck cards and 278
custom cards over all zones; the main window shown at 1600x1000): from triggering the action until the
projector's window has painted its board; the median of several openings (each closes it again).
Baseline: a second bare QGraphicsView on a scene of 300 rectangle-and-text items, shown in a new
top-level window until painted.

`presenter_move_ms_300`: with presenter mode on, one move (an undo command, as a drop makes it) until
both windows have painted it; median, and `presenter_move_p95_ms_300`. No bound and no baseline yet:
on this machine's software rendering it is several frames (one frame at 60 Hz is 16.7 ms), most of it
painting the two views after a move that shifts the cards behind it; see BENCHMARKS.md.

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


def _app_window(size: int):
    from workshop_app.ui.app import build_window, create_app

    app = create_app()
    window = build_window("de")
    window.resize(*WINDOW_SIZE)
    window.show()
    board = crowded_board(size)
    window.set_board(board)
    for _ in range(20):
        app.processEvents()
    return app, window


def child_presenter(repeats: str) -> dict:
    from workshop_app.domain.model import Zone

    app, window = _app_window(300)
    presenter = window.presenter
    opens: list[float] = []
    for _ in range(int(repeats)):
        def open_it() -> None:
            presenter.action.trigger()
            presenter.window.resize(*PROJECTOR_SIZE)

        opens.append(_painted_after(app, lambda: [presenter.window.panel.view.viewport()], open_it))
        presenter.action.trigger()  # close
        for _ in range(5):
            app.processEvents()
    presenter.action.trigger()
    presenter.window.resize(*PROJECTOR_SIZE)
    for _ in range(20):
        app.processEvents()
    views = [window.view.viewport(), presenter.window.panel.view.viewport()]
    moves: list[float] = []
    cards = [c.id for c in window.board.cards()][:int(repeats) * 4]
    for index, card_id in enumerate(cards):
        zone = (Zone.MARKETING, Zone.SHARED, Zone.SALES)[index % 3]
        moves.append(_painted_after(app, lambda: views,
                                    lambda c=card_id, z=zone: window.move_card(c, z, 0)))
    return {"open": opens, "move": moves}


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
    png = _harness.child(script, "png", repeats)
    bare_png = _harness.child(script, "bare_png", repeats)
    open_ms, open_base = _harness.median(app["open"]), _harness.median(bare["open"])
    png_s, png_base = _harness.median(png["s"]), _harness.median(bare_png["s"])
    return {
        "presenter_open_ms_300": open_ms,
        "presenter_open_baseline_ms": open_base,
        "presenter_open_ratio": open_ms / open_base,
        "presenter_move_ms_300": _harness.median(app["move"]),
        "presenter_move_p95_ms_300": _harness.percentile(app["move"], 0.95),
        "png_export_s_60": png_s,
        "png_export_baseline_s": png_base,
        "png_export_ratio": png_s / png_base,
    }


if __name__ == "__main__":
    _harness.main(run, {"presenter": child_presenter, "bare_presenter": child_bare_presenter,
                        "png": child_png, "bare_png": child_bare_png})
