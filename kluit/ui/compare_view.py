"""The Compare view: choose scenarios (or your own instrument package), run repetitions in a
background thread with progress, and read the headline cards, the scenarios side by side, the
results for whom, and the figures.

The comparison is :func:`analysis.compare.compare`, the same code as ``kluit compare``; the
cards and tables are the council report's own HTML (:mod:`analysis.report`, from
:mod:`analysis.headline`), so the page and ``report.html`` always show the same numbers in the
same words. Every text comes from :mod:`analysis.i18n` in the language of the settings.
"""

from __future__ import annotations

import dataclasses
import html
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import pandas as pd
import solara

from analysis.compare import Comparison, compare
from analysis.headline import MIN_REPS, headline_table, subgroup_keys, too_few_reps
from analysis.i18n import MESSAGES, number, percent, t
from analysis.report import (
    for_whom_html,
    headline_cards_html,
    scenario_titles,
    side_by_side_html,
)
from kluit.ui import figures
from kluit.ui.components import Help, Messages, ParamSlider, PngImage
from kluit.ui.errors import scenario_error_text
from kluit.ui.state import (
    REPS_MAX,
    SCALES,
    SERIES,
    ScenarioEntry,
    Settings,
    arm_series,
    build_arms,
    policy_explanation,
    policy_label,
    policy_names,
    policy_params,
    usable,
)
from sim.params import all_params
from sim.scenario import Scenario, ScenarioError


class Cancelled(Exception):
    """The user pressed Stop."""


@dataclasses.dataclass
class Outcome:
    """A finished comparison, the settings it ran with and the scenarios it compared."""

    comparison: Comparison
    settings: Settings
    seconds: float
    persons: int = 0
    scenarios: tuple[Scenario, ...] = ()

    @property
    def scale(self) -> float:
        return self.settings.scale

    def titles(self, lang: str) -> dict[str, str]:
        """Arm -> the title readers see (never a file name)."""
        return scenario_titles(self.comparison, self.scenarios, lang)


def run_comparison(
    s: Settings,
    entries: Sequence[ScenarioEntry],
    progress: Callable[[int, int], None] | None = None,
) -> Outcome:
    """Build the arms and run them (blocking; the view calls it in a thread)."""
    arms = build_arms(s, entries)
    t0 = time.perf_counter()
    comp = compare(
        arms, reps=s.reps, seed=s.seed, months=s.months, scale=s.scale, progress=progress
    )
    return Outcome(comp, s, time.perf_counter() - t0, scenarios=tuple(arms))


def outcome_csv(out: Outcome) -> str:
    """The comparison table (every metric, as ``kluit compare`` writes comparison.csv)."""
    t = out.comparison.table()
    return t.to_csv(index=False)


def series_table(out: Outcome) -> pd.DataFrame:
    """The monthly series shown in the figure (cumulative, scaled to the region)."""
    return pd.concat(
        [arm_series(out.comparison.monthly, v, scale=out.scale) for v in SERIES], ignore_index=True
    )


def arms_problem(s: Settings, entries: Sequence[ScenarioEntry]) -> str | None:
    """Why the chosen scenarios cannot be compared (in the user's language), or None."""
    known = {e.rel for e in usable(entries)}
    n = len([x for x in s.scenarios if x in known]) + (1 if s.own_on else 0)
    if n == 0 or not any(x in known for x in s.scenarios):
        return t("compare.choose_one", s.lang)
    if n < 2:
        return t("compare.choose_two", s.lang)
    return None


