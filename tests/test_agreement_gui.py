"""The agreement in the window: contest → dots → resolve, a handoff, the checklist from open points to
complete, closing, accepting a suggested next step and the charter preview. Real keys and clicks on
the view and the dock; every change checked in the session file on disk."""

from __future__ import annotations

import pytest
from gui_helpers import card_center, panels_followed, show_window
from PySide6.QtCore import QDate, QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QMessageBox

from workshop_app.domain.agreement_json import agreement_to_json
from workshop_app.domain.deck import reference_board
from workshop_app.domain.model import Zone
from workshop_app.storage import read_session
from workshop_app.ui.agreement_dialogs import AcceptSuggestionDialog, HandoffDialog, ResolveDialog
from workshop_app.ui.app import build_window

KUNDENVERSTEHER_CARDS = ("needs_analysis", "product_proposal", "benefit_persuasion")


@pytest.fixture
def questions(monkeypatch):
    """Message boxes answer Yes and are recorded (title, text)."""
    asked = []

    def answer(box):
        asked.append((box.windowTitle(), box.text()))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return asked


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch, questions):
    """A window on a new stored session whose board is the article's reference split, except three
    Kundenversteher cards in Marketing (so the board resembles one archetype)."""
    folder = tmp_path / "sessions"
    folder.mkdir()
    monkeypatch.setenv("GRENZZIEHUNG_SESSIONS_DIR", str(folder))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = show_window(qtbot, build_window("en", sessions_dir=folder, settings=settings))
    board = reference_board()
    for card_id in KUNDENVERSTEHER_CARDS:
        board.move(card_id, Zone.MARKETING)
    window.set_board(board)
    qtbot.wait(1)
    yield window
    window.close()


def stored(window):
    return read_session(window.sessions.store.path)


def click_card(qtbot, window, card_id):
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, card_center(window.view, card_id))
    assert window.selection.card_id == card_id


def key(window, key_code, modifiers=Qt.KeyboardModifier.NoModifier):
    window.view.setFocus()
    QTest.keyClick(window.view, key_code, modifiers)


def click_list_row(qtbot, widget, row):
    widget.scrollToItem(widget.item(row))
    rect = widget.visualItemRect(widget.item(row))
    QTest.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     rect.center())


def checklist(window):
    dock = window.agreement
    return [dock.checklist.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dock.checklist.count())]


