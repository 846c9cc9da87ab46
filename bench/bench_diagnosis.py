"""One diagnosis plus the diagnosis panel's update, on boards of 22, 300, 1,000 and 2,000 cards.

Each figure is the time from a move on the board (`Board.move`, which announces the change to the
panel) until the panel shows the new diagnosis: the synchronous diagnosis and widget updates plus
processing the events that follow (layout and repaint of the shown panel). Two kinds of move:

- a flip (`diagnosis_flip_ms_N`, `diagnosis_flip_p95_ms_N`): the card moves so that an archetype
  starts or stops resembling the board (its details appear and vanish, the state styles change);
- an ordinary move (`diagnosis_move_ms_N`, `diagnosis_move_p95_ms_N`): a card with a task function
  moves between zones, the scores and the reference comparison change, no archetype's state does.

Both cards are found on the board itself (the first deck card whose move flips a verdict, the first
that moves the scores without one), so the figures follow the engine's data. `diagnosis_ms_N` is the
flip median (the expensive case, as in issue 4's bound). `diagnosis_label_resizes_per_flip_N`: resize
events of the panel's labels per flip (a layout storm shows here).

Boards: the default deck on the reference split plus custom cards with task functions (round-robin
over the functions) on their reference zones, every needs_analysis and product_proposal card in
Marketing.
`diagnosis_sync_ms_N`: only the synchronous part of a flip (diagnosis and widget setters).
`diagnose_only_ms_N`: the pure domain function, no Qt.
Baselines (same run): `board.snapshot()` on the same board, a bare pass over the board
(`diagnosis_ratio_*` = diagnosis_ms / snapshot); and one bare Qt update of the same size, a word-wrapped
QLabel in a shown window of the panel's size getting a new text and its events processed
(`diagnosis_ratio_label_*` = diagnosis_ms / that): how many plain label updates one diagnosis costs.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _harness  # noqa: E402

SIZES = (22, 300, 1000, 2000)


def board_of(size: int):
    """A board of `size` cards (22 or more)."""
    from workshop_app.domain.deck import load_deck, load_functions, reference_board
    from workshop_app.domain.model import Card, Zone

    functions = list(load_functions().values())
    board = reference_board(load_deck())
    for index in range(size - len(board)):
        function = functions[index % len(functions)]
        card = Card(f"custom-{index:03d}", f"Eigene Aufgabe {index}", f"Custom task {index}",
                    function.id, custom=True)
        board.add_card(card, function.reference)
    for card in board.cards():
        if card.function in ("needs_analysis", "product_proposal"):
            board.move(card.id, Zone.MARKETING)
    return board


def _states(board) -> tuple:
    from workshop_app.domain.diagnosis import diagnose

    result = diagnose(board)
    return (tuple(sorted((r.archetype.id, r.resembles, r.judgeable) for r in result.results)),
            tuple(sorted((r.archetype.id, round(r.score, 6)) for r in result.results)),
            result.reference_conformity)


def find_moves(board) -> dict[str, tuple[str, object, object]]:
    """The deck card (and its two zones) whose move flips a verdict, and one whose move changes the
    scores or the reference comparison but no verdict: {"flip": (id, zone, other), "move": ...}."""
    from workshop_app.domain.model import PLACED_ZONES

    found: dict[str, tuple[str, object, object]] = {}
    before = _states(board)
    for card in [card for card in board.cards() if card.function and not card.custom]:
        home = board.zone_of(card.id)
        for zone in (z for z in PLACED_ZONES if z is not home):
            copy = board.copy()
            copy.move(card.id, zone)
            after = _states(copy)
            kind = "flip" if after[0] != before[0] else "move" if after[1:] != before[1:] else None
            if kind and kind not in found and home in PLACED_ZONES:
                found[kind] = (card.id, home, zone)
        if len(found) == 2:
            return found
    raise RuntimeError(f"no card flips a verdict or moves only the scores (found {sorted(found)})")


def _timed_moves(app, board, move: tuple, repeats: int, settle: bool, panel=None) -> list[float]:
    """Move the card between its two zones `repeats` times, timing each move (and the events after;
    without them, the panel's refresh, which waits for the board's paint, is run at once)."""
    card_id, home, other = move
    times = []
    for _ in range(repeats):
        zone = other if board.zone_of(card_id) is home else home
        start = time.perf_counter()
        board.move(card_id, zone)
        if settle:
            app.processEvents()
        elif panel is not None:
            panel.refresh_later.flush()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _timed(function, repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return times


def measure(size: str, repeats: str) -> dict:
    """Child: build the board and a shown panel, then time flips, ordinary moves, the pure diagnosis
    and the baselines."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QLabel, QMainWindow

    from workshop_app.domain.diagnosis import diagnose
    from workshop_app.ui.app import create_app
    from workshop_app.ui.diagnosis_panel import PANEL_WIDTH, DiagnosisPanel

    count, repeats_n = int(size), int(repeats)
    app = create_app()
    board = board_of(count)
    moves = find_moves(board)
    host = QMainWindow()
    panel = DiagnosisPanel(board, "de", parent=host)
    host.setCentralWidget(panel)
    host.resize(PANEL_WIDTH, 1000)
    host.show()
    app.processEvents()
    for kind in ("flip", "move"):  # warm up caches and style sheets
        _timed_moves(app, board, moves[kind], 10, settle=True)
    resizes = _harness.event_counter(panel.findChildren(QLabel), QEvent.Type.Resize)
    timed: dict[str, list[float]] = {"flip": [], "move": []}
    resized = {"flip": 0, "move": 0}
    for _ in range(repeats_n):  # interleaved, so that a busy moment hits both alike
        for kind in ("flip", "move"):
            before = resizes.count
            timed[kind] += _timed_moves(app, board, moves[kind], 2, settle=True)
            resized[kind] += resizes.count - before
    assert panel.diagnosis.placed == sum(1 for _ in board.placed())
    synchronous = _timed_moves(app, board, moves["flip"], repeats_n, settle=False, panel=panel)
    app.processEvents()
    pure = _timed(lambda: diagnose(board), repeats_n)
    baseline = _timed(board.snapshot, repeats_n)
    host.close()
    label_update = _bare_label_update(app, repeats_n)
    result = {"label": label_update, "sync": _harness.median(synchronous), "pure": _harness.median(pure),
              "baseline": _harness.median(baseline), "cards": len(board),
              "resizes_per_flip": resized["flip"] / (2 * repeats_n)}
    for kind, times in timed.items():
        result[kind] = _harness.median(times)
        result[f"{kind}_p95"] = _harness.percentile(times, 0.95)
    return result


