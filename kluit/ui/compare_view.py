"""The Compare view: choose scenarios (or your own instrument package), run replications in a
background thread with progress, and read placement, relapse, net effects and costs.

The comparison is :func:`analysis.compare.compare`, the same code as ``kluit compare``; the
figures and the table are drawn from its result, nothing is recomputed here.
"""

from __future__ import annotations

import dataclasses
import math
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace

import pandas as pd
import solara

from analysis.compare import Comparison, compare
from kluit.ui import figures
from kluit.ui.components import Help, Messages, ParamSlider, PngImage, html_table
from kluit.ui.state import (
    EFFECTS,
    METRICS,
    REPS_MAX,
    SCALES,
    SERIES,
    ScenarioEntry,
    Settings,
    arm_series,
    build_arms,
    comparison_rows,
    fmt,
    fmt_interval,
    policy_explanation,
    policy_label,
    policy_names,
    policy_params,
    usable,
)
from kluit.ui.text import COMPARE_HELP
from sim.params import all_params
from sim.scenario import ScenarioError


class Cancelled(Exception):
    """The user pressed Stop."""


@dataclasses.dataclass
class Outcome:
    """A finished comparison and the settings it ran with."""

    comparison: Comparison
    settings: Settings
    seconds: float
    persons: int = 0

    @property
    def scale(self) -> float:
        return self.settings.scale


def run_comparison(s: Settings, entries: Sequence[ScenarioEntry],
                   progress: Callable[[int, int], None] | None = None) -> Outcome:
    """Build the arms and run them (blocking; the view calls it in a thread)."""
    arms = build_arms(s, entries)
    t0 = time.perf_counter()
    comp = compare(arms, reps=s.reps, seed=s.seed, months=s.months, scale=s.scale,
                   progress=progress)
    return Outcome(comp, s, time.perf_counter() - t0)


def outcome_csv(out: Outcome) -> str:
    """The comparison table (every metric, as ``kluit compare`` writes comparison.csv)."""
    t = out.comparison.table()
    return t.to_csv(index=False)


def series_table(out: Outcome) -> pd.DataFrame:
    """The monthly series shown in the figure (cumulative, scaled to the region)."""
    return pd.concat([arm_series(out.comparison.monthly, v, scale=out.scale) for v in SERIES],
                     ignore_index=True)


@solara.component
def ScenarioPicker(entries: Sequence[ScenarioEntry], chosen: Sequence[str],
                   on_chosen: Callable[[tuple[str, ...]], None]):
    """Checkboxes per scenario file, grouped by folder; the first chosen is the reference."""
    good = usable(entries)
    with solara.Column(gap="0px") as main:
        solara.Select("Reference (compared against)", values=[e.rel for e in good],
                      value=chosen[0] if chosen else None,
                      on_value=lambda v: on_chosen((v, *[c for c in chosen if c != v])))
        folder = None
        for e in good:
            top = e.rel.rsplit("/", 1)[0] if "/" in e.rel else ""
            if top != folder:
                folder = top
                solara.HTML(tag="div", unsafe_innerHTML=f"<small><b>{folder or 'scenarios'}"
                            "</b></small>", style="margin-top: 6px")
            is_ref = bool(chosen) and chosen[0] == e.rel

            def toggle(on, rel=e.rel):
                now = [c for c in chosen if c != rel]
                if on:
                    now.append(rel)
                on_chosen(tuple(now))

            solara.Checkbox(label=e.label.rsplit("/", 1)[-1] + (" (reference)" if is_ref else ""),
                            value=e.rel in chosen, on_value=toggle, disabled=is_ref,
                            style="margin: 0; height: 28px;")
        bad = [e for e in entries if e.error]
        if bad:
            with solara.Details(f"{len(bad)} other .toml file(s) are not scenarios"):
                for e in bad:
                    solara.Text(f"{e.rel}: {e.error}", style={"font-size": "0.8em",
                                                             "display": "block"})
    return main


