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


def test_each_sessions_folder_remembers_its_own_last_session(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    remembered = location.remember_last({}, one / "a.sqlite")
    remembered = location.remember_last(remembered, two / "b.sqlite")
    remembered = location.remember_last(remembered, one / "." / "c.sqlite")
    assert list(remembered.items()) == [(str(two.resolve()), str(two / "b.sqlite")),
                                        (str(one.resolve()), str(one / "c.sqlite"))]
    assert location.last_session_in(one, remembered) == str(one / "c.sqlite")
    assert location.last_session_in(tmp_path / "one" / ".." / "two", remembered) == str(two / "b.sqlite")
    assert location.last_session_in(tmp_path, remembered) is None


def test_the_one_last_session_of_older_versions_counts_only_in_its_own_folder(tmp_path):
    older = str(tmp_path / "one" / "old.sqlite")
    assert location.last_session_in(tmp_path / "one", {}, older) == older
    assert location.last_session_in(tmp_path / "two", {}, older) is None
    assert location.last_session_in(tmp_path / "one", {}, None) is None
    assert location.last_session_in(tmp_path / "one", {}, "") is None
    newer = {location.folder_key(tmp_path / "one"): "new.sqlite"}
    assert location.last_session_in(tmp_path / "one", newer, older) == "new.sqlite"


def test_only_the_newest_folders_are_remembered(tmp_path):
    remembered: dict[str, str] = {}
    folders = [tmp_path / f"f{i}" for i in range(location.LAST_FOLDERS_KEPT + 2)]
    for folder in folders:
        remembered = location.remember_last(remembered, folder / "s.sqlite")
    assert list(remembered) == [location.folder_key(f) for f in folders[2:]]
