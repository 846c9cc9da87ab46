"""The PDF summary of a workshop session, built with ReportLab platypus.

`SummaryTemplate` registers the embedded font once, holds the paragraph styles and turns a session
and its diagnosis into PDF bytes. Every piece of user text goes through `texts.markup` (escaped)
before it reaches a Paragraph, and through `texts.plain` before it reaches a drawing.
"""

from __future__ import annotations

import io

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from workshop_app.domain.deck import load_functions
from workshop_app.domain.diagnosis import ArchetypeResult, Diagnosis, diagnose
from workshop_app.domain.model import PLACED_ZONES, Card, Zone
from workshop_app.domain.session import Session
from workshop_app.export.agreement_sections import actions_section, agreement_sections
from workshop_app.export.board_drawing import BoardDrawing
from workshop_app.export.diagnosis_rows import explained, explanation_rows, state_colour
from workshop_app.export.fonts import register_fonts
from workshop_app.export.page_template import (
    FIRST_PAGE_HEADER_H,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MIN_FIRST_PAGE_FONT,
    PAGE_SIZES,
    numbered_canvas,
    page_decorator,
    page_styles,
)
from workshop_app.export.palette import FLAGGED, INK, MUTED, PANEL, RULE, WHITE, ZONE_COLOURS
from workshop_app.export.round_sections import (
    RoundView,
    ist_resembled,
    ist_section,
    moves_section,
    perception_section,
)
from workshop_app.export.score_chart import score_chart
from workshop_app.export.story_tools import StoryTools
from workshop_app.export.texts import Labels, markup, plain

BLANK_SIGNATURE_ROWS = 4

class SummaryTemplate:
    """Turns a session into the PDF summary. Construct once and call `render` as often as needed."""

    def __init__(self, page_size: str = "a4") -> None:
        if page_size not in PAGE_SIZES:
            raise ValueError(f"unknown page size {page_size!r}: use {' or '.join(PAGE_SIZES)}")
        register_fonts()
        self.page_size_name = page_size
        self.page_size = PAGE_SIZES[page_size]
        self.styles = page_styles()

    @property
    def frame_width(self) -> float:
        return self.page_size[0] - 2 * MARGIN_X

    @property
    def frame_height(self) -> float:
        return self.page_size[1] - MARGIN_TOP - MARGIN_BOTTOM

    def render(self, session: Session, diagnosis: Diagnosis | None = None,
               language: str | None = None) -> bytes:
        """The PDF of `session` (diagnosed now unless `diagnosis` is given) as bytes."""
        labels = Labels(language or session.info.language)
        view = RoundView.of(session)
        diagnosis = diagnosis if diagnosis is not None else diagnose(view.main_board)
        buffer = io.BytesIO()
        doc = BaseDocTemplate(
            buffer, pagesize=self.page_size, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
            title=f"{view.title(labels)}: {plain(session.info.title)}",
            author=plain(session.info.facilitator), subject=labels["kicker"],
            creator=labels["producer"], lang=labels.language)
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, self.frame_width, self.frame_height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        story = _Story(self, session, diagnosis, labels, view).flowables()
        decorate = page_decorator(self.page_size, self.frame_width, session, labels, view.title(labels))
        doc.build(story, canvasmaker=numbered_canvas(decorate))
        return buffer.getvalue()