@solara.component
def OwnPackage(s: Settings, update: Callable[..., None]):
    """Switch instruments on and set them in their own units, on top of the reference."""
    params = solara.use_memo(all_params, [])
    own = dict(s.own)

    def set_key(key, value):
        now = dict(own)
        if params[key].default == value:
            now.pop(key, None)
        else:
            now[key] = value
        update(own=tuple(now.items()), own_on=True)

    with solara.Column(gap="2px") as main:
        solara.Checkbox(label="Add your own package (the reference plus the instruments below)",
                        value=s.own_on, on_value=lambda v: update(own_on=v))
        if s.own_on:
            for name in policy_names(params):
                # one keyed block per instrument: opening one does not rebuild the others
                with solara.Column(gap="0px").key(f"own-{name}"):
                    key = f"policies.{name}.enabled"
                    on = bool(own.get(key, False))
                    solara.Checkbox(label=policy_label(name), value=on,
                                    on_value=lambda v, k=key: set_key(k, v))
                    with solara.Column(style={"padding-left": "28px"}, gap="0px"):
                        if on:
                            Help(policy_explanation(name))
                            for p in policy_params(name, params):
                                if p.key.endswith(".enabled"):
                                    continue
                                ParamSlider(p, own.get(p.key, p.default),
                                            lambda v, k=p.key: set_key(k, v)).key(p.key)
    return main


@solara.component
def CompareControls(s: Settings, update: Callable[..., None], entries: Sequence[ScenarioEntry]):
    with solara.Card("Scenarios", margin=0, elevation=1) as main:
        ScenarioPicker(entries, s.scenarios, lambda v: update(scenarios=v))
        OwnPackage(s, update)
    return main


@solara.component
def RunSettings(s: Settings, update: Callable[..., None]):
    scales = sorted(set(SCALES) | {s.scale})
    with solara.Row(gap="12px", style={"flex-wrap": "wrap", "align-items": "center"}) as main:
        solara.SliderInt("Replications", value=s.reps, min=1, max=REPS_MAX,
                         on_value=lambda v: update(reps=v), thumb_label="always")
        solara.Select("Share of the population simulated", values=[str(x) for x in scales],
                      value=str(s.scale), on_value=lambda v: update(scale=float(v)),
                      style="max-width: 240px")
        solara.InputInt("Months", value=s.months, on_value=lambda v: update(
            months=max(1, min(240, int(v or 1)))), style="max-width: 110px")
        solara.InputInt("Seed", value=s.seed, on_value=lambda v: update(seed=max(0, int(v or 0))),
                        style="max-width: 110px")
    return main


def _raw(x) -> str:
    """A value for a data- attribute: the float's shortest exact text ('nan' when missing)."""
    return repr(float(x))


def headline_html(out: Outcome) -> str:
    """The headline table: one row per scenario and metric, mean [95% interval] and the
    difference against the reference, with the raw values in data- attributes."""
    rows = comparison_rows(out.comparison.table(), out.scale)
    ref = out.comparison.arms[0]
    cells, attrs = [], []
    for r in rows:
        m = r["metric"]
        is_ref = r["scenario"] == ref
        diff = "" if is_ref else fmt(m, r["diff"], diff=True)
        if not is_ref and math.isfinite(r["diff_low"]):
            diff += " " + fmt_interval(m, r["diff_low"], r["diff_high"], diff=True)
        if m in ("deadweight_share_paired", "cost_per_extra_sustained_placement_eur"):
            if is_ref:
                continue
            diff = ""
        cells.append([
            (r["scenario"], {"class": "scenario"}),
            (r["label"], {"class": "metric-label"}),
            (fmt(m, r["mean"]), {"class": "mean", "data-value": _raw(r["mean"])}),
            (fmt_interval(m, r["low"], r["high"]),
             {"class": "interval", "data-low": _raw(r["low"]), "data-high": _raw(r["high"])}),
            (diff, {"class": "diff", "data-value": _raw(r["diff"])}),
        ])
        attrs.append({"data-scenario": r["scenario"], "data-metric": m})
    return html_table(["Scenario", "Outcome", "Mean", "95% interval",
                       f"Difference vs {ref} [95%]"], cells, attrs, "kluit-headline")


