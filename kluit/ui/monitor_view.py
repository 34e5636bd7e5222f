"""The Monitor view (FIRE step 3): upload the region's realised monthly figures and see them
against the simulated band, the months outside it, and the re-fit's forecast.

The computation is :func:`analysis.monitor.monitor`, the same code as ``kluit monitor``; the
view reads the uploaded file with :func:`analysis.monitor.read_observed` (errors name line and
column) and runs the monitor in a background thread.
"""

from __future__ import annotations

import html
import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import solara

from analysis.i18n import number, percent, t
from kluit.ui.components import Help, Messages, PngImage, ScenarioSelect
from kluit.ui.state import ScenarioEntry, usable


@solara.component_vue("file_pick.vue")
def FilePick(label: str, event_file_text: Callable[[dict], None]):
    """A button that opens the browser's file chooser; the chosen file's name and text go to
    ``event_file_text`` as ``{"name": ..., "text": ...}``."""


SCALES = (0.02, 0.05, 0.1)
#: the longest run the view offers (the months slider's maximum)
MONTHS_MAX = 240
#: the flags table's columns (message keys)
FLAG_HEAD = ("where", "figure", "month", "realised", "range", "side")


def file_names() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The words a user types into the CSV: its column headings, the figures counted per
    municipality and those counted for the whole region only."""
    from analysis.monitor import AREA_VARIABLES, COLUMNS, REGION_VARIABLES

    return COLUMNS, AREA_VARIABLES, REGION_VARIABLES


def format_html(lang: str) -> str:
    """How to write the file: the column headings, then every figure's name in the file
    (which users must type as it is) with what it counts, in ``lang``."""
    from analysis.monitor import REGION, series_label

    columns, area, region = file_names()
    intro = t("monitor.format", lang, columns=", ".join(columns), all=REGION)
    rows = "".join(
        f"<tr><td><code>{html.escape(v)}</code></td><td>{html.escape(what)}</td></tr>"
        for v, what in [(v, series_label(v, lang)) for v in area]
        + [(v, t("monitor.region_only", lang, what=series_label(v, lang))) for v in region]
    )
    return (
        f"<p>{html.escape(intro)}</p><table class='kluit-monitor-vars'><tr>"
        f"<th>{html.escape(t('monitor.var_name', lang))}</th>"
        f"<th>{html.escape(t('monitor.var_meaning', lang))}</th></tr>{rows}</table>"
    )


def read_upload(data: bytes, name: str, entry: ScenarioEntry, months: int):
    """The uploaded figures, checked against the scenario's region and the run length."""
    from pathlib import Path

    from analysis.monitor import read_observed
    from sim.model import load_run_region
    from sim.scenario import load_scenario

    scen = load_scenario(entry.path)
    region = load_run_region(scen, Path(entry.path).parent)
    return read_observed(data, region.names, months, name=name)


def _flags_html(res, lang: str) -> str:
    from analysis.monitor import REGION, series_label

    if not len(res.flags):
        return f"<p>{html.escape(t('monitor.all_inside', lang))}</p>"
    head = "".join(f"<th>{html.escape(t('monitor.head.' + h, lang))}</th>" for h in FLAG_HEAD)
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{html.escape(str(c))}</td>"
            for c in (
                t("monitor.region", lang) if r.municipality == REGION else r.municipality,
                series_label(r.variable, lang),
                r.month,
                number(r.observed, lang),
                f"{number(r.low, lang)} - {number(r.high, lang)}",
                t(f"monitor.{r.direction}", lang),
            )
        )
        + "</tr>"
        for r in res.flags.itertuples()
    )
    return (
        f"<h3>{html.escape(t('monitor.flags_title', lang))}</h3>"
        f"<table class='kluit-flags'><tr>{head}</tr>{rows}</table>"
    )


def setting_label(key: str, lang: str) -> str:
    """A re-fitted setting in words: the catalogue's, else the registry's label."""
    from analysis.i18n import MESSAGES
    from kluit.ui.state import param_label
    from sim.params import all_params

    if f"monitor.param.{key}" in MESSAGES:
        return t(f"monitor.param.{key}", lang)
    return param_label(all_params()[key], lang)


def _sig(v: float, lang: str) -> str:
    """Four significant digits with the language's decimal mark."""
    text = f"{v:.4g}"
    return text.replace(".", ",") if lang == "nl" else text


