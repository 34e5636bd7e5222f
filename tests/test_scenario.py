"""Tests for sim/scenario.py: loading, extends chains, validation errors, --set and TOML output."""

from __future__ import annotations

import json
import math
import pickle
import shutil
from pathlib import Path

import pytest

from sim.params import all_params
from sim.policies import POLICY_NAMES
from sim.scenario import (
    Scenario,
    ScenarioError,
    Shock,
    coerce,
    default_scenario,
    load_scenario,
    parse_override,
    scenario_docs_markdown,
    scenario_from_dict,
)

DATA = Path(__file__).parent / "data" / "scenarios"
BAD = DATA / "bad"
PARAMS = all_params()


def _bounded(kind: type) -> list:
    return [p for p in PARAMS.values() if p.kind is kind and p.lo is not None and p.hi is not None]


def _other_value(p):
    """A valid value different from the default, for any registered param."""
    if p.kind is bool:
        return not p.default
    if p.choices:
        return next(c for c in p.choices if c != p.default) if len(p.choices) > 1 else p.default
    if p.kind is str:
        return p.default + '-other "quoted" \\ é'
    lo = p.lo if p.lo is not None else p.default - 10
    hi = p.hi if p.hi is not None else p.default + 10
    if p.kind is int:
        return lo if p.default != lo else min(hi, lo + 1)
    return lo + (hi - lo) / 3  # an awkward float, to test exact round trips


# --- defaults ----------------------------------------------------------------------------


def test_default_scenario_has_every_param_at_default():
    s = default_scenario()
    assert set(s.values) == set(PARAMS)
    assert all(s[k] == p.default for k, p in PARAMS.items())
    assert s.changed() == {} and s.shocks == ()
    with pytest.raises(TypeError):
        s.values["run.months"] = 3  # read-only mapping


def test_every_registered_default_passes_its_own_validation():
    for p in PARAMS.values():
        assert coerce(p, p.default) == p.default


def test_empty_file_is_the_default_scenario(tmp_path):
    f = tmp_path / "empty.toml"
    f.write_text("")
    s = load_scenario(f)
    assert s == Scenario("empty", "", default_scenario().values)
    assert s.name == "empty" and s.path == str(f) and s.chain == (str(f),)


# --- extends -----------------------------------------------------------------------------


def test_extends_chain_overrides_values_and_appends_shocks():
    s = load_scenario(DATA / "sub" / "grandchild.toml")
    assert s.name == "grandchild"
    assert s.description == ""  # not inherited: it describes the file
    assert s["run.months"] == 48  # grandchild beats child beats base
    assert s["run.scale"] == 0.5 and isinstance(s["run.scale"], float)  # from child
    assert s["run.region"] == "flevoland"
    assert s["policies.wage_subsidy.enabled"] is True
    assert s.policy_enabled("wage_subsidy")
    assert [sh.kind for sh in s.shocks] == ["recession", "reshoring", "policy_stop"]
    assert s.shocks[0] == Shock("recession", month=12, duration_months=18, size=-0.06)
    assert s.shocks[1].sector == "manufacturing" and s.shocks[1].size == 0.1
    assert s.shocks[2].policy == "wage_subsidy"
    assert [Path(f).name for f in s.chain] == ["base.toml", "child.toml", "grandchild.toml"]
    assert s.changed() == {
        "run.months": 48,
        "run.scale": 0.5,
        "policies.wage_subsidy.enabled": True,
    }


def test_child_name_defaults_to_its_file_stem():
    s = load_scenario(DATA / "child.toml")
    assert s.name == "child" and s.description.startswith("Base plus")
    assert s["run.months"] == 36 and len(s.shocks) == 2


def test_extends_cycle_is_an_error_naming_both_files():
    with pytest.raises(ScenarioError) as e:
        load_scenario(DATA / "cycle_a.toml")
    assert "cycle" in str(e.value)
    assert "cycle_a.toml" in str(e.value) and "cycle_b.toml" in str(e.value)
    assert e.value.key == "extends"


def test_self_extends_is_a_cycle(tmp_path):
    f = tmp_path / "me.toml"
    f.write_text('extends = "me.toml"\n')
    with pytest.raises(ScenarioError, match="cycle"):
        load_scenario(f)


