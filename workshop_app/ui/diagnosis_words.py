"""The diagnosis panel's explanation of one archetype in words, through Qt's translations: the cards
behind its score (with their zones), the cards against it, and the card that would decide it."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from workshop_app.domain.diagnosis import LEANING, RESEMBLES, ArchetypeResult, Move
from workshop_app.domain.model import Board, Zone
from workshop_app.ui.board_scene import zone_title

MAX_CARD_CHARS = 90
MAX_LISTED_CARDS = 3  # per run under an archetype; longer runs end with "… and N more"


def _fill(template: str, *values: str) -> str:
    """`template` with %1, %2 … replaced in one pass: a card text holding "%2" stays as it is."""
    return re.sub(r"%(\d)", lambda match: values[int(match.group(1)) - 1], template)


def short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_CARD_CHARS else flat[: MAX_CARD_CHARS - 1] + "…"


def _into(zone: Zone) -> str:
    if zone is Zone.MARKETING:
        return QCoreApplication.translate("DiagnosisWords", "into Marketing")
    if zone is Zone.SHARED:
        return QCoreApplication.translate("DiagnosisWords", "into the Interface")
    return QCoreApplication.translate("DiagnosisWords", "into Sales")


def _now(zone: Zone) -> str:
    if zone is Zone.MARKETING:
        return QCoreApplication.translate("DiagnosisWords", "now in Marketing")
    if zone is Zone.SHARED:
        return QCoreApplication.translate("DiagnosisWords", "now in the Interface")
    if zone is Zone.SALES:
        return QCoreApplication.translate("DiagnosisWords", "now in Sales")
    return QCoreApplication.translate("DiagnosisWords", "not placed yet")


def state_word(state: str) -> str:
    """An archetype's state ("resembles", "leaning", "clear", "unknown") in the words of the dock's
    archetype rows; the projector's reveal says the same."""
    texts = {"resembles": QCoreApplication.translate("ArchetypeRow", "RESEMBLES the board"),
             "leaning": QCoreApplication.translate("ArchetypeRow", "leaning"),
             "clear": QCoreApplication.translate("ArchetypeRow", "does not resemble the board"),
             "unknown": QCoreApplication.translate("ArchetypeRow", "not enough cards placed yet")}
    return texts[state]


def card_with_zone(board: Board, card_id: str, language: str) -> str:
    return f"{short(board.card(card_id).text(language))} ({zone_title(board.zone_of(card_id))})"


def card_run(board: Board, card_ids: tuple[str, ...], language: str,
             limit: int = MAX_LISTED_CARDS) -> str:
    """"A (Marketing), B (Schnittstelle) … and N more": a compact run that takes few lines, so the
    panel keeps its height (and the layout stays cheap) however many cards there are."""
    text = ", ".join(card_with_zone(board, card_id, language) for card_id in card_ids[:limit])
    rest = len(card_ids) - limit
    if rest > 0:
        text += " " + QCoreApplication.translate("DiagnosisPanel", "… and %n more", "", rest)
    return text


def reasons(result: ArchetypeResult, board: Board, language: str) -> str:
    """What stands behind a score above 0 of an archetype the board does not (yet) resemble: the
    cards for it and against it (for a leaning one first what the article's example is). Empty for a
    score of 0 (the state says enough) and for an archetype it resembles (its details list them)."""
    if result.score <= 0 or result.resembles:
        return ""
    lines = []
    if result.state == LEANING:  # what the article's example is, so the room sees where it leads
        lines.append(_fill(QCoreApplication.translate("DiagnosisWords", "In the article: %1"),
                           result.archetype.summary(language)))
    lines.append(_fill(QCoreApplication.translate("DiagnosisWords", "For it: %1"),
                       card_run(board, result.evidence, language)))
    if result.against:
        lines.append(_fill(QCoreApplication.translate("DiagnosisWords", "Against it: %1"),
                           card_run(board, result.against, language)))
    return "\n".join(lines)


def deciding(result: ArchetypeResult, board: Board, language: str) -> str:
    """The sentence naming the card, placed where, that would decide the verdict; "" if none."""
    if not result.deciding:
        return ""
    joint = QCoreApplication.translate("DiagnosisWords", " and ")
    moves = joint.join(_move(move, board, language) for move in result.deciding)
    if result.state == RESEMBLES:
        sentence = QCoreApplication.translate(
            "DiagnosisWords", "A close call: %1 – then the board no longer resembles this example.")
    elif result.state == LEANING and len(result.deciding) > 1:
        sentence = QCoreApplication.translate(
            "DiagnosisWords", "Still open: %1 – then the board resembles this example.")
    else:
        sentence = QCoreApplication.translate(
            "DiagnosisWords", "Deciding: %1 – then the board resembles this example.")
    return _fill(sentence, moves)


def _move(move: Move, board: Board, language: str) -> str:
    joint = QCoreApplication.translate("DiagnosisWords", " or ")
    targets = joint.join(_into(zone) for zone in move.zones)
    text = short(board.card(move.card_id).text(language))
    template = QCoreApplication.translate("DiagnosisWords", "“%1” (%2) %3")
    return _fill(template, text, _now(board.zone_of(move.card_id)), targets)
