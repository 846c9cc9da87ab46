"""Change records to their listeners: the one subscribe/announce mechanism of the domain's models
(the board, the rounds, the agreement, the phase timer)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

ChangeT = TypeVar("ChangeT")


class Announcer(Generic[ChangeT]):
    """Mixin for a model that announces each change record it returns. The model keeps the list
    `_listeners` itself (a dataclass field or an attribute set in `__init__`)."""

    _listeners: list[Callable[[ChangeT], None]]

    def subscribe(self, listener: Callable[[ChangeT], None]) -> Callable[[], None]:
        """Call `listener` with every change record; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _announce(self, change: ChangeT) -> ChangeT:
        for listener in list(self._listeners):
            listener(change)
        return change