def test_error_in_parent_names_the_parent_file():
    with pytest.raises(ScenarioError) as e:
        load_scenario(BAD / "bad_parent.toml")
    assert Path(e.value.file).name == "out_of_range.toml" and e.value.key == "run.months"


# --- bad input corpus --------------------------------------------------------------------

CASES = [  # file, key in the error, text the message must contain
    ("wrong_type.toml", "run.months", 'got "twelve" (a string), allowed: an integer'),
    ("bool_as_int.toml", "run.months", "got true (a boolean), allowed: an integer"),
    ("float_for_int.toml", "run.months", "got 12.0 (a float), allowed: an integer"),
    (
        "int_as_bool.toml",
        "policies.wage_subsidy.enabled",
        "got 1 (an integer), allowed: true or false",
    ),
    ("string_as_bool.toml", "policies.wage_subsidy.enabled", "allowed: true or false"),
    ("nan.toml", "run.scale", "got nan, allowed: a number"),
    ("inf.toml", "run.scale", "got -inf, allowed: a number"),
    ("out_of_range.toml", "run.months", "got -3, allowed: an integer from 1 to 1200"),
    ("typo_key.toml", "run.month", "did you mean 'run.months'"),
    ("unknown_section.toml", "polices", "did you mean 'policies'"),
    ("table_for_value.toml", "run.months", "got a table, allowed: an integer"),
    ("value_for_table.toml", "policies", "section, allowed: a table such as [policies]"),
    ("missing_extends.toml", "extends", "no_such_parent.toml"),
    ("bad_extends_type.toml", "extends", "allowed: a path"),
    ("bad_name.toml", "name", "allowed: a string"),
    ("shock_bad_kind.toml", "shocks[0].kind", "allowed: one of 'reshoring'"),
    ("shock_unknown_field.toml", "shocks[1].sectr", "did you mean 'sector'"),
    ("shock_policy_missing.toml", "shocks[0].policy", "required for kind 'policy_stop'"),
    ("shock_policy_not_allowed.toml", "shocks[0].policy", "not allowed for kind 'recession'"),
    ("shock_unknown_policy.toml", "shocks[0].policy", "allowed: one of"),
    ("shock_size_out_of_range.toml", "shocks[0].size", "allowed: a number from -0.9 to 2"),
    ("shock_negative_month.toml", "shocks[0].month", "allowed: an integer >= 0"),
    ("shock_no_month.toml", "shocks[0].month", "missing"),
    ("shocks_not_tables.toml", "shocks", "[[shocks]]"),
]


@pytest.mark.parametrize("name,key,text", CASES, ids=[c[0] for c in CASES])
def test_bad_file_names_file_key_and_what_is_allowed(name, key, text):
    with pytest.raises(ScenarioError) as e:
        load_scenario(BAD / name)
    msg = str(e.value)
    assert e.value.key == key and e.value.file.endswith(name)
    assert msg.startswith(f"{BAD / name}: key '{key}': ")
    assert text in msg


def test_every_corpus_file_is_covered():
    covered = {c[0] for c in CASES} | {"broken.toml", "bad_parent.toml"}
    assert {f.name for f in BAD.glob("*.toml")} == covered


def test_error_str_format_exactly():
    with pytest.raises(ScenarioError) as e:
        load_scenario(BAD / "out_of_range.toml")
    assert (
        str(e.value) == f"{BAD / 'out_of_range.toml'}: key 'run.months': got -3, allowed: "
        "an integer from 1 to 1200"
    )
    assert isinstance(e.value, ValueError) and e.value.message.startswith("got -3")
    again = pickle.loads(pickle.dumps(e.value))
    assert (again.file, again.key, str(again)) == (e.value.file, e.value.key, str(e.value))


def test_broken_toml_names_file_and_line():
    with pytest.raises(ScenarioError) as e:
        load_scenario(BAD / "broken.toml")
    assert "broken.toml" in str(e.value) and "line 3" in str(e.value)


def test_missing_file_names_the_path(tmp_path):
    with pytest.raises(ScenarioError) as e:
        load_scenario(tmp_path / "nowhere.toml")
    assert "nowhere.toml" in str(e.value) and "no such" in str(e.value)


