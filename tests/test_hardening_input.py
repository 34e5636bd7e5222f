"""Bad input never crashes Kluit (issue 8): scenario files, region files, --set and options.

Every input gives either exit 0 with a valid result, or exit 2 with a message that names the
file, the key and what is allowed; never a traceback. Hypothesis generates the inputs (one
deliberate fault each, so the test knows which key the message must name); the corpus under
``tests/data/bad/`` keeps the cases that once went wrong or are easy to get wrong by hand.
Runs go through ``kluit.cli.main`` in this process (milliseconds each) and a few through the
installed ``kluit`` executable.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

from kluit.cli import COMMANDS
from sim.params import all_params
from sim.region import DEFAULT_SECTORS, MAX_COUNT, MAX_SYNTHETIC_MUNICIPALITIES
from sim.scenario import _META, SHOCK_KINDS

from test_hardening_common import (
    ROOT,
    Counts,
    assert_bad_input,
    assert_no_traceback,
    consistent,
    kluit,
    region_text,
    toml_text,
    toml_value,
)

PARAMS = all_params()
KEYS = list(PARAMS)
SECTIONS = {k.rsplit(".", i)[0] for k in PARAMS for i in range(1, k.count(".") + 1)}
DATA = ROOT / "tests" / "data"
BAD = DATA / "bad"
FLEVOLAND_NAMES = ["Almere", "Lelystad", "Dronten", "Noordoostpolder", "Urk", "Zeewolde"]
SMALL_REGIONS = ["synthetic:1:0", "synthetic:3:0", "synthetic:2:7", "flevoland"]
#: keys naming a file (or region) that is read relative to the scenario that was run: their
#: mistakes name that scenario, even when a parent sets them
FILE_KEYS = ("run.region", "forecasting.employer_survey", "run.burn_in_scenario")
BAD_REGION_SPECS = [
    "synthetic:0:0",
    f"synthetic:{MAX_SYNTHETIC_MUNICIPALITIES + 1}:1",
    "synthetic:-2:0",
    "synthetic:a:b",
    "synthetic:1:2:3",
    "synthetic:2:-1",
    "",
    "   ",
    "no_such_region.toml",
    "sub/none.toml",
    "a\0b",
    ".",
    "..",
    "__import__('os').system('true')",
]
#: a run in the property tests: tiny and short; the file's own run.* keys are overridden
RUN_OPTS = ("--scale", "0.005", "--months", "6", "--check")

#: KLUIT_HARDENING_FACTOR=10 tries ten times as many inputs (a longer bug hunt)
FACTOR = float(os.environ.get("KLUIT_HARDENING_FACTOR", "1"))


def hyp(examples: int):
    """Hypothesis settings of these tests: ``examples`` inputs, no deadline (runs vary)."""
    return settings(
        max_examples=max(1, round(examples * FACTOR)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


counts = Counts("input")


@pytest.fixture(scope="module", autouse=True)
def _flush_counts():
    yield
    counts.flush()


# --- value strategies ------------------------------------------------------------------------


def valid_value(p):
    """Values the registry accepts for ``p``."""
    if p.kind is bool:
        return st.booleans()
    if p.kind is int:
        return st.integers(int(p.lo), int(p.hi))
    if p.kind is float:
        floats = st.floats(p.lo, p.hi, allow_nan=False, allow_infinity=False)
        ints = st.integers(math.ceil(p.lo), math.floor(p.hi))
        return floats | ints if math.ceil(p.lo) <= math.floor(p.hi) else floats
    if p.choices:
        return st.sampled_from(p.choices)
    if p.key in ("forecasting.employer_survey", "run.burn_in_scenario"):
        # a survey names municipalities of one region, a burn-in scenario a file: none here
        return st.just("")
    assert p.key == "run.region", p.key  # the only other free string
    return st.sampled_from(SMALL_REGIONS)


_WRONG_TYPE = st.one_of(
    st.text(max_size=10),
    st.lists(st.integers(-3, 3), max_size=2),
    st.fixed_dictionaries({"value": st.integers(0, 9)}),
    st.dates(),
)
_NON_FINITE = st.sampled_from([math.nan, math.inf, -math.inf])


def invalid_value(p):
    """Values the registry must reject for ``p`` (wrong type, out of range, NaN, huge)."""
    if p.kind is bool:
        return _WRONG_TYPE | st.integers(-2, 2) | st.floats() | st.sampled_from(["true", "yes"])
    if p.kind is str:
        if p.choices:
            return st.text(max_size=10).filter(lambda s: s not in p.choices) | st.integers()
        if p.key == "forecasting.employer_survey":
            return st.sampled_from(["nope.csv", "../no/survey.csv"]) | st.integers()
        if p.key == "run.burn_in_scenario":  # '' is valid: the scenario itself
            bad_files = [s for s in BAD_REGION_SPECS if s] + ["bad_burn_in.toml"]
            return st.sampled_from(bad_files) | st.integers() | st.booleans() | st.floats()
        return st.sampled_from(BAD_REGION_SPECS) | st.integers() | st.booleans() | st.floats()
    opts = [_WRONG_TYPE, _NON_FINITE, st.booleans()]
    lo, hi = p.lo, p.hi
    if p.kind is int:
        opts.append(st.floats(allow_nan=False))  # 12.0 is not an integer either
        opts.append(st.integers(max_value=int(lo) - 1))
        opts.append(st.integers(min_value=int(hi) + 1))
        opts.append(
            st.sampled_from([10**30, -(10**30), 2**63, 10**400]).filter(lambda v: not lo <= v <= hi)
        )
    else:
        opts.append(st.floats(max_value=lo, allow_nan=False).filter(lambda v: v < lo))
        opts.append(st.floats(min_value=hi, allow_nan=False).filter(lambda v: v > hi))
        opts.append(
            st.sampled_from([1e308, -1e308, 10**400, -(10**30)]).filter(lambda v: not lo <= v <= hi)
        )
    return st.one_of(opts)


def first_unknown(key: str) -> str | None:
    """The part of a dotted key the loader complains about: its first unknown prefix."""
    parts = key.split(".")
    for i in range(1, len(parts) + 1):
        prefix = ".".join(parts[:i])
        if prefix in PARAMS:
            return prefix if i < len(parts) else None
        if prefix not in SECTIONS:
            return prefix
    return None


_ident = st.from_regex(r"[a-z_][a-z0-9_]{0,10}", fullmatch=True)


@st.composite
def unknown_key(draw):
    """A typo in a real key's last part, or a made-up dotted key."""
    if draw(st.booleans()):
        real = draw(st.sampled_from(KEYS))
        head, _, leaf = real.rpartition(".")
        i = draw(st.integers(0, len(leaf)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        c = draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz_"))
        leaf = {
            "insert": leaf[:i] + c + leaf[i:],
            "delete": leaf[:i] + leaf[i + 1 :],
            "replace": leaf[:i] + c + leaf[i + 1 :],
        }[op] or "x"
        key = f"{head}.{leaf}" if head else leaf
    else:
        key = ".".join(draw(st.lists(_ident, min_size=1, max_size=3)))
    bad = first_unknown(key)
    assume(bad is not None and key.split(".")[0] not in _META)
    assume(not any(key.startswith(k + ".") for k in PARAMS))
    return key, bad


def valid_shock(draw, months: int, region: str, i: int) -> dict:
    kind = draw(st.sampled_from(SHOCK_KINDS))
    shock = {"kind": kind, "month": draw(st.integers(0, months))}
    if draw(st.booleans()):
        shock["duration_months"] = draw(st.integers(0, 36))
    if kind == "policy_stop":
        shock["policy"] = draw(
            st.sampled_from([k.split(".")[1] for k in KEYS if k.endswith(".enabled")])
        )
    else:
        if draw(st.booleans()):
            shock["size"] = draw(st.floats(-0.9, 2.0, allow_nan=False))
        if draw(st.booleans()):
            shock["sector"] = draw(st.sampled_from(["all", *DEFAULT_SECTORS]))
        if region == "flevoland" and draw(st.booleans()):
            shock["municipality"] = draw(st.sampled_from(["all", *FLEVOLAND_NAMES]))
    return shock


SHOCK_FAULTS = {  # field -> bad values
    "kind": ["earthquake", 3, "", True],
    "month": [-1, 1.5, "3", math.nan, 10**20],
    "duration_months": [-1, 2.5, "long"],
    "size": [-0.95, 2.5, math.nan, math.inf, "big", True],
    "sector": ["mining", "", 7],
    "municipality": ["Atlantis", " ", 7],
    "policy": ["wage_subsidie", 1],
    "sectr": ["all"],  # unknown field
}


@st.composite
def scenario_case(draw, shock_months: int | None = None):
    """(files {name: bytes}, top file name, expectation dict) with at most one fault.

    ``shock_months`` bounds the months of the valid shocks (a run shorter than the file's).
    """
    keys = draw(st.lists(st.sampled_from(KEYS), unique=True, max_size=8))
    # valid together too: no policy starts after it ends, no minimum above its maximum
    data = consistent({k: draw(valid_value(PARAMS[k])) for k in keys})
    months = data.get("run.months", PARAMS["run.months"].default)
    months = months if shock_months is None else min(months, shock_months)
    region = data.get("run.region", "flevoland")
    shocks = [valid_shock(draw, months, region, i) for i in range(draw(st.integers(0, 2)))]
    fault = draw(
        st.sampled_from(
            [
                "none",
                "value",
                "value",
                "unknown_key",
                "broken_toml",
                "not_utf8",
                "missing_extends",
                "cycle",
                "parent_value",
                "shock",
                "name",
            ]
        )
    )
    sections = draw(st.booleans())
    expect: dict = {"fault": fault}
    files: dict[str, bytes] = {}
    top = "scenario.toml"

    def text(d, shock_list):
        body = toml_text(d, sections=sections)
        return body + "".join(
            "\n[[shocks]]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in s.items())
            for s in shock_list
        )

    if fault in ("value", "parent_value"):
        key = draw(st.sampled_from(KEYS))
        bad = draw(invalid_value(PARAMS[key]))
        data[key] = bad
        expect["key"] = key
        if key in FILE_KEYS and isinstance(bad, str):
            expect["file"] = top  # the scenario that was run (even if a parent sets it)
        if key == "run.burn_in_scenario" and bad == "bad_burn_in.toml":
            # a file that exists but is no valid scenario: the message names it too
            files[bad] = b"[labour_market]\nseparation_rate = 7\n"
            expect["text"] = "labour_market.separation_rate"
    if fault == "parent_value":
        files["parent.toml"] = text(data, shocks).encode()
        files[top] = b'extends = "parent.toml"\n'
        expect.setdefault("file", "parent.toml")
        return files, top, expect
    if fault == "unknown_key":
        key, bad = draw(unknown_key())
        data[key] = draw(valid_value(PARAMS[draw(st.sampled_from(KEYS))]))
        expect["key"] = bad
    if fault == "shock":
        field = draw(st.sampled_from(sorted(SHOCK_FAULTS)))
        value = draw(st.sampled_from(SHOCK_FAULTS[field]))
        shocks.append(
            {"kind": "policy_stop" if field == "policy" else "recession", "month": 0, field: value}
        )
        if field == "month" and shock_months is not None and value == 10**20:
            value = shocks[-1]["month"] = shock_months + 1  # after the run, not after 1e20
        expect["key"] = f"shocks[{len(shocks) - 1}].{field}"
    if fault == "name":
        data_name = draw(st.sampled_from([3, "", "  ", [1], {"a": 1}, math.nan]))
        body = f"name = {toml_value(data_name)}\n" + text(data, shocks)
        files[top] = body.encode()
        expect["key"] = "name"
        return files, top, expect
    body = text(data, shocks)
    if fault == "broken_toml":
        lines = body.splitlines()
        at = draw(st.integers(0, len(lines)))
        junk = draw(
            st.sampled_from(
                [
                    "x = ",
                    "[run",
                    'k = "unterminated',
                    "= 3",
                    "a = 1\na = 2",
                    "t = {",
                    "v = 1 2",
                    "[[shocks",
                    "x = [1,",
                    "'''",
                ]
            )
        )
        body = "\n".join([*lines[:at], junk, *lines[at:]]) + "\n"
        expect["text"] = "not valid TOML"
    if fault == "missing_extends":
        target = (
            draw(
                st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True).filter(
                    lambda t: t not in ("scenario", "parent")
                )
            )
            + ".toml"
        )
        body = f'extends = "{target}"\n' + body
        expect["key"] = "extends"
        expect["text"] = target
    if fault == "cycle":
        ring = draw(st.integers(1, 3))
        names = [f"ring{i}.toml" for i in range(ring)]
        for i, name in enumerate(names):
            files[name] = f'extends = "{names[(i + 1) % ring]}"\n'.encode()
        body = f'extends = "{names[0]}"\n' + body
        expect["key"] = "extends"
        expect["text"] = "extends cycle"
    raw = body.encode()
    if fault == "not_utf8":
        lines = raw.split(b"\n")
        at = draw(st.integers(0, len(lines)))
        bad = draw(st.sampled_from([b"\xff", b"\xfe\xff", b"\xc3\x28", b"\xe9"]))
        raw = b"\n".join([*lines[:at], b"# " + bad, *lines[at:]])
        expect["text"] = "not UTF-8"
    files[top] = raw
    return files, top, expect


def write_files(folder: Path, files: dict[str, bytes]) -> None:
    for name, raw in files.items():
        (folder / name).write_bytes(raw)


def check_expectation(o, folder: Path, top: str, expect: dict) -> None:
    if expect["fault"] == "none":
        assert_no_traceback(o)
        assert o.rc == 0, str(o)
        return
    file = expect.get("file", top)
    assert_bad_input(
        o,
        file=None if file is None else folder / file,
        key=expect.get("key"),
        also=(expect["text"],) if "text" in expect else (),
    )


# --- scenario files ----------------------------------------------------------------------------


@hyp(400)
@given(case=scenario_case())
def test_generated_scenario_files_validate_or_fail_clearly(case):
    files, top, expect = case
    note(f"{expect}\n{files[top][:2000]!r}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_files(folder, files)
        o = kluit("validate", folder / top)
        counts["scenario files tried (validate)"] += 1
        counts[f"exit {o.rc}"] += 1
        check_expectation(o, folder, top, expect)


@hyp(80)
@given(case=scenario_case(shock_months=6), seed=st.integers(0, 2**63 - 1))
def test_generated_scenario_files_run_or_fail_clearly(case, seed):
    """``kluit run --check``: a valid file runs with its invariants checked every month."""
    files, top, expect = case
    note(f"{expect}\n{files[top][:2000]!r}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_files(folder, files)
        o = kluit("run", folder / top, *RUN_OPTS, "--seed", seed, "--out", folder / "out")
        counts["scenario files tried (run)"] += 1
        check_expectation(o, folder, top, expect)
        if o.rc == 0:
            counts["valid runs with --check"] += 1
            summary = json.loads((folder / "out" / "summary.json").read_text())
            assert summary["months"] == 6 and summary["scale"] == 0.005
            assert summary["seed"] == seed
            monthly = pd.read_csv(folder / "out" / "monthly.csv")
            assert not monthly["value"].isna().any(), "NaN in monthly.csv"


# --- --set overrides ---------------------------------------------------------------------------


@st.composite
def set_case(draw):
    """(--set text, expectation): valid, bad value, unknown key or random text."""
    kind = draw(
        st.sampled_from(["valid", "bad_value", "bad_value", "unknown_key", "junk", "no_equals"])
    )
    if kind in ("valid", "bad_value"):
        key = draw(st.sampled_from(KEYS))
        p = PARAMS[key]
        value = draw(valid_value(p) if kind == "valid" else invalid_value(p))
        if kind == "valid":  # valid with the defaults of the other keys too
            value = consistent({key: value})[key]
        raw = (
            value
            if (p.kind is str and isinstance(value, str) and draw(st.booleans()))
            else toml_value(value)
        )
        space = draw(st.sampled_from(["", " "]))
        return f"{key}{space}={space}{raw}", {"kind": kind, "key": key}
    if kind == "unknown_key":
        key, _ = draw(unknown_key())
        value = draw(st.sampled_from(["1", "true", "0.5", '"x"', "flevoland"]))
        return f"{key}={value}", {"kind": kind, "key": key}
    if kind == "no_equals":
        return draw(st.text(max_size=20).filter(lambda s: "=" not in s)), {"kind": kind}
    return draw(st.text(max_size=40)), {"kind": kind}


@hyp(300)
@given(sets=st.lists(set_case(), min_size=1, max_size=3))
def test_set_overrides_apply_or_fail_clearly(sets, tmp_path_factory):
    base = tmp_path_factory.getbasetemp() / "set_base.toml"
    base.write_text('[run]\nregion = "synthetic:2:0"\n')
    argv = ["validate", base]
    for text, _ in sets:
        argv += ["--set", text]
    note(repr(argv))
    o = kluit(*argv)
    counts["--set overrides tried"] += len(sets)
    counts[f"exit {o.rc}"] += 1
    assert_no_traceback(o)
    bad = [e for _, e in sets if e["kind"] != "valid"]
    if not bad:
        assert o.rc == 0, str(o)
        return
    if all(e["kind"] == "junk" for e in bad) and o.rc == 0:
        return  # random text may be a valid override
    # overrides are parsed in order, but a bad run.region only fails when the region loads,
    # so the message may be about any of the bad ones
    assert_bad_input(o)
    if not any(e["kind"] == "junk" for e in bad):
        named = [e["key"] for e in bad if "key" in e] + ["KEY=VALUE"] * any(
            e["kind"] == "no_equals" for e in bad
        )
        assert any(n in o.err for n in named), str(o)


# --- command-line options ----------------------------------------------------------------------

_junk = st.text(alphabet=st.characters(categories=["L", "P", "Zs"]), max_size=8).filter(
    lambda s: s.strip().lower() not in ("",)
)
OPTION_VALUES = {  # option -> (valid, invalid)
    "--scale": (
        st.sampled_from(["0.0005", "0.001", "0.003", "5e-4"]),
        st.sampled_from(
            ["0", "-1", "0.0001", "2.5", "nan", "inf", "-inf", "1e999", "", "abc", "0,01", "1/100"]
        )
        | _junk,
    ),
    "--months": (
        st.integers(1, 4).map(str),
        st.sampled_from(
            ["0", "-1", "1.5", "1e3", "", "abc", "nan", "5000", "12 months", str(10**30)]
        )
        | _junk,
    ),
    "--seed": (
        st.integers(0, 2**63 - 1).map(str),
        st.sampled_from(["-1", "abc", "1.0", "", str(2**63), str(10**40), "0x10"]) | _junk,
    ),
}


@hyp(150)
@given(
    opts=st.dictionaries(st.sampled_from(sorted(OPTION_VALUES)), st.booleans(), min_size=1),
    data=st.data(),
)
def test_run_options_are_checked(opts, data, tmp_path_factory):
    base = tmp_path_factory.getbasetemp() / "opt_base.toml"
    # no burn-in: the options' checks are under test, and a valid set must simply run
    base.write_text('[run]\nregion = "synthetic:1:0"\nburn_in_months = 0\n')
    argv, bad = ["run", base, "--out", tmp_path_factory.getbasetemp() / "opt_out", "--force"], []
    for opt, valid in opts.items():
        good_values, bad_values = OPTION_VALUES[opt]
        argv += [opt, data.draw(good_values if valid else bad_values, label=opt)]
        if not valid:
            bad.append(opt)
    if "--months" not in opts:
        argv += ["--months", "2"]
    note(repr(argv))
    o = kluit(*argv)
    counts["option sets tried"] += 1
    counts[f"exit {o.rc}"] += 1
    assert_no_traceback(o)
    if not bad:
        assert o.rc == 0, str(o)
    else:
        assert o.rc == 2, str(o)
        named = [opt for opt in bad if opt in o.err]
        named += ["run.months"] * ("run.months" in o.err)  # --months 5000: the registry's range
        assert named, str(o)
        assert any(w in o.err for w in ("allowed", "expected one argument")), str(o)


@pytest.mark.parametrize(
    "argv,option",
    [
        (["run", "{base}", "--scale", "0", "--out", "{out}"], "--scale"),
        (["run", "{base}", "--months", "-1", "--out", "{out}"], "--months"),
        (["run", "{base}", "--seed", "abc", "--out", "{out}"], "--seed"),
        (["compare", "{base}", "--reps", "0", "--out", "{out}"], "--reps"),
        (["compare", "{base}", "--reps", "-3", "--out", "{out}"], "--reps"),
        (["compare", "{base}", "--reps", "two", "--out", "{out}"], "--reps"),
        (["run", "{base}", "--out", "{out}", "--scale"], "--scale"),
        (["run", "{base}", "--no-such-option", "--out", "{out}"], "unrecognized arguments"),
        (["run"], "scenario"),
        (["frobnicate"], "invalid choice"),
        (["run", "{missing}", "--out", "{out}"], "scenario file not found"),
        (["compare", "{base}", "{missing}", "--out", "{out}"], "scenario file not found"),
        (["validate", "{missing}"], "no such scenario file"),
    ],
)
def test_named_bad_options(argv, option, tmp_path):
    base = tmp_path / "base.toml"
    base.write_text('[run]\nregion = "synthetic:1:0"\nmonths = 2\n')
    fmt = {"base": base, "missing": tmp_path / "missing.toml", "out": tmp_path / "out"}
    o = kluit(*[a.format(**fmt) for a in argv])
    counts["named option cases"] += 1
    assert_bad_input(o, allowed=False, also=(option,))
    assert not (tmp_path / "out").exists()


# --- region files ------------------------------------------------------------------------------

REGION_FAULTS = (
    "none",
    "none",
    "disconnected",
    "value",
    "unknown_key",
    "duplicate_name",
    "link_unknown",
    "link_self",
    "link_minutes",
    "only_external",
    "huge",
)


@st.composite
def region_case(draw):
    """(region text, expectation) for 1-4 municipalities and 0-1 outside job areas."""
    n = draw(st.integers(1, 4))
    n_ext = draw(st.integers(0, 1))
    rows = []
    for i in range(n):
        pop = draw(st.integers(50, 60_000) | st.floats(50, 60_000))
        row = {
            "name": f"M{i + 1}",
            "population": pop,
            "jobs": draw(st.integers(0, 40_000)),
            "establishments": draw(st.integers(0, 4000)),
        }
        if draw(st.booleans()):
            row["social_assistance"] = draw(st.integers(0, int(pop * 0.1)))
        if draw(st.booleans()):
            lf = draw(st.integers(1, int(pop)))
            row["labour_force"] = lf
            if draw(st.booleans()):
                row["unemployed"] = draw(st.integers(0, lf))
        rows.append(row)
    for e in range(n_ext):
        rows.append({"name": f"X{e + 1}", "external": True, "jobs": draw(st.integers(0, 5000))})
    links = []
    for i in range(1, len(rows)):  # a random spanning tree: connected
        j = draw(st.integers(0, i - 1))
        links.append(
            {
                "from": rows[j]["name"],
                "to": rows[i]["name"],
                "minutes": draw(st.floats(0.5, 180, allow_nan=False) | st.integers(1, 180)),
            }
        )
    fault = draw(st.sampled_from(REGION_FAULTS))
    expect = {"fault": fault}
    if fault == "disconnected":
        if len(rows) < 2:
            fault = expect["fault"] = "none"
        else:
            lone = rows[-1]["name"]
            links = [lk for lk in links if lone not in (lk["from"], lk["to"])]
            expect.update(key="municipality[", text="unreachable")
    if fault == "value":
        i = draw(st.integers(0, n - 1))
        field = draw(
            st.sampled_from(
                ["population", "jobs", "establishments", "social_assistance", "labour_force"]
            )
        )
        rows[i][field] = draw(
            st.sampled_from([-1, -0.5, math.nan, math.inf, "many", True, [1], MAX_COUNT + 1, 1e300])
        )
        expect["key"] = f"municipality[{rows[i]['name']}].{field}"
    if fault == "unknown_key":
        i = draw(st.integers(0, len(rows) - 1))
        rows[i]["populaton"] = 1000
        expect["key"] = f"municipality[{rows[i]['name']}].populaton"
    if fault == "duplicate_name":
        if n < 2:
            fault = expect["fault"] = "none"
        else:
            rows[1]["name"] = rows[0]["name"]
            links = [
                lk | {"from": rows[0]["name"]}
                if lk["from"] == "M2"
                else lk | {"to": rows[0]["name"]}
                if lk["to"] == "M2"
                else lk
                for lk in links
            ]
            expect.update(key=f"municipality[{rows[0]['name']}].name", text="duplicate")
    if fault == "link_unknown":
        links.append({"from": rows[0]["name"], "to": "Atlantis", "minutes": 10})
        expect["key"] = f"link[{len(links)}].to"
    if fault == "link_self":
        links.append({"from": rows[0]["name"], "to": rows[0]["name"], "minutes": 10})
        expect["key"] = f"link[{len(links)}].to"
    if fault == "link_minutes":
        if not links:
            fault = expect["fault"] = "none"
        else:
            k = draw(st.integers(0, len(links) - 1))
            links[k]["minutes"] = draw(st.sampled_from([0, -3, math.nan, math.inf, "far"]))
            expect["key"] = f"link[{k + 1}].minutes"
    if fault == "only_external":
        rows = [r for r in rows if r.get("external")] or [
            {"name": "X1", "external": True, "jobs": 10}
        ]
        links = []
        expect.update(key="municipality", text="empty region")
    if fault == "huge":
        for r in rows:
            if not r.get("external"):
                r["population"] = MAX_COUNT  # each allowed, the sum of several not
        if n < 2:
            rows[0]["jobs"] = MAX_COUNT * 3
        expect["key"] = "municipality"
    return region_text(draw(st.sampled_from(["Testland", "Zuid", "Polder 2"])), rows, links), expect


def _region_scenario(folder: Path, region: str) -> Path:
    (folder / "region.toml").write_text(region, encoding="utf-8")
    scen = folder / "scenario.toml"
    scen.write_text('[run]\nregion = "region.toml"\n')
    return scen


def _check_region(o, folder: Path, expect: dict) -> None:
    if expect["fault"] == "none":
        assert_no_traceback(o)
        assert o.rc == 0, str(o)
    else:
        assert_bad_input(
            o,
            file=folder / "region.toml",
            key=expect.get("key"),
            also=(expect["text"],) if "text" in expect else (),
        )


@hyp(200)
@given(case=region_case())
def test_generated_region_files_validate_or_fail_clearly(case):
    region, expect = case
    note(f"{expect}\n{region}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        o = kluit("validate", _region_scenario(folder, region))
        counts["region files tried (validate)"] += 1
        counts[f"exit {o.rc}"] += 1
        _check_region(o, folder, expect)


@hyp(40)
@given(case=region_case(), seed=st.integers(0, 1000))
def test_generated_region_files_run_or_fail_clearly(case, seed):
    region, expect = case
    note(f"{expect}\n{region}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        scen = _region_scenario(folder, region)
        o = kluit(
            "run",
            scen,
            "--scale",
            "0.01",
            "--months",
            "13",
            "--check",
            "--seed",
            seed,
            "--out",
            folder / "out",
        )
        counts["region files tried (run)"] += 1
        _check_region(o, folder, expect)
        if o.rc == 0:
            counts["valid runs with --check"] += 1


# --- the corpus --------------------------------------------------------------------------------


def _header(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in path.read_bytes().decode("latin-1").splitlines():
        m = re.match(r"#\s*expect-(key|text|file):\s*(.*?)\s*$", line)
        if m:
            out.setdefault(m.group(1), []).append(m.group(2).replace("\\\\", "\\"))
    return out


CORPUS = sorted(BAD.glob("*/*.toml"))
OLD_SCENARIOS = sorted((DATA / "scenarios" / "bad").glob("*.toml"))
OLD_REGIONS = sorted(
    p for p in (DATA / "regions").glob("*.toml") if p.stem not in ("good_two", "single")
)


def test_corpus_is_there_and_every_file_says_what_to_expect():
    assert len(CORPUS) >= 60
    for path in CORPUS:
        h = _header(path)
        assert h.get("key") or h.get("text"), f"{path}: no '# expect-key:' or '# expect-text:'"


def _corpus_target(path: Path, tmp_path: Path) -> tuple[Path, Path | None]:
    """(scenario file to give kluit, file the message must name)."""
    h = _header(path)
    if path.parent.name == "regions" or path.parent == DATA / "regions":
        scen = tmp_path / "wrap.toml"
        scen.write_text(f"[run]\nregion = {toml_value(str(path))}\n")
        return scen, path
    named = h.get("file", [path.name])[0]
    return path, None if named == "-" else Path(os.path.normpath(path.parent / named))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.name}")
@pytest.mark.parametrize("command", ["validate", "run"])
def test_corpus_file_is_rejected_clearly(path, command, tmp_path):
    scen, named = _corpus_target(path, tmp_path)
    h = _header(path)
    extra = (
        ("--scale", "0.005", "--months", "3", "--out", tmp_path / "out") if command == "run" else ()
    )
    o = kluit(command, scen, *extra)
    counts[f"corpus files tried ({command})"] += 1
    for key in h.get("key", [None]):
        assert_bad_input(o, file=named, key=key, also=tuple(h.get("text", ())))
    assert not (tmp_path / "out" / "summary.json").exists()


@pytest.mark.parametrize(
    "path", OLD_SCENARIOS + OLD_REGIONS, ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_older_corpora_are_rejected_clearly_by_the_command(path, tmp_path):
    """tests/data/scenarios/bad and the bad files of tests/data/regions, through the CLI."""
    scen, named = _corpus_target(path, tmp_path)
    o = kluit("validate", scen)
    counts["corpus files tried (validate)"] += 1
    # the parent's error names the parent, which lives in the same folder
    assert_bad_input(
        o, file=named if named is not None and path.parent.name == "regions" else path.parent
    )


# --- through the installed executable ------------------------------------------------------------

KLUIT = Path(sys.executable).with_name("kluit")


@pytest.mark.parametrize(
    "args,rc",
    [
        (["validate", str(BAD / "scenarios" / "nul_in_extends.toml")], 2),
        (["validate", str(BAD / "scenarios" / "region_synthetic_huge.toml")], 2),
        (["run", str(BAD / "scenarios" / "latin1_text.toml"), "--out", "{tmp}"], 2),
        (["validate", str(DATA / "scenarios" / "bad" / "bad_parent.toml")], 2),
        (
            [
                "run",
                str(ROOT / "scenarios" / "baseline.toml"),
                "--scale",
                "0.005",
                "--months",
                "2",
                "--set",
                "policies.wage_subsidy.enabled=maybe",
                "--out",
                "{tmp}",
            ],
            2,
        ),
        (
            [
                "run",
                str(ROOT / "scenarios" / "baseline.toml"),
                "--scale",
                "0.005",
                "--months",
                "2",
                "--check",
                "--out",
                "{tmp}",
            ],
            0,
        ),
    ],
)
def test_the_executable_exits_cleanly(args, rc, tmp_path):
    proc = subprocess.run(
        [str(KLUIT), *[a.format(tmp=tmp_path) for a in args]],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    counts["subprocess calls"] += 1
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == rc, proc.stderr
    if rc == 2:
        assert proc.stderr.startswith("kluit: error: ") and len(proc.stderr.splitlines()) == 1


# --- regressions: bugs these tests found (fixed in 5f5e895 unless marked xfail) ------------


def test_shock_checked_against_the_region_reads_like_other_errors():
    path = BAD / "scenarios" / "shock_unknown_sector.toml"
    o = kluit("validate", path)
    assert_bad_input(o, file=path, key="shocks[0].sector")
    assert o.err.startswith(f"kluit: error: {path}: key 'shocks[0].sector': got 'mining'"), o.err


@pytest.mark.parametrize("name", ["region_synthetic_zero", "region_missing_file"])
def test_run_region_mistake_names_the_scenario_file(name):
    path = BAD / "scenarios" / f"{name}.toml"
    o = kluit("validate", path)
    assert_bad_input(o, file=path, key="run.region")


@pytest.mark.parametrize("months", [1, 2, 3])
def test_shortest_allowed_ww_duration_runs(months, tmp_path):
    """WW lasts at least 3 months; shorter maxima are refused with the key, 3 runs."""
    o = kluit(
        "run",
        ROOT / "scenarios" / "baseline.toml",
        "--scale",
        "0.005",
        "--months",
        "6",
        "--set",
        f"labour_market.ww_max_months={months}",
        "--out",
        tmp_path,
    )
    assert_no_traceback(o)
    if months < 3:
        assert o.rc == 2 and "labour_market.ww_max_months" in o.err, str(o)
    else:
        assert o.rc == 0, str(o)


def test_no_social_ties_runs(tmp_path):
    o = kluit(
        "run",
        ROOT / "scenarios" / "baseline.toml",
        "--scale",
        "0.005",
        "--months",
        "3",
        "--set",
        "population.ties_per_person=0",
        "--out",
        tmp_path,
    )
    assert_no_traceback(o)
    assert o.rc == 0, str(o)


def test_region_without_jobs_runs_or_is_rejected(tmp_path):
    (tmp_path / "region.toml").write_text(
        'name = "Dormitory"\n[[municipality]]\nname = "M1"\npopulation = 16967.0\n'
        "jobs = 0\nestablishments = 0\n"
    )
    scen = tmp_path / "scenario.toml"
    scen.write_text('[run]\nregion = "region.toml"\n')
    o = kluit(
        "run", scen, "--scale", "0.01", "--months", "13", "--seed", "0", "--out", tmp_path / "out"
    )
    assert_no_traceback(o)


# --- sweep files -------------------------------------------------------------------------------

SWEEP_BASE = DATA / "sweeps" / "base.toml"
NUMERIC_KEYS = [
    k
    for k in KEYS
    if PARAMS[k].kind in (int, float) and not k.startswith("run.") and PARAMS[k].lo < PARAMS[k].hi
]
SWEEP_FAULTS = {  # fault -> (edit of the sweep dict, expected key)
    "unknown_top": (lambda d: d.update(replication=2), "replication"),
    "design": (lambda d: d.update(design="factorial"), "design"),
    "replications_zero": (lambda d: d.update(replications=0), "replications"),
    "replications_float": (lambda d: d.update(replications=2.0), "replications"),
    "months": (lambda d: d.update(months=0), "months"),
    "months_huge": (lambda d: d.update(months=10**9), "months"),
    "scale": (lambda d: d.update(scale=math.nan), "scale"),
    "seed": (lambda d: d.update(master_seed=-1), "master_seed"),
    "outcomes_empty": (lambda d: d.update(outcomes=[]), "outcomes"),
    "outcomes_unknown": (lambda d: d.update(outcomes=["placement_rate_12"]), "outcomes[0]"),
    "outcomes_twice": (
        lambda d: d.update(outcomes=["vacancy_rate", "vacancy_rate"]),
        "outcomes[1]",
    ),
    "outcomes_string": (lambda d: d.update(outcomes="vacancy_rate"), "outcomes"),
    "base_missing": (lambda d: d.update(base="nowhere.toml"), "base"),
    "base_empty": (lambda d: d.update(base=" "), "base"),
    "base_number": (lambda d: d.update(base=3), "base"),
    "constants_unknown": (
        lambda d: d.update(constants={"labour_market.separaton_rate": 0.1}),
        "constants.labour_market.separaton_rate",
    ),
    "constants_reserved": (lambda d: d.update(constants={"run.seed": 3}), "constants.run.seed"),
    "constants_bad": (
        lambda d: d.update(constants={"labour_market.separation_rate": 9.0}),
        "constants.labour_market.separation_rate",
    ),
    "constants_not_table": (lambda d: d.update(constants=3), "constants"),
    "no_factors": (lambda d: (d.pop("levers", None), d.pop("uncertainties", None)), "levers"),
    "factor_unknown_key": (
        lambda d: d.update(levers={"policies.magic.level": {"values": [1], "low": 0, "high": 1}}),
        "levers.policies.magic.level",
    ),
    "factor_reserved": (
        lambda d: d.update(levers={"run.months": {"values": [1, 2], "low": 1, "high": 2}}),
        "levers.run.months",
    ),
    "factor_not_table": (
        lambda d: d.update(levers={"matching.referral_boost": 3}),
        "levers.matching.referral_boost",
    ),
}


@st.composite
def sweep_case(draw):
    """(sweep dict, expectation) for a small sweep with at most one fault."""
    design = draw(st.sampled_from(["grid", "latin", "sobol", "morris"]))
    data: dict = {
        "name": draw(st.text(min_size=1, max_size=12).filter(str.strip)),
        "base": SWEEP_BASE.as_posix(),
        "design": design,
        "replications": draw(st.integers(1, 3)),
        "months": draw(st.integers(1, 24)),
        "scale": draw(st.sampled_from([0.01, 0.05, 0.3])),
        "master_seed": draw(st.integers(0, 2**63 - 1)),
        "outcomes": draw(
            st.lists(
                st.sampled_from(
                    [
                        "placement_rate_12m",
                        "relapse_rate_12m",
                        "public_cost_eur",
                        "unemployment_rate",
                        "vacancy_rate",
                    ]
                ),
                min_size=1,
                max_size=3,
                unique=True,
            )
        ),
    }
    if design != "grid":
        data["samples"] = draw(
            st.sampled_from([2, 4, 8]) if design == "sobol" else st.integers(1, 6)
        )
    keys = draw(st.lists(st.sampled_from(NUMERIC_KEYS), min_size=1, max_size=3, unique=True))
    factors = {}
    for k in keys:
        p = PARAMS[k]
        if design == "grid":
            factors[k] = {
                "values": draw(
                    st.lists(valid_value(p), min_size=1, max_size=3, unique_by=lambda v: float(v))
                )
            }
        elif p.kind is int:
            lo = draw(st.integers(int(p.lo), int(p.hi) - 1))
            factors[k] = {"low": lo, "high": draw(st.integers(lo + 1, int(p.hi)))}
        else:
            lo = draw(st.floats(p.lo, p.hi, allow_nan=False, exclude_max=True))
            hi = draw(st.floats(lo, p.hi, allow_nan=False, exclude_min=True))
            factors[k] = {"low": lo, "high": hi}
    split = draw(st.integers(0, len(keys)))
    data["levers"] = {k: factors[k] for k in keys[:split]}
    data["uncertainties"] = {k: factors[k] for k in keys[split:]}
    fault = draw(st.sampled_from(["none", "none", "factor_value", *SWEEP_FAULTS]))
    expect = {"fault": fault}
    if fault == "factor_value":
        section = "levers" if split else "uncertainties"
        key = keys[0]
        p = PARAMS[key]
        if design == "grid":
            data[section][key] = {"values": [draw(invalid_value(p))]}
            expect["key"] = f"{section}.{key}.values[0]"
        else:
            field = draw(st.sampled_from(["low", "high"]))
            data[section][key] = {
                **data[section][key],
                field: draw(st.sampled_from([math.nan, math.inf, "low", True, p.lo - 1, p.hi + 1])),
            }
            expect["key"] = f"{section}.{key}"
    elif fault != "none":
        edit, key = SWEEP_FAULTS[fault]
        edit(data)
        expect["key"] = key
    return data, expect


def sweep_text(data: dict) -> str:
    lines = [
        f"{k} = {toml_value(v)}"
        for k, v in data.items()
        if k not in ("levers", "uncertainties", "constants")
    ]
    if "constants" in data and not isinstance(data["constants"], dict):
        lines.append(f"constants = {toml_value(data['constants'])}")
    elif "constants" in data:
        lines += [
            "",
            "[constants]",
            *(f"{toml_value(k)} = {toml_value(v)}" for k, v in data["constants"].items()),
        ]
    for section in ("levers", "uncertainties"):
        for key, spec in data.get(section, {}).items():
            if isinstance(spec, dict):
                lines += [
                    "",
                    f"[{section}.{toml_value(key)}]",
                    *(f"{f} = {toml_value(v)}" for f, v in spec.items()),
                ]
            else:
                lines += ["", f"[{section}]", f"{toml_value(key)} = {toml_value(spec)}"]
    return "\n".join(lines) + "\n"


@hyp(250)
@given(case=sweep_case())
def test_generated_sweep_files_plan_or_fail_clearly(case):
    """``kluit sweep --dry-run`` checks a sweep file without running it."""
    data, expect = case
    text = sweep_text(data)
    note(f"{expect}\n{text}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "sweep.toml").write_text(text, encoding="utf-8")
        o = kluit("sweep", folder / "sweep.toml", "--dry-run", "--out", folder / "out")
        counts["sweep files tried (dry run)"] += 1
        counts[f"exit {o.rc}"] += 1
        assert not (folder / "out").exists(), "a dry run wrote results"
        if expect["fault"] == "none":
            assert_no_traceback(o)
            assert o.rc == 0, str(o)
        else:
            assert_bad_input(o, file=folder / "sweep.toml", key=expect["key"])


def test_a_sweep_too_large_to_plan_is_rejected_up_front(tmp_path):
    (tmp_path / "big.toml").write_text(
        f'name = "big"\nbase = "{SWEEP_BASE.as_posix()}"\ndesign = "latin"\n'
        "samples = 1000000\nreplications = 1000\nmonths = 2\nscale = 0.01\n"
        'outcomes = ["placement_rate_12m"]\n[levers."labour_market.separation_rate"]\n'
        "low = 0.001\nhigh = 0.01\n"
    )
    code = (
        "import resource, sys\nresource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from kluit.cli import main\n"
        f"sys.exit(main(['sweep', {str(tmp_path / 'big.toml')!r}, '--workers', '1', "
        f"'--out', {str(tmp_path / 'out')!r}]))\n"
    )
    p = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=600, cwd=ROOT
    )
    assert "Traceback" not in p.stderr, p.stderr[-2000:]
    assert p.returncode == 2, p.stderr[-2000:]


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_help_text_prints_as_written(command, capsys):
    """``kluit [COMMAND] --help`` exits 0 and shows no argparse escapes (a doubled '%')."""
    from kluit.cli import main

    with pytest.raises(SystemExit) as exc:
        main([*([command] if command else []), "--help"])
    assert exc.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("usage: kluit") and "%%" not in text and "%(" not in text, text