def _bare_label_update(app, repeats: int) -> float:
    """Median time of one QLabel text change plus event processing in a shown panel-sized window."""
    from PySide6.QtWidgets import QLabel, QMainWindow

    host = QMainWindow()
    label = QLabel()
    label.setWordWrap(True)
    host.setCentralWidget(label)
    host.resize(420, 1000)
    host.show()
    app.processEvents()
    texts = ("Kundenproblem und Bedarf ermitteln", "Passendes Produkt vorschlagen")
    times = []
    for index in range(repeats):
        start = time.perf_counter()
        label.setText(texts[index % 2])
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    host.close()
    return _harness.median(times)


def run(quick: bool) -> dict[str, float]:
    figures: dict[str, float] = {}
    for size in SIZES:
        repeats = "30" if quick else ("200" if size <= 300 else "60")
        result = _harness.child(__file__, "measure", str(size), repeats)
        assert result["cards"] == size
        figures[f"diagnosis_ms_{size}"] = result["flip"]
        for kind in ("flip", "move"):
            figures[f"diagnosis_{kind}_ms_{size}"] = result[kind]
            figures[f"diagnosis_{kind}_p95_ms_{size}"] = result[f"{kind}_p95"]
        figures[f"diagnosis_label_resizes_per_flip_{size}"] = result["resizes_per_flip"]
        figures[f"diagnosis_sync_ms_{size}"] = result["sync"]
        figures[f"diagnose_only_ms_{size}"] = result["pure"]
        figures[f"diagnosis_baseline_snapshot_ms_{size}"] = result["baseline"]
        figures[f"diagnosis_ratio_{size}"] = result["flip"] / max(result["baseline"], 1e-6)
        figures[f"diagnosis_baseline_label_ms_{size}"] = result["label"]
        figures[f"diagnosis_ratio_label_{size}"] = result["flip"] / max(result["label"], 1e-6)
    return figures


if __name__ == "__main__":
    _harness.main(run, {"measure": measure})
