"""The board's geometry (Qt-free): the grid that makes cards largest, and no re-zoom while cards fit."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from workshop_app.domain.model import ALL_ZONES, PLACED_ZONES, Zone
from workshop_app.ui import layout as geo

M, S, V, U = Zone.MARKETING, Zone.SHARED, Zone.SALES, Zone.UNPLACED


def scale(layout: geo.BoardLayout, width: float, height: float) -> float:
    """The zoom of a view of `width` x `height` that fits the whole scene."""
    return min(width / layout.width, height / layout.height)


def card_px(counts: dict[Zone, int], width: float, height: float) -> float:
    return geo.CARD_FONT_PX * scale(geo.compute_layout(counts, width, height), width, height)


def every_card_inside(layout: geo.BoardLayout, counts: dict[Zone, int]) -> bool:
    for zone in ALL_ZONES:
        geometry = layout.zones[zone]
        if zone is U:
            rows = -(-counts.get(zone, 0) // geometry.columns)
            if counts.get(zone, 0) and geometry.rect.bottom < geometry.grid_top + rows * (
                    geo.CARD_H + geo.GAP) - geo.GAP - 1e-6:
                return False
        for index in range(counts.get(zone, 0)):
            x, y = geometry.slot_position(index)
            if not (geometry.rect.contains(x, y)
                    and geometry.rect.contains(x + geo.CARD_W, y + geo.CARD_H)):
                return False
    return True


counts_strategy = st.fixed_dictionaries({zone: st.integers(0, 40) for zone in ALL_ZONES})


@settings(max_examples=150, deadline=None)
@given(counts=counts_strategy, width=st.integers(400, 4000), height=st.integers(300, 3000))
@example(counts={M: 0, S: 17, V: 21, U: 21}, width=3055, height=300)  # tray columns lost to rounding
def test_the_scene_has_the_views_aspect_and_holds_every_card_in_its_zone(counts, width, height):
    layout = geo.compute_layout(counts, width, height)
    assert layout.width / layout.height == pytest.approx(width / height)
    assert layout.width >= geo.MIN_WIDTH - 1e-6
    assert every_card_inside(layout, counts)
    zones = [layout.zones[zone].rect for zone in PLACED_ZONES]
    for left, right in itertools.pairwise(zones):
        assert left.right == pytest.approx(right.x)  # side by side, no overlap, no hole
    tray = layout.zones[U].rect
    assert tray.y > zones[0].bottom and tray.bottom <= layout.height


@settings(max_examples=60, deadline=None)
@given(counts=st.fixed_dictionaries({zone: st.integers(0, 14) for zone in ALL_ZONES}),
       width=st.integers(600, 2600), height=st.integers(400, 1600))
def test_no_other_grid_gives_larger_cards(counts, width, height):
    """Brute force over every grid: none fits a smaller scene of this aspect than the chosen one."""
    aspect = width / height
    chosen = geo.compute_layout(counts, width, height)
    for zone_rows, tray_rows in itertools.product(range(1, 16), range(1, 16)):
        need_w, need_h = geo._needed(counts, geo.Grid(zone_rows, tray_rows))
        best_possible = max(need_w / aspect, need_h, geo.MIN_WIDTH / aspect)
        assert chosen.height <= best_possible + 1e-6


@pytest.mark.parametrize("counts", [
    {M: 9, S: 4, V: 9}, {M: 12, S: 2, V: 8}, {M: 8, S: 6, V: 8}, {M: 14, S: 2, V: 6}, {M: 11, V: 11},
    {M: 10, S: 5, V: 7},
])
def test_22_placed_cards_read_at_20_px_on_a_1366x768_projector(counts):
    """The projector's board area below its title strip (the GUI test checks the real window)."""
    assert sum(counts.values()) == 22
    assert card_px(counts, 1366, 700) >= 21
    assert card_px(counts, 1920, 1010) >= 30


def test_marketing_gets_columns_instead_of_one_long_column():
    """The old layout fitted by height and left Marketing one column while the sides stayed empty."""
    layout = geo.compute_layout({M: 14, S: 2, V: 6}, 1366, 700)
    assert layout.zones[M].columns >= 3
    assert layout.zones[M].columns > layout.zones[V].columns


def test_the_scene_keeps_its_size_while_the_cards_fit_and_grows_when_they_do_not():
    start = geo.compute_layout({U: 22}, 1366, 700)
    one_placed = geo.compute_layout({M: 1, U: 21}, 1366, 700, keep=start)
    assert (one_placed.width, one_placed.height) == (start.width, start.height)  # no re-zoom
    all_placed = geo.compute_layout({M: 9, S: 4, V: 9}, 1366, 700, keep=one_placed)
    assert (all_placed.width, all_placed.height) == (start.width, start.height)
    assert geo.compute_layout({M: 9, S: 4, V: 9}, 1366, 700).height < start.height  # refit zooms
    crowded = geo.compute_layout({M: 22}, 1366, 700, keep=start)
    assert crowded.height > start.height  # did not fit any more: zooms out
    assert every_card_inside(crowded, {M: 22})


def test_a_tray_row_that_empties_does_not_re_zoom():
    counts = {M: 5, S: 2, V: 5, U: 10}
    before = geo.compute_layout(counts, 1920, 1010)
    after = geo.compute_layout({M: 6, S: 2, V: 5, U: 9}, 1920, 1010, keep=before)
    assert (after.width, after.height) == (before.width, before.height)


def test_another_aspect_ratio_is_a_new_fit():
    start = geo.compute_layout({M: 4, U: 18}, 1366, 700)
    wide = geo.compute_layout({M: 4, U: 18}, 2000, 700, keep=start)
    assert wide.width / wide.height == pytest.approx(2000 / 700)


def test_300_cards_are_laid_out_quickly_enough_to_do_on_every_move():
    import time

    counts = {M: 100, S: 50, V: 100, U: 50}
    started = time.perf_counter()
    layout = geo.compute_layout(counts, 1920, 1080)
    assert time.perf_counter() - started < 0.05  # generous; bench/ measures the real figure
    assert every_card_inside(layout, counts)
