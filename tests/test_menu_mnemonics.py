"""Every menu's keyboard accelerators (the underlined letters, Alt+letter) are unique, in German and
in English: with two entries on one letter Qt only moves the highlight between them, so the keyboard
user's Alt+V, T selected "Target" without switching to it."""

from __future__ import annotations

import re

import pytest
from gui_helpers import show_window
from PySide6.QtWidgets import QMenu

from workshop_app.ui.app import build_window

MNEMONIC = re.compile(r"&(?!&)(.)")


def mnemonic(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def clashes(menu: QMenu, path: str) -> list[str]:
    seen: dict[str, str] = {}
    found = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        key = mnemonic(action.text())
        if key is not None and key in seen:
            found.append(f"{path}: {seen[key]!r} and {action.text()!r} share {key!r}")
        elif key is not None:
            seen[key] = action.text()
        if action.menu() is not None:
            found += clashes(action.menu(), f"{path} > {action.text()}")
    return found


@pytest.mark.parametrize("language", ["de", "en"])
def test_no_two_entries_of_a_menu_share_an_accelerator(qtbot, tmp_path, language):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = show_window(qtbot, build_window(language, sessions_dir=tmp_path, settings=settings))
    qtbot.waitUntil(lambda: hasattr(window, "agreement"))
    problems = []
    for action in window.menuBar().actions():
        problems += clashes(action.menu(), action.text())
    assert problems == [], "\n".join(problems)
