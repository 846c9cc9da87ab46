"""The platform data folder on Windows (with and without APPDATA), macOS and Linux (storage/location.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_app.storage import location


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setattr(location.Path, "home", classmethod(lambda cls: tmp_path / "home"))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    return tmp_path / "home"


def test_on_windows_the_folder_is_below_appdata(home, tmp_path, monkeypatch):
    monkeypatch.setattr(location.sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "roaming"))
    assert location.platform_data_dir() == tmp_path / "roaming" / "Grenzziehung" / "Grenzziehung"


def test_on_windows_without_appdata_the_folder_is_below_the_home_roaming_folder(home, monkeypatch):
    monkeypatch.setattr(location.sys, "platform", "win32")
    monkeypatch.delenv("APPDATA", raising=False)
    assert location.platform_data_dir() == home / "AppData" / "Roaming" / "Grenzziehung" / "Grenzziehung"


def test_on_macos_the_folder_is_in_application_support(home, monkeypatch):
    monkeypatch.setattr(location.sys, "platform", "darwin")
    support = home / "Library" / "Application Support"
    assert location.platform_data_dir() == support / "Grenzziehung" / "Grenzziehung"


def test_on_linux_the_folder_is_in_the_xdg_data_folder(home, monkeypatch):
    monkeypatch.setattr(location.sys, "platform", "linux")
    assert location.platform_data_dir() == home / ".local" / "share" / "Grenzziehung" / "Grenzziehung"


def test_a_checkout_keeps_its_sessions_in_its_own_folder(monkeypatch, tmp_path):
    monkeypatch.setattr(location, "checkout_sessions_dir", lambda: tmp_path / "sessions")
    assert location.default_sessions_dir() == tmp_path / "sessions"


def test_nothing_asked_for_and_no_last_session_means_none(monkeypatch):
    monkeypatch.delenv(location.SESSIONS_DIR_VARIABLE, raising=False)
    assert location.chosen_sessions_dir() is None
    assert location.session_to_reopen(None, None) is None
    assert location.session_to_reopen(None, "") is None
    assert isinstance(location.chosen_sessions_dir("x"), Path)
