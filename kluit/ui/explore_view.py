"""The Explore view (for educators): step or play one run and watch the region.

One :class:`~sim.model.LabourMarketModel` per browser session, built inside the component
(never at module level). A play thread steps it while the page renders snapshots taken under a
lock, so a render never sees a half-finished month. A new run is shown from month 1 (month 0
has no vacancies yet). The series over time are the model's Mesa ``DataCollector`` columns,
drawn with plain names, a legend and "month" on the axis; Mesa's ``ModelController`` is not
used because its Reset rebuilds a model as ``type(model)(scenario=...)``, which a Kluit model
(configured by a scenario file) does not accept.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd
import solara

from analysis.i18n import name_text, number, percent, t
from kluit.ui import figures
from kluit.ui.components import (
    ClickableImage,
    Downloads,
    Help,
    Messages,
    PngImage,
    ScenarioSelect,
    html_table,
)
from kluit.ui.errors import scenario_error_text
from kluit.ui.state import (
    SCALES,
    ScenarioEntry,
    Settings,
    policy_explanation,
    policy_label,
    policy_names,
    usable,
)
from sim.model import LabourMarketModel
from sim.scenario import ScenarioError, load_scenario
from sim.state import JOB_STATES, STATE_NAMES, State

SPEEDS = {"slow": 1.0, "normal": 0.4, "fast": 0.1}
#: the month a new run is shown at: month 0 is the starting state, with no vacancies opened
#: and nothing to draw over time yet
FIRST_MONTH = 1
#: the mechanisms explained next to the run (texts in analysis.i18n as mech.<name>)
MECHANISMS = ("matching", "relapse", "sickness", "vacancies", "training", "benefits")
#: DataCollector columns drawn over time (people counts, scaled to the region)
PLOTTED = {
    "social_assistance": "#D55E00",
    "sheltered_work": "#CC79A7",
    "training": "#999999",
    "subsidised": "#56B4E9",
    "pool_jobs": "#0072B2",
}


@dataclass(frozen=True)
class Snapshot:
    """What a render needs from the model, taken under the run's lock."""

    month: int
    months: int
    record: dict[str, Any]
    collected: pd.DataFrame


class ExploreRun:
    """One model and the lock that keeps stepping and reading apart."""

    def __init__(self, scen, *, scale: float, seed: int):
        self.model = LabourMarketModel(scen, scale=scale, rng=seed)
        self.scale = scale
        self.lock = threading.Lock()

    def step(self, n: int = 1) -> bool:
        """Advance up to ``n`` months; False when the run is over."""
        with self.lock:
            m = self.model
            for _ in range(n):
                if m.month >= m.months:
                    return False
                m.step()
            return m.month < m.months

    def snapshot(self) -> Snapshot:
        with self.lock:
            m = self.model
            return Snapshot(
                m.month, m.months, m.series[-1], m.datacollector.get_model_vars_dataframe().copy()
            )


def nearest_node(
    pixels: dict[int, tuple[float, float]], x: float, y: float, radius: float = 30.0
) -> int | None:
    """The node drawn nearest to a click at pixel (x, y), if within ``radius`` pixels.

    >>> nearest_node({0: (10.0, 10.0), 1: (100.0, 50.0)}, 95, 48)
    1
    >>> nearest_node({0: (10.0, 10.0)}, 200, 200) is None
    True
    """
    best, best_d = None, radius
    for i, (px, py) in pixels.items():
        d = math.hypot(px - x, py - y)
        if d <= best_d:
            best, best_d = i, d
    return best


def town_rows(
    region, rec: dict[str, Any], node: int, scale: float, lang: str = "en"
) -> list[list[tuple]]:
    """Rows of the municipality table: state, people now, moved in, moved out this month."""
    stocks, flows = rec["stocks"][node], rec["flows"][node]
    labels = figures.state_labels(lang)
    rows = []
    for st in State:
        inflow = int(flows[:, st].sum() - flows[st, st])
        outflow = int(flows[st, :].sum() - flows[st, st])
        rows.append(
            [
                (labels[STATE_NAMES[st]], {}),
                (f"{stocks[st] / scale:,.0f}", {"data-value": str(int(stocks[st]))}),
                (f"{inflow / scale:,.0f}", {}),
                (f"{outflow / scale:,.0f}", {}),
            ]
        )
    return rows


