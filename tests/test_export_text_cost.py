"""The PDF's cost grows linearly with the length of a text: the page header's title is cut in one pass
(it was cut one character at a time, re-measuring the whole rest each time: quadratic, minutes for a
20,000-character title). Counted in text measurements, not timed."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from workshop_app.export import page_template
from workshop_app.export.fonts import REGULAR, register_fonts


def measured_characters(monkeypatch) -> list[int]:
    counted: list[int] = []

    def counting(text: str, font: str, size: float) -> float:
        counted.append(len(text))
        return stringWidth(text, font, size)

    monkeypatch.setattr(page_template, "stringWidth", counting)
    return counted


def test_a_long_title_is_cut_to_the_longest_beginning_that_fits_with_its_ellipsis(monkeypatch):
    register_fonts()
    title = "Vertriebsrunde Süd und Nord " * 700  # 19,600 characters
    counted = measured_characters(monkeypatch)
    cut = page_template.fit_text(title, REGULAR, 8, 300)
    assert cut.endswith("…") and title.startswith(cut[:-1])
    assert stringWidth(cut, REGULAR, 8) <= 300
    assert stringWidth(title[:len(cut)] + "…", REGULAR, 8) > 300  # one character more would not fit
    assert sum(counted) <= 2 * len(title)  # the whole title once, then only up to the cut


def test_a_title_that_fits_is_kept_whole(monkeypatch):
    register_fonts()
    assert page_template.fit_text("Vertriebsrunde Süd", REGULAR, 8, 300) == "Vertriebsrunde Süd"


def test_the_board_drawing_wraps_each_card_text_once_per_size_and_width(monkeypatch):
    """One font-size search: the summary asks for the board's font size twice (first page, then a page
    of its own) and draws it after; no text is wrapped twice for the same size and width."""
    from collections import Counter

    from workshop_app.domain.deck import reference_board
    from workshop_app.domain.model import PLACED_ZONES, Card
    from workshop_app.domain.session import Session, SessionInfo
    from workshop_app.export import board_drawing, summary_pdf

    board = reference_board()
    for number in range(300):  # too full for the first page: the search runs for two heights
        text = f"Aufgabe {number}: Kundenveranstaltung gemeinsam vorbereiten"
        board.add_card(Card(f"custom-{number}", text, text, custom=True), PLACED_ZONES[number % 3])
    wrapped: Counter = Counter()
    original = board_drawing.wrap

    def counting(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
        wrapped[(text, size, width, max_lines)] += 1
        return original(text, font, size, width, max_lines)

    monkeypatch.setattr(board_drawing, "wrap", counting)
    summary_pdf(Session(SessionInfo("Voll"), board))
    assert wrapped and max(wrapped.values()) == 1
