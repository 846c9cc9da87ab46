"""The PDF summary, read back with pypdf: content under the right headings, page size and numbering,
hostile user texts printed literally and never as markup."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_helpers import (
    all_text,
    fragments,
    image_xobjects,
    page_sizes,
    page_texts,
    squeeze,
    write_png,
)

from workshop_app.domain.deck import reference_board
from workshop_app.domain.diagnosis import diagnose
from workshop_app.domain.model import PLACED_ZONES, Board, Card, Zone
from workshop_app.domain.rounds import IST, SOLL, Rounds
from workshop_app.domain.session import ActionItem, Session, SessionInfo
from workshop_app.export import ExportError, suggested_filename, summary_pdf, write_summary_pdf
from workshop_app.export.page_template import A4, MARGIN_BOTTOM, MARGIN_TOP
from workshop_app.export.texts import Labels, visual_order

ZONE_HEADINGS = {"de": ("Marketing", "Schnittstelle", "Verkauf"),
                 "en": ("Marketing", "Interface", "Sales")}


def session_for(board: Board, language: str = "de", ist: Board | None = None, **info) -> Session:
    """A session whose agreed (Soll) board is `board`, started from `ist` (default: the same placement),
    its agreement closed; with `ist=False`, a session with only an Ist round: `board`."""
    defaults = dict(title="Grenzziehung bei Muster AG", company="Muster AG", facilitator="Anna Beispiel",
                    date="2025-03-14", language=language,
                    participants=["Anna Beispiel", "Bernd Vertrieb", "Carla Marketing"])
    defaults.update(info)
    if ist is False:
        return Session(SessionInfo(**defaults), board)
    rounds = Rounds({IST: ist if ist is not None else board.copy(), SOLL: board}, SOLL)
    session = Session(SessionInfo(**defaults), board, round=SOLL, rounds=rounds)
    session.agreement.set_closed(True)  # a closed agreement: the PDF has the signature block
    return session


def kundenversteher_board() -> Board:
    board = reference_board()
    for card_id in ("needs_analysis", "product_proposal", "benefit_persuasion"):
        board.move(card_id, Zone.MARKETING)
    return board


def sixty_card_board() -> Board:
    board = reference_board()
    zones = [Zone.MARKETING, Zone.SHARED, Zone.SALES, Zone.MARKETING, Zone.SALES]
    for number in range(60 - len(board)):
        text = f"Aufgabe {number:02d}: gemeinsame Kundenpräsentation vorbereiten"
        board.add_card(Card(f"extra{number:02d}", text, text, None, True), zones[number % len(zones)])
    return board


def column_texts(data: bytes, language: str) -> dict[Zone, str]:
    """The text in each column of the task table: fragments after the table's heading and before
    the next section's heading, assigned to a column by their x position under the column headings."""
    labels = Labels(language)
    frags = fragments(data)
    start = next(i for i, f in enumerate(frags) if f.text == labels["section_table"])
    after = {labels[key] for key in ("section_diagnosis", "section_notes", "section_actions",
                                     "section_agreement", "section_ist_before", "section_moves")}
    end = next(i for i, f in enumerate(frags) if i > start and f.text in after)
    headings = ZONE_HEADINGS[language]
    heading_x = []
    for title in headings:
        heading_x.append(next(f.x for f in frags[start:end] if f.text == title))
    assert heading_x == sorted(heading_x), "the columns read Marketing | Interface | Sales"
    columns = {zone: [] for zone in PLACED_ZONES}
    for fragment in frags[start + 1:end]:
        if fragment.text in headings or not MARGIN_BOTTOM <= fragment.y <= A4[1] - MARGIN_TOP:
            continue  # the heading row (repeated on each page), the running header and footer
        column = max(i for i, x in enumerate(heading_x) if fragment.x >= x - 1)
        columns[PLACED_ZONES[column]].append(fragment.text)
    return {zone: squeeze("".join(texts)) for zone, texts in columns.items()}


def paragraph_text(data: bytes) -> str:
    """The squeezed text set in paragraphs after the board drawing, without header and footer."""
    frags = fragments(data)
    start = next(i for i, f in enumerate(frags) if f.text == Labels("en")["section_table"])
    return squeeze("".join(f.text for f in frags[start:]
                           if MARGIN_BOTTOM <= f.y <= A4[1] - MARGIN_TOP))


