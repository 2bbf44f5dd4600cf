"""The mood meter's grid and how its cells map onto the -5 to +5 values an entry stores."""

from __future__ import annotations

import pytest

from gezien.journal import meter
from gezien.journal.meter import Cell


def test_the_grid_reads_from_much_energy_at_the_top_and_unpleasant_on_the_left() -> None:
    cells = meter.grid()
    assert len(cells) == len(set(cells)) == 25
    assert cells[0] == Cell(1, 5) and cells[4] == Cell(5, 5)
    assert cells[-1] == Cell(5, 1)


@pytest.mark.parametrize("cell", meter.grid(), ids=lambda cell: cell.key)
def test_a_chosen_cell_stores_values_that_show_as_that_cell_again(cell) -> None:
    pleasantness, energy = cell.values
    assert -5 <= pleasantness <= 5 and -5 <= energy <= 5
    assert meter.cell_of(pleasantness, energy) == cell


@pytest.mark.parametrize(
    ("old", "level"),
    [(-5, 1), (-4, 1), (-3, 2), (-2, 2), (-1, 3), (0, 3), (1, 3), (2, 4), (3, 4), (4, 5), (5, 5)],
)
def test_every_value_of_the_old_eleven_step_scales_falls_in_one_band(old, level) -> None:
    assert meter.level(old) == level


@pytest.mark.parametrize(("middle", "level"), [(1.5, 3), (-1.5, 3), (3.5, 4), (-3.5, 2), (1.6, 4)])
def test_a_mean_of_words_halfway_between_bands_goes_to_the_band_nearer_the_middle(
    middle, level
) -> None:
    assert meter.level(middle) == level


@pytest.mark.parametrize(
    ("cell", "corner"),
    [
        (Cell(1, 5), "unpleasant-high"),
        (Cell(2, 2), "unpleasant-low"),
        (Cell(4, 4), "pleasant-high"),
        (Cell(5, 1), "pleasant-low"),
        (Cell(3, 5), ""),
        (Cell(1, 3), ""),
    ],
)
def test_the_middle_row_and_column_belong_to_no_corner(cell, corner) -> None:
    assert cell.corner == corner
