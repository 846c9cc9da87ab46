"""Which sessions folder and which session at start (storage/location.py, no Qt)."""

from __future__ import annotations

from workshop_app.storage import location


def test_the_folder_asked_for_wins_then_the_environment_then_the_preference(tmp_path, monkeypatch):
    monkeypatch.setenv(location.SESSIONS_DIR_VARIABLE, str(tmp_path / "env"))
    assert location.chosen_sessions_dir(tmp_path / "arg", "pref") == tmp_path / "arg"
    assert location.chosen_sessions_dir(None, "pref") == tmp_path / "env"
    monkeypatch.delenv(location.SESSIONS_DIR_VARIABLE)
    assert location.chosen_sessions_dir(None, str(tmp_path / "pref")) == tmp_path / "pref"
    assert location.chosen_sessions_dir(None, "") is None


def test_outside_a_checkout_the_default_is_the_platform_data_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(location, "checkout_sessions_dir", lambda: None)
    monkeypatch.setattr(location.sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert location.default_sessions_dir() == tmp_path / "data" / "Grenzziehung" / "Grenzziehung" / "sessions"


def test_the_last_session_is_reopened_only_while_its_file_exists(tmp_path):
    last = tmp_path / "last.sqlite"
    assert location.session_to_reopen(None, str(last)) is None
    last.write_bytes(b"")
    assert location.session_to_reopen(None, str(last)) == last
    named = tmp_path / "named.sqlite"
    named.write_bytes(b"")
    assert location.session_to_reopen(named, str(last)) == named
