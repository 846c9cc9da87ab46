"""SIGKILL at 20 random moments: after each kill the session opens and holds every committed move.

Where tests/test_crash.py kills the driver after a chosen number of steps, this test kills it after a
random *time*, so the kill lands anywhere: during start-up, between two commits, inside a transaction,
while the window's autosave writes. The driver (tests/session_driver.py) prints the number of steps
after each commit; a reader thread collects those lines as they come.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from session_driver import expected_snapshots

from workshop_app.domain.deck import load_deck
from workshop_app.domain.session import SessionInfo
from workshop_app.storage import SessionStore, read_session

DRIVER = Path(__file__).parent / "session_driver.py"
KILLS = 20
STEPS = 100_000  # more than a run can do before it is killed
SEED = 20240601


def drive_and_kill_after(mode: str, path: Path, seed: int, delay_s: float) -> int:
    """Run the driver on `path`, SIGKILL it `delay_s` after its first committed step (a negative delay:
    that long after launch, before or during start-up); the last step count it reported."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(__file__).parent))
    process = subprocess.Popen([sys.executable, str(DRIVER), mode, str(path), str(seed), str(STEPS)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    counts: list[int] = []
    first_step = threading.Event()

    def read() -> None:
        for line in process.stdout:  # type: ignore[union-attr]
            counts.append(int(line))
            first_step.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if delay_s < 0:
            time.sleep(-delay_s)
        else:
            assert first_step.wait(30), process.stderr.read()  # type: ignore[union-attr]
            time.sleep(delay_s)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
        reader.join(10)
    finally:
        process.kill()
        process.wait()
    assert process.returncode == -signal.SIGKILL, "the driver ended before it was killed"
    return max(counts, default=0)


def test_sigkill_at_20_random_moments_loses_no_committed_move(tmp_path):
    rng = random.Random(SEED)
    summary = []
    for kill in range(KILLS):
        folder = tmp_path / f"kill-{kill:02d}"
        folder.mkdir()
        with SessionStore.create(folder, SessionInfo(f"Kill {kill}"), load_deck().board()) as store:
            path = store.path
        mode = {4: "window", 9: "app"}.get(kill % 10, "storage")  # app: the store opens after paint
        delay = rng.uniform(-0.3, 0.0) if kill % 7 == 3 else rng.uniform(0.0, 0.4)
        seed = SEED + kill
        reported = drive_and_kill_after(mode, path, seed, delay)

        session = read_session(path)  # opens after the kill (stale lock, WAL replayed)
        with SessionStore.open(path) as store:  # and can be opened for writing again
            logged = sum(1 for event in store.events() if event["kind"] == "move")
        assert reported <= logged <= reported + 1, (kill, mode, reported, logged)
        assert session.board.snapshot() == expected_snapshots(seed, logged)[logged], (kill, mode)
        summary.append((mode, round(delay, 3), reported))
    assert sum(1 for _, _, reported in summary if reported > 0) >= KILLS // 2, summary
