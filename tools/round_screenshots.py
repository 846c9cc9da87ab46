"""Show the window in one state of a workshop with all three rounds, for screenshots under Xvfb.

    /work/shared/tools/screenshot.sh -s 1920x1080 -o docs/overlay.png -- \
        .venv/bin/python tools/round_screenshots.py overlay [de|en]

STATE: group_a, group_b (the perception round, each group's board), overlay, ist, soll. The session is
made in a temporary folder (removed at exit).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from workshop_app.domain.deck import load_deck
from workshop_app.domain.model import Zone
from workshop_app.domain.rounds import GROUP_A, GROUP_B, IST, SOLL, Rounds
from workshop_app.domain.session import ActionItem, Session, SessionInfo
from workshop_app.storage import SessionStore

M, S, V = Zone.MARKETING, Zone.SHARED, Zone.SALES
GROUP_A_BOARD = {"needs_analysis": V, "product_proposal": M, "benefit_persuasion": M,
                 "price_negotiation": V, "terms": V, "argument_lists": M, "advertising": M,
                 "public_relations": M, "graphic_design": M, "market_insight": M,
                 "direct_customer_contact": V, "field_feedback": S, "content_preparation": M}
GROUP_B_BOARD = {**GROUP_A_BOARD, "product_proposal": V, "argument_lists": S, "market_insight": V,
                 "field_feedback": V, "sales_enablement": M}
SOLL_MOVES = {"benefit_persuasion": V, "argument_lists": V, "benefit_presentation": M,
              "case_argumentation": V, "industry_positioning": M}


def workshop(language: str) -> Session:
    rounds = Rounds({IST: load_deck().board()})
    rounds.start_perception(("Marketing", "Verkauf" if language == "de" else "Sales"))
    for name, placement in ((GROUP_A, GROUP_A_BOARD), (GROUP_B, GROUP_B_BOARD)):
        for card_id, zone in placement.items():
            rounds.board(name).move(card_id, zone)
    rounds.start_ist_from("agreed")
    for card_id in ("product_proposal", "market_insight", "argument_lists"):
        rounds.board(IST).move(card_id, GROUP_A_BOARD[card_id])
    rounds.start_soll()
    for card_id, zone in SOLL_MOVES.items():
        rounds.board(SOLL).move(card_id, zone)
    info = SessionInfo("Grenzziehung Vertrieb Süd", "Muster AG", "Anna Beispiel", "2025-06-01",
                       language, ["Anna Beispiel", "Bernd Vertrieb", "Carla Marketing"])
    items = [ActionItem("Verkauf im Produktnutzen schulen", "Bernd Vertrieb", "2025-09-30")]
    return Session(info, rounds.board(), {}, items, rounds.active, rounds)


def main(state: str, language: str) -> int:
    from workshop_app.ui.app import build_window
    from workshop_app.ui.recent_sessions import KEY_LAST

    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="round-shots-"))
    session = workshop(language)
    with SessionStore.create(folder, session.info, session.board, content=session) as store:
        path = store.path
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(KEY_LAST, str(path))
    window = build_window(language, sessions_dir=folder, settings=settings)
    control = window.rounds
    actions = {"group_a": lambda: control.switch(GROUP_A), "group_b": lambda: control.switch(GROUP_B),
               "overlay": control.toggle_overlay, "ist": lambda: control.switch(IST),
               "soll": lambda: control.switch(SOLL)}
    window.showMaximized()
    QTimer.singleShot(300, actions[state])
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "de"))
