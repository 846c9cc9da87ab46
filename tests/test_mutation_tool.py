"""`make mutation`'s table (tools/mutation.py) from mutmut's result files: a row per module of the domain
and storage packages, no-tests mutants counted against the score, timeouts as killed, and the overall
score as the last line."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parent.parent / "tools" / "mutation.py"


def load_tool():
    spec = importlib.util.spec_from_file_location("mutation_tool", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules["mutation_tool"] = module
    spec.loader.exec_module(module)
    return module


def test_the_table_counts_each_module_and_ends_with_the_overall_score(tmp_path):
    tool = load_tool()
    meta = tmp_path / "workshop_app" / "domain" / "model.py.meta"
    meta.parent.mkdir(parents=True)
    codes = {"a": 1, "b": 1, "c": 36, "d": 0, "e": 33, "f": 34, "g": None}  # killed x2, timeout, ...
    meta.write_text(json.dumps({"exit_code_by_key": {f"m{k}": v for k, v in codes.items()}}))
    rows = {row.module: row for row in tool.module_figures(tmp_path)}
    model = rows["workshop_app/domain/model.py"]
    assert (model.mutants, model.killed, model.survived, model.no_tests, model.other) == (6, 3, 1, 1, 1)
    assert model.score == 50.0
    assert rows["workshop_app/storage/store.py"].mutants == 0
    assert set(rows) >= {"workshop_app/domain/diagnosis.py", "workshop_app/storage/schema.py"}
    lines = tool.table(list(rows.values())).splitlines()
    assert lines[-1] == "mutation score: 50.0 %"
    assert any(line.startswith("workshop_app/domain/model.py") and line.endswith(" 50.0%") for line in lines)
    assert lines[-2] == "modules below 90 %: workshop_app/domain/model.py"
