"""Security (issue 8): input files are data, nothing untrusted is unpickled, the UI saves only
inside its folder and listens on loopback unless told otherwise, and the README says how to
secure a Dask cluster.
"""

from __future__ import annotations

import ast
import json
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from sim.scenario import default_scenario, load_scenario

from test_hardening_common import ROOT, Counts, kluit, toml_value

counts = Counts("security")

#: source folders of the project (not the virtualenv, not generated output)
SOURCE_DIRS = ("sim", "analysis", "kluit", "tests", "scripts", "notebooks", "docs")


@pytest.fixture(scope="module", autouse=True)
def _flush_counts():
    yield
    counts.flush()


def _python_sources():
    for d in SOURCE_DIRS:
        yield from sorted((ROOT / d).rglob("*.py"))
    yield from sorted(ROOT.glob("*.py"))


# --- input files are data --------------------------------------------------------------------


def _payloads(marker: Path) -> list[str]:
    m = marker.as_posix()
    return [
        f"__import__('os').system('touch {m}')",
        f"$(touch {m})",
        f"`touch {m}`",
        f"'; touch {m}; '",
        f"{{{{ ''.__class__.__mro__[1].__subclasses__() }}}} touch {m}",
        f"!!python/object/apply:os.system ['touch {m}']",
        f"exec(open('{m}', 'w').write('x'))",
    ]


def test_code_in_a_scenario_file_is_only_text(tmp_path):
    marker = tmp_path / "PWNED"
    for i, code in enumerate(_payloads(marker)):
        scen = tmp_path / f"code{i}.toml"
        scen.write_text(
            f"name = {toml_value(code)}\ndescription = {toml_value(code)}\n"
            '[run]\nregion = "synthetic:2:0"\n'
        )
        o = kluit("run", scen, "--scale", "0.005", "--months", "2", "--out", tmp_path / f"o{i}")
        assert o.rc == 0, str(o)
        assert load_scenario(scen).name == code
        summary = json.loads((tmp_path / f"o{i}" / "summary.json").read_text())
        assert summary["scenario"] == code
        counts["code strings kept as text"] += 1
    assert not marker.exists()


def test_code_as_a_region_or_override_is_a_missing_file_not_a_command(tmp_path):
    marker = tmp_path / "PWNED"
    for code in _payloads(marker):
        scen = tmp_path / "region_code.toml"
        scen.write_text(f"[run]\nregion = {toml_value(code)}\n")
        o = kluit("validate", scen)
        assert o.rc == 2 and "run.region" in o.err, str(o)
        o = kluit("validate", tmp_path / "region_code.toml", "--set", f"run.region={code}")
        assert o.rc == 2 and "Traceback" not in o.err, str(o)
        counts["code strings kept as text"] += 2
    assert not marker.exists()


def test_code_in_a_sweep_file_is_only_text(tmp_path):
    marker = tmp_path / "PWNED"
    base = (ROOT / "tests" / "data" / "sweeps" / "base.toml").as_posix()
    for i, code in enumerate(_payloads(marker)):
        sweep = tmp_path / f"sweep{i}.toml"
        sweep.write_text(
            f"name = {toml_value(code)}\ndescription = {toml_value(code)}\n"
            f'base = "{base}"\ndesign = "grid"\nreplications = 1\nmonths = 2\n'
            'scale = 0.01\noutcomes = ["placement_rate_12m"]\n'
            '[levers."labour_market.separation_rate"]\nvalues = [0.005, 0.01]\n'
        )
        o = kluit("sweep", sweep, "--dry-run", "--out", tmp_path / f"s{i}")
        assert o.rc in (0, 2) and "Traceback" not in o.err, str(o)
        counts["code strings kept as text"] += 1
    assert not marker.exists()


