"""Start the Qt application on a board."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from workshop_app.domain.deck import load_deck
from workshop_app.ui.i18n import choose_language, install_translators
from workshop_app.ui.main_window import MainWindow


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Grenzziehung")
    app.setOrganizationName("Grenzziehung")
    font = QFont("DejaVu Sans")
    font.setPixelSize(16)
    app.setFont(font)
    return app  # type: ignore[return-value]


def build_window(language: str | None = None) -> MainWindow:
    """The main window on the built-in demo workshop (the default deck, nothing placed)."""
    app = create_app()
    language = choose_language(language)
    install_translators(app, language)
    return MainWindow(load_deck().board(), language)


def run(language: str | None = None, full_screen: bool = False) -> int:
    app = create_app()
    window = build_window(language)
    if full_screen:
        window.fullscreen_action.setChecked(True)
    else:
        window.show()
    return app.exec()
