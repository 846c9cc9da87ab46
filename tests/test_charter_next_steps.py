"""Suggested next steps and role charters: their texts come from the data files, not from code."""

from __future__ import annotations

import json

import pytest

from workshop_app.domain.agreement import Agreement, Handoff
from workshop_app.domain.charter import build_charters, escape_markdown, render_markdown
from workshop_app.domain.deck import reference_board
from workshop_app.domain.diagnosis import diagnose, load_archetypes
from workshop_app.domain.model import Card, Zone
from workshop_app.domain.next_steps import (
    NextStepError,
    accept,
    checked_date,
    suggestion,
    suggestions,
)
from workshop_app.paths import resource

AGREEMENT_DATA = json.loads(resource("agreement.json").read_text(encoding="utf-8"))


@pytest.fixture
def kundenversteher_board(deck):
    board = reference_board(deck)
    for card_id in ("needs_analysis", "product_proposal", "benefit_persuasion"):
        board.move(card_id, Zone.MARKETING)
    return board


def test_the_ist_rounds_archetype_offers_its_remedy_then_the_articles_closing(
        kundenversteher_board):
    offered = suggestions(diagnose(kundenversteher_board))
    closing = AGREEMENT_DATA["closing_steps"]
    assert [item.id for item in offered] == (
        ["archetype:kundenversteher"] + [f"closing:{entry['id']}" for entry in closing])
    assert offered[0].text("de") == AGREEMENT_DATA["next_steps"]["kundenversteher"]["de"]
    assert offered[0].source("de") == "Die Kundenversteher"
    assert offered[1].text("en") == closing[0]["text"]["en"]
    assert "Stellenbeschreibungen" in offered[1].text("de")
    assert "Visitenkarten" in offered[2].text("de")


def test_a_healthy_ist_board_offers_only_the_closing_suggestions(deck):
    offered = suggestions(diagnose(reference_board(deck)))
    assert all(item.archetype is None for item in offered) and len(offered) == 3


def test_every_archetype_has_a_next_step_in_both_languages():
    for archetype in load_archetypes():
        item = suggestion(f"archetype:{archetype.id}")
        assert item is not None and item.text("de") and item.text("en")
        assert item.text("de") != item.text("en")


def test_accepting_a_suggestion_makes_a_next_step_that_remembers_it(kundenversteher_board):
    item = suggestions(diagnose(kundenversteher_board))[0]
    step = accept(item, "  Anna  Berg ", "2026-12-15", "en")
    assert (step.what, step.who, step.due, step.suggestion) == (
        item.text("en"), "Anna Berg", "2026-12-15", "archetype:kundenversteher")


@pytest.mark.parametrize("due", ["15.12.2026", "2026-02-30", "", "tomorrow", "20261215", None])
def test_accepting_needs_a_real_date(due):
    with pytest.raises(NextStepError):
        checked_date(due)


def test_accepting_needs_someone_who_does_it(deck):
    with pytest.raises(NextStepError, match="someone"):
        accept(suggestions(None)[0], "  ", "2026-12-15", "de")


# --- charters ---


def test_charters_split_the_target_board_by_side_with_shared_tasks_and_handoffs(deck):
    board = reference_board(deck)
    board.add_card(Card("c1", "Messestand planen", "Plan the fair stand", custom=True), Zone.SHARED)
    agreement = Agreement(lambda: board)
    agreement.set_handoff("field_feedback", Handoff(Zone.SALES, "Einwände je Kundenfall"))
    marketing, sales = build_charters(agreement, None, "de").sides
    assert [c.id for c in marketing.responsible] == list(board.ids_in(Zone.MARKETING))
    assert [c.id for c in sales.responsible] == list(board.ids_in(Zone.SALES))
    assert [t.card.id for t in sales.leads] == ["field_feedback"] and marketing.leads == ()
    assert [t.card.id for t in marketing.contributes] == ["field_feedback"]
    assert [c.id for c in marketing.without_handoff] == ["c1"]


def test_the_why_quotes_the_ist_archetypes_recommendation_and_the_articles_closing(
        kundenversteher_board):
    agreement = Agreement(lambda: kundenversteher_board)
    why = build_charters(agreement, diagnose(kundenversteher_board), "de").why
    recommendation = {a.id: a for a in load_archetypes()}["kundenversteher"].recommendation("de")
    assert why == (recommendation, AGREEMENT_DATA["why"]["de"])
    assert "Reibungsverluste" in why[-1]


def test_markdown_has_a_section_per_side_and_prints_user_text_literally(deck):
    board = reference_board(deck)
    text = "<b>Preise</b> *sofort* [x](y)"
    board.add_card(Card("c1", text, text, custom=True), Zone.MARKETING)
    agreement = Agreement(lambda: board)
    agreement.set_handoff("field_feedback", Handoff(Zone.MARKETING, "Argumente | Fälle"))
    text = render_markdown(build_charters(agreement, None, "en"), "Team <Süd>", "2026-11-28")
    assert "## Marketing" in text and "## Sales" in text and "## Why this split" in text
    assert r"- \<b\>Preise\</b\> \*sofort\* \[x\](y)" in text
    assert r"hands over: Argumente \| Fälle" in text and r"receives: Argumente \| Fälle" in text
    assert r"Team \<Süd\>" in text and "<b>" not in text


def test_escape_markdown_keeps_the_text_on_one_line():
    assert escape_markdown("a\nb  c_d") == r"a b c\_d"
