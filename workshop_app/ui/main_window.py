"""The main window: the board in the middle, the core actions, and the features from one table.

`FEATURES` below is the whole list of what the window offers besides moving cards: each entry builds one
feature from a `FeatureContext` (ui/features.py) – the session model, the undo stack, the scene, the view,
the menu sections. Adding a feature means one new module and one line in that table.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from workshop_app.domain.model import Board, BoardError, Card, Zone
from workshop_app.domain.rounds import RoundStarted, RoundSwitched
from workshop_app.domain.session import BoardReplaced, Session, SessionInfo
from workshop_app.ui import round_control, session_menu
from workshop_app.ui.board_input import BoardInput
from workshop_app.ui.board_scene import BoardScene
from workshop_app.ui.board_view import BoardView
from workshop_app.ui.card_motion import flash
from workshop_app.ui.current_session import CurrentSession
from workshop_app.ui.features import Feature, FeatureContext, MenuSections
from workshop_app.ui.messages import message_box
from workshop_app.ui.selection import CardSelection
from workshop_app.ui.undo_commands import (
    AddCardCommand,
    EditCardCommand,
    MoveCardCommand,
    RemoveCardCommand,
)
from workshop_app.ui.undo_history import UndoHistory

# What the window offers, in the order it is built. The name is the window attribute a test reaches
# the feature under; `deferred` features are built after the board's first paint (their modules load
# then, too): only what the first painted board shows or the start needs (the session, the round
# banner) comes before it; menu entries, the tool bar's extras and the side panels follow.
FEATURES: tuple[Feature, ...] = (
    Feature("sessions", session_menu.install),  # the session file (`.menu`: its File menu entries)
    Feature("rounds", round_control.install),  # Ist, Soll, the perception round, the round banner
    Feature("board_file_actions", "workshop_app.ui.board_files:BoardFileActions", deferred=True),
    Feature("export_action", "workshop_app.ui.export_action:ExportAction", deferred=True),
    Feature("session_notes", "workshop_app.ui.session_notes:SessionNotes", deferred=True),
    Feature("board_image", "workshop_app.ui.board_image:BoardImageExport", deferred=True),
    # the projector's window, reveal, the phase timer
    Feature("presenter", "workshop_app.ui.presenter:Presenter", deferred=True),
    Feature("diagnosis_panel", "workshop_app.ui.diagnosis_panel:install", deferred=True),
    Feature("rounds_panel", "workshop_app.ui.rounds_panel:install", deferred=True),
    Feature("agreement", "workshop_app.ui.agreement_dock:install", deferred=True),
)

class MainWindow(QMainWindow):
    """The board window. The features of `FEATURES` are built with a `FeatureContext`; each follows
    `current` (the shown session and its change records)."""

    closing = Signal()  # the window is closing: features release what they hold
    painted = Signal()  # the start is finished (after the board's first paint): features follow up

    def __init__(self, board: Board, language: str, *, defer_secondary: bool = False,
                 settings: QSettings | None = None) -> None:
        """`defer_secondary`: build the deferred features (menu entries, side panels) and the status
        bar only after the board's first paint, so that the board appears as early as possible (the
        app's start does this; `finish_startup` builds them at once whenever something needs them
        earlier)."""
        super().__init__()
        self.language = language
        self.undo_stack = UndoHistory(self)  # one history per round
        self.current = CurrentSession(Session(SessionInfo(title="", language=language), board), self)
        self.board_scene = BoardScene(board, language, self)
        self.selection = CardSelection(self.board_scene, self)
        self.view = BoardView(self.board_scene, self)
        self.input = BoardInput(self.view, self.selection)
        self.setCentralWidget(self.view)
        self.input.moveRequested.connect(self.move_card)
        self.input.cardClicked.connect(self._open_note)
        self.layout_view = self.view  # whose size decides the layout (a projector's, when shown)
        self.view.resized.connect(lambda size: self._lay_out_for(self.view, size))
        self._lay_out_for(self.view, self.view.viewport().size())
        self.current.sessionChanged.connect(self._show_session)
        self.current.recorded.connect(self._recorded)
        self._build_actions()
        self.toolbar = self._build_toolbar()
        self.menus = MenuSections(self, self.toolbar)
        self._add_core_actions()
        self._status_widgets: list[QWidget] = []
        self._secondary_built = False
        self.context = FeatureContext(
            window=self, language=language, settings=settings or QSettings(), current=self.current,
            undo_stack=self.undo_stack, scene=self.board_scene, view=self.view,
            selection=self.selection, move_card=self.move_card, menus=self.menus,
            add_status=self.add_permanent_status, closing=self.closing, painted=self.painted)
        self.features: dict[str, QObject] = {}
        self._build_features(deferred=False)
        if defer_secondary:
            self._first_paint = _FirstPaintHook(self.view.viewport(), self.finish_startup)
        else:
            self.finish_startup()
        self.setWindowTitle(self.tr("Grenzziehung – Marketing and Sales"))
        self.resize(1600, 1000)
        self.view.setFocus()

    @property
    def board(self) -> Board:
        return self.current.board

    # --- building ---

    def _build_features(self, *, deferred: bool) -> None:
        for feature in FEATURES:
            if feature.deferred is deferred:
                built = feature.builder()(self.context)
                self.features[feature.name] = built
                setattr(self, feature.name, built)

    def _build_actions(self) -> None:
        self.undo_action = self._history_action(self.tr("&Undo"), self.undo_stack.undo,
                                                self.undo_stack.canUndoChanged,
                                                self.undo_stack.undoTextChanged)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_stack.undoTextChanged.connect(self._name_undo)
        self._undo_index = self.undo_stack.index()
        self.undo_stack.indexChanged.connect(self._flash_undone)
        self.redo_action = self._history_action(self.tr("&Redo"), self.undo_stack.redo,
                                                self.undo_stack.canRedoChanged,
                                                self.undo_stack.redoTextChanged)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.fullscreen_action = QAction(self.tr("&Full screen"), self)
        self.fullscreen_action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.fullscreen_action.setCheckable(True)
        self.fullscreen_action.toggled.connect(self.set_full_screen)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.add_card_action = QAction(self.tr("&Add card…"), self)
        self.add_card_action.setShortcut(QKeySequence("Ctrl+N"))
        self.add_card_action.triggered.connect(self.ask_add_card)
        self.edit_card_action = QAction(self.tr("&Edit selected card…"), self)
        self.edit_card_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.edit_card_action.triggered.connect(self.ask_edit_card)
        self.remove_card_action = QAction(self.tr("Re&move selected card"), self)
        self.remove_card_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_card_action.triggered.connect(self.remove_selected_card)
        self.selection.changed.connect(self._enable_card_actions)
        self._enable_card_actions("")
        for action in (self.undo_action, self.redo_action, self.fullscreen_action):
            self.addAction(action)  # shortcuts work in full screen without a menu bar

    def _history_action(self, label: str, trigger, enabled_changed, text_changed) -> QAction:
        """Undo or redo with a short, fixed label (the tool bar stays narrow); what it would undo or
        redo shows as its tool tip. Card texts never become the label, so they stay plain text."""
        action = QAction(label, self)
        action.setIconText(label.replace("&", ""))  # the tool bar's label, whatever the menu says
        action.setEnabled(False)
        action.triggered.connect(trigger)
        enabled_changed.connect(action.setEnabled)
        text_changed.connect(action.setToolTip)
        return action

    def _name_undo(self, text: str) -> None:
        """The undo action says what it undoes: "Undo: “Negotiate prices” to Sales"."""
        what = text.replace("&", "&&")  # a card's "&" is text, not a keyboard accelerator
        self.undo_action.setText(self.tr("Undo: {what}").format(what=what) if text
                                 else self.tr("&Undo"))

    def _flash_undone(self, index: int) -> None:
        """The card an undo moved back (or changed) flashes briefly on every view."""
        undone = index < self._undo_index
        self._undo_index = index
        card_id = getattr(self.undo_stack.command(index), "card_id", None) if undone else None
        item = self.board_scene.items_by_id.get(card_id or "")
        if item is not None:
            flash(item, self)

    def _add_core_actions(self) -> None:
        menus = self.menus
        menus.add("file.quit", self.quit_action)
        menus.add("edit.history", self.undo_action, toolbar=True)
        menus.add("edit.history", self.redo_action, toolbar=True)
        menus.add("edit.cards", self.add_card_action, toolbar=True)
        menus.add("edit.cards", self.edit_card_action)
        menus.add("edit.cards", self.remove_card_action)
        menus.add("view.window", self.fullscreen_action, toolbar=True)
        self.file_menu, self.edit_menu, self.view_menu = (menus.menu(m) for m in ("file", "edit", "view"))

    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar(self.tr("Main tool bar"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        font = toolbar.font()
        font.setPixelSize(18)
        toolbar.setFont(font)
        self.addToolBar(toolbar)
        return toolbar

    def _build_status_bar(self) -> None:
        hint = QLabel(self.tr("Drag cards onto the board. Keys: Tab/arrows select, "
                              "1 Marketing, 2 Interface, 3 Sales, 0 back to the tray."))
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setContentsMargins(4, 4, 4, 4)
        bar = self.statusBar()
        bar.addWidget(hint, 1)
        for widget in self._status_widgets:
            bar.addPermanentWidget(widget)

    def add_permanent_status(self, widget: QWidget) -> None:
        """Show `widget` at the right of the status bar (once the status bar exists)."""
        self._status_widgets.append(widget)
        if self._secondary_built:
            self.statusBar().addPermanentWidget(widget)

    def finish_startup(self) -> None:
        """Build what the board's first paint does not need: the card caches, the status bar and the
        deferred features (menu entries, the presenter, the side panels)."""
        if self._secondary_built:
            return
        self._secondary_built = True
        self.painted.emit()  # first: the session shown at start opens for writing
        self.board_scene.enable_item_caches()
        self._build_status_bar()
        self._build_features(deferred=True)
        self._stack_side_panels()

    def _stack_side_panels(self) -> None:
        """The side panels share the window's height as tabs, the first of `FEATURES` (the diagnosis)
        in front: stacked, three panels left the diagnosis about 60 px on a 1366x768 laptop."""
        docks = [built for built in self.features.values() if isinstance(built, QDockWidget)]
        self.setTabPosition(Qt.DockWidgetArea.RightDockWidgetArea, QTabWidget.TabPosition.North)
        for dock in docks[1:]:
            self.tabifyDockWidget(docks[0], dock)
        if docks:
            docks[0].raise_()

    # --- board ---

    def set_board(self, board: Board) -> None:
        """Show another board in the current session (as a board file does); it is saved with it."""
        self.current.session.replace_board(board)

    def _recorded(self, change: object) -> None:
        if isinstance(change, BoardReplaced):
            self.undo_stack.clear()  # the active round's history belonged to the board it replaced
            self._show_board(change.after)
        elif isinstance(change, RoundStarted | RoundSwitched):
            self._show_round(change)

    def _show_session(self, session: Session) -> None:
        """Another session is shown: every round's undo history starts afresh."""
        assert session.rounds is not None
        self.undo_stack.reset(session.rounds.active)
        self._show_board(session.board)

    def _show_round(self, change: RoundStarted | RoundSwitched) -> None:
        """Another round is shown, with its own undo history (a round started anew starts one)."""
        rounds = self.current.session.rounds
        assert rounds is not None
        self.undo_stack.use(rounds.active)
        if isinstance(change, RoundStarted):
            self.undo_stack.clear()
        self._show_board(self.current.board)

    def set_layout_view(self, view: BoardView | None) -> None:
        """Lay the board out for `view`'s size from now on (None: the main view again); every other
        view only fits the scene."""
        if view is not None and view is not self.view:
            view.resized.connect(lambda size: self._lay_out_for(view, size))
        self.layout_view = view or self.view
        self._lay_out_for(self.layout_view, self.layout_view.viewport().size())

    def _lay_out_for(self, view: BoardView, size: QSize) -> None:
        if view is self.layout_view:
            self.board_scene.set_available_size(size.width(), size.height())

    def _show_board(self, board: Board) -> None:
        self.input.cancel_drags()
        self.selection.select(None)
        if board is not self.board_scene.board:
            self.board_scene.set_board(board)

    def move_card(self, card_id: str, zone: Zone, index: int | None) -> None:
        board = self.board
        if board.zone_of(card_id) is zone and index is None:
            return  # already there: no empty undo step
        self.undo_stack.push(MoveCardCommand(board, card_id, zone, index, self.language))

    def _open_note(self, card_id: str, where) -> None:
        from workshop_app.ui.note_popup import open_note_on_click  # loads on the first click only

        open_note_on_click(self.view, card_id, where)

    # --- custom cards ---

    def ask_add_card(self) -> None:
        """Add a custom card: both texts and its task function in one dialog, one undo step."""
        import uuid  # with its `platform`: not before the first paint

        from workshop_app.ui.card_dialog import CardDialog  # a dialog: not before the first paint

        dialog = CardDialog(self, self.language)
        if not dialog.exec():
            return
        card = Card(f"custom-{uuid.uuid4().hex[:8]}", dialog.text_de(), dialog.text_en(), dialog.function(),
                    True)
        if self._valid_card(card, self.tr("Add card")):
            self.undo_stack.push(AddCardCommand(self.board, card))
            self.selection.select(card.id)

    def ask_edit_card(self) -> None:
        """Edit the selected card's texts in both languages and its function, as one undo step."""
        card_id = self.selection.card_id
        if card_id is None:
            return
        before = self.board.card(card_id)
        from workshop_app.ui.card_dialog import CardDialog  # a dialog: not before the first paint

        dialog = CardDialog(self, self.language, before)
        if not dialog.exec():
            return
        after = replace(before, text_de=dialog.text_de(), text_en=dialog.text_en(),
                        function=dialog.function())
        if after != before and self._valid_card(after, self.tr("Edit card")):
            self.undo_stack.push(EditCardCommand(self.board, before, after))

    def _valid_card(self, card: Card, title: str) -> bool:
        """True when the board would take `card`; else says why in one line."""
        try:
            card.validated()
        except BoardError as exc:
            message_box(self, QMessageBox.Icon.Warning, title, str(exc))
            return False
        return True

    def _enable_card_actions(self, card_id: str) -> None:
        """Edit needs a selected card; remove a selected custom card (deck cards stay)."""
        self.edit_card_action.setEnabled(bool(card_id))
        self.remove_card_action.setEnabled(bool(card_id) and self.board.card(card_id).custom)

    def remove_selected_card(self) -> None:
        card_id = self.selection.card_id
        if card_id is None:
            return
        if not self.board.card(card_id).custom:
            message_box(self, QMessageBox.Icon.Information, self.tr("Remove card"), self.tr(
                "Cards of the deck stay in the workshop; move them back to the tray instead."))
            return
        self.selection.select(None)
        self.undo_stack.push(RemoveCardCommand(self.board, card_id))

    # --- window ---

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.closing.emit()
        super().closeEvent(event)

    def set_full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()


class _FirstPaintHook(QObject):
    """Calls `callback` once, in the event-loop turn after `widget` was first painted."""

    def __init__(self, widget: QWidget, callback) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False
