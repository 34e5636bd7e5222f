"""Every file the repository's texts refer to exists in the repository.

The code, scenario files, documents and notebooks cite sources and point readers to other files
(``docs/sources.md``, ``sim/defaults.py``, ``[validation](validation.md)``). A reference to a
file that is not in the repository (a file on one developer's machine, a renamed document) is a
dead end for the next reader, so this test fails on it.

What counts as a reference (see :func:`references`):

- a path with a directory that starts at a top-level folder of the repository
  (``docs/model.md``, ``sim/policies/base.py``), or a document path that starts at ``./`` or
  ``../`` (``../docs/model.md``; other relative paths such as ``extends = "../baseline.toml"``
  are examples relative to a scenario file, and the security tests' ``../../etc`` are meant not
  to exist);
- a bare document name ending in ``.md`` (``README.md``, ``model.md``): some file of that name
  must exist in the repository;
- the target of a Markdown link ``[text](target)``, relative to the file that holds it;
- any mention of a folder outside the repository that holds project files (``shared/``).

Not references: URLs, glob patterns and templates (``scenarios/*.toml``, ``out/{name}``), and
paths under folders that runs create (``out/``, ``results/``).
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: file kinds whose text is checked
SUFFIXES = {".py", ".md", ".toml", ".ipynb", ".txt", ".cfg"}
NAMES = {"Makefile"}
#: folders never scanned (tools' and runs' output)
SKIP_DIRS = {
    ".git",
    ".venv",
    "__pycache__",
    "out",
    "build",
    ".pytest_cache",
    ".hypothesis",
    ".ipynb_checkpoints",
    "node_modules",
}
#: folders that runs create: paths under them are outputs, not references
OUTPUT_DIRS = ("out/", "results/", "runs/")
#: files that hold deliberately broken references: the bad-input corpus and this test's own
#: planted examples
SKIP_FILES_UNDER = ("tests/data/bad/", "tests/test_references.py")
#: the missing file the old texts cited (spelled in two parts so this file does not cite it)
OLD_FACTS = "DOMAIN" + ".md"  # spelled in two parts so this file does not cite it
#: the bare document names the programs write (reports beside their inputs), not repository files
GENERATED_DOCS = {"calibration.md", "power.md", "report.md", "summary.md", "validation_report.md"}

_TOP = ("sim", "analysis", "kluit", "tests", "docs", "scenarios", "scripts", "notebooks")
_PATH = re.compile(
    r"(?<![\w/.:~-])"  # not inside a longer word, path or URL
    r"((?:\.\.?/)+[\w.\-/]*[\w\-/]|(?:" + "|".join(_TOP) + r")/[\w.\-/]*[\w\-/])"
)
_BARE_MD = re.compile(r"(?<![\w/.\-])([A-Za-z][\w\-]*\.md)\b")
_MD_LINK = re.compile(r"\]\(([^)\s]+)\)")
_OUTSIDE = re.compile(re.escape(OLD_FACTS) + r"|(?:\.\./|/work/)shared\b")
_TEMPLATE = re.compile(r"[*?\[\]{}<>$%]")


def repository_files(root: Path = ROOT) -> list[Path]:
    """The repository's text files to check (tracked by git, or on disk without git)."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True
        ).stdout.decode()
        paths = [root / p for p in out.split("\0") if p]
        paths += [
            root / p
            for p in subprocess.run(
                ["git", "ls-files", "-z", "--others", "--exclude-standard"],
                cwd=root,
                capture_output=True,
                check=True,
            )
            .stdout.decode()
            .split("\0")
            if p
        ]
    except (OSError, subprocess.CalledProcessError):
        paths = [p for p in root.rglob("*") if not SKIP_DIRS & set(p.relative_to(root).parts)]
    keep = []
    for p in paths:
        rel = p.relative_to(root).as_posix()
        if (
            p.is_file()
            and (p.suffix in SUFFIXES or p.name in NAMES)
            and not SKIP_DIRS & set(Path(rel).parts)
            and not rel.startswith(SKIP_FILES_UNDER)
        ):
            keep.append(p)
    return sorted(set(keep))


