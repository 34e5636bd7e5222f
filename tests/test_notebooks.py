"""Every notebook runs top to bottom (at a tiny scale) without an error."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))
#: what the notebooks read from the environment; tiny so the whole set runs in well under a minute
TINY = {
    "KLUIT_NOTEBOOK_SCALE": "0.01",
    "KLUIT_NOTEBOOK_WORKERS": "1",
    "KLUIT_NOTEBOOK_TRAJECTORIES": "2",
    "MPLBACKEND": "Agg",
}


@pytest.fixture(scope="module")
def kernel_name():
    """The python3 kernel of this interpreter; installed into the venv if it is missing."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec("python3")
        exe = spec.argv[0]
        if exe in ("python", "python3") or Path(exe).resolve() == Path(sys.executable).resolve():
            return "python3"
    except NoSuchKernel:
        pass
    import subprocess

    subprocess.run(
        [sys.executable, "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3"],
        check=True,
        capture_output=True,
    )
    return "python3"


def test_there_are_four_notebooks():
    names = [p.name for p in NOTEBOOKS]
    assert len(names) >= 4, names
    for prefix in ("01_", "02_", "03_", "04_"):
        assert any(n.startswith(prefix) for n in names), prefix


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, kernel_name, monkeypatch):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:  # shipped clean, so a diff shows the text, not stale outputs
        if cell.cell_type == "code":
            assert not cell.get("outputs") and cell.get("execution_count") is None, path.name
    for k, v in TINY.items():
        monkeypatch.setenv(k, v)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name=kernel_name, resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()  # raises CellExecutionError (with the cell and traceback) on an error
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