# --- content ---


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_card_stands_in_its_zones_column_of_the_table_in_board_order(language):
    board = kundenversteher_board()
    board.add_card(Card("c1", "Messestand planen", "Plan the trade fair", "advertising", True),
                   Zone.SHARED)
    board.move("price_negotiation", Zone.SHARED)
    data = summary_pdf(session_for(board, language))
    columns = column_texts(data, language)
    for zone in PLACED_ZONES:
        positions = []
        for card in board.cards_in(zone):
            text = squeeze(card.text(language))
            assert text in columns[zone], f"{card.id} missing under {zone.value}"
            positions.append(columns[zone].index(text))
        assert positions == sorted(positions), f"cards of {zone.value} out of order"
    for card in board.cards_in(Zone.SALES):  # a card sits in one column only
        assert squeeze(card.text(language)) not in columns[Zone.MARKETING]


def test_unplaced_cards_are_listed_apart():
    board = reference_board()
    board.move("advertising", Zone.UNPLACED)
    text = squeeze(all_text(summary_pdf(session_for(board))))
    assert squeeze("Nicht gelegte Karten (1):Werbung") in text


@pytest.mark.parametrize("language", ["de", "en"])
def test_archetype_names_scores_and_the_flagged_verdict_appear(language):
    board = kundenversteher_board()
    diagnosis = diagnose(board)
    labels = Labels(language)
    data = summary_pdf(session_for(board, language), diagnosis)
    text = squeeze(all_text(data))
    for result in diagnosis.results:
        name = result.archetype.name(language)
        assert squeeze(name + labels.percent(result.score)) in text, name
    flagged = diagnosis.flagged()
    assert [r.archetype.id for r in flagged] == ["kundenversteher"]
    archetype = flagged[0].archetype
    assert squeeze(archetype.harm(language)) in text
    assert squeeze(archetype.recommendation(language)) in text
    assert squeeze(labels.percent(diagnosis.reference_conformity)) in text
    evidence_start = text.index(squeeze(labels["evidence"]))
    for card_id in flagged[0].evidence:
        assert squeeze(board.card(card_id).text(language)) in text[evidence_start:]


def partial_kundenversteher_board(board: Board) -> Board:
    """Two of the three steps of the product sale in marketing, the third still in the tray; one card
    moved into the strip beside its reference side."""
    for card_id, zone in {"needs_analysis": Zone.MARKETING, "product_proposal": Zone.MARKETING,
                          "price_negotiation": Zone.SALES, "terms": Zone.SALES,
                          "advertising": Zone.MARKETING, "argument_lists": Zone.SHARED,
                          "market_insight": Zone.MARKETING, "graphic_design": Zone.MARKETING}.items():
        board.move(card_id, zone)
    return board


def test_a_leaning_archetype_is_shown_as_leaning_with_its_cards_and_the_deciding_card(board):
    board = partial_kundenversteher_board(board)
    text = squeeze(all_text(summary_pdf(session_for(board, "de"))))
    assert squeeze("Die Kundenversteher – deutet sich an, Ähnlichkeit 67 %") in text
    block = text[text.index(squeeze("Die Kundenversteher – deutet sich an")):]
    assert squeeze("Kundenproblem und Bedarf ermitteln (Marketing)") in block
    assert squeeze("Entscheidend: Kommt »Kunden vom Nutzen überzeugen« (noch nicht gelegt) ins Marketing "
                   "oder in die Schnittstelle") in block
    assert squeeze("keinem Archetyp") in text  # the key facts: leaning is no verdict yet


def test_every_score_above_zero_names_its_cards_in_the_pdf(board):
    board = partial_kundenversteher_board(board)
    diagnosis = diagnose(board)
    labels = Labels("en")
    text = squeeze(all_text(summary_pdf(session_for(board, "en"), diagnosis)))
    for result in diagnosis.results:
        if result.score > 0:
            start = text.index(squeeze(result.archetype.name("en") + " – "))
            for card_id in result.evidence:
                assert squeeze(board.card(card_id).text("en")) in text[start:]
    # the card in the strip beside its reference side is shared, not wrong
    assert squeeze(labels.fmt("shared_instead", side="Sales")) in text


def test_a_board_that_resembles_nothing_says_so():
    data = summary_pdf(session_for(reference_board(), "en"))
    text = squeeze(all_text(data))
    assert squeeze("The split resembles none of the four dysfunctional patterns.") in text
    assert squeeze("Every placed card stands as in the reference.") in text
    assert squeeze("100%") in text


