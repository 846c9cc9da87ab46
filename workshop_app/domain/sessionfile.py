"""The session as JSON: all of a workshop in one file, for people who want their data out and for
scripted set-ups.

    {"format": "grenzziehung-session", "version": 1,
     "title": "Vertrieb Süd", "company": "Acme", "facilitator": "Anna", "date": "2025-06-01",
     "language": "de", "participants": ["Jonas", "Mira"],
     "rounds": {"ist": BOARD, "soll": BOARD},
     "perception": {"groups": [{"name": "Marketing", "board": BOARD}, {"name": "Verkauf", "board": BOARD}]},
     "notes": {"terms": "Rabatte nur bis 5 %"},
     "actions": [{"what": "Verkauf schulen", "who": "Jonas", "due": "Q3"}],
     "active_round": "soll",
     "contested": [...], "votes": {...}, "resolved": {...}, "handoffs": {...}, "accepted": {...},
     "closed": false}

BOARD is the board-file format (`boardfile`): `{"cards": [{"id", "zone", "text"?, "function"?}]}`.
Either round may be missing (a missing Ist has every card in the tray); `perception` is optional and has
exactly two groups. All rounds hold the same cards: a custom card one board lists is in the tray of the
others. Unknown keys at the top level are ignored; everything else that is wrong raises
`SessionFileError` with one line naming the problem. The agreement's keys (`contested` … `closed`) are
described in `agreement_json`; an action may name the `suggestion` it was accepted from.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from workshop_app.domain.agreement import AgreementError
from workshop_app.domain.agreement_json import agreement_to_json, load_agreement_json
from workshop_app.domain.boardfile import (
    BoardFileError,
    board_to_dict,
    parse_entries,
    parse_json,
    read_parsed,
    type_name,
    write_text_atomically,
)
from workshop_app.domain.deck import Deck, load_deck
from workshop_app.domain.model import LANGUAGES, Board, BoardError, Card, Zone
from workshop_app.domain.rounds import (
    GROUP_A,
    GROUP_B,
    IST,
    SOLL,
    RoundError,
    Rounds,
    checked_group_name,
)
from workshop_app.domain.session import ActionItem, Session, SessionInfo

FORMAT = "grenzziehung-session"
VERSION = 1
JSON_ROUNDS: dict[str, str] = {"ist": IST, "soll": SOLL}
ACTIVE_NAMES: dict[str, str] = {"ist": IST, "soll": SOLL, "group_a": GROUP_A, "group_b": GROUP_B}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class SessionFileError(BoardFileError):
    """A session JSON file that cannot be used; the message is one line naming the problem."""


def is_session_data(data: object) -> bool:
    """Whether parsed JSON claims to be a session file (a board file has no "format")."""
    return isinstance(data, dict) and "format" in data


# --- reading ---


def parse_session(text: str, deck: Deck | None = None) -> Session:
    return session_from_data(_parsed(text), deck)


def read_session_file(path: Path | str) -> Session:
    return read_parsed(Path(path), parse_session, SessionFileError)


def session_from_data(data: object, deck: Deck | None = None) -> Session:
    """The session a parsed session file describes, on `deck` (default: the default deck)."""
    if not isinstance(data, dict):
        raise SessionFileError(f"the top level must be an object, not {type_name(data)}")
    _check_format(data)
    info = _info(data)
    boards = _boards(data, deck or load_deck())
    groups = _groups(data)
    active = _active(data, boards)
    try:
        rounds = Rounds(boards, active, groups)
    except RoundError as exc:
        raise SessionFileError(str(exc)) from None
    notes = _notes(data, rounds.board(IST))
    session = Session(info, rounds.board(), notes, _actions(data), rounds.active, rounds)
    try:
        load_agreement_json(data, session.agreement)
    except AgreementError as exc:
        raise SessionFileError(str(exc)) from None
    return session


def _parsed(text: str) -> object:
    try:
        return parse_json(text)
    except BoardFileError as exc:
        raise SessionFileError(str(exc)) from None


def _check_format(data: dict) -> None:
    if "format" not in data:
        raise SessionFileError("this is not a session JSON file (it has no \"format\" key); a board "
                               "file starts a session with `workshop-app new --board FILE`")
    if data.get("format") != FORMAT:
        raise SessionFileError(f"\"format\" must be \"{FORMAT}\", not {data.get('format')!r}")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SessionFileError(f"\"version\" must be a number, not {type_name(version)}")
    if version != VERSION:
        raise SessionFileError(f"version {version} is not one this app reads (it reads {VERSION})")


def _string(data: dict, key: str, where: str = "", default: str = "") -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise SessionFileError(f"{where}\"{key}\" must be a string, not {type_name(value)}")
    return value


def _info(data: dict) -> SessionInfo:
    title = _string(data, "title").strip()
    if not title:
        raise SessionFileError("\"title\" is missing or empty")
    date = _string(data, "date", default=dt.date.today().isoformat())
    if not _is_date(date):
        raise SessionFileError(f"\"date\" must be a date YYYY-MM-DD, not {date!r}")
    language = _string(data, "language", default="de")
    if language not in LANGUAGES:
        raise SessionFileError(f"\"language\" must be de or en, not {language!r}")
    participants = data.get("participants", [])
    if not isinstance(participants, list) or not all(isinstance(p, str) for p in participants):
        raise SessionFileError("\"participants\" must be a list of names (strings)")
    return SessionInfo(title, _string(data, "company"), _string(data, "facilitator"), date, language,
                       list(participants))


def _is_date(text: str) -> bool:
    if not _DATE.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _board_sources(data: dict) -> list[tuple[str, str, object]]:
    """(round, name for messages, BOARD data) of every board in the file, in workshop order."""
    sources: list[tuple[str, str, object]] = []
    perception = data.get("perception")
    if perception is not None:
        for round_name, group in zip((GROUP_A, GROUP_B), _group_entries(perception), strict=True):
            sources.append((round_name, f"perception group {group['name']!r}", group.get("board")))
    rounds = data.get("rounds", {})
    if not isinstance(rounds, dict):
        raise SessionFileError(f"\"rounds\" must be an object, not {type_name(rounds)}")
    for name, board in rounds.items():
        if name not in JSON_ROUNDS:
            raise SessionFileError(f"unknown round {name!r} in \"rounds\" (use ist, soll)")
        sources.append((JSON_ROUNDS[name], f"round {name!r}", board))
    return sources


def _group_entries(perception: object) -> list[dict]:
    if not isinstance(perception, dict):
        raise SessionFileError(f"\"perception\" must be an object, not {type_name(perception)}")
    groups = perception.get("groups")
    if not isinstance(groups, list) or len(groups) != 2:
        count = len(groups) if isinstance(groups, list) else type_name(groups)
        raise SessionFileError(f"\"perception\" needs \"groups\": a list of exactly two groups, "
                               f"not {count}")
    for number, group in enumerate(groups, start=1):
        if not isinstance(group, dict):
            raise SessionFileError(f"perception group {number} must be an object, not "
                                   f"{type_name(group)}")
        name = group.get("name")
        if not isinstance(name, str) or not name.strip():
            raise SessionFileError(f"perception group {number} needs a \"name\"")
    return groups


def _groups(data: dict) -> tuple[str, str] | None:
    """The two groups' names, held to the rules the window applies (spaces folded, a length limit)."""
    if data.get("perception") is None:
        return None
    first, second = (_group_name(group, number)
                     for number, group in enumerate(_group_entries(data["perception"]), start=1))
    return first, second


