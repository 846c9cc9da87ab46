"""Autosave: commit latency of one move in a 60-card session, against a bare sqlite3 insert and commit.

The session has the 22 deck cards and 38 custom cards. Each measured move is what the window does for
one undo step: the board moves a card, then `SessionStore.commit` writes the placements of the zones it
touched and the event row in one transaction. Only the commit is timed. The baseline is a bare sqlite3
connection in the same folder (so on the same disk) with the same settings (WAL, synchronous=FULL),
inserting one row and committing.

Figures: `autosave_median_ms`, `autosave_p95_ms`, `autosave_baseline_median_ms`, `autosave_ratio`.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import main, median, percentile  # noqa: E402

from workshop_app.domain.deck import load_deck  # noqa: E402
from workshop_app.domain.model import ALL_ZONES, Card  # noqa: E402
from workshop_app.domain.session import SessionInfo  # noqa: E402
from workshop_app.storage import SessionStore  # noqa: E402

CARDS = 60


def sixty_card_board():
    board = load_deck().board()
    for number in range(CARDS - len(board)):
        board.add_card(Card(f"custom-{number}", f"Eigene Aufgabe {number}", f"Own task {number}",
                            custom=True))
    return board


def measure_autosave(folder: Path, moves: int) -> list[float]:
    board = sixty_card_board()
    rng = random.Random(7)
    timings = []
    with SessionStore.create(folder, SessionInfo("Benchmark"), board) as store:
        store.attach(board, commit_each=False)
        ids = [card.id for card in board.cards()]
        for _ in range(moves):
            card_id = rng.choice(ids)
            zone = rng.choice([z for z in ALL_ZONES if z is not board.zone_of(card_id)])
            change = board.move(card_id, zone)
            start = time.perf_counter()
            store.commit([change], "do")
            timings.append((time.perf_counter() - start) * 1000)
    return timings


def measure_bare(folder: Path, inserts: int) -> list[float]:
    conn = sqlite3.connect(folder / "bare.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, at TEXT, card_id TEXT, zone TEXT)")
    timings = []
    for number in range(inserts):
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO events (at, card_id, zone) VALUES (?, ?, ?)",
                     (str(number), "terms", "sales"))
        conn.execute("COMMIT")
        timings.append((time.perf_counter() - start) * 1000)
    conn.close()
    return timings


def run(quick: bool) -> dict[str, float]:
    moves = 100 if quick else 600
    folder = Path(tempfile.mkdtemp(prefix="bench-autosave-"))
    try:
        autosave = measure_autosave(folder, moves)
        bare = measure_bare(folder, moves)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    autosave_median, bare_median = median(autosave), median(bare)
    return {
        "autosave_median_ms": autosave_median,
        "autosave_p95_ms": percentile(autosave, 0.95),
        "autosave_baseline_median_ms": bare_median,
        "autosave_ratio": autosave_median / bare_median,
    }


if __name__ == "__main__":
    main(run, {})
