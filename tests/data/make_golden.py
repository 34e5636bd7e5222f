"""Record the reference outcomes that ``tests/test_golden.py`` compares the model against.

Runs ``scenarios/baseline.toml`` at scale 0.02 for 24 months with seeds 1..20 and writes, per
seed, the flattened numeric summary (``summary()`` plus monthly counter totals) and a digest of
the whole trajectory (transition log and monthly stocks). The file committed as
``golden_before_optimisation.json`` was made by this script from the last revision *before* the
performance work of issue 5 landed (git revision in the file), so the test shows the optimised
model's results are statistically the same (and, where the draws are unchanged, identical).

The committed file was made from a clean export of revision f57e31a (so no uncommitted work
in the tree could leak in)::

    mkdir /tmp/kluit-head && git archive f57e31a | tar -x -C /tmp/kluit-head
    cp tests/data/make_golden.py /tmp/kluit-head/tests/data/
    cd /tmp/kluit-head && PYTHONPATH=. /work/main/.venv/bin/python tests/data/make_golden.py \
        --revision f57e31a --out /work/main/tests/data/golden_before_optimisation.json

Regenerate (from the current tree) only for a deliberate change of model behaviour. History:
recorded at f57e31a before the optimisations; the optimisations up to 834e6d3..46bdd70 kept
every trajectory identical (this test passed); regenerated at a6bd45a, exported the same way, after
deliberate behaviour changes by the lead (the monthly table's duplicate counters, searching
bijstand recipients who stop searching, demand starting from its stationary spread).
Issue 11 (branch i11) changes behaviour deliberately and needs one regeneration: employers with
persistent traits (willingness, capacity to supervise, experience, instrument knowledge) and a
small judgement error decide on target-group candidates, employers learn from their placements
(a new random stream), instruments act only on the employers they reach, and the baseline was
re-calibrated (applications per month, bijstand search intensity, inclusion value, other
bijstand exits).
Issue 12 (branch i12) changes behaviour deliberately and needs one regeneration: the baseline is
the status quo (structural wage-cost subsidy, no-risk policy, job coaching at today's use), every
run starts after a 240-month burn-in to the model's own steady state, job losers (placed workers
included) get WW by the wekeneis, people without work or benefit for a year leave the labour
force, readiness of bijstand recipients moves both ways and is judged at the start of a spell,
duration on bijstand is the current spell, and the baseline was re-calibrated (bijstand flows,
the CBS cohort after an exit to work, tightness).
Regenerated once for both, at 477e7a8 (the integration of issues 11-15, exported the same way),
after the lead gave the burn-in streams of its own (so the run's streams start month 1 as
without it and the burn-in does not depend on the run's length).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "scenarios" / "baseline.toml"
SCALE, MONTHS, SEEDS = 0.02, 24, list(range(1, 21))


def flatten(d, prefix="") -> dict[str, float]:
    """Numeric leaves of a nested dict as ``a.b.c -> float`` (None and strings dropped).

    >>> flatten({"a": 1, "b": {"c": 2.5, "d": None, "e": "x"}, "f": True})
    {'a': 1.0, 'b.c': 2.5}
    """
    out: dict[str, float] = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, key + "."))
        elif isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool):
            out[key] = float(v)
    return out


def trajectory_digest(model) -> str:
    """sha256 of the transition log and the monthly stocks: equal iff the run is identical."""
    h = hashlib.sha256()
    for name, arr in model.log.arrays().items():
        h.update(name.encode())
        h.update(np.ascontiguousarray(arr).tobytes())
    for r in model.series:
        h.update(np.ascontiguousarray(r["stocks"], dtype=np.int64).tobytes())
    return h.hexdigest()


def outcomes(seed: int, scale: float = SCALE, months: int = MONTHS) -> tuple[dict[str, float], str]:
    """Run the baseline once; flattened outcomes and the trajectory digest."""
    from sim.model import LabourMarketModel

    m = LabourMarketModel(SCENARIO, scale=scale, months=months, rng=seed)
    m.run()
    s = m.summary()
    flat = flatten({k: v for k, v in s.items() if k not in ("seed", "months", "scale")})
    totals: dict[str, float] = {}
    for r in m.series[1:]:
        for k, v in r["counts"].items():
            totals[k] = totals.get(k, 0.0) + float(v)
    flat.update({f"counts_total.{k}": v for k, v in totals.items()})
    return flat, trajectory_digest(m)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--out", default=str(Path(__file__).with_name("golden_before_optimisation.json"))
    )
    ap.add_argument(
        "--revision",
        help="git revision of the code run (default: HEAD of this "
        "checkout; give it when running an exported tree)",
    )
    args = ap.parse_args()
    rev = (
        args.revision
        or subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    )
    runs = []
    for seed in SEEDS:
        flat, digest = outcomes(seed)
        runs.append({"seed": seed, "digest": digest, "outcomes": flat})
        print(f"seed {seed}: {len(flat)} outcomes, digest {digest[:12]}")
    doc = {
        "scenario": "scenarios/baseline.toml",
        "scale": SCALE,
        "months": MONTHS,
        "seeds": SEEDS,
        "git_revision": rev,
        "runs": runs,
    }
    Path(args.out).write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
