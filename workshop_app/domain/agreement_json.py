"""The agreement in the session JSON: the keys `contested`, `votes`, `resolved`, `handoffs`, `accepted`
and `closed` beside the rounds.

    "contested": ["price_negotiation"],
    "votes": {"price_negotiation": {"marketing": 2, "shared": 1, "sales": 7}},
    "resolved": {"price_negotiation": "Preise verhandelt, wer den Kunden kennt"},
    "handoffs": {"field_feedback": {"lead": "sales", "what": "Einwände je Kundenfall → Marketing"}},
    "accepted": {"kreativlinge": "Die Agentur bleibt für ein Jahr"},
    "closed": false

`resolved` is optional (a contested card without it is not resolved yet; its reason may be ""). Every
key is optional. Votes name a contested card, handoffs a card in the Schnittstelle of the target
board, `accepted` a known archetype; anything else is refused with one line (`AgreementError`).
"""

from __future__ import annotations

from collections.abc import Mapping

from workshop_app.domain.agreement import (
    Agreement,
    AgreementError,
    Contest,
    Handoff,
    Votes,
    restore,
)
from workshop_app.domain.model import PLACED_ZONES, Zone

KEYS: tuple[str, ...] = ("contested", "votes", "resolved", "handoffs", "accepted", "closed")


def agreement_to_json(agreement: Agreement) -> dict:
    """The agreement's keys of the session JSON: only what counts on the target board."""
    contests = agreement.contests()
    return {
        "contested": list(contests),
        "votes": {card_id: contest.votes.to_json() for card_id, contest in contests.items()
                  if contest.votes.total},
        "resolved": {card_id: contest.resolution for card_id, contest in contests.items()
                     if contest.resolution is not None},
        "handoffs": {card_id: {"lead": handoff.lead.value, "what": handoff.what}
                     for card_id, handoff in agreement.handoffs().items()},
        "accepted": agreement.accepted(),
        "closed": agreement.closed,
    }


def load_agreement_json(data: Mapping, agreement: Agreement) -> Agreement:
    """Fill the new `agreement` from the agreement keys of a session JSON object `data`."""
    contested = _contested(data.get("contested", []))
    votes = _mapping(data, "votes")
    resolved = _mapping(data, "resolved")
    for key, entries in (("votes", votes), ("resolved", resolved)):
        stray = [card_id for card_id in entries if card_id not in contested]
        if stray:
            raise AgreementError(f"{key}: card {stray[0]!r} is not listed in 'contested'")
    contests = {card_id: Contest(_votes(card_id, votes.get(card_id, {})),
                                 _reason(f"resolved: card {card_id!r}", resolved.get(card_id)))
                for card_id in contested}
    handoffs = {card_id: _handoff(card_id, entry)
                for card_id, entry in _mapping(data, "handoffs").items()}
    accepted = {archetype_id: _reason(f"accepted: {archetype_id!r}", reason)
                for archetype_id, reason in _mapping(data, "accepted").items()}
    closed = data.get("closed", False)
    if not isinstance(closed, bool):
        raise AgreementError(f"'closed' must be true or false, not {closed!r}")
    try:
        return restore(agreement, contests, handoffs, accepted, closed)  # type: ignore[arg-type]
    except AgreementError as exc:
        raise AgreementError(f"agreement: {exc}") from None


def _contested(value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise AgreementError("'contested' must be a list of card ids")
    if len(set(value)) != len(value):
        raise AgreementError("'contested' names a card twice")
    return value


def _mapping(data: Mapping, key: str) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise AgreementError(f"'{key}' must be an object")
    return value


def _votes(card_id: str, entry: object) -> Votes:
    where = f"votes: card {card_id!r}"
    if not isinstance(entry, dict):
        raise AgreementError(f"{where}: an object of marketing, shared, sales expected")
    names = {zone.value for zone in PLACED_ZONES}
    unknown = sorted(set(entry) - names)
    if unknown:
        raise AgreementError(f"{where}: unknown zone {unknown[0]!r}")
    try:
        return Votes(**{name: entry.get(name, 0) for name in names}).validated()
    except AgreementError as exc:
        raise AgreementError(f"{where}: {exc}") from None


def _handoff(card_id: str, entry: object) -> Handoff:
    where = f"handoffs: card {card_id!r}"
    if not isinstance(entry, dict):
        raise AgreementError(f"{where}: an object with lead and what expected")
    lead = entry.get("lead")
    if lead not in (Zone.MARKETING.value, Zone.SALES.value):
        raise AgreementError(f"{where}: lead must be marketing or sales, not {lead!r}")
    try:
        return Handoff(Zone(lead), entry.get("what")).validated()  # type: ignore[arg-type]
    except AgreementError as exc:
        raise AgreementError(f"{where}: {exc}") from None


def _reason(where: str, value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise AgreementError(f"{where}: the reason must be a text")
    return value
