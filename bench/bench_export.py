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
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import child, main, median  # noqa: E402

CARDS = 60


def sixty_card_session():
    from workshop_app.domain.deck import reference_board
    from workshop_app.domain.model import PLACED_ZONES, Card
    from workshop_app.domain.session import ActionItem, Session, SessionInfo

    board = reference_board()
    for number in range(CARDS - len(board)):
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


def run(quick: bool) -> dict[str, float]:
    result = child(__file__, "measure", "5" if quick else "15")
    return {
        "export_first_s_60": result["first"],
        "export_s_60": result["export"],
        "export_baseline_s": result["baseline"],
        "export_ratio": result["export"] / result["baseline"],
    }


if __name__ == "__main__":
    main(run, {"measure": measure})
