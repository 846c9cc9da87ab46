"""The diagnosis panel's pieces: its colours and fonts, the score bar, the clickable archetype row and
details frame, and the helpers that fill their labels (plain text only: card texts are user text)."""


from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.diagnosis import Archetype, ArchetypeResult
from workshop_app.domain.model import Board
from workshop_app.ui import diagnosis_words as words

PANEL_WIDTH = 420
MAX_LISTED_CARDS = 8  # longer lists end with "… and N more": the room reads the first few

INK = QColor("#111111")
MUTED = QColor("#3d4147")
ALERT = QColor("#b3261e")
ALERT_SOFT = QColor("#fdeceb")
LEANING = QColor("#a35200")  # "deutet sich an": amber, distinct from the red of "resembles"
LEANING_SOFT = QColor("#fff4e0")
CALM = QColor("#1f5f99")
SELECTED = QColor("#0050b3")
RULE = QColor("#ced4da")
TROUGH = QColor("#f1f3f5")
WHITE = QColor("#ffffff")
BAR_COLOURS = {"resembles": ALERT, "leaning": LEANING, "clear": CALM, "unknown": QColor("#adb5bd")}
TINTS = {"resembles": (ALERT_SOFT, ALERT), "leaning": (LEANING_SOFT, LEANING)}

# Fonts in pixels, for a projector: the smallest text is 17 px.
FONTS = {"name": (21, True, False), "body": (19, False, False), "strong": (19, True, False),
         "section": (17, True, False), "context": (17, False, False), "badge": (19, True, False),
         "clear": (18, False, False), "unknown": (18, False, True), "title": (18, True, False)}


def role_font(role: str) -> QFont:
    pixels, bold, italic = FONTS[role]
    font = QFont("DejaVu Sans")
    font.setPixelSize(pixels)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def set_colours(widget: QWidget, text: QColor, background: QColor | None = None) -> None:
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, text)
    if background is not None:
        palette.setColor(QPalette.ColorRole.Window, background)
    widget.setPalette(palette)


