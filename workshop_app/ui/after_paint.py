"""Side panels follow the board: a refresh that waits until the board's views have painted.

A move changes the board scene at once; the views paint it when control returns to the event loop.
Everything else a move touches (the diagnosis, rounds and agreement docks, the projector's header and
revealed diagnosis, the undo button's text) is no part of what the room looks at in that moment. Run
synchronously, it delayed the board's frame on both windows by its own work and by repainting the
main window's tool bar and docks in the same pass (35-50 ms a move at 300 cards, two to three frames).

`AfterPaint(callback)` calls `callback` once, however often `schedule` was called in between, on a
zero-interval timer: Qt delivers the posted events first (among them the scene's update and the
windows' paint requests), then the timers. So the board shows in both windows first and the panels
follow in the next turn of the event loop, usually within the same frame.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

_ALL: weakref.WeakSet[AfterPaint] = weakref.WeakSet()


class AfterPaint(QObject):
    """Coalesces calls of `callback` into one, after the pending paints of this event-loop turn."""

    def __init__(self, callback: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._callback = callback
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # a timer, not a posted call: it runs after the paint events
        self._timer.timeout.connect(self._run)
        _ALL.add(self)

    @staticmethod
    def any_pending() -> bool:
        """Whether some refresh still waits (tests wait for the panels to follow a move)."""
        for waiting in list(_ALL):
            try:
                if waiting.pending:
                    return True
            except RuntimeError:  # its Qt object is gone
                _ALL.discard(waiting)
        return False

    def schedule(self, *_ignored: object) -> None:
        """Call the callback after the board has painted (connectable to any signal)."""
        if not self._timer.isActive():
            self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> None:
        """Call the callback now if it is due (e.g. before something reads what it shows)."""
        if self._timer.isActive():
            self._run()

    def cancel(self) -> None:
        self._timer.stop()

    def _run(self) -> None:
        self._timer.stop()
        self._callback()
