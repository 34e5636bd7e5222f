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
                        f"{e.rel}: {e.error}", style={"font-size": "0.8em", "display": "block"}
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
                                    p, own.get(p.key, p.default), lambda v, k=p.key: set_key(k, v)
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
def CompareResults(out: Outcome, lang: str = "en"):
    comp = out.comparison
    s = out.settings
    titles = out.titles(lang)
    tab = solara.use_reactive(0)
    series = solara.use_memo(
        lambda: {v: arm_series(comp.monthly, v, scale=out.scale) for v in SERIES}, [id(out)]
    )
    series_png = solara.use_memo(
        lambda: figures.png(
            figures.series_figure(
                series,
                {v: t(k, lang) for v, k in SERIES.items()},
                comp.arms,
                arm_labels=titles,
                month_label=t("fig.month", lang),
                people_label=t("fig.persons", lang),
            )
        ),
        [id(out), lang],
    )
    cards = solara.use_memo(
        lambda: headline_cards_html(comp, out.scale, titles, lang), [id(out), lang]
    )
    table = solara.use_memo(
        lambda: side_by_side_html(comp, out.scale, titles, lang), [id(out), lang]
    )
    whom = solara.use_memo(lambda: for_whom_html(comp, titles, lang), [id(out), lang])
    # FileDownload restarts when its data changes: give it the same callables every render
    table_csv = solara.use_memo(lambda: lambda: outcome_csv(out), [id(out)])
    headline_csv = solara.use_memo(
        lambda: lambda: headline_table(comp, out.scale).to_csv(index=False), [id(out)]
    )
    monthly_csv = solara.use_memo(lambda: lambda: series_table(out).to_csv(index=False), [id(out)])
    with solara.Column(gap="6px", classes=["kluit-results"]) as main:
        solara.HTML(
            tag="div",
            unsafe_innerHTML=(
                "<span class='kluit-run-info'>"
                + html.escape(
                    t(
                        "compare.run_info",
                        lang,
                        arms=len(comp.arms),
                        reps=s.reps,
                        months=s.months,
                        share=percent(s.scale, lang),
                        seconds=number(out.seconds, lang, 1),
                    )
                )
                + "</span>"
            ),
        )
        if too_few_reps(comp):
            Messages([t("warn.few_reps", lang, reps=s.reps, min=MIN_REPS)])
        with solara.lab.Tabs(value=tab.value, on_value=tab.set, align="left"):
            with solara.lab.Tab(t("compare.tab.headline", lang)):
                solara.HTML(
                    tag="p", unsafe_innerHTML=html.escape(t("head.intro", lang, reps=s.reps))
                )
                solara.HTML(tag="div", unsafe_innerHTML=cards, classes=["kluit-cards"])
                Help(t("compare.deadweight_help", lang))
            with solara.lab.Tab(t("compare.tab.table", lang)):
                solara.HTML(tag="div", unsafe_innerHTML=table, classes=["kluit-side"])
            with solara.lab.Tab(t("compare.tab.subgroups", lang)):
                solara.HTML(tag="div", unsafe_innerHTML=whom, classes=["kluit-whom"])
                if not subgroup_keys(comp):
                    solara.Text(t("compare.no_subgroups", lang))
            with solara.lab.Tab(t("compare.tab.figures", lang)):
                PngImage(
                    series_png,
                    t("compare.series_title", lang),
                    css_class="kluit-figure kluit-series",
                )
        with solara.Row(gap="8px", style={"flex-wrap": "wrap"}, classes=["kluit-downloads"]):
            solara.FileDownload(
                headline_csv,
                filename="headline.csv",
                label=t("compare.dl_headline", lang),
                mime_type="text/csv",
            )
            solara.FileDownload(
                table_csv,
                filename="comparison.csv",
                label=t("compare.dl_table", lang),
                mime_type="text/csv",
            )
            solara.FileDownload(
                monthly_csv,
                filename="monthly_series.csv",
                label=t("compare.dl_monthly", lang),
                mime_type="text/csv",
            )
            solara.FileDownload(
                series_png,
                filename="placements_relapses.png",
                label=t("compare.dl_series", lang),
                mime_type="image/png",
            )
    return main


@solara.component
def CompareView(settings: solara.Reactive[Settings], entries: Sequence[ScenarioEntry]):
    s = settings.value
    lang = s.lang
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
            problem.set(t("compare.stopped", settings.value.lang))
            return None
        except ScenarioError as exc:
            problem.set(str(exc))
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
        if s.run and not started.current:
            started.current = True
            start()

    solara.use_effect(autostart, [])

    arm_problem = arms_problem(s, entries)
    n_arms = len([x for x in s.scenarios if x in {e.rel for e in usable(entries)}]) + (
        1 if s.own_on else 0
    )
    out = outcome.value
    stale = out is not None and not same_run(out.settings, s)

    with solara.Columns([1, 3], gutters_dense=True, classes=["kluit-cols"]) as main:
        with solara.Column():
            CompareControls(s, update, entries)
        with solara.Column():
            Help(t("compare.help", lang))
            RunSettings(s, update)
            with solara.Row(style={"align-items": "center", "flex-wrap": "wrap"}):
                solara.Button(
                    t("compare.run", lang),
                    color="primary",
                    on_click=start,
                    disabled=task.pending or arm_problem is not None,
                    icon_name="mdi-play",
                    classes=["kluit-run"],
                )
                if task.pending:
                    solara.Button(
                        t("compare.stop", lang), on_click=cancel.set, icon_name="mdi-stop"
                    )
                solara.Text(t("compare.runs", lang, arms=n_arms, reps=s.reps, runs=n_arms * s.reps))
            # the status lines come and go inside their own column, so the results below keep
            # their place (and their state: a FileDownload in flight) when they change
            with solara.Column(gap="4px"):
                if arm_problem:
                    Messages([arm_problem])
                if task.pending:
                    done, total = progress.value
                    solara.ProgressLinear(value=100 * done / total if total else True)
                    solara.Text(
                        t("compare.progress", lang, done=done, total=total or "..."),
                        classes=["kluit-progress"],
                    )
                if problem.value:
                    Messages([problem.value], "error")
                if task.error:
                    Messages([t("compare.failed", lang, error=task.exception)], "error")
                if out is None and not task.pending:
                    solara.Text(t("compare.start_hint", lang))
            with solara.Column(gap="4px"):
                if stale:  # the notice sits right above the results it concerns
                    Messages([t("compare.stale", lang)], "info")
                if out is not None:
                    with solara.Div(
                        classes=["kluit-stale"] if stale else [],
                        style={"opacity": "0.45"} if stale else {},
                    ):
                        CompareResults(out, lang).key(f"results-{id(out)}")
    return main


def same_run(a: Settings, b: Settings) -> bool:
    """Whether two settings give the same comparison (the view and language do not count)."""
    return replace(a, run=False, view="", lang="en") == replace(b, run=False, view="", lang="en")


__all__ = ["CompareView", "Outcome", "run_comparison", "series_table", "same_run", "arms_problem"]
