"""A horizontal bar chart of the four archetype scores, with the verdict beside each bar."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from workshop_app.domain.diagnosis import Diagnosis
from workshop_app.export.fonts import BOLD, REGULAR
from workshop_app.export.palette import CALM, FLAGGED, GRID, INK, LEANING_COLOUR, MUTED, TRACK
from workshop_app.export.texts import Labels

ROW_H = 24.0
BAR_H = 12.0


def score_chart(diagnosis: Diagnosis, labels: Labels, width: float) -> Drawing:
    """One row per archetype (highest score first): name, a 0-100 % bar, the score and the verdict."""
    language = labels.language
    names = [result.archetype.name(language) for result in diagnosis.results]
    name_w = max((stringWidth(name, BOLD, 9.5) for name in names), default=0) + 10
    verdict_w = max(stringWidth(labels["not_enough_cards"], REGULAR, 8),
                    stringWidth(labels["resembles"], BOLD, 9),
                    stringWidth(labels["leaning"], BOLD, 9)) + 52
    bar_x = name_w
    bar_w = max(width - name_w - verdict_w, 80)
    axis_h = 12.0
    height = len(diagnosis.results) * ROW_H + axis_h
    drawing = Drawing(width, height)
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        tick_x = bar_x + tick * bar_w
        drawing.add(Line(tick_x, axis_h - 2, tick_x, height, strokeColor=GRID, strokeWidth=0.4,
                         strokeDashArray=(1, 2)))
        drawing.add(String(tick_x, 2, labels.percent(tick), fontName=REGULAR, fontSize=6.5,
                           fillColor=MUTED, textAnchor="middle"))
    for row, result in enumerate(diagnosis.results):
        y = height - (row + 1) * ROW_H
        bar_y = y + (ROW_H - BAR_H) / 2
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
