"""What the room sees: the board (a second view of the same scene), the workshop's title, the active
round and the phase timer; once the facilitator reveals it, the diagnosis in large type beside the board.

`ProjectorPanel` holds no menus or tool bars and changes nothing by itself: card drags on its view are
move requests the presenter turns into undo commands, as the main window does for its own view. The
same panel, offscreen, makes the board images (`ui/board_image.py`).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from workshop_app.domain.diagnosis import ArchetypeResult, Diagnosis
from workshop_app.domain.rounds import Rounds
from workshop_app.domain.timer import Tone
from workshop_app.ui import diagnosis_words, round_control
from workshop_app.ui.board_scene import BoardScene
from workshop_app.ui.board_view import BoardView
from workshop_app.ui.diagnosis_widgets import BAR_COLOURS, MUTED, TINTS, WHITE, result_state

TITLE_PX = 30
ROUND_PX = 30
ROUND_STYLE = ("QLabel { background: rgb(31, 58, 95); color: white; border-radius: 10px; "
               "padding: 2px 18px; }")
TIMER_PX = 46
REVEAL_NAME_PX = 24
REVEAL_TEXT_PX = 21
REVEAL_WIDTH_SHARE = 0.36  # of the window's width, while the diagnosis is revealed
INK = QColor("#111111")
TONE_COLOURS = {  # text, background
    Tone.NORMAL: (QColor("#111111"), QColor("#ffffff")),
    Tone.LAST_MINUTE: (QColor("#111111"), QColor("#ffbf00")),
    Tone.EXPIRED: (QColor("#ffffff"), QColor("#c92a2a")),
}


def round_title(rounds: Rounds | None, name: str | None = None, *, overlay: bool = False) -> str:
    """Round `name` (default: the active one) as the room reads it, in the round banner's words
    (with `overlay`: the perception overlay)."""
    if rounds is None:
        return ""
    return round_control.round_title(rounds, name or rounds.active, overlay=overlay)


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _label(pixels: int, bold: bool = False, wrap: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # user text is never markup
    label.setFont(_font(pixels, bold))
    label.setWordWrap(wrap)
    return label


def _paint_background(widget: QWidget, colour: QColor, ink: QColor = INK) -> None:
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, colour)
    palette.setColor(QPalette.ColorRole.WindowText, ink)
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


class TimerLabel(QLabel):
    """The phase timer in large digits; amber in its last minute, red at zero."""

    def __init__(self, pixels: int = TIMER_PX) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setFont(_font(pixels, bold=True))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setContentsMargins(14, 0, 14, 0)
        self.tone = Tone.NORMAL
        self.show_time("", Tone.NORMAL)

    def show_time(self, text: str, tone: Tone) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        if tone is self.tone and self.autoFillBackground():
            return
        self.tone = tone
        ink, background = TONE_COLOURS[tone]
        _paint_background(self, background, ink)


class ScoreBars(QWidget):
    """The archetypes' scores as large bars, one per line, each with its state in the dock's words and
    colours: resembles (red), leaning (amber), does not resemble, not enough cards placed yet."""

    ROW_H = 92

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language
        self.results: tuple[ArchetypeResult, ...] = ()
        self._name_font = _font(REVEAL_NAME_PX, bold=True)
        self._state_font = _font(REVEAL_TEXT_PX - 1, bold=True)

    def show_results(self, results: tuple[ArchetypeResult, ...]) -> None:
        self.results = results
        self.updateGeometry()
        self.update()

    @staticmethod
    def look(result: ArchetypeResult) -> tuple[str, QColor]:
        """The state word under a bar and the bar's colour, as the dock shows the archetype."""
        state = result_state(result)
        return diagnosis_words.state_word(state), BAR_COLOURS[state]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(400, self.ROW_H * max(1, len(self.results)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.sizeHint()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for row, result in enumerate(self.results):
            self._paint_row(painter, row * self.ROW_H, result)
        painter.end()

    def _paint_row(self, painter: QPainter, top: int, result: ArchetypeResult) -> None:
        width = self.width()
        word, colour = self.look(result)
        percent = f"{round(result.score * 100)} %" if result.score or result.judgeable else "–"
        painter.setFont(self._name_font)
        painter.setPen(INK)
        text_rect = QRectF(0, top, width, 30)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft), result.archetype.name(
            self.language))
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignRight), percent)
        frame = QRectF(1, top + 34, width - 2, 20)
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(frame)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(QRectF(frame.x(), frame.y(), frame.width() * result.score, frame.height()))
        self._paint_state(painter, QRectF(0, top + 58, width, 28), result_state(result), word)

    def _paint_state(self, painter: QPainter, rect: QRectF, state: str, word: str) -> None:
        painter.setFont(self._state_font)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if state in TINTS:  # a badge, as in the dock: white on red or amber
            badge_w = min(rect.width(), QFontMetrics(self._state_font).horizontalAdvance(word) + 20)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TINTS[state][1])
            painter.drawRoundedRect(QRectF(0, rect.y(), badge_w, rect.height()), 4, 4)
            painter.setPen(WHITE)
            painter.drawText(rect.adjusted(10, 0, -10, 0), flags, word)
            return
        painter.setPen(MUTED if state == "unknown" else INK)
        painter.drawText(rect, flags, word)


