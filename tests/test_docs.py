"""Generated documentation stays in step with the code."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_scenario_readme_is_up_to_date():
    spec = importlib.util.spec_from_file_location("mk", ROOT / "scripts/make_scenario_docs.py")
    mk = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mk)
    assert (ROOT / "scenarios/README.md").read_text() == mk.render(), (
        "run: python scripts/make_scenario_docs.py"
    )


def test_model_doc_names_every_policy():
    from sim.policies import POLICY_NAMES

    text = (ROOT / "docs/model.md").read_text()
    missing = [n for n in POLICY_NAMES if f"`{n}`" not in text]
    assert not missing, f"docs/model.md lacks a section row for {missing}"


def test_every_assumed_default_says_why():
    from sim.params import all_params

    for p in all_params().values():
        assert p.unit and p.source and p.doc, p.key
        if p.source.startswith("assumed"):
            assert len(p.source) > len("assumed") or p.key.startswith("policies."), p.key
