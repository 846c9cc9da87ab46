"""The PDF tells the truth about the state: an as-is assessment without signatures, or an agreement
with Ist beside Soll, both diagnoses, what moved and the perception gap."""

from __future__ import annotations

from pdf_helpers import all_text, page_texts, squeeze

from workshop_app.domain.deck import load_deck, reference_board
from workshop_app.domain.diagnosis import diagnose
from workshop_app.domain.model import Zone
from workshop_app.domain.rounds import GROUP_A, GROUP_B, IST, SOLL, Rounds
from workshop_app.domain.session import Session, SessionInfo
from workshop_app.export import summary_pdf
from workshop_app.export.texts import Labels

INFO = SessionInfo("Vertrieb Süd", "Acme", "Anna", "2025-06-01", "en", ["Jonas", "Mira"])
KUNDENVERSTEHER = ("needs_analysis", "product_proposal", "benefit_persuasion")


def workshop() -> Session:
    """Perception round (groups disagree on one of three cards), Ist from group A: a
    Kundenversteher board, Soll moves the product selling to sales."""
    rounds = Rounds({IST: load_deck().board()})
    rounds.start_perception(("Marketing <b>team</b>", "Verkauf & Co"))
    for round_name in (GROUP_A, GROUP_B):
        board = rounds.board(round_name)
        for card_id in KUNDENVERSTEHER:
            board.move(card_id, Zone.MARKETING)
        board.move("price_negotiation", Zone.SALES)
    rounds.board(GROUP_A).move("terms", Zone.SALES)
    rounds.board(GROUP_B).move("terms", Zone.SHARED)
    rounds.start_ist_from("a")
    rounds.start_soll()
    for card_id in KUNDENVERSTEHER:
        rounds.board(SOLL).move(card_id, Zone.SALES)
    return Session(INFO, rounds.board(), round=SOLL, rounds=rounds)


def test_an_ist_only_session_is_an_as_is_assessment_without_signatures():
    session = workshop()
    ist_only = Session(INFO, session.rounds.board(IST))
    text = squeeze(all_text(summary_pdf(ist_only)))
    labels = Labels("en")
    assert squeeze("As-is assessment") in text and squeeze("As is – how we work today") in text
    for absent in ("agreed_by", "agreement_text", "sign_date_signature", "section_moves",
                   "section_perception"):
        assert squeeze(labels[absent]) not in text, absent
    assert squeeze("The agreed boundary") not in text and squeeze("Workshop summary") not in text
    assert squeeze("The customer-understanders") in text  # its own diagnosis


def test_an_agreement_shows_soll_ist_both_diagnoses_what_moved_and_the_perception_gap():
    session = workshop()
    session.agreement.set_closed(True)  # signatures only for a closed agreement
    data = summary_pdf(session)
    pages = [squeeze(page) for page in page_texts(data)]
    text = "".join(pages)
    labels = Labels("en")
    order = [squeeze(labels[key]) for key in ("section_board_soll", "section_ist_before",
                                              "section_moves", "section_diagnosis",
                                              "section_perception", "section_agreement")]
    positions = [text.index(heading) for heading in order[:-1]]
    positions.append(text.rindex(order[-1]))  # "Agreement with the reference" stands in the facts
    assert positions == sorted(positions)
    moves = text[positions[2]:positions[3]]
    assert squeeze("3 cards stand elsewhere in the target than as is.") in moves
    for card_id in KUNDENVERSTEHER:
        card = squeeze(session.board.card(card_id).text("en"))
        assert squeeze(f"{card}MarketingSales") in moves, card_id
    ist_score = diagnose(session.rounds.board(IST)).result("kundenversteher").score
    soll_score = diagnose(session.board).result("kundenversteher").score
    assert ist_score == 1.0 and soll_score < 0.6
    diagnosis = text[positions[3]:positions[4]]
    assert squeeze(f"As is {labels.percent(ist_score)}The customer-understanders"
                   f"{labels.percent(soll_score)}") in diagnosis
    assert squeeze("As is, the split resembled: The customer-understanders") in diagnosis
    gap = text[positions[4]:positions[5]]
    assert squeeze("Divergence 20%: 1 of 5 placed cards") in gap
    assert squeeze("Marketing <b>team</b> sees the split as: The customer-understanders") in gap
    assert squeeze("Verkauf & Co sees the split as: The customer-understanders") in gap
    terms = squeeze(session.board.card("terms").text("en"))
    assert squeeze(f"{terms}SalesInterfacedisputed") in gap
    assert squeeze("Agreed by") in text and squeeze("Jonas") in text[positions[5]:]


def test_a_soll_without_moves_says_nothing_moved():
    session = workshop()
    rounds = Rounds({IST: session.rounds.board(IST)})
    rounds.start_soll()
    text = squeeze(all_text(summary_pdf(Session(INFO, rounds.board(), round=SOLL, rounds=rounds))))
    assert squeeze("No card stands elsewhere in the target than as is.") in text
    assert squeeze(Labels("en")["section_perception"]) not in text


def test_the_target_board_is_headed_agreed_only_once_the_agreement_is_closed():
    """Issue 11: an open agreement is a draft; page 1 must not call it 'the agreed boundary'."""
    session = workshop()
    for language, draft, agreed in (
            ("en", "Target – draft boundary (not yet closed)", "The agreed boundary"),
            ("de", "Soll – Entwurf der Grenze (noch nicht abgeschlossen)", "Die vereinbarte Grenze")):
        first = squeeze(page_texts(summary_pdf(session, language=language))[0])
        assert squeeze(draft) in first and squeeze(agreed) not in first, language
    session.agreement.set_closed(True)
    first = squeeze(page_texts(summary_pdf(session, language="de"))[0])
    assert squeeze("Die vereinbarte Grenze: Soll – so wollen wir arbeiten") in first
    assert squeeze("Entwurf") not in first


def test_one_move_is_singular_and_a_group_seeing_no_pattern_says_so():
    rounds = Rounds({IST: load_deck().board()})
    rounds.start_perception(("Marketing-Team", "Vertrieb"))
    reference = reference_board()
    for card, zone in reference.placed():
        rounds.board(GROUP_A).move(card.id, zone)
    for card_id in KUNDENVERSTEHER:
        rounds.board(GROUP_B).move(card_id, Zone.MARKETING)
    rounds.start_ist_from("a")
    rounds.start_soll()
    rounds.board(SOLL).move("terms", Zone.SHARED if reference.zone_of("terms") != Zone.SHARED
                            else Zone.MARKETING)
    info = SessionInfo("Vertrieb Süd", "Acme", "Anna", "2025-06-01", "de", [])
    text = squeeze(all_text(summary_pdf(Session(info, rounds.board(), round=SOLL, rounds=rounds))))
    assert squeeze("1 Karte steht im Soll anders als im Ist.") in text
    assert squeeze("Marketing-Team erkennt keines der vier Muster") in text
    assert squeeze("Vertrieb sieht die Aufteilung als: Die Kundenversteher") in text
    assert "keinem Archetyp" not in text