def _text(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".ipynb":  # the cells' sources, not the stored outputs
        try:
            nb = json.loads(text)
        except json.JSONDecodeError:
            return text
        return "\n".join("".join(c.get("source", "")) for c in nb.get("cells", []))
    return text


def references(text: str) -> list[tuple[int, str, str]]:
    """(line number, kind, reference) of every file reference in ``text``.

    ``kind`` is ``"outside"`` (a folder outside the repository), ``"path"`` (relative to the
    repository root or to the file), ``"md"`` (a bare document name) or ``"link"`` (a Markdown
    link target, relative to the file).
    """
    found = []
    for n, line in enumerate(text.splitlines(), 1):
        for m in _OUTSIDE.finditer(line):
            found.append((n, "outside", m.group(0)))
        for m in _MD_LINK.finditer(line):
            target = m.group(1).split("#")[0]
            if target and "://" not in target and not target.startswith("mailto:"):
                found.append((n, "link", target))
        for m in _PATH.finditer(line):
            ref = m.group(1).rstrip(".-")
            after = line[m.end() : m.end() + 1]
            if _TEMPLATE.search(after) or ref.endswith("/") and after in "*{<":
                continue  # a glob or a template: scenarios/*.toml, out/{name}
            found.append((n, "path", ref))
        for m in _BARE_MD.finditer(line):
            found.append((n, "md", m.group(1)))
    return found


def missing_references(
    path: Path, root: Path = ROOT, md_names: set[str] | None = None
) -> list[str]:
    """Messages for every reference in ``path`` to a file that does not exist in ``root``."""
    if md_names is None:
        md_names = {p.name for p in repository_files(root) if p.suffix == ".md"}
    rel = path.relative_to(root).as_posix()
    bad = []
    for n, kind, ref in references(_text(path)):
        where = f"{rel}:{n}"
        if kind == "outside":
            bad.append(f"{where}: {ref!r} is outside the repository; cite docs/sources.md")
            continue
        if _TEMPLATE.search(ref) or ref.startswith(OUTPUT_DIRS):
            continue
        if kind == "md":
            if ref not in md_names and ref not in GENERATED_DOCS:
                bad.append(f"{where}: no document named {ref!r} in the repository")
            continue
        if kind == "path" and ref.startswith(".") and not ref.endswith(".md"):
            continue  # ./ and ../ elsewhere are examples relative to a scenario or a sandbox
        candidates = [path.parent / ref]
        if kind == "path" and not ref.startswith("."):
            candidates.append(root / ref)
        if not any(_exists_inside(c, root) for c in candidates):
            bad.append(f"{where}: {ref!r} does not exist in the repository")
    return bad


def _exists_inside(p: Path, root: Path) -> bool:
    try:
        resolved = p.resolve()
        resolved.relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    if resolved.exists():
        return True
    # a Python module named by its path without the suffix (sim/policies/base)
    return resolved.with_suffix(".py").exists()


def test_no_reference_to_a_missing_file():
    files = repository_files()
    assert len(files) > 50, "the scan found too few files: is ROOT right?"
    md_names = {p.name for p in files if p.suffix == ".md"}
    bad = [msg for p in files for msg in missing_references(p, ROOT, md_names)]
    assert not bad, "references to files that are not in the repository:\n" + "\n".join(bad)


@pytest.mark.parametrize(
    "line, expect_bad",
    [
        (f"See {OLD_FACTS} for the figures.", True),
        (f"figures in ../shared/{OLD_FACTS}", True),
        (f"rows of ../../{OLD_FACTS}", True),
        ("source: /work/shared/STYLE.md", True),
        ("see docs/nowhere.md for more", True),
        ("see `docs/model.md`, section 2", False),
        ("see docs/sources.md.", False),
        ("in sim/policies/base.py: hooks", False),
        ("module sim/policies/base", False),
        ("see ../docs/no_such_doc.md", True),
        ("[the model](../docs/model.md)", False),
        ('extends = "../baseline.toml"', False),
        ("the [model](model.md) and the [missing](missing_doc.md)", True),
        ("as explained in STYLE.md, example 4", True),
        ("run kluit compare scenarios/policies/*.toml", False),
        ("results in out/compare/summary.csv", False),
        ("https://example.org/docs/nowhere.md and www.example.org/x", False),
        ("written to out/{name}/monthly.csv", False),
        ("a calibration.md beside the scenario", False),
        ("load scenarios/policies/no_such_policy.toml", True),
        ("the oracle in sim/processes/no_such_module.py", True),
    ],
)
def test_reference_check_flags_planted_bad_references(line, expect_bad):
    """The check itself fails on a planted bad reference and passes good ones (it can fail)."""
    doc = ROOT / "docs" / "_planted_reference_check.md"
    try:
        doc.write_text(f"# planted\n\n{line}\n")
        bad = missing_references(doc, ROOT)
    finally:
        doc.unlink(missing_ok=True)
    assert bool(bad) == expect_bad, bad


def test_planted_bad_reference_fails_the_repository_scan():
    """A file with a reference to the old facts file makes the whole-repository check fail."""
    planted = ROOT / "sim" / "_planted_reference_check.py"
    planted.write_text(f'"""Figures from {OLD_FACTS}."""\n')
    try:
        assert planted in repository_files()
        with pytest.raises(AssertionError, match=re.escape(OLD_FACTS)):
            test_no_reference_to_a_missing_file()
    finally:
        planted.unlink(missing_ok=True)
    test_no_reference_to_a_missing_file()
