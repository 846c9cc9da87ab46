"""Where an export may be written (domain/write_target.py): the one-line refusals the CLI prints for a
session, a session's side files and the source itself, and the files that are fine."""

from __future__ import annotations

import os
import re
import sqlite3

import pytest

from workshop_app.domain.write_target import WriteTargetError, check_write_target, starts_with_sqlite_header


@pytest.fixture
def session(tmp_path):
    path = tmp_path / "workshop.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    return path


def test_a_session_is_refused_by_its_content_whatever_its_name(session, tmp_path):
    renamed = tmp_path / "looks-like.pdf"
    os.link(session, renamed)
    message = (f"{renamed} is a session file (SQLite); it is never overwritten by an export: "
               "choose another file name")
    with pytest.raises(WriteTargetError, match=f"^{re.escape(message)}$"):
        check_write_target(renamed)


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_a_side_file_of_a_session_is_refused_with_the_session_named(session, suffix):
    side = session.with_name(session.name + suffix)
    message = f"{side} belongs to the session workshop.sqlite; choose another file name"
    with pytest.raises(WriteTargetError, match=f"^{re.escape(message)}$"):
        check_write_target(side)
    with pytest.raises(WriteTargetError):
        check_write_target(str(side))


@pytest.mark.parametrize("name", ["notes-wal", "x-shm", "board.json-journal", "wal", "report.pdf"])
def test_a_name_with_a_side_suffix_but_no_session_beside_it_is_fine(tmp_path, session, name):
    check_write_target(tmp_path / name)
    (tmp_path / name).write_text("not a session")
    check_write_target(tmp_path / name)


def test_a_side_suffix_alone_does_not_make_the_session_in_the_same_folder_a_base(tmp_path, session):
    check_write_target(tmp_path / "other.sqlite-wal")


def test_the_source_itself_is_refused_however_it_is_spelled(tmp_path):
    source = tmp_path / "board.json"
    source.write_text("{}")
    spelled = tmp_path / "." / "board.json"
    message = f"{spelled} is the source being exported; choose another file name"
    with pytest.raises(WriteTargetError, match=f"^{re.escape(message)}$"):
        check_write_target(spelled, str(source))
    check_write_target(tmp_path / "copy.json", source)
    check_write_target(tmp_path / "missing.json", tmp_path / "also-missing.json")


def test_only_a_regular_file_beginning_with_the_header_is_a_session(tmp_path, session):
    assert starts_with_sqlite_header(session)
    assert not starts_with_sqlite_header(tmp_path)
    assert not starts_with_sqlite_header(tmp_path / "missing")
    short = tmp_path / "short"
    short.write_bytes(b"SQLite format 3")
    assert not starts_with_sqlite_header(short)


def test_a_fifo_nobody_writes_to_is_no_session_and_checking_it_does_not_block(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert not starts_with_sqlite_header(fifo)
    check_write_target(fifo)
    check_write_target(tmp_path / "pipe-wal")
