"""`workshop-app sessions`, `new`, `open` and `diagnose SESSION`: output, and one line for every fault."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from storage_helpers import as_unprivileged_user, folder_for_everyone, record_future_migration

from workshop_app.cli import main
from workshop_app.domain.model import Zone
from workshop_app.storage import SessionStore, read_session

FIXTURE_V1 = Path(__file__).parent / "fixtures" / "session_v1.sqlite"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code: int, err: str, *words: str) -> None:
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    for word in words:
        assert word in err


def test_new_prints_the_path_and_sessions_lists_it(tmp_path, capsys):
    code, out, err = cli(capsys, "--lang", "en", "new", "--title", "Vertrieb Süd", "--company", "Acme",
                         "--participant", "Jonas", "--participant", "Mira", "--sessions-dir", str(tmp_path))
    assert code == 0 and err == ""
    path = Path(out.strip())
    assert path.parent == tmp_path and path.exists()
    session = read_session(path)
    assert (session.info.title, session.info.company, session.info.participants) == (
        "Vertrieb Süd", "Acme", ["Jonas", "Mira"])
    assert len(session.board) == 22 and not list(session.board.placed())

    code, out, err = cli(capsys, "--lang", "en", "--sessions-dir", str(tmp_path), "sessions")
    assert code == 0
    assert f"Sessions in {tmp_path}: 1" in out
    assert "Vertrieb Süd (Acme)" in out and "0 of 22 cards placed" in out and str(path) in out


def test_new_with_a_board_file(tmp_path, capsys):
    board_file = tmp_path / "board.json"
    board_file.write_text(json.dumps({"cards": [
        {"id": "needs_analysis", "zone": "marketing"},
        {"id": "c1", "text": "Messestand planen", "function": "advertising", "zone": "shared"}]}))
    code, out, _ = cli(capsys, "new", "--title", "Mit Brett", "--board", str(board_file),
                       "--sessions-dir", str(tmp_path))
    assert code == 0
    board = read_session(Path(out.strip())).board
    assert board.zone_of("needs_analysis") is Zone.MARKETING
    assert board.zone_of("c1") is Zone.SHARED and board.card("c1").function == "advertising"

    board_file.write_text("{not json")
    code, _, err = cli(capsys, "new", "--title", "Kaputt", "--board", str(board_file),
                       "--sessions-dir", str(tmp_path))
    one_line_error(code, err, "board.json")
    assert len(list(tmp_path.glob("*.sqlite"))) == 1


def test_diagnose_reads_a_session_file(tmp_path, capsys):
    with SessionStore.create(tmp_path, read_session(FIXTURE_V1).info, read_session(FIXTURE_V1).board) as s:
        path = s.path
    code, out, _ = cli(capsys, "diagnose", "--json", str(path))
    assert code == 0
    result = json.loads(out)
    top = result["archetypes"][0]
    assert top["id"] == "kundenversteher" and top["resembles"]
    assert result["placed"] == 7


def test_missing_sessions_folder(tmp_path, capsys):
    for argv in (["sessions", "--sessions-dir", str(tmp_path / "gone")],
                 ["new", "--title", "X", "--sessions-dir", str(tmp_path / "gone")]):
        code, out, err = cli(capsys, "--lang", "en", *argv)
        one_line_error(code, err, "does not exist", "gone")
    assert not (tmp_path / "gone").exists()


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    good = SessionStore.create(tmp_path, read_session(FIXTURE_V1).info, read_session(FIXTURE_V1).board)
    good.close()
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database")
    truncated = tmp_path / "cut.sqlite"
    truncated.write_bytes(good.path.read_bytes()[:8192])
    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(good.path.read_bytes())
    record_future_migration(newer)
    return {"not_sqlite": (text, "not a session file"), "truncated": (truncated, "truncated"),
            "newer": (newer, "newer version")}


@pytest.mark.parametrize("command", ["open", "diagnose"])
def test_bad_session_files_give_one_line_and_stay_untouched(tmp_path, capsys, command):
    for path, words in _bad_files(tmp_path).values():
        before = digest(path)
        code, out, err = cli(capsys, "--lang", "en", command, str(path))
        if command == "diagnose" and words == "not a session file":
            words = "not valid JSON"  # not SQLite: read as a board file, which it is not either
        one_line_error(code, err, words, path.name)
        assert out == ""
        assert digest(path) == before


def test_listing_names_unreadable_files_without_failing(tmp_path, capsys):
    _bad_files(tmp_path)
    code, out, err = cli(capsys, "--lang", "en", "sessions", "--sessions-dir", str(tmp_path))
    assert code == 0 and err == ""
    assert "notes.sqlite: cannot be read" in out and "cut.sqlite: cannot be read" in out
    assert "Kundenversteher-Runde" in out


def _workshop_app(*argv: str, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    return subprocess.run([sys.executable, "-m", "workshop_app", *argv], capture_output=True, text=True,
                          env=env, cwd=Path(__file__).parents[1], timeout=60, **kwargs)


def test_a_session_open_in_another_instance_is_refused_on_the_command_line(tmp_path):
    with SessionStore.open(_copy_fixture(tmp_path)) as store:  # this test process holds it
        before = digest(store.path)
        done = _workshop_app("--lang", "en", "open", str(store.path))
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
        assert f"already open in another window of this app (process {os.getpid()})" in done.stderr
        assert digest(store.path) == before


def test_a_read_only_sessions_folder_on_the_command_line(capsys):
    # in-process, as `nobody` when root (the venv's interpreter under /root is out of nobody's reach)
    with folder_for_everyone() as folder:
        folder.chmod(0o555)
        with as_unprivileged_user():
            code, out, err = cli(capsys, "--lang", "en", "new", "--title", "X", "--sessions-dir",
                                 str(folder))
        one_line_error(code, err, "cannot be written", str(folder))
        assert out == "" and list(folder.iterdir()) == []


def _copy_fixture(tmp_path: Path) -> Path:
    path = tmp_path / "copy.sqlite"
    path.write_bytes(FIXTURE_V1.read_bytes())
    return path
