"""Experimental designs over scenario keys: full factorial grid, Latin hypercube, Sobol, Morris.

A design turns factors (levers and uncertainties, each a dotted scenario key with a list of
values or a ``low``/``high`` range) into points: one dict of key -> value per point, in a fixed
order. Everything random takes an explicit seed, so the points follow from the sweep file
alone. Sobol (Saltelli) and Morris samples come from SALib, the Latin hypercube from
``scipy.stats.qmc``. Integer parameters are rounded to the nearest whole number after sampling;
the unrounded matrix is kept for the Morris analysis, which needs the exact trajectory steps.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["DESIGNS", "Design", "Factor", "make_design", "salib_problem"]

#: design names accepted in a sweep file
DESIGNS = ("grid", "latin", "sobol", "morris")


@dataclass(frozen=True)
class Factor:
    """One varied scenario key.

    ``role`` is ``"lever"`` (what policy sets) or ``"uncertainty"`` (what the world may do), as
    in the EMA workbench. A grid factor has ``values``; a continuous one ``low`` and ``high``.
    ``kind`` is the parameter's Python type (int values are rounded after sampling).
    """

    key: str
    role: str
    kind: type
    values: tuple[Any, ...] | None = None
    low: float | None = None
    high: float | None = None

    @property
    def levels(self) -> tuple[Any, ...]:
        """The values of a grid factor."""
        assert self.values is not None, f"{self.key} is a continuous factor"
        return self.values

    @property
    def bounds(self) -> tuple[float, float]:
        """``(low, high)`` of a continuous factor."""
        assert self.low is not None and self.high is not None, f"{self.key} is a grid factor"
        return self.low, self.high

    @property
    def name(self) -> str:
        """The key as a Python identifier (dots -> ``__``), for EMA workbench and Mesa."""
        return self.key.replace(".", "__")

    @property
    def continuous(self) -> bool:
        return self.values is None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"key": self.key, "role": self.role, "kind": self.kind.__name__}
        if self.continuous:
            d.update(low=self.low, high=self.high)
        else:
            d["values"] = list(self.levels)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Factor:
        kind = {"bool": bool, "int": int, "float": float, "str": str}[d["kind"]]
        values = tuple(d["values"]) if "values" in d else None
        return cls(d["key"], d["role"], kind, values, d.get("low"), d.get("high"))


@dataclass(frozen=True)
class Design:
    """The points of a design and, for sampled designs, the unrounded sample matrix."""

    kind: str
    factors: tuple[Factor, ...]
    points: tuple[dict[str, Any], ...]
    matrix: np.ndarray | None = None  # (points, factors), before rounding; None for a grid

    def __len__(self) -> int:
        return len(self.points)


def salib_problem(factors: tuple[Factor, ...] | list[Factor]) -> dict[str, Any]:
    """The SALib problem dict of continuous factors (names are the dotted keys).

    >>> salib_problem([Factor("a.b", "lever", float, low=0.0, high=2.0)])
    {'num_vars': 1, 'names': ['a.b'], 'bounds': [[0.0, 2.0]]}
    """
    return {
        "num_vars": len(factors),
        "names": [f.key for f in factors],
        "bounds": [[float(lo), float(hi)] for lo, hi in (f.bounds for f in factors)],
    }


def _typed(factor: Factor, x: float) -> Any:
    """A sampled number in the factor's type: ints rounded (half to even), clipped to the range."""
    if factor.kind is int:
        low, high = factor.bounds
        return int(min(max(round(float(x)), math.ceil(low)), math.floor(high)))
    return float(x)


def grid(factors: tuple[Factor, ...] | list[Factor]) -> list[dict[str, Any]]:
    """Full factorial design: every combination, the last factor varying fastest.

    >>> f = [Factor("a", "lever", int, values=(1, 2)), Factor("b", "lever", str, values=("x", "y"))]
    >>> grid(f)
    [{'a': 1, 'b': 'x'}, {'a': 1, 'b': 'y'}, {'a': 2, 'b': 'x'}, {'a': 2, 'b': 'y'}]
    """
    keys = [f.key for f in factors]
    return [dict(zip(keys, combo)) for combo in itertools.product(*(f.levels for f in factors))]


def latin(factors, samples: int, seed: int) -> np.ndarray:
    """Latin hypercube of ``samples`` points, scaled to each factor's [low, high]."""
    from scipy.stats import qmc

    unit = qmc.LatinHypercube(d=len(factors), rng=np.random.default_rng(seed)).random(samples)
    lo = np.array([f.low for f in factors], dtype=float)
    hi = np.array([f.high for f in factors], dtype=float)
    return lo + unit * (hi - lo)


def sobol(factors, samples: int, seed: int, second_order: bool = False) -> np.ndarray:
    """Saltelli's extension of the Sobol sequence (SALib): N(D+2) points, N(2D+2) with second
    order indices."""
    from SALib.sample import sobol as sobol_sample

    return sobol_sample.sample(
        salib_problem(factors), samples, calc_second_order=second_order, scramble=True, seed=seed
    )


def morris(factors, samples: int, seed: int, levels: int = 4) -> np.ndarray:
    """Morris elementary-effects design (SALib): ``samples`` trajectories of D+1 points."""
    from SALib.sample import morris as morris_sample

    return morris_sample.sample(salib_problem(factors), samples, num_levels=levels, seed=seed)


def make_design(
    kind: str,
    factors: tuple[Factor, ...] | list[Factor],
    *,
    samples: int | None = None,
    seed: int = 0,
    second_order: bool = False,
    levels: int = 4,
) -> Design:
    """The points of design ``kind`` over ``factors``; deterministic given the arguments.

    >>> f = (Factor("x", "uncertainty", float, low=0.0, high=1.0),)
    >>> d = make_design("latin", f, samples=3, seed=7)
    >>> len(d), d.points == make_design("latin", f, samples=3, seed=7).points
    (3, True)
    """
    factors = tuple(factors)
    if kind not in DESIGNS:
        raise ValueError(f"unknown design {kind!r}; allowed: {', '.join(DESIGNS)}")
    if kind == "grid":
        return Design(kind, factors, tuple(grid(factors)))
    if samples is None or samples < 1:
        raise ValueError(f"design {kind!r} needs samples >= 1")
    if kind == "latin":
        x = latin(factors, samples, seed)
    elif kind == "sobol":
        x = sobol(factors, samples, seed, second_order)
    else:
        x = morris(factors, samples, seed, levels)
    points = tuple({f.key: _typed(f, v) for f, v in zip(factors, row)} for row in x)
    return Design(kind, factors, points, x)
