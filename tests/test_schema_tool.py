"""`python -m workshop_app.storage.schema` (storage/schema.py), the tool that keeps the checked-in schema
snapshot equal to what the migrations make: its help, the one line each run prints, and a snapshot that
does not exist yet (out of date, not a crash)."""

from __future__ import annotations

import pytest

from workshop_app.storage import schema


def test_the_help_says_how_the_tool_is_called_and_what_each_option_does(capsys):
    with pytest.raises(SystemExit) as finished:
        schema.main(["--help"])
    assert finished.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert shown.startswith("usage: python -m workshop_app.storage.schema [-h]")
    assert "--write-snapshot rewrite schema_snapshot.py" in shown
    assert "--check exit 1 when the snapshot is out of date" in shown


def test_each_run_says_in_one_line_what_it_found_or_did(tmp_path, monkeypatch, capsys):
    snapshot = tmp_path / "schema_snapshot.py"
    monkeypatch.setattr(schema, "SNAPSHOT_FILE", snapshot)
    assert schema.main(["--check"]) == 1  # none yet: out of date
    assert capsys.readouterr().out == f"schema_snapshot.py is out of date: run `{schema.SNAPSHOT_COMMAND}`\n"
    assert schema.main(["--write-snapshot"]) == 0
    assert capsys.readouterr().out == f"wrote {snapshot}\n"
    assert snapshot.read_text(encoding="utf-8") == schema.snapshot_source()
    assert schema.main([]) == 0
    assert capsys.readouterr().out == "schema_snapshot.py matches the migrations\n"

