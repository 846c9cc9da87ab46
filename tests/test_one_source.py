"""One source per fact: the languages, the zones' colours, the session error texts, the label files."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from workshop_app.domain.datafile import pick_label, read_labels
from workshop_app.domain.model import ALL_ZONES, LANGUAGES
from workshop_app.domain.zone_palette import PaletteError, zone_colours
from workshop_app.paths import resource
from workshop_app.storage import errors

PACKAGE = Path(__file__).resolve().parents[1] / "workshop_app"


def all_subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *all_subclasses(sub)]
    return found


def test_the_languages_are_listed_once():
    listed = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Tuple | ast.List) and [getattr(e, "value", None) for e in node.elts] == [
                    "de", "en"]:
                listed.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert len(listed) == 1 and listed[0].startswith("domain/model.py:"), listed
    assert LANGUAGES == ("de", "en")


def test_the_board_and_the_pdf_take_their_zone_colours_from_resources():
    from workshop_app.export.palette import ZONE_COLOURS as PDF_COLOURS
    from workshop_app.ui.board_scene import ZONE_COLOURS as BOARD_COLOURS

    data = json.loads(resource("zones.json").read_text(encoding="utf-8"))["colours"]
    assert {zone: BOARD_COLOURS[zone].name() for zone in ALL_ZONES} == {
        zone: data[zone.value].lower() for zone in ALL_ZONES}
    assert {zone: "#" + colour.hexval()[2:] for zone, colour in PDF_COLOURS.items()} == {
        zone: data[zone.value].lower() for zone in PDF_COLOURS}


@pytest.mark.parametrize("colours", [{"marketing": "blue"}, "red", {"marketing": "#12345"}])
def test_a_palette_without_a_colour_for_every_zone_is_refused(tmp_path, colours):
    path = tmp_path / "zones.json"
    path.write_text(json.dumps({"colours": colours}))
    with pytest.raises(PaletteError):
        zone_colours(path)


def test_every_session_error_has_its_text_in_both_languages():
    texts = json.loads(resource("messages", "sessions.json").read_text(encoding="utf-8"))
    classes = [errors.SessionError, *all_subclasses(errors.SessionError)]
    assert len(classes) >= 10
    for cls in classes:
        assert set(texts[cls.code]) >= set(LANGUAGES), cls.__name__
        error = cls(path="/x/s.sqlite", folder="/x", detail="d", pid="1", found="9", known="3")
        assert error.message("de") != error.message("en"), cls.__name__
        assert "{" not in error.message("de") + error.message("en"), cls.__name__


def test_the_window_has_no_copy_of_the_session_error_texts():
    texts = json.loads(resource("messages", "sessions.json").read_text(encoding="utf-8"))
    sources = "".join(path.read_text(encoding="utf-8") for path in (PACKAGE / "ui").rglob("*.py"))
    copies = [code for code, text in texts.items() if not code.startswith("_")
              and text["en"] in sources]
    assert copies == []


def test_the_label_loader_needs_both_languages_and_skips_comments(tmp_path):
    path = tmp_path / "labels.json"
    path.write_text(json.dumps({"_about": "x", "hello": {"de": "Hallo {name}", "en": "Hello {name}"}}))
    labels = read_labels(path, ValueError)
    assert pick_label(labels, "hello", "de", name="Anna") == "Hallo Anna"
    assert pick_label(labels, "hello", "fr", name="Anna") == "Hello Anna"
    path.write_text(json.dumps({"hello": {"en": "Hello"}}))
    with pytest.raises(ValueError, match="hello"):
        read_labels(path, ValueError)
