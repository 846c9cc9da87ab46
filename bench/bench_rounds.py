"""Rounds on a crowded board, and the session as JSON.

`round_switch_ms_300`: switching between Ist and Soll in the window on a 300-card session (the View
menu's As is / Target actions: the round record, the scene showing the other board, the undo history,
the banner and the docks) until the viewport has repainted, median of alternating switches.
`overlay_ms_300`: showing the perception overlay (both groups' 300-card boards compared, a badge on
every placed card, the disputed ones framed) until the viewport has repainted.
Baseline for both, `board_refresh_ms_300`: a bare refresh of the same board – the scene laid out again
and the viewport repainted.

`session_json_export_ms_300` / `session_json_import_ms_300`: `workshop-app export SESSION --json` and
`workshop-app import FILE.json` without the interpreter start: a session file with Ist, Soll and both
perception boards of 300 cards read and written as JSON; the JSON parsed, checked and written as a new
session file.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _harness  # noqa: E402
from bench_drag import crowded_board  # noqa: E402

CARDS = 300


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def workshop_rounds(size: int = CARDS):
    """Rounds over a `size`-card board: two groups that disagree on every third card, Ist from group A,
    Soll with every fifth card moved."""
    from workshop_app.domain.model import PLACED_ZONES
    from workshop_app.domain.rounds import GROUP_A, GROUP_B, IST, SOLL, Rounds

    board = crowded_board(size)
    rounds = Rounds({IST: board.emptied()})
    rounds.start_perception(("Marketing", "Verkauf"))
    for round_name, shift in ((GROUP_A, 0), (GROUP_B, 1)):
        target = rounds.board(round_name)
        for index, card in enumerate(board.cards()):
            zone = PLACED_ZONES[(index + (shift if index % 3 == 0 else 0)) % 3]
            target.move(card.id, zone)
    rounds.start_ist_from("a")
    rounds.start_soll()
    for index, card in enumerate(board.cards()):
        if index % 5 == 0:
            rounds.board(SOLL).move(card.id, PLACED_ZONES[(index + 1) % 3])
    return rounds


def measure_window(repeats: int) -> dict:
    from PySide6.QtWidgets import QApplication

    from workshop_app.domain.rounds import IST, SOLL
    from workshop_app.domain.session import Session, SessionInfo
    from workshop_app.ui.app import build_window

    app = QApplication.instance() or QApplication([])
    window = build_window("en")
    window.resize(1600, 1000)
    window.show()
    rounds = workshop_rounds()
    window.current.show(Session(SessionInfo("Bench"), rounds.board(), round=rounds.active,
                                rounds=rounds), stored=False)
    window.finish_startup()
    viewport = window.view.viewport()
    app.processEvents()

    def settle(start: float) -> float:
        app.processEvents()
        viewport.repaint()
        return _ms(start)

    control = window.rounds
    switches, refreshes, overlays = [], [], []
    for number in range(repeats + 2):
        start = time.perf_counter()
        control.switch(IST if number % 2 == 0 else SOLL)
        switches.append(settle(start))
        start = time.perf_counter()
        window.board_scene.relayout(refit=True)
        refreshes.append(settle(start))
    for _ in range(repeats + 1):
        start = time.perf_counter()
        control.toggle_overlay()
        overlays.append(settle(start))
        control.switch(SOLL)
        app.processEvents()
    assert control.overlay.result is None and len(window.board) == CARDS
    return {"switch": switches[2:], "refresh": refreshes[2:], "overlay": overlays[1:]}


def measure_json(repeats: int) -> dict:
    from workshop_app.domain.session import Session, SessionInfo
    from workshop_app.domain.sessionfile import read_session_file, write_session_file
    from workshop_app.storage import SessionStore, read_session

    folder = Path(tempfile.mkdtemp(prefix="bench-rounds-"))
    try:
        rounds = workshop_rounds()
        session = Session(SessionInfo("Bench", date="2025-06-01"), rounds.board(), round=rounds.active,
                          rounds=rounds)
        with SessionStore.create(folder, session.info, session.board, content=session) as store:
            source = store.path
        exports, imports = [], []
        for number in range(repeats):
            target = folder / f"export-{number}.json"
            start = time.perf_counter()
            write_session_file(read_session(source), target)
            exports.append(_ms(start))
            start = time.perf_counter()
            imported = read_session_file(target)
            with SessionStore.create(folder, imported.info, imported.board, content=imported):
                pass
            imports.append(_ms(start))
        assert len(imported.rounds.names()) == 4 and len(imported.board) == CARDS
        return {"export": exports, "import": imports}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _child_window(repeats: str) -> dict:
    return measure_window(int(repeats))


def _child_json(repeats: str) -> dict:
    return measure_json(int(repeats))


def run(quick: bool) -> dict[str, float]:
    repeats = 6 if quick else 20
    window = _harness.child(__file__, "window", str(repeats))
    json_times = _harness.child(__file__, "json", str(max(3, repeats // 2)))
    median = _harness.median
    return {
        "round_switch_ms_300": median(window["switch"]),
        "overlay_ms_300": median(window["overlay"]),
        "board_refresh_ms_300": median(window["refresh"]),
        "round_switch_ratio": median(window["switch"]) / median(window["refresh"]),
        "overlay_ratio": median(window["overlay"]) / median(window["refresh"]),
        "session_json_export_ms_300": median(json_times["export"]),
        "session_json_import_ms_300": median(json_times["import"]),
    }


if __name__ == "__main__":
    _harness.main(run, {"window": _child_window, "json": _child_json})
