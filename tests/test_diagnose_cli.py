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
    # the advertising card in the strip beside its reference side counts half: shared, not wrong
    assert data["reference_conformity"] == 0.25
    assert data["off_reference"] == ["needs_analysis"] and data["shared_instead"] == ["c1"]
    states = {entry["id"]: entry["state"] for entry in data["archetypes"]}
    assert states == {"kundenversteher": "leaning", "stichwortgeber": "not_judgeable",
                      "kundenschmeichler": "not_judgeable", "kreativlinge": "not_judgeable"}


@pytest.fixture
def leaning_file(tmp_path):
    """A partial board: two of the three steps of the product sale in marketing, the third still in
    the tray; sales negotiates prices and terms."""
    path = tmp_path / "partial.json"
    cards = {"needs_analysis": "marketing", "product_proposal": "marketing",
             "price_negotiation": "sales", "terms": "sales", "advertising": "marketing",
             "public_relations": "marketing", "graphic_design": "marketing",
             "market_insight": "marketing", "direct_customer_contact": "shared"}
    path.write_text(json.dumps({"cards": [{"id": k, "zone": v} for k, v in cards.items()]}),
                    encoding="utf-8")
    return path


def test_json_gives_each_archetype_its_state_and_the_deciding_card(leaning_file):
    done = run_cli("diagnose", str(leaning_file), "--json")
    assert done.returncode == 0, done.stderr
    entries = {entry["id"]: entry for entry in json.loads(done.stdout)["archetypes"]}
    assert {k: e["state"] for k, e in entries.items()} == {
        "kundenversteher": "leaning", "kreativlinge": "does_not_resemble",
        "kundenschmeichler": "leaning", "stichwortgeber": "not_judgeable"}
    assert not any(entry["resembles"] for entry in entries.values())
    assert entries["kundenversteher"]["deciding"] == [
        {"card": "benefit_persuasion", "zones": ["marketing", "shared"]}]
    # marketing shares the direct customer contact: the second channel; the goal decides it
    assert entries["kundenschmeichler"]["evidence"] == ["direct_customer_contact"]
    assert entries["kundenschmeichler"]["deciding"] == [
        {"card": "order_stimulation", "zones": ["marketing", "shared"]}]


def test_text_names_the_cards_behind_each_score_and_the_deciding_card(leaning_file):
    german = run_cli("diagnose", str(leaning_file), "--lang", "de").stdout
    block = german[german.index("Die Kundenversteher"):german.index("Die Kundenschmeichler")]
    assert "deutet sich an" in block and "ÄHNELT" not in block
    assert "Kundenproblem und Bedarf ermitteln (Marketing)" in block
    assert "Entscheidend: Kommt »Kunden vom Nutzen überzeugen« (noch nicht gelegt) ins Marketing" in block
    schmeichler = german[german.index("Die Kundenschmeichler"):]
    assert "Direkter Kontakt mit Kunden" in schmeichler.split("\n\n")[0]  # a score above 0 names its card
    english = run_cli("--lang", "en", "diagnose", str(leaning_file)).stdout
    assert "leaning" in english and "Deciding:" in english
    assert "Watch market and competitors" in english and "speak against" in english  # against the creatives


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