@solara.component
def ScenarioPicker(
    entries: Sequence[ScenarioEntry],
    chosen: Sequence[str],
    on_chosen: Callable[[tuple[str, ...]], None],
    lang: str = "en",
):
    """Checkboxes per scenario, by title, grouped by kind; the first chosen is the reference."""
    good = usable(entries)
    titles = {e.rel: e.title(lang) for e in good}
    by_title = {}
    for e in good:  # two files with the same title: number the later one
        title, i = titles[e.rel], 2
        while title in by_title:
            title, i = f"{titles[e.rel]} ({i})", i + 1
        titles[e.rel] = title
        by_title[title] = e.rel
    with solara.Column(gap="0px") as main:
        solara.Select(
            t("compare.reference", lang),
            values=list(by_title),
            value=titles.get(chosen[0]) if chosen else None,
            on_value=lambda v: on_chosen((by_title[v], *[c for c in chosen if c != by_title[v]])),
        )
        group = None
        for e in good:
            if e.group != group:
                group = e.group
                key = f"compare.group.{group}"
                head = t(key, lang) if key in MESSAGES else t("compare.group.other", lang)
                solara.HTML(
                    tag="div",
                    unsafe_innerHTML=f"<small><b>{html.escape(head)}</b></small>",
                    style="margin-top: 6px",
                )
            is_ref = bool(chosen) and chosen[0] == e.rel

            def toggle(on, rel=e.rel):
                now = [c for c in chosen if c != rel]
                if on:
                    now.append(rel)
                on_chosen(tuple(now))

            label = titles[e.rel] + (" " + t("compare.is_reference", lang) if is_ref else "")
            solara.Checkbox(
                label=label,
                value=e.rel in chosen,
                on_value=toggle,
                disabled=is_ref,
                style="margin: 0; min-height: 28px;",
            )
        bad = [e for e in entries if e.error]
        if bad:
            # collapsed: a user who saved a broken file opens it to see which and why
            with solara.Details(t("compare.not_scenarios", lang, n=len(bad))):
                for e in bad:
                    solara.Text(
                        e.error_text(lang), style={"font-size": "0.8em", "display": "block"}
                    )
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

    with solara.Column(gap="2px", classes=["kluit-own"]) as main:
        solara.Checkbox(
            label=t("compare.own", s.lang), value=s.own_on, on_value=lambda v: update(own_on=v)
        )
        if s.own_on:
            for name in policy_names(params):
                # one keyed block per instrument: opening one does not rebuild the others
                with solara.Column(gap="0px").key(f"own-{name}"):
                    key = f"policies.{name}.enabled"
                    on = bool(own.get(key, False))
                    solara.Checkbox(
                        label=policy_label(name, s.lang),
                        value=on,
                        on_value=lambda v, k=key: set_key(k, v),
                    )
                    with solara.Column(style={"padding-left": "28px"}, gap="0px"):
                        if on:
                            Help(policy_explanation(name, s.lang))
                            for p in policy_params(name, params):
                                if p.key.endswith(".enabled"):
                                    continue
                                ParamSlider(
                                    p,
                                    own.get(p.key, p.default),
                                    lambda v, k=p.key: set_key(k, v),
                                    s.lang,
                                ).key(p.key)
    return main


@solara.component
def CompareControls(s: Settings, update: Callable[..., None], entries: Sequence[ScenarioEntry]):
    with solara.Card(t("compare.scenarios", s.lang), margin=0, elevation=1) as main:
        ScenarioPicker(entries, s.scenarios, lambda v: update(scenarios=v), s.lang)
        OwnPackage(s, update)
    return main


@solara.component
def RunSettings(s: Settings, update: Callable[..., None]):
    scales = sorted(set(SCALES) | {s.scale})
    with solara.Row(
        gap="12px",
        style={"flex-wrap": "wrap", "align-items": "center"},
        classes=["kluit-run-settings"],
    ) as main:
        with solara.Column(gap="0px", style={"min-width": "220px", "flex": "1 1 220px"}):
            solara.SliderInt(
                f"{t('compare.reps', s.lang)}: {s.reps}",
                value=s.reps,
                min=1,
                max=REPS_MAX,
                on_value=lambda v: update(reps=v),
            )
        shares = {percent(x, s.lang): x for x in scales}
        solara.Select(
            t("compare.scale", s.lang),
            values=list(shares),
            value=percent(s.scale, s.lang),
            on_value=lambda v: update(scale=shares[v]),
            style="max-width: 260px; min-width: 220px",
        )
        solara.InputInt(
            t("compare.months", s.lang),
            value=s.months,
            on_value=lambda v: update(months=max(1, min(240, int(v or 1)))),
            style="max-width: 110px",
        )
        solara.InputInt(
            t("compare.seed", s.lang),
            value=s.seed,
            on_value=lambda v: update(seed=max(0, int(v or 0))),
            style="max-width: 130px",
        )
    return main


def _raw(x) -> str:
    """A value for a data- attribute: the float's shortest exact text ('nan' when missing)."""
    return repr(float(x))


@solara.component
def RunInfo(out: Outcome, lang: str):
    """One line on what was run (arms, repetitions, months, share) and how long it took."""
    s = out.settings
    text = t(
        "compare.run_info",
        lang,
        arms=len(out.comparison.arms),
        reps=s.reps,
        months=s.months,
        share=percent(s.scale, lang),
        seconds=number(out.seconds, lang, 1),
    )
    return solara.HTML(
        tag="div", unsafe_innerHTML="<span class='kluit-run-info'>" + html.escape(text) + "</span>"
    )