def _group_name(group: dict, number: int) -> str:
    try:
        return checked_group_name(group["name"])
    except RoundError as exc:
        raise SessionFileError(f"perception group {number}: {exc}") from None


def _boards(data: dict, deck: Deck) -> dict[str, Board]:
    """Every round's board, all on the same cards (deck first, then custom cards as they appear)."""
    deck_cards = {card.id: card for card in deck.cards}
    cards: dict[str, Card] = dict(deck_cards)
    defined_in: dict[str, str] = {}
    layouts: dict[str, dict[Zone, list[str]]] = {}
    for round_name, where, board in _board_sources(data):
        layout: dict[Zone, list[str]] = {}
        try:
            entries = parse_entries(board, deck_cards)
        except BoardFileError as exc:
            raise SessionFileError(f"{where}: {exc}") from None
        for card, zone in entries:
            _define(cards, defined_in, card, where)
            layout.setdefault(zone, []).append(card.id)
        layouts[round_name] = layout
    layouts.setdefault(IST, {})
    try:
        return {name: Board.from_zones(cards.values(), layout) for name, layout in layouts.items()}
    except BoardError as exc:
        raise SessionFileError(str(exc)) from None


def _define(cards: dict[str, Card], defined_in: dict[str, str], card: Card, where: str) -> None:
    """Record `card`; a card two boards define differently (text, function) is refused."""
    earlier = defined_in.get(card.id)
    if earlier is not None and cards[card.id] != card:
        raise SessionFileError(f"card {card.id!r} has a different text or function in {where} "
                               f"than in {earlier}")
    cards[card.id] = card
    defined_in.setdefault(card.id, where)