def test_no_eval_or_exec_of_input_in_the_code():
    """Input is parsed with tomllib only: no eval/exec/compile and no unsafe YAML loader."""
    offenders = []
    for path in _python_sources():
        if path.name.startswith("test_hardening"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                f = node.func
                name = (
                    f.id
                    if isinstance(f, ast.Name)
                    else f.attr
                    if isinstance(f, ast.Attribute)
                    else ""
                )
                if name in ("eval", "exec", "compile") and not (
                    isinstance(f, ast.Attribute) and name == "compile"
                ):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}()")
                if (
                    name in ("load", "unsafe_load")
                    and isinstance(f, ast.Attribute)
                    and isinstance(f.value, ast.Name)
                    and f.value.id == "yaml"
                ):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} yaml.{name}()")
    assert offenders == []


# --- no untrusted pickle -----------------------------------------------------------------------

#: ways to turn bytes into live objects
UNPICKLERS = re.compile(
    r"\b(pickle|cPickle|cloudpickle|dill|joblib|marshal|shelve)\s*\.\s*"
    r"(loads?|Unpickler|open)\b|\bread_pickle\s*\(|allow_pickle\s*=\s*True"
)
#: a use is trusted only where it says so on the same line, e.g. in a test that round-trips
#: an object it made itself: ``pickle.loads(pickle.dumps(e))  # trusted: our own bytes``
TRUSTED = re.compile(r"#.*trusted:|pickle\.loads\(pickle\.dumps\(")


def test_no_pickle_load_outside_a_documented_trusted_path():
    found, untrusted = 0, []
    for path in _python_sources():
        if path.name.startswith("test_hardening"):
            continue
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if UNPICKLERS.search(line):
                found += 1
                if not TRUSTED.search(line):
                    untrusted.append(f"{path.relative_to(ROOT)}:{lineno}: {line.strip()}")
    for nb in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        for lineno, line in enumerate(nb.read_text(encoding="utf-8").splitlines(), 1):
            if UNPICKLERS.search(line) and not TRUSTED.search(line):
                untrusted.append(f"{nb.relative_to(ROOT)}:{lineno}: {line.strip()[:120]}")
    counts["unpickling sites checked"] += found
    assert untrusted == [], "\n".join(untrusted)


def test_the_pickle_pattern_finds_what_it_should():
    for bad in (
        "pickle.load(f)",
        "x = pickle.loads(data)",
        "pd.read_pickle(path)",
        "np.load(p, allow_pickle=True)",
        "joblib.load('m')",
        "cloudpickle.loads(b)",
        "dill.load(f)",
        "marshal.loads(b)",
        "shelve.open('db')",
    ):
        assert UNPICKLERS.search(bad), bad
    for ok in ("pickle.dumps(x)", "np.load(p)", "json.loads(s)", "tomllib.load(f)"):
        assert not UNPICKLERS.search(ok), ok
    assert TRUSTED.search("again = pickle.loads(pickle.dumps(e.value))")


# --- the UI saves only inside its folder -------------------------------------------------------

try:
    from kluit.ui import state as ui_state
except ImportError:  # the UI extra is not installed
    ui_state = None
needs_ui = pytest.mark.skipif(ui_state is None, reason="the UI (issue 7) is not installed")

_PIECES = [
    "..",
    ".",
    "/",
    "\\",
    "//",
    "etc",
    "passwd",
    "~",
    "\0",
    "%2e%2e",
    "C:",
    "..\\..",
    "\u2025",
    "\uff0e\uff0e",
    " ",
    "\n",
    "con",
    "a b",
    "x.toml",
    ".hidden",
    "-rf",
    "*",
    "é",
    "🙂",
    "$HOME",
    "${IFS}",
    "|",
    ";",
    "'",
    '"',
]
_path_text = st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), max_size=8).map("".join)