def use_result_texts(out: Outcome, lang: str) -> dict:
    """The results' HTML and figure, made once per outcome and language (hook)."""
    comp = out.comparison
    titles = out.titles(lang)

    def series_png():
        series = {v: arm_series(comp.monthly, v, scale=out.scale) for v in SERIES}
        return figures.png(
            figures.series_figure(
                series,
                {v: t(k, lang) for v, k in SERIES.items()},
                comp.arms,
                arm_labels=titles,
                month_label=t("fig.month", lang),
                people_label=t("fig.persons", lang),
            )
        )

    deps = [id(out), lang]
    return {
        "series_png": solara.use_memo(series_png, deps),
        "cards": solara.use_memo(lambda: headline_cards_html(comp, out.scale, titles, lang), deps),
        "table": solara.use_memo(lambda: side_by_side_html(comp, out.scale, titles, lang), deps),
        "whom": solara.use_memo(lambda: for_whom_html(comp, titles, lang), deps),
    }


@solara.component
def ResultTabs(out: Outcome, texts: dict, lang: str):
    """The headline cards, the scenarios side by side, for whom, and the figure over time."""
    tab = solara.use_reactive(0)
    with solara.lab.Tabs(value=tab.value, on_value=tab.set, align="left") as main:
        with solara.lab.Tab(t("compare.tab.headline", lang)):
            solara.HTML(
                tag="p", unsafe_innerHTML=html.escape(t("head.intro", lang, reps=out.settings.reps))
            )
            solara.HTML(tag="div", unsafe_innerHTML=texts["cards"], classes=["kluit-cards"])
            Help(t("compare.deadweight_help", lang))
        with solara.lab.Tab(t("compare.tab.table", lang)):
            solara.HTML(tag="div", unsafe_innerHTML=texts["table"], classes=["kluit-side"])
        with solara.lab.Tab(t("compare.tab.subgroups", lang)):
            solara.HTML(tag="div", unsafe_innerHTML=texts["whom"], classes=["kluit-whom"])
            if not subgroup_keys(out.comparison):
                solara.Text(t("compare.no_subgroups", lang))
        with solara.lab.Tab(t("compare.tab.figures", lang)):
            PngImage(
                texts["series_png"],
                t("compare.series_title", lang),
                css_class="kluit-figure kluit-series",
            )
    return main


@solara.component
def ResultDownloads(out: Outcome, series_png: bytes, lang: str):
    """The downloads: whole-region numbers, every outcome, monthly series, the figure."""
    comp = out.comparison
    # FileDownload restarts when its data changes: give it the same callables every render
    table_csv = solara.use_memo(lambda: lambda: outcome_csv(out), [id(out)])
    headline_csv = solara.use_memo(
        lambda: lambda: headline_table(comp, out.scale).to_csv(index=False), [id(out)]
    )
    monthly_csv = solara.use_memo(lambda: lambda: series_table(out).to_csv(index=False), [id(out)])
    files = (
        (headline_csv, "headline.csv", "compare.dl_headline", "text/csv"),
        (table_csv, "comparison.csv", "compare.dl_table", "text/csv"),
        (monthly_csv, "monthly_series.csv", "compare.dl_monthly", "text/csv"),
        (series_png, "placements_relapses.png", "compare.dl_series", "image/png"),
    )
    with solara.Row(gap="8px", style={"flex-wrap": "wrap"}, classes=["kluit-downloads"]) as main:
        for data, filename, label, mime in files:
            solara.FileDownload(data, filename=filename, label=t(label, lang), mime_type=mime)
    return main


@solara.component
def CompareResults(out: Outcome, lang: str = "en"):
    """A finished comparison: what was run, a warning for few repetitions, the tabs and the
    downloads."""
    texts = use_result_texts(out, lang)
    with solara.Column(gap="6px", classes=["kluit-results"]) as main:
        RunInfo(out, lang)
        if too_few_reps(out.comparison):
            Messages([t("warn.few_reps", lang, reps=out.settings.reps, min=MIN_REPS)])
        ResultTabs(out, texts, lang)
        ResultDownloads(out, texts["series_png"], lang)
    return main


@dataclasses.dataclass
class Run:
    """The comparison in the background: the task, its progress, outcome and problem."""

    task: Any
    progress: solara.Reactive
    outcome: solara.Reactive
    problem: solara.Reactive
    cancel: threading.Event
    start: Callable[[], None]


