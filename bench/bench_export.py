"""PDF export: the summary of a 60-card session, against a bare ReportLab document with the same table.

The session has the 22 deck cards and 38 custom cards spread over the three zones, notes, action items
and four participants. Measured in a fresh interpreter (the modules imported, as in the running app):

- `export_first_s_60`: the first export in the process, with font registration and the diagnosis;
- `export_s_60`: the median of the following exports (what each further click costs);
- `export_baseline_s`: the median of a bare `SimpleDocTemplate` holding only the same three-column
  table of the same card texts in the same embedded font, built in the same process;
- `export_ratio`: `export_s_60 / export_baseline_s`.

The issue's bound (under 1 s) is checked by bench/run.py against `export_s_60`; the first export is
reported beside it and stays under the same bound.

Scale rows: `export_s_N`, the same summary of a session of N cards (22, 300, 1,000, 2,000; the deck on
the reference split plus custom cards over the three zones). Text length: `export_text_growth` is how
the time a long text adds grows with its length: one card (and the title) holding a text of 4 L
characters against L (L = 4,000), each minus the export without the long text, divided by 4; 1 is
linear, 4 would be quadratic. Subtracting the export without the long text takes out the fixed cost of
a document, so that it does not make the growth look linear. The title is longer than a session
accepts (200 characters, `domain/limits.py`; the bench sets it directly): it stands for any text that
runs over many pages in one paragraph, which ReportLab broke into lines again on every page. The
difference `short - base` is a few milliseconds, so each of the three is the median of 15 exports,
interleaved (5 gave growths from 1.0 to 2.1 on a loaded machine).
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import child, main, median  # noqa: E402

CARDS = 60
SCALE_SIZES = (22, 300, 1000, 2000)
LONG_TEXT = 4000  # characters of the long text (L); the growth compares 4 L with L


def sixty_card_session(cards: int = CARDS):
    from workshop_app.domain.deck import reference_board
    from workshop_app.domain.model import PLACED_ZONES, Card
    from workshop_app.domain.session import ActionItem, Session, SessionInfo

    board = reference_board()
    for number in range(cards - len(board)):
        text = f"Eigene Aufgabe {number}: Kundenveranstaltung gemeinsam vorbereiten"
        board.add_card(Card(f"custom-{number}", text, text, custom=True),
                       PLACED_ZONES[number % len(PLACED_ZONES)])
    info = SessionInfo("Benchmark-Workshop", company="Muster AG", facilitator="Anna",
                       date="2025-03-14", language="de",
                       participants=["Anna", "Bernd", "Carla", "Dieter"])
    session = Session(info, board)
    session.notes = {card.id: f"Notiz zu {card.id}" for card in board.cards()[:10]}
    session.action_items = [ActionItem(f"Schritt {n}", "Team", "2025-04-30") for n in range(8)]
    return session


def bare_table_pdf(session) -> bytes:
    """A plain ReportLab document with nothing but the same task table."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from workshop_app.domain.model import PLACED_ZONES
    from workshop_app.export.fonts import REGULAR, register_fonts

    register_fonts()
    style = ParagraphStyle("cell", fontName=REGULAR, fontSize=8.5, leading=10.8)
    columns = [session.board.cards_in(zone) for zone in PLACED_ZONES]
    rows = [[Paragraph(zone.value, style) for zone in PLACED_ZONES]]
    for index in range(max(len(cards) for cards in columns)):
        rows.append([Paragraph(escape(cards[index].text("de")), style) if index < len(cards) else ""
                     for cards in columns])
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Table(rows, repeatRows=1)])
    return buffer.getvalue()


def measure(repeats: str) -> dict:
    from workshop_app.export import summary_pdf

    session = sixty_card_session()
    start = time.perf_counter()
    summary_pdf(session)
    first = time.perf_counter() - start
    exports, baselines = [], []
    for _ in range(int(repeats)):
        start = time.perf_counter()
        summary_pdf(session)
        exports.append(time.perf_counter() - start)
        start = time.perf_counter()
        bare_table_pdf(session)
        baselines.append(time.perf_counter() - start)
    return {"first": first, "export": median(exports), "baseline": median(baselines)}


def measure_scale(cards: str, repeats: str) -> dict:
    from workshop_app.export import summary_pdf

    session = sixty_card_session(int(cards))
    summary_pdf(session)  # fonts registered, caches warm: what a further click costs
    return {"export": median([_timed(summary_pdf, session) for _ in range(int(repeats))])}


def long_text_session(length: int):
    """The 22-card session with one card's text and the title `length` characters long (words of
    varied length, as a pasted document would be)."""
    from dataclasses import replace

    from workshop_app.domain.model import Card, Zone

    session = sixty_card_session(22)
    words = ("Kundenveranstaltung", "und", "gemeinsam", "vorbereiten", "Preis", "Angebot", "ab")
    text = ""
    while len(text) < length:
        text += words[len(text) % len(words)] + " "
    text = text[:length]
    if length:
        session.board.add_card(Card("long", text, text, custom=True), Zone.SHARED)
        session.info = replace(session.info, title=text)
    return session


def measure_text(repeats: str) -> dict:
    from workshop_app.export import summary_pdf

    sessions = {length: long_text_session(length) for length in (0, LONG_TEXT, 4 * LONG_TEXT)}
    summary_pdf(sessions[0])
    times: dict[int, list[float]] = {length: [] for length in sessions}
    for _ in range(int(repeats)):  # interleaved, so that a busy moment hits all three alike
        for length, session in sessions.items():
            times[length].append(_timed(summary_pdf, session))
    base, short, long = (median(times[length]) for length in sessions)
    return {"base": base, "short": short, "long": long}


def _timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def run(quick: bool) -> dict[str, float]:
    result = child(__file__, "measure", "5" if quick else "15")
    figures = {
        "export_first_s_60": result["first"],
        "export_s_60": result["export"],
        "export_baseline_s": result["baseline"],
        "export_ratio": result["export"] / result["baseline"],
    }
    for cards in SCALE_SIZES:
        repeats = 1 if quick else (3 if cards >= 1000 else 7)
        figures[f"export_s_{cards}"] = child(__file__, "scale", str(cards), str(repeats))["export"]
    text = child(__file__, "text", "3" if quick else "15")
    figures["export_long_text_s"] = text["long"]
    figures["export_text_growth"] = (text["long"] - text["base"]) / (4 * max(text["short"] - text["base"],
                                                                            1e-6))
    return figures


if __name__ == "__main__":
    main(run, {"measure": measure, "scale": measure_scale, "text": measure_text})
