"""Drive a session with a long run of moves, undos and redos, printing the count after each commit.

Run as a subprocess by the kill tests:  python tests/session_driver.py {storage|window|app} SESSION SEED STEPS
`storage` drives the domain board and the store directly; `window` drives the real MainWindow (each
step one command on its undo stack, saved by the window's autosave); `app` starts the window as
`workshop-app` does (the session read and shown first, its store opened after the first paint or by
the first commit, whichever comes first) and then drives it as `window`. After each step returns, the step
is committed, and the driver prints the number of steps done so far.

`expected_snapshots(seed, steps)` replays the same steps on a plain board, so the test knows the board
after any number of steps without trusting the driver.
"""

from __future__ import annotations

import os
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workshop_app.domain.deck import load_deck
from workshop_app.domain.model import ALL_ZONES, Board, CardMoved


@dataclass(frozen=True)
class Step:
    kind: str  # "move", "undo" or "redo"
    card_id: str = ""
    zone: str = ""
    index: int | None = None


class Replay:
    """The steps on a plain board with a simple undo history (the same semantics as QUndoStack)."""

    def __init__(self, board: Board) -> None:
        self.board = board
        self.done: list[CardMoved] = []
        self.undone: list[tuple[str, str, int | None]] = []

    def choose(self, rng: random.Random) -> Step:
        roll = rng.random()
        if roll < 0.15 and self.done:
            return Step("undo")
        if roll < 0.25 and self.undone:
            return Step("redo")
        card_id = rng.choice([card.id for card in self.board.cards()])
        zone = rng.choice([z for z in ALL_ZONES if z is not self.board.zone_of(card_id)])
        size = len(self.board.ids_in(zone))
        index = None if rng.random() < 0.5 else rng.randint(0, size)
        return Step("move", card_id, zone.value, index)

    def apply(self, step: Step) -> None:
        if step.kind == "move":
            self.done.append(self.board.move(step.card_id, step.zone, step.index))
            self.undone.clear()
        elif step.kind == "undo":
            record = self.done.pop()
            self.board.move(record.card_id, record.from_zone, record.from_index)
            self.undone.append((record.card_id, record.to_zone.value, record.to_index))
        else:
            card_id, zone, index = self.undone.pop()
            self.done.append(self.board.move(card_id, zone, index))


def steps_for(seed: int, count: int, start: Callable[[], Board] | None = None) -> list[Step]:
    """`count` random steps from the board `start()` makes (default: the deck, all in the tray)."""
    rng = random.Random(seed)
    replay = Replay((start or load_deck().board)())
    steps = []
    for _ in range(count):
        step = replay.choose(rng)
        replay.apply(step)
        steps.append(step)
    return steps


def expected_snapshots(seed: int, count: int, start: Callable[[], Board] | None = None) -> list[dict]:
    """Board snapshots after 0, 1, ..., count steps."""
    replay = Replay((start or load_deck().board)())
    snapshots = [replay.board.snapshot()]
    for step in steps_for(seed, count, start):
        replay.apply(step)
        snapshots.append(replay.board.snapshot())
    return snapshots


def drive_storage(path: Path, steps: list[Step]) -> None:
    from workshop_app.storage import SessionStore

    store = SessionStore.open(path)
    board = store.load().board
    store.attach(board, commit_each=False)
    replay = Replay(board)
    for number, step in enumerate(steps, start=1):
        changes: list = []
        unsubscribe = board.subscribe(changes.append)
        replay.apply(step)
        unsubscribe()
        store.commit(changes, "do" if step.kind == "move" else step.kind)
        print(number, flush=True)


def drive_window(path: Path, steps: list[Step], app_start: bool = False) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from workshop_app.ui.app import build_window
    from workshop_app.ui.recent_sessions import KEY_LAST

    settings = QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat)
    settings.setValue(KEY_LAST, str(path))  # the window reopens it at start, as after a crash
    window = build_window("en", sessions_dir=path.parent, settings=settings, defer_secondary=app_start)
    assert window.sessions.store is not None, window.sessions.last_error
    if app_start:
        window.show()
        QApplication.processEvents()  # the first paint; the store opens now or with the first commit
    for number, step in enumerate(steps, start=1):
        if step.kind == "move":
            window.undo_stack.push(_move_command(window, step))
        elif step.kind == "undo":
            window.undo_stack.undo()
        else:
            window.undo_stack.redo()
        print(number, flush=True)


def _move_command(window, step: Step):
    from workshop_app.domain.model import Zone
    from workshop_app.ui.undo_commands import MoveCardCommand

    return MoveCardCommand(window.board, step.card_id, Zone(step.zone), step.index, window.language)


def main(argv: list[str]) -> None:
    mode, path, seed, count = argv[0], Path(argv[1]), int(argv[2]), int(argv[3])
    steps = steps_for(seed, count)
    if mode == "storage":
        drive_storage(path, steps)
    else:
        drive_window(path, steps, app_start=mode == "app")


if __name__ == "__main__":
    main(sys.argv[1:])