def _refit_html(res, lang: str) -> str:
    if not res.params:
        return ""
    head = "".join(
        f"<th>{html.escape(t('monitor.head.' + h, lang))}</th>"
        for h in ("setting", "scenario", "fitted")
    )
    rows = "".join(
        f"<tr><td>{html.escape(setting_label(k, lang))}</td>"
        f"<td>{_sig(a, lang)}</td><td>{_sig(b, lang)}</td></tr>"
        for k, (a, b) in res.params.items()
    )
    text = t(
        "monitor.refit_text",
        lang,
        before=number(res.distance_before, lang, 2),
        after=number(res.distance_after, lang, 2),
    )
    return (
        f"<h3>{html.escape(t('monitor.refit_title', lang))}</h3>"
        f"<p>{html.escape(text)}</p><table class='kluit-refit'><tr>{head}</tr>{rows}</table>"
    )


def _png(fig) -> bytes:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def bad_file_text(exc, lang: str) -> str:
    """A file that cannot be read, in the page's language: where (line, column) and what."""
    from analysis.monitor import COLUMNS, ObservedFileError
    from kluit.ui.errors import observed_error_text, scenario_error_text

    if not isinstance(exc, ObservedFileError):
        return t("monitor.bad_file", lang, error=scenario_error_text(exc, lang))
    where = (
        t("monitor.bad_cell", lang, line=exc.line, column=exc.column, name=COLUMNS[exc.column - 1])
        if exc.column
        else t("monitor.bad_line", lang, line=exc.line)
    )
    what = observed_error_text(exc, lang)
    return t("monitor.bad_file", lang, error=f"{where}: {what}")


def observed_or_problem(upload: tuple[str, bytes] | None, entry: ScenarioEntry | None, lang: str):
    """The uploaded figures read against the chosen scenario, or why they cannot be read."""
    from analysis.monitor import ObservedFileError
    from sim.scenario import ScenarioError

    if upload is None or entry is None:
        return None, None
    name, data = upload
    try:  # any month the slider allows; the run is made long enough below
        return read_upload(data, name, entry, MONTHS_MAX), None
    except (ObservedFileError, ScenarioError) as exc:
        return None, bad_file_text(exc, lang)


@dataclass
class MonitorSettings:
    """The run's settings as the controls hold them (from :func:`use_monitor_settings`)."""

    months: solara.Reactive[int]
    scale: solara.Reactive[float]
    reps: solara.Reactive[int]
    refit: solara.Reactive[bool]


def use_monitor_settings(months: int, scale: float, reps: int) -> MonitorSettings:
    """The controls' state, starting at the view's arguments (hook)."""
    return MonitorSettings(
        solara.use_reactive(months),
        solara.use_reactive(scale),
        solara.use_reactive(reps),
        solara.use_reactive(True),
    )


@dataclass
class MonitorRun:
    """The monitor in the background (from :func:`use_monitor_run`)."""

    result: solara.Reactive
    errors: solara.Reactive[list]
    busy: solara.Reactive[bool]
    start: Callable[[], None]


def use_monitor_run(
    entry: ScenarioEntry | None, observed, ms: MonitorSettings, lang: str
) -> MonitorRun:
    """Run the monitor in a thread, one at a time, long enough for the uploaded months
    (hook)."""
    from analysis.monitor import monitor
    from kluit.ui.errors import scenario_error_text
    from sim.scenario import ScenarioError

    result = solara.use_reactive(None)
    errors = solara.use_reactive([])
    busy = solara.use_reactive(False)
    lock = solara.use_memo(threading.Lock, [])

    def start():
        if observed is None or entry is None or busy.value:
            return
        busy.set(True)
        errors.set([])
        run_months = max(ms.months.value, int(observed.month.max()))
        if run_months != ms.months.value:
            ms.months.set(run_months)
        args = dict(
            months=run_months,
            scale=ms.scale.value,
            reps=ms.reps.value,
            refit=ms.refit.value,
            samples=6,
            rounds=2,
        )

        def work():
            with lock:
                try:
                    result.set(monitor(entry.path, observed, **args))
                except (ScenarioError, ValueError) as exc:
                    errors.set([scenario_error_text(exc, lang)])
                finally:
                    busy.set(False)

        threading.Thread(target=work, daemon=True).start()

    return MonitorRun(result, errors, busy, start)


@solara.component
def UploadStatus(upload: tuple[str, bytes] | None, observed, problem: str | None, lang: str):
    """No file yet, why the file cannot be read, or what was read from it (the view shows
    it only when there is one of these to say)."""
    if upload is None:
        return solara.Text(t("monitor.no_file", lang))
    if problem:
        return Messages([problem], kind="error")
    keys = observed.groupby(["municipality", "variable"]).ngroups
    return solara.Text(
        t(
            "monitor.loaded",
            lang,
            rows=len(observed),
            series=keys,
            first=int(observed.month.min()),
            last=int(observed.month.max()),
        ),
        classes=["kluit-monitor-loaded"],
    )


