"""The agreement's less travelled paths (domain/agreement*.py), found by `make mutation`: state kept for
a card that left the board, the undo record of a resolution, the open points as sentences, the one-line
refusals of the session JSON's agreement keys, and the agreement texts' labels (no Qt)."""

from __future__ import annotations

import json

import pytest
from test_agreement import KUNDENVERSTEHER_CARDS

from workshop_app.domain.agreement import (
    Agreement,
    AgreementError,
    Contest,
    ContestChanged,
    Handoff,
    Votes,
)
from workshop_app.domain.agreement_check import OpenPoint, check_agreement, describe
from workshop_app.domain.agreement_json import agreement_to_json, load_agreement_json
from workshop_app.domain.agreement_texts import (
    AgreementTexts,
    AgreementTextsError,
    Bilingual,
    agreement_label,
    read_agreement_texts,
)
from workshop_app.domain.deck import reference_board
from workshop_app.domain.diagnosis import diagnose, load_archetypes
from workshop_app.domain.model import Card, CardMoved, Zone


@pytest.fixture
def agreement(deck):
    """An agreement on the article's reference split (`agreement.board`)."""
    target = reference_board(deck)
    return Agreement(lambda: target)


# --- state of a card that leaves the board ---


def test_a_removed_card_has_no_contest_until_it_is_back(agreement):
    target = agreement.board
    agreement.mark_contested("terms")
    agreement.add_dots("terms", Zone.SALES)
    removed = target.remove_card("terms")
    assert agreement.contest("terms") is None
    target.add_card(removed.card, removed.zone, removed.index)  # the removal undone
    assert agreement.contest("terms") == Contest(Votes(sales=1))


def test_a_removed_schnittstelle_card_has_no_handoff_until_it_is_back(agreement):
    target = agreement.board
    handoff = Handoff(Zone.SALES, "Einwände je Kundenfall")
    agreement.set_handoff("field_feedback", handoff)
    removed = target.remove_card("field_feedback")
    assert agreement.handoff("field_feedback") is None and agreement.handoffs() == {}
    target.add_card(removed.card, removed.zone, removed.index)
    assert agreement.handoff("field_feedback") == handoff


def test_add_dots_adds_one_dot_unless_told_otherwise(agreement):
    agreement.mark_contested("terms")
    agreement.add_dots("terms", Zone.MARKETING)
    agreement.add_dots("terms", Zone.MARKETING)
    assert agreement.contest("terms").votes == Votes(marketing=2)


@pytest.mark.parametrize("change", [
    lambda a: a.mark_contested("terms"),
    lambda a: a.set_handoff("field_feedback", Handoff(Zone.SALES, "x")),
    lambda a: a.set_accepted("kreativlinge", "weil"),
    lambda a: a.set_closed(True),
])
def test_any_one_kind_of_agreement_state_makes_it_not_empty(agreement, change):
    assert agreement.is_empty()
    change(agreement)
    assert not agreement.is_empty()


def test_marking_a_contested_card_again_keeps_its_votes_and_unmarking_an_unmarked_one_is_no_change(
        agreement):
    agreement.mark_contested("terms")
    voted = agreement.add_dots("terms", Zone.SALES, 2)
    assert agreement.mark_contested("terms") == ContestChanged("terms", voted.after, voted.after)
    assert agreement.mark_contested("advertising", False) == ContestChanged("advertising", None, None)
    assert agreement.contests() == {"terms": voted.after}


def test_a_contest_must_be_a_contest_of_votes(agreement):
    with pytest.raises(AgreementError):
        agreement.set_contest("terms", Contest(votes={"sales": 1}))
    assert agreement.contest("terms") is None


def test_the_dot_limit_and_the_text_limits_are_inclusive(agreement):
    assert Votes(999, 999, 999).validated().total == 2997
    with pytest.raises(AgreementError, match="^votes for marketing must be between 0 and 999, not 1000$"):
        Votes(1000).validated()
    agreement.set_handoff("field_feedback", Handoff(Zone.SALES, "x" * 300))
    agreement.set_accepted("kreativlinge", "y" * 2000)
    agreement.mark_contested("terms")
    assert agreement.resolve("terms", Zone.SALES, "z" * 2000).after.resolution == "z" * 2000


