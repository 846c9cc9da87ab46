"""The layers import one way: cli -> commands -> ui -> export | storage -> domain. Only ui imports Qt.

The rules are import-linter contracts in pyproject.toml (`lint-imports` in `make test`); the tests here
show that each contract catches its violation, and keep a few checks of their own."""

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


# --- the import-linter contracts of pyproject.toml (run by `make test` as `lint-imports`) ---

FAKE_MODULES = {  # a package shaped like workshop_app, whose imports keep every contract
    "__init__": "", "paths": "", "desktop_entry": "import workshop_app.paths\n",
    "cli": "import workshop_app.commands.run\ndef f():\n    import workshop_app.ui.app\n",
    "commands/__init__": "", "commands/run": "def f():\n    import workshop_app.ui.app\n",
    "ui/__init__": "", "ui/app": "import PySide6\nimport workshop_app.ui.main_window\n",
    "ui/main_window": "import workshop_app.storage.store\nimport workshop_app.export.pdf\n",
    "export/__init__": "", "export/pdf": "import workshop_app.domain.model\n",
    "storage/__init__": "", "storage/folder": "import workshop_app.domain.model\n",
    "storage/store": "import workshop_app.storage.folder\n",
    "domain/__init__": "", "domain/model": "import workshop_app.paths\n",
}
VIOLATIONS = {
    "Layers": ("domain/model", "import workshop_app.ui.main_window\n"),
    "PySide6 only inside": ("storage/store", "import PySide6\n"),
    "Commands reach the ui only through": ("commands/run", "import workshop_app.ui.main_window\n"),
    "No import circle": ("storage/folder", "import workshop_app.storage.store\n"),
}


def run_lint_imports(tmp_path, extra: tuple[str, str] | None = None) -> subprocess.CompletedProcess:
    """`lint-imports` with this project's contracts on a fake `workshop_app` in tmp_path."""
    package = tmp_path / "workshop_app"
    for name, code in FAKE_MODULES.items():
        path = package / f"{name}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(code + (extra[1] if extra and extra[0] == name else ""))
    config = (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(config[config.index("[tool.importlinter]"):])
    lint = Path(sys.executable).with_name("lint-imports")
    return subprocess.run([str(lint), "--no-cache"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120, env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})


def test_the_contracts_hold_for_a_package_that_keeps_the_rules(tmp_path):
    result = run_lint_imports(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("contract", sorted(VIOLATIONS))
def test_each_contract_catches_its_violation(tmp_path, contract):
    result = run_lint_imports(tmp_path, VIOLATIONS[contract])
    assert result.returncode == 1, result.stdout + result.stderr
    broken = [line for line in result.stdout.splitlines() if " BROKEN" in line]
    assert any(line.startswith(contract) for line in broken), result.stdout


MAX_MODULE_LINES = 400


def test_no_module_is_over_400_lines():
    long = [f"{path.relative_to(PACKAGE)}: {count}" for path in sorted(PACKAGE.rglob("*.py"))
            if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES]
    assert long == []


def test_the_modules_the_readme_names_for_the_code_layout_exist():
    import re

    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("## Layout of the code"):]
    layout = layout[:layout.index("\n## ", 1)]
    named = set(re.findall(r"`([a-z_/]+\.py)`", layout))
    assert len(named) > 15
    missing = [name for name in sorted(named)
               if not any(path.as_posix().endswith(name) for path in PACKAGE.rglob("*.py"))
               and not (PACKAGE.parent / name).exists()]
    assert missing == []