@solara.component
def MonitorControls(ms: MonitorSettings, lang: str):
    """Months, share of the region, repetitions and whether to re-fit."""
    shares = {percent(x, lang): x for x in SCALES}
    # each control in a box that may shrink to 200 px: the row wraps in a narrow window
    box = {"flex": "1 1 200px", "min-width": "200px", "max-width": "100%"}
    with solara.Row(
        style={"flex-wrap": "wrap", "gap": "4px 16px"}, classes=["kluit-monitor-controls"]
    ) as main:
        with solara.Div(style=box):
            # the value in the label (as in Compare): a thumb bubble would cover the label
            solara.SliderInt(
                f"{t('monitor.months', lang)}: {ms.months.value}",
                value=ms.months.value,
                min=1,
                max=MONTHS_MAX,
                on_value=ms.months.set,
                thumb_label=False,
            )
        with solara.Div(style=box):
            solara.Select(
                t("monitor.scale", lang),
                values=list(shares),
                value=percent(ms.scale.value, lang),
                on_value=lambda v: ms.scale.set(shares[v]),
            )
        with solara.Div(style=box):
            solara.SliderInt(
                f"{t('monitor.reps', lang)}: {ms.reps.value}",
                value=ms.reps.value,
                min=2,
                max=30,
                on_value=ms.reps.set,
                thumb_label=False,
            )
        with solara.Div(style=box):
            solara.Checkbox(
                label=t("monitor.refit", lang), value=ms.refit.value, on_value=ms.refit.set
            )
    return main


@solara.component
def ResultText(res, lang: str):
    """The share of realised figures inside the band, the months outside it, the re-fit."""
    share = percent(res.inside_share(), lang)
    return solara.HTML(
        tag="div",
        classes=["kluit-monitor-result"],
        unsafe_innerHTML=(
            f"<p class='kluit-inside' data-value='{res.inside_share():.6g}'><b>"
            f"{html.escape(t('monitor.inside', lang, share=share))}</b></p>"
            + _flags_html(res, lang)
            + _refit_html(res, lang)
        ),
    )


@solara.component
def BandFigures(res, lang: str):
    """Every realised series against its simulated band, drawn once per result."""
    from analysis.monitor import figure

    pngs = solara.use_memo(
        lambda: [
            (var, _png(figure(res, area, var, lang)))
            for area, var in dict.fromkeys(zip(res.table.municipality, res.table.variable))
        ],
        [id(res), lang],
    )
    with solara.Row(style={"flex-wrap": "wrap"}) as main:
        for var, png in pngs:
            PngImage(png, alt=var, css_class="kluit-figure kluit-band", width=480)
    return main


@solara.component
def MonitorView(
    entries: Sequence[ScenarioEntry],
    uploaded: solara.Reactive | None = None,
    months: int = 36,
    scale: float = 0.05,
    reps: int = 6,
    lang: str = "en",
):
    """``uploaded`` holds (file name, bytes) of the realised figures (the drop zone sets it;
    tests set it directly). Every text is in ``lang`` (the page's language)."""
    ok = usable(entries)
    own_upload = solara.use_reactive(None)
    upload = uploaded if uploaded is not None else own_upload
    choice = solara.use_reactive(ok[0].rel if ok else "")
    ms = use_monitor_settings(months, scale, reps)
    entry = {e.rel: e for e in ok}.get(choice.value)
    observed, problem = observed_or_problem(upload.value, entry, lang)
    run = use_monitor_run(entry, observed, ms, lang)
    res = run.result.value
    with solara.Column(gap="6px", classes=["kluit-monitor"]) as main:
        Help(t("monitor.help", lang))
        solara.HTML(tag="div", classes=["kluit-monitor-format"], unsafe_innerHTML=format_html(lang))
        if not ok:
            Messages([t("monitor.no_scenario", lang)])
            return main
        ScenarioSelect(t("monitor.scenario", lang), ok, choice.value, choice.set, lang)
        FilePick(
            label=t("monitor.choose", lang),
            event_file_text=lambda f: upload.set((f["name"], f["text"].encode("utf-8"))),
        )
        solara.FileDrop(
            label=t("monitor.drop", lang),
            on_file=lambda f: upload.set((f["name"], f["data"])),
            lazy=False,
        )
        if upload.value is None or problem or observed is not None:
            UploadStatus(upload.value, observed, problem, lang)
        MonitorControls(ms, lang)
        solara.Button(
            t("monitor.run", lang),
            on_click=run.start,
            color="primary",
            disabled=observed is None or run.busy.value,
            classes=["kluit-monitor-run"],
        )
        if run.busy.value:
            solara.Text(t("monitor.running", lang))
        Messages(run.errors.value, kind="error")
        if res is not None:
            ResultText(res, lang)
            BandFigures(res, lang)
    return main
