"""Hostile files and output folders (issue 15): a clear message and exit 2, never a traceback,
a hang or half a result.

- input that is not a regular file (a folder, a FIFO, ``/dev/zero``, a file of gigabytes) is
  refused before it is read, by ``validate``, ``run``, ``compare`` and ``sweep``;
- ``--out`` that is a file, cannot be written or sits on a full disk is refused before any
  simulating (run, compare, sweep) or computing (analyse, calibrate, report); a non-empty
  ``--out`` needs ``--force``, and a sweep resumes only into its own folder (``kluit rerun``
  writes nothing: it has no ``--out``);
- results go to a temporary folder that is moved into place whole: a disk that fills up while
  writing leaves no ``monthly.csv`` without ``summary.json`` and no temporary folder;
- ``metadata.json`` of a sweep session that was stopped records the runs it finished.

Read-only folders: the tests run as root, for whom ``chmod`` changes nothing, so they use a
path under ``/proc`` (which nobody can create folders in) and, for the permission check itself,
a monkeypatched ``os.access``. A full disk is simulated by a writer that raises
``OSError(ENOSPC)`` and by a monkeypatched ``shutil.disk_usage``.
"""

from __future__ import annotations

import errno
import json
import os
import sys
import threading
from pathlib import Path

import pytest

import analysis.io
import analysis.report  # noqa: F401  (holds the writer by name: patched too)

from test_hardening_common import ROOT, assert_bad_input, assert_no_traceback, kluit

BASE_TEXT = '[run]\nregion = "synthetic:1:0"\nmonths = 2\nscale = 0.01\n'
SWEEP_DATA = ROOT / "tests" / "data" / "sweeps"
RUN_FILES = {"summary.json", "monthly.csv", "placements.csv"}
COMPARE_FILES = {"comparison.csv", "headline.csv", "monthly.csv", "summary.md", "report.html"}


@pytest.fixture
def base(tmp_path) -> Path:
    path = tmp_path / "base.toml"
    path.write_text(BASE_TEXT)
    return path


@pytest.fixture
def no_simulating(monkeypatch):
    """Any simulation fails the test: the checks must come first."""

    def boom(*a, **k):
        raise AssertionError("simulated although the output folder was refused")

    import analysis.calibrate
    import analysis.monitor
    import analysis.power
    import analysis.validation_report
    import kluit.commands.analyse
    import kluit.commands.compare
    import kluit.commands.run
    import kluit.commands.sweep

    monkeypatch.setattr(kluit.commands.run, "run_scenario", boom)
    monkeypatch.setattr(kluit.commands.compare, "compare", boom)
    monkeypatch.setattr(kluit.commands.sweep, "run_sweep", boom)
    monkeypatch.setattr(kluit.commands.analyse, "analyse", boom)
    monkeypatch.setattr(analysis.calibrate, "calibrate", boom)
    monkeypatch.setattr(analysis.validation_report, "write_validation_report", boom)
    monkeypatch.setattr(analysis.power, "power", boom)
    monkeypatch.setattr(analysis.monitor, "read_observed", lambda *a, **k: None)
    monkeypatch.setattr(analysis.monitor, "monitor", boom)


def _commands(base: Path, out: Path) -> dict[str, list]:
    return {
        "run": ["run", base, "--out", out],
        "compare": ["compare", base, base, "--reps", "1", "--out", out],
        "sweep": ["sweep", SWEEP_DATA / "grid_small.toml", "--workers", "1", "--out", out],
        # analyse reads a sweep folder: any folder will do, the output check comes first
        "analyse": ["analyse", SWEEP_DATA, "--out", out],
        "calibrate": ["calibrate", base, "--out", out],
        "report": ["report", "validation", "--out", out],
        "power": ["power", base, base, "--participants", "10", "--out", out],
        # the observed file is read after the output check (no_simulating stubs the reading)
        "monitor": ["monitor", base, base, "--out", out],
    }


#: every command that writes results into --out
OUT_COMMANDS = ["run", "compare", "sweep", "analyse", "calibrate", "report", "power", "monitor"]
#: the commands whose work is refused by the no_simulating fixture
COMPUTING_COMMANDS = ["analyse", "calibrate", "report", "power", "monitor"]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".old")))


# --- input that is not a regular file ------------------------------------------------------------


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "scenario.fifo"
    os.mkfifo(path)
    return path


def _huge(tmp_path: Path) -> Path:
    path = tmp_path / "huge.toml"
    with open(path, "wb") as f:  # a sparse file: 5 GB on paper, nothing on disk
        f.truncate(5 * 2**30)
    return path