def decisiveness_html(out: Outcome) -> str:
    """Per arm and instrument: decisive share [95%] and deadweight (issue 11), with the raw
    values in data- attributes; empty when no arm runs an instrument that acts on hiring."""
    from analysis.report import decisiveness_rows

    rows = decisiveness_rows(out.comparison.table())
    if not rows:
        return ""

    def pct(x):
        return "n/a" if not math.isfinite(x) else f"{100 * x:.0f}%"

    cells = [[(d["scenario"], {"class": "scenario"}), (d["instrument"], {"class": "instrument"}),
              (f"{pct(d['decisive'])} [{pct(d['low'])}, {pct(d['high'])}]",
               {"class": "decisive", "data-value": _raw(d["decisive"])}),
              (pct(1 - d["decisive"]), {"class": "deadweight"})] for d in rows]
    attrs = [{"data-scenario": d["scenario"], "data-instrument": d["instrument"]} for d in rows]
    return html_table(["Scenario", "Instrument", "Decisive share [95%]", "Deadweight"], cells,
                      attrs, "kluit-decisiveness")


@solara.component
def CompareResults(out: Outcome):
    comp = out.comparison
    s = out.settings
    rows = solara.use_memo(lambda: comparison_rows(comp.table(), out.scale), [id(out)])
    series = solara.use_memo(
        lambda: {v: arm_series(comp.monthly, v, scale=out.scale) for v in SERIES}, [id(out)])
    series_png = solara.use_memo(
        lambda: figures.png(figures.series_figure(series, SERIES, comp.arms)), [id(out)])
    effects_png = solara.use_memo(
        lambda: figures.png(figures.effects_figure(
            rows, EFFECTS, {m.key: m.label for m in METRICS}, comp.arms)), [id(out)])
    # FileDownload restarts when its data changes: give it the same callables every render
    table_csv = solara.use_memo(lambda: (lambda: outcome_csv(out)), [id(out)])
    monthly_csv = solara.use_memo(lambda: (lambda: series_table(out).to_csv(index=False)),
                                  [id(out)])
    with solara.Column(gap="6px") as main:
        solara.HTML(tag="div", unsafe_innerHTML=(
            f"<span class='kluit-run-info'>{len(comp.arms)} scenarios x {s.reps} replications, "
            f"{s.months} months, {s.scale:g} of the population, master seed {s.seed}; took "
            f"<span class='kluit-seconds'>{out.seconds:.1f}</span> s.</span>"))
        solara.HTML(tag="h3", unsafe_innerHTML="Placements and relapses over time")
        PngImage(series_png, "Placements and relapses over time, mean and 95% band per scenario",
                 css_class="kluit-figure kluit-series")
        if len(comp.arms) > 1:
            solara.HTML(tag="h3", unsafe_innerHTML="Net effect against the reference")
            PngImage(effects_png, "Net effect against the reference with 95% intervals",
                     css_class="kluit-figure kluit-effects")
        solara.HTML(tag="h3", unsafe_innerHTML="The numbers")
        solara.HTML(tag="div", unsafe_innerHTML=headline_html(out))
        Help("Deadweight: the share of subsidised hires whose person also found a job in the "
             "reference run, on the same random draws - money spent on placements that would "
             "have happened anyway. Costs per placement count re-integration spending "
             "(subsidies, coaching, training), not the benefits saved.")
        decisive = solara.use_memo(lambda: decisiveness_html(out), [id(out)])
        if decisive:
            solara.HTML(tag="h3", unsafe_innerHTML="Was the instrument decisive?")
            solara.HTML(tag="div", unsafe_innerHTML=decisive)
            Help("Of the placements an instrument touched, the share the employer would have "
                 "refused without it, on the same random draws; the rest is deadweight.")
        with solara.Row(gap="8px", style={"flex-wrap": "wrap"}):
            solara.FileDownload(table_csv, filename="comparison.csv",
                                label="Table (CSV)", mime_type="text/csv")
            solara.FileDownload(monthly_csv, filename="monthly_series.csv",
                                label="Monthly series (CSV)",
                                mime_type="text/csv")
            solara.FileDownload(series_png, filename="placements_relapses.png",
                                label="Figure over time (PNG)", mime_type="image/png")
            if len(comp.arms) > 1:
                solara.FileDownload(effects_png, filename="net_effects.png",
                                    label="Net-effect figure (PNG)", mime_type="image/png")
    return main


