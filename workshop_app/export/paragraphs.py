"""Paragraphs for the summary that cost no more than their text needs.

ReportLab parses every Paragraph's text with its XML parser and breaks it into lines on every `wrap`;
a table cell is wrapped two to four times at the same width (the table's height, the frame, the cell's
drawing). `paragraph()` gives the same Paragraph with two shortcuts:

- text without markup (no `<`, no `&`) and without whitespace the parser would fold is one fragment
  of the style's font: built from a fragment the parser made once per style, not parsed again;
- a paragraph asked to wrap again at the width it was last wrapped to keeps its lines.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import textTransformFrags
from reportlab.platypus.paraparser import ParaFrag

_templates: WeakKeyDictionary[ParagraphStyle, ParaFrag] = WeakKeyDictionary()


class WrapOnceParagraph(Paragraph):
    """A Paragraph that breaks its lines once per width (the parts of a split are of this class too,
    each wrapping afresh)."""

    _wrapped_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self._wrapped_width == availWidth and hasattr(self, "blPara"):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth if hasattr(self, "blPara") else None
        return size


def paragraph(text_markup: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of `text_markup` (escaped user text or markup) in `style`."""
    if not is_plain(text_markup):
        return WrapOnceParagraph(text_markup, style)
    frags = [_template(style).clone(text=text_markup, link=[], us_lines=[])]
    textTransformFrags(frags, style)
    return WrapOnceParagraph(text_markup, style, frags=frags)


def is_plain(text_markup: str) -> bool:
    """Whether ReportLab's parser would make exactly one fragment holding `text_markup` as it is: no
    tag, no entity, no line break, no leading, trailing or repeated whitespace."""
    return (bool(text_markup) and "<" not in text_markup and "&" not in text_markup
            and text_markup == " ".join(text_markup.split()))


def _template(style: ParagraphStyle) -> ParaFrag:
    """The fragment the parser makes for a plain word in `style` (once per style object)."""
    template = _templates.get(style)
    if template is None:
        template = _templates[style] = Paragraph("x", style).frags[0]
    return template