def test_a_resolution_without_a_reason_has_an_empty_one(agreement):
    agreement.mark_contested("terms")
    assert agreement.resolve("terms", Zone.MARKETING).after == Contest(resolution="")


def test_a_too_long_reason_is_refused_with_the_line_the_facilitator_reads(agreement):
    agreement.mark_contested("terms")
    with pytest.raises(AgreementError, match="^a reason is longer than 2000 characters$"):
        agreement.resolve("terms", Zone.SALES, "z" * 2001)
    assert agreement.contest("terms") == Contest()


def test_changing_a_handoff_or_a_reason_records_the_one_before(agreement):
    first, second = Handoff(Zone.SALES, "Einwände"), Handoff(Zone.MARKETING, "Argumente")
    agreement.set_handoff("field_feedback", first)
    assert agreement.set_handoff("field_feedback", second).before == first
    assert agreement.set_handoff("field_feedback", None).before == second
    agreement.set_accepted("kreativlinge", "Agentur bleibt")
    assert agreement.set_accepted("kreativlinge", "Agentur bleibt zwei Jahre").before == "Agentur bleibt"
    assert agreement.set_accepted("kreativlinge", None).before == "Agentur bleibt zwei Jahre"
    assert agreement.accepted() == {} and agreement.handoffs() == {}


# --- undoing a resolution ---


def test_the_undo_of_a_resolution_records_what_it_undid_and_the_move_back(agreement):
    target = agreement.board
    agreement.mark_contested("terms")
    voted = agreement.add_dots("terms", Zone.MARKETING, 3)
    resolved = agreement.resolve("terms", Zone.MARKETING, "Konditionen zentral")
    moves = []
    target.subscribe(moves.append)
    undone = agreement.undo_resolve(resolved)
    assert undone == ContestChanged("terms", resolved.after, voted.after, moves[-1])
    assert moves[-1] == CardMoved("terms", Zone.MARKETING, len(target.ids_in(Zone.MARKETING)),
                                  Zone.SALES, resolved.move.from_index)
    assert target.zone_of("terms") is Zone.SALES


def test_only_a_change_that_placed_a_card_can_be_undone_as_a_resolution(agreement):
    marked = agreement.mark_contested("terms")
    with pytest.raises(AgreementError):
        agreement.undo_resolve(marked)
    assert agreement.contest("terms") == Contest()


# --- the check and its sentences ---


def test_the_check_judges_against_the_diagnosis_it_is_given(agreement):
    target = agreement.board
    for card_id in KUNDENVERSTEHER_CARDS:
        target.move(card_id, Zone.MARKETING)
    agreement.set_handoff("field_feedback", Handoff(Zone.SALES, "x"))
    others = [archetype for archetype in load_archetypes() if archetype.id != "kundenversteher"]
    assert [p.archetype for p in check_agreement(agreement).open] == ["kundenversteher"]
    assert check_agreement(agreement, diagnose(target, others)).complete


@pytest.mark.parametrize(("point", "language", "sentence"), [
    (OpenPoint("unplaced", "c1"), "en", '"Trade fair stand" is not on the board yet.'),
    (OpenPoint("unplaced", "c1"), "de", "„Messestand planen“ liegt noch nicht auf dem Board."),
    (OpenPoint("handoff", "field_feedback"), "de",
     "„Rückmeldung aus Kundengesprächen“ liegt an der Schnittstelle, aber ohne Übergabe "
     "(wer führt, was geht hinüber)."),
    (OpenPoint("contested", "field_feedback"), "en",
     '"Feedback from customer talks" is contested and not resolved yet.'),
    (OpenPoint("archetype", archetype="kreativlinge"), "de",
     "Das Board ähnelt noch „Die Kreativlinge“ (nicht als gewollt begründet)."),
    (OpenPoint("archetype", archetype="kundenversteher"), "en",
     'The board still resembles "The customer-understanders" (not accepted with a reason).'),
    (OpenPoint("archetype", archetype="eigene"), "en",
     'The board still resembles "eigene" (not accepted with a reason).'),
])
def test_each_open_point_reads_as_one_sentence_in_the_language_asked(agreement, point, language, sentence):
    target = agreement.board
    target.add_card(Card("c1", "Messestand\n  planen ", "Trade fair\tstand", custom=True))
    assert describe(point, target, language) == sentence