def _tree(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


@needs_ui
@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    folder=_path_text
    | st.sampled_from(["../../etc", "/etc", "/tmp/x", "..\\..\\windows", "a/../../b", "~/.ssh"]),
    name=_path_text
    | st.sampled_from(
        ["../../etc/x", "/etc/passwd", "a\0b", "..", "../../../../tmp/evil.toml", "~root"]
    ),
)
def test_ui_saves_stay_inside_the_chosen_folder(folder, name):
    note(f"folder={folder!r} name={name!r}")
    scen = default_scenario().with_overrides({"run.months": 24})
    with tempfile.TemporaryDirectory() as tmp:
        top = Path(tmp)
        root = top / "save_here"
        root.mkdir()
        (top / "outside").mkdir()
        before = _tree(top)
        try:
            path = ui_state.save_scenario(scen, root, folder, name)
        except ui_state.SaveError as exc:
            counts["UI file names refused"] += 1
            assert str(exc)
            assert _tree(top) == before
            return
        counts["UI file names saved inside"] += 1
        assert path.resolve().is_relative_to(root.resolve()), path
        assert path.suffix == ".toml" and path.is_file()
        assert load_scenario(path).values == scen.values
        new = _tree(top) - before
        assert all(p.startswith("save_here/") for p in new), new
        assert not any(Path(p).name.startswith(".") for p in new), new


@needs_ui
def test_ui_save_refuses_a_link_out_of_the_folder(tmp_path):
    root, outside = tmp_path / "root", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (root / "sneaky").symlink_to(outside, target_is_directory=True)
    with pytest.raises(ui_state.SaveError):
        ui_state.save_scenario(default_scenario(), root, "sneaky", "plan")
    assert list(outside.iterdir()) == []
    counts["UI file names refused"] += 1


@needs_ui
def test_ui_save_does_not_overwrite_unless_asked(tmp_path):
    first = ui_state.save_scenario(default_scenario(), tmp_path, "", "plan")
    with pytest.raises(ui_state.SaveError):
        ui_state.save_scenario(default_scenario(), tmp_path, "", "plan")
    again = ui_state.save_scenario(default_scenario(), tmp_path, "", "plan", overwrite=True)
    assert first == again


# --- the UI listens on loopback unless told otherwise -----------------------------------------


@needs_ui
def test_ui_default_host_is_loopback():
    o = kluit("ui", "--dry-run", "--port", "0")
    assert o.rc == 0, str(o)
    assert "--host 127.0.0.1" in o.out


@needs_ui
@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.org", ""])
def test_ui_refuses_a_network_host_without_allow_remote(host):
    o = kluit("ui", "--host", host, "--dry-run", "--port", "0")
    assert o.rc == 2 and "--allow-remote" in o.err and "Traceback" not in o.err, str(o)
    assert o.out == ""  # no server command was given


@needs_ui
def test_ui_warns_when_allowed_on_the_network():
    o = kluit("ui", "--host", "0.0.0.0", "--allow-remote", "--dry-run", "--port", "0")
    assert o.rc == 0 and "warning" in o.err and "0.0.0.0" in o.err, str(o)


@needs_ui
@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_ui_loopback_hosts_need_no_flag(host):
    o = kluit("ui", "--host", host, "--dry-run", "--port", "0")
    assert o.rc == 0 and "warning" not in o.err, str(o)


# --- Dask ------------------------------------------------------------------------------------


def test_readme_says_how_to_secure_a_dask_cluster():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.lower().find("dask") :]
    assert "TLS" in section and "--tls-ca-file" in section and "--tls-cert" in section


@pytest.mark.xdist_group("dask")
def test_local_dask_listens_on_loopback_only():
    """``kluit sweep --local-dask``: scheduler and workers bind to 127.0.0.1."""
    backends = pytest.importorskip("analysis.backends")
    with backends.DaskBackend(None, workers=1) as b:
        addresses = [b.client.scheduler.address, *b.client.scheduler_info()["workers"]]
    assert all(a.startswith("tcp://127.0.0.1:") for a in addresses), addresses


def test_environment_does_not_leak_into_results(tmp_path, monkeypatch):
    """A secret in the environment is not written into result files or metadata."""
    secret = "hardening-secret-" + os.urandom(4).hex()
    monkeypatch.setenv("KLUIT_TEST_SECRET", secret)
    o = kluit(
        "run",
        ROOT / "scenarios" / "baseline.toml",
        "--scale",
        "0.005",
        "--months",
        "2",
        "--out",
        tmp_path,
    )
    assert o.rc == 0
    for p in tmp_path.rglob("*"):
        if p.is_file():
            assert secret not in p.read_text(errors="replace"), p
