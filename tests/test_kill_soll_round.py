"""SIGKILL in the middle of the Soll round: the Soll round, every committed Soll move and the untouched
Ist round are in the file when it is opened again."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from session_driver import expected_snapshots
from soll_driver import ist_board

from workshop_app.domain.session import SessionInfo
from workshop_app.storage import SessionStore, read_session

DRIVER = Path(__file__).parent / "soll_driver.py"
STEPS = 100_000


def run_and_kill(path: Path, seed: int, kill_after: int) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(__file__).parent))
    process = subprocess.Popen([sys.executable, str(DRIVER), str(path), str(seed), str(STEPS)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    reported = -1
    try:
        for line in process.stdout:  # type: ignore[union-attr]
            reported = int(line)
            if reported >= kill_after:
                os.kill(process.pid, signal.SIGKILL)
                break
        rest = process.stdout.read()  # type: ignore[union-attr]
        reported = max([reported, *(int(n) for n in rest.split())])
    finally:
        process.kill()
        process.wait()
    assert process.returncode == -signal.SIGKILL, process.stderr.read()  # type: ignore[union-attr]
    return reported


@pytest.mark.parametrize("seed", [31, 32])
def test_a_kill_in_the_middle_of_the_soll_round_loses_nothing(tmp_path, seed):
    ist = ist_board()
    with SessionStore.create(tmp_path, SessionInfo("Soll kill"), ist) as store:
        path = store.path
    kill_after = random.Random(seed).randint(15, 60)
    reported = run_and_kill(path, seed, kill_after)
    assert reported >= kill_after

    with SessionStore.open(path) as store:
        soll_moves = sum(1 for e in store.events() if e["kind"] == "move" and e["round"] == "target")
        started = [e for e in store.events() if e["kind"] == "round_start"]
    assert [e["round"] for e in started] == ["target"]
    assert reported <= soll_moves <= reported + 1  # at most the step in flight also made it
    session = read_session(path)
    assert session.round == "target" and session.rounds.names() == ["as_is", "target"]
    assert session.rounds.board("as_is").snapshot() == ist.snapshot()
    assert session.board.snapshot() == expected_snapshots(seed, soll_moves, ist_board)[soll_moves]
