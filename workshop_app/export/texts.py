"""Texts for the PDF: bilingual labels from `resources/export_texts.json`, and user text made safe.

User text (card texts, names, notes) is never markup. `markup()` turns it into the escaped, single
-direction form a ReportLab Paragraph needs; `plain()` gives the same text unescaped for the
drawing, which prints strings as they are.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from workshop_app.domain.datafile import read_labels
from workshop_app.domain.model import LANGUAGES
from workshop_app.export.fonts import cover
from workshop_app.paths import resource


class ExportTextsError(ValueError):
    """The labels file is missing, malformed or lacks a text."""


@cache
def _labels(path: Path | None = None) -> dict[str, dict[str, str]]:
    return read_labels(path or resource("export_texts.json"), ExportTextsError, "labels")


class Labels:
    """The PDF's labels in one language: `labels["section_board"]`, `labels.fmt("page_of", page=1)`."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else "en"

    def __getitem__(self, key: str) -> str:
        try:
            return _labels()[key][self.language]
        except KeyError:
            raise ExportTextsError(f"export_texts.json: no label {key!r}") from None

    def fmt(self, key: str, **values: object) -> str:
        return self[key].format(**values)

    def percent(self, share: float) -> str:
        return self.fmt("percent", value=round(share * 100))

    def date(self, iso: str) -> str:
        """An ISO date as people write it in the language; anything else as it is."""
        try:
            day = _dt.date.fromisoformat(iso.strip())
        except ValueError:
            return iso
        if self.language == "de":
            return f"{day.day:02d}.{day.month:02d}.{day.year}"
        return f"{day.day} {self['months'].split()[day.month - 1]} {day.year}"


# --- user text ---

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_RTL_RANGES = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF), (0x10800, 0x10FFF),
               (0x1E800, 0x1EFFF))
# one search in C finds whether a text has any character of those blocks (most texts have none)
_RTL_BLOCKS = re.compile("[" + "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}"
                                       for low, high in _RTL_RANGES) + "]")


def _is_rtl(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _RTL_RANGES) and unicodedata.bidirectional(
        char) in ("R", "AL")


def _strong(char: str) -> str | None:
    """'R' for a right-to-left letter, 'L' for a left-to-right one, None for neutrals and digits."""
    if _is_rtl(char):
        return "R"
    return "L" if unicodedata.bidirectional(char) == "L" else None


def visual_order(text: str) -> str:
    """A simplified bidi reordering for one line of text: runs of right-to-left letters (Arabic,
    Hebrew) with the spaces between them are reversed, so that they print right to left; when the
    text starts with such a letter the order of the runs is reversed too. ReportLab prints in the
    order it is given and shapes nothing, so without this Arabic would print backwards. Letters are
    not joined (no shaping): they print in their isolated forms."""
    if not _RTL_BLOCKS.search(text) or not any(_is_rtl(char) for char in text):
        return text
    runs: list[tuple[bool, str]] = []  # (is right-to-left, text)
    for char in text:
        direction = _strong(char)
        rtl = direction == "R" or (direction is None and bool(runs) and runs[-1][0]
                                   and char.isspace())
        if runs and runs[-1][0] == rtl:
            runs[-1] = (rtl, runs[-1][1] + char)
        else:
            runs.append((rtl, char))
    # trailing spaces of a right-to-left run belong outside it
    pieces: list[tuple[bool, str]] = []
    for rtl, chunk in runs:
        if rtl and chunk != chunk.rstrip():
            pieces += [(True, chunk.rstrip()), (False, chunk[len(chunk.rstrip()):])]
        else:
            pieces.append((rtl, chunk))
    shown = [chunk[::-1] if rtl else chunk for rtl, chunk in pieces]
    first = next((d for d in map(_strong, text) if d), "L")
    return "".join(reversed(shown) if first == "R" else shown)


def plain(text: object) -> str:
    """User text for a drawing string: one line, control characters removed, right-to-left runs in
    print order. Not escaped: drawing strings are not markup."""
    flat = " ".join(_CONTROL.sub(" ", str(text)).split())
    return cover(visual_order(flat))


def markup(text: object, keep_lines: bool = False) -> str:
    """User text for a Paragraph: like `plain`, then XML-escaped, so `<b>`, `&` or `<img src=...>`
    print literally and never act as markup. `keep_lines` keeps the writer's line breaks."""
    if keep_lines:
        lines = (plain(line) for line in str(text).splitlines())
        return "<br/>".join(escape(line) for line in lines if line)
    return escape(plain(text))


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + "…"
