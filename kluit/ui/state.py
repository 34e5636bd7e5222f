"""Pure helpers of the web UI: settings in the address, scenario discovery, safe file names,
parameter labels and the numbers a view shows.

Nothing here imports Solara, so all of it is tested without a browser. The views keep their
state per browser session (``solara.use_reactive`` inside components); this module holds no
model and no session state.
"""

from __future__ import annotations

import math
import os
import re
import types
import urllib.parse
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.i18n import LANGS, plain_words
from sim.params import Param, all_params
from sim.scenario import (
    LANGUAGES,
    Scenario,
    ScenarioError,
    coerce,
    load_scenario,
    parse_override,
)

VIEWS = ("compare", "explore", "story", "editor", "monitor")
#: population shares the UI offers (the run.scale key); a link may hold another valid value
SCALES = (0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0)
REPS_MAX = 50
MONTHS_MAX = 240
SEED_MAX = 2**63 - 1
OWN_ARM = "own_package"


# --- where scenarios live ------------------------------------------------------------------


def project_root() -> Path:
    """The checkout this package was installed from (holds ``scenarios/``)."""
    return Path(__file__).resolve().parents[2]


def scenarios_root() -> Path:
    """Folder the UI lists scenarios from: ``$KLUIT_UI_SCENARIOS``, else ``./scenarios``,
    else the checkout's ``scenarios/``."""
    env = os.environ.get("KLUIT_UI_SCENARIOS")
    if env:
        return Path(env).resolve()
    here = Path.cwd() / "scenarios"
    return here.resolve() if here.is_dir() else project_root() / "scenarios"


def save_root() -> Path:
    """Folder under which the editor may save: ``$KLUIT_UI_SAVE_ROOT``, else the scenarios
    folder. Nothing is ever written outside it."""
    env = os.environ.get("KLUIT_UI_SAVE_ROOT")
    return Path(env).resolve() if env else scenarios_root()


@dataclass(frozen=True)
class ScenarioEntry:
    """A scenario file found under the scenarios folder."""

    rel: str  # path relative to the scenarios folder, with '/' (the id used in links)
    path: Path
    name: str
    description: str
    error: str | None = None  # why it does not load (shown, not runnable)
    titles: tuple[tuple[str, str], ...] = ()  # (language, title) from the file
    #: the load error itself, so the UI can write it in the reader's language
    problem: Exception | None = field(default=None, compare=False)

    def error_text(self, lang: str = "en") -> str:
        """Why the file does not load, in ``lang`` (English: the CLI's message)."""
        from kluit.ui.errors import scenario_error_text

        return scenario_error_text(self.problem, lang) if self.problem else (self.error or "")

    @property
    def label(self) -> str:
        return self.rel[:-5] if self.rel.endswith(".toml") else self.rel

    def title(self, lang: str = "en") -> str:
        """What users see: the file's title in ``lang`` (then English, then its name in
        words). Never the file name."""
        t = dict(self.titles)
        return t.get(lang) or t.get("en") or self.name.replace("_", " ").capitalize()

    @property
    def group(self) -> str:
        """The folder the file is in ('' at the top)."""
        return self.rel.rsplit("/", 1)[0] if "/" in self.rel else ""


def is_sweep_file(path: Path) -> bool:
    """Whether a TOML file defines a sweep (it has a ``design`` and ``levers``): such files
    are run by ``kluit sweep`` and are not listed as scenarios (nor as broken ones)."""
    import tomllib

    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError):
        return False
    return "design" in data and ("levers" in data or "base" in data)


def discover_scenarios(root: Path | None = None) -> list[ScenarioEntry]:
    """Every ``*.toml`` under ``root`` (baseline first, then by folder and name), loaded to
    read its name, titles and description; files that fail to load are listed with their
    error; sweep definitions are left out."""
    root = Path(root) if root is not None else scenarios_root()
    out = []
    for path in sorted(root.rglob("*.toml")):
        rel = path.relative_to(root).as_posix()
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if is_sweep_file(path):  # a sweep definition (kluit sweep), not a scenario
            continue
        try:
            scen = load_scenario(path)
            titles = tuple(
                (lang, scen.title_in(lang))
                for lang in LANGUAGES
                if scen.texts.get("title", {}).get(lang)
            )
            out.append(ScenarioEntry(rel, path, scen.name, scen.description, None, titles))
        except ScenarioError as exc:
            out.append(ScenarioEntry(rel, path, path.stem, "", str(exc), problem=exc))
    out.sort(key=lambda e: (e.rel != "baseline.toml", e.rel.count("/"), e.rel))
    return out


