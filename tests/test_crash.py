"""SIGKILL in the middle of a run of moves loses no committed move.

A subprocess drives a session (tests/session_driver.py) and prints the number of steps after each one
returns, i.e. after its commit. The test kills it with SIGKILL at a random moment, reopens the session
and checks: the log holds at least every step reported, and the board is exactly the board after that
many steps (replayed independently on a plain board).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from session_driver import expected_snapshots

from workshop_app.domain.deck import load_deck
from workshop_app.domain.session import SessionInfo
from workshop_app.storage import SessionStore, read_session

DRIVER = Path(__file__).parent / "session_driver.py"
STEPS = 100_000  # more than a run can do before it is killed


def run_and_kill(mode: str, path: Path, seed: int, kill_after: int) -> int:
    """Start the driver, kill it with SIGKILL after `kill_after` reported steps; return the last count
    it reported (reading what it printed before it died)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(__file__).parent))
    process = subprocess.Popen([sys.executable, str(DRIVER), mode, str(path), str(seed), str(STEPS)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    reported = 0
    try:
        for line in process.stdout:
            reported = int(line)
            if reported >= kill_after:
                os.kill(process.pid, signal.SIGKILL)
                break
        rest = process.stdout.read()  # lines printed before the kill landed
        reported = max([reported, *(int(n) for n in rest.split())])
    finally:
        process.kill()
        process.wait()
    assert process.returncode == -signal.SIGKILL, process.stderr.read()
    return reported


def moves_logged(path: Path) -> int:
    with SessionStore.open(path) as store:
        return sum(1 for event in store.events() if event["kind"] == "move")


@pytest.mark.parametrize("mode,seed", [("storage", 11), ("storage", 12), ("storage", 13),
                                       ("window", 21), ("window", 22)])
def test_sigkill_loses_no_committed_move(tmp_path, mode, seed):
    with SessionStore.create(tmp_path, SessionInfo("Crash test"), load_deck().board()) as store:
        path = store.path
    kill_after = random.Random(seed).randint(20, 120)
    reported = run_and_kill(mode, path, seed, kill_after)
    assert reported >= kill_after

    logged = moves_logged(path)
    assert reported <= logged <= reported + 1  # at most the step in flight also made it
    snapshots = expected_snapshots(seed, logged)
    assert read_session(path).board.snapshot() == snapshots[logged]
