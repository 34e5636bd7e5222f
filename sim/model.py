"""``LabourMarketModel``: the regional labour market, one step = one month.

The model builds its region and population from a validated scenario, keeps the hot state in
struct-of-arrays tables (``sim/state.py``) with Mesa agents as light views onto their rows, and
runs the monthly processes (``sim/processes/``) as whole-population array operations. Policy
instruments (``sim/policies/``) bring their own columns, placement fields and cost items and
act through hooks, all through ``model.policies`` (a ``PolicySet``). Every random draw comes
from named streams derived from the run's seed (``sim/rng.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import mesa
import numpy as np

from sim import metrics
from sim.agents import (
    PERSON_CLASSES,
    Employer,
    EmployerServicePoint,
    Municipality,
    School,
    add_views,
)
from sim.ledger import Ledger
from sim.policies import make_policies
from sim.population import _norm, build_population, commute_seed, social_ties
from sim.processes import benefits, demand, jobs, matching, training
from sim.processes import employers as employer_traits
from sim.region import Region, get_region, mesa_network
from sim.rng import Streams, counter_uniform
from sim.scenario import Scenario, default_scenario, load_scenario
from sim.state import N_STATES, Cause, State, TransitionLog, state_mask

MONTHLY_ORDER = (
    "demand",
    "demography",
    "sickness",
    "separations",
    "vacancies",
    "training",
    "matching",
    "employers",
    "benefits",
)


class InvariantError(AssertionError):
    """A bookkeeping invariant failed (a person lost or counted twice, flows not adding up)."""


def check_shocks(shocks, region: Region, months: int, path: str | None) -> None:
    """Shocks must name a sector and municipality of the region and start within the run."""
    from sim.scenario import ScenarioError

    for i, s in enumerate(shocks):
        if s.sector != "all" and s.sector not in region.sectors:
            raise ScenarioError(
                f"got {s.sector!r}, allowed: 'all' or one of " + ", ".join(region.sectors),
                path,
                f"shocks[{i}].sector",
            )
        if s.municipality != "all" and s.municipality not in region.names:
            raise ScenarioError(
                f"got {s.municipality!r}, allowed: 'all' or one of " + ", ".join(region.names),
                path,
                f"shocks[{i}].municipality",
            )
        if s.month > months:
            raise ScenarioError(
                f"got {s.month}, allowed: 0 to run.months ({months})", path, f"shocks[{i}].month"
            )


#: the last burn-in (key -> persons, employers, stream states), see LabourMarketModel._burn_in
_BURN_IN_CACHE: dict[str, dict[str, Any]] = {}
#: how many person rows the kept burn-ins may hold together (a few scale-1.0 regions)
BURN_IN_CACHE_ROWS = 1_000_000

#: the most persons one run may simulate (~13 times Flevoland; memory grows ~1 kB per person)
MAX_PERSONS = 3_000_000


def load_run_region(scen: Scenario, base_dir) -> Region:
    """The scenario's region; a bad ``run.region`` names the scenario file and the key."""
    from sim.region import RegionError
    from sim.scenario import ScenarioError

    try:
        return get_region(scen["run.region"], base_dir, scen.values)
    except RegionError as exc:
        if scen.path is None:
            raise
        raise ScenarioError(str(exc), scen.path, "run.region") from None


def check_size(region: Region, scale: float, path: str | None) -> None:
    """Refuse a run too large for memory before building it (exit 2 naming run.scale)."""
    from sim.scenario import ScenarioError

    persons = float(region.labour_force.sum() + region.social_assistance.sum()) * scale
    if persons > MAX_PERSONS:
        raise ScenarioError(
            f"got {scale:g}, which gives about {persons:,.0f} persons in region "
            f"{region.name}; allowed: at most {MAX_PERSONS:,} persons (a smaller "
            "scale)",
            path,
            "run.scale",
        )


def _kwarg_overrides(params: dict[str, Any]) -> dict[str, Any]:
    """``labour_market__separation_rate=0.01`` (Mesa/SolaraViz keyword style) -> dotted key."""
    return {k.replace("__", "."): v for k, v in params.items()}


def scenario_from_arguments(
    config: Scenario | str | Path | None,
    scale: float | None,
    months: int | None,
    region: str | Region | None,
    rng: Any,
    scenario: Any,
    params: dict[str, Any],
) -> Scenario:
    """The run's scenario from :class:`LabourMarketModel`'s arguments: ``config`` (a scenario,
    a file or the defaults) with the shortcuts and ``**params`` as overrides."""
    if config is None:
        scen = default_scenario()
    elif isinstance(config, Scenario):
        scen = config
    else:
        scen = load_scenario(config)
    overrides = _kwarg_overrides(params)
    if scale is not None:
        overrides["run.scale"] = float(scale)
    if months is not None:
        overrides["run.months"] = int(months)
    if isinstance(region, str):
        overrides["run.region"] = region
    if rng is None and getattr(scenario, "rng", None) is not None:
        rng = scenario.rng  # Mesa's SolaraViz passes its own Scenario on Reset
    if rng is not None:
        if isinstance(rng, np.random.Generator):
            rng = int(rng.integers(0, 2**63 - 1))
        overrides["run.seed"] = int(rng)
    return scen.with_overrides(overrides) if overrides else scen


