"""A verdict that flips (an archetype starts or stops resembling the board) changes the panel where the
verdict is, not everywhere: labels elsewhere in the panel get no resize event (the scroll bar coming and
going used to narrow the text and re-wrap every label of the panel)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QMainWindow

from workshop_app.domain.deck import reference_board
from workshop_app.domain.diagnosis import diagnose
from workshop_app.domain.model import PLACED_ZONES, Card, Zone


class Resizes(QObject):
    def __init__(self, labels: list[QLabel]) -> None:
        super().__init__()
        self.count = {label: 0 for label in labels}
        for label in labels:
            label.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize and watched in self.count:
            self.count[watched] += 1
        return False


def shown_panel(qtbot, board, height: int):
    """The diagnosis panel on `board` in a shown window of the panel's width."""
    from workshop_app.ui.diagnosis_panel import PANEL_WIDTH, DiagnosisPanel

    host = QMainWindow()
    qtbot.addWidget(host)
    panel = DiagnosisPanel(board, "de", parent=host)
    host.setCentralWidget(panel)
    host.resize(PANEL_WIDTH, height)
    host.show()
    qtbot.waitExposed(host)
    return host, panel


def verdicts(board) -> dict[str, bool]:
    return {result.archetype.id: result.resembles for result in diagnose(board).results}


def flipping_move(board) -> tuple[str, Zone, Zone, str]:
    """A deck card, its zone, another zone and the one archetype whose verdict the move flips."""
    before = verdicts(board)
    for card in board.cards():
        home = board.zone_of(card.id)
        for zone in (z for z in PLACED_ZONES if z is not home):
            copy = board.copy()
            copy.move(card.id, zone)
            flipped = [key for key, value in verdicts(copy).items() if value != before[key]]
            if len(flipped) == 1:
                return card.id, home, zone, flipped[0]
    raise AssertionError("no move flips exactly one verdict")


def test_a_flip_resizes_no_label_outside_the_flipped_archetype(qtbot):
    from workshop_app.ui.diagnosis_panel import PANEL_WIDTH

    board = reference_board()
    for card in board.cards():
        if card.function in ("needs_analysis", "product_proposal"):
            board.move(card.id, Zone.MARKETING)
    card_id, home, other, archetype_id = flipping_move(board)
    host, panel = shown_panel(qtbot, board, 1000)
    # a height at which the panel's content fits without the flipped archetype's details, not with them
    body, widths = panel.scroll.widget(), (PANEL_WIDTH - 60, PANEL_WIDTH)
    heights = []
    for _ in range(2):
        heights.append([body.heightForWidth(width) for width in widths])
        board.move(card_id, other if board.zone_of(card_id) is home else home)
        qtbot.wait(5)
    low, high = sorted(heights, key=max)
    assert max(low) < min(high)
    frame = host.height() - panel.scroll.viewport().height()
    host.resize(PANEL_WIDTH, frame + (max(low) + min(high)) // 2)
    qtbot.wait(5)
    flipped = {*panel.rows[archetype_id].findChildren(QLabel),
               *panel.details[archetype_id].findChildren(QLabel),
               panel.off_reference_heading, panel.off_reference_label, panel.placed_label,
               panel.conformity_percent}
    elsewhere = [label for label in panel.findChildren(QLabel) if label not in flipped and label.isVisible()]
    assert len(elsewhere) >= 5
    resizes = Resizes(elsewhere)
    for _ in range(4):
        board.move(card_id, other if board.zone_of(card_id) is home else home)
        qtbot.wait(5)
    assert panel.state_of(archetype_id)  # the panel followed the board
    assert {label.text()[:30]: n for label, n in resizes.count.items() if n} == {}


def test_content_that_gains_and_loses_a_line_does_not_resize_the_panels_body(qtbot):
    """An ordinary move changes texts in the panel by a line now and then; the body keeps the taller
    height instead of resizing at each move (a resized body repaints the whole panel)."""
    from workshop_app.domain.deck import load_functions

    board = reference_board()
    functions = list(load_functions().values())
    for number in range(120):  # enough content that the panel scrolls
        function = functions[number % len(functions)]
        board.add_card(Card(f"custom-{number}", f"Aufgabe {number}", f"Task {number}", function.id,
                            custom=True), function.reference)
    _, panel = shown_panel(qtbot, board, 500)
    body = panel.scroll.widget()
    needed, resizes = set(), Resizes([body])
    for card in board.cards()[:22]:  # each deck card off its place and back
        home = board.zone_of(card.id)
        for zone in (Zone.SHARED if home is not Zone.SHARED else Zone.SALES, home):
            board.move(card.id, zone)
            qtbot.wait(2)
            needed.add(body.layout().heightForWidth(body.width()))
    assert len(needed) > 1  # the content's height really changed
    assert body.height() > panel.scroll.viewport().height()
    assert resizes.count[body] <= len(needed)  # only when the content needs more room than ever
