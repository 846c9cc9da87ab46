"""The PDF's agreement part: whether the agreement is complete (and closed), its open points, the
room's votes on contested cards, the handoffs at the interface, the patterns kept on purpose, the role
charters, and the next steps with the suggestion each came from. The signature block (summary.py)
follows only for a closed agreement. Labels come from `resources/export_texts.json` and, for the
charters and the open points, from `resources/agreement.json`; user text is escaped (`markup`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, ListFlowable, ListItem, Spacer

from workshop_app.domain.agreement import Agreement
from workshop_app.domain.agreement_check import AgreementCheck, check_agreement, describe
from workshop_app.domain.agreement_texts import agreement_label
from workshop_app.domain.charter import build_charters, charter_sections, side_name
from workshop_app.domain.diagnosis import diagnose, load_archetypes
from workshop_app.domain.model import PLACED_ZONES, Zone
from workshop_app.domain.next_steps import suggestion
from workshop_app.export.fonts import REGULAR
from workshop_app.export.texts import markup

if TYPE_CHECKING:
    from workshop_app.export.summary import _Story


def shows_agreement(story: _Story) -> bool:
    """The agreement part is printed for an agreement (a Soll round) or once the group used it."""
    return story.view.is_agreement or not story.session.agreement.is_empty()


def agreement_sections(story: _Story) -> list[Flowable]:
    if not shows_agreement(story):
        return []
    agreement = story.session.agreement
    check = check_agreement(agreement)
    labels = story.labels
    flowables: list[Flowable] = [CondPageBreak(120),
                                 story.para(markup(labels["section_agreement"]), story.s.h2),
                                 story.para(f"<b>{markup(_state(story, check))}</b>", story.s.body)]
    if check.open:
        flowables += [story.para(markup(labels["open_points"]), story.s.h3),
                      _bullets(story, [describe(p, agreement.board, story.language)
                                       for p in check.open])]
    return [*flowables, *_contested(story, agreement), *_handoffs(story, agreement),
            *_accepted(story, agreement), *charters_section(story)]


def _state(story: _Story, check: AgreementCheck) -> str:
    labels = story.labels
    if check.complete:
        return labels["agreement_complete_closed" if check.closed else "agreement_complete_open"]
    key = "agreement_incomplete_closed" if check.closed else "agreement_incomplete"
    return labels.fmt(key, count=len(check.open))


def _contested(story: _Story, agreement: Agreement) -> list[Flowable]:
    contests = agreement.contests()
    if not contests:
        return []
    labels = story.labels
    rows = []
    for card_id, contest in contests.items():
        votes = [str(contest.votes.count(zone)) for zone in PLACED_ZONES]
        if contest.resolved:
            zone = story.zone_name(agreement.board.zone_of(card_id))
            decision = f"{zone}: {contest.resolution}" if contest.resolution else zone
        else:
            decision = labels["decision_open"]
        rows.append([story.card_text(card_id), *votes, decision])
    width = story.t.frame_width
    heads = ("col_card", *(f"zone_{zone.value}" for zone in PLACED_ZONES), "col_decision")
    return [*story.table_heading("section_contested"),
            story.table(heads, rows, [width * 0.24, *[width * 0.16] * 3, width * 0.28])]


def _handoffs(story: _Story, agreement: Agreement) -> list[Flowable]:
    shared = agreement.board.ids_in(Zone.SHARED)
    if not shared:
        return []
    labels = story.labels
    rows = []
    for card_id in shared:
        handoff = agreement.handoff(card_id)
        if handoff is None:
            rows.append([story.card_text(card_id), labels["none_given"], labels["handoff_missing"]])
        else:
            rows.append([story.card_text(card_id), story.zone_name(handoff.lead), handoff.what])
    width = story.t.frame_width
    return [*story.table_heading("section_handoffs"),
            story.table(("col_card", "col_lead", "col_passes"), rows,
                        [width * 0.36, width * 0.16, width * 0.48])]


def _accepted(story: _Story, agreement: Agreement) -> list[Flowable]:
    accepted = agreement.accepted()
    if not accepted:
        return []
    names = {archetype.id: archetype.name(story.language) for archetype in load_archetypes()}
    rows = [[names.get(key, key), reason] for key, reason in accepted.items()]
    width = story.t.frame_width
    return [*story.table_heading("section_accepted"),
            story.table(("col_archetype", "col_reason"), rows, [width * 0.32, width * 0.68])]


def charters_section(story: _Story) -> list[Flowable]:
    """The role charters of the agreed board: a block per side, then the article's why."""
    language = story.language
    session = story.session
    charters = build_charters(session.agreement, diagnose(session.ist_board()), language)
    flowables: list[Flowable] = [
        CondPageBreak(160),
        story.para(markup(agreement_label("charter_title", language)), story.s.h2)]
    for charter in charters.sides:
        flowables += [CondPageBreak(100),
                      story.para(markup(side_name(charter.side, language)), story.s.h3)]
        for lead_in, items in charter_sections(charter, language):
            flowables += [Spacer(1, 3), KeepTogether([  # a lead-in stays with its list
                story.para(markup(lead_in), story.s.body),
                _bullets(story, items or [agreement_label("charter_nothing", language)])])]
    why = [story.para(markup(agreement_label("charter_why", language)), story.s.h3)]
    why += [story.para(f"<i>{markup(sentence)}</i>", story.s.body) for sentence in charters.why]
    why.append(story.para(markup("— " + agreement_label("source_article", language)), story.s.small))
    return [*flowables, KeepTogether(why), Spacer(1, 6)]


def _bullets(story: _Story, texts: list[str]) -> ListFlowable:
    items = [ListItem(story.para(markup(text), story.s.cell), leftIndent=12) for text in texts]
    return ListFlowable(items, bulletType="bullet", start="•", leftIndent=12, bulletFontSize=8,
                        bulletFontName=REGULAR)


def actions_section(story: _Story) -> list[Flowable]:
    """The next steps: what, who, by when, and the suggestion a step was accepted from."""
    items = [item for item in story.session.action_items if item.what.strip()]
    if not items:
        return []
    width = story.t.frame_width
    if not any(item.suggestion for item in items):
        rows = [[item.what, item.who, story.labels.date(item.due)] for item in items]
        return [*story.table_heading("section_actions"),
                story.table(("col_what", "col_who", "col_due"), rows,
                            [width * 0.58, width * 0.24, width * 0.18], keep_lines=(0,))]
    rows = [[item.what, item.who, story.labels.date(item.due), _source(item.suggestion, story)]
            for item in items]
    return [*story.table_heading("section_actions"),
            story.table(("col_what", "col_who", "col_due", "col_suggestion"), rows,
                        [width * 0.46, width * 0.18, width * 0.14, width * 0.22], keep_lines=(0,))]


def _source(suggestion_id: str, story: _Story) -> str:
    if not suggestion_id:
        return ""
    found = suggestion(suggestion_id)
    return found.source(story.language) if found is not None else suggestion_id