@solara.component
def TownPanel(region, snap: Snapshot, node: int, scale: float, lang: str = "en"):
    rec = snap.record
    name = name_text("place", region.names[node], lang)
    flows = rec["flows"][node]
    jobs = [int(s) for s in JOB_STATES]
    hires = int(flows[:, jobs].sum() - flows[np.ix_(jobs, jobs)].sum())
    placements = int(flows[[State.SOCIAL_ASSISTANCE, State.SHELTERED]][:, jobs].sum())
    back = int(
        flows[jobs][:, [State.SOCIAL_ASSISTANCE, State.UNEMPLOYED_WW, State.SHELTERED]].sum()
    )
    g = region.graph
    links = sorted(
        (
            (name_text("place", region.names[v], lang), d.get("minutes", 0))
            for _, v, d in g.edges(node, data=True)
        ),
        key=lambda x: x[1],
    )

    def n(v):
        return number(v, lang)

    with solara.Card(f"{name}", margin=0, elevation=1, classes=["kluit-town"]) as main:
        if region.external[node]:
            solara.Text(t("town.external", lang, name=name))
        facts = [
            (t("town.population", lang), n(region.population[node])),
            (t("town.vacancies", lang), n(rec["vacancies"][node] / scale)),
            (t("town.jobs", lang), n(rec["jobs"][node] / scale)),
            (t("town.hired", lang), n(hires / scale)),
            (t("town.placements", lang), n(placements / scale)),
            (t("town.back", lang), n(back / scale)),
        ]
        solara.HTML(
            tag="div",
            unsafe_innerHTML=html_table(
                ["", ""], [[(a, {}), (b, {"class": "fact"})] for a, b in facts], css_class="facts"
            ),
        )
        solara.HTML(
            tag="div",
            unsafe_innerHTML=html_table(
                [
                    t("town.state", lang),
                    t("town.now", lang),
                    t("town.in", lang),
                    t("town.out", lang),
                ],
                town_rows(region, rec, node, scale, lang),
                css_class="kluit-town-states",
            ),
        )
        solara.Text(t("town.links", lang, links=", ".join(f"{a} {m:.0f} min" for a, m in links)))
    return main


@solara.component
def ExploreSettingsRow(s: Settings, good: Sequence[ScenarioEntry], update):
    """Scenario, share of the region simulated, seed."""
    lang = s.lang
    with solara.Row(gap="12px", style={"flex-wrap": "wrap", "align-items": "center"}) as main:
        ScenarioSelect(
            t("explore.scenario", lang),
            good,
            s.explore or None,
            lambda v: update(explore=v),
            lang,
            style="min-width: 260px",
        )
        scales = sorted(set(SCALES[:4]) | {s.explore_scale})
        shares = {percent(x, lang): x for x in scales}
        solara.Select(
            t("explore.scale", lang),
            values=list(shares),
            value=percent(s.explore_scale, lang),
            on_value=lambda v: update(explore_scale=shares[v]),
            style="max-width: 220px",
        )
        solara.InputInt(
            t("compare.seed", lang),
            value=s.explore_seed,
            on_value=lambda v: update(explore_seed=max(0, int(v or 0))),
            style="max-width: 130px",
        )
    return main


def month_html(s: Settings, run: ExploreRun, snap: Snapshot) -> str:
    """The month shown, of how many, and how many people and employers are simulated."""
    lang = s.lang
    return (
        f"<b class='kluit-month'>{t('explore.month', lang, month=snap.month)}</b>"
        f" / {snap.months}; "
        + t(
            "explore.simulated",
            lang,
            persons=number(run.model.persons.n, lang),
            employers=number(run.model.employers.n, lang),
            share=percent(s.explore_scale, lang),
        )
    )


