"""The agreement check on a 300-card target board, as the checklist runs it after every change.

`agreement_ms_300`: the median time of one check (`check_agreement`, including the diagnosis of the
target board, which the check needs for the archetype points) after a move on the board. The board:
the 300-card board of `bench_diagnosis` (the deck plus 278 custom cards on the reference split, the
Kundenversteher signs in Marketing), a tenth of its cards contested (half of them resolved, with
votes), a handoff on every second Schnittstelle card, ten cards back in the tray; one card moves
between Marketing and Verkauf before each check, so every check sees a changed board.
`agreement_only_ms_300`: the check given a diagnosis already made (what it adds to the live diagnosis).
`agreement_dock_ms_300`: the live update in the window: the agreement dock's refresh after a move
(check, checklist, the marks on 300 cards, the suggestions), on the same board and agreement shown in
a 1600x1000 window; `agreement_dock_settled_ms_300` adds the events that follow (layout and repaint of
what the refresh changed).
Baseline (same run): `board.snapshot()` on the same board, a bare pass over the board.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _harness  # noqa: E402
from bench_diagnosis import board_of  # noqa: E402

CARD_COUNT = 300


def agreement_of(board):
    from workshop_app.domain.agreement import Agreement, Handoff, Votes
    from workshop_app.domain.model import Zone

    agreement = Agreement(lambda: board)
    cards = board.cards()
    for index, card in enumerate(cards[::10]):
        agreement.mark_contested(card.id)
        agreement.set_votes(card.id, Votes(index % 4, 1, 3))
        if index % 2:
            agreement.resolve(card.id, board.zone_of(card.id) if board.zone_of(card.id).is_placed
                              else Zone.SALES, "bench")
    for card_id in board.ids_in(Zone.SHARED)[::2]:
        agreement.set_handoff(card_id, Handoff(Zone.SALES, "Einwände je Kundenfall"))
    for card in cards[5::30]:
        board.move(card.id, Zone.UNPLACED)
    return agreement


def measure(repeats: str) -> dict:
    from workshop_app.domain.agreement_check import check_agreement
    from workshop_app.domain.diagnosis import diagnose
    from workshop_app.domain.model import Zone

    repeats_n = int(repeats)
    board = board_of(CARD_COUNT)
    agreement = agreement_of(board)
    moving = next(card.id for card in board.cards_in(Zone.SALES))
    times, only, baseline, open_points = [], [], [], set()
    for _ in range(repeats_n):
        zone = Zone.MARKETING if board.zone_of(moving) is Zone.SALES else Zone.SALES
        board.move(moving, zone)
        start = time.perf_counter()
        check = check_agreement(agreement)
        times.append((time.perf_counter() - start) * 1000)
        open_points.add(len(check.open))
        diagnosis = diagnose(board)
        start = time.perf_counter()
        check_agreement(agreement, diagnosis)
        only.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        board.snapshot()
        baseline.append((time.perf_counter() - start) * 1000)
    assert min(open_points) > 10, open_points  # every kind of open point is there to find
    return {"check": _harness.median(times), "only": _harness.median(only),
            "baseline": _harness.median(baseline), "cards": len(board)}


def measure_dock(repeats: str) -> dict:
    """Child: the agreement dock's refresh after each move, in a shown window."""
    from workshop_app.domain.model import Zone
    from workshop_app.ui.app import build_window, create_app

    app = create_app()
    window = build_window("en")
    window.resize(1600, 1000)
    window.show()
    window.set_board(board_of(CARD_COUNT))
    window.finish_startup()
    board = window.current.session.board
    made = agreement_of(board)  # the bench's agreement, copied into the session's own
    session_agreement = window.current.session.agreement
    for card_id, contest in made.contests().items():
        session_agreement.set_contest(card_id, contest)
    for card_id, handoff in made.handoffs().items():
        session_agreement.set_handoff(card_id, handoff)
    app.processEvents()
    dock = window.agreement
    moving = next(card.id for card in board.cards_in(Zone.SALES))
    times, settled = [], []
    for _ in range(int(repeats)):
        board.move(moving, Zone.MARKETING if board.zone_of(moving) is Zone.SALES else Zone.SALES)
        app.processEvents()  # the move's own repaint (board, diagnosis) is not the dock's
        start = time.perf_counter()
        dock.refresh()
        times.append((time.perf_counter() - start) * 1000)
        app.processEvents()
        settled.append((time.perf_counter() - start) * 1000)
    assert len(dock.marks._marks) > 10  # the marks are really drawn
    window.close()
    return {"dock": _harness.median(times), "settled": _harness.median(settled)}


def run(quick: bool) -> dict[str, float]:
    result = _harness.child(__file__, "measure", "100" if quick else "1000")
    assert result["cards"] == CARD_COUNT
    dock = _harness.child(__file__, "dock", "20" if quick else "100")
    return {"agreement_ms_300": result["check"], "agreement_only_ms_300": result["only"],
            "agreement_dock_ms_300": dock["dock"], "agreement_dock_settled_ms_300": dock["settled"],
            "agreement_baseline_ms_300": result["baseline"],
            "agreement_ratio_300": result["check"] / max(result["baseline"], 1e-6)}


if __name__ == "__main__":
    _harness.main(run, {"measure": measure, "dock": measure_dock})
