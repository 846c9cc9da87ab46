"""The built wheel, installed into a fresh virtual environment outside the checkout, works on its own:
resources come from the installed package, sessions go to the platform's data folder.

Slow (builds a wheel, installs PySide6 from pip's cache): deselect with `pytest -m "not wheel"`."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from installed_app import PROJECT, check_session_diagnose_export, check_version, fresh_home_env, run_app

pytestmark = pytest.mark.wheel

# what the build reads; copied to a scratch folder so that no build/ folder of the checkout leaks old files
BUILD_INPUTS = ("pyproject.toml", "setup.py", "README.md", "workshop_app", "resources")


def build_wheel(target: Path) -> tuple[Path, Path]:
    """The wheel built from a copy of the build's inputs, and that copy."""
    source = target / "source"
    source.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in BUILD_INPUTS:
        origin = PROJECT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=ignore)
        else:
            shutil.copy2(origin, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(target),
                    str(source)], check=True, capture_output=True, timeout=300)
    (wheel,) = target.glob("grenzziehung-*.whl")
    return wheel, source


def install_into_fresh_venv(wheel: Path, where: Path) -> Path:
    """A new venv without pip of its own; the test environment's pip installs into it (pip's cache
    makes the dependencies quick to install)."""
    venv.create(where, with_pip=False)
    python = where / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                    str(wheel)], check=True, capture_output=True, timeout=600)
    return where


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    root = tmp_path_factory.mktemp("wheel")
    wheel, source = build_wheel(root / "dist")
    environment = install_into_fresh_venv(wheel, root / "venv")
    return wheel, environment, source


@pytest.fixture
def workdir(installed, tmp_path):
    return tmp_path


def test_the_wheel_carries_every_module_and_every_resource(installed):
    wheel, _, source = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {path.relative_to(source).as_posix() for path in (source / "workshop_app").rglob("*.py")}
    resources = {"workshop_app/resources/" + path.relative_to(source / "resources").as_posix()
                 for path in (source / "resources").rglob("*") if path.is_file()}
    assert modules <= names, sorted(modules - names)
    assert resources <= names, sorted(resources - names)


def test_version(installed, workdir):
    _, environment, _ = installed
    check_version([str(environment / "bin" / "workshop-app")], workdir, fresh_home_env(workdir))


def test_resources_are_read_from_the_installed_package(installed, workdir):
    _, environment, _ = installed
    script = "import workshop_app.paths as p; print(p.RESOURCES_DIR); print(p.checkout_sessions_dir())"
    done = run_app([str(environment / "bin" / "python"), "-c", script], cwd=workdir,
                   env=fresh_home_env(workdir))
    assert done.returncode == 0, done.stderr
    resources, checkout_sessions = done.stdout.split()
    assert Path(resources).is_relative_to(environment) and (Path(resources) / "decks").is_dir()
    assert checkout_sessions == "None"


def test_new_session_diagnose_and_pdf_export(installed, workdir):
    _, environment, _ = installed
    check_session_diagnose_export([str(environment / "bin" / "workshop-app")], workdir,
                                  fresh_home_env(workdir))
