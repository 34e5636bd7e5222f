"""Struct-of-arrays state: one numpy array per attribute, for persons and for employers.

The hot state of the model lives here, not in agent objects: the monthly processes are array
operations over whole columns. Mesa agents (``sim/agents.py``) are light views onto a row.
Tables grow by doubling their capacity, so adding entrants never reallocates every month.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum

import numpy as np
from numpy.typing import DTypeLike


class State(IntEnum):
    """A person's labour-market state (the codes stored in ``persons.state``)."""

    EMPLOYED = 0  # regular job, no subsidy
    SUBSIDISED = 1  # regular job with wage-cost subsidy (loonkostensubsidie)
    POOL = 2  # employed by a work pool / cooperative of employers
    UNEMPLOYED_WW = 3  # on unemployment benefit (WW)
    NO_BENEFIT = 4  # out of work without benefit (school leavers, partner income)
    SOCIAL_ASSISTANCE = 5  # bijstand (Participatiewet)
    SHELTERED = 6  # sociale werkvoorziening / beschut werk
    TRAINING = 7  # in a school's training programme (benefit continues)
    INACTIVE = 8  # left the labour force for good (retired, moved away, long-term disabled)


N_STATES = len(State)
JOB_STATES = np.array([State.EMPLOYED, State.SUBSIDISED, State.POOL], dtype=np.int8)
#: states that count as "back on benefits or in sheltered work" after a placement
RELAPSE_STATES = np.array(
    [State.UNEMPLOYED_WW, State.SOCIAL_ASSISTANCE, State.SHELTERED], dtype=np.int8
)
STATE_NAMES = [s.name.lower() for s in State]


def state_mask(state: np.ndarray, states) -> np.ndarray:
    """Bool per person: ``state`` is one of ``states`` (like ``np.isin``, many times faster).

    A run of consecutive codes becomes one or two comparisons; other sets a table lookup.
    ``np.isin`` sorts its inputs and cost about 2 ms per call at full scale.

    >>> state_mask(np.array([0, 2, 3, 6, 8], np.int8), (State.EMPLOYED, State.SUBSIDISED,
    ...            State.POOL)).tolist()
    [True, True, False, False, False]
    >>> state_mask(np.array([0, 5, 6, 7], np.int8), (State.SOCIAL_ASSISTANCE,
    ...            State.SHELTERED)).tolist()
    [False, True, True, False]
    """
    codes = sorted({int(s) for s in np.atleast_1d(states)})
    if not codes:
        return np.zeros(state.shape, bool)
    lo, hi = codes[0], codes[-1]
    if hi - lo + 1 == len(codes):
        if lo <= 0:
            return state <= hi
        if hi >= N_STATES - 1:
            return state >= lo
        if lo == hi:
            return state == lo
        return (state >= lo) & (state <= hi)
    lut = np.zeros(N_STATES, bool)
    lut[codes] = True
    return lut.take(state)


class Group(IntEnum):
    """The group a person belonged to when created (fixed; used for agent classes)."""

    WORKER = 0  # the rest of the labour force
    SOCIAL_ASSISTANCE = 1  # jobseeker on bijstand
    SHELTERED = 2  # sheltered-work participant


class Cause(IntEnum):
    """Why a transition happened, stored in the transition log."""

    START = 0
    HIRE = 1
    SEPARATION = 2
    RELAPSE = 3
    LAYOFF = 4
    EXIT = 5
    ENTRY = 6
    WW_EXHAUSTED = 7
    SA_OTHER_EXIT = 8
    SA_APPLICATION = 9
    TRAINING_START = 10
    TRAINING_END = 11
    LONG_SICKNESS = 12
    RETURN_RIGHT = 13  # back to sheltered work under the right to return
    SUBSIDY_END = 14
    POOL_END = 15
    SHELTERED_PLACE = 16  # a new sheltered place (beschut werk)
    PROMOTION = 17  # a step on a regional career path


CAUSE_NAMES = [c.name.lower() for c in Cause]


