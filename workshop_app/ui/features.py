"""How the main window composes its features: what a feature is given, and where its actions go.

A feature is one module with one class; the main window's `FEATURES` table creates it with a
`FeatureContext` – the session model, the undo stack, the scene, the main view, the menu sections and a
place in the status bar – and nothing else. Features never reach into each other.

Menus and the tool bar come from `MENU_SECTIONS`: each menu is a list of named sections, separated by a
line; a feature adds its actions with `context.menus.add("file.export", action)`. A new section is one
entry here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QSettings, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from workshop_app.domain.model import Zone
from workshop_app.ui.board_scene import BoardScene
from workshop_app.ui.board_view import BoardView
from workshop_app.ui.current_session import CurrentSession
from workshop_app.ui.selection import CardSelection
from workshop_app.ui.undo_history import UndoHistory

translate = QCoreApplication.translate

# menu name -> its sections, top to bottom; a line separates sections, except before a "+" section
MENU_SECTIONS: dict[str, tuple[str, ...]] = {
    "file": ("session", "+details", "+delete", "folder", "board_file", "steps", "+export", "quit"),
    "edit": ("history", "cards", "+notes", "agreement"),
    "view": ("window", "+panels", "rounds", "presenter"),
}


def menu_title(menu: str) -> str:
    titles = {"file": translate("MainWindow", "&File"), "edit": translate("MainWindow", "&Edit"),
              "view": translate("MainWindow", "&View")}
    return titles[menu]


def section_names() -> list[str]:
    """Every section as "menu.section", in menu and tool bar order."""
    return [f"{menu}.{section.lstrip('+')}" for menu, sections in MENU_SECTIONS.items()
            for section in sections]


class MenuSections:
    """The window's menus and tool bar, filled section by section in the order of `MENU_SECTIONS`,
    whatever order the features add their actions in."""

    def __init__(self, window: QMainWindow, toolbar: QToolBar) -> None:
        self.toolbar = toolbar
        self.menus: dict[str, QMenu] = {}
        self._ends: dict[str, QAction] = {}  # section -> a hidden action marking its end
        self._order = section_names()
        self._toolbar_actions: list[tuple[int, QAction]] = []
        for menu_name, sections in MENU_SECTIONS.items():
            menu = window.menuBar().addMenu(menu_title(menu_name))
            menu.setSeparatorsCollapsible(True)  # an empty section leaves no double line
            self.menus[menu_name] = menu
            for number, section in enumerate(sections):
                if number and not section.startswith("+"):
                    menu.addSeparator()
                end = QAction(menu)
                end.setVisible(False)
                menu.addAction(end)
                self._ends[f"{menu_name}.{section.lstrip('+')}"] = end

    def menu(self, name: str) -> QMenu:
        return self.menus[name]

    def add(self, section: str, entry: QAction | QMenu, *, toolbar: bool = False) -> None:
        """Add an action (or a sub-menu) at the end of `section` ("menu.section"); with `toolbar`
        also to the tool bar, in the same section order."""
        menu = self.menus[section.split(".")[0]]
        action = entry.menuAction() if isinstance(entry, QMenu) else entry
        menu.insertAction(self._ends[section], action)
        if toolbar:
            self._add_to_toolbar(self._order.index(section), action)

    def _add_to_toolbar(self, rank: int, action: QAction) -> None:
        later = [a for r, a in self._toolbar_actions if r > rank]
        self._toolbar_actions.append((rank, action))
        self._toolbar_actions.sort(key=lambda pair: pair[0])
        if later:
            self.toolbar.insertAction(later[0], action)
        else:
            self.toolbar.addAction(action)


@dataclass(frozen=True)
class FeatureContext:
    """What a feature may use. `window` is the parent for dialogs and docks, not a way to other
    features."""

    window: QMainWindow
    language: str
    settings: QSettings
    current: CurrentSession
    undo_stack: UndoHistory  # the active round's undo stack
    scene: BoardScene
    view: BoardView  # the main (facilitator's) view
    selection: CardSelection  # the selected card, shared by every view
    move_card: Callable[[str, Zone, int | None], None]  # a move request -> one undo step
    menus: MenuSections
    add_status: Callable[[QWidget], None]  # a permanent widget at the right of the status bar
    closing: SignalInstance  # the window is closing: release what you hold
    painted: SignalInstance  # the board has painted (or the start is finished at once): what waited


@dataclass(frozen=True)
class Feature:
    """One line of the main window's feature table: the window attribute it is reachable under (for
    tests), how to build it, and whether it waits until after the board's first paint.

    `build` is a callable or the path "workshop_app.ui.module:callable": such a module is imported only
    when the feature is built, so a deferred feature's module (and what it imports) does not load
    before the board's first paint."""

    name: str
    build: Callable[[FeatureContext], QObject] | str
    deferred: bool = False

    def builder(self) -> Callable[[FeatureContext], QObject]:
        if not isinstance(self.build, str):
            return self.build
        module, _, attribute = self.build.partition(":")
        return getattr(importlib.import_module(module), attribute)
