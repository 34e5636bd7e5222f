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
duration_months = 36

[policies.root_ball]
enabled = true
intensity = 0.8

[[shocks]]                         # dated events, appended to the parent's
kind = "policy_stop"               # reshoring | recession | new_product_line | policy_stop
policy = "wage_subsidy"
month = 36
```

Shipped: `baseline.toml`; one file per instrument in `policies/` (plus `package.toml`, several
instruments together); shocks in `shocks/`; the theory check in `validation/`; sweep files
(for `kluit sweep`) in `sweeps/`; a sample employers' survey in `data/`.

This page is generated from the parameter registry by `python scripts/make_scenario_docs.py`;
a test checks it is up to date.

"""


def render() -> str:
    return HEADER + scenario_docs_markdown()


if __name__ == "__main__":
    Path(__file__).resolve().parent.parent.joinpath("scenarios/README.md").write_text(render())
