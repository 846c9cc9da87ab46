"""Property-based tests: random sequences of moves, custom-card edits, undo and redo.

Two ways of undoing are checked against the same properties:
- the domain's change records alone (each record holds enough to apply its inverse), and
- the window's real QUndoCommands (workshop_app/ui/undo_commands.py) on a QUndoStack; no window is needed
  for that, the stack and the commands work headless.

Invariants after every step: each card in exactly one zone, ids unique. Undoing everything gives the
start, redoing everything gives the end. The diagnosis depends on the board alone.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from workshop_app.domain.boardfile import board_to_json, parse_board
from workshop_app.domain.deck import load_deck
from workshop_app.domain.diagnosis import diagnose
from workshop_app.domain.model import (
    ALL_ZONES,
    Board,
    BoardError,
    Card,
    CardAdded,
    CardEdited,
    CardMoved,
    CardRemoved,
    Change,
    Zone,
)

zones = st.sampled_from(ALL_ZONES)
picks = st.integers(min_value=0, max_value=10**6)  # an index into whatever list exists at that step
card_texts = st.text(min_size=1, max_size=60).filter(lambda text: text.strip() != "")
STEPS = settings(max_examples=60, stateful_step_count=40, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])


def state(board: Board) -> tuple[dict[str, tuple[str, ...]], dict[str, Card]]:
    """Everything a board holds: each zone's ordered ids and each card's content."""
    return board.snapshot(), {card.id: card for card in board.cards()}


def check(board: Board) -> None:
    board.check_invariants()
    ids = [card.id for card in board.cards()]
    assert len(ids) == len(set(ids))
    assert sorted(ids) == sorted(card_id for zone in ALL_ZONES for card_id in board.ids_in(zone))


def inverse(board: Board, change: Change) -> Change:
    """Undo `change` on `board` using nothing but the change record."""
    if isinstance(change, CardMoved):
        return board.move(change.card_id, change.from_zone, change.from_index)
    if isinstance(change, CardAdded):
        return board.remove_card(change.card.id)
    if isinstance(change, CardEdited):
        return board.replace_card(change.before)
    assert isinstance(change, CardRemoved)
    return board.add_card(change.card, change.zone, change.index)


def reapply(board: Board, change: Change) -> Change:
    """Redo `change` on `board` from its record."""
    if isinstance(change, CardMoved):
        return board.move(change.card_id, change.to_zone, change.to_index)
    if isinstance(change, CardAdded):
        return board.add_card(change.card, change.zone, change.index)
    if isinstance(change, CardEdited):
        return board.replace_card(change.after)
    assert isinstance(change, CardRemoved)
    return board.remove_card(change.card.id)


def pick(items, number: int):
    return items[number % len(items)]


# --- undo through the change records ---


class ChangeRecordMachine(RuleBasedStateMachine):
    """Random operations on a board; every returned record must be the one announced, must undo
    exactly through `inverse`, and the whole history must undo and redo to its two ends."""

    def __init__(self) -> None:
        super().__init__()
        self.board = load_deck().board()
        self.start = state(self.board)
        self.announced: list[Change] = []
        self.board.subscribe(self.announced.append)
        self.history: list[Change] = []
        self.states = [self.start]
        self.counter = 0

    def _record(self, change: Change) -> None:
        assert self.announced[-1] == change  # the listeners heard exactly what the caller got
        self.history.append(change)
        self.states.append(state(self.board))

    @rule(card=picks, zone=zones, index=picks)
    def move(self, card, zone, index):
        card_id = pick(self.board.cards(), card).id
        room = len([i for i in self.board.ids_in(zone) if i != card_id])
        self._record(self.board.move(card_id, zone, index % (room + 1)))
        assert self.board.zone_of(card_id) is zone

    @rule(card=picks, zone=zones, beyond=st.integers(min_value=1, max_value=5))
    def refused_move(self, card, zone, beyond):
        card_id = pick(self.board.cards(), card).id
        room = len([i for i in self.board.ids_in(zone) if i != card_id])
        before = state(self.board)
        for index in (room + beyond, -beyond):
            with pytest.raises(BoardError):
                self.board.move(card_id, zone, index)
        assert state(self.board) == before

    @rule(text=card_texts, zone=zones, index=picks)
    def add_custom(self, text, zone, index):
        self.counter += 1
        card = Card(f"custom-{self.counter}", text, text, None, True)
        self._record(self.board.add_card(card, zone, index % (len(self.board.ids_in(zone)) + 1)))

    @precondition(lambda self: any(card.custom for card in self.board.cards()))
    @rule(card=picks, text=card_texts)
    def edit_custom(self, card, text):
        card_id = pick([c for c in self.board.cards() if c.custom], card).id
        self._record(self.board.edit_card(card_id, text_de=text))

    @precondition(lambda self: any(card.custom for card in self.board.cards()))
    @rule(card=picks)
    def remove_custom(self, card):
        card_id = pick([c for c in self.board.cards() if c.custom], card).id
        self._record(self.board.remove_card(card_id))
        assert card_id not in self.board

    @rule(card=picks)
    def refused_duplicate(self, card):
        existing = pick(self.board.cards(), card)
        before = state(self.board)
        with pytest.raises(BoardError):
            self.board.add_card(existing)
        assert state(self.board) == before

    @invariant()
    def invariants_hold(self):
        check(self.board)

    def teardown(self):
        end = state(self.board)
        for change, earlier in zip(reversed(self.history), reversed(self.states[:-1]), strict=True):
            inverse(self.board, change)
            check(self.board)
            assert state(self.board) == earlier
        assert state(self.board) == self.start
        for change, later in zip(self.history, self.states[1:], strict=True):
            reapply(self.board, change)
            assert state(self.board) == later
        assert state(self.board) == end


TestChangeRecords = ChangeRecordMachine.TestCase
TestChangeRecords.settings = STEPS


# --- undo through the window's QUndoCommands ---


class UndoStackMachine(RuleBasedStateMachine):
    """The real undo commands on a QUndoStack, with undo and redo at random moments."""

    def __init__(self) -> None:
        super().__init__()
        from PySide6.QtGui import QUndoStack

        from workshop_app.ui import undo_commands as commands

        self.commands = commands
        self.board = load_deck().board()
        self.stack = QUndoStack()
        self.states = [state(self.board)]  # states[i]: the board with i commands done
        self.counter = 0

    def _push(self, command) -> None:
        del self.states[self.stack.index() + 1:]  # a push discards what could be redone
        self.stack.push(command)
        self.states.append(state(self.board))
        assert self.stack.index() == len(self.states) - 1

    @rule(card=picks, zone=zones, index=picks, append=st.booleans())
    def move(self, card, zone, index, append):
        card_id = pick(self.board.cards(), card).id
        room = len([i for i in self.board.ids_in(zone) if i != card_id])
        target = None if append else index % (room + 1)
        self._push(self.commands.MoveCardCommand(self.board, card_id, zone, target, "en"))
        assert self.board.zone_of(card_id) is zone

    @rule(text=card_texts, zone=zones)
    def add_custom(self, text, zone):
        self.counter += 1
        card = Card(f"custom-{self.counter}", text, text, None, True)
        self._push(self.commands.AddCardCommand(self.board, card, zone))

    @precondition(lambda self: any(card.custom for card in self.board.cards()))
    @rule(card=picks, text=card_texts)
    def edit_custom(self, card, text):
        before = pick([c for c in self.board.cards() if c.custom], card)
        after = Card(before.id, text, before.text_en, before.function, True)
        self._push(self.commands.EditCardCommand(self.board, before, after))

    @precondition(lambda self: any(card.custom for card in self.board.cards()))
    @rule(card=picks)
    def remove_custom(self, card):
        card_id = pick([c for c in self.board.cards() if c.custom], card).id
        self._push(self.commands.RemoveCardCommand(self.board, card_id))

    @precondition(lambda self: self.stack.canUndo())
    @rule()
    def undo(self):
        self.stack.undo()

    @precondition(lambda self: self.stack.canRedo())
    @rule()
    def redo(self):
        self.stack.redo()

    @invariant()
    def board_matches_the_stack(self):
        check(self.board)
        assert state(self.board) == self.states[self.stack.index()]

    def teardown(self):
        while self.stack.canUndo():
            self.stack.undo()
            check(self.board)
        assert state(self.board) == self.states[0]
        while self.stack.canRedo():
            self.stack.redo()
        assert state(self.board) == self.states[-1]


TestUndoStack = UndoStackMachine.TestCase
TestUndoStack.settings = STEPS


# --- the diagnosis depends on the board alone ---


@st.composite
def placements(draw):
    """A target board: the default deck plus custom cards (some naming a function), each card in a
    zone at a position."""
    deck = load_deck()
    functions = sorted({card.function for card in deck.cards if card.function})
    cards = list(deck.cards)
    for number in range(draw(st.integers(min_value=0, max_value=8))):
        function = draw(st.none() | st.sampled_from(functions))
        cards.append(Card(f"custom-{number}", f"Aufgabe {number}", f"Task {number}", function, True))
    layout: dict[Zone, list[str]] = {zone: [] for zone in ALL_ZONES}
    for card in cards:
        layout[draw(zones)].append(card.id)
    for ids in layout.values():
        draw(st.randoms(use_true_random=False)).shuffle(ids)
    return cards, layout


def build_in_order(cards: list[Card], layout: dict[Zone, list[str]], rng: random.Random,
                   noise: int) -> Board:
    """The board `layout` describes, reached by `noise` random moves and then placing the cards in
    a random order at the index that gives the wanted order in each zone."""
    shuffled = list(cards)
    rng.shuffle(shuffled)
    board = Board.from_cards(shuffled)
    ids = [card.id for card in shuffled]
    for _ in range(noise):
        board.move(rng.choice(ids), rng.choice(ALL_ZONES))
    zone_of = {card_id: zone for zone, listed in layout.items() for card_id in listed}
    for card_id in rng.sample(ids, len(ids)):
        board.move(card_id, Zone.UNPLACED)
    for card_id in rng.sample(ids, len(ids)):
        zone = zone_of[card_id]
        if zone is Zone.UNPLACED:
            continue
        wanted = layout[zone]
        before = [i for i in board.ids_in(zone) if wanted.index(i) < wanted.index(card_id)]
        board.move(card_id, zone, len(before))
    for index, card_id in enumerate(layout[Zone.UNPLACED]):  # the tray holds only these now
        board.move(card_id, Zone.UNPLACED, index)
    return board


@settings(max_examples=60, deadline=None)
@given(placements(), st.integers(min_value=0, max_value=2**32), st.integers(min_value=0, max_value=60))
def test_the_same_placement_reached_in_different_orders_gets_the_same_diagnosis(target, seed, noise):
    cards, layout = target
    first = build_in_order(cards, layout, random.Random(seed), noise)
    second = build_in_order(cards, layout, random.Random(seed + 1), 0)
    assert first.snapshot() == second.snapshot() == {z.value: tuple(layout[z]) for z in ALL_ZONES}
    assert diagnose(first) == diagnose(second)


@settings(max_examples=60, deadline=None)
@given(placements(), st.integers(min_value=0, max_value=2**32))
def test_diagnose_does_not_change_the_board_and_repeats_itself(target, seed):
    cards, layout = target
    board = build_in_order(cards, layout, random.Random(seed), 10)
    heard: list[Change] = []
    board.subscribe(heard.append)
    before = state(board)
    first = diagnose(board)
    assert state(board) == before and heard == []
    assert diagnose(board) == first
    assert diagnose(board.copy()) == first


@settings(max_examples=40, deadline=None)
@given(placements(), st.integers(min_value=0, max_value=2**32))
def test_a_board_file_round_trip_keeps_the_board_and_its_diagnosis(target, seed):
    cards, layout = target
    board = build_in_order(cards, layout, random.Random(seed), 5)
    again = parse_board(board_to_json(board))
    assert state(again) == state(board)
    assert diagnose(again) == diagnose(board)


@settings(max_examples=40, deadline=None)
@given(placements(), st.lists(st.tuples(picks, zones), max_size=20))
def test_moves_and_their_undo_leave_the_diagnosis_as_it_was(target, moves):
    cards, layout = target
    board = build_in_order(cards, layout, random.Random(0), 0)
    assume(moves)
    start = diagnose(board)
    records = [board.move(pick(cards, card).id, zone) for card, zone in moves]
    for record in reversed(records):
        inverse(board, record)
    assert diagnose(board) == start


@settings(max_examples=80, deadline=None)
@given(placements(), st.integers(min_value=0, max_value=2**32))
def test_the_deciding_cards_the_diagnosis_names_decide_it(target, seed):
    """Every explanation keeps its word: placing the named card in any named zone flips the verdict
    (a leaning or near-threshold archetype starts to resemble, a near resembling one stops); several
    named cards placed together make it resemble. A score above 0 always names its cards."""
    cards, layout = target
    board = build_in_order(cards, layout, random.Random(seed), 0)
    for result in diagnose(board).results:
        assert (result.score > 0) == bool(result.evidence)
        assert not result.resembles or result.score >= result.archetype.threshold - 1e-9
        assert result.state != "leaning" or result.deciding
        if len(result.deciding) == 1:
            move = result.deciding[0]
            for zone in move.zones:
                after = board.copy()
                after.move(move.card_id, zone)
                assert diagnose(after).result(result.id).resembles != result.resembles
        elif result.deciding:
            after = board.copy()
            for move in result.deciding:
                after.move(move.card_id, move.zones[0])
            assert diagnose(after).result(result.id).resembles
