"""The role charters as a facilitator pastes them into a wiki: the whole Markdown document in German
(every heading, lead-in and marker in the chosen language, a blank line between blocks, the article's
sentences as one quote), and the parts a side without tasks or handoffs gets."""

from __future__ import annotations

import json

from workshop_app.domain.agreement import Agreement, Handoff
from workshop_app.domain.charter import build_charters, charter_sections, render_markdown
from workshop_app.domain.diagnosis import diagnose, load_archetypes
from workshop_app.domain.model import Board, Card, Zone
from workshop_app.paths import resource

DATA = json.loads(resource("agreement.json").read_text(encoding="utf-8"))


def de(key: str, language: str = "de", **fields: str) -> str:
    """A label of resources/agreement.json (German unless asked), read from the file itself."""
    return DATA["labels"][key][language].format(**fields)


def small_agreement() -> Agreement:
    """Marketing plans ads; three Schnittstelle cards, one led by Marketing, one by Verkauf, one
    without a handoff; Verkauf holds nothing alone. German and English texts differ, and the texts
    carry extra spaces."""
    cards = [Card("ads", "Werbung  planen", "Plan ads", custom=True),
             Card("leads", "Leads\nbewerten", "Rate leads", custom=True),
             Card("echo", "Einwände sammeln", "Collect objections", custom=True),
             Card("prices", "Preise klären", "Settle prices", custom=True)]
    board = Board.from_zones(cards, {Zone.MARKETING: ["ads"],
                                     Zone.SHARED: ["leads", "echo", "prices"]})
    agreement = Agreement(lambda: board)
    agreement.set_handoff("leads", Handoff(Zone.MARKETING, "Leads  je\tWoche"))
    agreement.set_handoff("echo", Handoff(Zone.SALES, "Einwände"))
    return agreement


def test_the_german_charter_document_line_by_line():
    charters = build_charters(small_agreement(), None, "de")
    assert charters.language == "de"
    text = render_markdown(charters, "Team Süd", "2026-11-28")
    hands_over, receives = de("charter_hands_over", what="Leads je Woche"), de(
        "charter_receives", what="Leads je Woche")
    assert text.split("\n") == [
        f"# {de('charter_title')}", "",
        de("charter_from", title="Team Süd", date="2026-11-28"), "",
        "## Marketing", "",
        de("charter_responsible", side="Marketing", other="Verkauf"), "",
        "- Werbung planen", "",
        de("charter_leads", side="Marketing", other="Verkauf"), "",
        f"- Leads bewerten – {hands_over}", "",
        de("charter_supports", side="Marketing", other="Verkauf"), "",
        f"- Einwände sammeln – {de('charter_receives', what='Einwände')}", "",
        de("charter_no_handoff", side="Marketing", other="Verkauf"), "",
        "- Preise klären", "",
        "## Verkauf", "",
        de("charter_responsible", side="Verkauf", other="Marketing"), "",
        f"- *{de('charter_nothing')}*", "",
        de("charter_leads", side="Verkauf", other="Marketing"), "",
        f"- Einwände sammeln – {de('charter_hands_over', what='Einwände')}", "",
        de("charter_supports", side="Verkauf", other="Marketing"), "",
        f"- Leads bewerten – {receives}", "",
        de("charter_no_handoff", side="Verkauf", other="Marketing"), "",
        "- Preise klären", "",
        f"## {de('charter_why')}", "",
        f"> {DATA['why']['de']}", ">",
        f"> — {de('source_article')}", ""]


def test_the_why_quotes_each_resembled_archetypes_recommendation_as_its_own_paragraph(deck):
    board = deck.board()
    for card_id in ("needs_analysis", "product_proposal", "benefit_persuasion"):
        board.move(card_id, Zone.MARKETING)
    charters = build_charters(Agreement(lambda: board), diagnose(board), "de")
    text = render_markdown(charters, "T", "2026-11-28")
    recommendation = {a.id: a for a in load_archetypes()}["kundenversteher"].recommendation("de")
    quote = text[text.index(f"## {de('charter_why')}"):].split("\n")[2:6]
    assert quote == [f"> {recommendation}", ">", f"> {DATA['why']['de']}", ">"]


def test_a_side_with_nothing_at_the_interface_gets_only_its_responsibilities():
    board = Board.from_zones([Card("ads", "Werbung", "Ads", custom=True)], {Zone.SALES: ["ads"]})
    marketing, sales = build_charters(Agreement(lambda: board), None, "en").sides
    assert charter_sections(marketing, "en") == [
        (de("charter_responsible", "en", side="Marketing"), [])]
    assert charter_sections(sales, "en") == [(de("charter_responsible", "en", side="Sales"), ["Ads"])]
