"""Cards that move instead of jumping: after a drop, an undo or any other change, the cards glide to
their new places in a short animation (`MOVE_MS`, at most 200 ms); a card an undo puts back flashes
briefly, so the room sees what the undo did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QPointF, QTimer
from PySide6.QtWidgets import QGraphicsItem

if TYPE_CHECKING:
    from PySide6.QtCore import QVariantAnimation


class Flashable(Protocol):
    is_highlighted: bool

    def set_highlighted(self, highlighted: bool) -> None: ...

MOVE_MS = 160
FLASHES = 3  # times the card lights up
FLASH_MS = 140  # each half of a flash


class CardMotion(QObject):
    """Moves card items to target positions, animated or at once; a new move starts from wherever
    the cards are, so quick changes never make them jump."""

    def __init__(self, parent: QObject | None = None, duration_ms: int = MOVE_MS) -> None:
        super().__init__(parent)
        self._starts: dict[QGraphicsItem, QPointF] = {}
        self._targets: dict[QGraphicsItem, QPointF] = {}
        self._duration_ms = duration_ms
        self._animation: QVariantAnimation | None = None  # made for the first glide, not at start

    def _glide(self) -> QVariantAnimation:
        if self._animation is None:
            from PySide6.QtCore import QEasingCurve, QVariantAnimation  # for the first glide only

            self._animation = QVariantAnimation(self)
            self._animation.setDuration(self._duration_ms)
            self._animation.setStartValue(0.0)
            self._animation.setEndValue(1.0)
            self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
            self._animation.valueChanged.connect(self._step)
            self._animation.finished.connect(self.finish)
        return self._animation

    def _stop(self) -> None:
        if self._animation is not None:
            self._animation.stop()

    @property
    def running(self) -> bool:
        return bool(self._targets)

    def move(self, targets: dict[QGraphicsItem, QPointF], *, animate: bool) -> None:
        self._stop()
        moving = {item: target for item, target in targets.items() if item.pos() != target}
        if not animate or not moving:
            self._targets = {}
            for item, target in moving.items():
                item.setPos(target)
            return
        self._starts = {item: item.pos() for item in moving}
        self._targets = moving
        self._glide().start()

    def _step(self, value: float) -> None:
        for item, target in self._targets.items():
            start = self._starts[item]
            item.setPos(start + (target - start) * value)

    def finish(self) -> None:
        """Every card at its place now (the animation ended, or a hand grabs a card)."""
        self._stop()
        targets, self._targets = self._targets, {}
        for item, target in targets.items():
            item.setPos(target)

    def forget(self, item: QGraphicsItem) -> None:
        """`item` left the scene: never touch it again."""
        self._targets.pop(item, None)
        self._starts.pop(item, None)


def flash(item: Flashable, parent: QObject) -> QTimer:
    """Light the card up a few times (its highlight frame), then leave it as it was."""
    was = item.is_highlighted
    steps = iter([not was, was] * FLASHES)
    timer = QTimer(parent)
    timer.setInterval(FLASH_MS)

    def step() -> None:
        state = next(steps, None)
        if state is None:
            timer.stop()
            timer.deleteLater()
            item.set_highlighted(was)
            return
        item.set_highlighted(state)

    timer.timeout.connect(step)
    step()
    timer.start()
    return timer
