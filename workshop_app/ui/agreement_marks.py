"""What the agreement shows on the cards, large enough to read from the back of the room.

A `CardMarks` item is a child of a card's item (so it moves with the card) and straddles the card's
edges: at the top left a tab "?" (contested, not resolved; the card also gets a dashed red frame) or
"✓" (resolved); at the top right the handoff's lead as an arrow tab in the lead's colour ("M ➜":
Marketing leads and hands over to Verkauf; "⬅ V": the other way); centred on the bottom edge the
room's dots per zone as chips in the zone's colour. The three places never meet the marks of the
card above or below.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QWidget

from workshop_app.domain.agreement import Contest, Handoff
from workshop_app.domain.model import PLACED_ZONES, Zone
from workshop_app.ui import layout as geo
from workshop_app.ui.board_scene import ZONE_COLOURS
from workshop_app.ui.card_item import INK, CardItem

CONTESTED = QColor("#c92a2a")
RESOLVED = QColor("#2b8a3e")
LEAD_COLOURS = {Zone.MARKETING: QColor("#1c5fb8"), Zone.SALES: QColor("#1f7a3a")}
TAB_H = 30.0
CHIP_W, CHIP_H, CHIP_GAP = 40.0, 28.0, 4.0
CONTEST_TAB = QRectF(6, -TAB_H / 2, 44, TAB_H)
LEAD_TAB = QRectF(geo.CARD_W - 56, -TAB_H / 2, 52, TAB_H)


translate = QCoreApplication.translate


class CardMarks(QGraphicsItem):
    """The agreement's marks on one card."""

    def __init__(self, card: CardItem) -> None:
        super().__init__(card)
        self.contest: Contest | None = None
        self.handoff: Handoff | None = None
        self._font = QFont("DejaVu Sans")
        self._font.setPixelSize(20)
        self._font.setBold(True)
        self.setZValue(2)

    def show(self, contest: Contest | None, handoff: Handoff | None) -> None:  # noqa: A003
        if (contest, handoff) != (self.contest, self.handoff):
            self.prepareGeometryChange()
            self.contest, self.handoff = contest, handoff
            self.setToolTip(self._tool_tip())
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        return QRectF(-4, -TAB_H / 2 - 4, geo.CARD_W + 8, geo.CARD_H + TAB_H + 8)

    def paint(self, painter: QPainter, option, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._font)
        if self.contest is not None:
            self._paint_contest(painter, self.contest)
        if self.handoff is not None:
            self._paint_lead(painter, self.handoff)

    def _paint_contest(self, painter: QPainter, contest: Contest) -> None:
        colour = RESOLVED if contest.resolved else CONTESTED
        if not contest.resolved:
            painter.setPen(QPen(CONTESTED, 5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(0, 0, geo.CARD_W, geo.CARD_H), 10, 10)
        self._tab(painter, CONTEST_TAB, colour, "✓" if contest.resolved else "?")
        if contest.votes.total:
            x = (geo.CARD_W - 3 * CHIP_W - 2 * CHIP_GAP) / 2
            for zone in PLACED_ZONES:
                chip = QRectF(x, geo.CARD_H - CHIP_H / 2, CHIP_W, CHIP_H)
                painter.setPen(QPen(INK, 2))
                painter.setBrush(ZONE_COLOURS[zone])
                painter.drawRoundedRect(chip, 6, 6)
                painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), str(contest.votes.count(zone)))
                x += CHIP_W + CHIP_GAP

    def _paint_lead(self, painter: QPainter, handoff: Handoff) -> None:
        if handoff.lead is Zone.MARKETING:
            text = translate("AgreementMarks", "M ➜")
        else:
            text = translate("AgreementMarks", "⬅ S")
        self._tab(painter, LEAD_TAB, LEAD_COLOURS[handoff.lead], text)

    @staticmethod
    def _tab(painter: QPainter, rect: QRectF, colour: QColor, text: str) -> None:
        painter.setPen(QPen(QColor("#ffffff"), 2))
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)

    def _tool_tip(self) -> str:
        lines = []
        if self.contest is not None:
            votes = self.contest.votes
            if self.contest.resolved:
                lines.append(translate("AgreementMarks", "Resolved"))
            else:
                lines.append(translate("AgreementMarks", "Contested"))
            dots = translate("AgreementMarks", "Dots: Marketing {m}, Interface {s}, Sales {v}")
            lines.append(dots.format(m=votes.marketing, s=votes.shared, v=votes.sales))
        if self.handoff is not None:
            if self.handoff.lead is Zone.MARKETING:
                lead = translate("AgreementMarks", "Marketing leads")
            else:
                lead = translate("AgreementMarks", "Sales leads")
            lines.append(f"{lead}: {self.handoff.what}")
        return QtGui.Qt.convertFromPlainText("\n".join(lines)) if lines else ""


class AgreementMarks:
    """Keeps one `CardMarks` per card of a scene in step with an agreement."""

    def __init__(self) -> None:
        self._marks: dict[str, tuple[CardItem, CardMarks]] = {}  # card id -> (its item, its marks)

    def show(self, items: dict[str, CardItem], contests: dict[str, Contest],  # noqa: A003
             handoffs: dict[str, Handoff]) -> None:
        """Mark the cards of `items` (a scene's card items) with their contest and handoff."""
        for card_id, (item, _marks) in list(self._marks.items()):
            if items.get(card_id) is not item:  # the item is gone (another board, a removed card):
                del self._marks[card_id]  # Qt deleted its marks with it; never touch them again
        for card_id, item in items.items():
            contest, handoff = contests.get(card_id), handoffs.get(card_id)
            entry = self._marks.get(card_id)
            if entry is None:
                if contest is None and handoff is None:
                    continue
                entry = self._marks[card_id] = (item, CardMarks(item))
            entry[1].show(contest, handoff)

    def of(self, card_id: str) -> CardMarks | None:
        entry = self._marks.get(card_id)
        return entry[1] if entry else None