def test_contest_vote_and_resolve_with_keys_each_one_undo_step(qtbot, window, monkeypatch):
    dock = window.agreement
    click_card(qtbot, window, "price_negotiation")
    key(window, Qt.Key.Key_C)
    marks = dock.marks.of("price_negotiation")
    assert marks is not None and marks.contest is not None and not marks.contest.resolved
    assert ("contested", "price_negotiation") in [(p.kind, p.card) for p in checklist(window)]
    assert stored(window).agreement.contest("price_negotiation") is not None

    for _ in range(2):
        key(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    QTest.mouseClick(_plus_button(dock, Zone.SALES), Qt.MouseButton.LeftButton)
    for _ in range(4):
        key(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    key(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    votes = marks.contest.votes
    assert (votes.marketing, votes.shared, votes.sales) == (1, 0, 5)  # the counts on the card
    assert dock.card_actions.count_labels[Zone.SALES].text() == "5"
    assert stored(window).agreement.contest("price_negotiation").votes == votes
    steps_before = window.undo_stack.count()

    def resolve_dialog(dialog):
        assert dialog.zone() is Zone.SALES  # the vote's winner is offered
        dialog.reason.setText("Wer den Kunden kennt, verhandelt <b>den Preis</b>")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ResolveDialog, "exec", resolve_dialog)
    window.board.move("price_negotiation", Zone.MARKETING)  # it stood elsewhere before the vote
    key(window, Qt.Key.Key_R)
    assert window.board.zone_of("price_negotiation") is Zone.SALES
    assert marks.contest.resolution == "Wer den Kunden kennt, verhandelt <b>den Preis</b>"
    assert ("contested", "price_negotiation") not in [(p.kind, p.card) for p in checklist(window)]
    on_disk = stored(window)
    assert on_disk.board.zone_of("price_negotiation") is Zone.SALES
    assert on_disk.agreement.contest("price_negotiation").resolved
    assert window.undo_stack.count() == steps_before + 1  # the move and the decision: one step

    window.undo_action.trigger()
    assert window.board.zone_of("price_negotiation") is Zone.MARKETING
    assert not marks.contest.resolved
    on_disk = stored(window)
    assert on_disk.board.zone_of("price_negotiation") is Zone.MARKETING
    assert not on_disk.agreement.contest("price_negotiation").resolved
    window.redo_action.trigger()
    assert stored(window).agreement.contest("price_negotiation").resolved


def _plus_button(dock, zone):
    from PySide6.QtWidgets import QToolButton

    action = dock.card_actions.dot_actions[(zone, 1)]
    return next(b for b in dock.findChildren(QToolButton) if b.defaultAction() is action)


def test_a_handoff_shows_its_lead_on_the_card_and_is_stored(qtbot, window, monkeypatch):
    dock = window.agreement
    assert ("handoff", "field_feedback") in [(p.kind, p.card) for p in checklist(window)]
    click_card(qtbot, window, "price_negotiation")
    assert not dock.card_actions.handoff_action.isEnabled()  # not in the Schnittstelle
    click_card(qtbot, window, "field_feedback")
    assert dock.card_actions.handoff_action.isEnabled()

    def fill(dialog):
        dialog.show()
        QTest.mouseClick(dialog.sales, Qt.MouseButton.LeftButton)
        QTest.keyClicks(dialog.what, "Objections per customer case")
        dialog.what.setText(dialog.what.text() + " → Marketing")  # QTest types ASCII only
        dialog.hide()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(HandoffDialog, "exec", fill)
    key(window, Qt.Key.Key_H)
    marks = dock.marks.of("field_feedback")
    assert marks.handoff.lead is Zone.SALES and "Sales\xa0leads" in marks.toolTip()
    assert ("handoff", "field_feedback") not in [(p.kind, p.card) for p in checklist(window)]
    handoff = stored(window).agreement.handoff("field_feedback")
    assert handoff.lead is Zone.SALES and handoff.what == "Objections per customer case → Marketing"
    window.undo_action.trigger()
    assert marks.handoff is None and stored(window).agreement.handoff("field_feedback") is None
    window.redo_action.trigger()

    def remove(dialog):
        dialog.show()
        assert dialog.what.text() == "Objections per customer case → Marketing"
        button = next(b for b in dialog.buttons.buttons() if b.text() == "&Remove handoff")
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(HandoffDialog, "exec", remove)
    key(window, Qt.Key.Key_H)
    assert marks.handoff is None and stored(window).agreement.handoff("field_feedback") is None


def test_the_checklist_goes_from_open_points_to_complete_and_closes(qtbot, window, monkeypatch,
                                                                    questions):
    dock = window.agreement
    window.board.move("terms", Zone.UNPLACED)
    panels_followed(qtbot)
    points = [(p.kind, p.card, p.archetype) for p in checklist(window)]
    assert points == [("unplaced", "terms", None), ("handoff", "field_feedback", None),
                      ("archetype", None, "kundenversteher")]
    assert "3 open points" in dock.status.text()

    click_list_row(qtbot, dock.checklist, 0)  # a click selects the card
    assert window.selection.card_id == "terms"
    key(window, Qt.Key.Key_3)  # and the room places it
    panels_followed(qtbot)
    assert [p.kind for p in checklist(window)] == ["handoff", "archetype"]

    QTest.mouseClick(dock.close_button, Qt.MouseButton.LeftButton)  # closing with open points asks
    assert questions and "2 points are still open" in questions[-1][1]
    assert "Closed with open points" in dock.status.text() and stored(window).agreement.closed
    window.undo_action.trigger()
    assert not stored(window).agreement.closed

    monkeypatch.setattr(HandoffDialog, "exec", lambda d: (d.marketing.setChecked(True),
                                                          d.what.setText("Argumente → Verkauf"),
                                                          QDialog.DialogCode.Accepted)[-1])
    click_list_row(qtbot, dock.checklist, 0)
    key(window, Qt.Key.Key_H)
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: ("Erklärungsbedürftige Technik bleibt beim PM", True))
    click_list_row(qtbot, dock.checklist, 0)  # the archetype point: accept it with a reason
    assert checklist(window) == [] and dock.status.text().startswith("The agreement is complete")
    asked = len(questions)
    QTest.mouseClick(dock.close_button, Qt.MouseButton.LeftButton)
    assert len(questions) == asked  # complete: no question
    on_disk = stored(window).agreement
    assert on_disk.closed and on_disk.accepted() == {
        "kundenversteher": "Erklärungsbedürftige Technik bleibt beim PM"}
    assert dock.close_button.text() == "Reopen the agreement"


def test_accepting_a_suggested_next_step_with_who_and_date(qtbot, window, monkeypatch):
    dock = window.agreement
    texts = [dock.suggestion_list.item(i).text() for i in range(dock.suggestion_list.count())]
    assert "Train and upgrade sales" in texts[0] and "customer-understanders" in texts[0]
    assert any("job descriptions" in text for text in texts)
    assert any("business cards" in text for text in texts)

    def fill(dialog):
        dialog.show()
        QTest.keyClicks(dialog.who, "Mira Berg")
        dialog.hide()
        dialog.due.setDate(QDate(2026, 12, 15))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AcceptSuggestionDialog, "exec", fill)
    click_list_row(qtbot, dock.suggestion_list, 0)
    QTest.mouseClick(dock.accept_button, Qt.MouseButton.LeftButton)
    step = stored(window).action_items[-1]
    assert (step.who, step.due, step.suggestion) == ("Mira Berg", "2026-12-15",
                                                     "archetype:kundenversteher")
    assert step.what.startswith("Train and upgrade sales")
    panels_followed(qtbot)
    assert dock.suggestion_list.item(0).text().startswith("✓")
    window.undo_action.trigger()
    assert stored(window).action_items == []


