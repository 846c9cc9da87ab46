"""Dragging on a crowded board, and the memory the app needs for it.

`drag_event_ms_300`: the cost of one mouse-move event while a card is dragged on a board of 300 cards
(the 22 deck cards and 278 custom cards spread over all zones). Real QMouseEvents go to the view's
viewport (QTest.mousePress, then QTest.mouseMove per step); each step is timed together with the
event processing that follows it, which includes the repaint of the damaged region; the figure is
the mean over all steps (the total cost divided by the number of events), with the 95th percentile.
A second figure forces a full synchronous repaint of the viewport per move (the worst case).

Baseline: a bare QGraphicsView with 300 rectangle items whose mouseMoveEvent moves one item by setPos,
driven by the same events.

`peak_rss_mb`: the peak resident memory (getrusage maxrss) of the app process showing, painting and
dragging on the 300-card board; baseline: a bare QApplication with a QMainWindow shown.

Scale rows, on boards of 22, 300, 1,000 and 2,000 cards dealt the same way: `drag_event_ms_N` (as
above); `drag_cross_ms_N` and `drag_cross_p95_ms_N`: mouse moves that each cross the border between
Marketing and the shared zone (the drop-target highlight moves from one zone to the other), timed the
same way; `set_board_ms_N`: `MainWindow.set_board` with a board of N cards until the view has painted
it (what opening a session or a board file costs the window).
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _harness  # noqa: E402

CARD_COUNT = 300
SIZES = (22, 300, 1000, 2000)
WINDOW_SIZE = (1600, 1000)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def crowded_board(size: int = CARD_COUNT):
    """The default deck plus custom cards, `size` in all, dealt round-robin over the four zones."""
    from workshop_app.domain.deck import load_deck
    from workshop_app.domain.model import ALL_ZONES, Card

    board = load_deck().board()
    for index, card in enumerate(board.cards()):
        board.move(card.id, ALL_ZONES[index % len(ALL_ZONES)])
    for index in range(size - len(board)):
        card = Card(f"custom-{index:03d}", f"Eigene Aufgabe Nummer {index}",
                    f"Custom task number {index}", None, True)
        board.add_card(card, ALL_ZONES[index % len(ALL_ZONES)])
    return board


def _paint_counter(widget):
    from PySide6.QtCore import QEvent

    return _harness.event_counter([widget], QEvent.Type.Paint)


def _path(start, end, steps: int):
    """Points from `start` to `end` and back, `steps` in all."""
    from PySide6.QtCore import QPoint

    half = steps // 2
    out = [start + (end - start) * (i / half) for i in range(1, half + 1)]
    back = [end + (start - end) * (i / (steps - half)) for i in range(1, steps - half + 1)]
    points: list[QPoint] = []
    for point in out + back:  # each event moves the pointer by at least a pixel
        if not points or point != points[-1]:
            points.append(QPoint(point.x(), point.y()))
    return points


def _timed_drag(app, viewport, start, end, steps: int, force_repaint: bool) -> tuple[list[float], float]:
    """Press at `start`, move in `steps` timed steps via `end` and back, release. Per-move times
    in ms, and the paint events the viewport handled per move."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    counter = _paint_counter(viewport)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    app.processEvents()
    painted_before = counter.count
    times: list[float] = []
    path = _path(start, end, steps)
    for point in path:
        begin = time.perf_counter()
        QTest.mouseMove(viewport, point)
        if force_repaint:
            viewport.repaint()
        app.processEvents()
        times.append((time.perf_counter() - begin) * 1000)
    paints = (counter.count - painted_before) / len(path)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    app.processEvents()
    return times, paints


def _wait_painted(app, widget) -> None:
    counter = _paint_counter(widget)
    widget.update()
    deadline = time.perf_counter() + 20
    while counter.count == 0 and time.perf_counter() < deadline:
        app.processEvents()
    widget.removeEventFilter(counter)