@solara.component
def PlayBar(
    s: Settings,
    *,
    run,
    snap,
    playing: solara.Reactive[bool],
    speed: solara.Reactive[str],
    step,
    reset,
):
    """Step a month or a year, play or pause, start again, the speed and the month shown."""
    lang = s.lang
    month = snap.month if snap else 0
    with solara.Row(gap="8px", style={"align-items": "center", "flex-wrap": "wrap"}) as main:
        solara.Button(
            t("explore.step", lang),
            on_click=lambda: step(1),
            color="primary",
            disabled=playing.value or run is None or month >= (snap.months if snap else 0),
        )
        solara.Button(
            t("explore.step_year", lang),
            on_click=lambda: step(12),
            disabled=playing.value or run is None,
        )
        solara.Button(
            t("explore.pause", lang) if playing.value else t("explore.play", lang),
            icon_name="mdi-pause" if playing.value else "mdi-play",
            on_click=lambda: playing.set(not playing.value),
            disabled=run is None,
        )
        solara.Button(t("explore.reset", lang), on_click=reset, icon_name="mdi-restart")
        speeds = {t(f"explore.speed.{k}", lang): k for k in SPEEDS}
        solara.ToggleButtonsSingle(
            value=t(f"explore.speed.{speed.value}", lang),
            values=list(speeds),
            on_value=lambda v: speed.set(speeds[v]),
        )
        if snap:
            solara.HTML(tag="span", unsafe_innerHTML=month_html(s, run, snap))
    return main


@solara.component
def ExploreControls(
    s: Settings,
    good: Sequence[ScenarioEntry],
    update,
    *,
    run,
    snap,
    playing: solara.Reactive[bool],
    speed: solara.Reactive[str],
    step,
    reset,
):
    """Scenario, share, seed; step, play, start again; the month shown."""
    with solara.Column(gap="4px") as main:
        ExploreSettingsRow(s, good, update)
        PlayBar(s, run=run, snap=snap, playing=playing, speed=speed, step=step, reset=reset)
    return main


@solara.component
def ExploreHelp(lang: str, instruments: Sequence[str]):
    """How the model works, and the instruments switched on in this run."""
    with solara.Column(gap="2px") as main:
        solara.HTML(tag="h3", unsafe_innerHTML=t("explore.how", lang))
        for name in MECHANISMS:
            Help(t(f"mech.{name}", lang), t(f"mech.{name}.title", lang))
        for n in instruments:
            Help(
                policy_explanation(n, lang),
                t("explore.instrument_on", lang, name=policy_label(n, lang)),
            )
        if not instruments:
            Help(t("explore.no_instrument", lang), t("explore.instruments", lang))
    return main


def over_time_png(snap: Snapshot, scale: float, lang: str) -> bytes:
    """The DataCollector's series, whole region, with plain names."""
    collected = snap.collected
    series = {
        t(f"series.{c}", lang): (collected[c].to_numpy() / scale, colour)
        for c, colour in PLOTTED.items()
        if c in collected
    }
    return figures.png(
        figures.over_time_figure(
            series,
            title=t("explore.over_time", lang),
            month_label=t("fig.month", lang),
            people_label=t("fig.persons", lang),
        )
    )


@dataclass
class Explorer:
    """The run of one Explore session and what steers it (from :func:`use_explore_run`)."""

    run: ExploreRun | None
    problem: ScenarioError | None
    playing: solara.Reactive[bool]
    speed: solara.Reactive[str]
    tick: solara.Reactive[int]
    step: Callable[..., None]
    reset: Callable[[], None]


def build_run(entry: ScenarioEntry | None, scale: float, seed: int):
    """A new run shown from :data:`FIRST_MONTH`, or the problem with its scenario."""
    if entry is None:
        return None, None
    try:
        run = ExploreRun(load_scenario(entry.path), scale=scale, seed=seed)
        run.step(FIRST_MONTH)  # month 0 has no vacancies and no history: start later
        return run, None
    except ScenarioError as exc:
        return None, exc


def use_play_loop(
    run: ExploreRun | None,
    playing: solara.Reactive[bool],
    speed: solara.Reactive[str],
    tick: solara.Reactive[int],
) -> None:
    """Step the run in a thread while playing, one month per tick of the chosen speed (hook)."""

    def play_loop():
        while playing.value and run is not None:
            t0 = time.perf_counter()
            more = run.step()
            tick.set(run.model.month)
            if not more:
                playing.set(False)
                break
            time.sleep(max(0.0, SPEEDS[speed.value] - (time.perf_counter() - t0)))

    solara.lab.use_task(play_loop, dependencies=[playing.value, id(run)])


