"""Policy instruments: one module per instrument, each a :class:`~sim.policies.base.Policy`.

An instrument is self-contained: its class declares its parameters, its columns in the persons
and employers tables, its placement fields, its cost items and what resets when a job ends
(see :mod:`sim.policies.base`), and acts through hooks that the core calls through one
dispatcher, :class:`~sim.policies.policy_set.PolicySet` (``model.policies``).

Adding an instrument:

1. write a module with a ``Policy`` subclass: ``name``, ``label``, ``PARAMS`` (start with
   ``window_params(name, label)``), the declarations it needs and the hooks it acts through;
2. register it: add the class to the tuple below (shipped instruments; its position is its
   hook order), or call :func:`register` (an instrument defined elsewhere, e.g. in a notebook
   or a test, runs after the shipped ones);
3. document it in ``docs/model.md`` (section 7) and regenerate ``scenarios/README.md``
   (``python scripts/make_scenario_docs.py``).

Its parameters then appear in scenario files under ``[policies.<name>]``, in ``--set`` and in
the UI; every model built afterwards has its columns, records its placement fields and books
its cost items (which reach the summary's costs and, if they are re-integration spending,
``reintegration_cost_eur``). No core file changes.
"""

from __future__ import annotations

from sim.policies.base import Policy
from sim.policies.career_paths import CareerPaths
from sim.policies.forecasting import Forecasting
from sim.policies.job_coaching import JobCoaching
from sim.policies.moral_appeal import MoralAppeal
from sim.policies.no_risk import NoRiskPolicy
from sim.policies.policy_set import InstrumentError, PolicySet, check_instrument
from sim.policies.root_ball import RootBall
from sim.policies.wage_subsidy import WageSubsidy
from sim.policies.work_pools import WorkPools
from sim.schema import Param

__all__ = [
    "POLICY_CLASSES",
    "POLICY_NAMES",
    "POLICY_PARAMS",
    "STATUS_QUO",
    "InstrumentError",
    "Policy",
    "PolicySet",
    "make_policies",
    "register",
    "unregister",
]

#: the order in which hooks run (registered instruments follow the shipped ones); root_ball
#: before job_coaching so sheltered-work moves get the root ball when both are on
POLICY_CLASSES: list[type[Policy]] = []
POLICY_NAMES: list[str] = []
POLICY_PARAMS: list[Param] = []


def register(cls: type[Policy]) -> type[Policy]:
    """Add the instrument ``cls`` to the registry (usable as a class decorator).

    Its parameters join :func:`sim.params.all_params` (scenario files, ``--set``, the UI) and
    every model built afterwards runs it after the instruments registered before it. Raises
    :class:`InstrumentError` when its declarations are incomplete or clash with the core or a
    registered instrument. The lists are changed in place, so modules that imported them see it.
    """
    check_instrument(cls, POLICY_CLASSES)
    POLICY_CLASSES.append(cls)
    POLICY_NAMES.append(cls.name)
    POLICY_PARAMS.extend(cls.PARAMS)
    return cls


def unregister(name: str) -> None:
    """Remove the instrument ``name`` from the registry (models built before keep it)."""
    if name not in POLICY_NAMES:
        raise KeyError(f"no instrument named {name!r}")
    cls = POLICY_CLASSES.pop(POLICY_NAMES.index(name))
    POLICY_NAMES.remove(name)
    keys = {p.key for p in cls.PARAMS}
    POLICY_PARAMS[:] = [p for p in POLICY_PARAMS if p.key not in keys]


for _cls in (
    WageSubsidy,
    NoRiskPolicy,
    WorkPools,
    RootBall,
    JobCoaching,
    Forecasting,
    CareerPaths,
    MoralAppeal,
):
    register(_cls)


def make_policies(model) -> PolicySet:
    """The registered instruments for ``model`` (switched-off ones do nothing), with their
    declared columns added to its tables and their cost items to its ledger."""
    return PolicySet(model, POLICY_CLASSES)


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
