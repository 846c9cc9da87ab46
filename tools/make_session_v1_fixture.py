"""Write tests/fixtures/session_v1.sqlite: a session with schema version 1 (only `m001_initial`).

The fixture is committed; this script documents how it was made (run it only to re-create it):
    .venv/bin/python tools/make_session_v1_fixture.py
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from workshop_app.domain.deck import load_deck
from workshop_app.domain.model import Card, Zone
from workshop_app.domain.session import ActionItem, SessionInfo
from workshop_app.storage.store import SessionStore

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "session_v1.sqlite"


def main() -> None:
    board = load_deck().board()
    info = SessionInfo("Kundenversteher-Runde", company="Muster GmbH", facilitator="Anna Berg",
                       date="2025-03-14", language="de", participants=["Jonas", "Mira", "Ute"])
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore.create(Path(folder), info, board, stop_before="m002_dot_votes")
        store.attach(board)
        for card_id in ("needs_analysis", "product_proposal", "benefit_persuasion"):
            board.move(card_id, Zone.MARKETING)
        board.move("price_negotiation", Zone.SALES)
        board.move("terms", Zone.SALES)
        board.move("field_feedback", Zone.SHARED)
        board.add_card(Card("custom-fair", "Messestand planen", "Plan the trade fair stand", "advertising",
                            custom=True), Zone.SHARED, 0)
        store.set_note("terms", "Rabatte nur bis 5 %")
        store.set_action_items([ActionItem("Verkauf schulen", "Jonas", "Q2")])
        assert store.schema_version() == 1
        path = store.path
        store.close()
        FIXTURE.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, FIXTURE)
    print(FIXTURE)


if __name__ == "__main__":
    main()
