"""A diagnosis result in words, for the CLI text and the PDF (the Qt panel words it through Qt's
translations). Texts come from the "labels" of resources/archetypes; card texts are the board's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workshop_app.domain.archetypes import label
from workshop_app.domain.deck import TaskFunction
from workshop_app.domain.diagnosis import LEANING, RESEMBLES, ArchetypeResult, Move
from workshop_app.domain.model import Board


@dataclass(frozen=True)
class Explanation:
    """Why an archetype scores what it scores: the cards for it and against it (each with its zone),
    and, when it is leaning or near its threshold, the sentence naming the deciding card."""

    evidence: tuple[str, ...]
    against: tuple[str, ...]
    deciding: str


def card_text(board: Board, card_id: str, language: str) -> str:
    return " ".join(board.card(card_id).text(language).split())


def card_with_zone(board: Board, card_id: str, language: str) -> str:
    zone = board.zone_of(card_id)
    return f"{card_text(board, card_id, language)} ({label(f'zone_{zone.value}', language)})"


def explain(result: ArchetypeResult, board: Board, language: str) -> Explanation:
    return Explanation(
        tuple(card_with_zone(board, card_id, language) for card_id in result.evidence),
        tuple(card_with_zone(board, card_id, language) for card_id in result.against),
        deciding_sentence(result, board, language))


def deciding_sentence(result: ArchetypeResult, board: Board, language: str) -> str:
    """"Entscheidend: »…« (noch nicht gelegt) ins Marketing oder in die Schnittstelle – …", or ""."""
    if not result.deciding:
        return ""
    if result.state == RESEMBLES:
        key = "decide_to_end"
    elif result.state == LEANING and len(result.deciding) > 1:
        key = "decide_missing"
    else:
        key = "decide_to_resemble"
    moves = label("and", language).join(_move(move, board, language) for move in result.deciding)
    return label(key, language).format(moves=moves)


def _move(move: Move, board: Board, language: str) -> str:
    where = board.zone_of(move.card_id)
    targets = label("or", language).join(label(f"to_{zone.value}", language) for zone in move.zones)
    return label("move", language).format(card=card_text(board, move.card_id, language),
                                          at=label(f"at_{where.value}", language), to=targets)


def state_text(result: ArchetypeResult, language: str) -> str:
    return label(result.state, language)


def shared_instead_lines(board: Board, card_ids: Sequence[str],
                         functions: Mapping[str, TaskFunction], language: str) -> list[str]:
    """Cards in the strip beside their reference side: "… – Gemeinsam (… statt nur im Verkauf)"."""
    lines = []
    for card_id in card_ids:
        function = board.card(card_id).function
        side = label(f"side_{functions[function].reference.value}", language) if function else ""
        lines.append(f"{card_text(board, card_id, language)} – "
                     f"{label('shared_instead', language).format(side=side)}")
    return lines
