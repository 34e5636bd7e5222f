"""Policy instruments: one module per instrument, each a :class:`~sim.policies.base.Policy`.

A new instrument is one new module plus its entry in ``POLICY_CLASSES``; its parameters appear
in scenario files under ``[policies.<name>]``.
"""

from __future__ import annotations

from sim.params import Param
from sim.policies.base import Policy

POLICY_CLASSES: list[type[Policy]] = []

POLICY_NAMES: list[str] = [c.name for c in POLICY_CLASSES]
POLICY_PARAMS: list[Param] = [p for c in POLICY_CLASSES for p in c.PARAMS]


def make_policies(model) -> list[Policy]:
    """One instance of every instrument (switched-off ones do nothing)."""
    return [cls(model) for cls in POLICY_CLASSES]
