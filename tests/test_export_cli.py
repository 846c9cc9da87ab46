"""`workshop-app export`: board and session files to PDF, in a real subprocess; failures are one line."""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pdf_helpers import all_text, page_sizes, page_texts, squeeze
from storage_helpers import as_unprivileged_user, folder_for_everyone

from workshop_app.cli import main
from workshop_app.domain.deck import load_deck
from workshop_app.domain.model import Zone
from workshop_app.domain.session import ActionItem, SessionInfo
from workshop_app.export.fonts import register_fonts
from workshop_app.storage import SessionStore

PROJECT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "workshop_app", *args], capture_output=True,
                          text=True, cwd=PROJECT, env=env, timeout=120, **kwargs)


def assert_one_line_failure(result: subprocess.CompletedProcess) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("workshop-app export: ")


@pytest.fixture
def board_file(tmp_path):
    path = tmp_path / "board.json"
    path.write_text(json.dumps({"cards": [
        {"id": "needs_analysis", "zone": "marketing"},
        {"id": "product_proposal", "zone": "marketing"},
        {"id": "benefit_persuasion", "zone": "marketing"},
        {"id": "price_negotiation", "zone": "sales"},
        {"id": "c1", "text": "Messestand <b>planen</b> & <img src='x.png'/>", "function": "advertising",
         "zone": "shared"},
    ]}), encoding="utf-8")
    return path


def test_a_board_file_exports_in_english_on_letter(board_file, tmp_path):
    out = tmp_path / "out.pdf"
    result = run_cli("export", str(board_file), "--pdf", str(out), "--lang", "en",
                     "--pagesize", "letter")
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert set(page_sizes(data)) == {(612, 792)}
    text = squeeze(all_text(data))
    assert squeeze("Messestand <b>planen</b> & <img src='x.png'/>") in text
    assert squeeze("The customer-understanders") in text and squeeze("Tasks by side") in text
    assert re.search(r"Page 1 of \d", page_texts(data)[0])


def test_a_session_file_exports_in_its_own_language(tmp_path):
    board = load_deck().board()
    board.move("needs_analysis", Zone.MARKETING)
    info = SessionInfo("Vertriebsklausur Nord", company="Beispiel GmbH", facilitator="Dora",
                       date="2025-06-02", language="de", participants=["Eva", "Finn"])
    store = SessionStore.create(tmp_path, info, board)
    store.set_action_items([ActionItem("Rollen klären", "Eva", "2025-07-01")])
    store.set_note("needs_analysis", "Heute beim Produktmanagement")
    path = store.path
    store.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    out = tmp_path / "session.pdf"
    result = run_cli("export", str(path), "--pdf", str(out))
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    text = squeeze(all_text(data))
    for expected in ("Vertriebsklausur Nord", "Beispiel GmbH", "02.06.2025", "Aufgaben nach Seite",
                     "Rollen klären", "01.07.2025", "Heute beim Produktmanagement", "Eva", "Finn"):
        assert squeeze(expected) in text, expected
    assert set(page_sizes(data)) == {(595, 842)}
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before, "the session is only read"


def test_a_folder_that_cannot_be_written_gives_one_line_and_no_file(board_file, capsys):
    """In process, as `nobody` when root (root may write anywhere): the real command's main."""
    register_fonts()
    load_deck()
    with folder_for_everyone() as folder:
        board = folder / "board.json"
        board.write_bytes(board_file.read_bytes())
        board.chmod(0o644)
        locked = folder / "locked"
        locked.mkdir()
        locked.chmod(0o555)
        with as_unprivileged_user():
            code = main(["export", str(board), "--pdf", str(locked / "out.pdf")])
        captured = capsys.readouterr()
        assert code != 0
        lines = captured.err.strip().splitlines()
        assert len(lines) == 1 and "cannot be written" in lines[0], captured.err
        assert list(locked.iterdir()) == []


def test_a_full_disk_gives_one_line_and_leaves_no_half_pdf(board_file, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    def small_file_limit() -> None:  # writes beyond 4 KiB fail as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    result = run_cli("export", str(board_file), "--pdf", str(out_dir / "out.pdf"),
                     preexec_fn=small_file_limit)
    assert_one_line_failure(result)
    assert list(out_dir.iterdir()) == []