INPUTS = {
    "folder": (lambda tmp: tmp, "is a folder"),
    "fifo": (_fifo, "FIFO"),
    "dev_zero": (lambda tmp: Path("/dev/zero"), "a device"),
    "huge": (_huge, "larger than"),
}


def _with_timeout(fn, seconds: float = 60):
    """Run ``fn`` in a thread; a hang (e.g. a FIFO opened for reading) fails the test."""
    box: dict = {}
    t = threading.Thread(target=lambda: box.setdefault("o", fn()), daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "kluit hung on its input"
    return box["o"]


@pytest.mark.parametrize("kind", sorted(INPUTS))
@pytest.mark.parametrize("command", ["validate", "run", "compare", "sweep"])
def test_input_that_is_not_a_regular_file_is_refused_before_reading(
    kind, command, tmp_path, base, no_simulating
):
    make, text = INPUTS[kind]
    path = make(tmp_path)
    argv = {
        "validate": ["validate", path],
        "run": ["run", path, "--out", tmp_path / "o"],
        "compare": ["compare", base, path, "--out", tmp_path / "o"],
        "sweep": ["sweep", path, "--out", tmp_path / "o"],
    }[command]
    o = _with_timeout(lambda: kluit(*argv))
    assert_bad_input(o, allowed=True, also=(text, str(path)))
    assert not (tmp_path / "o").exists()


def test_extends_and_region_that_are_devices_are_refused(tmp_path):
    scen = tmp_path / "s.toml"
    scen.write_text('[run]\nregion = "/dev/zero"\n')
    o = _with_timeout(lambda: kluit("validate", scen))
    assert_bad_input(o, file=scen, key="run.region", also=("a device",))
    fifo = _fifo(tmp_path)
    scen.write_text(f'extends = "{fifo}"\n')
    o = _with_timeout(lambda: kluit("validate", scen))
    assert_bad_input(o, file=scen, key="extends", also=("FIFO",))


def test_sweep_base_that_is_a_fifo_is_refused(tmp_path):
    os.mkfifo(tmp_path / "base.fifo")
    sweep = tmp_path / "s.toml"
    sweep.write_text(
        'base = "base.fifo"\ndesign = "grid"\noutcomes = ["placement_rate_12m"]\n'
        '[levers."labour_market.separation_rate"]\nvalues = [0.01, 0.02]\n'
    )
    o = _with_timeout(lambda: kluit("sweep", sweep, "--dry-run"))
    assert_bad_input(o, file=sweep, key="base", also=("FIFO",))


def test_deep_nesting_in_a_set_override_is_a_clear_error(base):
    o = kluit("validate", base, "--set", "run.months=" + "[" * 20000 + "]" * 20000)
    assert_bad_input(o, key="run.months", also=("nested too deeply",))


# --- --out checked before simulating -------------------------------------------------------------


@pytest.mark.parametrize("command", OUT_COMMANDS)
def test_out_that_is_a_file_is_refused_up_front(command, tmp_path, base, no_simulating):
    out = tmp_path / "results"
    out.write_text("not a folder")
    o = kluit(*_commands(base, out)[command])
    assert_bad_input(o, also=("--out", "is a file, not a folder"))
    assert out.read_text() == "not a folder"
    o = kluit(*_commands(base, out / "sub")[command])
    assert_bad_input(o, also=("--out", "is a file, not a folder"))


@pytest.mark.parametrize("command", OUT_COMMANDS)
def test_out_in_a_folder_nobody_can_write_is_refused_up_front(
    command, tmp_path, base, no_simulating
):
    """/proc takes no new folders, even from root."""
    o = kluit(*_commands(base, Path("/proc/kluit-test-results"))[command])
    assert_bad_input(o, also=("--out /proc/kluit-test-results", "cannot write to /proc"))


@pytest.mark.parametrize("command", OUT_COMMANDS)
def test_out_without_write_permission_is_refused_up_front(
    command, tmp_path, base, no_simulating, monkeypatch
):
    """As root, chmod cannot take away write permission: os.access says what a user sees."""
    real = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode, **k: False if Path(p) == tmp_path else real(p, mode, **k)
    )
    o = kluit(*_commands(base, tmp_path / "results")[command])
    assert_bad_input(o, also=("--out", "permission denied"))
    assert not (tmp_path / "results").exists()


