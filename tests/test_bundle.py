"""Smoke test of the standalone bundle (`make bundle`, then `make bundle-test`): its executable, run
from another folder with a fresh HOME, prints its version, diagnoses and exports a session it created
in the platform's data folder, and paints its window (offscreen) before it quits with 0.

Skipped unless `--bundle DIR` names the bundle folder."""

from __future__ import annotations

import tarfile
import time
from pathlib import Path

import pytest
from installed_app import (
    PROJECT,
    check_session_diagnose_export,
    check_version,
    decode_exec,
    exec_of,
    fresh_home_env,
    run_app,
)

from workshop_app import __version__
from workshop_app.desktop_entry import APP_ID

pytestmark = pytest.mark.bundle
ARCHIVE_GOAL_MB = 120


@pytest.fixture(scope="module")
def bundle(request) -> Path:
    folder = request.config.getoption("--bundle")
    if not folder:
        pytest.skip("no --bundle DIR given (make bundle-test)")
    folder = Path(folder).resolve()
    assert (folder / "Grenzziehung").is_file(), f"{folder}: no executable Grenzziehung (run make bundle)"
    return folder


def test_the_bundle_carries_every_resource(bundle):
    shipped = bundle / "_internal" / "workshop_app" / "resources"
    missing = [path.relative_to(PROJECT / "resources").as_posix()
               for path in (PROJECT / "resources").rglob("*")
               if path.is_file() and "__pycache__" not in path.parts
               and not (shipped / path.relative_to(PROJECT / "resources")).is_file()]
    assert missing == []


def test_version(bundle, tmp_path):
    check_version([str(bundle / "Grenzziehung")], tmp_path, fresh_home_env(tmp_path))


def test_new_session_diagnose_and_pdf_export(bundle, tmp_path):
    check_session_diagnose_export([str(bundle / "Grenzziehung")], tmp_path, fresh_home_env(tmp_path))


def test_the_window_paints_and_quits_with_0(bundle, tmp_path):
    env = fresh_home_env(tmp_path)
    started = time.perf_counter()
    done = run_app([str(bundle / "Grenzziehung"), "--smoke-test"], cwd=tmp_path, env=env)
    elapsed = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    sessions = Path(env["HOME"]) / ".local" / "share" / "Grenzziehung" / "Grenzziehung" / "sessions"
    assert [path.suffix for path in sessions.iterdir()] == [".sqlite"]  # the demo workshop, lock released
    print(f"bundle: launch to first paint and exit {elapsed:.2f} s")


def test_the_menu_entry_it_installs_starts_the_bundle(bundle, tmp_path):
    env = fresh_home_env(tmp_path)
    done = run_app([str(bundle / "Grenzziehung"), "--install-desktop-entry"], cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    entry = Path(env["HOME"]) / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    assert decode_exec(exec_of(entry)) == [str(bundle / "Grenzziehung")]


def test_unused_qt_modules_are_left_out(bundle):
    names = {path.name for path in bundle.rglob("*")}
    for unused in ("libQt6Qml", "libQt6Quick", "libQt6Network", "libQt6Pdf", "QtNetwork", "QtQml"):
        assert not any(name.startswith(unused) for name in names), unused
    assert any(name.startswith("libQt6Widgets") for name in names)


def test_reportlabs_accelerator_is_in(bundle):
    """ReportLab imports it through exec(), which PyInstaller's analysis cannot follow."""
    assert any(path.name.startswith("_rl_accel") for path in bundle.rglob("*"))


def test_the_archive_holds_the_folder_and_meets_the_size_goal(bundle):
    (archive,) = bundle.parent.glob(f"Grenzziehung-{__version__}-*-*.tar.gz")
    with tarfile.open(archive) as packed:
        assert "Grenzziehung/Grenzziehung" in packed.getnames()
    assert archive.stat().st_size < ARCHIVE_GOAL_MB * 1024 * 1024
