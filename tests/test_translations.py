"""The German translation covers every UI string, and the shipped .qm matches the .ts."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import update_translations as tool  # noqa: E402


def test_every_ui_string_has_a_german_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    shutil.copy(tool.TS, fresh)
    tool.lupdate(fresh)  # adds any string the sources use and the .ts lacks, as unfinished
    text = fresh.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, "run `make translations` and translate the new strings"
    assert text.count("<message") >= 100


@pytest.mark.parametrize("ts,qm", [(tool.TS, tool.QM), (tool.TS_EN, tool.QM_EN)],
                         ids=["de", "en"])
def test_shipped_qm_is_built_from_the_ts(tmp_path, ts, qm):
    built = tmp_path / "built.qm"
    tool.lrelease(ts, built)
    assert built.read_bytes() == qm.read_bytes(), "run `make translations`"


def test_every_plural_has_its_english_forms(tmp_path):
    fresh = tmp_path / "fresh_en.ts"
    shutil.copy(tool.TS_EN, fresh)
    tool.lupdate(fresh, plurals_only=True)
    text = fresh.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, "run `make translations` and add the English plural forms"
    assert text.count('numerus="yes"') >= 2


@pytest.mark.parametrize("placeholder", ["{card}", "{zone}", "{path}", "{folder}", "{detail}"])
def test_translations_keep_their_placeholders(placeholder):
    import xml.etree.ElementTree as ET

    for message in ET.parse(tool.TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        if placeholder in source:
            assert all(placeholder in form for form in forms), source
