"""The Rounds dock beside the diagnosis: what moved from Ist to Soll (click a line to mark the card on
the board), and the perception gap. (The round shown and both rounds' scores stand at the top of the
diagnosis dock: ui/round_scores.py.)

The perception gap (divergence, what each group's board resembles) shows only while Ist or Soll or the
overlay of both groups is shown, so that the second group never learns here where the first put the
cards (the overlay on the board shows the gap card by card).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.diagnosis import Diagnosis, diagnose
from workshop_app.domain.rounds import GROUP_A, GROUP_B, PERCEPTION_ROUNDS, SOLL, Rounds
from workshop_app.domain.session import Session
from workshop_app.ui.after_paint import AfterPaint
from workshop_app.ui.board_scene import zone_title
from workshop_app.ui.features import FeatureContext
from workshop_app.ui.round_scores import plain

CARD_ID_ROLE = Qt.ItemDataRole.UserRole


class RoundsPanel(QDockWidget):
    highlightRequested = Signal(object)  # noqa: N815 - set[str] of card ids

    def __init__(self, session: Session, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rounds_panel")
        self.setWindowTitle(self.tr("Rounds"))
        self.language = language
        self.session = session
        self.overlay_shown = False
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.moves_heading = plain(bold=True)
        self.moves_list = QListWidget(body)
        self.moves_list.setWordWrap(True)
        self.moves_list.itemClicked.connect(self._move_clicked)
        self.gap_heading = plain(self.tr("Perception gap"), bold=True)
        self.gap_label = plain()
        for widget in (self.moves_heading, self.moves_list, self.gap_heading, self.gap_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        scroll = QScrollArea(self)  # a small screen scrolls the dock instead of pushing the window
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.setWidget(scroll)
        self._refresh_later = AfterPaint(self.refresh, self)

    def set_session(self, session: Session) -> None:
        self.session = session
        self.refresh()

    def set_overlay_shown(self, shown: bool) -> None:
        self.overlay_shown = shown
        self.schedule_refresh()

    def schedule_refresh(self) -> None:
        """Refresh once the board has painted (several records of one step: one refresh)."""
        self._refresh_later.schedule()

    @property
    def rounds(self) -> Rounds:
        assert self.session.rounds is not None
        return self.session.rounds

    def refresh(self) -> None:
        self._refresh_later.cancel()
        rounds = self.rounds
        self._show_moves(rounds)
        self._show_gap(rounds)

    def _show_moves(self, rounds: Rounds) -> None:
        self.moves_list.clear()
        has_soll = SOLL in rounds
        self.moves_heading.setVisible(has_soll)
        self.moves_list.setVisible(has_soll)
        if not has_soll:
            return
        moves = rounds.moves()
        self.moves_heading.setText(self.tr("What moved (%n card(s))", "", len(moves)))
        board = rounds.board(SOLL)
        for move in moves:
            text = (f"{board.card(move.card_id).text(self.language)}: {zone_title(move.from_zone)}"
                    f" → {zone_title(move.to_zone)}")
            item = QListWidgetItem(text)
            item.setData(CARD_ID_ROLE, move.card_id)
            self.moves_list.addItem(item)

    def _move_clicked(self, item: QListWidgetItem) -> None:
        self.highlightRequested.emit({item.data(CARD_ID_ROLE)})

    def _show_gap(self, rounds: Rounds) -> None:
        gap = rounds.overlay()
        visible = gap is not None and (self.overlay_shown or rounds.active not in PERCEPTION_ROUNDS)
        self.gap_heading.setVisible(visible)
        self.gap_label.setVisible(visible)
        if not visible or gap is None:
            return
        lines = []
        if gap.divergence is None:
            lines.append(self.tr("Neither group has placed a card yet."))
        else:
            lines.append(self.tr("Divergence: %1 % (%n card(s) disputed, %2 agreed)", "",
                                 len(gap.disputed))
                         .replace("%1", str(round(gap.divergence * 100)))
                         .replace("%2", str(len(gap.agreed))))
        for name in (GROUP_A, GROUP_B):
            lines.append(self._group_sees(rounds.group_name(name), diagnose(rounds.board(name))))
        self.gap_label.setText("\n".join(lines))

    def _group_sees(self, group: str, diagnosis: Diagnosis) -> str:
        flagged = diagnosis.flagged()
        if flagged:
            names = ", ".join(r.archetype.name(self.language) for r in flagged)
            return self.tr("%1 sees: %2").replace("%1", group).replace("%2", names)
        if diagnosis.placed:
            return self.tr("%1 sees none of the four patterns").replace("%1", group)
        return self.tr("%1 has not placed a card yet").replace("%1", group)


def install(context: FeatureContext) -> RoundsPanel:
    window = context.window
    panel = RoundsPanel(context.current.session, context.language, parent=window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    panel.highlightRequested.connect(context.scene.highlight)
    context.current.sessionChanged.connect(panel.set_session)
    context.current.recorded.connect(lambda _change: panel.schedule_refresh())
    context.current.overlayChanged.connect(panel.set_overlay_shown)
    context.menus.add("view.panels", panel.toggleViewAction())
    panel.refresh()
    panel.show()
    return panel
