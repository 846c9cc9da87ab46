"""Board images: `workshop-app export SOURCE --png OUT.png` in a real subprocess, read back as images."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

PROJECT = Path(__file__).resolve().parents[1]
MARKETING_BLUE = QColor("#dbe8fb").rgb()
SALES_GREEN = QColor("#d9f2df").rgb()


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env["DISPLAY"] = ":4711"  # no such display: the export must not need one
    return subprocess.run([sys.executable, "-m", "workshop_app", *args], capture_output=True,
                          text=True, cwd=PROJECT, env=env, timeout=120)


def board(marketing: list[str], sales: list[str]) -> dict:
    return {"cards": [{"id": i, "zone": "marketing"} for i in marketing]
            + [{"id": i, "zone": "sales"} for i in sales]}


@pytest.fixture
def session_json(tmp_path) -> Path:
    path = tmp_path / "workshop.json"
    path.write_text(json.dumps({
        "format": "grenzziehung-session", "version": 1, "title": "Vertrieb Süd", "date": "2026-11-28",
        "language": "de",
        "rounds": {"ist": board(["needs_analysis", "product_proposal", "benefit_persuasion"],
                                ["price_negotiation"]),
                   "soll": board(["advertising"], ["needs_analysis", "product_proposal",
                                                   "benefit_persuasion", "price_negotiation"])},
    }), encoding="utf-8")
    return path


def share_of(image: QImage, rgb: int) -> float:
    """The share of sampled pixels that have exactly this colour."""
    step = 7
    points = [(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)]
    return sum(image.pixel(x, y) == rgb for x, y in points) / len(points)


def test_a_session_json_exports_its_soll_round_at_1920x1080_by_default(session_json, tmp_path):
    out = tmp_path / "board.png"
    result = run_cli("export", str(session_json), "--png", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out) and result.stderr == ""
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1920, 1080)
    assert share_of(image, MARKETING_BLUE) > 0.05 and share_of(image, SALES_GREEN) > 0.05
    ist = tmp_path / "ist.png"
    assert run_cli("export", str(session_json), "--png", str(ist), "--round", "ist").returncode == 0
    assert QImage(str(ist)) != image  # another round, another picture


def test_size_and_language_options(session_json, tmp_path):
    out = tmp_path / "small.png"
    result = run_cli("export", str(session_json), "--png", str(out), "--size", "1366x768",
                     "--lang", "en")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)


@pytest.mark.parametrize("size,message", [
    ("1920", "WIDTHxHEIGHT"), ("1920x", "WIDTHxHEIGHT"), ("axb", "WIDTHxHEIGHT"),
    ("-5x100", "WIDTHxHEIGHT"), ("9000x1080", "at most 8000"), ("1920x8001", "at most 8000"),
    ("10x10", "at least"),
])
def test_a_bad_size_is_one_line_exit_2_and_no_file(session_json, tmp_path, size, message):
    out = tmp_path / "bad.png"
    result = run_cli("export", str(session_json), "--png", str(out), f"--size={size}")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("workshop-app export: ") and message in lines[0]
    assert not out.exists() and list(tmp_path.iterdir()) == [session_json]


def test_a_round_the_session_does_not_have_is_refused(tmp_path):
    path = tmp_path / "board.json"
    path.write_text(json.dumps(board(["advertising"], ["terms"])), encoding="utf-8")
    result = run_cli("export", str(path), "--png", str(tmp_path / "x.png"), "--round", "soll")
    assert result.returncode == 2 and "no Soll round" in result.stderr
    assert not (tmp_path / "x.png").exists()
    ok = run_cli("export", str(path), "--png", str(tmp_path / "x.png"))  # a board file is an Ist
    assert ok.returncode == 0, ok.stderr


def test_an_image_onto_its_source_is_refused(session_json):
    before = session_json.read_bytes()
    result = run_cli("export", str(session_json), "--png", str(session_json))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert session_json.read_bytes() == before
