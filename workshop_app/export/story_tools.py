"""The summary's building blocks for its sections: paragraphs, tables that split cleanly across pages,
headings, card texts and zone names. `_Story` (summary.py) and the round sections use them."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from workshop_app.domain.model import Board, Zone
from workshop_app.export.page_template import TABLE_START_ROOM, Styles
from workshop_app.export.palette import MUTED, PANEL, RULE
from workshop_app.export.paragraphs import paragraph
from workshop_app.export.texts import Labels, markup


class StoryTools:
    """Helpers for a story that has `s` (the styles), `labels`, `language` and `board`."""

    s: Styles
    labels: Labels
    language: str
    board: Board


    def card_text(self, card_id: str) -> str:
        if card_id in self.board:
            return self.board.card(card_id).text(self.language)
        return card_id

    def para(self, text_markup: str, style: ParagraphStyle) -> Paragraph:
        return paragraph(text_markup, style)

    def table(self, header_keys: tuple[str, ...], rows: list[list[str]], widths: list[float],
              keep_lines: tuple[int, ...] = (), extra: list[tuple] | None = None,
              head_texts: dict[str, str] | None = None) -> Table:
        """A table with a header row (repeated on each page) and rows of plain user texts.

        A long text is cut at word boundaries into chunks that go into continuation rows, so that no
        row is ever taller than a page; the rows then split only between rows (ReportLab's in-row
        split would repeat the header in the middle of a page). `head_texts` gives user texts (e.g.
        group names) for some header keys."""
        data: list[list[Flowable | str]] = [self.head_cells(*header_keys, texts=head_texts)]
        rule_rows: list[int] = []
        continuation_rows: list[int] = []
        for texts in rows:
            chunked = [_chunks(text, _chunk_chars(width)) for text, width in zip(texts, widths,
                                                                                 strict=True)]
            for part in range(max(len(chunks) for chunks in chunked)):
                if part:
                    continuation_rows.append(len(data))
                data.append([self.para(markup(chunks[part], keep_lines=col in keep_lines),
                                       self.s.cell) if part < len(chunks) else ""
                             for col, chunks in enumerate(chunked)])
            rule_rows.append(len(data) - 1)
        commands: list[tuple] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("BACKGROUND", (0, 0), (-1, 0), PANEL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
        ]
        commands += [("LINEBELOW", (0, row), (-1, row), 0.4, RULE) for row in rule_rows]
        for row in continuation_rows:  # a long text reads on without a gap
            commands += [("TOPPADDING", (0, row), (-1, row), 0),
                         ("BOTTOMPADDING", (0, row - 1), (-1, row - 1), 0)]
        table = Table(data, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=0,
                      hAlign="LEFT")
        table.setStyle(TableStyle(commands + (extra or [])))
        return table

    def table_heading(self, key: str) -> list[Flowable]:
        """A section heading followed by a table that may split across pages: a page break when
        less than the heading and a few rows fit (keepWithNext would bind the heading to the whole
        table, which ReportLab then splits awkwardly)."""
        return [CondPageBreak(TABLE_START_ROOM), self.para(markup(self.labels[key]), self.s.h2_table)]

    def head_cells(self, *keys: str, texts: dict[str, str] | None = None) -> list[Paragraph]:
        texts = texts or {}
        return [self.para(markup(texts[key] if key in texts else self.labels[key]), self.s.cell_head)
                for key in keys]

    def zone_name(self, zone: Zone) -> str:
        return self.labels[f"zone_{zone.value}"]


def _chunk_chars(width: float) -> int:
    """How many characters of table text make a block of about 25 lines in a column this wide."""
    return max(120, int(width * 5))


def _chunks(text: str, size: int) -> list[str]:
    """`text` in pieces of at most about `size` characters, cut at whitespace where there is any,
    so that the pieces printed one below the other read as the whole text."""
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    rest = text
    while len(rest) > size:
        cut = max(rest.rfind(" ", 0, size), rest.rfind("\n", 0, size))
        cut = cut if cut > size // 2 else size
        pieces.append(rest[:cut])
        rest = rest[cut:]
    return [*pieces, rest] if rest.strip() else pieces
