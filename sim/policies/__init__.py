"""Policy instruments: one module per instrument, each a :class:`~sim.policies.base.Policy`.

A new instrument is one new module plus its entry in ``POLICY_CLASSES``; its parameters appear
in scenario files under ``[policies.<name>]``.
"""

from __future__ import annotations

from sim.params import Param
from sim.policies.base import Policy
from sim.policies.career_paths import CareerPaths
from sim.policies.forecasting import Forecasting
from sim.policies.job_coaching import JobCoaching
from sim.policies.moral_appeal import MoralAppeal
from sim.policies.no_risk import NoRiskPolicy
from sim.policies.root_ball import RootBall
from sim.policies.wage_subsidy import WageSubsidy
from sim.policies.work_pools import WorkPools

#: the order in which hooks run; root_ball before job_coaching so sheltered-work moves get the
#: root ball when both are on
POLICY_CLASSES: list[type[Policy]] = [
    WageSubsidy, NoRiskPolicy, WorkPools, RootBall, JobCoaching, Forecasting, CareerPaths,
    MoralAppeal,
]

POLICY_NAMES: list[str] = [c.name for c in POLICY_CLASSES]
POLICY_PARAMS: list[Param] = [p for c in POLICY_CLASSES for p in c.PARAMS]


#: The instruments of the status quo (what a Dutch municipality has today), on top of the
#: registry defaults: ``scenarios/baseline.toml`` sets the same values (a test keeps them
#: equal) and the burn-in before month 0 runs with them (``run.burn_in_policies``).
STATUS_QUO: dict[str, bool | int | float | str] = {
    # Participatiewet: structural wage-cost subsidy for wage value below the minimum wage
    "policies.wage_subsidy.enabled": True,
    # no-riskpolis at today's awareness (10% of employers when hiring, SEO 2018)
    "policies.no_risk_policy.enabled": True,
    # job coaching at today's use (policies.job_coaching.take_up, docs/sources.md)
    "policies.job_coaching.enabled": True,
    "policies.job_coaching.take_up": 0.10,
}


def make_policies(model) -> list[Policy]:
    """One instance of every instrument (switched-off ones do nothing)."""
    out = [cls(model) for cls in POLICY_CLASSES]
    for i, pol in enumerate(out):
        pol.index = i  # its bit in the per-placement and per-employer masks
    return out