class RevealPanel(QWidget):
    """The diagnosis for the room: the bars, and for each archetype the board resembles its harm and
    the article's recommendation."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language
        _paint_background(self, QColor("#f3f5f8"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 16, 22, 16)
        layout.setSpacing(10)
        self.heading = _label(REVEAL_NAME_PX + 4, bold=True, wrap=True)
        self.bars = ScoreBars(language)
        self.details = _label(REVEAL_TEXT_PX, wrap=True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for widget in (self.heading, self.bars, self.details):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_diagnosis(self, diagnosis: Diagnosis) -> None:
        self.heading.setText(self.tr("Which split does the board resemble?"))
        self.bars.show_results(diagnosis.results)
        lines: list[str] = []
        for result in diagnosis.flagged():
            archetype = result.archetype
            lines += [archetype.name(self.language).upper(),
                      self.tr("Harm: {text}").format(text=archetype.harm(self.language)),
                      self.tr("Recommendation: {text}").format(
                          text=archetype.recommendation(self.language)), ""]
        if not lines:
            lines = [self._verdict(diagnosis)]
        self.details.setText("\n".join(lines).strip())

    def _verdict(self, diagnosis: Diagnosis) -> str:
        """What the room reads when the board resembles no archetype: as the dock's states say."""
        states = {result_state(result) for result in diagnosis.results}
        if states <= {"unknown"}:
            return self.tr("Not enough cards placed yet.")
        if states == {"clear"}:
            return self.tr("The board resembles none of the four splits.")
        return self.tr("The board resembles none of the four splits yet: not every split can be "
                       "judged or one is only leaning (see the bars).")


class ProjectorPanel(QWidget):
    """Title, round and timer above the board; the revealed diagnosis at the right."""

    def __init__(self, scene: BoardScene, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _paint_background(self, QColor("#ffffff"))
        self.view = BoardView(scene, self)
        self.title_label = _label(TITLE_PX, bold=True)
        self.round_label = _label(ROUND_PX, bold=True)
        self.round_label.setStyleSheet(ROUND_STYLE)  # as the round banner of the facilitator's board
        self.timer_label = TimerLabel()
        self.reveal_panel = RevealPanel(language)
        self.reveal_panel.hide()
        header = QHBoxLayout()
        header.setContentsMargins(16, 6, 16, 4)
        header.setSpacing(24)
        header.addWidget(self.title_label)
        header.addWidget(self.round_label)
        header.addStretch(1)
        header.addWidget(self.timer_label)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.view, 1)
        body.addWidget(self.reveal_panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addLayout(body, 1)

    def show_header(self, title: str, round_text: str) -> None:
        self.title_label.setText(" ".join(title.split())[:120])
        self.round_label.setText(round_text)

    def set_revealed(self, revealed: bool) -> None:
        self.reveal_panel.setFixedWidth(int(self.width() * REVEAL_WIDTH_SHARE))
        self.reveal_panel.setVisible(revealed)

    @property
    def revealed(self) -> bool:
        return not self.reveal_panel.isHidden()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.reveal_panel.setFixedWidth(int(self.width() * REVEAL_WIDTH_SHARE))
