"""Shared fixtures. Qt runs offscreen: set before any QApplication exists."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from workshop_app.domain.deck import load_deck  # noqa: E402


@pytest.fixture
def deck():
    return load_deck()


@pytest.fixture
def board(deck):
    return deck.board()


@pytest.fixture
def window(qtbot):
    """The board window in English with the default deck, shown (Qt is imported only when used)."""
    from gui_helpers import show_window

    from workshop_app.ui.app import build_window

    return show_window(qtbot, build_window("en"))


def pytest_addoption(parser):
    parser.addoption("--bundle", metavar="DIR", default=None,
                     help="the PyInstaller bundle folder (dist/Grenzziehung) for tests/test_bundle.py")


@pytest.fixture(autouse=True)
def _fresh_caches_under_a_mutant():
    """Under `make mutation` each test starts with empty loader caches (load_archetypes, load_deck, the
    expected schemas ...): a cache filled by the unmutated code would hide the mutant (a false survivor)."""
    if "MUTANT_UNDER_TEST" in os.environ:
        import sys

        for name, module in list(sys.modules.items()):
            if name.startswith("workshop_app."):
                for value in list(vars(module).values()):
                    if callable(getattr(value, "cache_clear", None)):
                        value.cache_clear()
    yield
