"""The app's resources folder (workshop_app/paths.py): found from the package's import spec, the same
folder importlib.resources names, which is asked only where the spec names no single folder."""

from __future__ import annotations

from importlib.resources import files

from workshop_app import paths


def test_the_resources_folder_is_the_one_importlib_resources_names():
    assert files("workshop_app.resources") == paths.RESOURCES_DIR
    assert (paths.RESOURCES_DIR / "decks").is_dir()
    assert paths.resource("zones.json").is_file()


def test_without_one_folder_in_the_spec_importlib_resources_is_asked(monkeypatch):
    monkeypatch.setattr(paths, "find_spec", lambda _name: None)
    assert paths._resources_dir() == files("workshop_app.resources")