def use_explore_run(s: Settings, by_id: dict[str, ScenarioEntry], active: bool) -> Explorer:
    """The session's run, built once the view was first shown and again on a new scenario,
    share, seed or Start again; stepped by hand or by the play loop (hook)."""
    reset_count = solara.use_reactive(0)
    tick = solara.use_reactive(0)
    playing = solara.use_reactive(False)
    speed = solara.use_reactive("normal")
    shown = solara.use_ref(False)
    if active:
        shown.current = True
    key = (s.explore, s.explore_scale, s.explore_seed)

    def build():
        if not shown.current:
            return None, None
        return build_run(by_id.get(s.explore), s.explore_scale, s.explore_seed)

    run, problem = solara.use_memo(build, [key, reset_count.value, shown.current])
    use_play_loop(run, playing, speed, tick)

    def step(n=1):
        if run is not None:
            run.step(n)
            tick.set(run.model.month)

    def reset():
        playing.set(False)
        reset_count.set(reset_count.value + 1)
        tick.set(0)

    return Explorer(run, problem, playing, speed, tick, step, reset)


def flows_png(region, snap: Snapshot | None, node: int | None, scale: float, lang: str) -> bytes:
    """This month's moves between states, in the municipality chosen or the whole region."""
    if snap is None:
        return b""
    rec = snap.record
    if node is None:
        st, fl = rec["stocks"].sum(0), rec["flows"].sum(0)
        where = t("explore.the_region", lang)
    else:
        st, fl = rec["stocks"][node], rec["flows"][node]
        where = name_text("place", region.names[node], lang)
    return figures.png(
        figures.flows_figure(
            st,
            fl,
            title=t("explore.flows_title", lang, month=snap.month, where=where),
            scale=scale,
            lang=lang,
        ),
        tight=False,
    )


def use_explore_figures(
    run: ExploreRun | None, snap: Snapshot | None, node: int | None, scale: float, lang: str
) -> dict[str, Any]:
    """The map (and where its towns are drawn), the flows, the vacancies and the series over
    time, drawn once per run, month, municipality and language (hook)."""
    region = run.model.region if run is not None else None
    month = snap.month if snap else 0
    deps = [id(run), month, node, lang]
    map_and_pixels = solara.use_memo(
        lambda: (
            figures.map_figure(
                region,
                snap.record,
                selected=node,
                scale=scale,
                title=t("map.title", lang),
                legend=t("map.legend", lang),
                lang=lang,
            )
            if snap
            else (None, {})
        ),
        deps,
    )
    map_png = solara.use_memo(
        lambda: (
            figures.png(map_and_pixels[0], tight=False) if map_and_pixels[0] is not None else b""
        ),
        deps,
    )
    flows = solara.use_memo(lambda: flows_png(region, snap, node, scale, lang), deps)
    vac_png = solara.use_memo(
        lambda: (
            figures.png(
                figures.vacancies_figure(
                    region, snap.record, selected=node, scale=scale, lang=lang
                ),
                tight=False,
            )
            if snap
            else b""
        ),
        deps,
    )
    time_png = solara.use_memo(
        lambda: over_time_png(snap, scale, lang) if snap else b"", [id(run), month, lang]
    )
    return {
        "map_png": map_png,
        "pixels": map_and_pixels[1],
        "flows_png": flows,
        "vac_png": vac_png,
        "time_png": time_png,
    }


def use_explore_downloads(run: ExploreRun | None, map_png: bytes):
    """The monthly table and the map as downloads (hook).

    FileDownload restarts (a thread and a second render) whenever its data changes: give it
    callables that stay the same from month to month and read the latest figures when asked.
    """
    latest_map = solara.use_ref(b"")
    latest_map.current = map_png
    monthly_csv = solara.use_memo(
        lambda: (lambda: run.model.monthly_table().to_csv(index=False)) if run else "", [id(run)]
    )
    map_file = solara.use_memo(lambda: lambda: latest_map.current, [])
    return monthly_csv, map_file


