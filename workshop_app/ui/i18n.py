"""Language choice and Qt translators for the UI (English source strings, German translation)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from workshop_app.domain.model import LANGUAGES
from workshop_app.paths import resource

SUPPORTED = LANGUAGES
_installed: list[QTranslator] = []


def system_language() -> str:
    """German for a German system locale, else English."""
    return "de" if QLocale.system().language() == QLocale.Language.German else "en"


def choose_language(requested: str | None) -> str:
    return requested if requested in SUPPORTED else system_language()


def install_translators(app: QCoreApplication, language: str) -> None:
    """Load the app's and Qt's own translations for `language` (replacing earlier ones)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    own = QTranslator(app)  # for English: the plural forms of the English source strings
    if own.load(str(resource("translations", f"grenzziehung_{language}.qm"))):
        app.installTranslator(own)
        _installed.append(own)
    if language == "en":
        return  # Qt's own strings are English already
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
