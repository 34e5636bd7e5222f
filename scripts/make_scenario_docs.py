"""Regenerate scenarios/README.md from the parameter registry.

Run: python scripts/make_scenario_docs.py
"""

from pathlib import Path

from sim.scenario import scenario_docs_markdown

HEADER = """# Scenario files

A scenario is a TOML file. Keys are dotted names (`[policies.root_ball]` + `intensity = 0.8` is
`policies.root_ball.intensity`); the same names are used by `kluit run --set KEY=VALUE`, the
Python API (`LabourMarketModel(policies__root_ball__intensity=0.8)`), the UI and the result
columns. Unknown keys, wrong types and out-of-range values are errors that name the file, the
key and what is allowed (`kluit validate FILE`).

```toml
name = "my_package"
description = "Wage subsidy plus root-ball support, stopped after three years."
extends = "baseline.toml"          # start from another file (relative path), then override

[policies.wage_subsidy]
enabled = true
push_months = 6                    # a temporary push on top of the structural subsidy

[policies.root_ball]
enabled = true
intensity = 0.8

[[shocks]]                         # dated events, appended to the parent's
kind = "policy_stop"               # reshoring | recession | new_product_line | demand | policy_stop
policy = "wage_subsidy"
month = 36
```

Shipped: `baseline.toml`, the **status quo**: today's instruments (a structural wage-cost
subsidy, the no-risk policy at today's awareness, job coaching at today's use, new sheltered
places), the same as `sim.policies.STATUS_QUO`; `no_instruments.toml`, a counterfactual world
without them. The files in `policies/` are changes to the status quo (more of an instrument, a
new one; `package.toml` several together); shocks in `shocks/` (among them `subsidy_stop.toml`,
a cut, and `tight_market.toml`, today's tight market); the theory check in `validation/`; sweep
files (for `kluit sweep`) in `sweeps/`; a sample employers' survey in `data/`.

Every run starts from the model's own steady state: `run.burn_in_months` months are simulated
before month 0 with the status-quo instruments (`run.burn_in_policies`), so that every arm of a
comparison starts from the same people in the same states.

This page is generated from the parameter registry by `python scripts/make_scenario_docs.py`;
a test checks it is up to date.

"""


def render() -> str:
    return HEADER + scenario_docs_markdown()


if __name__ == "__main__":
    Path(__file__).resolve().parent.parent.joinpath("scenarios/README.md").write_text(render())
