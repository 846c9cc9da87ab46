"""The PDF's cost grows linearly with the length of a text: the page header's title is cut in one pass
(it was cut one character at a time, re-measuring the whole rest each time: quadratic, minutes for a
20,000-character title). Counted in text measurements, not timed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
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


def test_no_paragraph_breaks_its_lines_twice_at_the_same_width(monkeypatch):
    """A table cell is wrapped for the table's height, by the frame and when it is drawn: its lines are
    broken once per width, not each time."""
    from collections import Counter

    from reportlab.platypus import Paragraph

    from workshop_app.domain.deck import reference_board
    from workshop_app.domain.session import ActionItem, Session, SessionInfo
    from workshop_app.export import summary_pdf

    session = Session(SessionInfo("Zeilen", participants=["Anna", "Bernd"]), reference_board())
    session.notes = {card.id: f"Notiz zu {card.id}" for card in session.board.cards()[:5]}
    session.action_items = [ActionItem(f"Schritt {n}", "Team", "2025-04-30") for n in range(4)]
    broken: Counter = Counter()
    original = Paragraph.breakLines

    def counting(paragraph, widths):
        broken[(id(paragraph), tuple(widths))] += 1
        return original(paragraph, widths)

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    summary_pdf(session)
    assert len(broken) > 60 and max(broken.values()) == 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=120))
def test_a_plain_text_paragraph_is_what_reportlabs_parser_makes_of_it(text):
    """Escaped user text without markup skips the XML parser: the fragment and the lines are the
    parser's."""
    from reportlab.platypus import Paragraph

    from workshop_app.export.page_template import page_styles
    from workshop_app.export.paragraphs import paragraph
    from workshop_app.export.texts import markup

    register_fonts()
    for style in (page_styles().cell, page_styles().title):
        expected, made = Paragraph(markup(text), style), paragraph(markup(text), style)
        assert [frag.__dict__ for frag in made.frags] == [frag.__dict__ for frag in expected.frags]
        assert made.wrap(120, 500) == expected.wrap(120, 500)
        assert repr(made.blPara.lines) == repr(expected.blPara.lines)


def test_a_paragraph_over_many_pages_is_broken_into_lines_once(monkeypatch):
    """The unplaced cards' paragraph of three 20,000-character cards runs over about ten pages: its lines
    are broken once, not again for what is left on every page (quadratic in the text's length)."""
    from reportlab.platypus import Paragraph

    from workshop_app.domain.deck import reference_board
    from workshop_app.domain.model import Card, Zone
    from workshop_app.domain.session import Session, SessionInfo
    from workshop_app.export import summary_pdf

    board = reference_board()
    text = ("Kundenveranstaltung gemeinsam vorbereiten und Angebot abstimmen " * 320)[:20_000]
    for number in range(3):
        board.add_card(Card(f"long-{number}", text, text, custom=True), Zone.UNPLACED)
    lines_broken: list[int] = []
    original = Paragraph.breakLines

    def counting(paragraph, widths):
        result = original(paragraph, widths)
        lines_broken.append(len(result.lines))
        return result

    monkeypatch.setattr(Paragraph, "breakLines", counting)
    data = summary_pdf(Session(SessionInfo("Ablage"), board))
    longest = max(lines_broken)
    assert longest > 500 and data.count(b"/Type /Page\n") >= 10
    assert sum(count for count in lines_broken if count > 50) <= longest + 100
