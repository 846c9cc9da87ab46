"""Autosave writes only what changed: a move rewrites the moved card's placement row and no other,
and the file still holds the board after any sequence of moves, adds and removes (gapped sort keys,
storage/positions.py), also in files written with keys 0, 1, 2, ... before."""

from __future__ import annotations

import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop_app.domain.deck import load_deck
from workshop_app.domain.model import ALL_ZONES, Card, Zone
from workshop_app.domain.session import SessionInfo
from workshop_app.storage import SessionStore, read_session
from workshop_app.storage.positions import GAP, ZoneKeys


def placements(path) -> dict[str, tuple[str, int]]:
    conn = sqlite3.connect(path)
    try:
        return {card_id: (zone, key) for card_id, zone, key in
                conn.execute("SELECT card_id, zone, position FROM placements WHERE round = 'as_is'")}
    finally:
        conn.close()


def spread_board():
    board = load_deck().board()
    for index, card in enumerate(board.cards()):
        board.move(card.id, ALL_ZONES[index % len(ALL_ZONES)])
    return board


def test_a_move_rewrites_only_the_moved_cards_row(tmp_path):
    board = spread_board()
    with SessionStore.create(tmp_path, SessionInfo("Rows"), board) as store:
        store.attach(board)
        card_id = board.ids_in(Zone.MARKETING)[0]
        board.move(board.ids_in(Zone.SALES)[1], Zone.MARKETING, 2)  # mirror read on the first commit
        before = placements(store.path)
        board.move(card_id, Zone.SALES, 1)  # into the middle of a zone: later cards shift in the board
        after = placements(store.path)
        assert {card for card in after if after[card] != before[card]} == {card_id}
        assert read_session(store.path).board.snapshot() == board.snapshot()


def test_moves_into_one_gap_until_it_is_used_up_renumber_the_zone_and_lose_nothing(tmp_path, monkeypatch):
    renumbered = []
    original = ZoneKeys.renumber
    monkeypatch.setattr(ZoneKeys, "renumber", lambda self, zone, ids: renumbered.append(zone) or
                        original(self, zone, ids))
    board = spread_board()
    with SessionStore.create(tmp_path, SessionInfo("Gap"), board) as store:
        store.attach(board)
        for _ in range(GAP.bit_length() + 5):  # each halves the gap after the sales zone's 1st card
            board.move(board.ids_in(Zone.SALES)[-1], Zone.SALES, 1)
            assert read_session(store.path).board.snapshot() == board.snapshot()
        keys = [key for _, (zone, key) in sorted(placements(store.path).items()) if zone == "sales"]
        assert len(set(keys)) == len(keys)  # no two cards share a key
    assert renumbered == [Zone.SALES]  # once, when the gap was used up


def test_a_file_with_keys_0_1_2_reads_and_autosaves_as_before(tmp_path):
    board = spread_board()
    with SessionStore.create(tmp_path, SessionInfo("Old keys"), board) as store:
        path = store.path
    conn = sqlite3.connect(path)  # what earlier versions wrote: the index in the zone as the key
    for zone in ALL_ZONES:
        conn.executemany("UPDATE placements SET position = ? WHERE card_id = ?",
                         [(index, card_id) for index, card_id in enumerate(board.ids_in(zone))])
    conn.commit()
    conn.close()
    with SessionStore.open(path) as store:
        loaded = store.load().board
        assert loaded.snapshot() == board.snapshot()
        store.attach(loaded)
        for index in range(6):
            loaded.move(loaded.ids_in(Zone.SHARED)[0], Zone.MARKETING, index % 3)
            assert read_session(path).board.snapshot() == loaded.snapshot()


OPERATIONS = st.lists(st.tuples(st.sampled_from(["move", "add", "remove"]), st.integers(0, 10_000),
                                st.sampled_from(ALL_ZONES), st.integers(0, 10_000)), max_size=40)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS, batch=st.integers(1, 4))
def test_the_file_holds_the_board_after_any_changes_committed_in_any_batches(tmp_path_factory, operations,
                                                                            batch):
    folder = tmp_path_factory.mktemp("batches")
    board = spread_board()
    with SessionStore.create(folder, SessionInfo("Batches"), board) as store:
        store.attach(board, commit_each=False)
        pending, added = [], 0
        for kind, pick, zone, index in operations:
            ids = [card.id for card in board.cards()]
            if kind == "add":
                added += 1
                card = Card(f"custom-{added}", f"Karte {added}", f"Card {added}", custom=True)
                pending.append(board.add_card(card, zone, index % (len(board.ids_in(zone)) + 1)))
            elif kind == "remove" and any(board.card(i).custom for i in ids):
                customs = [i for i in ids if board.card(i).custom]
                pending.append(board.remove_card(customs[pick % len(customs)]))
            else:
                card_id = ids[pick % len(ids)]
                size = len([i for i in board.ids_in(zone) if i != card_id])
                pending.append(board.move(card_id, zone, index % (size + 1)))
            if len(pending) >= batch:
                store.commit(pending, "do")
                pending = []
        store.commit(pending, "do")
        assert read_session(store.path).board.snapshot() == board.snapshot()