def test_the_charter_preview_is_read_only_and_shows_user_text_literally(qtbot, window):
    dock = window.agreement
    window.agreement.card_actions.set_handoff  # noqa: B018 - the feature's API exists
    click_card(qtbot, window, "field_feedback")
    from workshop_app.domain.agreement import Handoff

    dock.card_actions.set_handoff("field_feedback", Handoff(Zone.MARKETING, "<b>Argumente</b> & mehr"))
    QTest.mouseClick(dock.charter_button, Qt.MouseButton.LeftButton)
    preview = dock.preview
    qtbot.addWidget(preview)
    text = preview.browser.toPlainText()
    assert preview.browser.isReadOnly()
    assert "Marketing is responsible for" in text and "Sales is responsible for" in text
    assert "hands over: <b>Argumente</b> & mehr" in text  # literally, not bold
    assert "Train and upgrade sales" in text and "clearly stated boundary" in text
    assert preview.markdown == dock.charter_markdown()
    preview.close()


def test_the_context_menu_offers_the_card_actions(qtbot, window):
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    point: QPoint = card_center(window.view, "terms")
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                              window.view.viewport().mapToGlobal(point))
    QApplication.sendEvent(window.view.viewport(), event)
    menu = window.agreement.card_actions.menu
    assert window.selection.card_id == "terms"
    assert window.agreement.card_actions.contest_action in menu.actions()
    menu.actions()[0].trigger()
    menu.close()
    assert agreement_to_json(stored(window).agreement)["contested"] == ["terms"]


def test_the_agreement_is_made_on_the_soll_board(qtbot, window):
    dock = window.agreement
    click_card(qtbot, window, "terms")
    key(window, Qt.Key.Key_C)  # on Ist, before a Soll round exists
    window.rounds.show_soll()  # Soll starts as a copy of Ist
    session = window.current.session
    assert session.board is session.rounds.board("target") is dock.agreement.board
    assert dock.marks.of("terms").contest is not None  # the contest carries over to Soll
    window.rounds.switch("as_is")
    assert "switch to the Soll round" in dock.status.text()
    window.selection.select("terms")
    assert not dock.card_actions.contest_action.isEnabled()
    key(window, Qt.Key.Key_C)
    assert stored(window).agreement.contest("terms") is not None  # unchanged on Ist
    window.rounds.switch("target")
    click_card(qtbot, window, "terms")
    key(window, Qt.Key.Key_C)
    assert stored(window).agreement.contest("terms") is None


@pytest.mark.parametrize("language,one,many", [("en", "Marketing (1 dot)", "Sales (5 dots)"),
                                               ("de", "Marketing (1 Punkt)", "Verkauf (5 Punkte)")])
def test_the_resolve_dialog_counts_one_dot_in_the_singular(qtbot, qapp, language, one, many):
    """QA: the resolve dialog said "Marketing (1 Punkte)"."""
    from workshop_app.domain.agreement import Votes
    from workshop_app.ui import i18n

    i18n.install_translators(qapp, language)
    try:
        dialog = ResolveDialog(None, "Preise verhandeln", Votes(marketing=1, sales=5))
        qtbot.addWidget(dialog)
        texts = [button.text() for button in dialog.zones.buttons()]
    finally:
        i18n.install_translators(qapp, "en")  # later tests expect the English source strings
    assert texts[0] == one and texts[2].startswith(many)


def test_the_charter_preview_fits_a_1366x768_laptop_screen(qtbot, window, monkeypatch):
    """QA: on a 1366x768 laptop the preview was taller than the screen (its Close button cut off). The
    screen's free area is that laptop's (a 28 px panel); the dialog, with room for its title bar, fits
    and its text scrolls inside."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    laptop = QRect(0, 0, 1366, 768 - 28)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda screen: laptop)
    preview = window.agreement.show_charters()
    qtbot.addWidget(preview)
    title_bar = 40
    assert preview.height() + title_bar <= laptop.height() and preview.width() <= laptop.width()
    assert preview.browser.verticalScrollBar().maximum() > 0  # the charters scroll inside
    preview.close()
