"""The board image shows the agreement's marks as the projector does: contested tab, dot chips,
handoff tab."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from workshop_app.domain.agreement import Handoff
from workshop_app.domain.deck import load_deck
from workshop_app.domain.model import Zone
from workshop_app.domain.session import Session, SessionInfo
from workshop_app.ui.agreement_marks import CONTESTED, LEAD_COLOURS
from workshop_app.ui.board_image import board_png


def count(image: QImage, colour: QColor) -> int:
    rgb = colour.rgb()
    return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if image.pixel(x, y) == rgb)


def image_of(session: Session) -> QImage:
    assert session.rounds is not None
    return QImage.fromData(board_png(session, session.rounds.active, "de", (1280, 720)))


def test_the_board_image_shows_contested_cards_dots_and_handoffs(qtbot):
    board = load_deck().board()
    board.move("advertising", Zone.SALES)
    board.move("terms", Zone.SHARED)
    session = Session(SessionInfo(title="Vertrieb Süd", language="de"), board)
    plain = image_of(session)
    assert count(plain, CONTESTED) == 0 and count(plain, LEAD_COLOURS[Zone.MARKETING]) == 0
    session.agreement.mark_contested("advertising")
    session.agreement.add_dots("advertising", Zone.MARKETING, 2)
    session.agreement.set_handoff("terms", Handoff(lead=Zone.MARKETING, what="Preisrahmen"))
    marked = image_of(session)
    assert count(marked, CONTESTED) > 50  # the "?" tab and the dashed red frame
    assert count(marked, LEAD_COLOURS[Zone.MARKETING]) > 50  # the "M ➜" tab