class _Story(StoryTools):
    """The flowables of one summary, section by section."""

    def __init__(self, template: SummaryTemplate, session: Session, diagnosis: Diagnosis,
                 labels: Labels, view: RoundView) -> None:
        self.t = template
        self.s = template.styles
        self.session = session
        self.view = view
        self.board = view.main_board
        self.diagnosis = diagnosis
        self.labels = labels
        self.language = labels.language

    def flowables(self) -> list[Flowable]:
        """The sections in reading order. When the board is too full to stay readable on the first
        page, the diagnosis comes first and the board gets a page of its own after it."""
        self.drawing_builder = BoardDrawing(self.board, self.labels, self.diagnosis.off_reference)
        self.board_on_first_page = self.drawing_builder.font_size(
            self.t.frame_width, self.first_page_room()) >= MIN_FIRST_PAGE_FONT
        order = [self.header, self.board_section, self.table_section, self.rounds_sections,
                 self.diagnosis_section, self.reference_section]
        if not self.board_on_first_page:
            order = [self.header, self.diagnosis_section, self.reference_section, self.board_section,
                     self.table_section, self.rounds_sections]
        story: list[Flowable] = []
        for section in (*order, self.perception_section, self.notes_section,
                        lambda: actions_section(self), lambda: agreement_sections(self),
                        self.agreement_section):
            story.extend(section())
        return story

    def rounds_sections(self) -> list[Flowable]:
        return [*ist_section(self, self.view), *moves_section(self, self.view)]

    def perception_section(self) -> list[Flowable]:
        return perception_section(self, self.view)

    def first_page_room(self) -> float:
        return self.t.frame_height - FIRST_PAGE_HEADER_H

    # --- sections ---

    def header(self) -> list[Flowable]:
        info = self.session.info
        labels = self.labels
        story: list[Flowable] = [
            self.para(markup(f"{self.view.title(labels)} · {labels['kicker']}"), self.s.kicker),
            self.para(markup(info.title), self.s.title),
        ]
        if info.company.strip():
            story.append(self.para(markup(info.company), self.s.company))
        else:
            story.append(Spacer(1, 6))
        none = labels["none_given"]
        participants = ", ".join(markup(p) for p in info.participants if p.strip())
        meta = [
            (labels["date"], markup(labels.date(info.date))),
            (labels["facilitator"], markup(info.facilitator) or none),
            (labels["participants"], participants or none),
        ]
        rows = [[self.para(markup(key), self.s.fact_label), self.para(value, self.s.cell)]
                for key, value in meta]
        story.append(Table(rows, colWidths=[32 * mm, self.t.frame_width - 32 * mm], hAlign="LEFT",
                           style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                             ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                                             ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]),
                           splitInRow=1))
        story += [Spacer(1, 8), self.key_facts()]
        return story

    def key_facts(self) -> Table:
        labels = self.labels
        diagnosis = self.diagnosis
        flagged = diagnosis.flagged()
        conformity = (labels["none_given"] if diagnosis.reference_conformity is None
                      else labels.percent(diagnosis.reference_conformity))
        resembles = (", ".join(r.archetype.name(self.language) for r in flagged) if flagged
                     else labels["fact_resembles_none"] if diagnosis.placed else labels["not_judged"])
        facts = [
            (labels["fact_placed"], labels.fmt("fact_placed_value", placed=diagnosis.placed,
                                               total=len(self.board))),
            (labels["fact_conformity"], conformity),
            (labels["fact_resembles"], resembles),
        ]
        width = self.t.frame_width
        flag_style = ParagraphStyle("fact_flag", parent=self.s.fact_value,
                                    textColor=FLAGGED if flagged else INK)
        cells = [[self.para(markup(key), self.s.fact_label) for key, _ in facts],
                 [self.para(markup(value), style) for (_, value), style
                  in zip(facts, (self.s.fact_value, self.s.fact_value, flag_style), strict=True)]]
        return Table(cells, colWidths=[width * 0.24, width * 0.30, width * 0.46], hAlign="LEFT",
                     style=TableStyle([
                         ("BACKGROUND", (0, 0), (-1, -1), PANEL),
                         ("VALIGN", (0, 0), (-1, -1), "TOP"),
                         ("LEFTPADDING", (0, 0), (-1, -1), 8),
                         ("TOPPADDING", (0, 0), (-1, 0), 6),
                         ("BOTTOMPADDING", (0, 1), (-1, 1), 7),
                         ("LINEBEFORE", (1, 0), (-1, -1), 1.5, WHITE),
                     ]), splitInRow=1)

    def board_section(self) -> list[Flowable]:
        """The board drawing, on the first page when it stays readable there, else on a page of its
        own."""
        labels = self.labels
        builder = self.drawing_builder
        width = self.t.frame_width
        max_height = (self.first_page_room() if self.board_on_first_page
                      else self.t.frame_height - 60)
        drawing = builder.build(width, max_height)
        heading, intro = self.view.board_heading(labels)
        story: list[Flowable] = [
            CondPageBreak(min(drawing.height + 70, self.t.frame_height)),
            self.para(markup(heading), self.s.h2),
            self.para(markup(intro), self.s.small),
            drawing,
        ]
        unplaced = self.board.cards_in(Zone.UNPLACED)
        if unplaced:
            names = " · ".join(markup(card.text(self.language)) for card in unplaced)
            story += [Spacer(1, 5), self.para(
                f"<b>{markup(labels.fmt('unplaced_cards', count=len(unplaced)))}</b> {names}",
                self.s.small)]
        return story

    def table_section(self) -> list[Flowable]:
        columns = [self.board.cards_in(zone) for zone in PLACED_ZONES]
        width = self.t.frame_width / 3
        rows = [[cards[index].text(self.language) if index < len(cards) else "" for cards in columns]
                for index in range(max((len(cards) for cards in columns), default=0))]
        colours = [("BACKGROUND", (col, 0), (col, 0), ZONE_COLOURS[zone])
                   for col, zone in enumerate(PLACED_ZONES)]
        lines = [("LINEAFTER", (0, 0), (1, -1), 0.6, RULE)]
        heads = tuple(f"zone_{zone.value}" for zone in PLACED_ZONES)
        return [*self.table_heading("section_table"),
                self.table(heads, rows or [["", "", ""]], [width] * 3, extra=colours + lines)]

    def diagnosis_section(self) -> list[Flowable]:
        labels = self.labels
        diagnosis = self.diagnosis
        ist = self.view.ist_diagnosis()
        story: list[Flowable] = [KeepTogether([  # the heading never stands alone above the chart
            self.para(markup(labels["section_diagnosis"]), self.s.h2),
            self.para(markup(labels["diagnosis_intro" if ist is None else "diagnosis_compare_intro"]),
                      self.s.small),
            Spacer(1, 2),
            score_chart(diagnosis, labels, self.t.frame_width, before=ist),
        ]), Spacer(1, 6), *(ist_resembled(self, ist) if ist is not None else [])]
        flagged = diagnosis.flagged()
        if not diagnosis.placed:
            story.append(self.para(markup(labels["nothing_placed"]), self.s.body))
        elif not flagged:
            story.append(self.para(markup(labels["no_archetype"]), self.s.body))
        for result in diagnosis.results:
            if explained(result):
                story += self.archetype_block(result)
        return story

    def archetype_block(self, result: ArchetypeResult) -> list[Flowable]:
        """An archetype the board resembles: its example, the cards, harm and recommendation; any
        other with a score or a deciding card: the cards behind it and what would decide it."""
        labels = self.labels
        archetype = result.archetype
        language = self.language
        if result.resembles:
            heading = labels.fmt("archetype_heading", name=archetype.name(language),
                                 score=labels.percent(result.score))
        else:
            heading = labels.fmt("archetype_heading_state", name=archetype.name(language),
                                 state=labels[result.state if result.state != "not_judgeable"
                                              else "not_enough_cards"],
                                 score=labels.percent(result.score))
        rows = explanation_rows(result, self.board, labels)
        if result.resembles:
            rows = [(labels["context"], markup(archetype.context(language))),
                    (labels["pattern"], markup(archetype.summary(language))), *rows,
                    (labels["harm"], markup(archetype.harm(language))),
                    (labels["recommendation"], markup(archetype.recommendation(language)))]
        label_w = 40 * mm
        cells = [[self.para(markup(key), self.s.cell_head), self.para(value, self.s.cell)]
                 for key, value in rows if value]
        colour = state_colour(result)
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("LINEBEFORE", (0, 0), (0, -1), 2.5, colour),
                 ("LEFTPADDING", (0, 0), (-1, -1), 7),
                 ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                 ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
        if result.resembles:
            style.append(("BACKGROUND", (1, len(cells) - 1), (1, len(cells) - 1), HexColor("#fff4e6")))
        heading_style = ParagraphStyle("flag", parent=self.s.h3, textColor=colour)
        story: list[Flowable] = [self.para(markup(heading), heading_style)]
        if cells:
            story.append(Table(cells, colWidths=[label_w, self.t.frame_width - label_w - 4],
                               hAlign="RIGHT", splitByRow=1, splitInRow=1, style=TableStyle(style)))
        return [*story, Spacer(1, 4)]

    def reference_section(self) -> list[Flowable]:
        labels = self.labels
        diagnosis = self.diagnosis
        story: list[Flowable] = [self.para(markup(labels["section_reference"]), self.s.h2)]
        if diagnosis.reference_conformity is None:
            story.append(self.para(markup(labels["conformity_none"]), self.s.body))
            return story
        sentence = labels.fmt("conformity_sentence",
                              percent=labels.percent(diagnosis.reference_conformity))
        story.append(self.para(markup(sentence), self.s.body))
        if not diagnosis.off_reference and not diagnosis.shared_instead:
            story.append(self.para(markup(labels["off_reference_none"]), self.s.body))
            return story
        functions = load_functions()
        rows: list[list[str]] = []
        none = labels["none_given"]
        for card_id in (*diagnosis.off_reference, *diagnosis.shared_instead):
            card = self.board.card(card_id) if card_id in self.board else None
            reference = _reference_zone(card, functions)
            now = self.zone_name(self.board.zone_of(card_id)) if card else none
            if card_id in diagnosis.shared_instead and reference:
                now = labels.fmt("shared_instead", side=self.zone_name(reference))
            rows.append([self.card_text(card_id), now,
                         self.zone_name(reference) if reference else none])
        width = self.t.frame_width
        story.append(self.table(("col_card", "col_now", "col_reference"), rows,
                                [width * 0.56, width * 0.22, width * 0.22]))
        return story

    def notes_section(self) -> list[Flowable]:
        notes = [(card_id, note) for card_id, note in self.session.notes.items() if note.strip()]
        if not notes:
            return []
        rows = [[self.card_text(card_id), note] for card_id, note in notes]
        width = self.t.frame_width
        return [*self.table_heading("section_notes"),
                self.table(("col_card", "col_note"), rows, [width * 0.36, width * 0.64],
                           keep_lines=(1,))]

    def agreement_section(self) -> list[Flowable]:
        """The signature block, only for a closed agreement on a Soll round."""
        if not (self.view.is_agreement and self.session.agreement.closed):
            return []
        labels = self.labels
        names = [p.strip() for p in self.session.info.participants if p.strip()]
        width = self.t.frame_width
        gap = 14.0
        rows: list[list[Flowable | str]] = [
            [*self.head_cells("sign_name"), "", *self.head_cells("sign_date_signature")]]
        for name in names or [""] * BLANK_SIGNATURE_ROWS:
            rows.append([self.para(markup(name), self.s.cell), "", ""])
        table = Table(rows, colWidths=[width * 0.42, gap, width * 0.58 - gap], hAlign="LEFT",
                      splitByRow=1, splitInRow=0, repeatRows=1, style=TableStyle([
                          ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                          ("LEFTPADDING", (0, 0), (-1, -1), 2),
                          ("TOPPADDING", (0, 1), (-1, -1), 18),
                          ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                          ("LINEBELOW", (0, 1), (0, -1), 0.6, MUTED),
                          ("LINEBELOW", (2, 1), (2, -1), 0.6, MUTED),
                      ]))
        block = [Spacer(1, 8), self.para(markup(labels["agreement_text"]), self.s.body),
                 self.para(f"<b>{markup(labels['agreed_by'])}</b>", self.s.body), table]
        keep = CondPageBreak(min(90 + 30 * min(len(rows), 8), self.t.frame_height))
        return [keep, KeepTogether(block)] if len(rows) <= 12 else [keep, *block]


def _reference_zone(card: Card | None, functions) -> Zone | None:
    if card is None or card.function not in functions:
        return None
    return functions[card.function].reference


def summary_pdf(session: Session, diagnosis: Diagnosis | None = None, *, language: str | None = None,
                page_size: str = "a4") -> bytes:
    """The PDF summary of `session` as bytes (A4 or US Letter, in the session's language unless
    `language` is given)."""
    return SummaryTemplate(page_size).render(session, diagnosis, language)


__all__ = ["PAGE_SIZES", "SummaryTemplate", "summary_pdf"]
