"""Suggested next steps by id, as the PDF and the accept dialog name them, and the one-line refusals
the accept dialog shows when who or by when is not usable."""

from __future__ import annotations

import json

import pytest

from workshop_app.domain.diagnosis import load_archetypes
from workshop_app.domain.next_steps import (
    MAX_WHO_CHARS,
    NextStepError,
    accept,
    checked_date,
    closing_suggestions,
    suggestion,
)
from workshop_app.paths import resource

DATA = json.loads(resource("agreement.json").read_text(encoding="utf-8"))


def test_each_closing_suggestion_is_found_by_its_id_and_names_the_articles_conclusion():
    for entry in DATA["closing_steps"]:
        found = suggestion(f"closing:{entry['id']}")
        assert found is not None and found.id == f"closing:{entry['id']}" and found.archetype is None
        assert found.text("de") == entry["text"]["de"]
        assert found.source("de") == DATA["labels"]["source_closing"]["de"]
        assert found.source("en") == DATA["labels"]["source_closing"]["en"]
    assert [item.id for item in closing_suggestions()] == [
        f"closing:{entry['id']}" for entry in DATA["closing_steps"]]


def test_an_archetypes_suggestion_keeps_its_id_and_names_the_archetype():
    archetype = load_archetypes()[1]
    found = suggestion(f"archetype:{archetype.id}")
    assert (found.id, found.archetype) == (f"archetype:{archetype.id}", archetype.id)
    assert found.source("de") == archetype.name("de") and found.source("en") == archetype.name("en")


@pytest.mark.parametrize("suggestion_id", ["archetype:gone", "closing:gone", "something else", ""])
def test_an_id_the_data_no_longer_has_is_no_suggestion(suggestion_id):
    assert suggestion(suggestion_id) is None


def test_a_step_accepted_from_an_archetype_the_data_lost_names_the_archetype_id():
    found = suggestion(f"archetype:{load_archetypes()[0].id}")
    lost = type(found)("archetype:retired", found.what, "retired")
    assert lost.source("de") == "retired"


def test_the_step_takes_the_text_in_the_language_of_the_workshop():
    item = closing_suggestions()[0]
    assert accept(item, "Mira", "2027-01-31", "de").what == DATA["closing_steps"][0]["text"]["de"]
    assert accept(item, "Mira", "2027-01-31", "en").what == DATA["closing_steps"][0]["text"]["en"]


def test_who_may_have_up_to_the_limit_of_characters():
    item = closing_suggestions()[0]
    assert accept(item, "W" * MAX_WHO_CHARS, "2027-01-31", "de").who == "W" * MAX_WHO_CHARS
    with pytest.raises(NextStepError, match=f"^'who' is longer than {MAX_WHO_CHARS} characters$"):
        accept(item, "W" * (MAX_WHO_CHARS + 1), "2027-01-31", "de")


@pytest.mark.parametrize("who", ["", " \n ", None, 7])
def test_a_step_without_someone_is_refused_with_the_line_the_dialog_shows(who):
    with pytest.raises(NextStepError, match="^a next step needs someone who does it$"):
        accept(closing_suggestions()[0], who, "2027-01-31", "de")


@pytest.mark.parametrize("due, message", [
    ("31.01.2027", r"^by when must be a date \(YYYY-MM-DD\), not '31.01.2027'$"),
    (None, r"^by when must be a date \(YYYY-MM-DD\), not None$"),
    ("2027-02-30", r"^'2027-02-30' is not a date in the calendar$"),
])
def test_a_date_that_is_none_is_refused_with_the_line_the_dialog_shows(due, message):
    with pytest.raises(NextStepError, match=message):
        checked_date(due)
