"""Next steps the app suggests: the article's remedy for each archetype the Ist round resembles, and
the article's closing suggestions (coherent job descriptions, job titles on business cards, a
clearly stated boundary). The texts are data (`resources/agreement.json`); the facilitator accepts a
suggestion with who does it and by when, and it becomes a next step that remembers where it came
from."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from workshop_app.domain.agreement_texts import Bilingual, load_agreement_texts
from workshop_app.domain.diagnosis import Diagnosis, load_archetypes
from workshop_app.domain.session import ActionItem

ARCHETYPE_PREFIX = "archetype:"
CLOSING_PREFIX = "closing:"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_WHO_CHARS = 200


class NextStepError(ValueError):
    """A suggestion that cannot be accepted as given (unknown, no one named, not a date)."""


@dataclass(frozen=True)
class Suggestion:
    id: str  # "archetype:<archetype id>" or "closing:<id>"
    what: Bilingual
    archetype: str | None  # the archetype whose remedy this is; None: the article's closing

    def text(self, language: str) -> str:
        return self.what.text(language)

    def source(self, language: str) -> str:
        """Where the suggestion comes from: the archetype's name, or the article's conclusion."""
        texts = load_agreement_texts()
        if self.archetype is None:
            return texts.label("source_closing", language)
        names = {archetype.id: archetype for archetype in load_archetypes()}
        archetype = names.get(self.archetype)
        return archetype.name(language) if archetype else self.archetype


def suggestions(ist_diagnosis: Diagnosis | None) -> tuple[Suggestion, ...]:
    """The remedies of the archetypes the Ist board resembles (highest score first), then the
    article's closing suggestions."""
    texts = load_agreement_texts()
    flagged = ist_diagnosis.flagged() if ist_diagnosis is not None else []
    remedies = tuple(Suggestion(ARCHETYPE_PREFIX + result.id, texts.next_steps[result.id], result.id)
                     for result in flagged if result.id in texts.next_steps)
    return remedies + closing_suggestions()


def closing_suggestions() -> tuple[Suggestion, ...]:
    return tuple(Suggestion(CLOSING_PREFIX + step_id, text, None)
                 for step_id, text in load_agreement_texts().closing_steps)


def suggestion(suggestion_id: str) -> Suggestion | None:
    """Any suggestion the app can make, by id (None when the data no longer has it)."""
    texts = load_agreement_texts()
    if suggestion_id.startswith(ARCHETYPE_PREFIX):
        archetype_id = suggestion_id[len(ARCHETYPE_PREFIX):]
        text = texts.next_steps.get(archetype_id)
        return Suggestion(suggestion_id, text, archetype_id) if text else None
    return next((item for item in closing_suggestions() if item.id == suggestion_id), None)


def accept(item: Suggestion, who: str, due: str, language: str) -> ActionItem:
    """The next step that accepting `item` adds: its text, who does it and by when (YYYY-MM-DD)."""
    who = " ".join(who.split()) if isinstance(who, str) else who
    if not isinstance(who, str) or not who:
        raise NextStepError("a next step needs someone who does it")
    if len(who) > MAX_WHO_CHARS:
        raise NextStepError(f"'who' is longer than {MAX_WHO_CHARS} characters")
    return ActionItem(item.text(language), who, checked_date(due), item.id)


def checked_date(value: object) -> str:
    """`value` when it is a date written YYYY-MM-DD, else NextStepError."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise NextStepError(f"by when must be a date (YYYY-MM-DD), not {value!r}")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise NextStepError(f"{value!r} is not a date in the calendar") from None
    return value
