"""The PDF summary's page: size, margins, paragraph styles, the numbered canvas and the running head
and foot. Pure layout; what goes on the pages is `summary.py`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from workshop_app.domain.session import Session
from workshop_app.export.fonts import BOLD, REGULAR
from workshop_app.export.palette import ACCENT, INK, MUTED, RULE
from workshop_app.export.texts import Labels, plain

PAGE_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
FIRST_PAGE_HEADER_H = 250.0  # title block, key facts and the board heading on page 1
MIN_FIRST_PAGE_FONT = 7.0
TABLE_START_ROOM = 110.0


@dataclass(frozen=True)
class Styles:
    kicker: ParagraphStyle
    title: ParagraphStyle
    company: ParagraphStyle
    h2: ParagraphStyle
    h2_table: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    fact_label: ParagraphStyle
    fact_value: ParagraphStyle


@cache
def page_styles() -> Styles:
    """The summary's paragraph styles, made once per process (no one changes them)."""
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9.5, leading=12.5, textColor=INK)

    def derive(name: str, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    return Styles(
        kicker=derive("kicker", fontSize=8.5, leading=11, textColor=MUTED),
        title=derive("title", fontName=BOLD, fontSize=21, leading=25, textColor=ACCENT,
                     spaceBefore=2, spaceAfter=2),
        company=derive("company", fontSize=12, leading=15, textColor=INK, spaceAfter=8),
        h2=derive("h2", fontName=BOLD, fontSize=13.5, leading=17, textColor=ACCENT, spaceBefore=14,
                  spaceAfter=5, keepWithNext=1),
        h2_table=derive("h2_table", fontName=BOLD, fontSize=13.5, leading=17, textColor=ACCENT,
                        spaceBefore=14, spaceAfter=5),
        h3=derive("h3", fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=3,
                  keepWithNext=1),
        body=derive("body", spaceAfter=4),
        small=derive("small", fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=4),
        cell=derive("cell", fontSize=8.5, leading=10.8),
        cell_head=derive("cell_head", fontName=BOLD, fontSize=9, leading=11.5),
        fact_label=derive("fact_label", fontSize=7.5, leading=9.5, textColor=MUTED),
        fact_value=derive("fact_value", fontName=BOLD, fontSize=12, leading=15),
    )


def numbered_canvas(decorate: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas class that keeps every page until the end, so that each page can say "N of M"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                decorate(self, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def page_decorator(page_size: tuple[float, float], frame_width: float, session: Session, labels: Labels,
                   document_title: str) -> Callable[[Canvas, int, int], None]:
    """Draws the running head (producer, title, date) and foot (document title, page N of M)."""
    width, height = page_size
    title = plain(session.info.title)
    date = labels.date(session.info.date)
    room = frame_width - stringWidth(date, REGULAR, 8) - 20
    left_head = fit_text(f"{labels['producer']} · {title}", REGULAR, 8, room)

    def decorate(canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        top = height - MARGIN_TOP + 9 * mm
        canvas.setFont(REGULAR, 8)
        canvas.drawString(MARGIN_X, top, left_head)
        canvas.drawRightString(width - MARGIN_X, top, date)
        canvas.line(MARGIN_X, top - 4, width - MARGIN_X, top - 4)
        bottom = MARGIN_BOTTOM - 10 * mm
        canvas.line(MARGIN_X, bottom + 10, width - MARGIN_X, bottom + 10)
        canvas.drawString(MARGIN_X, bottom, document_title)
        canvas.drawRightString(width - MARGIN_X, bottom, labels.fmt("page_of", page=page,
                                                                    pages=total))
        canvas.restoreState()

    return decorate


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """`text`, or its longest beginning that fits `width` with an ellipsis after it. A string's width
    is the sum of its characters' widths, so one pass up to the cut does (linear in the text)."""
    if stringWidth(text, font, size) <= width:
        return text
    room, used = width - stringWidth("…", font, size), 0.0
    for index, char in enumerate(text):
        used += stringWidth(char, font, size)
        if used > room:
            return text[:index].rstrip() + "…"
    return text.rstrip() + "…"
