"""Card notes, next steps and workshop details: entered in the window, saved at once, in the PDF."""

from __future__ import annotations

import io

import pytest
from gui_helpers import answer_card_dialogs, drag_card_to, show_window, zone_point
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from workshop_app.domain.model import Zone
from workshop_app.domain.session import ActionItem
from workshop_app.export import summary_pdf
from workshop_app.storage import read_session
from workshop_app.ui.app import build_window
from workshop_app.ui.session_dialogs import NewWorkshopDialog
from workshop_app.ui.session_notes import NextStepsDialog


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch, tmp_path):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Ok)
    monkeypatch.setenv("GRENZZIEHUNG_SESSIONS_DIR", str(tmp_path / "sessions"))


@pytest.fixture
def window(qtbot, tmp_path):
    (tmp_path / "sessions").mkdir()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = show_window(qtbot, build_window("en", sessions_dir=tmp_path / "sessions", settings=settings))
    yield window
    window.close()


def pdf_text(session) -> str:
    reader = PdfReader(io.BytesIO(summary_pdf(session)))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_a_note_on_a_selected_card_is_saved_marked_and_printed(qtbot, window, monkeypatch):
    drag_card_to(qtbot, window.view, "price_negotiation", zone_point(window.view, Zone.SALES))
    assert window.selection.card_id == "price_negotiation"  # a drag selects the card
    note = "Nur bis 10 % Rabatt <b>ohne</b> Rücksprache & Co."
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *args, **kwargs: (note, True))
    window.session_notes.note_action.trigger()
    item = window.view.card_item("price_negotiation")
    assert item.note == note
    assert "<b>ohne</b>" in item.toolTip() or "&lt;b&gt;ohne&lt;/b&gt;" in item.toolTip()
    assert read_session(window.sessions.store.path).notes == {"price_negotiation": note}
    assert note in pdf_text(window.session_notes.session)
    # an empty note removes it
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *args, **kwargs: ("  ", True))
    window.session_notes.ask_note()
    assert item.note == ""
    assert read_session(window.sessions.store.path).notes == {}


def test_notes_come_back_with_the_session(qtbot, window, tmp_path):
    window.selection.select("advertising")
    assert window.session_notes.set_note("advertising", "Budget klären")
    path = window.sessions.store.path
    window.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    again = build_window("en", sessions_dir=tmp_path / "sessions", settings=settings)
    qtbot.addWidget(again)
    assert again.sessions.store.path == path
    assert again.view.card_item("advertising").note == "Budget klären"
    again.close()


def test_the_note_action_needs_a_selected_card(qtbot, window):
    window.selection.select(None)
    assert not window.session_notes.note_action.isEnabled()
    window.selection.select("terms")
    assert window.session_notes.note_action.isEnabled()


def test_next_steps_dialog_keeps_rows_with_a_what(qtbot):
    dialog = NextStepsDialog(None, [ActionItem("Stellenbeschreibungen anpassen", "Anna", "31.01.")])
    qtbot.addWidget(dialog)
    row = dialog.add_row()
    dialog.table.item(row, 1).setText("nobody")  # no "what": dropped
    row = dialog.add_row()
    dialog.table.item(row, 0).setText("  Visitenkarten   neu drucken ")
    dialog.table.item(row, 2).setText("Q2")
    assert dialog.items() == [ActionItem("Stellenbeschreibungen anpassen", "Anna", "31.01."),
                              ActionItem("Visitenkarten neu drucken", "", "Q2")]
    dialog.table.selectRow(0)
    dialog.remove_selected_rows()
    assert [item.what for item in dialog.items()] == ["Visitenkarten neu drucken"]


def test_next_steps_are_saved_and_printed(qtbot, window, monkeypatch):
    steps = [ActionItem("Verkauf schulen", "Bernd", "2027-03-01")]

    def accept(dialog):
        dialog.table.setRowCount(0)
        for step in steps:
            dialog.add_row(step)
        return 1

    monkeypatch.setattr(NextStepsDialog, "exec", accept)
    window.session_notes.steps_action.trigger()
    assert read_session(window.sessions.store.path).action_items == steps
    text = pdf_text(window.session_notes.session)
    assert "Verkauf schulen" in text and "Bernd" in text


def test_workshop_details_are_saved_and_keep_the_date(qtbot, window):
    from dataclasses import replace

    info = window.sessions.session.info
    changed = replace(info, company="Muster AG", facilitator="Anna", participants=["Bernd", "Carla"],
                      date="1999-01-01")
    assert window.session_notes.set_details(replace(changed, date=info.date))
    stored = read_session(window.sessions.store.path).info
    assert (stored.company, stored.facilitator, stored.participants) == ("Muster AG", "Anna",
                                                                          ["Bernd", "Carla"])
    assert stored.date == info.date
    assert "Muster AG" in pdf_text(window.session_notes.session)