@solara.component
def MapColumn(
    settings: solara.Reactive[Settings],
    region,
    snap: Snapshot,
    node: int | None,
    pics: dict[str, Any],
):
    """The map (click a town to choose it), the municipality chooser and the town's panel."""
    s = settings.value
    lang = s.lang

    def choose_town(name: str):
        settings.set(replace(settings.value, town=name))

    def on_map_click(x, y):
        hit = nearest_node(pics["pixels"], x, y)
        if hit is not None:
            choose_town(region.names[hit])

    whole = t("explore.whole_region", lang)
    with solara.Column(gap="4px") as main:
        ClickableImage(
            pics["map_png"],
            t("map.title", lang),
            width=int(figures.MAP_SIZE[0] * figures.DPI),
            on_click=on_map_click,
        )
        Help(t("help.map", lang))
        shown = {name_text("place", n, lang): n for n in region.names}
        solara.Select(
            t("explore.municipality", lang),
            values=[whole, *shown],
            value=name_text("place", s.town, lang) if node is not None else whole,
            on_value=lambda v: choose_town(shown.get(v, "")),
        )
        if node is not None:
            TownPanel(region, snap, node, s.explore_scale, lang)
    return main


@solara.component
def FiguresColumn(pics: dict[str, Any], lang: str):
    """The series over time, this month's moves between states and the vacancies."""
    with solara.Column(gap="4px") as main:
        PngImage(
            pics["time_png"],
            t("explore.over_time", lang),
            css_class="kluit-figure kluit-over-time",
        )
        PngImage(
            pics["flows_png"],
            "Moves between states this month",
            css_class="kluit-figure kluit-flows",
        )
        Help(t("help.flows", lang))
        PngImage(
            pics["vac_png"],
            "Vacancies and people out of work per municipality",
            css_class="kluit-figure kluit-vacancies",
        )
    return main


@solara.component
def HelpColumn(run: ExploreRun, map_png: bytes, lang: str):
    """How the model works, the instruments on, and the downloads."""
    monthly_csv, map_file = use_explore_downloads(run, map_png)
    with solara.Column(gap="2px") as main:
        ExploreHelp(lang, [n for n in policy_names() if run.model.p.get(f"policies.{n}.enabled")])
        Downloads(
            [
                (monthly_csv, "explore_monthly.csv", t("explore.dl_monthly", lang), "text/csv"),
                (map_file, "map.png", t("explore.dl_map", lang), "image/png"),
            ],
            row=False,
        )
    return main


@solara.component
def ExploreView(
    settings: solara.Reactive[Settings], entries: Sequence[ScenarioEntry], active: bool = True
):
    s = settings.value
    lang = s.lang
    good = usable(entries)
    ex = use_explore_run(s, {e.rel: e for e in good}, active)
    run = ex.run

    def update(**kw):
        """A changed setting stops the play; a control that reports its unchanged value (an
        input losing focus, a select re-rendered) changes nothing."""
        new = replace(settings.value, **kw)
        if new != settings.value:
            ex.playing.set(False)
            settings.set(new)

    region = run.model.region if run is not None else None
    node = region.names.index(s.town) if region is not None and s.town in region.names else None
    _ = ex.tick.value  # read, so that a step (which sets it) renders the view again
    snap = run.snapshot() if run is not None else None
    pics = use_explore_figures(run, snap, node, s.explore_scale, lang)

    with solara.Column(gap="8px") as main:
        ExploreControls(
            s,
            good,
            update,
            run=run,
            snap=snap,
            playing=ex.playing,
            speed=ex.speed,
            step=ex.step,
            reset=ex.reset,
        )
        with solara.Column(gap="4px"):  # status lines in a container of their own
            if ex.problem:
                Messages([scenario_error_text(ex.problem, lang)], "error")
        if snap is None:
            return main
        with solara.Columns([4, 5, 3], gutters_dense=True, classes=["kluit-cols"]):
            MapColumn(settings, region, snap, node, pics)
            FiguresColumn(pics, lang)
            HelpColumn(run, pics["map_png"], lang)
    return main