def test_an_existing_pdf_is_kept_when_the_new_one_cannot_be_written(board_file, tmp_path):
    out = tmp_path / "out.pdf"
    out.write_bytes(b"%PDF-1.4 previous")

    def small_file_limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    result = run_cli("export", str(board_file), "--pdf", str(out), preexec_fn=small_file_limit)
    assert_one_line_failure(result)
    assert out.read_bytes() == b"%PDF-1.4 previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["board.json", "out.pdf"]


@pytest.mark.parametrize(("content", "expected"), [
    ("{not json", "board.json"),
    ('{"cards": [{"id": "needs_analysis", "zone": "attic"}]}', "zone"),
])
def test_a_bad_board_file_gives_one_line(tmp_path, content, expected):
    path = tmp_path / "board.json"
    path.write_text(content, encoding="utf-8")
    result = run_cli("export", str(path), "--pdf", str(tmp_path / "out.pdf"))
    assert_one_line_failure(result)
    assert expected in result.stderr
    assert not (tmp_path / "out.pdf").exists()


def test_a_missing_source_and_a_missing_target_folder_give_one_line(board_file, tmp_path):
    assert_one_line_failure(run_cli("export", str(tmp_path / "nope.json"), "--pdf",
                                    str(tmp_path / "out.pdf")))
    result = run_cli("export", str(board_file), "--pdf", str(tmp_path / "no" / "out.pdf"))
    assert_one_line_failure(result)
    assert "does not exist" in result.stderr


# --- issue 10: an export never lands on its source or on a session; it follows the umask ---


def _session_file(folder: Path) -> Path:
    board = load_deck().board()
    with SessionStore.create(folder, SessionInfo("Quelle", language="en"), board) as store:
        store.attach(board)
        board.move("terms", Zone.SALES)
        return store.path


@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink", "hardlink", "other_session",
                                      "wal_of_session"])
def test_an_export_never_overwrites_a_session(tmp_path, capsys, spelling):
    source = _session_file(tmp_path)
    other = _session_file(tmp_path) if spelling == "other_session" else None
    target = {"same": source, "dotted": tmp_path / "." / source.name,
              "symlink": tmp_path / "link.pdf", "hardlink": tmp_path / "hard.pdf", "other_session": other,
              "wal_of_session": Path(f"{source}-wal")}[spelling]
    if spelling == "symlink":
        target.symlink_to(source)
    elif spelling == "hardlink":
        target.hardlink_to(source)
    victim = other or source
    before = hashlib.sha256(victim.read_bytes()).hexdigest()
    code = main(["export", str(source), "--pdf", str(target)])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "session" in err, err
    assert hashlib.sha256(victim.read_bytes()).hexdigest() == before
    assert not Path(f"{source}-wal").exists() or spelling != "wal_of_session"


def test_a_board_file_is_never_exported_onto_itself(board_file, capsys):
    before = board_file.read_bytes()
    for target in (board_file, board_file.parent / "." / board_file.name):
        code = main(["export", str(board_file), "--pdf", str(target)])
        err = capsys.readouterr().err
        assert code == 2 and len(err.strip().splitlines()) == 1 and "source" in err, err
    assert board_file.read_bytes() == before


def test_the_pdf_follows_the_umask(board_file, tmp_path):
    out = tmp_path / "out.pdf"
    result = run_cli("export", str(board_file), "--pdf", str(out), preexec_fn=lambda: os.umask(0o022))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_mode & 0o777 == 0o644
    result = run_cli("export", str(board_file), "--pdf", str(tmp_path / "private.pdf"),
                     preexec_fn=lambda: os.umask(0o077))
    assert (tmp_path / "private.pdf").stat().st_mode & 0o777 == 0o600


def test_a_closed_pipe_gives_no_traceback(board_file):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for reader in ("true", "head -c 0"):  # the reader is gone before the app writes
        done = subprocess.run(f"{sys.executable} -m workshop_app diagnose {board_file} | {reader}",
                              shell=True, capture_output=True, text=True, cwd=PROJECT, env=env,
                              timeout=60)
        assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
