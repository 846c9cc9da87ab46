"""One diagnosis plus the diagnosis panel's update, on boards of 22 and of 300 cards.

`diagnosis_ms_22`, `diagnosis_ms_300`: the median time from a move on the board (`Board.move`, which
announces the change to the panel) until the panel shows the new diagnosis: the synchronous
diagnosis and widget updates plus processing the events that follow (layout and repaint of the
shown panel). The moves alternate so that an archetype flips between "resembles" and not at every
move (its details appear and vanish, the state styles change): the expensive case.

- 22 cards: the default deck on the reference split, two Kundenversteher cards in Marketing, the
  third moved in and out of Marketing.
- 300 cards: the deck plus 278 custom cards with task functions (round-robin over the functions),
  all on the reference split except that every needs_analysis and product_proposal card stands in
  Marketing; one benefit_persuasion card is moved in and out of Marketing (the only one there).

`diagnosis_sync_ms_*`: only the synchronous part (diagnosis and widget setters).
`diagnose_only_ms_300`: the pure domain function, no Qt.
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

CARD_COUNT = 300


def board_of(size: int):
    """A board of `size` cards (22 or more) and the card whose moves flip Kundenversteher."""
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
    return board, "benefit_persuasion"


def _timed_moves(app, board, card_id: str, repeats: int, settle: bool) -> list[float]:
    """Move the card to the other side `repeats` times, timing each move (and the events after it)."""
    from workshop_app.domain.model import Zone

    times = []
    for _ in range(repeats):
        zone = Zone.SALES if board.zone_of(card_id) is Zone.MARKETING else Zone.MARKETING
        start = time.perf_counter()
        board.move(card_id, zone)
        if settle:
            app.processEvents()
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
    """Child: build the board and a shown panel, then time moves, the pure diagnosis and the baseline."""
    from PySide6.QtWidgets import QMainWindow

    from workshop_app.domain.diagnosis import diagnose
    from workshop_app.ui.app import create_app
    from workshop_app.ui.diagnosis_panel import PANEL_WIDTH, DiagnosisPanel

    count, repeats_n = int(size), int(repeats)
    app = create_app()
    board, card_id = board_of(count)
    host = QMainWindow()
    panel = DiagnosisPanel(board, "de", parent=host)
    host.setCentralWidget(panel)
    host.resize(PANEL_WIDTH, 1000)
    host.show()
    app.processEvents()
    _timed_moves(app, board, card_id, 10, settle=True)  # warm up caches and style sheets
    states = set()
    settled = []
    for _ in range(repeats_n):
        settled += _timed_moves(app, board, card_id, 1, settle=True)
        states.add(panel.state_of("kundenversteher"))
    assert panel.diagnosis.placed == sum(1 for _ in board.placed())
    assert states == {"resembles", "clear"}, states  # the moves really flip the verdict
    synchronous = _timed_moves(app, board, card_id, repeats_n, settle=False)
    app.processEvents()
    pure = _timed(lambda: diagnose(board), repeats_n)
    baseline = _timed(board.snapshot, repeats_n)
    host.close()
    label_update = _bare_label_update(app, repeats_n)
    return {"label": label_update, "settled": _harness.median(settled),
            "p95": _harness.percentile(settled, 0.95), "sync": _harness.median(synchronous),
            "pure": _harness.median(pure),
            "baseline": _harness.median(baseline), "cards": len(board)}


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
    repeats = "60" if quick else "400"
    figures: dict[str, float] = {}
    for size in ("22", str(CARD_COUNT)):
        result = _harness.child(__file__, "measure", size, repeats)
        assert result["cards"] == int(size)
        figures[f"diagnosis_ms_{size}"] = result["settled"]
        figures[f"diagnosis_p95_ms_{size}"] = result["p95"]
        figures[f"diagnosis_sync_ms_{size}"] = result["sync"]
        figures[f"diagnose_only_ms_{size}"] = result["pure"]
        figures[f"diagnosis_baseline_snapshot_ms_{size}"] = result["baseline"]
        figures[f"diagnosis_ratio_{size}"] = result["settled"] / max(result["baseline"], 1e-6)
        figures[f"diagnosis_baseline_label_ms_{size}"] = result["label"]
        figures[f"diagnosis_ratio_label_{size}"] = result["settled"] / max(result["label"], 1e-6)
    return figures


if __name__ == "__main__":
    _harness.main(run, {"measure": measure})
