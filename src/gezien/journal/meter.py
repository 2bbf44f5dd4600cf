"""The mood meter: pleasantness x energy as a grid of 5 x 5 cells, and how a cell maps onto
the whole numbers from -5 to +5 that an entry stores. No Django here.

Entries written before the meter stored any value from -5 to +5 on two scales of eleven
steps. So nothing has to change in stored entries, a cell stores the value in the middle of
its band (-4, -2, 0, +2, +4), and every stored value, old or new, falls in exactly one band:
-5 and -4 in the first, -3 and -2 in the second, -1 to +1 in the middle, +2 and +3 in the
fourth, +4 and +5 in the fifth."""

from __future__ import annotations

from dataclasses import dataclass

from gezien.journal.emotions import QUADRANT_SIDES, SCALE_MAX, SCALE_MIN

LEVELS = (1, 2, 3, 4, 5)
MIDDLE = 3
# The value a cell stores, per level.
VALUES = {1: -4, 2: -2, 3: 0, 4: 2, 5: 4}
_CORNERS = {side: quadrant for quadrant, side in QUADRANT_SIDES.items()}


def level(value: float) -> int:
    """The band (1 to 5) a value from -5 to +5 falls in. A value exactly between two bands
    (a mean of words, such as 1.5) goes to the band nearer the middle."""
    size = abs(value)
    step = 0 if size <= 1.5 else 1 if size <= 3.5 else 2
    return MIDDLE + step if value > 0 else MIDDLE - step


@dataclass(frozen=True, order=True)
class Cell:
    """One cell of the grid: a level of pleasantness (1 very unpleasant ... 5 very pleasant)
    and of energy (1 very little ... 5 very much)."""

    pleasantness: int
    energy: int

    @property
    def values(self) -> tuple[int, int]:
        """What an entry stores when a person chooses this cell."""
        return VALUES[self.pleasantness], VALUES[self.energy]

    @property
    def corner(self) -> str:
        """The quadrant the cell lies in; "" for the middle row and column, which belong to
        no corner."""
        if MIDDLE in (self.pleasantness, self.energy):
            return ""
        side = (1 if self.pleasantness > MIDDLE else -1, 1 if self.energy > MIDDLE else -1)
        return _CORNERS[side]

    @property
    def key(self) -> str:
        return f"{self.pleasantness}-{self.energy}"

    def holds(self, pleasantness: float, energy: float) -> bool:
        return (level(pleasantness), level(energy)) == (self.pleasantness, self.energy)


def cell_of(pleasantness: float, energy: float) -> Cell:
    return Cell(level(pleasantness), level(energy))


def grid() -> list[Cell]:
    """The 25 cells in reading order: the top row has the most energy, each row runs from
    unpleasant (left) to pleasant (right). This is also the order of the radio buttons."""
    return [Cell(p, e) for e in reversed(LEVELS) for p in LEVELS]


def parse(value: str) -> tuple[int, int] | None:
    """A cell's radio value, "-2,4", as (-2, 4); None for anything that is not two whole
    numbers from -5 to +5."""
    try:
        spot = tuple(int(part) for part in value.split(","))
    except ValueError:
        return None
    if len(spot) != 2 or not all(SCALE_MIN <= v <= SCALE_MAX for v in spot):
        return None
    return spot[0], spot[1]


def value(spot: tuple[int, int]) -> str:
    return f"{spot[0]},{spot[1]}"


def combine(
    grid: tuple[int, int] | None, pleasantness: int | None, energy: int | None
) -> tuple[int | None, int | None]:
    """The pleasantness and energy of an answer to the meter. Its text version (two separate
    questions) counts instead of the grid for each question that is answered."""
    return (
        pleasantness if pleasantness is not None else grid[0] if grid else None,
        energy if energy is not None else grid[1] if grid else None,
    )
