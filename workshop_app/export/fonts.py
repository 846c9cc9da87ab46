"""The embedded font: DejaVu Sans (regular and bold) from `resources/fonts/`, registered once.

Two small repairs make every character a user types come out of the PDF again as that character:

- ReportLab writes the ToUnicode map of a subset font with `%04X`, which gives an invalid entry for a
  character beyond the Basic Multilingual Plane (most emoji): PDF readers then lose the text. The
  map is rewritten with UTF-16 surrogate pairs.
- A character the font has no glyph for (many emoji, CJK) is normally printed as glyph 0 under code
  0, and its identity is lost. `cover()` lets such a character keep a code of its own that shows
  the font's "missing glyph" box, so the PDF's text still holds the real character.
"""

from __future__ import annotations

import re
import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from workshop_app.paths import resource

REGULAR = "GrenzDejaVuSans"
BOLD = "GrenzDejaVuSans-Bold"
FAMILY = "GrenzDejaVu"
FONT_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
LICENCE_FILE = "LICENSE-DejaVu.txt"

_lock = threading.Lock()
_registered: dict[str, TTFont] = {}
_BF_CHAR = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def _utf16_hex(code: int) -> str:
    data = chr(code).encode("utf-16-be")
    return data.hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int], _original=ttfonts.makeToUnicodeCMap) -> str:
    """ReportLab's ToUnicode CMap with characters beyond U+FFFF written as UTF-16 pairs."""
    cmap = _original(fontname, subset)
    return _BF_CHAR.sub(lambda m: f"<{m.group(1)}> <{_utf16_hex(int(m.group(2), 16))}>", cmap)


def register_fonts() -> tuple[str, str]:
    """Register the regular and bold font (once per process); returns their names."""
    with _lock:
        if not _registered:
            if ttfonts.makeToUnicodeCMap.__name__ != _to_unicode_cmap.__name__:
                ttfonts.makeToUnicodeCMap = _to_unicode_cmap
            for name, filename in FONT_FILES.items():
                font = TTFont(name, str(resource("fonts", filename)))
                pdfmetrics.registerFont(font)
                _registered[name] = font
            addMapping(FAMILY, 0, 0, REGULAR)
            addMapping(FAMILY, 1, 0, BOLD)
            addMapping(FAMILY, 0, 1, REGULAR)
            addMapping(FAMILY, 1, 1, BOLD)
            # the family name used in paragraph styles maps to the regular face
            pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR,
                                          boldItalic=BOLD)
    return REGULAR, BOLD


def cover(text: str) -> str:
    """Make sure every character of `text` prints: characters without a glyph keep their own code
    and show the missing-glyph box. Returns `text` unchanged."""
    register_fonts()
    codes = set(map(ord, text))  # each distinct character once, however long the text
    for font in _registered.values():
        char_to_glyph = font.face.charToGlyph
        for code in codes:
            if code not in char_to_glyph and code >= 0x20:
                char_to_glyph[code] = 0
    return text


def missing_glyphs(text: str) -> set[str]:
    """The characters of `text` that the regular font has no real glyph for."""
    register_fonts()
    char_to_glyph = _registered[REGULAR].face.charToGlyph
    return {char for char in text if char_to_glyph.get(ord(char), 0) == 0 and not char.isspace()}
