"""Role charters: from the target (Soll) board, a draft per side – what Marketing is responsible for,
what Verkauf is responsible for, the shared tasks with their lead and handoff – and why this split,
in the article's words (the recommendations of the archetypes the Ist round resembled, from the
archetype data, then the article's closing sentence from `resources/agreement.json`).

`render_markdown` writes it for pasting into a wiki or an HR document. User text is escaped, so a
card reading `<b>` or `*` prints literally."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workshop_app.domain.agreement import LEAD_SIDES, Agreement, Handoff
from workshop_app.domain.agreement_texts import load_agreement_texts
from workshop_app.domain.diagnosis import Diagnosis
from workshop_app.domain.model import Card, Zone

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#])")


@dataclass(frozen=True)
class SharedTask:
    card: Card
    handoff: Handoff | None


@dataclass(frozen=True)
class Charter:
    """One side's draft charter."""

    side: Zone  # MARKETING or SALES
    responsible: tuple[Card, ...]
    leads: tuple[SharedTask, ...]  # Schnittstelle tasks this side leads
    contributes: tuple[SharedTask, ...]  # Schnittstelle tasks the other side leads
    without_handoff: tuple[Card, ...]  # Schnittstelle tasks with no handoff agreed yet

    @property
    def other(self) -> Zone:
        return Zone.SALES if self.side is Zone.MARKETING else Zone.MARKETING


@dataclass(frozen=True)
class Charters:
    sides: tuple[Charter, ...]  # Marketing, then Verkauf
    why: tuple[str, ...]  # the article's sentences on why this split, in the chosen language
    language: str


def build_charters(agreement: Agreement, ist_diagnosis: Diagnosis | None,
                   language: str) -> Charters:
    """The charters of `agreement`'s target board; `ist_diagnosis` chooses the article's sentences."""
    board = agreement.board
    handoffs = agreement.handoffs()
    shared = [SharedTask(card, handoffs.get(card.id)) for card in board.cards_in(Zone.SHARED)]
    without = tuple(task.card for task in shared if task.handoff is None)
    sides = tuple(
        Charter(side, tuple(board.cards_in(side)),
                tuple(task for task in shared if task.handoff and task.handoff.lead is side),
                tuple(task for task in shared if task.handoff and task.handoff.lead is not side),
                without)
        for side in LEAD_SIDES)
    return Charters(sides, why_sentences(ist_diagnosis, language), language)


def why_sentences(ist_diagnosis: Diagnosis | None, language: str) -> tuple[str, ...]:
    flagged = ist_diagnosis.flagged() if ist_diagnosis is not None else []
    sentences = [result.archetype.recommendation(language) for result in flagged]
    return (*sentences, load_agreement_texts().why.text(language))


# --- Markdown ---


def escape_markdown(text: str) -> str:
    """`text` on one line, with every character Markdown could read as markup escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_markdown(charters: Charters, title: str, date: str) -> str:
    texts, language = load_agreement_texts(), charters.language
    label = texts.label
    lines = [f"# {escape_markdown(label('charter_title', language))}", ""]
    if title:
        lines += [escape_markdown(label("charter_from", language, title=title, date=date)), ""]
    for charter in charters.sides:
        lines += _charter_lines(charter, language)
    lines += [f"## {escape_markdown(label('charter_why', language))}", ""]
    for sentence in charters.why:
        lines += [f"> {escape_markdown(sentence)}", ">"]
    lines += [f"> — {escape_markdown(label('source_article', language))}", ""]
    return "\n".join(lines)


def side_name(side: Zone, language: str) -> str:
    return load_agreement_texts().label(f"zone_{side.value}", language)


def shared_task_text(task: SharedTask, side: Zone, language: str) -> str:
    """A Schnittstelle task as one side reads it: the card, then what it hands over or receives."""
    card = " ".join(task.card.text(language).split())
    if task.handoff is None:
        return card
    key = "charter_hands_over" if task.handoff.lead is side else "charter_receives"
    what = " ".join(task.handoff.what.split())
    return f"{card} – {load_agreement_texts().label(key, language, what=what)}"


def charter_sections(charter: Charter, language: str) -> list[tuple[str, list[str]]]:
    """One side's charter as plain text: (lead-in, items) per part – what the side is responsible
    for (always, perhaps with no items), the shared tasks it leads, those it contributes to, and those
    without a handoff yet (the last three only when there are any)."""
    label = load_agreement_texts().label
    name, other = side_name(charter.side, language), side_name(charter.other, language)
    parts = [("charter_responsible", [card.text(language) for card in charter.responsible]),
             ("charter_leads", [shared_task_text(t, charter.side, language) for t in charter.leads]),
             ("charter_supports", [shared_task_text(t, charter.side, language)
                                   for t in charter.contributes]),
             ("charter_no_handoff", [card.text(language) for card in charter.without_handoff])]
    return [(label(key, language, side=name, other=other), [" ".join(item.split()) for item in items])
            for number, (key, items) in enumerate(parts) if items or not number]


def _charter_lines(charter: Charter, language: str) -> list[str]:
    lines = [f"## {escape_markdown(side_name(charter.side, language))}", ""]
    for lead_in, items in charter_sections(charter, language):
        lines += [escape_markdown(lead_in), ""]
        lines += _items(items, language)
    return lines


def _items(texts: list[str], language: str) -> list[str]:
    if not texts:
        return [f"- *{escape_markdown(load_agreement_texts().label('charter_nothing', language))}*",
                ""]
    return [f"- {escape_markdown(text)}" for text in texts] + [""]