def test_without_a_session_the_actions_are_off(qtbot):
    window = build_window("en")  # the plain demo board, no session
    qtbot.addWidget(window)
    assert not window.session_notes.steps_action.isEnabled()
    assert not window.session_notes.details_action.isEnabled()
    window.selection.select("terms")
    assert not window.session_notes.note_action.isEnabled()


# --- every change is one undo step, saved as do / undo / redo ---


def undo(window):
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(window):
    QTest.keyClick(window.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)


def logged(window, kind):
    return [event["action"] for event in window.sessions.store.events() if event["kind"] == kind]


def test_a_note_is_undone_and_redone_on_the_card_and_in_the_file(qtbot, window):
    path = window.sessions.store.path
    item = window.view.card_item("terms")
    assert window.session_notes.set_note("terms", "Zahlungsziel 30 Tage")
    assert window.session_notes.set_note("terms", "Zahlungsziel 14 Tage")
    undo(window)
    assert item.note == "Zahlungsziel 30 Tage"
    assert read_session(path).notes == {"terms": "Zahlungsziel 30 Tage"}
    undo(window)
    assert item.note == "" and read_session(path).notes == {}
    redo(window)
    assert item.note == "Zahlungsziel 30 Tage"
    assert read_session(path).notes == {"terms": "Zahlungsziel 30 Tage"}
    assert logged(window, "note") == ["do", "do", "undo", "undo", "redo"]
    assert window.undo_action.toolTip() == "Note on “Agree terms and conditions”"


def test_next_steps_are_undone_and_redone(qtbot, window):
    path = window.sessions.store.path
    steps = [ActionItem("Verkauf schulen", "Bernd", "2027-03-01")]
    assert window.session_notes.set_next_steps(steps)
    undo(window)
    assert window.sessions.session.action_items == []
    assert read_session(path).action_items == []
    redo(window)
    assert read_session(path).action_items == steps
    assert logged(window, "action_items") == ["do", "undo", "redo"]


def test_workshop_details_are_undone_and_redone(qtbot, window):
    from dataclasses import replace

    path = window.sessions.store.path
    before = window.sessions.session.info
    assert window.session_notes.set_details(replace(before, company="Muster AG", participants=["Anna"]))
    undo(window)
    assert read_session(path).info == before
    redo(window)
    stored = read_session(path).info
    assert (stored.company, stored.participants) == ("Muster AG", ["Anna"])
    assert logged(window, "info") == ["do", "undo", "redo"]


def test_a_rename_is_undone_in_the_title_and_the_file(qtbot, window, monkeypatch):
    path = window.sessions.store.path
    title = window.sessions.session.info.title
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Kick-off Nord", True))
    window.sessions.menu.rename_action.trigger()
    assert window.windowTitle().startswith("Kick-off Nord")
    undo(window)
    assert read_session(path).info.title == title
    assert window.windowTitle().startswith(title)
    redo(window)
    assert read_session(path).info.title == "Kick-off Nord"


def test_moves_and_notes_share_one_history(qtbot, window):
    drag_card_to(qtbot, window.view, "terms", zone_point(window.view, Zone.SALES))
    window.session_notes.set_note("terms", "Verkauf entscheidet")
    undo(window)
    assert window.board.zone_of("terms") is Zone.SALES
    assert window.view.card_item("terms").note == ""
    undo(window)
    assert window.board.zone_of("terms") is Zone.UNPLACED
    assert read_session(window.sessions.store.path).board.zone_of("terms") is Zone.UNPLACED


def test_a_new_step_after_an_undo_is_logged_as_do_not_redo(qtbot, window):
    window.session_notes.set_note("terms", "erste Fassung")
    undo(window)
    window.session_notes.set_note("terms", "zweite Fassung")  # replaces the step that could be redone
    assert logged(window, "note") == ["do", "undo", "do"]
    assert read_session(window.sessions.store.path).notes == {"terms": "zweite Fassung"}


def test_details_steps_and_cards_past_their_limits_are_refused_with_a_message(qtbot, window, monkeypatch):
    from workshop_app.domain import limits
    from workshop_app.domain.session import SessionInfo

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    session = window.session_notes.session
    before, steps = session.info.copy(), window.undo_stack.count()
    assert not window.session_notes.set_details(SessionInfo("T" * (limits.TITLE + 1), language="en"))
    assert not window.session_notes.set_next_steps([ActionItem("W" * (limits.STEP + 1))])
    answer_card_dialogs(monkeypatch, "K" * (limits.CARD_TEXT + 1))
    window.ask_add_card()
    assert session.info == before and session.action_items == [] and window.undo_stack.count() == steps
    assert not [card for card in window.board.cards() if card.custom]
    assert len(shown) == 3 and all("at most" in text and "\n" not in text for text in shown)
    assert read_session(window.sessions.store.path).info.title == before.title
    details = NewWorkshopDialog(None, "en", before)  # the dialog stops typing at the limits
    assert details.title_edit.maxLength() == limits.TITLE
    assert details.company_edit.maxLength() == limits.TITLE
    assert details.facilitator_edit.maxLength() == limits.NAME
