"""The schema of a model parameter: :class:`Param` (key, default, unit, source, range).

The lowest layer of the parameter registry: the defaults (``sim/defaults.py``) and every policy
module declare their parameters with it, and :mod:`sim.params` collects them. It imports
nothing from the model.
"""

from __future__ import annotations

from dataclasses import dataclass

Value = bool | int | float | str


@dataclass(frozen=True)
class Param:
    """One scenario key.

    ``kind`` is inferred from the default (bool, int, float or str). ``lo``/``hi`` bound numbers
    (inclusive); ``choices`` restricts strings. ``calibrate`` marks ``assumed`` behavioural
    parameters that ``kluit calibrate`` may fit.
    """

    key: str
    default: Value
    unit: str
    source: str
    doc: str
    lo: float | None = None
    hi: float | None = None
    choices: tuple[str, ...] | None = None
    calibrate: bool = False

    @property
    def kind(self) -> type:
        return type(self.default)

    @property
    def assumed(self) -> bool:
        return self.source.startswith("assumed")

    def allowed(self) -> str:
        """Human description of the allowed values, used in error messages."""
        if self.kind is bool:
            return "true or false"
        if self.choices:
            return "one of " + ", ".join(repr(c) for c in self.choices)
        name = {int: "an integer", float: "a number", str: "a string"}[self.kind]
        if self.lo is not None and self.hi is not None:
            return f"{name} from {self.lo:g} to {self.hi:g}"
        if self.lo is not None:
            return f"{name} >= {self.lo:g}"
        if self.hi is not None:
            return f"{name} <= {self.hi:g}"
        return name


def _p(key, default, unit, source, doc, lo=None, hi=None, choices=None, calibrate=False) -> Param:
    return Param(key, default, unit, source, doc, lo, hi, choices, calibrate)
