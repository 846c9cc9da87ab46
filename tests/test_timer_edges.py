"""The phase timer's edges: the exact bounds of a length and of a stored state, the last moment a timer
can start, the action each record names, and a second unsubscribe (found by `make mutation`)."""

from __future__ import annotations

import math

import pytest

from workshop_app.domain.timer import (
    EXTRA_SECONDS,
    MAX_SECONDS,
    PhaseTimer,
    TimerError,
    TimerState,
    checked_length,
    checked_state,
)

T0 = 1_800_000_000.0


def test_a_stopped_timer_never_has_less_than_nothing_left():
    assert TimerState(60, -5.0, None).remaining_at(T0) == 0.0
    assert TimerState(60, 0.25, None).remaining_at(T0) == 0.25


def test_a_running_timer_with_its_whole_length_left_is_not_fresh():
    timer = PhaseTimer()
    timer.set_length(60)
    assert timer.state.is_fresh()
    timer.start(T0)
    assert timer.state.remaining == timer.state.length and not timer.state.is_fresh()


@pytest.mark.parametrize("seconds", [1, 1.4, MAX_SECONDS])
def test_a_length_from_one_second_to_the_maximum_is_taken(seconds):
    assert checked_length(seconds) == round(seconds)


@pytest.mark.parametrize("seconds", [0.99, 0, MAX_SECONDS + 0.5, math.inf, math.nan, True, "60", None])
def test_a_length_outside_the_range_or_not_a_number_is_refused(seconds):
    with pytest.raises(TimerError):
        checked_length(seconds)


def test_a_second_unsubscribe_does_nothing():
    timer = PhaseTimer()
    seen = []
    unsubscribe = timer.subscribe(seen.append)
    unsubscribe()
    unsubscribe()
    timer.set_length(60)
    assert seen == []


def test_a_timer_with_half_a_second_left_starts_and_one_with_nothing_left_does_not():
    timer = PhaseTimer()
    timer.restore(TimerState(60, 0.5, None))
    assert timer.start(T0).after.ends_at == T0 + 0.5
    timer.restore(TimerState(60, 0.0, None))
    with pytest.raises(TimerError):
        timer.start(T0)


def test_one_more_minute_up_to_exactly_the_maximum():
    timer = PhaseTimer()
    timer.restore(TimerState(MAX_SECONDS, MAX_SECONDS - EXTRA_SECONDS, None))
    assert timer.add_minute(T0).after.remaining == MAX_SECONDS
    with pytest.raises(TimerError):
        timer.add_minute(T0)


def test_every_record_names_its_action():
    timer = PhaseTimer()
    actions = []
    timer.subscribe(lambda change: actions.append(change.action))
    timer.restore(TimerState(120, 30.0, None))
    timer.add_minute(T0)
    timer.start(T0)
    timer.add_minute(T0 + 10)
    timer.pause(T0 + 20)
    timer.reset()
    assert actions == ["restore", "add_minute", "start", "add_minute", "pause", "reset"]
    assert timer.state == TimerState(120, 120.0, None)


@pytest.mark.parametrize("state", [
    TimerState(60, 60.0, math.nan),
    TimerState(60, 60.0, math.inf),
    TimerState(60, 60.0, "soon"),
    TimerState(60, 60.0, True),
    TimerState(60, True, None),
    TimerState(60, math.nan, None),
    TimerState(60, -0.5, None),
    TimerState(60, MAX_SECONDS + 1, None),
])
def test_a_stored_state_with_a_time_that_makes_no_sense_is_refused(state):
    with pytest.raises(TimerError):
        checked_state(state)


@pytest.mark.parametrize("remaining", [0, 0.5, MAX_SECONDS])
def test_a_stored_state_from_nothing_left_to_the_maximum_is_taken(remaining):
    assert checked_state(TimerState(60, remaining, T0)) == TimerState(60, float(remaining), T0)
