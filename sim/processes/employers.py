"""Employers' persistent traits towards the target group, and how experience changes them.

Employers differ in how they look at a candidate from bijstand or sheltered work, and these
differences are traits of the employer, drawn once at set-up, not a random error in everyone's
judgement (issue 11):

- **willingness** (``openness`` > 0): SCP 2019 finds 61% of employers say they are willing to
  hire from the target group (``employers.inclusive_share``). A willing employer attaches an
  inclusion value to such a hire that grows with its openness; an unwilling one needs the
  candidate to be clearly better than it expects (``employers.unwilling_penalty``);
- **capacity to supervise** (``supervise``, 0-1): larger establishments can spare supervision
  and adapt work; capacity = size / (size + ``employers.capacity_half_size``) and it lowers the
  supervision cost a low wage value brings;
- **experience** with the target group (``experience``, placements that lasted): an experienced
  employer sees the sick-pay risk as it is, an inexperienced one inflates it by
  ``employers.sickness_risk_aversion``; at the start ``employers.experienced_share`` of the
  employers (all willing ones) have one such placement behind them;
- **knowledge of each instrument** (``knows``, a bit per instrument in ``model.policies``):
  instruments that work through the hiring decision count only for employers who know them or
  to whom the employer service point brings the candidate (see each policy's ``reaches``).

Experience feeds back every month (:func:`learn`): when a placed worker has stayed
``employers.experience_months``, the employer gains experience, learns the instruments that
came with the placement, and an unwilling employer becomes willing with probability
``employers.conversion_chance``; when a placement ends in relapse before that, the employer
loses experience and a willing employer turns unwilling with probability
``employers.disillusion_chance``.
"""

from __future__ import annotations

import numpy as np

from sim.state import RELAPSE_STATES


def draw_traits(model) -> None:
    """Capacity, experience and instrument knowledge of the month-0 employers (willingness is
    the openness drawn with the population)."""
    e, p, rng = model.employers, model.p, model.streams.employers
    size = e.base_size.astype(float) + e.incommuters
    denom = size + p["employers.capacity_half_size"]
    # half size 0: every employer can supervise fully (also an establishment of size 0)
    e.supervise[:] = np.divide(size, denom, out=np.ones_like(size), where=denom > 0)
    willing = e.openness > 0
    # the experienced share of all employers, drawn among the willing ones
    share_of_willing = p["employers.experienced_share"] / max(willing.mean(), 1e-9) if e.n else 0
    e.experience[:] = np.where(willing & (rng.random(e.n) < share_of_willing), 1.0, 0.0)
    e.knows[:] = 0


def willing_openness(model, n: int, rng) -> np.ndarray:
    """Openness of employers that become willing (uniform from ``employers.openness_min`` to
    1, as drawn at set-up)."""
    return rng.uniform(model.p["employers.openness_min"], 1.0, n).astype(np.float32)


def perceived_aversion(model, emp: np.ndarray) -> np.ndarray:
    """Multiplier on the expected sick pay of a target-group candidate: the assumed risk
    aversion for an employer without experience, fading to 1 with each placement that lasted."""
    a = model.p["employers.sickness_risk_aversion"]
    exp = model.employers.experience[emp].astype(float)
    return 1.0 + (a - 1.0) * np.exp(-model.p["employers.experience_learning"] * exp)


def learn(model) -> None:
    """Experience feedback from the placements that lasted or failed this month."""
    pl, e, p = model.placements, model.employers, model.p
    if pl.n == 0:
        return
    rng = model.streams.employers
    horizon = int(p["employers.experience_months"])
    t = model.month
    ok = (pl.month == t - horizon) & (pl.end_month < 0)
    failed = (
        (pl.end_month == t)
        & np.isin(pl.end_state, RELAPSE_STATES)
        & (pl.end_month - pl.month < horizon)
    )
    real = ~e.is_pool & ~e.external
    good = pl.employer[ok]
    good = good[real[good]]
    bad = pl.employer[failed]
    bad = bad[real[bad]]
    if len(good):
        np.add.at(e.experience, good, 1.0)
        np.bitwise_or.at(e.knows, good, pl.touched[ok][real[pl.employer[ok]]])
        closed = good[e.openness[good] <= 0]
        convert = np.unique(closed[rng.random(len(closed)) < p["employers.conversion_chance"]])
        e.openness[convert] = willing_openness(model, len(convert), rng)
    if len(bad):
        np.subtract.at(e.experience, bad, 1.0)
        e.experience[bad] = np.maximum(e.experience[bad], 0.0)
        opened = bad[e.openness[bad] > 0]
        turn = np.unique(opened[rng.random(len(opened)) < p["employers.disillusion_chance"]])
        e.openness[turn] = 0.0
    model.month_counts["employers_learned"] = len(good)
    model.month_counts["employers_disillusioned"] = len(bad)
