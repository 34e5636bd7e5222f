"""Pure helpers of the UI (no Solara, no browser): links, file names, labels, numbers shown."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from kluit.ui import state as st
from kluit.ui.state import (
    SaveError,
    Settings,
    default_settings,
    discover_scenarios,
    settings_from_query,
    settings_to_query,
)
from sim.params import Param, all_params
from sim.scenario import ScenarioError, load_scenario

ROOT = Path(__file__).resolve().parents[2]
SCEN = ROOT / "scenarios"


@pytest.fixture(scope="module")
def entries():
    return discover_scenarios(SCEN)


@pytest.fixture(scope="module")
def defaults(entries):
    return default_settings(entries)


def test_discovery_lists_the_shipped_scenarios_baseline_first(entries):
    ids = [e.rel for e in entries]
    assert ids[0] == "baseline.toml"
    assert any(i.startswith("policies/") for i in ids)
    for e in st.usable(entries):
        assert load_scenario(e.path).name == e.name
    # sweep definitions are not scenarios, and not broken scenarios either
    assert not any(i.startswith("sweeps/") for i in ids)
    assert not [e.rel for e in entries if e.error]


def test_discovery_reports_a_broken_file_without_failing(tmp_path):
    shutil.copy(SCEN / "baseline.toml", tmp_path / "baseline.toml")
    (tmp_path / "broken.toml").write_text("[policies.wage_subsidy]\nenabled = 3\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.toml").write_text("name = 'x'\n")
    found = {e.rel: e for e in discover_scenarios(tmp_path)}
    assert set(found) == {"baseline.toml", "broken.toml"}
    assert found["broken.toml"].error and "enabled" in found["broken.toml"].error
    assert found["baseline.toml"].error is None


def test_defaults_compare_baseline_with_a_policy(defaults):
    assert defaults.scenarios[0] == "baseline.toml"
    assert defaults.scenarios[1].startswith("policies/")
    assert settings_to_query(defaults, defaults) == ""


def test_link_round_trip_keeps_every_setting(entries, defaults):
    known = [e.rel for e in entries]
    s = replace(
        defaults,
        view="story",
        scenarios=("baseline.toml", "policies/package.toml"),
        own_on=True,
        own=(
            ("policies.wage_subsidy.duration_months", 12),
            ("policies.job_coaching.hours_per_week", 4.5),
        ),
        reps=3,
        scale=0.02,
        months=48,
        seed=7,
        run=True,
        explore_scale=0.05,
        town="Lelystad",
        group="social_assistance_long",
        person=17,
        story_seed=3,
        base="policies/root_ball.toml",
    )
    q = settings_to_query(s, defaults)
    back, warnings = settings_from_query(q, defaults, known)
    assert back == s and warnings == []
    assert "view=story" in q and "s=baseline.toml,policies/package.toml" in q


def test_bad_link_settings_keep_defaults_and_warn(entries, defaults):
    q = (
        "view=nope&reps=x&months=99999&s=missing.toml&scale=nan&group=zzz&"
        "set=policies.wage_subsidy.duration_months=9999&set=run.months=5&junk=1"
    )
    s, warnings = settings_from_query(q, defaults, [e.rel for e in entries])
    assert s == defaults
    text = " ".join(warnings)
    for part in (
        "view",
        "reps",
        "months",
        "missing.toml",
        "scale",
        "group",
        "9999",
        "run.months",
        "junk",
    ):
        assert part in text


@pytest.mark.parametrize(
    "name, want",
    [
        ("my plan", "my_plan"),
        ("../../etc/passwd", "etc_passwd"),
        ("a.toml", "a"),
        ("ünïcode name", "n_code_name"),
        ("  -x-  ", "x"),
        ("C:\\Windows\\evil", "C_Windows_evil"),
    ],
)
def test_safe_part(name, want):
    assert st.safe_part(name) == want


@pytest.mark.parametrize("name", ["", "...", "/", "***", ".toml"])
def test_safe_part_refuses_names_without_letters(name):
    with pytest.raises(SaveError):
        st.safe_part(name)


@pytest.mark.parametrize("folder", ["../..", "/etc", "a/../../..", "..\\..", "~", "%2e%2e"])
def test_save_target_never_leaves_the_root(tmp_path, folder):
    try:
        t = st.save_target(tmp_path, folder, "../x")
    except SaveError:  # refusing a folder name is safe too
        return
    assert t.resolve().is_relative_to(tmp_path.resolve())
    assert t.name == "x.toml"


def test_save_target_refuses_a_link_out_of_the_root(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "root"
    root.mkdir()
    os.symlink(outside, root / "link")
    with pytest.raises(SaveError, match="outside"):
        st.save_target(root, "link", "x")


def test_saved_scenario_loads_back_and_runs_with_the_cli(tmp_path):
    from kluit.cli import main

    scen = load_scenario(SCEN / "policies" / "wage_subsidy_temporary.toml").with_overrides(
        {"policies.wage_subsidy.duration_months": 12}
    )
    scen = replace(scen, name="my_plan", path=None, chain=())
    path = st.save_scenario(scen, tmp_path, "custom", "My plan!")
    assert path == tmp_path / "custom" / "My_plan.toml"
    back = load_scenario(path)
    assert back.values == scen.values and "extends" not in path.read_text()
    with pytest.raises(SaveError, match="exists"):
        st.save_scenario(scen, tmp_path, "custom", "My plan!")
    st.save_scenario(scen, tmp_path, "custom", "My plan!", overwrite=True)
    out = tmp_path / "out"
    assert main(["run", str(path), "--scale", "0.005", "--months", "2", "--out", str(out)]) == 0
    assert (out / "summary.json").is_file()


def test_param_labels_use_the_users_units():
    params = all_params()
    label = {k: st.param_label(p) for k, p in params.items()}
    assert label["policies.wage_subsidy.duration_months"] == "Duration (months)"
    assert label["policies.job_coaching.hours_per_week"] == "Coaching hours per week"
    assert "(minutes)" in label["matching.max_commute_minutes"]
    assert all(lbl and lbl[0].isupper() for lbl in label.values())


def test_parse_value_checks_type_and_range():
    p = all_params()["policies.wage_subsidy.duration_months"]
    assert st.parse_value(p, "12") == 12
    with pytest.raises(ScenarioError, match="from 0 to 600"):
        st.parse_value(p, "9999")
    with pytest.raises(ScenarioError, match="whole number"):
        st.parse_value(p, "12.5")
    f = all_params()["policies.wage_subsidy.coverage"]
    assert st.parse_value(f, "0.5") == 0.5
    with pytest.raises(ScenarioError):
        st.parse_value(f, "lots")
    b = all_params()["policies.wage_subsidy.enabled"]
    assert st.parse_value(b, "True") is True


def test_policies_and_sections_come_from_the_registry():
    params = all_params()
    names = st.policy_names(params)
    assert names == [
        k.split(".")[1] for k in params if k.startswith("policies.") and k.endswith(".enabled")
    ]
    secs = st.sections(params)
    assert sum(len(v) for v in secs.values()) == len(params)
    for n in names:
        assert f"policies.{n}" in secs
        assert st.policy_explanation(n)


def test_arm_series_is_the_cumulative_mean_over_replications():
    def frame(values, extra=False):
        rows = [
            {"month": m, "municipality": "all", "variable": "relapses", "value": v}
            for m, v in enumerate(values)
            if v is not None
        ]
        if extra:  # a duplicate row in a month: the first one counts
            rows.append({"month": 1, "municipality": "all", "variable": "relapses", "value": 99.0})
        rows.append({"month": 2, "municipality": "all", "variable": "hires", "value": 1.0})
        return pd.DataFrame(rows)

    monthly = {"a": [frame([0, 1, None], extra=True), frame([0, 3, 2])]}
    s = st.arm_series(monthly, "relapses", scale=0.5)
    got = s.set_index("month")["mean"].to_dict()
    assert got == {0: 0.0, 1: 4.0, 2: 6.0}  # (1+3)/2/0.5, then + (0+2)/2/0.5
    assert s["n"].eq(2).all()


def test_monthly_states_and_parting():
    a = st.monthly_states([(0, "sheltered", "sheltered", "start")], 4)
    b = st.monthly_states(
        [
            (0, "sheltered", "sheltered", "start"),
            (2, "sheltered", "subsidised", "hire"),
            (2, "subsidised", "employed", "subsidy_end"),
        ],
        4,
    )
    assert b == ["sheltered", "sheltered", "employed", "employed", "employed"]
    assert st.parting_month(a, b) == 2
    assert st.parting_month(a, a) is None


def test_paths_differ_flags_exactly_the_changed_people():
    def log(events):
        arr = np.array(events, dtype=np.int64).reshape(-1, 5)
        return {
            "month": arr[:, 0],
            "person": arr[:, 1],
            "old": arr[:, 2],
            "new": arr[:, 3],
            "cause": arr[:, 4],
        }

    a = log(
        [
            (0, 0, 5, 5, 0),
            (0, 1, 5, 5, 0),
            (0, 2, 6, 6, 0),
            (3, 1, 5, 0, 1),
            (4, 2, 6, 1, 1),
            (5, 9, 5, 0, 1),
        ]
    )
    b = log(
        [
            (0, 0, 5, 5, 0),
            (0, 1, 5, 5, 0),
            (0, 2, 6, 6, 0),
            (3, 1, 5, 0, 1),
            (6, 2, 6, 1, 1),
            (3, 0, 5, 4, 8),
        ]
    )
    assert st.paths_differ(a, b, 3).tolist() == [True, False, True]


def test_story_groups_and_a_reproducible_draw():
    pair = st.run_story(
        load_scenario(SCEN / "baseline.toml"),
        load_scenario(SCEN / "policies" / "wage_subsidy_temporary.toml"),
        seed=1,
        scale=0.01,
        months=24,
    )
    rows = st.group_rows(pair.start, "sheltered_low_resilience")
    sw = pair.start["state"] == 6
    assert len(rows) and np.all(pair.start["state"][rows] == 6)
    assert pair.start["resilience"][rows].max() <= np.quantile(pair.start["resilience"][sw], 1 / 3)
    p1 = st.draw_person(pair, "sheltered_low_resilience", 0, 1)
    assert p1 == st.draw_person(pair, "sheltered_low_resilience", 0, 1)
    assert p1 in rows
    if pair.changed[rows].any():
        assert pair.changed[p1]
        paths = [st.monthly_states(h(p1), 24) for h in pair.histories]
        assert st.parting_month(*paths) is not None


def test_build_arms_adds_the_own_package_on_the_reference(entries, defaults):
    s = replace(
        defaults,
        scenarios=("baseline.toml",),
        own_on=True,
        own=(("policies.root_ball.enabled", True), ("policies.root_ball.duration_months", 6)),
    )
    arms = st.build_arms(s, entries)
    assert [a.name for a in arms] == ["baseline", st.OWN_ARM]
    assert arms[1]["policies.root_ball.duration_months"] == 6
    assert arms[1]["policies.root_ball.enabled"] is True
    with pytest.raises(ScenarioError, match="second scenario"):
        st.build_arms(replace(s, own_on=False), entries)


def test_settings_is_immutable_and_hashable(defaults):
    assert isinstance(hash(defaults), int)
    with pytest.raises(Exception):
        defaults.reps = 3  # type: ignore[misc]
    assert isinstance(defaults, Settings)


def test_param_label_of_a_param_without_unit():
    assert st.param_label(Param("x.some_switch", True, "", "", "")) == "Some switch"


def test_an_edited_copy_has_its_own_title_not_the_bases(tmp_path):
    from kluit.ui.editor_view import edited_scenario

    base = load_scenario(SCEN / "policies" / "wage_subsidy_temporary.toml")
    scen = edited_scenario(
        base,
        {"policies.wage_subsidy.duration_months": 12},
        "short",
        "Twaalf maanden subsidie.",
        "Korte loonkostensubsidie",
        "nl",
    )
    path = st.save_scenario(scen, tmp_path, "", "short")
    back = load_scenario(path)
    assert back.title_in("nl") == "Korte loonkostensubsidie"
    assert back.description_in("nl") == "Twaalf maanden subsidie."
    assert back.title_in("en") != base.title_in("en")  # not the base's "Wage-cost subsidy"
    assert back["policies.wage_subsidy.duration_months"] == 12
