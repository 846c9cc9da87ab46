"""Drive the window in the middle of a Soll round, printing the step count after each commit.

Run as a subprocess by tests/test_kill_soll_round.py:  python tests/soll_driver.py SESSION SEED STEPS
The window reopens SESSION (whose Ist round the test set up), starts the Soll round through the View
menu's Target action, then runs moves, undos and redos on the Soll board (each a command on the window's
undo stack, saved by its autosave), and prints the number of steps done after each one returns.

`ist_board()` is the Ist board the test stores; `session_driver.expected_snapshots(seed, steps,
ist_board)` replays the same steps on it, so the test knows the Soll board after any number of steps
without trusting the driver.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from session_driver import Step, steps_for

from workshop_app.domain.deck import load_deck
from workshop_app.domain.model import Board, Zone

IST_PLACEMENT = {"needs_analysis": Zone.MARKETING, "product_proposal": Zone.MARKETING,
                 "terms": Zone.SALES, "argument_lists": Zone.MARKETING, "advertising": Zone.MARKETING}


def ist_board() -> Board:
    board = load_deck().board()
    for card_id, zone in IST_PLACEMENT.items():
        board.move(card_id, zone)
    return board


def drive(path: Path, steps: list[Step]) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from workshop_app.ui.app import build_window
    from workshop_app.ui.recent_sessions import KEY_LAST
    from workshop_app.ui.undo_commands import MoveCardCommand

    settings = QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat)
    settings.setValue(KEY_LAST, str(path))
    window = build_window("en", sessions_dir=path.parent, settings=settings)
    assert window.sessions.store is not None, window.sessions.last_error
    window.rounds.soll_action.trigger()
    assert window.current.session.rounds.active == "target"
    print(0, flush=True)
    for number, step in enumerate(steps, start=1):
        if step.kind == "move":
            window.undo_stack.push(MoveCardCommand(window.board, step.card_id, Zone(step.zone),
                                                   step.index, window.language))
        elif step.kind == "undo":
            window.undo_stack.undo()
        else:
            window.undo_stack.redo()
        print(number, flush=True)


if __name__ == "__main__":
    drive(Path(sys.argv[1]), steps_for(int(sys.argv[2]), int(sys.argv[3]), ist_board))
