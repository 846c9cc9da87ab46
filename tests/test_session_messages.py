"""The one-line session errors the CLI prints (storage/errors.py): the language it picks from the
locale, the values filled in, a missing value, and the whitespace of a message kept to one line."""

from __future__ import annotations

import pytest

from workshop_app.storage import errors
from workshop_app.storage.errors import (
    CorruptError,
    NotSQLiteError,
    cli_language,
)


@pytest.mark.parametrize("env, language", [
    ({}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "de"),
    ({"LANG": "DE_at"}, "de"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "C"}, "en"),
    ({"LC_MESSAGES": "de_CH", "LANG": "en_US"}, "de"),
    ({"LC_ALL": "en_US", "LC_MESSAGES": "de_DE", "LANG": "de_DE"}, "en"),
    ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "de_DE"}, "de"),
])
def test_the_cli_speaks_german_when_the_first_set_locale_variable_is_german(monkeypatch, env, language):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert cli_language() == language


def test_a_message_fills_in_its_values_in_either_language():
    error = NotSQLiteError(path="/x/a.sqlite")
    assert str(error) == "/x/a.sqlite is not a session file (it is not an SQLite database)."
    assert error.message("de") == "/x/a.sqlite ist keine Sitzungsdatei (keine SQLite-Datenbank)."
    assert error.message("fr") == error.message("en")
    assert error.values == {"path": "/x/a.sqlite"}
    assert CorruptError(path="p", detail=7).values == {"path": "p", "detail": "7"}


def test_a_missing_value_shows_as_a_question_mark_and_the_message_stays_one_line(monkeypatch):
    assert str(CorruptError(path="p")) == "p is damaged and cannot be read (?)."
    monkeypatch.setattr(errors, "_texts", lambda: {"corrupt": {"en": "a  {path}\n  b", "de": ""}})
    assert str(CorruptError(path="p")) == "a p b"
    assert CorruptError(path="p").message("de") == "a p b"

