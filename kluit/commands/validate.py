"""``kluit validate SCENARIO``: exit 0 when the scenario (its region, shocks, employers' survey
and burn-in scenario) is valid, else 2."""

from __future__ import annotations

from pathlib import Path

from kluit.commands.common import overrides
from sim.model import check_shocks, check_size, load_burn_in_scenario, load_run_region
from sim.scenario import load_scenario
from sim.survey import load_for_scenario


def add_parser(sub):
    p = sub.add_parser("validate", help="check a scenario file (exit 2 with a clear message)")
    p.add_argument("scenario", nargs="+", help="scenario TOML file(s)")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE")
    return p


def run(args) -> int:
    for path in args.scenario:
        scen = load_scenario(path, overrides(args))
        region = load_run_region(scen, Path(path).parent)
        check_size(region, float(scen["run.scale"]), path)
        check_shocks(scen.shocks, region, int(scen["run.months"]), path)
        load_for_scenario(scen, region, Path(path).parent)  # the employers' survey, if any
        load_burn_in_scenario(scen)  # the file run.burn_in_scenario names, if any
        print(
            f"{path}: valid ({len(scen.changed())} keys changed from the defaults, "
            f"{len(scen.shocks)} shocks, region {region.name})"
        )
    return 0