@solara.component
def CompareView(settings: solara.Reactive[Settings], entries: Sequence[ScenarioEntry]):
    s = settings.value
    progress = solara.use_reactive((0, 0))
    outcome = solara.use_reactive(None)
    problem = solara.use_reactive(None)
    cancel = solara.use_memo(threading.Event, [])
    started = solara.use_ref(False)

    def update(**kw):
        settings.set(replace(settings.value, **kw, run=False))

    def work(snapshot: Settings) -> Outcome | None:
        cancel.clear()
        problem.set(None)
        progress.set((0, 0))

        def tick(done, total):
            if cancel.is_set():
                raise Cancelled
            progress.set((done, total))

        try:
            out = run_comparison(snapshot, entries, tick)
        except Cancelled:
            problem.set("Stopped.")
            return None
        except ScenarioError as exc:
            problem.set(str(exc))
            return None
        outcome.set(out)
        now = settings.value
        if replace(now, run=False, view=snapshot.view) == replace(snapshot, run=False):
            settings.set(replace(now, run=True))
        return out

    task = solara.lab.use_task(work, dependencies=None)

    def start():
        task(replace(settings.value, run=False))

    def autostart():  # a shared link with run=1 starts the comparison once
        if s.run and not started.current:
            started.current = True
            start()
    solara.use_effect(autostart, [])

    try:
        arms_preview = build_arms(s, entries)
        arm_problem = None
    except ScenarioError as exc:
        arms_preview, arm_problem = [], str(exc)

    with solara.Columns([1, 3], gutters_dense=True) as main:
        with solara.Column():
            CompareControls(s, update, entries)
        with solara.Column():
            Help(COMPARE_HELP)
            RunSettings(s, update)
            with solara.Row(style={"align-items": "center"}):
                solara.Button("Run comparison", color="primary", on_click=start,
                              disabled=task.pending or arm_problem is not None,
                              icon_name="mdi-play")
                if task.pending:
                    solara.Button("Stop", on_click=cancel.set, icon_name="mdi-stop")
                n_runs = len(arms_preview) * s.reps
                solara.Text(f"{len(arms_preview)} scenarios x {s.reps} replications = "
                            f"{n_runs} runs")
            # the status lines come and go inside their own column, so the results below keep
            # their place (and their state: a FileDownload in flight) when they change
            with solara.Column(gap="4px"):
                if arm_problem:
                    Messages([arm_problem])
                if task.pending:
                    done, total = progress.value
                    solara.ProgressLinear(value=100 * done / total if total else True)
                    solara.Text(f"Running: {done} of {total or '...'} runs done",
                                classes=["kluit-progress"])
                if problem.value:
                    Messages([problem.value], "error")
                if task.error:
                    Messages([f"The comparison failed: {task.exception}"], "error")
                out = outcome.value
                if out is not None and replace(out.settings, run=False, view="") != replace(
                        s, run=False, view=""):
                    Messages(["The settings changed since these results: press Run comparison "
                              "to update them."], "info")
                if out is None and not task.pending:
                    solara.Text("Choose scenarios and press Run comparison.")
            with solara.Column():
                if outcome.value is not None:
                    CompareResults(outcome.value).key(f"results-{id(outcome.value)}")
    return main


__all__ = ["CompareView", "Outcome", "run_comparison", "headline_html", "series_table"]
