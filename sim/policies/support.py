"""Declarations shared by the instruments that give transition support after a placement (job
coaching and the root ball): who is supported, how, and for how long.

Both instruments declare these same objects, so the persons table has the columns once and
either instrument can tell whether the other already supports a person (``support_kind``).
"""

from __future__ import annotations

import numpy as np

from sim.policies.base import Column, PlacementField

#: ``support_kind`` codes
NO_SUPPORT, JOB_COACH, ROOT_BALL = 0, 1, 2

SUPPORT_COLUMNS = {
    "support_left": Column(
        np.int16, "months of transition support (job coach / root ball) left", reset=0
    ),
    "support_kind": Column(np.int8, "0 none, 1 job coach, 2 root ball", reset=0),
}


def _support_at_start(model, persons: np.ndarray) -> np.ndarray:
    return model.persons.support_kind[persons]


SUPPORT_FIELDS = {
    "supported": PlacementField(
        np.int8, "support_kind at the start of the placement", _support_at_start
    ),
}