@pytest.mark.parametrize("command", OUT_COMMANDS)
def test_out_on_a_full_disk_is_refused_up_front(
    command, tmp_path, base, no_simulating, monkeypatch
):
    import shutil

    monkeypatch.setattr(
        shutil,
        "disk_usage",
        lambda p: shutil._ntuple_diskusage(100 * 2**30, 100 * 2**30 - 4096, 4096),
    )
    o = kluit(*_commands(base, tmp_path / "results")[command])
    assert_bad_input(o, also=("--out", "full"))
    assert not (tmp_path / "results").exists()


@pytest.mark.parametrize("command", OUT_COMMANDS)
@pytest.mark.parametrize("bad, text", [("", "empty path"), ("x" * 5000, "File name too long")])
def test_out_that_is_no_usable_path_is_refused_up_front(
    command, bad, text, tmp_path, base, no_simulating, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    argv = [str(a) for a in _commands(base, Path("placeholder"))[command]]
    argv[argv.index("placeholder")] = bad
    o = kluit(*argv)
    assert_bad_input(o, also=("--out", text))


@pytest.mark.parametrize("command", ["run", "compare"])
def test_non_empty_out_is_refused_unless_force(command, tmp_path, base):
    out = tmp_path / "results"
    argv = _commands(base, out)[command]
    assert kluit(*argv).rc == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    o = kluit(*argv)
    assert_bad_input(o, also=("--out", "not empty", "--force"))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before, "refused, yet changed"
    o = kluit(*argv, "--force")
    assert o.rc == 0, str(o)
    assert {p.name for p in out.iterdir()} == set(before)
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("command", COMPUTING_COMMANDS)
def test_non_empty_out_is_refused_before_computing_unless_force(
    command, tmp_path, base, no_simulating
):
    out = tmp_path / "results"
    out.mkdir()
    (out / "notes.txt").write_text("my notes")
    o = kluit(*_commands(base, out)[command])
    assert_bad_input(o, also=("--out", "not empty", "--force"))
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    o = kluit(*_commands(base, out)[command], "--force")  # accepted: on to the computing
    assert "simulated although the output folder was refused" in o.err, str(o)
    assert _leftovers(tmp_path) == [] and [p.name for p in out.iterdir()] == ["notes.txt"]


def test_analyse_stages_its_files_and_needs_force_to_replace_them(tmp_path):
    """Into the sweep's own analysis folder: a second analysis needs --force, keeps other
    files and replaces the tables and figures whole."""
    sweep = tmp_path / "sweep"
    assert kluit("sweep", SWEEP_DATA / "grid_small.toml", "--workers", "1", "--out", sweep).rc == 0
    o = kluit("analyse", sweep)
    assert o.rc == 0, str(o)
    out = sweep / "analysis"
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    assert "means.csv" in first
    (out / "notes.txt").write_text("my notes")
    o = kluit("analyse", sweep)
    assert_bad_input(o, also=(f"--out {out}", "not empty", "--force"))
    (out / "stale.png").write_bytes(b"an old figure")
    o = kluit("analyse", sweep, "--force")
    assert o.rc == 0, str(o)
    assert {p.name for p in out.iterdir()} == set(first) | {"notes.txt"}
    assert (out / "notes.txt").read_text() == "my notes"
    assert _leftovers(sweep) == []


def _report_folder(root: Path) -> Path:
    """A docs/ folder: other documents and figures beside an earlier validation report."""
    docs = root / "docs"
    (docs / "figures").mkdir(parents=True)
    (docs / "model.md").write_text("the model")
    (docs / "figures" / "ui_explore.png").write_bytes(b"a screenshot")
    (docs / "validation.md").write_text("old report")
    (docs / "figures" / "validation_old.png").write_bytes(b"old figure")
    return docs


def _new_report(root: Path) -> Path:
    tmp = root / ".docs.new.tmp"
    (tmp / "figures").mkdir(parents=True)
    (tmp / "validation.md").write_text("new report")
    (tmp / "figures" / "validation_targets.png").write_bytes(b"new figure")
    return tmp


def test_report_replaces_its_own_files_in_docs_and_keeps_the_rest(tmp_path):
    from kluit.commands.common import _move_into_place
    from kluit.commands.report import report_result

    docs = _report_folder(tmp_path)
    _move_into_place(_new_report(tmp_path), docs, True, report_result)
    files = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.*")}
    assert files == {
        "model.md": b"the model",
        "figures/ui_explore.png": b"a screenshot",
        "validation.md": b"new report",
        "figures/validation_targets.png": b"new figure",
    }
    assert _leftovers(tmp_path) == []


def test_report_that_cannot_be_moved_into_docs_leaves_docs_as_it_was(tmp_path, monkeypatch):
    from kluit.commands.common import _move_into_place
    from kluit.commands.report import report_result

    docs = _report_folder(tmp_path)
    before = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.*")}
    tmp = _new_report(tmp_path)
    real = os.rename

    def rename(src, dst):
        if Path(src).name == "validation_targets.png" and Path(dst).parent.parent == docs:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(OSError):
        _move_into_place(tmp, docs, True, report_result)
    after = {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.*")}
    assert after == before
    assert not any(p.name.endswith(".old") for p in tmp_path.iterdir())


def test_compare_into_a_run_folder_replaces_it_whole(tmp_path, base):
    """--force never mixes the files of a run and a comparison in one folder."""
    out = tmp_path / "results"
    assert kluit(*_commands(base, out)["run"]).rc == 0
    o = kluit(*_commands(base, out)["compare"], "--force")
    assert o.rc == 0, str(o)
    assert {p.name for p in out.iterdir()} == COMPARE_FILES


def test_force_never_deletes_files_kluit_did_not_write(tmp_path, base):
    """--out . --force (or out/ holding other runs) replaces the results, keeps the rest."""
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("my notes")
    (out / "other_run").mkdir()
    assert kluit("run", base, "--out", out, "--force").rc == 0
    assert {p.name for p in out.iterdir()} == RUN_FILES | {"notes.txt", "other_run"}
    o = kluit(*_commands(base, out)["compare"], "--force")
    assert o.rc == 0, str(o)
    assert {p.name for p in out.iterdir()} == COMPARE_FILES | {"notes.txt", "other_run"}
    assert (out / "notes.txt").read_text() == "my notes"
    assert _leftovers(tmp_path) == []


def test_full_disk_with_force_into_a_shared_folder_keeps_everything(tmp_path, base, monkeypatch):
    out = tmp_path / "shared"
    out.mkdir()
    (out / "notes.txt").write_text("my notes")
    assert kluit("run", base, "--out", out, "--force").rc == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    _disk_fills_at(monkeypatch, "summary.json")
    o = kluit("run", base, "--out", out, "--force", "--seed", "9")
    assert_bad_input(o, also=("No space left on device",))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert _leftovers(tmp_path) == []


def test_empty_out_folder_is_used(tmp_path, base):
    out = tmp_path / "empty"
    out.mkdir()
    o = kluit("run", base, "--out", out)
    assert o.rc == 0, str(o)
    assert {p.name for p in out.iterdir()} == RUN_FILES


def test_sweep_refuses_a_non_sweep_folder_and_resumes_its_own(tmp_path):
    out = tmp_path / "sweep"
    out.mkdir()
    (out / "summary.json").write_text("{}")
    sweep = SWEEP_DATA / "grid_small.toml"
    o = kluit("sweep", sweep, "--workers", "1", "--out", out)
    assert_bad_input(o, also=("not empty", "no sweep metadata"))
    other = tmp_path / "sweep2"
    assert kluit("sweep", sweep, "--workers", "1", "--out", other).rc == 0
    o = kluit("sweep", sweep, "--workers", "1", "--out", other)
    assert o.rc == 0 and "8 from an earlier session" in o.out, str(o)


# --- a disk that fills up while writing -----------------------------------------------------------


def _disk_fills_at(monkeypatch, name: str) -> None:
    """The writer raises ENOSPC for the file ``name`` (after the others were written)."""
    real = analysis.io.atomic_write_bytes

    def write(path, data):
        if Path(path).name == name:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(path, data)

    for mod in list(sys.modules.values()):  # every module that holds the writer by name
        if getattr(mod, "atomic_write_bytes", None) is real:
            monkeypatch.setattr(mod, "atomic_write_bytes", write)


@pytest.mark.parametrize("command,last", [("run", "summary.json"), ("compare", "report.html")])
def test_full_disk_while_writing_leaves_nothing_partial(command, last, tmp_path, base, monkeypatch):
    out = tmp_path / "results"
    _disk_fills_at(monkeypatch, last)
    o = kluit(*_commands(base, out)[command])
    assert_bad_input(o, also=("--out", "No space left on device", "nothing was written"))
    assert not out.exists(), "a half-written result folder was left behind"
    assert _leftovers(tmp_path) == []


def test_full_disk_with_force_keeps_the_earlier_results(tmp_path, base, monkeypatch):
    out = tmp_path / "results"
    assert kluit(*_commands(base, out)["run"]).rc == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    _disk_fills_at(monkeypatch, "summary.json")
    o = kluit(*_commands(base, out)["run"], "--force", "--seed", "9")
    assert_bad_input(o, also=("No space left on device",))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert _leftovers(tmp_path) == []


def test_full_disk_during_a_sweep_is_a_clear_error_and_resumable(tmp_path, monkeypatch):
    from analysis.store import SweepStore

    real = SweepStore.write_run
    written = []

    def write_run(self, run, outcomes, monthly):
        if len(written) >= 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(run.key)
        return real(self, run, outcomes, monthly)

    monkeypatch.setattr(SweepStore, "write_run", write_run)
    out = tmp_path / "sweep"
    sweep = SWEEP_DATA / "grid_small.toml"
    o = kluit("sweep", sweep, "--workers", "1", "--batch", "1", "--out", out)
    assert_bad_input(o, also=("--out", "No space left on device", "finished runs are kept"))
    meta = json.loads((out / "metadata.json").read_text())
    assert meta["sessions"][-1]["done"] == 3 and meta["sessions"][-1]["interrupted"]
    monkeypatch.setattr(SweepStore, "write_run", real)
    o = kluit("sweep", sweep, "--workers", "1", "--out", out)
    assert o.rc == 0 and "3 from an earlier session" in o.out, str(o)


# --- metadata of a stopped sweep session ----------------------------------------------------------


def test_a_stopped_sweep_session_records_the_runs_it_finished(tmp_path, monkeypatch):
    """A session killed without warning (SIGKILL) cannot write at the end: it writes its
    progress while it runs, and the next session settles the count from the folder."""
    import analysis.sweep as sw
    from analysis.sweep import load_sweep, run_sweep

    monkeypatch.setattr(sw, "METADATA_EVERY_SECONDS", 0.0)
    sweep = load_sweep(SWEEP_DATA / "grid_small.toml")
    out = tmp_path / "sweep"

    class Killed(BaseException):
        pass

    def stop_after_three(report):
        if report.done >= 3:
            raise Killed

    with pytest.raises(Killed):
        run_sweep(sweep, out, progress=stop_after_three, batch_size=1)
    meta = json.loads((out / "metadata.json").read_text())
    assert meta["sessions"][0]["done"] == 3
    # as if killed before it could say so: the next session finds the truth in the folder
    meta["sessions"][0].update(done=0, interrupted=False)
    (out / "metadata.json").write_text(json.dumps(meta))
    report = run_sweep(sweep, out, batch_size=1)
    assert (report.skipped, report.done) == (3, 5)
    sessions = json.loads((out / "metadata.json").read_text())["sessions"]
    assert [s["done"] for s in sessions] == [3, 5]
    assert sessions[0]["interrupted"] is True and sessions[1]["finished"] is not None


# --- scenario as a folder, textbook statement -----------------------------------------------------


@pytest.mark.parametrize("command", ["validate", "run", "compare"])
def test_a_folder_given_as_the_scenario_says_it_is_a_folder(command, tmp_path, base):
    argv = {
        "validate": ["validate", tmp_path],
        "run": ["run", tmp_path, "--out", tmp_path / "o"],
        "compare": ["compare", base, tmp_path, "--out", tmp_path / "o"],
    }[command]
    o = kluit(*argv)
    assert_bad_input(o, also=("is a folder",))
    assert "not found" not in o.err


def test_textbook_scenario_states_the_discrete_steady_state():
    from sim.scenario import load_scenario

    scen = load_scenario(ROOT / "scenarios" / "validation" / "textbook.toml")
    for lang in ("en", "nl"):
        text = scen.description_in(lang)
        assert "u* = s(1-f)/(s(1-f)+f)" in text, text
    assert "u* = s/(s+f)" not in scen.description_in("en")
    assert_no_traceback(kluit("validate", ROOT / "scenarios" / "validation" / "textbook.toml"))


def test_a_failed_move_into_a_shared_folder_puts_the_earlier_results_back(
    tmp_path, base, monkeypatch
):
    """The last step (renaming the new files in) fails half way: the earlier results return."""
    out = tmp_path / "shared"
    out.mkdir()
    (out / "notes.txt").write_text("my notes")
    assert kluit("run", base, "--out", out, "--force").rc == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real = os.rename

    def rename(src, dst, *a, **k):
        if Path(src).parent.name.endswith(".tmp") and Path(dst).name == "placements.csv":
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real(src, dst, *a, **k)

    monkeypatch.setattr(os, "rename", rename)
    o = kluit("run", base, "--out", out, "--force", "--seed", "9")
    assert_bad_input(o, also=("--out", "nothing was written"))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert _leftovers(tmp_path) == []