def test_missing_extends_names_referrer_and_target():
    with pytest.raises(ScenarioError) as e:
        load_scenario(BAD / "missing_extends.toml")
    assert e.value.file.endswith("missing_extends.toml")
    assert "no_such_parent.toml" in e.value.message


def test_non_utf8_file_is_an_error(tmp_path):
    f = tmp_path / "latin1.toml"
    f.write_bytes('description = "café"\n'.encode("latin-1"))
    with pytest.raises(ScenarioError, match="UTF-8") as e:
        load_scenario(f)
    assert "latin1.toml" in str(e.value)


def test_unknown_key_without_close_match_lists_the_section_keys():
    with pytest.raises(ScenarioError) as e:
        scenario_from_dict({"run": {"zzzzzzzz": 1}}, path="x.toml")
    assert e.value.key == "run.zzzzzzzz" and "months" in e.value.message
    assert str(e.value).startswith("x.toml: key 'run.zzzzzzzz': unknown key")


@pytest.mark.parametrize("p", _bounded(float) + _bounded(int), ids=lambda p: p.key)
def test_every_bound_is_enforced_inclusively(p):
    step = 1 if p.kind is int else max(abs(p.hi - p.lo) * 1e-6, 1e-9)
    assert coerce(p, p.kind(p.lo)) == p.lo and coerce(p, p.kind(p.hi)) == p.hi
    for bad in (p.lo - step, p.hi + step):
        with pytest.raises(ScenarioError) as e:
            scenario_from_dict({p.key: p.kind(bad)}, path="s.toml")
        assert e.value.key == p.key and "allowed" in str(e.value)


def test_float_param_accepts_int_and_rejects_bool_and_nan():
    p = _bounded(float)[0]
    value = math.ceil(p.lo) if math.ceil(p.lo) <= p.hi else None
    if value is not None:
        got = coerce(p, value)
        assert got == value and type(got) is float
    for bad in (True, float("nan"), float("inf"), "0.5", [0.5], 10**400):
        with pytest.raises(ScenarioError, match="allowed"):
            coerce(p, bad, file="f.toml")


def test_dict_input_accepts_flat_dotted_keys_and_rejects_duplicates():
    s = scenario_from_dict({"run.months": 24, "policies": {"wage_subsidy": {"enabled": True}}})
    assert s["run.months"] == 24 and s.policy_enabled("wage_subsidy") and s.name == "custom"
    with pytest.raises(ScenarioError, match="given twice"):
        scenario_from_dict({"run.months": 24, "run": {"months": 12}})
    with pytest.raises(ScenarioError):
        scenario_from_dict([1, 2])  # type: ignore[arg-type]


def test_dict_input_extends_is_relative_to_path():
    s = scenario_from_dict({"extends": "base.toml", "run": {"scale": 0.25}}, path=DATA / "ui.toml")
    assert s["run.months"] == 60 and s["run.scale"] == 0.25 and len(s.shocks) == 1


# --- overrides ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("run.months=12", ("run.months", 12)),
        (" run.months = 12 ", ("run.months", 12)),
        ("run.scale=1", ("run.scale", 1.0)),
        ("run.scale=0.5", ("run.scale", 0.5)),
        ("run.region=groningen", ("run.region", "groningen")),
        ('run.region="a b"', ("run.region", "a b")),
        ("run.region=2017", ("run.region", "2017")),
        ("run.region=regions/x=y.toml", ("run.region", "regions/x=y.toml")),
        ("policies.wage_subsidy.enabled=true", ("policies.wage_subsidy.enabled", True)),
    ],
)
def test_parse_override(text, expected):
    assert parse_override(text) == expected
    assert type(parse_override(text)[1]) is type(expected[1])