def usable(entries: Iterable[ScenarioEntry]) -> list[ScenarioEntry]:
    return [e for e in entries if e.error is None]


# --- settings and the address --------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """Everything a link restores. Scenario ids are paths relative to the scenarios folder."""

    view: str = "compare"
    lang: str = "en"  # 'en' or 'nl': every label, the numbers' style, scenario titles
    # compare
    scenarios: tuple[str, ...] = ()
    own_on: bool = False
    own: tuple[tuple[str, Any], ...] = ()  # instrument settings of "your own package"
    reps: int = 5
    scale: float = 0.05
    months: int = 36
    seed: int = 1
    run: bool = False  # start the comparison when the link is opened
    # explore
    explore: str = ""
    explore_scale: float = 0.02
    explore_seed: int = 1
    town: str = ""
    # a person's story
    story_a: str = ""
    story_b: str = ""
    group: str = "sheltered_low_resilience"
    person: int = -1
    story_seed: int = 1
    story_months: int = 36
    # editor
    base: str = ""


#: query-string name of each setting (short, stable: links are shared)
_QUERY = {
    "view": "view",
    "lang": "lang",
    "scenarios": "s",
    "own_on": "pkg",
    "own": "set",
    "reps": "reps",
    "scale": "scale",
    "months": "months",
    "seed": "seed",
    "run": "run",
    "explore": "ex",
    "explore_scale": "exscale",
    "explore_seed": "exseed",
    "town": "town",
    "story_a": "a",
    "story_b": "b",
    "group": "group",
    "person": "person",
    "story_seed": "sseed",
    "story_months": "smonths",
    "base": "base",
}


def default_settings(entries: Sequence[ScenarioEntry]) -> Settings:
    """Defaults for the scenarios found: baseline against the first policy scenario."""
    ids = [e.rel for e in usable(entries)]
    ref = "baseline.toml" if "baseline.toml" in ids else (ids[0] if ids else "")
    policy = next(
        (i for i in ids if i.startswith("policies/") and "wage_subsidy" in i),
        next((i for i in ids if i != ref), ""),
    )
    pair = tuple(x for x in (ref, policy) if x)
    return Settings(scenarios=pair, explore=ref, story_a=ref, story_b=policy or ref, base=ref)


def settings_to_query(s: Settings, defaults: Settings) -> str:
    """The query string (without '?') holding every setting that differs from ``defaults``."""
    items: list[tuple[str, str]] = []
    for f in fields(Settings):
        v, d = getattr(s, f.name), getattr(defaults, f.name)
        if v == d:
            continue
        q = _QUERY[f.name]
        if f.name == "scenarios":
            items.append((q, ",".join(v)))
        elif f.name == "own":
            items += [(q, f"{k}={_plain(x)}") for k, x in v]
        elif isinstance(v, bool):
            items.append((q, "1" if v else "0"))
        else:
            items.append((q, _plain(v)))
    return urllib.parse.urlencode(items, safe="/,=")


