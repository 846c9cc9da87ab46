"""The Open list (storage/catalog.py): what a summary shows, how the search box matches it, newest
change first (a session's -wal counts), and a file that cannot be read listed with its reason."""

from __future__ import annotations

import os
from pathlib import Path

from workshop_app.domain.model import Zone
from workshop_app.domain.session import SessionInfo
from workshop_app.storage import SessionStore
from workshop_app.storage.catalog import (
    SessionSummary,
    _modified,
    list_sessions,
    newest_readable_session,
    session_files,
    summarize,
)


def make(folder: Path, deck, title: str, placed: int = 0) -> Path:
    board = deck.board()
    for card in deck.cards[:placed]:
        board.move(card.id, Zone.SALES)
    info = SessionInfo(title, company="Kö GmbH", date="2027-03-04")
    with SessionStore.create(folder, info, board) as store:
        return store.path


def test_a_summary_shows_title_company_date_and_the_placed_cards(tmp_path, deck):
    path = make(tmp_path, deck, "Nord", placed=3)
    summary = summarize(path)
    assert (summary.title, summary.company, summary.date, summary.placed, summary.cards, summary.error) == (
        "Nord", "Kö GmbH", "2027-03-04", 3, len(deck.cards), None)
    assert summary.modified == max(path.stat().st_mtime, Path(f"{path}-wal").stat().st_mtime
                                   if Path(f"{path}-wal").exists() else 0.0)


def test_the_search_matches_title_company_date_or_file_name_ignoring_case_and_spaces():
    summary = SessionSummary(Path("/s/2027-nord.sqlite"), "Nordrunde", "Kö GmbH", "2027-03-04")
    for text in ("", "  ", "NORD", "kö", " 03-04 ", "2027-nord.sql"):
        assert summary.matches(text), text
    for text in ("süd", "gmbh x", "sqlite3"):
        assert not summary.matches(text), text


def test_sessions_are_listed_newest_change_first_and_a_broken_file_with_its_reason(tmp_path, deck):
    old, new = make(tmp_path, deck, "Alt"), make(tmp_path, deck, "Neu")
    os.utime(old, (1_700_000_000, 1_700_000_000))
    os.utime(new, (1_700_000_100, 1_700_000_100))
    for path in (old, new):
        wal = Path(f"{path}-wal")
        if wal.exists():
            os.utime(wal, (1_600_000_000, 1_600_000_000))
    broken = tmp_path / "kaputt.sqlite"
    broken.write_bytes(b"no database")
    os.utime(broken, (1_650_000_000, 1_650_000_000))
    (tmp_path / "notes.txt").write_text("not a session")
    (tmp_path / "folder.sqlite").mkdir()
    listed = list_sessions(tmp_path)
    assert [s.path.name for s in listed] == [new.name, old.name, "kaputt.sqlite"]
    assert [s.modified for s in listed] == [1_700_000_100, 1_700_000_000, 1_650_000_000]
    assert listed[2].title == "kaputt" and "kaputt.sqlite" in listed[2].error
    assert session_files(tmp_path) == sorted([new, old, broken])


def test_a_wal_newer_than_its_session_dates_the_session(tmp_path, deck):
    path = make(tmp_path, deck, "Wal")
    wal = Path(f"{path}-wal")
    wal.write_bytes(wal.read_bytes() if wal.exists() else b"")
    os.utime(path, (1_700_000_000, 1_700_000_000))
    os.utime(wal, (1_800_000_000, 1_800_000_000))
    assert list_sessions(tmp_path)[0].modified == 1_800_000_000


def test_a_session_gone_before_its_time_is_read_counts_as_never_changed(tmp_path):
    assert _modified(tmp_path / "gone.sqlite") == 0.0


def test_start_up_reopens_the_newest_session_that_can_be_read(tmp_path, deck):
    assert newest_readable_session(tmp_path) is None  # an empty folder: the demo workshop instead
    old, new = make(tmp_path, deck, "Alt"), make(tmp_path, deck, "Neu")
    broken = tmp_path / "kaputt.sqlite"
    broken.write_bytes(b"no database")
    for path, stamp in ((old, 1_700_000_000), (new, 1_700_000_100), (broken, 1_700_000_200)):
        for candidate in (path, Path(f"{path}-wal")):
            if candidate.exists():
                os.utime(candidate, (stamp, stamp))
    assert newest_readable_session(tmp_path) == new  # the newer broken file is passed over
    os.utime(old, (1_700_000_300, 1_700_000_300))
    assert newest_readable_session(tmp_path) == old
    for path in (old, new):
        path.write_bytes(b"no database either")
    assert newest_readable_session(tmp_path) is None  # nothing readable: the demo workshop again
