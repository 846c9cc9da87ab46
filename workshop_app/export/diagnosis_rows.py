"""The explanation of one archetype's score as rows for the PDF's diagnosis section: the cards
behind the score and against it (each with its zone) and the card that would decide it. The words
come from domain/explanation.py (resources/archetypes labels), escaped here for ReportLab."""

from __future__ import annotations

from reportlab.lib.colors import Color

from workshop_app.domain.diagnosis import LEANING, RESEMBLES, ArchetypeResult
from workshop_app.domain.explanation import explain
from workshop_app.domain.model import Board
from workshop_app.export.palette import FLAGGED, INK, LEANING_COLOUR
from workshop_app.export.texts import Labels, markup


def explanation_rows(result: ArchetypeResult, board: Board, labels: Labels) -> list[tuple[str, str]]:
    """(heading, markup) rows; a row without cards is left out."""
    explanation = explain(result, board, labels.language)
    rows = [(labels["evidence"], _bullets(explanation.evidence)),
            (labels["against"], _bullets(explanation.against) if result.score > 0 else ""),
            (labels["deciding"], markup(explanation.deciding))]
    return [(heading, value) for heading, value in rows if value]


def _bullets(texts: tuple[str, ...]) -> str:
    return "<br/>".join(f"•&nbsp;{markup(text)}" for text in texts)


def state_colour(result: ArchetypeResult) -> Color:
    return FLAGGED if result.state == RESEMBLES else LEANING_COLOUR if result.state == LEANING else INK


def explained(result: ArchetypeResult) -> bool:
    """Whether the PDF explains this archetype: it resembles, leans, scores above 0 or names a
    deciding card."""
    return result.resembles or result.state == LEANING or result.score > 0 or bool(result.deciding)
