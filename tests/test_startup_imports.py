"""What the app's start loads before the board's first paint: the deferred features' modules (and
ReportLab behind the export) load only after it. Runs in a fresh interpreter, since the test session
has imported everything long before."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from workshop_app.ui.main_window import FEATURES

CHILD = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from workshop_app.ui.app import build_window, create_app

folder = Path(sys.argv[1])
(folder / "sessions").mkdir()
app = create_app([sys.argv[0]])
settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
window = build_window("en", sessions_dir=folder / "sessions", settings=settings, defer_secondary=True)
before = sorted(sys.modules)
window.finish_startup()
after = sorted(sys.modules)
cards = len(window.board_scene.items_by_id)
window.close()
print(json.dumps({"before": before, "after": after, "cards": cards}))
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