# --- the session JSON's agreement keys: the one line `import` prints ---


@pytest.mark.parametrize(("data", "message"), [
    ({"contested": "terms"}, "'contested' must be a list of card ids"),
    ({"contested": ["terms", 3]}, "'contested' must be a list of card ids"),
    ({"contested": ["terms", "terms"]}, "'contested' names a card twice"),
    ({"votes": []}, "'votes' must be an object"),
    ({"resolved": "ja"}, "'resolved' must be an object"),
    ({"contested": ["terms"], "votes": {"terms": 3}},
     "votes: card 'terms': an object of marketing, shared, sales expected"),
    ({"contested": ["terms"], "votes": {"terms": {"sales": -1}}},
     "votes: card 'terms': votes for sales must be between 0 and 999, not -1"),
    ({"contested": ["terms"], "votes": {"advertising": {"sales": 1}}},
     "votes: card 'advertising' is not listed in 'contested'"),
    ({"contested": ["terms"], "resolved": {"advertising": "weil"}},
     "resolved: card 'advertising' is not listed in 'contested'"),
    ({"contested": ["terms"], "resolved": {"terms": 5}}, "resolved: card 'terms': the reason must be a text"),
    ({"handoffs": {"field_feedback": "sales"}},
     "handoffs: card 'field_feedback': an object with lead and what expected"),
    ({"handoffs": {"field_feedback": {"lead": "shared", "what": "x"}}},
     "handoffs: card 'field_feedback': lead must be marketing or sales, not 'shared'"),
    ({"handoffs": {"field_feedback": {"lead": "sales", "what": " "}}},
     "handoffs: card 'field_feedback': a handoff needs a text: what passes across"),
    ({"accepted": {"kreativlinge": 3}}, "accepted: 'kreativlinge': the reason must be a text"),
    ({"contested": ["nope"]}, "agreement: unknown card 'nope'"),
    ({"closed": 1}, "'closed' must be true or false, not 1"),
    ({"handoffs": {"field_feedback": {"lead": "sales", "what": 5}}},
     "handoffs: card 'field_feedback': a handoff's text must be a text, not int"),
    ({"handoffs": {"field_feedback": {"lead": "sales", "what": "x" * 301}}},
     "handoffs: card 'field_feedback': a handoff's text is longer than 300 characters"),
    ({"handoffs": {"field_feedback": {"lead": "sales", "what": "Einwände \ud800"}}},
     "handoffs: card 'field_feedback': a handoff's text holds characters that are not valid Unicode"),
    ({"handoffs": {"advertising": {"lead": "sales", "what": "x"}}},
     "agreement: card 'advertising' is not in the Schnittstelle (marketing): "
     "only Schnittstelle cards take a handoff"),
    ({"accepted": {"kreativlinge": " "}}, "agreement: accepting an archetype needs a reason"),
    ({"accepted": {"kreativlinge": "y" * 2001}}, "agreement: a reason is longer than 2000 characters"),
    ({"contested": ["terms"], "resolved": {"terms": "z" * 2001}},
     "agreement: a reason is longer than 2000 characters"),
])
def test_bad_agreement_keys_are_refused_with_the_line_import_prints(agreement, data, message):
    with pytest.raises(AgreementError) as refused:
        load_agreement_json(data, agreement)
    assert str(refused.value) == message


def test_agreement_keys_left_out_mean_nothing_agreed_and_not_closed(agreement):
    loaded = load_agreement_json({}, agreement)
    assert loaded.is_empty() and not loaded.closed
    assert agreement_to_json(loaded) == {"contested": [], "votes": {}, "resolved": {}, "handoffs": {},
                                         "accepted": {}, "closed": False}


def test_a_contested_card_without_votes_or_resolution_reads_back_open(agreement):
    loaded = load_agreement_json({"contested": ["terms"], "resolved": {"terms": None}}, agreement)
    assert loaded.contests() == {"terms": Contest()}


# --- the agreement texts ---