def load_burn_in_scenario(scen: Scenario, source: str | None = None) -> Scenario | None:
    """The scenario named by ``run.burn_in_scenario`` (or ``source``), relative to ``scen``'s
    file (the working folder without one); None when empty. A file that is missing, unreadable
    or not a valid scenario names ``scen``'s file, the key and the burn-in file's problem."""
    from sim.scenario import ScenarioError

    source = scen["run.burn_in_scenario"] if source is None else source
    if not source:
        return None
    base = Path(scen.path).parent if scen.path else Path.cwd()
    path = Path(source) if Path(source).is_absolute() else base / source
    try:
        return load_scenario(path)
    except ScenarioError as exc:
        allowed = (
            ""
            if exc.key or "allowed" in exc.message
            else "; allowed: '' (this scenario) or a scenario file, relative to this one"
        )
        raise ScenarioError(
            f"cannot use {source!r} for the burn-in: {exc}{allowed}",
            scen.path,
            "run.burn_in_scenario",
        ) from None


class LabourMarketModel(mesa.Model):
    """A regional labour market with employers, jobseekers, sheltered-work participants, schools.

    Parameters
    ----------
    config:
        A :class:`~sim.scenario.Scenario`, a path to a scenario TOML file, or None for defaults.
    scale, months, region:
        Shortcuts for ``run.scale``, ``run.months`` and ``run.region``.
    rng:
        Seed (int) of the run; defaults to the scenario's ``run.seed``.
    scenario:
        Mesa's experimental ``Scenario`` (SolaraViz passes one when it rebuilds the model);
        only its ``rng`` is used, as the seed. Kluit's own scenarios are ``config``.
    check:
        Verify the bookkeeping invariants every month (slower; raises InvariantError).
    **params:
        Any scenario key with ``__`` for dots, e.g. ``policies__wage_subsidy__enabled=True``.
    """

    def __init__(
        self,
        config: Scenario | str | Path | None = None,
        *,
        scale: float | None = None,
        months: int | None = None,
        region: str | Region | None = None,
        rng: int | None = None,
        check: bool = False,
        scenario: Any = None,
        **params: Any,
    ):
        scen = scenario_from_arguments(config, scale, months, region, rng, scenario, params)
        self.config = scen
        self.p: dict[str, Any] = dict(scen.values)
        seed = int(self.p["run.seed"])
        super().__init__(rng=seed)
        self._init_run(scen, seed, check)
        self._init_region(scen, region)
        self._init_records()
        # with run.burn_in_scenario, everything up to month 0 (population, burn-in) is built
        # from that scenario's parameters; the run's own take over at month 0
        run_p = self.p
        self.p = self._pre_run_values()
        self._build_population()
        self._add_agents()
        employer_traits.draw_traits(self)
        # month 0 from the model's own steady state: run the processes before the run starts
        if self.burn_in_months > 0:
            self._burn_in(self.burn_in_months)
        if self.p is not run_p:
            self.p = run_p
            self._derive_from_parameters()
        self._start_run()

    # ------------------------------------------------------------------ construction steps
    def _init_run(self, scen: Scenario, seed: int, check: bool) -> None:
        """The run's settings (seed, length, scale, shocks) and its random streams."""
        self.seed = seed
        self.months = int(self.p["run.months"])
        self.scale = float(self.p["run.scale"])
        self.shocks = scen.shocks
        self.check = check
        self.streams = Streams(seed)
        self.burn_in_months = int(self.p["run.burn_in_months"])

    def _init_region(self, scen: Scenario, region: str | Region | None) -> None:
        """The region (given, or the scenario's), checked against the run's size and shocks,
        the employers' survey, and the burn-in scenario (read here, so a wrong file is found
        before anything is simulated)."""
        base_dir = Path(scen.path).parent if scen.path else None
        self._region_given = isinstance(region, Region)
        self.region: Region = (
            region if isinstance(region, Region) else load_run_region(scen, base_dir)
        )
        check_size(self.region, self.scale, scen.path)
        check_shocks(scen.shocks, self.region, self.months, scen.path)
        from sim.survey import load_for_scenario

        self.employer_survey = load_for_scenario(scen, self.region, base_dir)
        self._burn_in_source(self.p["run.burn_in_scenario"])

    def _init_records(self) -> None:
        """Empty month counter, transition log, ledger and series."""
        self.month = 0
        self.log = TransitionLog()
        self.ledger = Ledger()
        self.month_counts: dict[str, float] = {}
        self._sa_exit_buckets = np.zeros(3, dtype=np.int64)
        self.series: list[dict[str, Any]] = []
        self.burning_in = False
        self.left_last_month = 0

    def _pre_run_values(self) -> dict[str, Any]:
        """The parameters up to month 0: the run's, or with a burn-in and
        ``run.burn_in_scenario`` that scenario's (its run.* keys excepted)."""
        source = self.p["run.burn_in_scenario"]
        if not (self.burn_in_months > 0 and source):
            return self.p
        p = dict(self.p)
        for key, value in self._burn_in_source(source).values.items():
            if not key.startswith("run."):
                p[key] = value
        return p

    def _build_population(self) -> None:
        """Persons, employers and placements (arrays), social ties, demand, and what follows
        from them: sector weights and mix, bijstand per node, the labour force at the start."""
        persons, employers, placements, flows, resident_factor = build_population(
            self.region, self.p, self.scale, self.streams.population
        )
        self.persons, self.employers, self.placements = persons, employers, placements
        self.start_flows = flows
        self.resident_factor = resident_factor
        k = int(self.p["population.ties_per_person"])
        persons.add_column("ties", np.int32, width=k, fill=-1)
        persons.column("ties")[:] = social_ties(persons, k, self.streams.network)
        self._flows = np.zeros((self.region.n_nodes, N_STATES, N_STATES), dtype=np.int64)
        self.demand = demand.demand_path(self)
        demand.initial_deviations(self)
        self.sector_weights = np.zeros((self.region.n_nodes, self.region.n_sectors))
        np.add.at(self.sector_weights, (employers.node, employers.sector), employers.base_size)
        jobs_by_sector = self.sector_weights.sum(0)
        if jobs_by_sector.sum() <= 0:  # a region without employers: the region's sector mix
            jobs_by_sector = (self.region.sector_shares * self.region.population[:, None]).sum(0)
        self.sector_mix = _norm(jobs_by_sector)
        self._n_sa_node = np.bincount(
            persons.home[persons.state == State.SOCIAL_ASSISTANCE], minlength=self.region.n_nodes
        )
        inactive_sa = (persons.state == State.SOCIAL_ASSISTANCE) & ~persons.ready
        self.start_labour_force = int(
            np.count_nonzero(persons.state != State.INACTIVE) - np.count_nonzero(inactive_sa)
        )
        self._derive_from_parameters()

    def _add_agents(self) -> None:
        """Mesa agents: views onto the rows, plus the municipal and institutional actors."""
        self.network = self._mesa_network()
        self.person_agents: list = []
        self._add_person_agents(0, self.persons.n)
        self.employer_agents = add_views(
            self, [Employer] * self.employers.n, range(self.employers.n)
        )
        self.municipalities = [
            Municipality(self, i, name)
            for i, name in enumerate(self.region.names)
            if not self.region.external[i]
        ]
        self.schools = [School(self, m.node) for m in self.municipalities]
        self.service_point = EmployerServicePoint(self)

    def _start_run(self) -> None:
        """Month 0: the start states, the instruments (their columns and cost items), the
        first record."""
        self.start_state = self.persons.state.copy()
        self.log.record(
            0, np.arange(self.persons.n), self.persons.state, self.persons.state, Cause.START
        )
        self.policies = make_policies(self)  # adds the instruments' columns and cost items
        self.policies.setup()
        self.refresh_headcount()
        self.datacollector = mesa.DataCollector(model_reporters=metrics.MODEL_REPORTERS)
        self._record_month()
        self.datacollector.collect(self)

    # ------------------------------------------------------------------ construction helpers
    def _derive_from_parameters(self) -> None:
        """Quantities the processes read that follow from the parameters: commuting weights,
        training places (per bijstand recipient in the drawn population), new sheltered
        places per month."""
        self.commute_weights = commute_seed(self.region, self.p)
        self.school_capacity = np.floor(
            self._n_sa_node * self.p["schools.places_per_1000_sa"] / 1000 + 0.5
        ).astype(int)
        pop_internal = float(self.region.population[~self.region.external].sum()) * self.scale
        self.sheltered_places_per_month = (
            self.p["sheltered.new_places_per_10k_per_year"] * pop_internal / 10_000 / 12
        )

    def _mesa_network(self):
        return mesa_network(self.region, self.random)

    def _add_person_agents(self, start: int, stop: int) -> None:
        classes = [PERSON_CLASSES[g] for g in self.persons.group[start:stop].tolist()]
        self.person_agents += add_views(self, classes, range(start, stop))

    def add_persons(self, n: int, *, state: State, group: int, home, attrs: dict) -> np.ndarray:
        """Add ``n`` entrants (arrays grow without reallocating every month)."""
        per = self.persons
        rows = per.append(
            n,
            state=state,
            group=group,
            home=home,
            employer=-1,
            job_start=-1,
            return_state=State.SOCIAL_ASSISTANCE
            if state == State.SOCIAL_ASSISTANCE
            else State.NO_BENEFIT,
            start_state=state,
            placement=-1,
            first_placement=-1,
            left=-1,
            training_sector=-1,
            entered=self.month,
            ever_target=state == State.SOCIAL_ASSISTANCE,
            sa_since=self.month,
            **attrs,
        )
        k = per.column("ties").shape[1]
        if k:
            ties = social_ties_for(self, rows, k)
            per.column("ties")[rows] = ties
        self.log.record(self.month, rows, np.full(n, State.INACTIVE), state, Cause.ENTRY)
        self._flow_add(rows, np.full(n, State.INACTIVE, np.int8), np.full(n, state, np.int8))
        self.month_counts["entries"] = self.month_counts.get("entries", 0) + n
        self._add_person_agents(int(rows[0]), int(rows[-1]) + 1)
        return rows

    @property
    def months_run(self) -> int:
        """Months simulated so far."""
        return self.month

    def _count_sa_exits(self, rows, old, new) -> None:
        leaving = (
            (old == State.SOCIAL_ASSISTANCE)
            & (new != State.SOCIAL_ASSISTANCE)
            & (new != State.TRAINING)
            & (new != State.INACTIVE)
        )
        if leaving.any():
            on_sa = self.month - self.persons.sa_since[rows[leaving]].astype(np.int64)
            b = np.digitize(on_sa, metrics.SA_DURATION_EDGES)
            self._sa_exit_buckets += np.bincount(b, minlength=3)

    # ------------------------------------------------------------------ state changes
    @property
    def is_employed(self) -> np.ndarray:
        """Bool per person: holds a job (regular, subsidised or pool)."""
        return self.persons.state <= State.POOL

    def stock(self, state: State) -> int:
        return int(np.count_nonzero(self.persons.state == state))

    def wage_of(self, rows: np.ndarray) -> np.ndarray:
        """Monthly wage (EUR): productivity share, never below the minimum wage."""
        mw = self.p["finance.minimum_wage_eur_month"]
        wv = self.persons.wage_value[rows].astype(float)
        return np.maximum(mw, self.p["employers.wage_share_of_productivity"] * wv * mw)

    def refresh_headcount(self) -> None:
        per, e = self.persons, self.employers
        working = per.employer[per.state <= State.POOL]
        e.headcount[:] = np.bincount(working, minlength=e.n)[: e.n]

    def _flow_add(self, rows, old, new) -> None:
        idx = (self.persons.home[rows].astype(np.int64) * N_STATES + old) * N_STATES + new
        self._flows += np.bincount(idx, minlength=self._flows.size).reshape(self._flows.shape)

    def move(self, rows: np.ndarray, new, cause: int) -> None:
        """Change the state of ``rows`` to ``new`` (a state or an array), logging the change.

        Leaving a job detaches the person from the employer, closes the placement record and
        resets the instruments' columns (``PolicySet.job_end``).
        """
        rows = np.asarray(rows, dtype=np.int64)
        if len(rows) == 0:
            return
        per = self.persons
        old = per.state[rows].copy()
        new_arr = np.broadcast_to(np.asarray(new, dtype=np.int8), rows.shape).copy()
        self._count_sa_exits(rows, old, new_arr)
        leaving_job = (old <= State.POOL) & (new_arr > State.POOL)
        if leaving_job.any():
            lj = rows[leaving_job]
            self.policies.job_end(lj)
            e = self.employers
            e.headcount[:] -= np.bincount(per.employer[lj], minlength=e.n)[: e.n].astype(
                e.headcount.dtype
            )
            pl = per.placement[lj]
            has = pl >= 0
            self.placements.end_month[pl[has]] = self.month
            self.placements.end_state[pl[has]] = new_arr[leaving_job][has]
            per.employer[lj] = -1
            per.job_start[lj] = -1
            per.target_job[lj] = False
            per.placement[lj] = -1
            per.months_out[lj] = 0
            per.sick[lj] = 0
        per.state[rows] = new_arr
        # a new bijstand spell starts with the municipality's judgement of the distance to work
        new_sa = rows[
            (new_arr == State.SOCIAL_ASSISTANCE)
            & (old != State.SOCIAL_ASSISTANCE)
            & (old != State.TRAINING)
        ]
        if len(new_sa):
            u = counter_uniform(self.seed, "sa_entry", self.month, new_sa)
            per.ready[new_sa] = u >= self.p["labour_market.sa_entry_not_ready_share"]
            per.sa_since[new_sa] = self.month
        became_target = state_mask(new_arr, (State.SOCIAL_ASSISTANCE, State.SHELTERED))
        per.ever_target[rows[became_target]] = True
        gone = rows[new_arr == State.INACTIVE]
        per.left[gone] = self.month
        self.log.record(self.month, rows, old, new_arr, cause)
        self._flow_add(rows, old, new_arr)

    def end_jobs(self, rows: np.ndarray, cause: int) -> None:
        """End the jobs of ``rows``. Whoever worked long enough gets WW (the *wekeneis*:
        ``labour_market.ww_min_tenure_months``), placed target-group workers who did not go back
        to bijstand when the means test lets them (``placed_job_loss_to_sa_share``) or to
        sheltered work under a right to return, everyone else to no benefit."""
        per, p = self.persons, self.p
        rows = np.asarray(rows, dtype=np.int64)
        dest = np.full(len(rows), State.NO_BENEFIT, dtype=np.int8)
        tgt = per.target_job[rows]
        u = self.streams.separations.random((2, len(rows)))
        back = tgt & (u[1] < p["labour_market.placed_job_loss_to_sa_share"])
        dest[back] = State.SOCIAL_ASSISTANCE
        tenure = self.month - per.job_start[rows].astype(np.int64)
        ww = (tenure >= p["labour_market.ww_min_tenure_months"]) & (
            u[0] < p["labour_market.ww_eligible_share"]
        )
        dest[ww] = State.UNEMPLOYED_WW
        dest = self.policies.return_state(rows, dest)
        ww &= dest == State.UNEMPLOYED_WW
        if ww.any():
            # the arbeidsverledeneis: more than the 3 months' minimum only after 4 of the last
            # 5 years in work; a placed worker's work history is this job
            long = self.streams.separations.integers(
                3, p["labour_market.ww_max_months"] + 1, int(ww.sum())
            )
            short = tgt[ww] & (tenure[ww] < p["labour_market.ww_history_months"])
            per.ww_left[rows[ww]] = np.where(short, 3, long)
        per.return_state[rows] = np.where(
            dest == State.SHELTERED, State.SHELTERED, State.SOCIAL_ASSISTANCE
        )
        key: dict[int, str] = {
            Cause.RELAPSE: "relapses",
            Cause.SEPARATION: "separations",
            Cause.LAYOFF: "layoffs",
        }
        name = key.get(cause, "job_ends")
        self.month_counts[name] = self.month_counts.get(name, 0) + len(rows)
        self.move(rows, dest, cause)

    def hire(
        self,
        rows: np.ndarray,
        emps: np.ndarray,
        touched: np.ndarray | None = None,
        decisive: np.ndarray | None = None,
    ) -> None:
        """Start jobs for ``rows`` at employers ``emps``; target-group hires are placements.

        ``touched`` and ``decisive`` are bit masks per hire over ``self.policies`` from the
        hiring decision (see ``sim.processes.matching.decisiveness``); the placements record
        them, together with the instruments that act on a placement after the decision
        (``Policy.touched``), and the instruments' declared placement fields."""
        per, e = self.persons, self.employers
        rows = np.asarray(rows, dtype=np.int64)
        emps = np.asarray(emps, dtype=np.int64)
        if len(rows) == 0:
            return
        old = per.state[rows].copy()
        kind = np.where(e.is_pool[emps], State.POOL, State.EMPLOYED).astype(np.int8)
        kind = self.policies.job_kind(rows, emps, kind)
        target = state_mask(old, (State.SOCIAL_ASSISTANCE, State.SHELTERED))
        self._count_sa_exits(rows, old, kind)
        per.state[rows] = kind
        per.employer[rows] = emps
        per.job_start[rows] = self.month
        per.months_out[rows] = 0
        per.sick[rows] = 0
        per.target_job[rows] = target
        per.return_state[rows[target]] = State.SOCIAL_ASSISTANCE
        add = np.bincount(emps, minlength=e.n)[: e.n].astype(e.headcount.dtype)
        e.headcount[:] += add
        e.vacancies[:] -= add
        self.log.record(self.month, rows, old, kind, Cause.HIRE)
        self._flow_add(rows, old, kind)
        if target.any():
            t_rows, t_emps = rows[target], emps[target]
            pl = self.placements.append(
                len(t_rows),
                person=t_rows,
                month=self.month,
                origin=old[target],
                kind=kind[target],
                employer=t_emps,
                end_month=-1,
                end_state=-1,
            )
            per.placement[t_rows] = pl
            first = per.first_placement[t_rows] < 0
            per.first_placement[t_rows[first]] = self.month
            np.add.at(e.target_hires, t_emps, 1)
        self.policies.on_hire(rows, emps)
        if target.any():
            t_rows = rows[target]
            pl_rows = per.placement[t_rows]
            self.policies.record_placements(pl_rows, t_rows)
            tb = np.zeros(len(t_rows), np.int32) if touched is None else touched[target]
            db = np.zeros(len(t_rows), np.int32) if decisive is None else decisive[target]
            after_t, after_d = self.policies.touched(t_rows)
            tb, db = tb | after_t, db | after_d
            self.placements.touched[pl_rows] = tb
            self.placements.decisive[pl_rows] = db & tb
            np.bitwise_or.at(e.knows, emps[target], tb)  # it learns the instruments it got
        mc = self.month_counts
        mc["hires"] = mc.get("hires", 0) + len(rows)
        mc["placements"] = mc.get("placements", 0) + int(target.sum())

    # ------------------------------------------------------------------ the month
    def step(self) -> None:
        """Advance one month: the processes in MONTHLY_ORDER, then costs and records."""
        self.month += 1
        self.month_counts = {}
        self._flows = np.zeros((self.region.n_nodes, N_STATES, N_STATES), dtype=np.int64)
        before = np.bincount(self.persons.state, minlength=N_STATES) if self.check else None
        n_before = self.persons.n
        self._processes()
        self._book_costs()
        self._record_month()
        if self.check:
            self.check_invariants(before, n_before)
        if self.month >= self.months:
            self.running = False
        self.datacollector.collect(self)

    def _processes(self) -> None:
        """The month's processes in their order (shared by :meth:`step` and the burn-in)."""
        self.policies.month_start()
        demand.update_demand(self)
        benefits.exits(self)
        benefits.entries(self)
        jobs.sickness(self)
        jobs.separations(self)
        demand.update_vacancies(self)
        training.train(self)
        matching.match(self)
        if self.check:
            self._check_matching()
        employer_traits.learn(self)
        benefits.benefit_flows(self)
        benefits.count_months_out(self)
        self.policies.month_end()
        # who left the labour force for good this month: next month's entrants replace them
        self.left_last_month = int(self._flows[:, : State.INACTIVE, State.INACTIVE].sum())

    # ------------------------------------------------------------------ burn-in
    def burn_in_values(self) -> dict[str, Any]:
        """Parameters of the burn-in: the scenario's, with the instruments of the status quo
        (``run.burn_in_policies = "status_quo"``, the same in every arm of a comparison) or the
        scenario's own instruments always on (``"scenario"``)."""
        from sim.params import all_params
        from sim.policies import STATUS_QUO

        p = dict(self.p)
        burn_in_scenario = self._burn_in_source(self.p["run.burn_in_scenario"])
        if burn_in_scenario is not None:
            for key, value in burn_in_scenario.values.items():
                if not key.startswith("run."):
                    p[key] = value
        if self.p["run.burn_in_policies"] == "status_quo":
            for key, par in all_params().items():
                if key.startswith("policies."):
                    p[key] = STATUS_QUO.get(key, par.default)
        for key in p:
            if key.startswith("policies.") and key.endswith(".start_month"):
                p[key] = 0
            elif key.startswith("policies.") and key.endswith(".end_month"):
                p[key] = -1
        # the Wsw is closed to newcomers and shrinks: the burn-in neither ages it nor moves its
        # participants, so its month-0 stock is the region's figure (new places: benefits.py)
        p["demography.exit_rate_sheltered"] = 0.0
        p["matching.sw_search_intensity"] = 0.0
        return p

    def _burn_in_source(self, source: str):
        """The scenario named by ``run.burn_in_scenario`` (None when empty), read once."""
        cached = getattr(self, "_burn_in_cached", None)
        if cached is None or cached[0] != source:
            cached = (source, load_burn_in_scenario(self.config, source))
            self._burn_in_cached = cached
        return cached[1]

    def _burn_in_key(self, months: int) -> str | None:
        """What the burn-in depends on: seed, scale, region, its length, its parameters and the
        run's length (the burn-in has streams of its own, but the employers' demand deviations
        it starts from are drawn after the run's demand path, whose length is the run's); None
        when it cannot be told (a region object)."""
        import json

        if self._region_given:
            return None
        import hashlib

        values = {k: v for k, v in self.burn_in_values().items() if not k.startswith("run.")}
        r = self.region
        region = hashlib.sha256(json.dumps(list(r.names)).encode())
        for a in (r.population, r.labour_force, r.jobs, r.travel_minutes, r.social_assistance):
            region.update(np.ascontiguousarray(a).tobytes())
        parts = [self.seed, self.scale, months, self.months, region.hexdigest()]
        return json.dumps([*parts, sorted(values.items())], default=str)

    def _burn_in(self, months: int) -> None:
        """Run ``months`` months before month 0 with the burn-in's instruments, no shocks and
        flat sector demand, then make the result month 0: durations, job tenures and covers
        carry over, counters, logs, placements and the ledger start afresh.

        The burn-in depends only on the seed and the non-policy parameters (with
        ``run.burn_in_policies = "status_quo"``), so every arm of a comparison starts from the
        same people in the same states (common random numbers). The arms of a comparison run
        one after another, so the last burn-in is kept in memory and reused when its key
        (:meth:`_burn_in_key`) is the same: the result is identical, only faster."""
        import copy

        key = self._burn_in_key(months)
        n_persons, n_employers = self.persons.n, self.employers.n
        cached = _BURN_IN_CACHE.get(key) if key is not None else None
        if key is not None and cached is not None:
            _BURN_IN_CACHE[key] = _BURN_IN_CACHE.pop(key)  # most recently used last
            self.persons = copy.deepcopy(cached["persons"])
            self.employers = copy.deepcopy(cached["employers"])
            self.left_last_month = cached["left_last_month"]
            self._add_person_agents(n_persons, self.persons.n)
        else:
            self._simulate_burn_in(months)
            if key is not None and self.employers.n == n_employers:
                _BURN_IN_CACHE[key] = {
                    "persons": copy.deepcopy(self.persons),
                    "employers": copy.deepcopy(self.employers),
                    "left_last_month": self.left_last_month,
                }
                # keep the most recent burn-ins up to a budget of person rows (~1 kB each)
                while (
                    len(_BURN_IN_CACHE) > 1
                    and sum(c["persons"].n for c in _BURN_IN_CACHE.values()) > BURN_IN_CACHE_ROWS
                ):
                    del _BURN_IN_CACHE[next(iter(_BURN_IN_CACHE))]
        self._start_records()

    def _simulate_burn_in(self, months: int) -> None:
        saved = (self.p, self.shocks, self.demand, self.seed, self.streams)
        self.p = self.burn_in_values()
        self.shocks = ()
        base = getattr(self, "demand_base", self.demand[0])
        self.demand = np.repeat(base[None], months + demand.FORECAST_PAD + 1, axis=0)
        # the burn-in's draws come from a seed of their own, counter-based ones (matching) and
        # the named streams alike: the run's streams start month 1 where they would without a
        # burn-in, and the burn-in does not depend on the run's length
        self.seed = int((saved[3] * 1_000_003 + 7_919) % (2**63 - 1))
        self.streams = Streams(self.seed)
        self.burning_in = True
        self.policies = make_policies(self)
        self.policies.setup()
        self.refresh_headcount()
        for _ in range(months):
            self.month += 1
            self.month_counts = {}
            self._flows = np.zeros((self.region.n_nodes, N_STATES, N_STATES), dtype=np.int64)
            self._processes()
            self.ledger.close_month()
        self.p, self.shocks, self.demand, self.seed, self.streams = saved
        self.burning_in = False
        # month 0 is now: shift the dated columns, clear what belongs to the run's records
        per, e = self.persons, self.employers
        emp = per.state <= State.POOL
        per.job_start[emp] -= months
        nr = per.no_risk_until >= 0
        per.no_risk_until[nr] = np.maximum(per.no_risk_until[nr] - months, -1)
        gone = per.left >= 0
        per.left[gone] -= months
        per.sa_since[:] -= months
        per.start_wage_value[:] = per.wage_value
        on_sa = (per.state == State.SOCIAL_ASSISTANCE) | (
            (per.state == State.TRAINING) & (per.return_state == State.SOCIAL_ASSISTANCE)
        )
        per.start_months_out[:] = np.where(on_sa, -per.sa_since, per.months_out)
        per.entered[:] = 0
        per.first_placement[:] = -1
        per.placement[:] = -1  # a job placed in the burn-in keeps its relapse risk (target_job)
        e.target_hires[:] = 0
        e.refusals_sickness[:] = 0

    def _start_records(self) -> None:
        """Month 0: placements, log, ledger, counters and series start empty."""
        from sim.state import PLACEMENT_COLUMNS, Table

        self.placements = Table(PLACEMENT_COLUMNS, capacity=4096)
        self.month = 0
        self.log = TransitionLog()
        self.ledger = Ledger()
        self.month_counts = {}
        self._flows = np.zeros((self.region.n_nodes, N_STATES, N_STATES), dtype=np.int64)
        self._sa_exit_buckets = np.zeros(3, dtype=np.int64)
        self.series = []

    def run(self, months: int | None = None, progress=None) -> None:
        """Run ``months`` more months (default: until ``run.months``)."""
        target = self.months if months is None else self.month + months
        while self.month < target:
            self.step()
            if progress is not None:
                progress(self.month, target)

    def _book_costs(self) -> None:
        p, per, L = self.p, self.persons, self.ledger
        st = per.state
        training = st == State.TRAINING
        n_sa = np.count_nonzero(st == State.SOCIAL_ASSISTANCE) + np.count_nonzero(
            training & (per.return_state == State.SOCIAL_ASSISTANCE)
        )
        n_ww = np.count_nonzero(st == State.UNEMPLOYED_WW) + np.count_nonzero(
            training & (per.return_state == State.UNEMPLOYED_WW)
        )
        L.book("municipality", "social_assistance", n_sa * p["finance.sa_benefit_eur_month"])
        L.book("national", "unemployment_benefit", n_ww * p["finance.ww_benefit_eur_month"])
        L.book(
            "national",
            "sheltered_work",
            np.count_nonzero(st == State.SHELTERED) * p["finance.sw_cost_eur_month"],
        )
        L.book("municipality", "training", np.count_nonzero(training) * p["schools.cost_per_month"])

    def _record_month(self) -> None:
        self.series.append(metrics.month_record(self))
        self.last_costs = self.ledger.close_month()

    # ------------------------------------------------------------------ invariants
    def _check_matching(self) -> None:
        if (self.employers.vacancies < 0).any():
            raise InvariantError(f"month {self.month}: a vacancy was filled twice")

    def check_invariants(
        self, before: np.ndarray | None = None, n_before: int | None = None
    ) -> None:
        """Raise InvariantError if persons are lost or double-counted or flows do not add up."""
        per, e = self.persons, self.employers
        st = per.state
        counts = np.bincount(st, minlength=N_STATES)
        if counts.sum() != per.n or (st < 0).any() or (st >= N_STATES).any():
            raise InvariantError(f"month {self.month}: states do not cover every person once")
        employed = st <= State.POOL
        if (per.employer[employed] < 0).any() or (per.employer[~employed] >= 0).any():
            raise InvariantError(f"month {self.month}: a job without employer or vice versa")
        hc = np.bincount(per.employer[employed], minlength=e.n)[: e.n]
        if not np.array_equal(hc, e.headcount):
            bad = np.flatnonzero(hc != e.headcount)
            raise InvariantError(
                f"month {self.month}: employer headcounts do not add up "
                f"(employers {bad[:5].tolist()}: {e.headcount[bad[:5]].tolist()} "
                f"recorded, {hc[bad[:5]].tolist()} employed)"
            )
        if before is not None:
            flows = self._flows.sum(axis=0)
            net = flows.sum(axis=0) - flows.sum(axis=1)  # inflow - outflow per state
            # entries are logged as INACTIVE -> state; they add persons, not INACTIVE outflow
            entries = per.n - (n_before or per.n)
            net[State.INACTIVE] += entries
            if not np.array_equal(before + net, counts):
                raise InvariantError(
                    f"month {self.month}: stocks {counts.tolist()} != previous "
                    f"{before.tolist()} + flows {net.tolist()}"
                )
        pl = self.placements
        open_pl = pl.end_month < 0
        if (per.placement >= 0).sum() != open_pl.sum() or not np.array_equal(
            np.sort(pl.person[open_pl]), np.flatnonzero(per.placement >= 0)
        ):
            raise InvariantError(f"month {self.month}: open placements do not match jobs")
        tot = sum(self.ledger.totals.values())
        if not np.isfinite(tot) or any(v < 0 for v in self.ledger.totals.values()):
            raise InvariantError(f"month {self.month}: the ledger holds a negative or NaN amount")

    # ------------------------------------------------------------------ results
    def summary(self) -> dict[str, Any]:
        """The public outcomes of the run (``summary.json``)."""
        return metrics.summary(self)

    def monthly_table(self):
        """Tidy monthly series: one row per month, municipality and variable."""
        return metrics.monthly_table(self)


