"""The PDF's sections about rounds: what the summary says depends on the state of the workshop.

- With a Soll round the summary is an agreement: the Soll board first, then the Ist board it started
  from, what moved, both diagnoses (two bars per archetype) and, if there was one, the perception gap.
- With only an Ist round it is an as-is assessment: titled so, and without a signature block.

`RoundView` tells the summary which board is the main one and which sections exist; the section
builders take the summary's story object (`para`, `table`, `labels`, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from workshop_app.domain.diagnosis import Diagnosis, diagnose
from workshop_app.domain.model import Board
from workshop_app.domain.rounds import GROUP_A, GROUP_B, IST, SOLL, Overlay, Rounds
from workshop_app.domain.session import Session
from workshop_app.export.board_drawing import board_drawing
from workshop_app.export.texts import Labels, markup

if TYPE_CHECKING:  # pragma: no cover
    from workshop_app.export.summary import _Story

IST_DRAWING_SHARE = 0.55  # the Ist board takes at most this share of a page


@dataclass(frozen=True)
class RoundView:
    """The rounds of a session as the summary sees them."""

    rounds: Rounds
    closed: bool = False  # the agreement is closed: only then is the Soll board "agreed"

    @classmethod
    def of(cls, session: Session) -> RoundView:
        rounds = session.rounds if session.rounds is not None else Rounds({IST: session.board})
        return cls(rounds, session.agreement is not None and session.agreement.closed)

    @property
    def is_agreement(self) -> bool:
        return SOLL in self.rounds

    @property
    def main_board(self) -> Board:
        return self.rounds.board(SOLL if self.is_agreement else IST)

    def title(self, labels: Labels) -> str:
        return labels["document_title" if self.is_agreement else "document_title_ist"]

    def board_heading(self, labels: Labels) -> tuple[str, str]:
        if self.is_agreement:
            heading = "section_board_soll" if self.closed else "section_board_soll_draft"
            return labels[heading], labels["board_intro"]
        return labels["section_board_ist"], labels["board_intro_ist"]

    def ist_diagnosis(self) -> Diagnosis | None:
        return diagnose(self.rounds.board(IST)) if self.is_agreement else None


def ist_section(story: _Story, view: RoundView) -> list[Flowable]:
    """The Ist board the agreement started from (agreement only)."""
    if not view.is_agreement:
        return []
    ist = view.rounds.board(IST)
    drawing = board_drawing(ist, story.labels, story.t.frame_width,
                            story.t.frame_height * IST_DRAWING_SHARE, diagnose(ist).off_reference)
    return [CondPageBreak(min(drawing.height + 50, story.t.frame_height)),
            story.para(markup(story.labels["section_ist_before"]), story.s.h2), drawing]


def moves_section(story: _Story, view: RoundView) -> list[Flowable]:
    """Each card that stands elsewhere in Soll than in Ist (agreement only)."""
    if not view.is_agreement:
        return []
    labels = story.labels
    moves = view.rounds.moves()
    heading = story.table_heading("section_moves")
    if not moves:
        return [*heading, story.para(markup(labels["moves_none"]), story.s.body)]
    rows = [[story.card_text(move.card_id), story.zone_name(move.from_zone),
             story.zone_name(move.to_zone)] for move in moves]
    width = story.t.frame_width
    return [*heading, story.para(markup(labels.fmt(
        "moves_sentence_one" if len(moves) == 1 else "moves_sentence", count=len(moves))), story.s.body),
            story.table(("col_card", "col_from", "col_to"), rows,
                        [width * 0.56, width * 0.22, width * 0.22])]


def ist_resembled(story: _Story, ist: Diagnosis) -> list[Flowable]:
    """One line naming what the Ist board resembled, under the two-bar chart."""
    names = _flagged_names(ist, story.labels)
    return [story.para(markup(story.labels.fmt("ist_resembled", names=names)), story.s.small)]


def perception_section(story: _Story, view: RoundView) -> list[Flowable]:
    """The two groups' perception: divergence, each group's diagnosis, and where each put every card."""
    rounds = view.rounds
    gap = rounds.overlay()
    if gap is None:
        return []
    labels = story.labels
    flow: list[Flowable] = [*story.table_heading("section_perception"),
                            story.para(markup(labels["perception_intro"]), story.s.small)]
    flow.append(story.para(markup(_divergence_sentence(gap, labels)), story.s.body))
    for group, round_name in zip(rounds.groups, (GROUP_A, GROUP_B), strict=True):
        flow.append(story.para(markup(_group_sees(group, diagnose(rounds.board(round_name)), labels)),
                               story.s.body))
    rows = [[story.card_text(pair.card_id), story.zone_name(pair.zone_a), story.zone_name(pair.zone_b),
             labels["agreed_yes" if pair.agreed else "agreed_no"]]
            for pair in sorted(gap.pairs, key=lambda pair: not pair.disputed)
            if pair.zone_a.is_placed or pair.zone_b.is_placed]
    if rows:
        width = story.t.frame_width
        groups = {"col_group_a": rounds.groups[0], "col_group_b": rounds.groups[1]}
        flow += [Spacer(1, 4), story.table(("col_card", "col_group_a", "col_group_b", "col_agreed"),
                                           rows, [width * 0.46, width * 0.19, width * 0.19,
                                                  width * 0.16], head_texts=groups)]
    return flow


def _divergence_sentence(gap: Overlay, labels: Labels) -> str:
    if gap.divergence is None:
        return labels["divergence_none"]
    placed = sum(1 for pair in gap.pairs if pair.zone_a.is_placed or pair.zone_b.is_placed)
    return labels.fmt("divergence_sentence", percent=labels.percent(gap.divergence),
                      disputed=len(gap.disputed), placed=placed)


def _group_sees(group: str, diagnosis: Diagnosis, labels: Labels) -> str:
    if diagnosis.placed and not diagnosis.flagged():
        return labels.fmt("group_sees_none", group=group)
    return labels.fmt("group_sees", group=group, names=_flagged_names(diagnosis, labels))


def _flagged_names(diagnosis: Diagnosis, labels: Labels) -> str:
    flagged = diagnosis.flagged()
    if flagged:
        return ", ".join(result.archetype.name(labels.language) for result in flagged)
    return labels["fact_resembles_none"] if diagnosis.placed else labels["not_judged"]
