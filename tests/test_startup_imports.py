"""What the app's start loads before the board's first paint: the deferred features' modules (and
ReportLab behind the export) load only after it, and so does sqlite-utils when the start reopens a
session (it is read with the standard library; the store opens after the paint). Runs in a fresh
interpreter, since the test session has imported everything long before."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from workshop_app.ui.main_window import FEATURES

CHILD = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from workshop_app.ui.app import build_window, create_app

folder = Path(sys.argv[1])
(folder / "sessions").mkdir(exist_ok=True)
app = create_app([sys.argv[0]])
settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
window = build_window("en", sessions_dir=folder / "sessions", settings=settings, defer_secondary=True)
before = sorted(sys.modules)
store_open_before = getattr(window.sessions.store, "is_open", True)
window.finish_startup()
after = sorted(sys.modules)
cards = len(window.board_scene.items_by_id)
store_open_after = getattr(window.sessions.store, "is_open", True)
window.close()
print(json.dumps({"before": before, "after": after, "cards": cards, "store_open_before": store_open_before,
                  "store_open_after": store_open_after}))
"""


def _modules_at_start(tmp_path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path)], capture_output=True,
                            text=True, env=env, timeout=60, check=True)
    return json.loads(result.stdout.splitlines()[-1])


def test_deferred_features_load_their_modules_only_after_the_first_paint(tmp_path):
    deferred = [feature.build.partition(":")[0] for feature in FEATURES
                if feature.deferred and isinstance(feature.build, str)]
    assert "workshop_app.ui.presenter" in deferred and "workshop_app.ui.diagnosis_panel" in deferred
    loaded = _modules_at_start(tmp_path)
    assert loaded["cards"] == 22  # the demo workshop session was created and is shown
    assert [name for name in deferred if name in loaded["before"]] == []
    assert "reportlab" not in loaded["before"]
    dialogs = ("workshop_app.ui.session_dialogs", "workshop_app.ui.card_dialog", "workshop_app.ui.note_popup")
    assert [name for name in dialogs if name in loaded["before"]] == []
    assert [name for name in deferred if name not in loaded["after"]] == []


def test_a_reopened_session_is_shown_without_sqlite_utils_which_loads_right_after_the_paint(tmp_path):
    first = _modules_at_start(tmp_path)  # creates the demo workshop session: writing needs sqlite-utils
    assert "sqlite_utils" in first["before"]
    again = _modules_at_start(tmp_path)  # reopens it
    assert again["cards"] == 22
    assert "sqlite_utils" not in again["before"] and not again["store_open_before"]
    assert "sqlite_utils" in again["after"] and again["store_open_after"]


def a_session(folder) -> str:
    from workshop_app.domain.deck import load_deck
    from workshop_app.domain.session import SessionInfo
    from workshop_app.storage import SessionStore

    with SessionStore.create(folder, SessionInfo("Ohne"), load_deck().board()) as store:
        return str(store.path)


def _in_a_fresh_interpreter(code: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          timeout=60)
    return done.stdout.split()


def test_reading_and_checking_a_session_loads_no_sqlite_utils(tmp_path):
    path = a_session(tmp_path)
    assert _in_a_fresh_interpreter(
        "import sys\nfrom workshop_app.storage import read_session\n"
        f"print(read_session({path!r}).info.title, 'sqlite_utils' in sys.modules)") == ["Ohne", "False"]
    assert _in_a_fresh_interpreter(
        "import sys\nfrom workshop_app.storage.first_read import read_locked\n"
        f"session = read_locked({path!r}).session\n"
        "print(len(session.board.cards()), 'sqlite_utils' in sys.modules)") == ["22", "False"]


ENTRY_CHILD = """
import gc, json, sys
from workshop_app.ui.main_window import MainWindow

finish = MainWindow.finish_startup
seen = []


def at_first_paint(self):  # the deferred features are built right after the board's first paint
    if not seen:
        seen.append({"modules": sorted(sys.modules), "cards": len(self.board_scene.items_by_id),
                     "collecting_until_painted": gc.isenabled()})
    finish(self)
    seen[0]["collecting_once_started"] = gc.isenabled()


MainWindow.finish_startup = at_first_paint
from workshop_app.cli import main

code = main(["--sessions-dir", sys.argv[1], "--smoke-test"])
print(json.dumps({"code": code, **seen[0], "collecting_at_the_end": gc.isenabled()}))
"""


def _modules_at_first_paint_of_the_entry_point(tmp_path) -> dict:
    """`workshop-app` started as a facilitator starts it (its command line, its settings), up to the
    board's first paint; `--smoke-test` quits right after."""
    (tmp_path / "sessions").mkdir(exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", ENTRY_CHILD, str(tmp_path / "sessions")],
                            capture_output=True, text=True, env=env, timeout=60, check=True)
    return json.loads(result.stdout.splitlines()[-1])


def test_the_command_line_start_loads_no_reportlab_nor_sqlite_utils_before_the_first_paint(tmp_path):
    """The real start goes through the command line, whose parser knows every subcommand: their
    modules must not pull in what only they use (ReportLab for `export`, sqlite-utils for `new`)."""
    first = _modules_at_first_paint_of_the_entry_point(tmp_path)  # creates the demo workshop
    assert first["code"] == 0 and first["cards"] == 22
    assert [name for name in first["modules"] if name.split(".")[0] == "reportlab"] == []
    again = _modules_at_first_paint_of_the_entry_point(tmp_path)  # reopens it
    assert again["code"] == 0 and again["cards"] == 22
    heavy = ("reportlab", "sqlite_utils", "workshop_app.export", "workshop_app.domain.diagnosis",
             "workshop_app.domain.deck", "workshop_app.domain.archetypes")  # a new workshop's, the panel's
    assert [name for name in again["modules"] if name.startswith(heavy)] == []


def test_the_garbage_collector_pauses_from_the_command_line_until_the_board_has_painted(tmp_path):
    """Nothing of the start is garbage: Python's cyclic collector waits until the board has painted
    (about 10 ms of the start), then collects as always."""
    started = _modules_at_first_paint_of_the_entry_point(tmp_path)
    assert started["collecting_until_painted"] is False
    assert started["collecting_once_started"] is True and started["collecting_at_the_end"] is True


def test_the_garbage_collector_collects_again_when_the_start_fails(monkeypatch):
    import gc

    from workshop_app import cli
    from workshop_app.ui import app

    def failing_start(*args, **kwargs):
        assert not gc.isenabled()
        raise RuntimeError("no display")

    monkeypatch.setattr(app, "run", failing_start)
    with pytest.raises(RuntimeError, match="no display"):
        cli.main(["--lang", "en"])
    assert gc.isenabled()


def test_a_command_runs_with_the_garbage_collector_on(monkeypatch, capsys):
    import gc

    from workshop_app import cli
    from workshop_app.commands import open as open_command

    def collecting(args):
        print(gc.isenabled())
        return 0

    monkeypatch.setattr(open_command, "run", collecting)
    assert cli.main(["open", "some.sqlite"]) == 0
    assert capsys.readouterr().out.strip() == "True"
    with pytest.raises(SystemExit):
        cli.main(["--lang", "fr"])
    assert gc.isenabled()
