"""Running the rounds in the window: Ist and Soll, the perception-gap round, and the round banner.

The View menu's Rounds section and the tool bar switch between Ist and Soll (the first click on Soll
starts it as a copy of Ist); the Perception round sub-menu starts the two groups' boards, switches to a
group's board (only the active board is ever shown, so the other group's stays hidden), shows the
overlay of both and starts Ist from group A, group B or the agreed cards. Each action calls one method
of the session's `Rounds`; the window follows the round records (board and undo history of the round).
The active round stands in large type at the top of the board (`RoundBanner`).

Other windows (a presenter view) observe the active round through `current.recorded` (RoundStarted,
RoundSwitched, GroupRenamed) and `current.sessionChanged`, and name it with `round_title`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from workshop_app.domain.rounds import (
    DEFAULT_GROUPS,
    GROUP_A,
    GROUP_B,
    IST,
    MAX_GROUP_NAME,
    SOLL,
    RoundError,
    Rounds,
)
from workshop_app.ui.features import FeatureContext
from workshop_app.ui.messages import message_box

if TYPE_CHECKING:
    from workshop_app.ui.round_overlay import RoundOverlay

translate = QCoreApplication.translate


def round_title(rounds: Rounds, name: str, *, overlay: bool = False) -> str:
    """What the banner says for round `name` (translated)."""
    gap = rounds.overlay() if overlay else None
    if gap is not None:
        divergence = "–" if gap.divergence is None else str(round(gap.divergence * 100))
        return translate("RoundControl", "Perception gap: %1 (A) and %2 (B) – divergence %3 %").replace(
            "%1", rounds.groups[0]).replace("%2", rounds.groups[1]).replace("%3", divergence)
    if name == IST:
        return translate("RoundControl", "As is")
    if name == SOLL:
        return translate("RoundControl", "Target")
    return translate("RoundControl", "Perception: %1 places the cards").replace(
        "%1", rounds.group_name(name))


class RoundBanner(QLabel):
    """The active round in large type, in a bar of its own right above the board (it never covers a
    zone's title or a card). A line wider than the window is elided (the whole line in the tooltip);
    the banner never makes the window wider."""

    def __init__(self, window: QMainWindow) -> None:
        bar = QToolBar(window)
        bar.setObjectName("round_banner")
        bar.setMovable(False)
        bar.toggleViewAction().setVisible(False)
        super().__init__(bar)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(1)  # not the text's width: the window keeps fitting the screen
        self._full_text = ""
        font = QFont(self.font())
        font.setPixelSize(34)
        font.setBold(True)
        self.setFont(font)
        self.setStyleSheet("QLabel { background: #1f3a5f; color: white; padding: 4px 22px; }")
        bar.addWidget(self)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def show_text(self, text: str) -> None:
        self._full_text = text
        self._elide()

    def text(self) -> str:  # type: ignore[override] - the whole line, whatever fits on the screen
        return self._full_text

    def shown_text(self) -> str:
        return super().text()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full_text, Qt.TextElideMode.ElideRight, room)
        self.setText(shown or self._full_text)  # not laid out yet: the whole line
        self.setToolTip(self._full_text if shown != self._full_text else "")


class GroupNamesDialog(QDialog):
    """The two perception groups' names."""

    def __init__(self, parent: QWidget | None, names: tuple[str, str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Perception round"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Two groups place the cards one after the other; each group "
                                   "does not see the other's board.")))
        self.edits = []
        for label, name in zip((self.tr("First group:"), self.tr("Second group:")), names,
                               strict=True):
            edit = QLineEdit(name, self)
            edit.setMaxLength(MAX_GROUP_NAME)
            form.addRow(label, edit)
            self.edits.append(edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def names(self) -> tuple[str, str]:
        return self.edits[0].text(), self.edits[1].text()


class RoundControl(QObject):
    """The round actions, the banner and the overlay, following the shown session."""

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context.window)
        self.context = context
        self.banner = RoundBanner(context.window)
        self._overlay: RoundOverlay | None = None  # made when first shown (perception rounds only)
        self._build_actions()
        context.current.sessionChanged.connect(lambda _session: self.refresh())
        context.current.recorded.connect(self._recorded)
        self.refresh()

    @property
    def overlay(self) -> RoundOverlay:
        """The perception overlay on the board (its module loads when first used, not at start)."""
        if self._overlay is None:
            from workshop_app.ui.round_overlay import RoundOverlay

            self._overlay = RoundOverlay(self.context.scene)
        return self._overlay

    @property
    def overlay_active(self) -> bool:
        return self._overlay is not None and self._overlay.active

    @property
    def rounds(self) -> Rounds:
        rounds = self.context.current.session.rounds
        assert rounds is not None
        return rounds

    # --- actions ---

    def _action(self, text: str, slot, *, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setCheckable(checkable)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        menus = self.context.menus
        self.ist_action = self._action(self.tr("As &is"), lambda: self.switch(IST), checkable=True)
        self.soll_action = self._action(self.tr("&Target"), self.show_soll, checkable=True)
        self.group_actions = [self._action("", lambda: self.switch(GROUP_A), checkable=True),
                              self._action("", lambda: self.switch(GROUP_B), checkable=True)]
        exclusive = QActionGroup(self)
        for action in (self.ist_action, self.soll_action, *self.group_actions):
            exclusive.addAction(action)
        self.ist_action.setToolTip(self.tr("Show the as-is board (how we work today)"))
        self.soll_action.setToolTip(self.tr("Show the target board; the first time, it starts as a "
                                            "copy of the as-is board"))
        menus.add("view.rounds", self.ist_action, toolbar=True)
        menus.add("view.rounds", self.soll_action, toolbar=True)
        self.perception_menu = QMenu(self.tr("&Perception round"), self.context.window)
        self.start_perception_action = self._action(self.tr("&Start perception round…"),
                                                    self.ask_start_perception)
        self.rename_groups_action = self._action(self.tr("&Rename the groups…"),
                                                 self.ask_rename_groups)
        self.overlay_action = self._action(self.tr("Show the &overlay of both groups"),
                                           self.toggle_overlay, checkable=True)
        self.ist_from_menu = QMenu(self.tr("Start as-is round &from"), self.perception_menu)
        self.ist_from_actions = {source: self._action("", lambda s=source: self.start_ist_from(s))
                                 for source in ("a", "b", "agreed")}
        self.ist_from_actions["agreed"].setText(self.tr("the cards both groups &agree on"))
        for action in self.ist_from_actions.values():
            self.ist_from_menu.addAction(action)
        self.perception_menu.addAction(self.start_perception_action)
        self.perception_menu.addActions(self.group_actions)
        self.perception_menu.addAction(self.rename_groups_action)
        self.perception_menu.addAction(self.overlay_action)
        self.perception_menu.addMenu(self.ist_from_menu)
        menus.add("view.rounds", self.perception_menu)

    def switch(self, name: str) -> None:
        self._leave_overlay()
        if self.rounds.active != name:
            self._apply(lambda: self.rounds.switch(name))
        self.refresh()

    def show_soll(self) -> None:
        self._leave_overlay()
        if SOLL in self.rounds:
            self.switch(SOLL)
        else:
            self._apply(self.rounds.start_soll)
        self.refresh()

    def _default_groups(self) -> tuple[str, str]:
        """The groups' names before a perception round names them, in the window's language."""
        return DEFAULT_GROUPS.get(self.context.language, DEFAULT_GROUPS["en"])

    def ask_start_perception(self) -> None:
        dialog = GroupNamesDialog(self.context.window, self._default_groups())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.start_perception(dialog.names())

    def start_perception(self, names: tuple[str, str]) -> None:
        self._apply(lambda: self.rounds.start_perception(names))
        self.refresh()

    def ask_rename_groups(self) -> None:
        dialog = GroupNamesDialog(self.context.window, self.rounds.groups)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.rename_groups(dialog.names())

    def rename_groups(self, names: tuple[str, str]) -> None:
        for index, name in enumerate(names):
            if " ".join(name.split()) != self.rounds.groups[index]:
                self._apply(lambda index=index, name=name: self.rounds.rename_group(index, name))
        self.refresh()

    def start_ist_from(self, source: str) -> None:
        self._leave_overlay()
        self._apply(lambda: self.rounds.start_ist_from(source))
        self.refresh()

    def toggle_overlay(self) -> None:
        if self.overlay_active:
            self._leave_overlay()
        elif self.rounds.has_perception:
            if self.rounds.active != GROUP_A:
                self._apply(lambda: self.rounds.switch(GROUP_A))
            self.overlay.show(self.rounds)
        self.refresh()

    def _leave_overlay(self) -> None:
        if self.overlay_active:
            self.overlay.hide()

    def _apply(self, change) -> None:
        try:
            change()
        except RoundError as exc:
            message_box(self.context.window, QMessageBox.Icon.Warning, self.tr("Rounds"), str(exc))

    # --- following the session ---

    def _recorded(self, change: object) -> None:
        if self.overlay_active:
            self.overlay.show(self.rounds)  # a card moved on either board: redraw the overlay
        self.refresh()

    def refresh(self) -> None:
        rounds = self.rounds
        active = rounds.active
        self.ist_action.setChecked(active == IST)
        self.soll_action.setChecked(active == SOLL)
        perception = rounds.has_perception
        groups = rounds.groups if perception else self._default_groups()
        for action, name, group in zip(self.group_actions, (GROUP_A, GROUP_B), groups,
                                       strict=True):
            action.setText(self.tr("Board of %1").replace("%1", group))
            action.setVisible(perception)
            action.setChecked(active == name and not self.overlay_active)
        self.start_perception_action.setEnabled(not perception and SOLL not in rounds)
        self.overlay_action.setEnabled(perception)
        self.rename_groups_action.setEnabled(perception)
        self.overlay_action.setChecked(self.overlay_active)
        self.ist_from_menu.setEnabled(perception and SOLL not in rounds)
        for source, group in zip(("a", "b"), groups, strict=True):
            self.ist_from_actions[source].setText(self.tr("the board of %1").replace("%1", group))
        self.banner.show_text(round_title(rounds, active, overlay=self.overlay_active))
        self.context.current.show_overlay(self.overlay_active)  # the docks and the projector follow


def install(context: FeatureContext) -> RoundControl:
    return RoundControl(context)
