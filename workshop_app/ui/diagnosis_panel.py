"""The diagnosis panel: a dock beside the board that the whole room can read.

Per archetype a score bar (0-100 %) and a clear state (resembles / does not resemble / not enough
cards placed yet); for each archetype the board resembles, the cards that drive it, the harm and the
recommendation from the article; above them the agreement with the reference split and the cards
that stand elsewhere. Clicking an archetype highlights its evidence cards on the board.

The panel follows the board's change records and re-diagnoses synchronously after every change. The
widgets are built once; an update only sets texts, values and visibility that actually changed, so a
diagnosis plus update stays well inside one frame even for hundreds of cards (bench/bench_diagnosis.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.deck import load_functions
from workshop_app.domain.diagnosis import Archetype, Diagnosis, diagnose, load_archetypes
from workshop_app.domain.model import Board, Change
from workshop_app.domain.rounds import RoundStarted, RoundSwitched
from workshop_app.domain.session import BoardReplaced
from workshop_app.ui import diagnosis_words as words
from workshop_app.ui.after_paint import AfterPaint
from workshop_app.ui.diagnosis_widgets import (
    INK,
    PANEL_WIDTH,
    WHITE,
    ArchetypeDetails,
    ArchetypeRow,
    ScoreBar,
    card_list,
    plain_label,
    role_font,
    set_colours,
    set_text,
)
from workshop_app.ui.features import FeatureContext
from workshop_app.ui.round_scores import RoundScores


class DiagnosisPanel(QDockWidget):
    """The dock. `set_board` follows another board; `highlightRequested` carries the card ids of the
    archetype the user clicked (an empty set when the click turned the highlight off)."""

    highlightRequested = Signal(object)  # noqa: N815 - set[str]

    def __init__(self, board: Board, language: str, archetypes: Sequence[Archetype] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosis_dock")
        self.language = language
        self.archetypes = tuple(archetypes) if archetypes is not None else load_archetypes()
        self.functions = load_functions()
        self.board = board
        self.diagnosis: Diagnosis | None = None
        self.selected_id: str | None = None
        self._unsubscribe: Callable[[], None] = lambda: None
        self.refresh_later = AfterPaint(self.refresh, self)  # a move: after the board has painted
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.setMinimumWidth(340)
        self.rows = {archetype.id: ArchetypeRow(archetype, language) for archetype in self.archetypes}
        self.details = {archetype.id: ArchetypeDetails(archetype, language)
                        for archetype in self.archetypes}
        for frame in (*self.rows.values(), *self.details.values()):
            frame.clicked.connect(self.toggle_selection)
        self._build()
        self.set_language(language)
        self.set_board(board)

    # --- building ---

    def _build(self) -> None:
        body = QWidget()
        body.setObjectName("diagnosis_body")
        body.setAutoFillBackground(True)
        set_colours(body, INK, WHITE)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 8, 10, 12)
        layout.setSpacing(8)
        self.hint_label = plain_label("context")
        self.conformity_heading = plain_label("section")
        self.conformity_percent = plain_label("name", wrap=False)
        self.conformity_percent.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.conformity_bar = ScoreBar()
        self.conformity_bar.set_state("clear")
        self.placed_label = plain_label("context")
        self.off_reference_heading = plain_label("section")
        self.off_reference_label = plain_label()
        for widget in (self.hint_label, *self.rows.values()):
            layout.addWidget(widget)
        conformity = QHBoxLayout()
        conformity.addWidget(self.conformity_heading, 1)
        conformity.addWidget(self.conformity_percent)
        layout.addSpacing(6)
        layout.addLayout(conformity)
        layout.addWidget(self.conformity_bar)
        layout.addWidget(self.placed_label)
        layout.addSpacing(6)
        for frame in self.details.values():
            frame.setVisible(False)
            layout.addWidget(frame)
        layout.addWidget(self.off_reference_heading)
        layout.addWidget(self.off_reference_label)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # the scroll bar's room is always kept: a verdict that shows or hides its details would else
        # make it come and go, narrow the text by its width and re-wrap every label (a layout storm)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self._grow_only = GrowOnly(body, scroll.viewport())
        self.scroll = scroll
        self.setWidget(scroll)
        scroll.viewport().setAutoFillBackground(True)
        set_colours(scroll.viewport(), INK, WHITE)
        self.setFont(role_font("title"))

    def set_language(self, language: str) -> None:
        self.language = language
        self._grow_only.reset()
        self.setWindowTitle(self.tr("Diagnosis"))
        self.hint_label.setText(self.tr("Which split does the board resemble? Click one to mark its "
                                        "cards on the board."))
        self.conformity_heading.setText(self.tr("Agreement with the reference split"))
        for frame in (*self.rows.values(), *self.details.values()):
            frame.set_language(language)
        if self.diagnosis is not None:
            self.show_diagnosis(self.diagnosis)

    # --- following the board ---

    def set_board(self, board: Board) -> None:
        """Follow `board` from now on (after the window shows another board)."""
        self._grow_only.reset()
        self._unsubscribe()
        self.board = board
        self.diagnosis = None
        self._select(None)
        self._unsubscribe = board.subscribe(self._on_change)
        self.refresh()

    def detach(self) -> None:
        self._unsubscribe()
        self._unsubscribe = lambda: None

    def _on_change(self, change: Change) -> None:
        self.refresh_later.schedule()

    def refresh(self) -> Diagnosis:
        """Diagnose the board and show the result."""
        self.refresh_later.cancel()
        diagnosis = diagnose(self.board, self.archetypes, self.functions)
        self.show_diagnosis(diagnosis)
        return diagnosis

    def show_diagnosis(self, diagnosis: Diagnosis) -> None:
        previous, self.diagnosis = self.diagnosis, diagnosis
        for result in diagnosis.results:
            archetype_id = result.archetype.id
            self.rows[archetype_id].show_result(result, self.board)
            details = self.details[archetype_id]
            if result.resembles:
                details.show_evidence(self.board, result.evidence)
            if details.isHidden() == result.resembles:
                details.setVisible(result.resembles)
        self._show_reference(diagnosis)
        if self.selected_id is not None:
            evidence = diagnosis.result(self.selected_id).evidence
            if previous is None or previous.result(self.selected_id).evidence != evidence:
                self.highlightRequested.emit(set(evidence))

    def _show_reference(self, diagnosis: Diagnosis) -> None:
        set_text(self.placed_label, self.tr("%n card(s) placed", "", diagnosis.placed))
        conformity = diagnosis.reference_conformity
        self.conformity_bar.set_percent(0 if conformity is None else round(conformity * 100))
        self.conformity_bar.set_state("unknown" if conformity is None else "clear")
        set_text(self.conformity_percent, "–" if conformity is None else f"{round(conformity * 100)} %")
        count = len(diagnosis.off_reference)
        if conformity is None:
            heading = self.tr("No card with a task function is placed yet.")
        elif count == 0 and not diagnosis.shared_instead:
            heading = self.tr("Every placed card stands where the reference puts it.")
        else:
            heading = self.tr("%n card(s) away from the reference:", "", count)
        set_text(self.off_reference_heading, heading)
        lines = [card_list(self.board, diagnosis.off_reference, self.language, zones=True)]
        if diagnosis.shared_instead:  # a small shift into the strip is no deviation
            lines.append(self.tr("Shared in the Interface (counts half):"))
            lines += [f"• {words.short(self.board.card(card_id).text(self.language))}"
                      for card_id in diagnosis.shared_instead]
        text = "\n".join(line for line in lines if line)
        set_text(self.off_reference_label, text)
        hidden = not text
        if self.off_reference_label.isHidden() != hidden:
            self.off_reference_label.setHidden(hidden)

    # --- selection and highlight ---

    def toggle_selection(self, archetype_id: str) -> None:
        """Select an archetype (its evidence is highlighted), or unselect it on a second click."""
        self._select(None if self.selected_id == archetype_id else archetype_id)
        if self.selected_id is None or self.diagnosis is None:
            self.highlightRequested.emit(set())
        else:
            self.highlightRequested.emit(set(self.diagnosis.result(self.selected_id).evidence))

    def _select(self, archetype_id: str | None) -> None:
        self.selected_id = archetype_id
        for frame in (*self.rows.values(), *self.details.values()):
            frame.set_selected(frame.archetype_id == archetype_id)

    def state_of(self, archetype_id: str) -> str:
        """"resembles", "leaning", "clear" or "unknown" (not enough cards placed yet), as shown."""
        return self.rows[archetype_id].state


def install(context: FeatureContext) -> DiagnosisPanel:
    """Add the diagnosis dock to the main window, following the shown board and highlighting on the
    scene."""
    window = context.window
    panel = DiagnosisPanel(context.current.board, context.language, parent=window)
    panel.setWidget(_above(RoundScores(context.current, context.language), panel.widget()))
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    window.resizeDocks([panel], [PANEL_WIDTH], Qt.Orientation.Horizontal)
    panel.highlightRequested.connect(context.scene.highlight)
    context.current.sessionChanged.connect(lambda session: panel.set_board(session.board))
    context.current.recorded.connect(
        lambda change: panel.set_board(context.current.board)
        if isinstance(change, BoardReplaced | RoundStarted | RoundSwitched) else None)
    context.menus.add("view.panels", panel.toggleViewAction())
    panel.show()  # a dock added to a window already on screen starts hidden
    return panel


def _above(top: QWidget, rest: QWidget) -> QWidget:
    """`top` (the round shown and both rounds' scores) above the panel's scrolled body."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(top)
    layout.addWidget(rest, 1)
    return holder


class GrowOnly(QObject):
    """Keeps a scrolled widget at the tallest height its content has needed until `reset`: content that
    shrinks by a line leaves room below instead of resizing the panel's body, and a body that changes
    height repaints the whole panel (4-12 ms at 300 cards when a card list gains and loses a line at
    every move). Heights up to the viewport's (the body filling it) are never held."""

    def __init__(self, widget, viewport) -> None:
        super().__init__(widget)
        self.widget, self.viewport = widget, viewport
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize:
            height = event.size().height()
            if height > max(self.widget.minimumHeight(), self.viewport.height()):
                self.widget.setMinimumHeight(height)
        return False

    def reset(self) -> None:
        self.widget.setMinimumHeight(0)
