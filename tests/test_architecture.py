"""The layers import one way: ui -> storage/export -> domain. Only ui imports Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "workshop_app"
QT_MODULES = ("PySide6", "shiboken6")
# what each layer may not import
FORBIDDEN = {
    "domain": (*QT_MODULES, "workshop_app.ui", "workshop_app.storage", "workshop_app.export",
               "sqlite_utils", "reportlab"),
    "storage": (*QT_MODULES, "workshop_app.ui", "workshop_app.export", "reportlab"),
    "export": (*QT_MODULES, "workshop_app.ui", "workshop_app.storage", "sqlite_utils"),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_run_one_way(layer):
    offenders = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in imported_modules(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer]):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_qt_is_imported_only_under_ui():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue
        for name in imported_modules(path):
            if name.split(".")[0] in QT_MODULES:
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_the_check_catches_a_qt_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from PySide6.QtCore import QObject\n")
    assert "PySide6.QtCore" in imported_modules(bad)


COMMANDS = PACKAGE / "commands"


def top_level_imports(path: Path) -> set[str]:
    """The modules a file imports when it is imported (not those imported inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_commands_import_the_ui_only_inside_functions():
    offenders = [f"{path.name} imports {name} at module level"
                 for path in sorted(COMMANDS.glob("*.py"))
                 for name in top_level_imports(path)
                 if name == "workshop_app.ui" or name.startswith("workshop_app.ui.")]
    assert offenders == []


def test_the_command_check_sees_only_module_level_imports(tmp_path):
    module = tmp_path / "command.py"
    module.write_text("from workshop_app.ui.app import run\n"
                      "def f():\n    from workshop_app.ui.sessions import default_sessions_dir\n")
    assert top_level_imports(module) == {"workshop_app.ui.app"}


def test_importing_the_command_line_loads_no_qt():
    """`workshop-app diagnose` and friends run without a display: importing every command module (and
    the CLI that registers them) must not load PySide6."""
    modules = ["workshop_app.cli", *(f"workshop_app.commands.{path.stem}"
                                     for path in sorted(COMMANDS.glob("*.py")))]
    script = ("import importlib, sys\n"
              f"for name in {modules!r}:\n"
              "    importlib.import_module(name)\n"
              "print(sorted(name for name in sys.modules if name.split('.')[0] in "
              f"{QT_MODULES!r} or name.startswith('workshop_app.ui')))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=PACKAGE.parent, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_starting_the_window_does_not_load_reportlab():
    """ReportLab (about 0.15 s of imports) loads on the first export, not when the app starts."""
    import subprocess
    import sys

    code = ("import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "from workshop_app.ui.app import build_window\n"
            "window = build_window('en')\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'pypdf'}))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