class Table:
    """Columns of equal length with spare capacity; ``n`` rows are in use.

    >>> t = Table({"x": np.float32, "k": np.int16}, capacity=2)
    >>> rows = t.append(3, x=1.5, k=-1)
    >>> rows.tolist(), t.n, t.x.tolist()
    ([0, 1, 2], 3, [1.5, 1.5, 1.5])
    """

    def __init__(self, columns: Mapping[str, DTypeLike], capacity: int, width: dict | None = None):
        self._dtypes = dict(columns)
        self._width = dict(width or {})
        self._fill: dict[str, object] = {}  # value of unused rows (and so of new rows), 0 if absent
        self.n = 0
        self._cap = max(int(capacity), 1)
        self._cols: dict[str, np.ndarray] = {
            name: np.zeros(self._shape(name, self._cap), dtype=dt) for name, dt in columns.items()
        }

    def _shape(self, name: str, cap: int):
        w = self._width.get(name)
        return (cap, w) if w is not None else (cap,)

    @property
    def capacity(self) -> int:
        return self._cap

    def __getattr__(self, name: str) -> np.ndarray:
        cols = self.__dict__.get("_cols")
        if cols is not None and name in cols:
            return cols[name][: self.n]
        raise AttributeError(name)

    def column(self, name: str) -> np.ndarray:
        return self._cols[name][: self.n]

    def names(self) -> list[str]:
        return list(self._cols)

    def _grow(self, needed: int) -> None:
        cap = self._cap
        while cap < needed:
            cap *= 2
        for name, arr in self._cols.items():
            new = np.full(self._shape(name, cap), self._fill.get(name, 0), dtype=arr.dtype)
            new[: self.n] = arr[: self.n]
            self._cols[name] = new
        self._cap = cap

    def append(self, count: int, **values) -> np.ndarray:
        """Add ``count`` rows; ``values`` are scalars or arrays per column (others hold the
        column's fill value: zero, or the ``fill`` of :meth:`add_column`)."""
        start = self.n
        if start + count > self._cap:
            self._grow(start + count)
        self.n = start + count
        for name, v in values.items():
            self._cols[name][start : self.n] = v
        return np.arange(start, self.n)

    def add_column(self, name: str, dtype, width: int | None = None, fill=0) -> None:
        """Add a column (optionally 2-D with ``width`` entries per row) filled with ``fill``;
        rows appended later start with ``fill`` too.

        >>> t = Table({"x": np.int8}, capacity=1)
        >>> _ = t.append(1)
        >>> t.add_column("until", np.int16, fill=-1)
        >>> _ = t.append(2)
        >>> t.until.tolist()
        [-1, -1, -1]
        """
        if name in self._cols:
            raise ValueError(f"column {name!r} exists already")
        if width is not None:
            self._width[name] = width
        self._dtypes[name] = dtype
        self._fill[name] = fill
        self._cols[name] = np.full(self._shape(name, self._cap), fill, dtype=dtype)

    def nbytes(self) -> int:
        return sum(a.nbytes for a in self._cols.values())


PERSON_COLUMNS = {
    "state": np.int8,
    "group": np.int8,
    "home": np.int16,
    "sector": np.int8,
    "level": np.int8,  # skill level 0 low, 1 middle, 2 high
    "wage_value": np.float32,  # productivity as a share of the minimum wage (loonwaarde)
    "sickness": np.float32,  # monthly sickness onset hazard
    "resilience": np.float32,  # 0-1: how much work pressure the person can take
    "ready": np.bool_,  # searches actively when out of work
    "months_out": np.int16,  # months since the last job (duration dependence)
    "sa_since": np.int16,  # month the current bijstand spell began (it continues in training)
    "employer": np.int32,  # -1 when not employed
    "job_start": np.int16,  # month the current job started, -1 when none
    "sick": np.int8,  # months into the current sickness spell, 0 when healthy
    "ww_left": np.int16,  # months of WW benefit left
    "return_state": np.int8,  # benefit state to go back to after a relapse
    "target_job": np.bool_,  # the current job is a placement from the target group
    "placement": np.int32,  # row in the placements table of the current placement, -1
    "training_left": np.int16,
    "training_sector": np.int8,
    "entered": np.int16,  # month the person entered the model
    "left": np.int16,  # month the person became inactive, -1
    "start_state": np.int8,  # state at month 0 (or at entry)
    "first_placement": np.int16,  # month of the first placement from the target group, -1
    "ever_target": np.bool_,  # has been on bijstand or in sheltered work (burn-in included)
    "start_wage_value": np.float32,  # wage value at month 0 (or at entry), for subgroups
    "start_months_out": np.int16,  # months on benefits / out of work at month 0 (or entry)
    # the instruments' own columns are added from their declarations (Policy.PERSON_COLUMNS)
}

