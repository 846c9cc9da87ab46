"""The PDF's agreement part, read back with pypdf: complete and closed (with signatures), or
incomplete with its open points (no signatures); votes, handoffs, next steps with their suggestion,
the role charters; user text printed literally."""

from __future__ import annotations

from pdf_helpers import all_text, squeeze

from workshop_app.domain.agreement import Handoff, Votes
from workshop_app.domain.deck import reference_board
from workshop_app.domain.diagnosis import diagnose, load_archetypes
from workshop_app.domain.model import Card, Zone
from workshop_app.domain.next_steps import accept, suggestions
from workshop_app.domain.rounds import IST, SOLL, Rounds
from workshop_app.domain.session import ActionItem, Session, SessionInfo
from workshop_app.export import summary_pdf
from workshop_app.export.texts import Labels

KUNDENVERSTEHER = ("needs_analysis", "product_proposal", "benefit_persuasion")
HOSTILE = "Standplan <b>fett</b> & <img src='x.png'/> → Verkauf"


def workshop(complete: bool) -> Session:
    """Ist resembles Kundenversteher; Soll moves the product sale to sales, with a custom card in the
    Schnittstelle; two contested cards (one resolved), one handoff, two accepted suggestions."""
    ist = reference_board()
    for card_id in KUNDENVERSTEHER:
        ist.move(card_id, Zone.MARKETING)
    rounds = Rounds({IST: ist})
    rounds.start_soll()
    soll = rounds.board(SOLL)
    for card_id in KUNDENVERSTEHER:
        soll.move(card_id, Zone.SALES)
    soll.add_card(Card("c1", "Messestand planen", "Plan the fair stand", "advertising", True),
                  Zone.SHARED)
    session = Session(SessionInfo("Vertrieb Süd", "Acme", "Anna", "2026-11-28", "en",
                                  ["Jonas", "Mira"]), soll, round=SOLL, rounds=rounds)
    agreement = session.agreement
    agreement.mark_contested("price_negotiation")
    agreement.set_votes("price_negotiation", Votes(2, 1, 9))
    agreement.resolve("price_negotiation", Zone.SALES, "Whoever knows the customer negotiates")
    agreement.mark_contested("terms")
    agreement.set_votes("terms", Votes(4, 0, 4))
    agreement.set_handoff("field_feedback", Handoff(Zone.SALES, "Objections per case → Marketing"))
    if complete:
        agreement.resolve("terms", Zone.SALES, "")
        agreement.set_handoff("c1", Handoff(Zone.MARKETING, HOSTILE))
        agreement.set_closed(True)
    offered = suggestions(diagnose(ist))
    session.action_items = [accept(offered[0], "Jonas", "2026-12-15", "en"),
                            accept(offered[1], "Mira", "2027-01-31", "en"),
                            ActionItem("Clarify the budget", "Anna", "Q1")]
    return session


def test_a_complete_closed_agreement_has_votes_handoffs_steps_charters_and_signatures():
    text = squeeze(all_text(summary_pdf(workshop(complete=True))))
    labels = Labels("en")
    agreement = text[text.index(squeeze(labels["section_contested"])):]
    assert squeeze("The agreement is complete and closed.") in text
    assert squeeze(labels["open_points"]) not in text
    assert squeeze("Negotiate prices219Sales: Whoever knows the customer negotiates") in agreement
    assert squeeze("Agree terms and conditions404Sales") in agreement
    assert squeeze("Feedback from customer talksSalesObjections per case → Marketing") in agreement
    assert squeeze(f"Plan the fair standMarketing{HOSTILE}") in agreement  # literally
    steps = text[text.index(squeeze(labels["section_actions"])):]
    kundenversteher = {a.id: a for a in load_archetypes()}["kundenversteher"].name("en")
    assert squeeze(f"Jonas15 December 2026{kundenversteher}") in steps
    assert squeeze("Mira31 January 2027The article's conclusion") in steps
    charters = text[text.index(squeeze("Role charters (draft)")):]
    assert squeeze("Marketing is responsible for:") in charters
    assert squeeze("Sales is responsible for:") in charters
    assert squeeze(f"At the interface, Marketing leads:•Plan the fair stand – hands over: {HOSTILE}") \
        in charters
    assert squeeze("Train and upgrade sales") in charters and squeeze("internal friction") in charters
    assert squeeze("Agreed by") in charters and squeeze("Jonas") in text[text.rindex(squeeze("Agreed by")):]


def test_an_incomplete_agreement_lists_its_open_points_and_has_no_signatures():
    session = workshop(complete=False)
    session.rounds.board(SOLL).move("advertising", Zone.UNPLACED)
    text = squeeze(all_text(summary_pdf(session)))
    assert squeeze("The agreement is incomplete – open points: 3.") in text
    points = text[text.index(squeeze("Open points")):text.index(squeeze("Contested cards"))]
    assert squeeze('"Advertising" is not on the board yet.') in points
    assert squeeze('"Plan the fair stand" is in the interface without a handoff') in points
    assert squeeze('"Agree terms and conditions" is contested and not resolved yet.') in points
    assert squeeze("Agree terms and conditions404still open") in text
    assert squeeze("Plan the fair stand–no handoff yet") in text
    assert squeeze("Agreed by") not in text and squeeze("Date, signature") not in text


def test_closing_with_open_points_is_said_and_signed():
    session = workshop(complete=False)
    session.agreement.set_closed(True)
    text = squeeze(all_text(summary_pdf(session)))
    assert squeeze("The agreement was closed with points still open: 2.") in text
    assert squeeze("Agreed by") in text


def test_a_german_pdf_takes_its_agreement_texts_from_the_data():
    session = workshop(complete=True)
    text = squeeze(all_text(summary_pdf(session, language="de")))
    for expected in ("Die Vereinbarung ist vollständig und abgeschlossen.", "Strittige Karten",
                     "Übergaben an der Schnittstelle", "Rollenbeschreibungen (Entwurf)",
                     "Marketing ist verantwortlich für:", "Warum diese Aufteilung",
                     "Reibungsverluste", "Vorschlag aus", "Schluss des Artikels"):
        assert squeeze(expected) in text, expected


def test_an_as_is_assessment_without_agreement_has_no_agreement_part():
    session = Session(SessionInfo("Ist", language="en"), reference_board())
    text = squeeze(all_text(summary_pdf(session)))
    assert squeeze("Role charters") not in text and squeeze("open points") not in text