def test_a_label_is_given_in_the_language_asked_with_its_fields_filled_in():
    assert agreement_label("check_incomplete", "de", count=3) == (
        "Die Vereinbarung ist unvollständig – offene Punkte: 3.")
    assert agreement_label("check_incomplete", "en", count=1) == (
        "The agreement is incomplete – open points: 1.")
    assert agreement_label("zone_shared", "de") == "Schnittstelle"


def test_a_label_without_fields_keeps_its_braces_and_an_unknown_label_is_named():
    texts = AgreementTexts({}, (), Bilingual("", ""), {"set": Bilingual("Menge {a, b}", "set {a, b}")})
    assert texts.label("set", "de") == "Menge {a, b}"
    with pytest.raises(AgreementTextsError, match="^agreement.json: no label 'nope'$"):
        texts.label("nope", "en")


def minimal_texts() -> dict:
    both = {"de": "d", "en": "e"}
    return {"next_steps": {archetype_id: both for archetype_id in
                           ("kundenversteher", "stichwortgeber", "kundenschmeichler", "kreativlinge")},
            "closing_steps": [], "why": both, "labels": {}}


def write_texts(tmp_path, data) -> object:
    path = tmp_path / "agreement.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_shipped_texts_and_a_minimal_file_are_read(tmp_path):
    shipped = read_agreement_texts()
    assert [step_id for step_id, _ in shipped.closing_steps] == ["job_descriptions", "job_titles", "boundary"]
    assert shipped.label("open_handoff", "en", card="X").startswith('"X" is in the interface')
    data = minimal_texts()
    data["next_steps"]["eigene"] = {"de": "Eigenes", "en": "Own"}
    data["closing_steps"] = [{"id": "c1", "text": {"de": "Schluss", "en": "Close"}}]
    data["labels"] = {"agreement": {"de": "Vereinbarung", "en": "Agreement"}}
    texts = read_agreement_texts(write_texts(tmp_path, data))
    assert texts.next_steps["eigene"] == Bilingual("Eigenes", "Own")
    assert texts.closing_steps == (("c1", Bilingual("Schluss", "Close")),)
    assert texts.why == Bilingual("d", "e") and texts.label("agreement", "de") == "Vereinbarung"


def _without_kreativlinge(data):
    del data["next_steps"]["kreativlinge"]


@pytest.mark.parametrize(("spoil", "message"), [
    (lambda d: d.update(next_steps=[]), "agreement.json: 'next_steps' must be an object"),
    (_without_kreativlinge, "agreement.json: next_steps has no text for 'kreativlinge'"),
    (lambda d: d["next_steps"].update(kreativlinge={"de": "nur deutsch"}),
     "agreement.json: next_steps: 'kreativlinge' needs German and English texts"),
    (lambda d: d.update(closing_steps={}),
     "agreement.json: closing_steps must be a list of objects with an id"),
    (lambda d: d.update(closing_steps=["c1"]),
     "agreement.json: closing_steps must be a list of objects with an id"),
    (lambda d: d.update(closing_steps=[{"id": 1}]),
     "agreement.json: closing_steps must be a list of objects with an id"),
    (lambda d: d.update(closing_steps=[{"id": "c1", "text": "Schluss"}]),
     "agreement.json: c1: 'text' needs German and English texts"),
    (lambda d: d.update(labels=None), "agreement.json: 'labels' must be an object"),
    (lambda d: d.update(labels={"agreement": {"en": "Agreement"}}),
     "agreement.json: labels: 'agreement' needs German and English texts"),
    (lambda d: d.pop("why"), "agreement.json: 'why' needs German and English texts"),
])
def test_a_spoilt_texts_file_is_refused_with_one_line_naming_the_place(tmp_path, spoil, message):
    data = minimal_texts()
    spoil(data)
    with pytest.raises(AgreementTextsError) as refused:
        read_agreement_texts(write_texts(tmp_path, data))
    assert str(refused.value) == message


def test_a_texts_file_that_is_no_json_is_refused_with_one_line(tmp_path):
    path = tmp_path / "agreement.json"
    path.write_text('{"labels": ', encoding="utf-8")
    with pytest.raises(AgreementTextsError, match="^agreement.json: cannot read: ") as refused:
        read_agreement_texts(path)
    assert "\n" not in str(refused.value)
