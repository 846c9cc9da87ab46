"""The phase timer: a countdown the facilitator sets and runs during a workshop phase (pure, no Qt).

A running timer is kept as its end time on the wall clock, a stopped one as the time it has left, so
that it survives a restart of the app: a timer that was running goes on counting while the app is
closed, a paused one keeps its remaining time. Every method takes the current time (`now`, seconds
since the epoch) instead of reading a clock, so the model is exact and easy to test.

Like `Board`, each change goes through a method that validates, applies and returns a `TimerChanged`
record; listeners receive the same record.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from workshop_app.domain.announcer import Announcer

PRESET_MINUTES: tuple[int, ...] = (5, 10, 15)
DEFAULT_SECONDS = 10 * 60
MAX_SECONDS = 8 * 60 * 60  # a working day; a longer phase is a typing error
EXTRA_SECONDS = 60  # "one more minute"
WARNING_SECONDS = 60  # the last minute shows amber


class TimerError(ValueError):
    """A timer change that makes no sense: a length out of range, starting a timer that ran out."""


class Tone(StrEnum):
    """How the timer should look: normal, amber in its last minute, red at zero."""

    NORMAL = "normal"
    LAST_MINUTE = "last_minute"
    EXPIRED = "expired"


@dataclass(frozen=True)
class TimerState:
    """`length`: the phase's length in seconds. Stopped: `remaining` seconds left, `ends_at` None.
    Running: `ends_at` is the end time (epoch seconds) and `remaining` is not used."""

    length: int = DEFAULT_SECONDS
    remaining: float = DEFAULT_SECONDS
    ends_at: float | None = None

    @property
    def running(self) -> bool:
        return self.ends_at is not None

    def remaining_at(self, now: float) -> float:
        """Seconds left at `now` (never below zero)."""
        if self.ends_at is None:
            return max(0.0, self.remaining)
        return max(0.0, self.ends_at - now)

    def tone_at(self, now: float) -> Tone:
        left = self.remaining_at(now)
        if left <= 0:
            return Tone.EXPIRED
        return Tone.LAST_MINUTE if left <= WARNING_SECONDS else Tone.NORMAL

    def is_fresh(self) -> bool:
        """Set but not started (or reset): the whole length is left."""
        return not self.running and self.remaining == self.length


@dataclass(frozen=True)
class TimerChanged:
    """The phase timer changed by `action`: its state before and after."""

    action: str  # "set", "start", "pause", "add_minute", "reset", "restore"
    before: TimerState
    after: TimerState


TimerListener = Callable[[TimerChanged], None]


def checked_length(seconds: object) -> int:
    """A phase length in whole seconds, or TimerError naming the problem."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        raise TimerError(f"a timer length is a number of seconds, not {type(seconds).__name__}")
    if not math.isfinite(seconds) or not 1 <= seconds <= MAX_SECONDS:
        raise TimerError(f"a timer length runs from 1 second to {MAX_SECONDS // 3600} hours")
    return int(round(seconds))


def format_clock(seconds: float) -> str:
    """Seconds left as the timer shows them: "9:05", "0:00", "1:02:03"; partial seconds round up, so
    the display reaches 0:00 exactly when the time is up."""
    whole = int(-(-max(0.0, seconds) // 1))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@dataclass
class PhaseTimer(Announcer[TimerChanged]):
    """The timer of one session. Its state is a `TimerState`; each method returns a record."""

    state: TimerState = field(default_factory=TimerState)
    _listeners: list[TimerListener] = field(default_factory=list, repr=False, compare=False)

    def _apply(self, action: str, after: TimerState) -> TimerChanged:
        change = TimerChanged(action, self.state, after)
        self.state = after
        return self._announce(change)

    def set_length(self, seconds: object) -> TimerChanged:
        """A new length (a preset or any other); the timer stops with the whole length left."""
        length = checked_length(seconds)
        return self._apply("set", TimerState(length, float(length), None))

    def start(self, now: float) -> TimerChanged:
        state = self.state
        if state.running:
            raise TimerError("the timer is already running")
        if state.remaining <= 0:
            raise TimerError("the time is up: reset the timer or add a minute")
        return self._apply("start", replace(state, ends_at=now + state.remaining))

    def pause(self, now: float) -> TimerChanged:
        state = self.state
        if not state.running:
            raise TimerError("the timer is not running")
        return self._apply("pause", replace(state, remaining=state.remaining_at(now), ends_at=None))

    def add_minute(self, now: float) -> TimerChanged:
        """One more minute: on top of what is left, or a minute from now when the time was up."""
        state = self.state
        left = state.remaining_at(now)
        if left + EXTRA_SECONDS > MAX_SECONDS:
            raise TimerError(f"a timer runs at most {MAX_SECONDS // 3600} hours")
        if state.running:
            return self._apply("add_minute", replace(state, ends_at=now + left + EXTRA_SECONDS))
        return self._apply("add_minute", replace(state, remaining=left + EXTRA_SECONDS))

    def reset(self) -> TimerChanged:
        """Stopped, with the whole length left."""
        state = self.state
        return self._apply("reset", TimerState(state.length, float(state.length), None))

    def restore(self, state: TimerState) -> TimerChanged:
        """Take over a stored state (reopening a session)."""
        return self._apply("restore", checked_state(state))


def checked_state(state: TimerState) -> TimerState:
    """`state` if its numbers make sense (as read from a file), else TimerError."""
    length = checked_length(state.length)
    for value in (state.remaining, state.ends_at):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)
                                  or not math.isfinite(value)):
            raise TimerError("a stored timer holds a time that is not a finite number")
    if not 0 <= state.remaining <= MAX_SECONDS:
        raise TimerError(f"a timer runs at most {MAX_SECONDS // 3600} hours")
    return TimerState(length, float(state.remaining),
                      None if state.ends_at is None else float(state.ends_at))
