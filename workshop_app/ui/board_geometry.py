"""The board's geometry, held by no view: the size the layout is made for and the layout in use.

`ui/layout.py` is the arithmetic; this object keeps its state. The scene places its items from
`layout`; the window decides whose size the board is laid out for (`set_target_size`, fed from the
main view's viewport), so that another view of the same scene (a projector) only fits what it is
shown and never resizes the board under the first one.
"""

from __future__ import annotations

from workshop_app.domain.model import Zone
from workshop_app.ui import layout as geo


class BoardGeometry:
    def __init__(self, width: float = 16.0, height: float = 9.0) -> None:
        self.target: tuple[float, float] = (width, height)
        self.layout: geo.BoardLayout = geo.compute_layout({}, *self.target)

    def set_target_size(self, width: float, height: float) -> None:
        """Lay the board out for this size from the next `recompute` on."""
        self.target = (width, height)

    def recompute(self, counts: dict[Zone, int], *, refit: bool = False) -> geo.BoardLayout:
        """The layout for `counts` cards per zone: the scene keeps its size while the cards fit in
        the layout in use, unless `refit` (then the zoom may change)."""
        self.layout = geo.compute_layout(counts, *self.target, keep=None if refit else self.layout)
        return self.layout