def child_app(steps: str, size: str = str(CARD_COUNT)) -> dict:
    from PySide6.QtCore import QPointF

    from workshop_app.domain.model import Zone
    from workshop_app.ui.app import build_window, create_app

    count = int(size)
    app = create_app([sys.argv[0]])
    window = build_window("en")
    window.set_board(crowded_board(count))
    window.resize(*WINDOW_SIZE)
    window.show()
    view = window.view
    _wait_painted(app, view.viewport())
    board = window.board
    assert len(board) == count and len(view.board_scene.items_by_id) == count
    card_id = board.ids_in(Zone.MARKETING)[len(board.ids_in(Zone.MARKETING)) // 2]
    item = view.card_item(card_id)
    start = view.mapFromScene(item.sceneBoundingRect().center())
    sales = view.board_scene.layout.zones[Zone.SALES].rect
    end = view.mapFromScene(QPointF(sales.x + sales.w / 2, sales.y + sales.h / 2))
    home = item.pos()
    results = {}
    for label, force in (("processed", False), ("repainted", True)):
        times, paints = _timed_drag(app, view.viewport(), start, end, int(steps), force)
        if board.ids_in(Zone.MARKETING).count(card_id) != 1 or item.pos() != home:
            raise RuntimeError("the dragged card did not return to its place")
        results[label] = {"ms": _harness.mean(times), "p95": _harness.percentile(times, 0.95),
                          "paints": paints}
    results["moved"] = _moves_the_card(app, view, card_id, start, end)
    results["rss_mb"] = _peak_rss_mb()
    results["cross"] = _crossing_moves(app, view, card_id, int(steps))
    results["set_board"] = _set_board_times(app, window, 2 if int(steps) < 100 else 5)
    return results


def _crossing_moves(app, view, card_id: str, steps: int) -> list[float]:
    """Times of mouse moves during a drag of the card that each cross the Marketing/shared border."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtTest import QTest

    from workshop_app.domain.model import Zone

    zones = view.board_scene.layout.zones
    marketing, shared = zones[Zone.MARKETING].rect, zones[Zone.SHARED].rect
    border = view.mapFromScene(QPointF((marketing.x + marketing.w + shared.x) / 2, shared.y + shared.h / 2))
    sides = [border - QPoint(8, 0), border + QPoint(8, 0)]  # 8 pixels either side, at any zoom
    viewport = view.viewport()
    item = view.card_item(card_id)
    start = view.mapFromScene(item.sceneBoundingRect().center())
    before = item.pos()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, sides[0])
    app.processEvents()
    if item.pos() == before:
        raise RuntimeError("the crossing moves do not drag the card")
    times = []
    for index in range(1, steps + 1):
        begin = time.perf_counter()
        QTest.mouseMove(viewport, sides[index % 2])
        app.processEvents()
        times.append((time.perf_counter() - begin) * 1000)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    app.processEvents()
    return times


def _set_board_times(app, window, repeats: int) -> list[float]:
    """Times of showing another board of the same size until the view has painted it."""
    boards = [window.board.copy(), window.board.copy()]
    times = []
    for index in range(repeats):
        begin = time.perf_counter()
        window.set_board(boards[index % 2])
        _wait_painted(app, window.view.viewport())
        times.append((time.perf_counter() - begin) * 1000)
    return times


def _moves_the_card(app, view, card_id: str, start, end) -> bool:
    """Check that the events really drive a drag: the card follows the pointer mid-way."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    item = view.card_item(card_id)
    before = item.pos()
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(view.viewport(), end)
    app.processEvents()
    moved = item.pos() != before
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start)
    app.processEvents()
    return moved


def child_bare(steps: str) -> dict:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QMainWindow

    class DragView(QGraphicsView):
        dragged = None

        def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
            if self.dragged is not None:
                self.dragged.setPos(self.mapToScene(event.position().toPoint()))

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    scene = QGraphicsScene(window)
    columns = 10
    items = [scene.addRect(QRectF(0, 0, 240, 92), QColor("#111111"), QColor("#ffffff"))
             for _ in range(CARD_COUNT)]
    for index, item in enumerate(items):
        item.setPos((index % columns) * 250, (index // columns) * 102)
    view = DragView(scene, window)
    window.setCentralWidget(view)
    window.resize(*WINDOW_SIZE)
    window.show()
    _wait_painted(app, view.viewport())
    view.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    app.processEvents()
    view.dragged = items[CARD_COUNT // 2]
    start = view.mapFromScene(view.dragged.sceneBoundingRect().center())
    end = view.mapFromScene(scene.sceneRect().center())
    end.setX(view.viewport().width() - 50)
    results = {}
    for label, force in (("processed", False), ("repainted", True)):
        times, paints = _timed_drag(app, view.viewport(), start, end, int(steps), force)
        results[label] = {"ms": _harness.mean(times), "p95": _harness.percentile(times, 0.95),
                          "paints": paints}
    return results


def child_bare_rss() -> dict:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.resize(*WINDOW_SIZE)
    window.show()
    _wait_painted(app, window)
    return {"rss_mb": _peak_rss_mb()}


def run(quick: bool) -> dict[str, float]:
    script = Path(__file__)
    steps = "60" if quick else "200"
    scale = {size: _harness.child(script, "app", steps, str(size)) for size in SIZES}
    app = scale[CARD_COUNT]
    bare = _harness.child(script, "bare", steps)
    bare_rss = _harness.child(script, "bare_rss")
    if not all(result["moved"] for result in scale.values()):
        raise RuntimeError("mouse moves did not move the card: the drag benchmark measures nothing")
    if app["processed"]["paints"] == 0:
        raise RuntimeError("no repaint happened during the drag: the figure would leave it out")
    figures = {
        "drag_event_ms_300": app["processed"]["ms"],
        "drag_event_p95_ms_300": app["processed"]["p95"],
        "drag_event_baseline_ms": bare["processed"]["ms"],
        "drag_event_ratio": app["processed"]["ms"] / bare["processed"]["ms"],
        "drag_repaint_ms_300": app["repainted"]["ms"],
        "drag_repaint_baseline_ms": bare["repainted"]["ms"],
        "drag_paints_per_move": app["processed"]["paints"],
        "peak_rss_mb": app["rss_mb"],
        "peak_rss_baseline_mb": bare_rss["rss_mb"],
        "peak_rss_ratio": app["rss_mb"] / bare_rss["rss_mb"],
    }
    for size, result in scale.items():
        figures[f"drag_event_ms_{size}"] = result["processed"]["ms"]
        figures[f"drag_cross_ms_{size}"] = _harness.median(result["cross"])
        figures[f"drag_cross_p95_ms_{size}"] = _harness.percentile(result["cross"], 0.95)
        figures[f"set_board_ms_{size}"] = _harness.median(result["set_board"])
    return figures


if __name__ == "__main__":
    _harness.main(run, {"app": child_app, "bare": child_bare, "bare_rss": child_bare_rss})