@pytest.mark.parametrize(
    "text,key,fragment",
    [
        ("run.months", None, "KEY=VALUE"),
        ("=12", None, "KEY=VALUE"),
        ("run.monthz=3", "run.monthz", "did you mean 'run.months'"),
        ("run.months=12.0", "run.months", "allowed: an integer"),
        ("run.months=abc", "run.months", "allowed: an integer"),
        ("run.months=0", "run.months", "from 1 to 1200"),
        ("run.scale=nan", "run.scale", "allowed"),
        ("policies.wage_subsidy.enabled=1", "policies.wage_subsidy.enabled", "true or false"),
        ("policies.wage_subsidy.enabled=yes", "policies.wage_subsidy.enabled", "true or false"),
    ],
)
def test_parse_override_errors(text, key, fragment):
    with pytest.raises(ScenarioError) as e:
        parse_override(text)
    assert e.value.file is None and e.value.key == key
    assert "--set" in str(e.value) and fragment in str(e.value)


def test_with_overrides_returns_a_validated_copy():
    base = load_scenario(DATA / "base.toml")
    s = base.with_overrides(["run.months=24", "policies.wage_subsidy.enabled=true"])
    t = base.with_overrides({"run.months": 24, "policies.wage_subsidy.enabled": True})
    assert s == t and s["run.months"] == 24 and base["run.months"] == 60
    assert s.shocks == base.shocks and s.path == base.path
    with pytest.raises(ScenarioError) as e:
        base.with_overrides({"run.months": 2.5})
    assert e.value.key == "run.months"
    with pytest.raises(ScenarioError, match="did you mean"):
        base.with_overrides({"run.mnths": 3})


def test_load_scenario_applies_overrides():
    s = load_scenario(DATA / "child.toml", overrides=["run.months=7"])
    assert s["run.months"] == 7 and s["run.scale"] == 0.5


def test_getitem_unknown_key_suggests():
    with pytest.raises(KeyError, match="run.months"):
        default_scenario()["run.month"]
    assert default_scenario().get("nope", 5) == 5
    with pytest.raises(KeyError):
        default_scenario().policy_enabled("no_such_policy")


# --- shocks ------------------------------------------------------------------------------


def test_shock_defaults_depend_on_kind():
    sizes = {
        k: Shock.from_dict(
            {"kind": k, "month": 0, **({"policy": POLICY_NAMES[0]} if k == "policy_stop" else {})}
        ).size
        for k in ("reshoring", "recession", "new_product_line", "policy_stop")
    }
    assert sizes == {
        "reshoring": 0.05,
        "recession": -0.06,
        "new_product_line": 0.03,
        "policy_stop": 0.0,
    }
    s = Shock.from_dict({"kind": "recession", "month": 5, "size": -0.2, "municipality": "Almere"})
    assert (s.sector, s.duration_months, s.municipality, s.size) == ("all", 0, "Almere", -0.2)
    with pytest.raises(ScenarioError, match="non-empty|empty"):
        Shock.from_dict({"kind": "recession", "month": 5, "sector": " "}, "f.toml", 3)


# --- output ------------------------------------------------------------------------------


def test_to_toml_round_trip_of_chain(tmp_path):
    s = load_scenario(DATA / "sub" / "grandchild.toml")
    f = tmp_path / "out.toml"
    f.write_text(s.to_toml(), encoding="utf-8")
    back = load_scenario(f)
    assert back == s and back.shocks == s.shocks and back.name == "grandchild"
    assert "[policies.wage_subsidy]\nenabled = true" in s.to_toml()
    assert "extends" not in s.to_toml()


def test_to_toml_round_trip_with_every_param_changed(tmp_path):
    changes = {k: _other_value(p) for k, p in PARAMS.items()}
    for k in changes:  # an instrument may not stop before it starts (start_month is 1)
        if k.endswith(".end_month"):
            changes[k] = 2
    shocks = [
        {
            "kind": "new_product_line",
            "month": 3,
            "sector": 'zorg "&" welzijn',
            "municipality": "Noordoostpolder",
        },
        {"kind": "policy_stop", "month": 9, "duration_months": 6, "policy": POLICY_NAMES[-1]},
    ]
    s = scenario_from_dict(
        {
            "name": "every key",
            "description": 'line 1\nline "2"\t\\ ü\x7f',
            **changes,
            "shocks": shocks,
        }
    )
    assert s.changed() == {k: v for k, v in changes.items() if v != PARAMS[k].default}
    text = s.to_toml()
    f = tmp_path / "all.toml"
    f.write_text(text, encoding="utf-8")
    assert load_scenario(f) == s
    assert all(load_scenario(f)[k] == v for k, v in s.values.items())


