"""At the top of the diagnosis dock: the round shown, and both rounds' scores side by side.

A compact grid – archetype, Ist, Soll – so that the facilitator sees what the Soll board changes
against the Ist board while the group moves cards (a score the board resembles in orange). It follows
the shown session's records; one refresh per turn of the event loop.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from workshop_app.domain.diagnosis import Diagnosis, diagnose
from workshop_app.domain.rounds import IST, SOLL, Rounds
from workshop_app.ui.after_paint import AfterPaint
from workshop_app.ui.current_session import CurrentSession
from workshop_app.ui.round_control import round_title


def plain(text: str = "", *, bold: bool = False) -> QLabel:
    """A word-wrapped plain-text label: card texts and group names are never markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # group names are never markup
    label.setWordWrap(True)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class RoundScores(QWidget):
    def __init__(self, current: CurrentSession, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current, self.language = current, language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 4)
        self.round_label = plain(bold=True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(1)
        layout.addWidget(self.round_label)
        layout.addLayout(self.grid)
        self._refresh_later = AfterPaint(self.refresh, self)
        current.sessionChanged.connect(lambda _session: self.refresh())
        current.recorded.connect(lambda _change: self.schedule_refresh())
        current.overlayChanged.connect(lambda _shown: self.schedule_refresh())
        self.refresh()

    @property
    def rounds(self) -> Rounds:
        rounds = self.current.session.rounds
        assert rounds is not None
        return rounds

    def schedule_refresh(self) -> None:
        """Refresh once the board has painted (several records of one step: one refresh)."""
        self._refresh_later.schedule()

    def refresh(self) -> None:
        self._refresh_later.cancel()
        rounds = self.rounds
        self.round_label.setText(self.tr("Round: %1").replace("%1", round_title(
            rounds, rounds.active, overlay=self.current.overlay_shown)))
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        if SOLL not in rounds:  # one round: the panel below says it all
            return
        diagnoses = {name: diagnose(rounds.board(name)) for name in (IST, SOLL)}
        for column, heading in enumerate((self.tr("As is"), self.tr("Target")), start=1):
            self.grid.addWidget(plain(heading, bold=True), 0, column, Qt.AlignmentFlag.AlignRight)
        for row, result in enumerate(diagnoses[SOLL].results, start=1):
            self.grid.addWidget(plain(result.archetype.name(self.language)), row, 0)
            for column, name in enumerate((IST, SOLL), start=1):
                self.grid.addWidget(self._cell(diagnoses[name], result.archetype.id), row, column)

    @staticmethod
    def _cell(diagnosis: Diagnosis, archetype_id: str) -> QLabel:
        result = diagnosis.result(archetype_id)
        cell = plain(f"{round(result.score * 100)} %" if result.judgeable else "–", bold=result.resembles)
        cell.setAlignment(Qt.AlignmentFlag.AlignRight)
        if result.resembles:
            cell.setStyleSheet("color: #d9480f;")
        return cell
