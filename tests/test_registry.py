"""The parameter registry is one place, imported without the simulation (issue 15)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_importing_the_registry_does_not_import_the_simulation():
    code = (
        "import sys, sim.params; n = len(sim.params.all_params()); "
        "print('sim.model' in sys.modules, 'mesa' in sys.modules, n > 100)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        timeout=120,
    ).stdout.split()
    assert out == ["False", "False", "True"], out


@pytest.mark.parametrize(
    "module", ["sim/params.py", "sim/scenario.py", "sim/schema.py", "sim/defaults.py"]
)
def test_no_import_inside_a_function_of_the_registry(module):
    """The registry imports its declarations at the top: no import cycle in disguise."""
    tree = ast.parse((ROOT / module).read_text())
    lazy = [
        f"{module}:{n.lineno} in {f.name}()"
        for f in ast.walk(tree)
        if isinstance(f, ast.FunctionDef)
        for n in ast.walk(f)
        if isinstance(n, (ast.Import, ast.ImportFrom))
    ]
    assert not lazy, lazy


def test_declarations_import_only_the_schema():
    """Defaults and policies declare parameters with sim.schema, never the registry itself."""
    for path in [ROOT / "sim" / "defaults.py", *sorted((ROOT / "sim" / "policies").glob("*.py"))]:
        tree = ast.parse(path.read_text())
        for n in ast.walk(tree):
            if isinstance(n, ast.ImportFrom):
                assert n.module != "sim.params", f"{path.name} imports sim.params"


def test_registry_holds_every_policy_and_the_behavioural_numbers():
    from sim.params import all_params, policy_names
    from sim.policies import POLICY_CLASSES

    params = all_params()
    assert policy_names() == tuple(c.name for c in POLICY_CLASSES)
    for c in POLICY_CLASSES:
        assert f"policies.{c.name}.enabled" in params
    for key in (
        "population.resilience_mean_employed",
        "population.resilience_mean_sheltered",
        "population.skilled_wage_value",
        "employers.expected_job_months",
        "schools.forecast_responsiveness",
        "employers.layoff_band",
    ):
        assert params[key].unit and params[key].source, key


POP, TRAIN = "sim/population.py", "sim/processes/training.py"
DEMAND, SUBSIDY, VALID = (
    "sim/processes/demand.py",
    "sim/policies/wage_subsidy.py",
    "analysis/validation.py",
)


@pytest.mark.parametrize(
    "literal, files",
    [
        ("1.3", [TRAIN]),  # the skill threshold (population.py keeps 1.3 as memory headroom)
        ("2.0", [TRAIN]),
        ("0.67", [POP]),
        ("0.62", [POP]),
        ("0.5", [POP]),
        ("0.42", [POP]),
        ("7.5", [POP]),
        ("6.0", [POP]),
        ("40.0", [POP, TRAIN]),
        ("10.0", [POP]),
        ("0.125", [POP]),
        ("8.0", [POP]),
        ("1.2", [POP]),
        ("1.1", [POP]),
        ("0.15", [POP]),
        ("1.5", [POP]),
        ("0.4", [POP]),
        ("0.6", [POP]),
        ("0.1", [POP]),
        ("1240", [VALID]),
        ("0.05", [DEMAND]),
        ("36.0", [SUBSIDY]),
        ("EXPECTED_JOB_MONTHS", [SUBSIDY]),
        ("LAYOFF_BAND", [DEMAND]),
        ("FORECAST_RESPONSIVENESS", [TRAIN]),
        ("EXTERNAL_ESTABLISHMENT_SIZE", [POP]),
    ],
)
def test_behavioural_numbers_left_the_code(literal, files):
    """The numbers moved into the registry are not written in the model code any more."""
    for rel in files:
        tree = ast.parse((ROOT / rel).read_text())
        code = [
            n.lineno
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant)
            and type(n.value) in (int, float)
            and repr(n.value) == literal
        ]
        names = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == literal]
        assert not code and not names, f"{literal} still in {rel}, lines {code + names}"


def test_a_moved_number_acts_through_its_parameter():
    """Changing a moved number changes the population it describes."""
    import numpy as np

    from sim.model import LabourMarketModel

    def mean_resilience(**kw):
        m = LabourMarketModel(
            **{
                "run__scale": 0.01,
                "run__months": 1,
                "run__seed": 3,
                "run__region": "synthetic:2:0",
                **kw,
            }
        )
        return float(np.mean(m.persons.resilience))

    assert mean_resilience(population__resilience_mean_employed=0.9) > mean_resilience() + 0.1


def test_sources_doc_names_only_real_parameter_keys():
    """docs/sources.md says where each figure is used; every key it names exists."""
    import re

    from sim.params import all_params

    params = all_params()
    sections = {k.split(".")[0] for k in params}
    text = (ROOT / "docs" / "sources.md").read_text()
    keys = {
        k
        for k in re.findall(r"`([a-z_]+(?:\.[a-z_0-9]+)+)`", text)
        if k.split(".")[0] in sections and "*" not in k
    }
    assert len(keys) > 30
    unknown = sorted(k for k in keys if k not in params)
    assert not unknown, unknown
