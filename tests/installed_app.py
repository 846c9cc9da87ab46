"""Checks shared by the wheel test and the bundle smoke test: an installed `workshop-app`, run as a
real process from a folder outside the checkout with a fresh HOME, does what a facilitator needs."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

from pdf_helpers import all_text

from workshop_app import __version__

PROJECT = Path(__file__).resolve().parents[1]
BOARD = {"cards": [{"id": "needs_analysis", "zone": "marketing"},
                   {"id": "product_proposal", "zone": "marketing"},
                   {"id": "price_negotiation", "zone": "sales"}]}


def fresh_home_env(root: Path) -> dict[str, str]:
    """The environment of a user who never ran the app: an empty HOME, no XDG folders set, no
    Python path leading into the checkout, English, Qt offscreen."""
    home = root / "home"
    home.mkdir(exist_ok=True)
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("XDG_", "PYTHON", "GRENZZIEHUNG_", "VIRTUAL_ENV", "LC_"))}
    env.update(HOME=str(home), LANG="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    return env


def run_app(command: list[str], *args: str, cwd: Path, env: dict[str, str],
            timeout: float = 120) -> subprocess.CompletedProcess:
    assert not cwd.resolve().is_relative_to(PROJECT), "run the installed app outside the checkout"
    return subprocess.run([*command, *args], capture_output=True, text=True, encoding="utf-8",
                          cwd=cwd, env=env, timeout=timeout, check=False)


def check_version(command: list[str], cwd: Path, env: dict[str, str]) -> None:
    done = run_app(command, "--version", cwd=cwd, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"workshop-app {__version__}"


def check_session_diagnose_export(command: list[str], cwd: Path, env: dict[str, str]) -> None:
    """`new` puts the session into the platform's data folder, `diagnose` and `export --pdf` read it."""
    board = cwd / "board.json"
    board.write_text(json.dumps(BOARD), encoding="utf-8")
    created = run_app(command, "new", "--title", "Vertrieb Süd", "--board", str(board), cwd=cwd, env=env)
    assert created.returncode == 0, created.stderr
    session = Path(created.stdout.strip())
    data_folder = Path(env["HOME"]) / ".local" / "share" / "Grenzziehung" / "Grenzziehung" / "sessions"
    assert session.parent == data_folder and session.is_file()

    diagnosed = run_app(command, "diagnose", str(session), "--json", cwd=cwd, env=env)
    assert diagnosed.returncode == 0, diagnosed.stderr
    assert json.loads(diagnosed.stdout)["placed"] == 3

    pdf = cwd / "summary.pdf"
    exported = run_app(command, "export", str(session), "--pdf", str(pdf), "--lang", "en", cwd=cwd, env=env)
    assert exported.returncode == 0, exported.stderr
    assert "Vertrieb Süd" in all_text(pdf.read_bytes())


def decode_exec(value: str) -> list[str]:
    """The arguments of an Exec value, decoded as the Desktop Entry Specification says: first the
    string escapes, then the quoting, then `%%`."""
    text = re.sub(r"\\(.)", lambda m: {"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(m[1], m[1]), value)
    arguments, current, quoted, escaped, started = [], "", False, False, False
    for char in text:
        if escaped:
            current, escaped = current + char, False
        elif quoted and char == "\\":
            escaped = True
        elif char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if started or current:
                arguments.append(current)
            current, started = "", False
        else:
            current += char
    if started or current:
        arguments.append(current)
    return [argument.replace("%%", "%") for argument in arguments]


def exec_of(entry: Path) -> str:
    (line,) = [line for line in entry.read_text(encoding="utf-8").splitlines() if line.startswith("Exec=")]
    return line.removeprefix("Exec=")
