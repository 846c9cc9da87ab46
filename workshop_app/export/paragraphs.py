"""Paragraphs for the summary that cost no more than their text needs.

ReportLab parses every Paragraph's text with its XML parser and breaks it into lines on every `wrap`;
a table cell is wrapped two to four times at the same width (the table's height, the frame, the cell's
drawing). `paragraph()` gives the same Paragraph with two shortcuts:

- text without markup (no `<`, no `&`) and without whitespace the parser would fold is one fragment
  of the style's font: built from a fragment the parser made once per style, not parsed again;
- a paragraph asked to wrap again at the width it was last wrapped to keeps its lines, and both parts of
  a paragraph split at a page's end take the lines already broken for that width: a text over many
  pages is broken into lines once (ReportLab broke what was left again on every page: quadratic).
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import textTransformFrags
from reportlab.platypus.paraparser import ParaFrag

_templates: WeakKeyDictionary[ParagraphStyle, ParaFrag] = WeakKeyDictionary()


class WrapOnceParagraph(Paragraph):
    """A Paragraph that breaks its lines once per width. The parts of a split are of this class too and
    take their share of the lines (a part asked to wrap at another width breaks its own)."""

    _wrapped_width: float | None = None  # the width `blPara` was broken for
    _dropped: object = None  # the lines ReportLab's split let go of when the paragraph moved on whole

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self._wrapped_width == availWidth:
            if not hasattr(self, "blPara") and self._dropped is not None:
                self.blPara = self._dropped
            if hasattr(self, "blPara"):
                self.width = availWidth
                return availWidth, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth if hasattr(self, "blPara") else None
        self._dropped = None
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Paragraph]:  # noqa: N803
        broken = getattr(self, "blPara", None)
        parts = super().split(availWidth, availHeight)
        if broken is not None and not hasattr(self, "blPara"):
            self._dropped = broken  # ReportLab drops the lines to break them again in the next frame
        if len(parts) == 2 and self._lines_carry_over():
            lines = self.blPara.lines
            cut = len(parts[0].blPara.lines)
            for part, part_lines in zip(parts, (lines[:cut], _rebased(lines[cut:])), strict=True):
                part.blPara = self.blPara.clone(lines=part_lines)
                part.height = len(part_lines) * self.style.leading
                part._wrapped_width = self._wrapped_width
        return parts

    def _lines_carry_over(self) -> bool:
        """Whether the parts of a split may take this paragraph's lines: broken for a known width, every
        line as high as the leading."""
        return (self._wrapped_width is not None and hasattr(self, "blPara")
                and getattr(self, "autoLeading", getattr(self.style, "autoLeading", "")) in ("", "off"))


def _rebased(lines: list) -> list:
    """The rest's lines of a paragraph of several fonts: each line names its first word's index in the
    paragraph's words (`sFW`), and the rest's words start at its first line's."""
    if not lines or not hasattr(lines[0], "sFW"):
        return lines
    start = lines[0].sFW
    return [line.clone(sFW=line.sFW - start) for line in lines]


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
