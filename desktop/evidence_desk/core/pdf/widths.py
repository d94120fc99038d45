"""How wide a black bar is when it must say nothing about what it replaces
(Bland, Iqbal et al., PETS 2023). Shared by born-digital lines (`redact_text`)
and pages rebuilt from pixels (`scan_widths`)."""

from __future__ import annotations

import random

HIDE_LO_EM, HIDE_HI_EM = 3.0, 12.0  # removed runs up to 12 em get a bar of 3–12 em, uniformly
LONG_GRID_EM = 4.0  # longer runs: rounded up to 4 em, plus up to 4 em more
# A bar that must also cover what lay under the box (an image, line art): at least as
# wide as the box, so for a box up to 12 em uniformly 12–16 em, whatever the box.
COVER_LO_EM, COVER_HI_EM = 12.0, 16.0


def hidden_width(removed_width: float, em: float, rng: random.Random) -> float:
    """A bar width that says nothing about a removed run of up to 12 em (uniform on
    3–12 em whatever the run), and only its 4-em bucket about a longer one."""
    em = max(em, 1.0)
    if removed_width <= HIDE_HI_EM * em:
        return rng.uniform(HIDE_LO_EM * em, HIDE_HI_EM * em)
    return _bucket(removed_width, em, rng)


def covering_width(box_width: float, em: float, rng: random.Random) -> float:
    """A bar at least `box_width` wide that says nothing about a box of up to 12 em
    (uniform on 12–16 em), and only its 4-em bucket about a wider one."""
    em = max(em, 1.0)
    if box_width <= COVER_LO_EM * em:
        return rng.uniform(COVER_LO_EM * em, COVER_HI_EM * em)
    return _bucket(box_width, em, rng)


def _bucket(width: float, em: float, rng: random.Random) -> float:
    grid = LONG_GRID_EM * em
    return (int(width / grid) + 1) * grid + rng.uniform(0, grid)