def test_an_empty_board_exports_and_says_nothing_is_placed(board):
    data = summary_pdf(session_for(board, "en", participants=[]))
    text = squeeze(all_text(data))
    assert squeeze("No cards are placed yet") in text
    assert squeeze("Cards not placed (22):") in text
    assert squeeze("Agreed by") in text


def test_header_notes_and_action_items_appear():
    board = kundenversteher_board()
    session = session_for(board, "de")
    session.notes = {"needs_analysis": "Macht heute das Produktmanagement."}
    session.action_items = [ActionItem("Verkauf schulen", "Bernd Vertrieb", "2025-04-30"),
                            ActionItem("Argumentationslisten prüfen", "Carla", "Q3")]
    text = squeeze(all_text(summary_pdf(session)))
    for expected in ("Grenzziehung bei Muster AG", "Muster AG", "14.03.2025", "Anna Beispiel",
                     "Bernd Vertrieb, Carla Marketing", "Macht heute das Produktmanagement.",
                     "Verkauf schulen", "30.04.2025", "Argumentationslisten prüfen", "Q3",
                     "Vereinbart von"):
        assert squeeze(expected) in text, expected
    assert text.index(squeeze("Notizen zu Karten")) < text.index(squeeze("Nächste Schritte"))


def test_each_participant_gets_a_signature_line():
    names = [f"Person {n}" for n in range(1, 7)]
    data = summary_pdf(session_for(reference_board(), "en", participants=names))
    text = all_text(data)
    agreement = squeeze(text[text.rindex("Agreed by"):])
    assert all(squeeze(name) in agreement for name in names)


# --- pages ---


@pytest.mark.parametrize(("page_size", "expected"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_page_size_and_page_n_of_m_on_every_page(page_size, expected):
    session = session_for(sixty_card_board(), "en")
    session.action_items = [ActionItem(f"Step {n}", "Team", "") for n in range(25)]
    data = summary_pdf(session, page_size=page_size)
    sizes = page_sizes(data)
    assert len(sizes) >= 3 and set(sizes) == {expected}
    total = len(sizes)
    for number, text in enumerate(page_texts(data), start=1):
        assert re.findall(r"Page (\d+) of (\d+)", text) == [(str(number), str(total))]
        assert "Grenzziehung bei Muster AG" in text  # the running header


def test_german_page_numbers():
    data = summary_pdf(session_for(reference_board(), "de"))
    texts = page_texts(data)
    assert [re.findall(r"Seite (\d+) von (\d+)", t) for t in texts] == [
        [(str(n), str(len(texts)))] for n in range(1, len(texts) + 1)]


def test_unknown_page_size_is_refused():
    with pytest.raises(ValueError, match="page size"):
        summary_pdf(session_for(reference_board()), page_size="a3")


# --- hostile and unusual text ---

LONG = ("Sehr lange Kartenbeschreibung mit vielen Wörtern " * 50)[:2000]
HOSTILE = {
    "bold": "<b>x</b>",
    "ampersand": "Tom & Jerry",
    "close_para": "</para>",
    "font": "<font size=80>big</font>",
    "long": LONG,
    "long_word": "x" * 2000,
    "emoji": "Kickoff 😀 🎉 ❤️ 👍🏽",
    "arabic": "مرحبا بالعالم",
    "mixed": "Team مرحبا 2025",
}


@pytest.fixture
def png_card(tmp_path):
    png = write_png(tmp_path / "secret.png")
    return f"<img src='{png}'/>"


def hostile_session(text: str, zone: Zone = Zone.MARKETING) -> Session:
    board = kundenversteher_board()
    board.add_card(Card("hostile", text, text, "advertising", True), zone)
    session = session_for(board, "en", title=text, company=text, facilitator=text,
                          participants=[text, "Bob"])
    session.notes = {"hostile": text}
    session.action_items = [ActionItem(text, text, text)]
    return session


def assert_printed_literally(data: bytes, text: str) -> None:
    squeezed = squeeze(all_text(data))
    assert squeeze(text) in squeezed
    assert image_xobjects(data) == []


@pytest.mark.parametrize("key", sorted(HOSTILE))
def test_hostile_text_prints_literally_everywhere(key):
    text = HOSTILE[key]
    data = summary_pdf(hostile_session(text))
    assert_printed_literally(data, text)
    assert squeeze(text) in column_texts(data, "en")[Zone.MARKETING]
    # after the drawing, without running header and footer: the table, the note (card and text),
    # the action item (what, who, when) and the signature line (a 2,000-character text fills
    # several pages, where cells of one row interleave, so it is counted only in the table)
    if len(text) < 200:
        assert paragraph_text(data).count(squeeze(text)) >= 7


def test_an_img_tag_naming_a_real_png_prints_as_text_and_embeds_nothing(png_card):
    data = summary_pdf(hostile_session(png_card))
    assert_printed_literally(data, png_card)
    assert b"/Subtype /Image" not in data and b"/XObject" not in data


@pytest.mark.parametrize("zone", PLACED_ZONES)
def test_many_long_cards_in_one_zone_split_across_pages(zone):
    board = reference_board()
    for number in range(6):
        text = f"Karte{number} " + LONG
        board.add_card(Card(f"long{number}", text, text, None, True), zone)
    data = summary_pdf(session_for(board, "de"))
    columns = column_texts(data, "de")
    for number in range(6):
        assert squeeze(f"Karte{number} " + LONG) in columns[zone]


def test_the_board_drawing_shortens_long_cards():
    board = reference_board()
    board.add_card(Card("long", LONG, LONG, None, True), Zone.SHARED)
    data = summary_pdf(session_for(board, "de"))
    frags = fragments(data)
    table_start = next(i for i, f in enumerate(frags) if f.text == "Aufgaben nach Seite")
    drawing = [f.text for f in frags[:table_start]]
    assert any(line.endswith("…") and line[:-1].strip() in LONG for line in drawing)


def test_arabic_prints_right_to_left_and_extracts_in_reading_order():
    assert visual_order("مرحبا بالعالم") == "مرحبا بالعالم"[::-1]
    assert visual_order("Team مرحبا 2025") == "Team " + "مرحبا"[::-1] + " 2025"
    assert visual_order("plain text") == "plain text"
    data = summary_pdf(hostile_session("مرحبا بالعالم"))
    assert "مرحبا بالعالم" in all_text(data)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=300).filter(lambda s: s.strip()))
