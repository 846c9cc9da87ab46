"""`workshop-app diagnose` run as a real process on real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from test_boardfile import BAD_FILES
from test_diagnosis import EXAMPLES

from workshop_app.domain.boardfile import write_board
from workshop_app.domain.deck import reference_board
from workshop_app.paths import PROJECT_DIR


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    return subprocess.run([sys.executable, "-m", "workshop_app", *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=PROJECT_DIR, env=env, timeout=60)


@pytest.fixture
def kundenversteher_file(tmp_path):
    board = reference_board()
    for card_id, zone in EXAMPLES["kundenversteher"].items():
        board.move(card_id, zone)
    path = tmp_path / "kv.json"
    write_board(board, path)
    return path


def test_json_output_is_exactly_one_object_sorted_by_score(kundenversteher_file):
    done = run_cli("diagnose", str(kundenversteher_file), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)  # the whole stdout is one JSON document
    assert isinstance(data, dict)
    ids = [entry["id"] for entry in data["archetypes"]]
    assert ids[0] == "kundenversteher" and sorted(ids) == sorted(
        ["kundenversteher", "stichwortgeber", "kundenschmeichler", "kreativlinge"])
    scores = [entry["score"] for entry in data["archetypes"]]
    assert scores == sorted(scores, reverse=True)
    assert [e["id"] for e in data["archetypes"] if e["resembles"]] == ["kundenversteher"]
    assert data["placed"] == 22
    assert data["reference_conformity"] == pytest.approx(19 / 22, abs=1e-4)
    assert sorted(data["off_reference"]) == sorted(EXAMPLES["kundenversteher"])


def test_text_output_in_german_and_english(kundenversteher_file):
    german = run_cli("diagnose", str(kundenversteher_file), "--lang", "de")
    assert german.returncode == 0, german.stderr
    assert "Die Kundenversteher" in german.stdout and "ÄHNELT" in german.stdout
    assert "Glaubwürdigkeit" in german.stdout  # the harm, from the article
    assert "Kundenproblem und Bedarf ermitteln" in german.stdout  # an evidence card's text
    english = run_cli("--lang", "en", "diagnose", str(kundenversteher_file))
    assert english.returncode == 0, english.stderr
    assert "The customer-understanders" in english.stdout and "RESEMBLES" in english.stdout
    assert "Train and upgrade sales" in english.stdout
    # the flagged archetype comes first
    assert english.stdout.index("customer-understanders") < english.stdout.index("The prompters")


def test_the_issue_example_file_works(tmp_path):
    path = tmp_path / "issue.json"
    path.write_text('{"cards": [{"id": "needs_analysis", "zone": "marketing"}, {"id": "c1", '
                    '"text": "Messestand planen", "function": "advertising", "zone": "shared"}]}',
                    encoding="utf-8")
    done = run_cli("diagnose", str(path), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["placed"] == 2 and not any(e["resembles"] for e in data["archetypes"])
    assert data["reference_conformity"] == 0.0
    assert data["off_reference"] == ["needs_analysis", "c1"]


@pytest.mark.parametrize("text,words", BAD_FILES)
def test_a_bad_file_gives_one_line_on_stderr_and_exit_2(tmp_path, text, words):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    for extra in ((), ("--json",)):
        done = run_cli("diagnose", str(path), *extra)
        assert done.returncode == 2
        assert done.stdout == ""
        assert "Traceback" not in done.stderr
        assert done.stderr.count("\n") == 1 and words in done.stderr
        assert done.stderr.startswith("workshop-app diagnose: bad.json: ")


def test_a_missing_file_gives_exit_2(tmp_path):
    done = run_cli("diagnose", str(tmp_path / "nowhere.json"))
    assert done.returncode == 2 and "no such file" in done.stderr and "Traceback" not in done.stderr
