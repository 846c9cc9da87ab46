"""The phase timer: its states, its tones, and its survival of a restart (stored in the session)."""

from __future__ import annotations

import math

import pytest

from workshop_app.domain.session import SessionInfo
from workshop_app.domain.timer import (
    MAX_SECONDS,
    PRESET_MINUTES,
    PhaseTimer,
    TimerError,
    TimerState,
    Tone,
    format_clock,
)
from workshop_app.storage import SessionStore
from workshop_app.storage.timer_store import read_timer, write_timer

T0 = 1_800_000_000.0  # an arbitrary wall-clock moment


def started(minutes: int = 10) -> PhaseTimer:
    timer = PhaseTimer()
    timer.set_length(minutes * 60)
    timer.start(T0)
    return timer


def test_presets_are_five_ten_and_fifteen_minutes_and_any_length_can_be_set():
    assert PRESET_MINUTES == (5, 10, 15)
    timer = PhaseTimer()
    change = timer.set_length(7 * 60 + 30)
    assert change.action == "set" and change.after == TimerState(450, 450.0, None)
    assert timer.state.is_fresh() and not timer.state.running
    assert format_clock(timer.state.remaining_at(T0)) == "7:30"


@pytest.mark.parametrize("length", [0, -5, MAX_SECONDS + 1, math.nan, math.inf, "10", None, True])
def test_a_length_out_of_range_or_not_a_number_is_refused_and_changes_nothing(length):
    timer = PhaseTimer()
    before = timer.state
    with pytest.raises(TimerError):
        timer.set_length(length)
    assert timer.state == before


def test_a_running_timer_counts_down_from_its_end_time():
    timer = started(10)
    assert timer.state.running and timer.state.ends_at == T0 + 600
    assert timer.state.remaining_at(T0 + 125) == 475
    assert format_clock(timer.state.remaining_at(T0 + 125)) == "7:55"
    assert format_clock(timer.state.remaining_at(T0 + 599.2)) == "0:01"  # rounds up: 0:00 means up
    assert timer.state.remaining_at(T0 + 9999) == 0


def test_pause_keeps_the_remaining_time_and_start_resumes_from_it():
    timer = started(5)
    paused = timer.pause(T0 + 100).after
    assert not paused.running and paused.remaining == 200
    assert paused.remaining_at(T0 + 5000) == 200  # a paused timer does not run down
    resumed = timer.start(T0 + 1000).after
    assert resumed.ends_at == T0 + 1200


def test_one_more_minute_while_running_while_paused_and_after_the_time_is_up():
    timer = started(5)
    assert timer.add_minute(T0 + 10).after.ends_at == T0 + 360
    timer.pause(T0 + 60)
    assert timer.add_minute(T0 + 70).after.remaining == 360
    timer.start(T0 + 100)
    over = T0 + 100 + 360 + 42  # time up 42 s ago
    assert timer.state.tone_at(over) is Tone.EXPIRED
    assert timer.add_minute(over).after.ends_at == over + 60  # a minute from now, not from the end


def test_reset_stops_with_the_whole_length():
    timer = started(15)
    change = timer.reset()
    assert change.before.running and change.after == TimerState(900, 900.0, None)


def test_tones_normal_then_amber_in_the_last_minute_then_red_at_zero():
    timer = started(5)
    state = timer.state
    assert state.tone_at(T0) is Tone.NORMAL
    assert state.tone_at(T0 + 239) is Tone.NORMAL
    assert state.tone_at(T0 + 240) is Tone.LAST_MINUTE
    assert state.tone_at(T0 + 299.5) is Tone.LAST_MINUTE
    assert state.tone_at(T0 + 300) is Tone.EXPIRED


def test_invalid_transitions_are_refused():
    timer = started(5)
    with pytest.raises(TimerError, match="already running"):
        timer.start(T0 + 1)
    timer.pause(T0 + 1)
    with pytest.raises(TimerError, match="not running"):
        timer.pause(T0 + 2)
    timer.start(T0 + 2)
    timer.pause(T0 + 400)  # paused after the time was up: nothing left
    with pytest.raises(TimerError, match="time is up"):
        timer.start(T0 + 401)
    timer.set_length(MAX_SECONDS)
    with pytest.raises(TimerError, match="at most"):
        timer.add_minute(T0)


def test_listeners_receive_the_same_records_the_methods_return():
    timer = PhaseTimer()
    seen = []
    unsubscribe = timer.subscribe(seen.append)
    records = [timer.set_length(300), timer.start(T0), timer.pause(T0 + 1), timer.reset()]
    unsubscribe()
    timer.set_length(60)
    assert seen == records
    assert [r.action for r in seen] == ["set", "start", "pause", "reset"]
    assert all(r.before == p.after for p, r in zip(seen, seen[1:], strict=False))


def test_format_clock_with_hours():
    assert format_clock(3723) == "1:02:03"
    assert format_clock(-3) == "0:00"


# --- stored in the session: survives a restart ---


def test_a_running_timer_survives_a_restart_and_keeps_counting(tmp_path, board):
    with SessionStore.create(tmp_path, SessionInfo("Timer"), board) as store:
        path = store.path
        assert read_timer(store.db) is None  # a new session has no timer yet
        timer = started(10)
        write_timer(store.db, timer.state)
    with SessionStore.open(path) as again:
        state = read_timer(again.db)
    assert state == TimerState(600, 600.0, T0 + 600)
    restored = PhaseTimer()
    restored.restore(state)
    assert restored.state.remaining_at(T0 + 180) == 420  # three minutes passed while it was closed


def test_a_paused_timer_survives_a_restart_with_its_remaining_time(tmp_path, board):
    with SessionStore.create(tmp_path, SessionInfo("Timer"), board) as store:
        path = store.path
        timer = started(5)
        timer.pause(T0 + 61.5)
        write_timer(store.db, timer.state)
    with SessionStore.open(path) as again:
        state = read_timer(again.db)
    assert state == TimerState(300, 238.5, None)
    assert state.remaining_at(T0 + 99999) == 238.5


def test_a_damaged_timer_row_costs_the_timer_not_the_session(tmp_path, board):
    with SessionStore.create(tmp_path, SessionInfo("Timer"), board) as store:
        path = store.path
        store.db.conn.execute("INSERT INTO timer (id, length_s, remaining_s, ends_at) "
                              "VALUES (1, -4, 1e300, 'yesterday')")
        store.db.conn.commit()
    with SessionStore.open(path) as again:
        assert read_timer(again.db) is None
        assert again.load().info.title == "Timer"


def test_the_sessions_timer_records_are_committed_with_its_changes(tmp_path, board):
    from workshop_app.storage import read_session

    with SessionStore.create(tmp_path, SessionInfo("Timer"), board) as store:
        path = store.path
        session = store.load()
        store.attach(session.board, commit_each=False)
        records = []
        session.subscribe(records.append)
        session.timer.set_length(300)
        session.timer.start(T0)
        store.commit(records)
        kinds = [event["kind"] for event in store.events()]
    assert kinds.count("timer") == 2
    assert read_session(path).timer.state == TimerState(300, 300.0, T0 + 300)