def test_to_dict_is_json_able():
    s = load_scenario(DATA / "sub" / "grandchild.toml")
    d = json.loads(json.dumps(s.to_dict()))
    assert d["values"]["run.months"] == 48 and d["shocks"][2]["policy"] == "wage_subsidy"
    assert d["name"] == "grandchild" and len(d["chain"]) == 3
    assert "policy" not in d["shocks"][0]


def test_scenario_is_hashable_and_equality_ignores_path(tmp_path):
    a = load_scenario(DATA / "base.toml")
    copy = tmp_path / "base.toml"
    shutil.copy(DATA / "base.toml", copy)
    b = load_scenario(copy)
    assert a == b and hash(a) == hash(b) and a.path != b.path
    assert a != a.with_overrides({"run.months": 61})
    assert isinstance(a, Scenario)


def test_docs_markdown_lists_every_key_by_section():
    md = scenario_docs_markdown()
    for key in PARAMS:
        assert f"`{key}`" in md
        assert f"## {key.split('.')[0]}" in md
    assert "## shocks" in md and "policy_stop" in md
    row = next(line for line in md.splitlines() if line.startswith("| `run.months`"))
    assert "from 1 to 1200" in row and row.count(" | ") == 5


hypothesis = pytest.importorskip("hypothesis")


@hypothesis.settings(max_examples=200, deadline=None)
@hypothesis.given(
    name=hypothesis.strategies.text(min_size=1).filter(str.strip), text=hypothesis.strategies.text()
)
def test_any_name_and_description_survive_to_toml(name, text):
    import tomllib

    s = scenario_from_dict(
        {
            "name": name,
            "description": text,
            "shocks": [{"kind": "recession", "month": 1, "sector": name}],
        }
    )
    back = scenario_from_dict(tomllib.loads(s.to_toml()))
    assert (back.name, back.description, back.shocks) == (name, text, s.shocks)


def test_title_and_description_in_two_languages(tmp_path):
    f = tmp_path / "two.toml"
    f.write_text(
        'name = "two"\ntitle = { en = "Status quo", nl = "Huidig beleid" }\n'
        'description = { en = "Today.", nl = "Vandaag." }\n'
    )
    s = load_scenario(f)
    assert (s.title_in("nl"), s.title_in("en")) == ("Huidig beleid", "Status quo")
    assert (s.description_in("nl"), s.description) == ("Vandaag.", "Today.")
    back = tmp_path / "back.toml"
    back.write_text(s.to_toml())
    again = load_scenario(back)
    assert again.title_in("nl") == "Huidig beleid" and again.description_in("nl") == "Vandaag."
    plain = tmp_path / "plain.toml"
    plain.write_text('title = "Only English"\n')
    assert load_scenario(plain).title_in("nl") == "Only English"  # falls back to English


@pytest.mark.parametrize(
    "text, key",
    [
        ('title = { de = "x" }', "title.de"),
        ('title = { nl = "" }', "title.nl"),
        ("description = 3", "description"),
    ],
)
def test_bad_scenario_texts_name_the_key(tmp_path, text, key):
    f = tmp_path / "bad.toml"
    f.write_text(text + "\n")
    with pytest.raises(ScenarioError) as e:
        load_scenario(f)
    assert e.value.key == key and str(f) in str(e.value)


def test_policy_that_starts_after_it_ends_is_refused_with_file_and_key(tmp_path):
    f = tmp_path / "window.toml"
    f.write_text("[policies.root_ball]\nenabled = true\nstart_month = 12\nend_month = 6\n")
    with pytest.raises(ScenarioError) as e:
        load_scenario(f)
    assert e.value.file == str(f) and e.value.key == "policies.root_ball.start_month"
    f.write_text("[policies.root_ball]\nstart_month = 6\nend_month = 6\n")
    assert load_scenario(f)["policies.root_ball.end_month"] == 6
    ok = load_scenario(f)
    with pytest.raises(ScenarioError, match="never run"):
        ok.with_overrides({"policies.root_ball.start_month": 7})
    assert (
        ok.with_overrides({"policies.root_ball.end_month": -1})["policies.root_ball.start_month"]
        == 6
    )