def plain_label(role: str = "body", wrap: bool = True) -> QLabel:
    """A label for text that may come from users: always plain text, never markup."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setFont(role_font(role))
    set_colours(label, MUTED if role in ("section", "context") else INK)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def set_text(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


class ScoreBar(QWidget):
    """A thick 0-100 % bar whose colour says the state. Painted directly: a change only schedules a
    repaint of the bar."""

    def __init__(self, height: int = 18) -> None:
        super().__init__()
        self._value = 0
        self._state = "unknown"
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def value(self) -> int:
        return self._value

    def set_percent(self, percent: int) -> None:
        percent = min(max(int(percent), 0), 100)
        if percent != self._value:
            self._value = percent
            self.update()

    def set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(200, self.height())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        outer = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.fillRect(outer, TROUGH)
        inner = outer.adjusted(2, 2, -2, -2)
        inner.setWidth(inner.width() * self._value / 100)
        painter.fillRect(inner, BAR_COLOURS[self._state])
        painter.setPen(QPen(INK, 2))
        painter.drawRect(outer)


class ClickableFrame(QWidget):
    """A framed box that reports a click (mouse, or Space/Enter when it has the focus) with an id.
    Flagged boxes get a tinted background and a thick red edge; the selected one a blue frame."""

    clicked = Signal(str)

    def __init__(self, archetype_id: str) -> None:
        super().__init__()
        self.archetype_id = archetype_id
        self.state = "unknown"
        self.selected = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.archetype_id)
            event.accept()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.clicked.emit(self.archetype_id)
            return
        super().keyPressEvent(event)

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def set_frame_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        background, stripe = TINTS.get(self.state, (WHITE, RULE))
        width = 4 if self.selected else 1
        box = QRectF(self.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        painter.setPen(QPen(SELECTED if self.selected else RULE, width))
        painter.setBrush(background)
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(stripe)
        painter.drawRoundedRect(QRectF(box.x(), box.y(), 8, box.height()), 4, 4)
        if self.hasFocus():
            painter.setPen(QPen(SELECTED, 2, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(4, 4, -4, -4), 4, 4)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.update()


class ArchetypeRow(ClickableFrame):
    """One archetype in the overview: name and score, the score bar, and the state."""

    def __init__(self, archetype: Archetype, language: str) -> None:
        super().__init__(archetype.id)
        self.archetype = archetype
        self.state = ""
        self.name_label = plain_label("name")
        self.percent_label = plain_label("name", wrap=False)
        self.percent_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.percent_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.percent_label.setMinimumWidth(66)
        self.state_label = plain_label("clear", wrap=False)
        self.state_label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.bar = ScoreBar()
        self.reasons_label = plain_label("context")
        self.deciding_label = plain_label("body")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 6, 10, 6)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.name_label, 1)
        top.addWidget(self.percent_label)
        layout.addLayout(top)
        layout.addWidget(self.bar)
        layout.addWidget(self.state_label)
        for label in (self.reasons_label, self.deciding_label):
            label.setVisible(False)
            layout.addWidget(label)
        self.percent_label.setText("0 %")
        self.set_language(language)

    def set_language(self, language: str) -> None:
        self.language = language
        self.name_label.setText(self.archetype.name(language))
        self.setToolTip(f"{self.archetype.context(language)}\n{self.archetype.summary(language)}")
        state, self.state = self.state, ""
        self.set_frame_state(state or "unknown")

    def show_result(self, result: ArchetypeResult, board: Board) -> None:
        self.set_frame_state(result_state(result))
        percent = round(result.score * 100)
        self.bar.set_percent(percent)
        set_text(self.percent_label, f"{percent} %" if result.score or result.judgeable else "–")
        show_text(self.reasons_label, words.reasons(result, board, self.language))
        show_text(self.deciding_label, words.deciding(result, board, self.language))

    def set_frame_state(self, state: str) -> None:
        if state == self.state:
            return
        badge = self.state_label
        badge.setText(words.state_word(state))
        tinted = state in TINTS
        badge.setFont(role_font("badge" if tinted else state))
        badge.setAutoFillBackground(tinted)
        set_colours(badge, WHITE if tinted else MUTED if state == "unknown" else INK,
                     TINTS[state][1] if tinted else WHITE)
        badge.setContentsMargins(*((10, 1, 10, 1) if tinted else (0, 1, 0, 1)))
        self.bar.set_state(state)
        super().set_frame_state(state)


class ArchetypeDetails(ClickableFrame):
    """What the board resembles, explained: the cards that drive it, the harm, the recommendation.
    Shown only while the archetype is flagged."""

    def __init__(self, archetype: Archetype, language: str) -> None:
        super().__init__(archetype.id)
        self.archetype = archetype
        self.state = "resembles"
        self.title_label = plain_label("name")
        self.context_label = plain_label("context")
        self.evidence_heading = plain_label("section")
        self.evidence_label = plain_label()
        self.harm_heading = plain_label("section")
        self.harm_label = plain_label()
        self.recommendation_heading = plain_label("section")
        self.recommendation_label = plain_label("strong")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 8, 10, 10)
        layout.setSpacing(3)
        for widget in (self.title_label, self.context_label, self.evidence_heading, self.evidence_label,
                       self.harm_heading, self.harm_label, self.recommendation_heading,
                       self.recommendation_label):
            layout.addWidget(widget)
        self.set_language(language)

    def set_language(self, language: str) -> None:
        self.language = language
        archetype = self.archetype
        self.title_label.setText(archetype.name(language))
        self.context_label.setText(archetype.context(language))
        self.harm_label.setText(archetype.harm(language))
        self.recommendation_label.setText(archetype.recommendation(language))
        self.evidence_heading.setText(self.tr("Cards that drive it"))
        self.harm_heading.setText(self.tr("What goes wrong"))
        self.recommendation_heading.setText(self.tr("What the article recommends"))

    def show_evidence(self, board: Board, evidence: Sequence[str]) -> None:
        set_text(self.evidence_label, words.card_run(board, tuple(evidence), self.language,
                                                     MAX_LISTED_CARDS))


def result_state(result: ArchetypeResult) -> str:
    """The panel's state: "resembles", "leaning", "clear" (does not resemble) or "unknown"."""
    states = {"resembles": "resembles", "leaning": "leaning", "does_not_resemble": "clear"}
    return states.get(result.state, "unknown")


def show_text(label: QLabel, text: str) -> None:
    """Set a label's text and show it only while it has one (changing nothing that stays equal)."""
    set_text(label, text)
    if label.isHidden() == bool(text):
        label.setVisible(bool(text))


def card_list(board: Board, card_ids: Sequence[str], language: str, zones: bool = False) -> str:
    """Card texts as a bulleted plain-text list, cut after MAX_LISTED_CARDS."""
    lines = []
    for card_id in card_ids[:MAX_LISTED_CARDS]:
        line = "• " + (words.card_with_zone(board, card_id, language) if zones
                       else words.short(board.card(card_id).text(language)))
        lines.append(line)
    rest = len(card_ids) - MAX_LISTED_CARDS
    if rest > 0:
        lines.append(QCoreApplication.translate("DiagnosisPanel", "… and %n more", "", rest))
    return "\n".join(lines)