def _plain(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    return str(v)


class _LinkReader:
    """Reads one shared link: each setting that fits goes into ``out``, each that does not
    adds a warning and keeps its default."""

    def __init__(self, search: str | None, defaults: Settings, known: Iterable[str]):
        self.q = urllib.parse.parse_qs((search or "").lstrip("?"), keep_blank_values=True)
        self.defaults, self.known = defaults, set(known)
        self.warnings: list[str] = []
        self.out: dict[str, Any] = {}

    def one(self, name: str) -> str | None:
        vals = self.q.get(_QUERY[name])
        return vals[-1] if vals else None

    def unknown_names(self) -> None:
        rev = {v: k for k, v in _QUERY.items()}
        for name in self.q:
            if name not in rev:
                self.warnings.append(f"ignored unknown link setting {name!r}")

    def number(self, name: str, kind: type, lo: float, hi: float) -> None:
        raw = self.one(name)
        if raw is None:
            return
        kept = getattr(self.defaults, name)
        try:
            v = kind(raw)
            if isinstance(v, float) and not math.isfinite(v):
                raise ValueError
        except ValueError:
            self.warnings.append(f"{_QUERY[name]}={raw!r} is not a number; kept {kept}")
            return
        if not lo <= v <= hi:
            self.warnings.append(f"{_QUERY[name]}={raw} is outside {lo:g} to {hi:g}; kept {kept}")
            return
        self.out[name] = v

    def scenario(self, name: str) -> None:
        raw = self.one(name)
        if raw is None:
            return
        if raw in self.known:
            self.out[name] = raw
        else:
            self.warnings.append(
                f"scenario {raw!r} from the link was not found; kept "
                f"{getattr(self.defaults, name) or 'none'}"
            )

    def choice(self, name: str, allowed: Collection[str], what: str) -> None:
        raw = self.one(name)
        if raw is None:
            return
        if raw in allowed:
            self.out[name] = raw
        else:
            self.warnings.append(f"unknown {what} {raw!r}; allowed: {', '.join(allowed)}")

    def scenarios(self) -> None:
        raw = self.one("scenarios")
        if raw is None:
            return
        ids = [x for x in raw.split(",") if x]
        missing = [x for x in ids if x not in self.known]
        if missing:
            self.warnings.append("scenarios from the link not found: " + ", ".join(missing))
        ids = list(dict.fromkeys(x for x in ids if x in self.known))
        if ids:
            self.out["scenarios"] = tuple(ids)

    def switches(self, *names: str) -> None:
        for name in names:
            raw = self.one(name)
            if raw is not None:
                self.out[name] = raw.lower() in ("1", "true", "yes", "on")

    def own_package(self) -> None:
        own: list[tuple[str, Any]] = []
        for text in self.q.get(_QUERY["own"], []):
            try:
                key, value = parse_override(text)
            except ScenarioError as exc:
                self.warnings.append(f"own package: {exc}")
                continue
            if not key.startswith("policies."):
                self.warnings.append(f"own package: {key} is not an instrument setting; ignored")
                continue
            own = [(k, v) for k, v in own if k != key] + [(key, value)]
        if own:
            self.out["own"] = tuple(own)


def settings_from_query(
    search: str | None, defaults: Settings, known: Iterable[str] = ()
) -> tuple[Settings, list[str]]:
    """Settings from a query string; anything invalid keeps its default and adds a warning
    (a mistyped link opens the page, it does not break it). ``known`` lists scenario ids."""
    link = _LinkReader(search, defaults, known)
    link.unknown_names()
    link.choice("view", VIEWS, "view")
    link.choice("lang", LANGS, "language")
    link.scenarios()
    link.switches("own_on", "run")
    link.own_package()
    link.number("reps", int, 1, REPS_MAX)
    link.number("scale", float, 0.001, 2.0)
    link.number("months", int, 1, MONTHS_MAX)
    link.number("seed", int, 0, SEED_MAX)
    link.number("explore_scale", float, 0.001, 2.0)
    link.number("explore_seed", int, 0, SEED_MAX)
    link.number("person", int, -1, 10**9)
    link.number("story_seed", int, 0, SEED_MAX)
    link.number("story_months", int, 1, MONTHS_MAX)
    for name in ("explore", "story_a", "story_b", "base"):
        link.scenario(name)
    town = link.one("town")
    if town is not None:
        link.out["town"] = town[:100]
    link.choice("group", STORY_GROUPS, "group")
    return replace(defaults, **link.out), link.warnings


# --- safe file names -----------------------------------------------------------------------


class SaveError(ValueError):
    """A name or folder that cannot be used to save a scenario. ``kind`` and ``values`` let
    the UI write the message in the reader's language (:mod:`kluit.ui.errors`)."""

    def __init__(self, message: str, kind: str = "", **values: str):
        super().__init__(message)
        self.kind, self.values = kind, values


_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


def safe_part(text: str, what: str = "file name") -> str:
    """One path component made of letters, digits, '_' and '-' only.

    >>> safe_part("../../etc/Passwd .toml")
    'etc_Passwd'
    >>> safe_part("my plan (v2)")
    'my_plan_v2'
    """
    text = text.strip()
    if text.lower().endswith(".toml"):
        text = text[:-5]
    part = _SAFE.sub("_", text).strip("_-")
    part = re.sub(r"_+", "_", part)[:64].strip("_-")
    if not part:
        raise SaveError(
            f"the {what} {text!r} has no letters or digits; use letters, digits, '_' or '-'",
            "no_letters",
            what="folder" if what.startswith("folder") else "file",
            text=text,
        )
    return part


def save_target(root: Path, folder: str, name: str) -> Path:
    """The file ``root/folder/name.toml`` with every component sanitised; never outside root.

    >>> save_target(Path("/srv/s"), "../../tmp", "x/../../y").as_posix()
    '/srv/s/tmp/x_y.toml'
    """
    root = Path(root).resolve()
    parts = [p for p in re.split(r"[\\/]+", folder or "") if p.strip() not in ("", ".", "..")]
    safe = [safe_part(p, "folder name") for p in parts]
    target = root.joinpath(*safe, safe_part(name) + ".toml")
    resolved = target.resolve()
    if not resolved.is_relative_to(root):
        raise SaveError(
            f"{'/'.join(safe) or '.'} leads outside {root} (a link?); choose another folder",
            "outside",
            folder="/".join(safe) or ".",
        )
    return target


def save_scenario(
    scen: Scenario, root: Path, folder: str, name: str, overwrite: bool = False
) -> Path:
    """Write ``scen`` as TOML under ``root`` and check that it loads back unchanged."""
    target = save_target(root, folder, name)
    if target.exists() and not overwrite:
        raise SaveError(
            f"{target.name} exists in {target.parent}; tick 'overwrite' or choose another name",
            "exists",
            name=target.name,
            folder=str(target.parent),
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(scen.to_toml(), encoding="utf-8")
    os.replace(tmp, target)
    back = load_scenario(target)
    if back.values != scen.values or back.shocks != scen.shocks:
        raise SaveError(
            f"{target} does not load back to the same scenario", "not_back", target=str(target)
        )
    return target


# --- parameters ----------------------------------------------------------------------------


def policy_names(params: Mapping[str, Param] | None = None) -> list[str]:
    """Instrument names, from the registry keys ``policies.<name>.enabled``."""
    params = params or all_params()
    return [k.split(".")[1] for k in params if k.startswith("policies.") and k.endswith(".enabled")]


def policy_label(name: str, lang: str | None = None) -> str:
    """The instrument's name for readers: from the message catalogue when ``lang`` is given
    and the catalogue has it, else the instrument's own label, else its name in words."""
    from analysis.i18n import MESSAGES, t

    if lang is not None and f"policy.{name}" in MESSAGES:
        return t(f"policy.{name}", lang)
    try:
        from sim.policies import POLICY_CLASSES

        for cls in POLICY_CLASSES:
            if cls.name == name and getattr(cls, "label", ""):
                label = cls.label
                return label[0].upper() + label[1:]
    except ImportError:  # pragma: no cover
        pass
    return name.replace("_", " ").capitalize()


def policy_explanation(name: str, lang: str | None = None) -> str:
    """What the instrument does: in plain words from the message catalogue when ``lang`` is
    given and the catalogue has it, else the opening paragraphs of the instrument's own
    docstring (class, else module)."""
    from analysis.i18n import MESSAGES, t

    if lang is not None and f"policy.{name}.text" in MESSAGES:
        return t(f"policy.{name}.text", lang)
    try:
        import sys

        from sim.policies import POLICY_CLASSES

        for cls in POLICY_CLASSES:
            if cls.name == name:
                doc = (cls.__doc__ or "").strip() or (sys.modules[cls.__module__].__doc__ or "")
                paras = [" ".join(p.split()) for p in doc.strip().split("\n\n") if p.strip()]
                return plain_words(" ".join(paras[:2]))
    except ImportError:  # pragma: no cover
        pass
    return ""


def policy_params(name: str, params: Mapping[str, Param] | None = None) -> list[Param]:
    params = params or all_params()
    return [p for k, p in params.items() if k.startswith(f"policies.{name}.")]


def param_label(p: Param, lang: str = "en") -> str:
    """A control label in the user's terms and language: 'Duration (months)', 'Hours per
    week', 'Duur (maanden)' (:func:`analysis.i18n.param_label`).

    >>> from sim.params import Param
    >>> param_label(Param("policies.x.duration_months", 24, "months", "", ""))
    'Duration (months)'
    >>> param_label(Param("policies.x.hours_per_week", 3.0, "hours per week", "", ""))
    'Hours per week'
    >>> param_label(Param("policies.x.cost_per_hour_eur", 35.0, "EUR per hour", "", ""))
    'Cost (EUR per hour)'
    """
    from analysis.i18n import param_label as label

    return label(p, lang)


def parse_value(p: Param, text: str) -> Any:
    """Read a control's text as the parameter's type; ScenarioError names key and range."""
    text = (text or "").strip()
    if p.kind is str:
        return coerce(p, text)
    if p.kind is bool:
        low = text.lower()
        if low not in ("true", "false"):
            raise ScenarioError(f"got {text!r}, allowed: true or false", None, p.key)
        return low == "true"
    try:
        value: Any = int(text) if p.kind is int else float(text.replace(",", ""))
    except ValueError:
        kind = "a whole number" if p.kind is int else "a number"
        raise ScenarioError(
            f"got {text!r}, allowed: {kind}"
            + (f" ({p.allowed()})" if p.lo is not None or p.hi is not None else ""),
            None,
            p.key,
        ) from None
    return coerce(p, value)


def show_value(v: Any) -> str:
    """How a parameter value is written in a text field."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return f"{v:g}" if abs(v) < 1e15 and float(f"{v:g}") == v else repr(v)
    return str(v)


def sections(params: Mapping[str, Param] | None = None) -> dict[str, list[Param]]:
    """Parameters grouped for the editor: 'run', 'population', ..., 'policies.wage_subsidy'."""
    params = params or all_params()
    out: dict[str, list[Param]] = {}
    for k, p in params.items():
        head = ".".join(k.split(".")[:2]) if k.startswith("policies.") else k.split(".")[0]
        out.setdefault(head, []).append(p)
    return out


def section_label(section: str, lang: str = "en") -> str:
    """A section of the editor in words: 'Labour market and benefits', 'Instrument: Job
    coaching'."""
    from analysis.i18n import section_text, t

    if section.startswith("policies."):
        return t("editor.instrument", lang, name=policy_label(section.split(".", 1)[1], lang))
    return section_text(section, lang)


# --- the comparison ------------------------------------------------------------------------

#: monthly series of the Compare figure: variable -> catalogue key of its title
SERIES = {
    "placements": "fig.placements_so_far",
    "relapses": "fig.relapses_so_far",
}


def rep_series(frame: pd.DataFrame, variable: str, months: Sequence[int]) -> np.ndarray:
    """One replication's monthly values of a region variable (0 where a counter is absent;
    the first row where a variable is recorded twice in a month)."""
    f = frame[(frame.municipality == "all") & (frame.variable == variable)]
    s = f.drop_duplicates("month").set_index("month")["value"]
    return s.reindex(list(months), fill_value=0.0).to_numpy(dtype=float)


def arm_series(
    monthly: Mapping[str, Sequence[pd.DataFrame]],
    variable: str,
    *,
    scale: float,
    cumulative: bool = True,
) -> pd.DataFrame:
    """Per arm and month: mean and 95% interval over replications of ``variable`` (summed
    from month 1 when ``cumulative``), scaled up to the whole region."""
    from analysis.compare import mean_interval

    out = []
    for arm, frames in monthly.items():
        if not frames:
            continue
        months = sorted(int(m) for m in frames[0]["month"].unique())
        mat = np.vstack([rep_series(f, variable, months) for f in frames]) / scale
        if cumulative:
            mat = np.cumsum(mat, axis=1)
        for j, month in enumerate(months):
            mean, lo, hi, n = mean_interval(mat[:, j])
            out.append(
                {
                    "scenario": arm,
                    "variable": variable,
                    "month": month,
                    "mean": mean,
                    "low": lo,
                    "high": hi,
                    "n": n,
                }
            )
    return pd.DataFrame(out)


def build_arms(s: Settings, entries: Sequence[ScenarioEntry]) -> list[Scenario]:
    """The scenarios to compare: the chosen files (the first is the reference), plus the
    user's own package (the reference with the chosen instrument settings)."""
    by_id = {e.rel: e for e in usable(entries)}
    scens = [load_scenario(by_id[i].path) for i in s.scenarios if i in by_id]
    if not scens:
        raise ScenarioError("choose at least one scenario")
    if s.own_on:
        own = scens[0].with_overrides(dict(s.own))
        from analysis.i18n import t

        def changed(lang: str) -> str:
            return ", ".join(
                f"{param_label(all_params()[k], lang)} = {show_value(v)}"
                for k, v in s.own
                if k in all_params()
            )

        texts = {
            "title": {lang: t("compare.own_title", lang) for lang in LANGS},
            "description": {
                lang: t("compare.own_title", lang) + (": " + changed(lang) if changed(lang) else "")
                for lang in LANGS
            },
        }
        scens.append(
            replace(
                own,
                name=OWN_ARM,
                description=texts["description"]["en"],
                path=scens[0].path,
                texts=types.MappingProxyType(texts),
            )
        )
    if len(scens) < 2:
        raise ScenarioError(
            "choose a second scenario (or switch on your own package) to "
            "compare against the reference"
        )
    return scens


# --- a person's story ----------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    label: str
    states: tuple[int, ...]
    low_resilience: bool = False
    long_term: bool = False
    ready: bool | None = None


STORY_GROUPS: dict[str, Group] = {
    "sheltered_low_resilience": Group("Sheltered work, low resilience", (6,), low_resilience=True),
    "sheltered": Group("Sheltered work", (6,)),
    "social_assistance": Group("On social assistance (bijstand)", (5,)),
    "social_assistance_long": Group(
        "On social assistance for 3 years or more", (5,), long_term=True
    ),
    "social_assistance_ready": Group("On social assistance, ready to search", (5,), ready=True),
    "social_assistance_low_resilience": Group(
        "On social assistance, low resilience", (5,), low_resilience=True
    ),
    "unemployed_ww": Group("On unemployment benefit (WW)", (3,)),
}


def group_rows(start: Mapping[str, np.ndarray], group: str) -> np.ndarray:
    """Rows of the persons present at month 0 who belong to ``group`` (resilience 'low' is the
    lowest third within the state)."""
    g = STORY_GROUPS[group]
    sel = np.isin(start["state"], g.states)
    if g.low_resilience and sel.any():
        cut = np.quantile(start["resilience"][sel], 1 / 3)
        sel &= start["resilience"] <= cut
    if g.long_term:
        sel &= start["months_out"] >= 36
    if g.ready is not None:
        sel &= start["ready"].astype(bool) == g.ready
    return np.flatnonzero(sel)


def monthly_states(history: Sequence[tuple[int, str, str, str]], months: int) -> list[str]:
    """State name at the end of each month 0..months, from a person's (month, from, to, cause)
    history.

    >>> h = [(0, "sheltered", "sheltered", "start"), (2, "sheltered", "employed", "hire")]
    >>> monthly_states(h, 3)
    ['sheltered', 'sheltered', 'employed', 'employed']
    """
    out = []
    events = sorted(history, key=lambda e: e[0])
    state = events[0][2] if events else "inactive"
    i = 0
    for m in range(months + 1):
        while i < len(events) and events[i][0] <= m:
            state = events[i][2]
            i += 1
        out.append(state)
    return out


def parting_month(a: Sequence[str], b: Sequence[str]) -> int | None:
    """First month in which the two paths differ (None if they never do)."""
    for m, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return m
    return None


CAUSE_WORDS = {
    "start": "starts",
    "hire": "is hired",
    "separation": "loses the job",
    "relapse": "falls back (relapse)",
    "layoff": "is laid off",
    "exit": "leaves the labour force",
    "entry": "enters",
    "ww_exhausted": "reaches the end of WW",
    "sa_other_exit": "leaves benefits for another reason",
    "sa_application": "applies for social assistance",
    "training_start": "starts training",
    "training_end": "finishes training",
    "long_sickness": "falls ill for long",
    "return_right": "returns to sheltered work (right to return)",
    "subsidy_end": "loses the wage subsidy",
    "pool_end": "leaves the work pool",
    "sheltered_place": "gets a sheltered place",
    "promotion": "takes a step on a career path",
}


def describe_event(event: tuple[int, str, str, str], lang: str = "en") -> str:
    """'month 7: is hired (bijstand -> job with wage subsidy)'.

    >>> describe_event((7, "social_assistance", "subsidised", "hire"))
    'month 7: is hired (bijstand -> job with wage subsidy)'
    """
    from analysis.i18n import MESSAGES, t

    month, old, new, cause = event

    def state(name: str) -> str:
        key = f"state.{name}"
        return t(key, lang) if key in MESSAGES else name.replace("_", " ")

    key = f"cause.{cause}"
    verb = t(key, lang) if key in MESSAGES else CAUSE_WORDS.get(cause, cause.replace("_", " "))
    return t("story.event", lang, month=month, verb=verb, old=state(old), new=state(new))


@dataclass
class StoryPair:
    """Two runs on the same seed and the month-0 attributes of their (shared) population."""

    names: tuple[str, str]
    months: int
    start: dict[str, np.ndarray]
    histories: tuple[Any, Any]  # callables row -> history
    changed: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # paths part
    municipalities: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)


def run_story(
    scen_a: Scenario, scen_b: Scenario, *, seed: int, scale: float, months: int
) -> StoryPair:
    """Run both scenarios on the same seed and keep what a person's story needs."""
    from sim.model import LabourMarketModel

    models = []
    start = None
    for scen in (scen_a, scen_b):
        m = LabourMarketModel(scen, rng=seed, scale=scale, months=months)
        if start is None:
            n0 = m.persons.n
            start = {
                c: np.asarray(m.persons.column(c)[:n0]).copy()
                for c in (
                    "state",
                    "home",
                    "sector",
                    "wage_value",
                    "resilience",
                    "sickness",
                    "months_out",
                    "ready",
                    "group",
                )
            }
        m.run()
        models.append(m)
    a, b = models
    n0 = len(start["state"])
    changed = paths_differ(a.log.arrays(), b.log.arrays(), n0)
    return StoryPair(
        (a.config.name, b.config.name),
        months,
        start,
        (a.log.for_person, b.log.for_person),
        changed,
        list(a.region.names),
        list(a.region.sectors),
    )


def paths_differ(
    log_a: Mapping[str, np.ndarray], log_b: Mapping[str, np.ndarray], n: int
) -> np.ndarray:
    """Bool per person row < n: the (month, cause, new state) sequences of the two transition
    logs differ."""

    def events(log):
        sel = log["person"] < n
        p, m = log["person"][sel].astype(np.int64), log["month"][sel].astype(np.int64)
        c, s = log["cause"][sel].astype(np.int64), log["new"][sel].astype(np.int64)
        order = np.lexsort((s, c, m, p))
        return p[order], m[order], c[order], s[order]

    ea, eb = events(log_a), events(log_b)
    ca, cb = np.bincount(ea[0], minlength=n), np.bincount(eb[0], minlength=n)
    out = ca != cb
    keep_a, keep_b = ~out[ea[0]], ~out[eb[0]]
    same = np.ones(int(keep_a.sum()), bool)
    for xa, xb in zip(ea[1:], eb[1:]):
        same &= xa[keep_a] == xb[keep_b]
    out[ea[0][keep_a][~same]] = True
    return out


def draw_person(
    pair: StoryPair, group: str, draw: int, seed: int, *, prefer_parting: bool = True
) -> int:
    """A person of ``group``, drawn reproducibly from (seed, draw); preferably one whose path
    differs between the two runs. -1 if the group is empty."""
    rows = group_rows(pair.start, group)
    if prefer_parting:
        parting = rows[pair.changed[rows]]
        if len(parting):
            rows = parting
    if not len(rows):
        return -1
    rng = np.random.default_rng([int(seed) % 2**32, int(draw)])
    return int(rows[rng.integers(len(rows))])
