"""The UI and deck language: system locale by default, --lang overrides."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from workshop_app.cli import build_parser
from workshop_app.ui import i18n


@pytest.mark.parametrize("locale,expected", [("de_DE", "de"), ("de_CH", "de"), ("en_US", "en"),
                                             ("fr_FR", "en")])
def test_language_follows_the_system_locale(monkeypatch, locale, expected):
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale(locale)))
    assert i18n.choose_language(None) == expected


def test_lang_option_overrides_the_locale(monkeypatch):
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.choose_language(build_parser().parse_args(["--lang", "en"]).lang) == "en"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--lang", "fr"])


@pytest.fixture
def german_ui(qapp):
    yield
    i18n.install_translators(qapp, "en")  # later tests expect the English source strings


def test_german_window_shows_german_titles_and_deck(qtbot, german_ui):
    from workshop_app.domain.model import Zone
    from workshop_app.ui.app import build_window
    from workshop_app.ui.board_scene import zone_title

    window = build_window("de")
    qtbot.addWidget(window)
    assert zone_title(Zone.SHARED) == "Schnittstelle"
    assert zone_title(Zone.SALES) == "Verkauf"
    assert window.view.card_item("price_negotiation").text == "Preise verhandeln"
    assert window.edit_menu.title() == "&Bearbeiten"


def test_english_window_shows_english_deck(qtbot):
    from gui_helpers import panels_followed

    from workshop_app.ui.app import build_window

    window = build_window("en")
    qtbot.addWidget(window)
    assert window.view.card_item("price_negotiation").text == "Negotiate prices"
    assert window.edit_menu.title() == "&Edit"
    assert window.diagnosis_panel.placed_label.text() == "0 cards placed"  # English plural forms
    window.move_card("terms", "sales", None)
    panels_followed(qtbot)
    assert window.diagnosis_panel.placed_label.text() == "1 card placed"
