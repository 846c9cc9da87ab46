"""A horizontal bar chart of the four archetype scores, with the verdict beside each bar; with an
earlier diagnosis (Ist) beside the agreed one (Soll), two bars per archetype: Ist thin and grey above,
Soll below."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from workshop_app.domain.diagnosis import ArchetypeResult, Diagnosis
from workshop_app.export.fonts import BOLD, REGULAR
from workshop_app.export.palette import (
    CALM,
    FLAGGED,
    FLAGGED_LIGHT,
    GRID,
    INK,
    LEANING_COLOUR,
    MUTED,
    TRACK,
)
from workshop_app.export.texts import Labels

ROW_H = 24.0
BAR_H = 12.0
BEFORE_H = 7.0
BEFORE_ROW_H = 34.0


def score_chart(diagnosis: Diagnosis, labels: Labels, width: float,
                before: Diagnosis | None = None) -> Drawing:
    """One row per archetype (highest score first): name, a 0-100 % bar, the score and the verdict;
    with `before`, that diagnosis's score as a thin grey bar above each row's bar."""
    language = labels.language
    names = [result.archetype.name(language) for result in diagnosis.results]
    name_w = max((stringWidth(name, BOLD, 9.5) for name in names), default=0) + 10
    verdict_w = max(stringWidth(labels["not_enough_cards"], REGULAR, 8),
                    stringWidth(labels["resembles"], BOLD, 9),
                    stringWidth(labels["leaning"], BOLD, 9)) + 52
    bar_x = name_w
    bar_w = max(width - name_w - verdict_w, 80)
    axis_h = 12.0
    row_h = ROW_H if before is None else BEFORE_ROW_H
    height = len(diagnosis.results) * row_h + axis_h
    drawing = Drawing(width, height)
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        tick_x = bar_x + tick * bar_w
        drawing.add(Line(tick_x, axis_h - 2, tick_x, height, strokeColor=GRID, strokeWidth=0.4,
                         strokeDashArray=(1, 2)))
        drawing.add(String(tick_x, 2, labels.percent(tick), fontName=REGULAR, fontSize=6.5,
                           fillColor=MUTED, textAnchor="middle"))
    for row, result in enumerate(diagnosis.results):
        y = height - (row + 1) * row_h
        bar_y = y + (ROW_H - BAR_H) / 2
        if before is not None:
            _before_bar(drawing, before.result(result.archetype.id), labels, bar_x, bar_w,
                        bar_y + BAR_H + 2)
        drawing.add(String(0, bar_y + 2.5, names[row], fontName=BOLD, fontSize=9.5, fillColor=INK))
        drawing.add(Rect(bar_x, bar_y, bar_w, BAR_H, fillColor=TRACK, strokeColor=None))
        leaning = result.state == "leaning"
        colour = (FLAGGED if result.resembles else LEANING_COLOUR if leaning
                  else CALM if result.judgeable else GRID)
        if result.score > 0:
            drawing.add(Rect(bar_x, bar_y, bar_w * min(result.score, 1.0), BAR_H, fillColor=colour,
                             strokeColor=None))
        text_x = bar_x + bar_w + 6
        drawing.add(String(text_x, bar_y + 2.5, labels.percent(result.score), fontName=BOLD,
                           fontSize=9.5, fillColor=INK))
        verdict_x = text_x + 42
        if result.resembles:
            drawing.add(String(verdict_x, bar_y + 2.5, labels["resembles"], fontName=BOLD,
                               fontSize=9, fillColor=FLAGGED))
        elif leaning:
            drawing.add(String(verdict_x, bar_y + 2.5, labels["leaning"], fontName=BOLD,
                               fontSize=9, fillColor=LEANING_COLOUR))
        elif not result.judgeable:
            drawing.add(String(verdict_x, bar_y + 2.5, labels["not_enough_cards"], fontName=REGULAR,
                               fontSize=8, fillColor=MUTED))
    return drawing


def _before_bar(drawing: Drawing, result: ArchetypeResult, labels: Labels, x: float, width: float,
                y: float) -> None:
    """The earlier (Ist) score: thin, grey, light orange when the Ist board resembled it."""
    score = result.score
    drawing.add(Rect(x, y, width, BEFORE_H, fillColor=TRACK, strokeColor=None))
    if score > 0:
        colour = FLAGGED_LIGHT if result.resembles else GRID
        drawing.add(Rect(x, y, width * min(score, 1.0), BEFORE_H, fillColor=colour, strokeColor=None))
    drawing.add(String(x + width + 6, y + 0.5, f"{labels['ist_short']} {labels.percent(score)}",
                       fontName=REGULAR, fontSize=7, fillColor=MUTED))
