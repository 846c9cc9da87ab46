"""The app on the desktop: icon, window icon, .desktop entry and AppStream metainfo that the
freedesktop validators accept, and `--install-desktop-entry` / `--uninstall-desktop-entry` into a
temporary HOME, run as real processes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from installed_app import PROJECT, decode_exec, exec_of

from workshop_app import __version__, desktop_entry
from workshop_app.desktop_entry import APP_ID, ICON_SIZES

needs_desktop_file_validate = pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                                                 reason="desktop-file-validate is not installed")
needs_appstreamcli = pytest.mark.skipif(shutil.which("appstreamcli") is None,
                                        reason="appstreamcli is not installed")


def run_app(*args: str, home: Path, timeout: float = 120, **extra_env: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("XDG_", "LC_"))}
    env.update({"HOME": str(home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen", **extra_env})
    return subprocess.run([sys.executable, "-m", "workshop_app", *args], capture_output=True, text=True,
                          env=env, cwd=home, timeout=timeout, check=False)


# --- the icon ---

def test_icon_pngs_have_their_size_and_are_rendered_from_the_svg(qapp):
    sys.path.insert(0, str(PROJECT / "tools"))
    try:
        from make_icons import render
    finally:
        sys.path.remove(str(PROJECT / "tools"))
    from PySide6.QtGui import QImage

    for size in ICON_SIZES:
        committed = QImage(str(desktop_entry.icon_png(size)))
        assert (committed.width(), committed.height()) == (size, size)
        fresh = render(desktop_entry.icon_svg(), size).convertToFormat(committed.format())
        differing = sum(committed.pixel(x, y) != fresh.pixel(x, y) for x in range(size) for y in range(size))
        assert differing <= size * size // 100, f"{size}px: run tools/make_icons.py after changing the SVG"


def test_the_window_carries_the_icon_and_names_its_desktop_entry(window):
    from PySide6.QtWidgets import QApplication

    icon = window.windowIcon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} >= set(ICON_SIZES)
    assert QApplication.desktopFileName() == APP_ID


# --- the entry and the metainfo as files ---

@needs_desktop_file_validate
def test_the_desktop_file_is_valid():
    done = subprocess.run(["desktop-file-validate", str(desktop_entry.desktop_file())],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "", done.stdout + done.stderr


@needs_appstreamcli
def test_the_metainfo_is_valid():
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(desktop_entry.metainfo_file())],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_metainfo_names_the_app_in_both_languages_with_screenshots_from_docs():
    root = ET.parse(desktop_entry.metainfo_file()).getroot()
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == desktop_entry.desktop_file().name
    summaries = {element.get(lang, "en"): element.text for element in root.findall("summary")}
    assert set(summaries) == {"en", "de"} and all(summaries.values())
    assert root.find("releases/release").get("version") == __version__  # the newest release is this one
    images = [element.text for element in root.iter("image")]
    assert images and all((PROJECT / "docs" / url.rsplit("/docs/", 1)[1]).is_file() for url in images)


@needs_desktop_file_validate
def test_an_exec_line_for_a_strange_path_is_valid_and_decodes_to_the_same_arguments(tmp_path):
    arguments = ['/opt/my apps/Grenz"ziehung $HOME/100%\\x/python', "-m", "workshop_app"]
    text = desktop_entry.entry_text(arguments)
    entry = tmp_path / f"{APP_ID}.desktop"
    entry.write_text(text, encoding="utf-8")
    done = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "", done.stdout
    assert decode_exec(exec_of(entry)) == arguments


# --- installing and removing it, as a user does ---

def test_install_puts_entry_and_icons_into_local_share_and_the_entry_starts_this_app(tmp_path):
    done = run_app("--install-desktop-entry", home=tmp_path)
    assert done.returncode == 0, done.stderr
    share = tmp_path / ".local" / "share"
    entry = share / "applications" / f"{APP_ID}.desktop"
    assert str(entry) in done.stdout
    for size in ICON_SIZES:
        installed = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert installed.read_bytes() == desktop_entry.icon_png(size).read_bytes()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(entry)], check=False).returncode == 0

    started = subprocess.run([*decode_exec(exec_of(entry)), "--version"], capture_output=True, text=True,
                             cwd=tmp_path, timeout=60, check=False)
    assert started.returncode == 0 and started.stdout.startswith("workshop-app ")


def test_uninstall_removes_exactly_what_install_put_there(tmp_path):
    share = tmp_path / ".local" / "share"
    neighbour = share / "applications" / "other.desktop"
    neighbour.parent.mkdir(parents=True)
    neighbour.write_text("[Desktop Entry]\n")
    assert run_app("--install-desktop-entry", home=tmp_path).returncode == 0

    done = run_app("--uninstall-desktop-entry", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"{len(ICON_SIZES) + 2} " in done.stdout
    left = sorted(path.relative_to(share).as_posix() for path in share.rglob("*") if path.is_file())
    assert left == ["applications/other.desktop"]
    again = run_app("--uninstall-desktop-entry", home=tmp_path, LANG="de_DE.UTF-8")
    assert again.returncode == 0 and "kein Menüeintrag" in again.stdout


def test_xdg_data_home_is_respected(tmp_path):
    data = tmp_path / "data home"
    done = run_app("--install-desktop-entry", home=tmp_path, XDG_DATA_HOME=str(data))
    assert done.returncode == 0, done.stderr
    assert (data / "applications" / f"{APP_ID}.desktop").is_file()
    assert not (tmp_path / ".local").exists()
    # a relative XDG_DATA_HOME is invalid by the spec and ignored
    relative = run_app("--install-desktop-entry", home=tmp_path, XDG_DATA_HOME="relative")
    assert relative.returncode == 0, relative.stderr
    assert (tmp_path / ".local" / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    assert not (tmp_path / "relative").exists()


def test_a_folder_that_cannot_be_written_gives_one_line_and_leaves_no_file(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "applications").write_text("a file where the folder should be")
    done = run_app("--install-desktop-entry", home=tmp_path, XDG_DATA_HOME=str(data))
    assert done.returncode == 3
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert done.stderr.startswith("workshop-app: ")
    assert sorted(path.name for path in data.rglob("*")) == ["applications"]


# --- the smoke test flag ---

def test_smoke_test_paints_the_window_releases_the_session_and_exits_0(tmp_path):
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    done = run_app("--smoke-test", "--sessions-dir", str(sessions), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert [path.suffix for path in sessions.iterdir()] == [".sqlite"]  # the demo workshop, no lock left


def test_smoke_test_answers_the_starts_questions_as_enter_would_and_says_so(tmp_path):
    """Nobody answers a dialog of an installation check: a start that asks (here: the last session is
    damaged) takes each dialog's default button – a new workshop – prints the question on stderr and
    still ends with its exit code, instead of waiting for a click."""
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    assert run_app("--smoke-test", "--sessions-dir", str(sessions), home=tmp_path).returncode == 0
    [first] = sessions.iterdir()
    first.write_bytes(b"this is no session file" * 100)  # damaged: the start asks what to do
    done = run_app("--smoke-test", "--sessions-dir", str(sessions), home=tmp_path, timeout=30)
    assert done.returncode == 0, done.stderr
    assert first.name in done.stderr and "--smoke-test answered" in done.stderr
    assert len([path for path in sessions.iterdir() if path.suffix == ".sqlite"]) == 2  # a new workshop
