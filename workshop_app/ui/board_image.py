"""Board images: the projector's view (title, round, board) rendered offscreen as a PNG, for slides and
e-mails. `board_png` makes the image from a session; `BoardImageExport` is File > Export image…; the
command line reaches `board_png` through `ui.app.export_board_png`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QObject, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from workshop_app.domain.session import Session
from workshop_app.ui.agreement_marks import AgreementMarks
from workshop_app.ui.board_scene import BoardScene
from workshop_app.ui.messages import message_box
from workshop_app.ui.projector import ProjectorPanel, round_title

if TYPE_CHECKING:
    from workshop_app.ui.features import FeatureContext

DEFAULT_SIZE = (1920, 1080)


def board_png(session: Session, round_name: str, language: str,
              size: tuple[int, int] = DEFAULT_SIZE) -> bytes:
    """The projector's view of `session`'s round `round_name` at `size` pixels, as PNG bytes."""
    width, height = size
    rounds = session.rounds
    assert rounds is not None
    scene = BoardScene(rounds.board(round_name), language)
    scene.show_notes(session.notes)
    panel = ProjectorPanel(scene, language)
    panel.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    panel.show_header(session.info.title, round_title(rounds, round_name))
    panel.resize(width, height)
    panel.show()  # offscreen: lays the panel out at its size without a window on any screen
    panel.layout().activate()
    viewport = panel.view.viewport().size()
    scene.set_available_size(viewport.width(), viewport.height())  # laid out for the image
    if rounds.board(round_name) is session.agreement_board():  # its marks, as the projector shows
        AgreementMarks().show(scene.items_by_id, session.agreement.contests(),
                              session.agreement.handoffs())
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    panel.render(image)
    panel.close()
    panel.deleteLater()
    scene.detach()
    return _png_bytes(image)


def _png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


class BoardImageExport(QObject):
    """File > Export image…: the shown round as the projector shows it, 1920x1080, as a PNG file."""

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context.window)
        self.c = context
        self.action = QAction(self.tr("Export &image…"), self)
        self.action.triggered.connect(self.ask_and_export)
        context.menus.add("file.export", self.action)

    def ask_and_export(self) -> Path | None:
        session = self.c.current.session
        proposal = f"{session.info.date} {session.info.title}".strip() or "board"
        name, _ = QFileDialog.getSaveFileName(self.c.window, self.tr("Export image"),
                                              f"{proposal}.png", self.tr("PNG image (*.png)"))
        if not name:
            return None
        return self.export(Path(name if name.lower().endswith(".png") else f"{name}.png"))

    def export(self, path: Path) -> Path | None:
        from workshop_app.export import ExportError, write_atomically  # ReportLab loads on use

        session = self.c.current.session
        assert session.rounds is not None
        data = board_png(session, session.rounds.active, self.c.language)
        try:
            return write_atomically(path, data)
        except ExportError as exc:
            message_box(self.c.window, QMessageBox.Icon.Warning, self.tr("Export image"), str(exc))
            return None