EMPLOYER_COLUMNS = {
    "node": np.int16,
    "sector": np.int8,
    "base_size": np.float32,  # jobs held by simulated residents at month 0
    "incommuters": np.int32,  # jobs held by non-simulated in-commuters (static)
    "target": np.float32,  # desired number of resident-held jobs this month
    "demand_dev": np.float32,  # own AR(1) demand deviation (log)
    "headcount": np.int32,  # simulated persons employed now
    "vacancies": np.int32,  # open vacancies now
    "pressure": np.float32,  # 0-1 work pressure of its jobs
    "openness": np.float32,  # 0-1 openness to inclusive hiring
    "slack": np.float32,  # unused work, in FTE (less than one job)
    "supervise": np.float32,  # 0-1 capacity to supervise (grows with size)
    "experience": np.float32,  # target-group placements that lasted, less failures (>= 0)
    "knows": np.int32,  # bit i: knows instrument model.policies[i] when hiring
    "is_pool": np.bool_,  # a work pool / cooperative formed by member employers
    "external": np.bool_,  # located outside the region (commuting destination)
    "target_hires": np.int32,  # hires from the target group so far
    "refusals_sickness": np.int32,  # candidates refused mainly over sick-pay risk
    # the instruments' own columns are added from their declarations (Policy.EMPLOYER_COLUMNS)
}

PLACEMENT_COLUMNS = {
    "person": np.int32,
    "month": np.int16,
    "origin": np.int8,  # State the person came from (SOCIAL_ASSISTANCE or SHELTERED)
    "kind": np.int8,  # State of the job (EMPLOYED, SUBSIDISED, POOL)
    "employer": np.int32,
    "end_month": np.int16,  # -1 while the job lasts
    "end_state": np.int8,  # state after the job, -1 while it lasts
    "touched": np.int32,  # bit i: instrument model.policies[i] acted on this placement
    "decisive": np.int32,  # bit i: without instrument i the employer would have refused
    # the instruments' placement fields are added from their declarations
    # (Policy.PLACEMENT_FIELDS), recorded at the hire
}


class TransitionLog:
    """Append-only log of state changes: (month, person, from, to, cause).

    Chunks are kept per month and concatenated on demand, so logging costs one small array per
    process per month.
    """

    def __init__(self):
        self._chunks: list[tuple[np.ndarray, ...]] = []
        self._cache: dict[str, np.ndarray] | None = None

    def record(self, month: int, persons: np.ndarray, old: np.ndarray, new, cause: int) -> None:
        if len(persons) == 0:
            return
        k = len(persons)
        new_arr = np.broadcast_to(np.asarray(new, dtype=np.int8), (k,))
        self._chunks.append(
            (
                np.full(k, month, dtype=np.int16),
                np.asarray(persons, dtype=np.int32).copy(),
                np.asarray(old, dtype=np.int8).copy(),
                new_arr.copy(),
                np.full(k, cause, dtype=np.int8),
            )
        )
        self._cache = None

    def arrays(self) -> dict[str, np.ndarray]:
        """All events as columns month, person, old, new, cause (in order of recording)."""
        if self._cache is None:
            names = ("month", "person", "old", "new", "cause")
            if not self._chunks:
                dts = (np.int16, np.int32, np.int8, np.int8, np.int8)
                self._cache = {n: np.zeros(0, dtype=d) for n, d in zip(names, dts)}
            else:
                self._cache = {
                    n: np.concatenate([c[i] for c in self._chunks]) for i, n in enumerate(names)
                }
                self._chunks = [tuple(self._cache[n] for n in names)]
        return self._cache

    def __len__(self) -> int:
        return sum(len(c[0]) for c in self._chunks)

    def for_person(self, person: int) -> list[tuple[int, str, str, str]]:
        """(month, from, to, cause) of one person's transitions, oldest first."""
        a = self.arrays()
        idx = np.flatnonzero(a["person"] == person)
        return [
            (
                int(a["month"][i]),
                STATE_NAMES[a["old"][i]],
                STATE_NAMES[a["new"][i]],
                CAUSE_NAMES[a["cause"][i]],
            )
            for i in idx
        ]