def test_any_text_exports_without_error(text):
    data = summary_pdf(hostile_session(text))
    assert data.startswith(b"%PDF") and image_xobjects(data) == []


# --- writing ---


def test_write_summary_pdf_writes_a_readable_file_and_no_leftovers(tmp_path):
    target = tmp_path / "summary.pdf"
    write_summary_pdf(target, session_for(reference_board()), page_size="letter")
    assert page_sizes(target.read_bytes())[0] == (612, 792)
    assert [p.name for p in tmp_path.iterdir()] == ["summary.pdf"]


def test_writing_into_a_missing_folder_fails_with_one_line(tmp_path):
    with pytest.raises(ExportError) as caught:
        write_summary_pdf(tmp_path / "missing" / "x.pdf", session_for(reference_board()))
    assert "does not exist" in str(caught.value) and "\n" not in str(caught.value)


def test_an_existing_non_file_target_is_refused(tmp_path):
    (tmp_path / "folder.pdf").mkdir()
    with pytest.raises(ExportError, match="not a regular file"):
        write_summary_pdf(tmp_path / "folder.pdf", session_for(reference_board()))


def test_suggested_filename_uses_date_and_title():
    session = session_for(reference_board(), title='Q3: Marketing/Sales "final"?')
    assert suggested_filename(session) == "2025-03-14 Q3 Marketing Sales final.pdf"
    session.info.title = "   "
    assert suggested_filename(session) == "2025-03-14 workshop.pdf"


def test_a_long_table_repeats_its_heading_once_per_page_only():
    board = reference_board()
    for number, zone in enumerate(PLACED_ZONES * 2):
        text = f"Karte{number} " + LONG
        board.add_card(Card(f"long{number}", text, text, None, True), zone)
    data = summary_pdf(session_for(board, "en"))
    frags = fragments(data)
    start = next(i for i, f in enumerate(frags) if f.text == "Tasks by side")
    per_page: dict[int, int] = {}
    for fragment in frags[start:]:
        if fragment.text == "Interface":
            per_page[fragment.page] = per_page.get(fragment.page, 0) + 1
    assert len(per_page) >= 3 and set(per_page.values()) == {1}