def _active(data: dict, boards: dict[str, Board]) -> str:
    name = data.get("active_round")
    if name is None:
        return SOLL if SOLL in boards else IST
    if name not in ACTIVE_NAMES or ACTIVE_NAMES[name] not in boards:
        raise SessionFileError(f"\"active_round\" names no round of this session: {name!r}")
    return ACTIVE_NAMES[name]


def _notes(data: dict, board: Board) -> dict[str, str]:
    notes = data.get("notes", {})
    if not isinstance(notes, dict) or not all(isinstance(text, str) for text in notes.values()):
        raise SessionFileError("\"notes\" must be an object of card id to text")
    unknown = sorted(card_id for card_id in notes if card_id not in board)
    if unknown:
        raise SessionFileError(f"\"notes\" names a card that no board holds: {unknown[0]!r}")
    return {card_id: text for card_id, text in notes.items() if text.strip()}


def _actions(data: dict) -> list[ActionItem]:
    actions = data.get("actions", [])
    if not isinstance(actions, list):
        raise SessionFileError(f"\"actions\" must be a list, not {type_name(actions)}")
    items = []
    for number, entry in enumerate(actions, start=1):
        where = f"action {number}: "
        if not isinstance(entry, dict):
            raise SessionFileError(f"{where}must be an object, not {type_name(entry)}")
        what = _string(entry, "what", where).strip()
        if not what:
            raise SessionFileError(f"{where}\"what\" is missing or empty")
        items.append(ActionItem(what, _string(entry, "who", where), _string(entry, "due", where),
                                _string(entry, "suggestion", where)))
    return items


# --- writing ---


def session_to_dict(session: Session, deck: Deck | None = None) -> dict:
    deck = deck or load_deck()
    rounds = session.rounds
    assert rounds is not None
    info = session.info
    data: dict = {"format": FORMAT, "version": VERSION, "title": info.title, "company": info.company,
                  "facilitator": info.facilitator, "date": info.date, "language": info.language,
                  "participants": list(info.participants),
                  "rounds": {name: _board(rounds.board(round_name), deck)
                             for name, round_name in JSON_ROUNDS.items() if round_name in rounds}}
    if rounds.has_perception:
        data["perception"] = {"groups": [
            {"name": group, "board": _board(rounds.board(round_name), deck)}
            for group, round_name in zip(rounds.groups, (GROUP_A, GROUP_B), strict=True)]}
    data["notes"] = dict(session.notes)
    data["actions"] = [_action(item) for item in session.action_items]
    data.update(agreement_to_json(session.agreement))
    data["active_round"] = next(name for name, value in ACTIVE_NAMES.items() if value == rounds.active)
    return data


def _action(item: ActionItem) -> dict:
    entry = {"what": item.what, "who": item.who, "due": item.due}
    if item.suggestion:
        entry["suggestion"] = item.suggestion
    return entry


def _board(board: Board, deck: Deck) -> dict:
    return {"cards": board_to_dict(board, deck)["cards"]}


def session_to_json(session: Session, deck: Deck | None = None) -> str:
    return json.dumps(session_to_dict(session, deck), ensure_ascii=False, indent=1) + "\n"


def write_session_file(session: Session, path: Path | str) -> None:
    """Write the session JSON; a temporary file and a rename keep an old file whole on failure."""
    write_text_atomically(Path(path), session_to_json(session), SessionFileError)