def use_comparison_run(
    settings: solara.Reactive[Settings], entries: Sequence[ScenarioEntry]
) -> Run:
    """Run the comparison in a thread with progress and Stop; a shared link with run=1
    starts it once (hook)."""
    progress = solara.use_reactive((0, 0))
    outcome = solara.use_reactive(None)
    problem = solara.use_reactive(None)
    cancel = solara.use_memo(threading.Event, [])
    started = solara.use_ref(False)

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
            problem.set(t("compare.stopped", settings.value.lang))
            return None
        except ScenarioError as exc:
            problem.set(exc)
            return None
        outcome.set(out)
        now = settings.value
        if same_run(now, snapshot):
            settings.set(replace(now, run=True))
        return out

    task = solara.lab.use_task(work, dependencies=None)

    def start():
        task(replace(settings.value, run=False))

    def autostart():  # a shared link with run=1 starts the comparison once
        if settings.value.run and not started.current:
            started.current = True
            start()

    solara.use_effect(autostart, [])
    return Run(task, progress, outcome, problem, cancel, start)


@solara.component
def RunBar(s: Settings, run: Run, n_arms: int, blocked: bool):
    """The run button (Stop while running) and how many runs it will take."""
    lang = s.lang
    with solara.Row(style={"align-items": "center", "flex-wrap": "wrap"}) as main:
        solara.Button(
            t("compare.run", lang),
            color="primary",
            on_click=run.start,
            disabled=run.task.pending or blocked,
            icon_name="mdi-play",
            classes=["kluit-run"],
        )
        if run.task.pending:
            solara.Button(t("compare.stop", lang), on_click=run.cancel.set, icon_name="mdi-stop")
        solara.Text(t("compare.runs", lang, arms=n_arms, reps=s.reps, runs=n_arms * s.reps))
    return main


@solara.component
def RunStatus(run: Run, arm_problem: str | None, lang: str):
    """Status lines: why it cannot run, progress, a stop or failure, the first hint."""
    task, problem = run.task, run.problem.value
    # the status lines come and go inside their own column, so the results below keep
    # their place (and their state: a FileDownload in flight) when they change
    with solara.Column(gap="4px") as main:
        if arm_problem:
            Messages([arm_problem])
        if task.pending:
            done, total = run.progress.value
            solara.ProgressLinear(value=100 * done / total if total else True)
            solara.Text(
                t("compare.progress", lang, done=done, total=total or "..."),
                classes=["kluit-progress"],
            )
        if problem:
            text = problem if isinstance(problem, str) else scenario_error_text(problem, lang)
            Messages([text], "error")
        if task.error:
            Messages([t("compare.failed", lang, error=task.exception)], "error")
        if run.outcome.value is None and not task.pending:
            solara.Text(t("compare.start_hint", lang))
    return main


@solara.component
def ResultsArea(out: Outcome | None, stale: bool, lang: str):
    """The results, greyed with a notice right above them when the settings changed since."""
    with solara.Column(gap="4px") as main:
        if stale:  # the notice sits right above the results it concerns
            Messages([t("compare.stale", lang)], "info")
        if out is not None:
            with solara.Div(
                classes=["kluit-stale"] if stale else [],
                style={"opacity": "0.45"} if stale else {},
            ):
                CompareResults(out, lang).key(f"results-{id(out)}")
    return main


@solara.component
def CompareView(settings: solara.Reactive[Settings], entries: Sequence[ScenarioEntry]):
    s = settings.value
    run = use_comparison_run(settings, entries)

    def update(**kw):
        settings.set(replace(settings.value, **kw, run=False))

    arm_problem = arms_problem(s, entries)
    n_arms = len([x for x in s.scenarios if x in {e.rel for e in usable(entries)}]) + (
        1 if s.own_on else 0
    )
    out = run.outcome.value
    stale = out is not None and not same_run(out.settings, s)

    with solara.Columns([1, 3], gutters_dense=True, classes=["kluit-cols"]) as main:
        with solara.Column():
            CompareControls(s, update, entries)
        with solara.Column():
            Help(t("compare.help", s.lang))
            RunSettings(s, update)
            RunBar(s, run, n_arms, arm_problem is not None)
            RunStatus(run, arm_problem, s.lang)
            ResultsArea(out, stale, s.lang)
    return main


def same_run(a: Settings, b: Settings) -> bool:
    """Whether two settings give the same comparison (the view and language do not count)."""
    return replace(a, run=False, view="", lang="en") == replace(b, run=False, view="", lang="en")


__all__ = ["CompareView", "Outcome", "run_comparison", "series_table", "same_run", "arms_problem"]
