"""Autosave: commit latency of one move in a 60-card session, against a bare sqlite3 insert and commit.

The session has the 22 deck cards and 38 custom cards. Each measured move is what the window does for
one undo step: the board moves a random card to a random place (zone and index) of another zone, then
`SessionStore.commit` writes what the move changed and the event row in one transaction. Only the
commit is timed. The baseline is a bare sqlite3 connection in the same folder (so on the same disk)
with the same settings (WAL, synchronous=FULL), inserting one row and committing; autosave and
baseline alternate in blocks, so that a busy moment of the machine hits both.

Figures: `autosave_median_ms`, `autosave_p95_ms`, `autosave_baseline_median_ms`, `autosave_ratio`.

Scale rows (22, 300, 1,000 and 2,000 cards, dealt round-robin over the four zones):
`autosave_ms_N` and `autosave_p95_ms_N` (the same commit), and `session_open_ms_N`: opening the
session file as the app does (`SessionStore.open`: checks, lock, migrations) and loading it.
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
from workshop_app.domain.model import ALL_ZONES, Card, Zone  # noqa: E402
from workshop_app.domain.session import SessionInfo  # noqa: E402
from workshop_app.storage import SessionStore  # noqa: E402

CARDS = 60
SCALE_SIZES = (22, 300, 1000, 2000)
BLOCK = 20  # moves per block; autosave and baseline blocks alternate


def board_of(size: int, spread: bool):
    """The deck plus custom cards, `size` in all; `spread`: dealt round-robin over the four zones."""
    board = load_deck().board()
    if spread:
        for index, card in enumerate(board.cards()):
            board.move(card.id, ALL_ZONES[index % len(ALL_ZONES)])
    for number in range(size - len(board)):
        board.add_card(Card(f"custom-{number}", f"Eigene Aufgabe {number}", f"Own task {number}",
                            custom=True), ALL_ZONES[number % len(ALL_ZONES)] if spread else Zone.UNPLACED)
    return board


def _random_move(board, rng: random.Random):
    card_id = rng.choice(board.cards()).id
    zone = rng.choice([z for z in ALL_ZONES if z is not board.zone_of(card_id)])
    return board.move(card_id, zone, rng.randrange(len(board.ids_in(zone)) + 1))


class BareInserts:
    """The baseline: a bare sqlite3 file with the same settings, one insert and commit per call."""

    def __init__(self, folder: Path) -> None:
        self.conn = sqlite3.connect(folder / "bare.sqlite", isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, at TEXT, card_id TEXT, zone TEXT)")
        self.number = 0

    def timed(self) -> float:
        self.number += 1
        start = time.perf_counter()
        self.conn.execute("BEGIN")
        self.conn.execute("INSERT INTO events (at, card_id, zone) VALUES (?, ?, ?)",
                          (str(self.number), "terms", "sales"))
        self.conn.execute("COMMIT")
        return (time.perf_counter() - start) * 1000


def measure_autosave(folder: Path, size: int, moves: int, bare: BareInserts | None = None,
                     spread: bool = True) -> tuple[list[float], list[float]]:
    """Commit times of `moves` random moves on a `size`-card session (and of as many bare inserts,
    interleaved in blocks, when `bare` is given)."""
    board = board_of(size, spread)
    rng = random.Random(7)
    timings, bare_timings = [], []
    with SessionStore.create(folder, SessionInfo(f"Benchmark {size}"), board) as store:
        store.attach(board, commit_each=False)
        for _ in range(BLOCK):  # warm the page cache and the statement cache
            store.commit([_random_move(board, rng)], "do")
        while len(timings) < moves:
            for _ in range(BLOCK):
                change = _random_move(board, rng)
                start = time.perf_counter()
                store.commit([change], "do")
                timings.append((time.perf_counter() - start) * 1000)
            if bare is not None:
                bare_timings += [bare.timed() for _ in range(BLOCK)]
        if _stored_snapshot(store) != board.snapshot():
            raise RuntimeError("the session file does not hold the board after the moves")
    return timings, bare_timings


def _stored_snapshot(store: SessionStore) -> dict:
    """What the session file holds now (read back through the store)."""
    return store.load().board.snapshot()


def measure_open(folder: Path, size: int, repeats: int) -> list[float]:
    """Times of opening and loading a `size`-card session file (created once, untimed)."""
    with SessionStore.create(folder, SessionInfo(f"Open {size}"), board_of(size, True)) as store:
        path = store.path
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        with SessionStore.open(path) as store:
            session = store.load()
        timings.append((time.perf_counter() - start) * 1000)
        assert len(session.board) == size
    return timings


def run(quick: bool) -> dict[str, float]:
    moves = 100 if quick else 600
    folder = Path(tempfile.mkdtemp(prefix="bench-autosave-"))
    try:
        bare = BareInserts(folder)
        autosave, baseline = measure_autosave(folder, CARDS, moves, bare, spread=False)
        bare.conn.close()
        figures = {
            "autosave_median_ms": median(autosave),
            "autosave_p95_ms": percentile(autosave, 0.95),
            "autosave_baseline_median_ms": median(baseline),
            "autosave_ratio": median(autosave) / median(baseline),
        }
        for size in SCALE_SIZES:
            timings, _ = measure_autosave(folder, size, moves // 2 if quick else moves)
            figures[f"autosave_ms_{size}"] = median(timings)
            figures[f"autosave_p95_ms_{size}"] = percentile(timings, 0.95)
            figures[f"session_open_ms_{size}"] = median(measure_open(folder, size, 3 if quick else 9))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return figures


if __name__ == "__main__":
    main(run, {})