def social_ties_for(model, rows: np.ndarray, k: int) -> np.ndarray:
    """Ties for new entrants: ``k`` random persons of the same municipality."""
    per, rng = model.persons, model.streams.network
    homes = per.home[rows]
    out = np.full((len(rows), k), -1, dtype=np.int32)
    by_home = _rows_by_home(model)
    for h in np.unique(homes):
        same = by_home.rows(h)  # == np.flatnonzero(per.home == h), without a full scan
        sel = homes == h
        out[sel] = rng.choice(same, size=(int(sel.sum()), k))
    return out


class RowsByHome:
    """The rows of the persons living in each municipality, ascending, kept up to date.

    ``rows(h)`` equals ``np.flatnonzero(persons.home == h)``; entrants only append rows, so the
    index grows by the new rows each month instead of scanning the whole population per
    municipality. A changed ``home`` of an indexed person (a cheap check) rebuilds the index.
    """

    def __init__(self, persons, n_nodes: int):
        self.persons = persons
        self.n_nodes = n_nodes
        self._build()

    def _build(self) -> None:
        home = self.persons.home
        self.home_seen = home.copy()
        order = np.argsort(home, kind="stable").astype(np.int64)
        counts = np.bincount(home, minlength=self.n_nodes)
        bounds = np.concatenate([[0], np.cumsum(counts)])
        self.count = counts.astype(np.int64)
        self.buf = [np.empty(max(16, 2 * int(c)), np.int64) for c in counts]
        for h in range(len(counts)):
            self.buf[h][: counts[h]] = order[bounds[h] : bounds[h + 1]]

    def update(self) -> None:
        home, seen = self.persons.home, self.home_seen
        n_seen = len(seen)
        if len(home) < n_seen or not np.array_equal(home[:n_seen], seen):
            self._build()
            return
        if len(home) == n_seen:
            return
        new = home[n_seen:]
        if new.max() >= len(self.buf):
            self._build()
            return
        for h in np.unique(new):
            rows = n_seen + np.flatnonzero(new == h)
            c = int(self.count[h])
            if c + len(rows) > len(self.buf[h]):
                grown = np.empty(2 * (c + len(rows)), np.int64)
                grown[:c] = self.buf[h][:c]
                self.buf[h] = grown
            self.buf[h][c : c + len(rows)] = rows
            self.count[h] = c + len(rows)
        self.home_seen = home.copy()

    def rows(self, h: int) -> np.ndarray:
        return self.buf[h][: self.count[h]] if h < len(self.buf) else np.zeros(0, np.int64)


def _rows_by_home(model) -> RowsByHome:
    idx = getattr(model, "_rows_by_home_index", None)
    if idx is None or idx.persons is not model.persons:
        idx = RowsByHome(model.persons, model.region.n_nodes)
        model._rows_by_home_index = idx
    else:
        idx.update()
    return idx
