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
from collections.abc import Sequence

import solara

from kluit.ui.components import Help, Messages, PngImage
from kluit.ui.state import ScenarioEntry, usable

#: every text the view shows, in one place (to move into the message catalogue)
TEXT = {
    "help": "Upload the figures your region counted month by month (people on bijstand, "
            "placements, relapses, vacancies, for the region or a municipality). Kluit runs "
            "the chosen scenario several times, scales it to the whole region and shows the "
            "range nine runs in ten stay within. Months outside that range are flagged; the "
            "model is then fitted again to your months and shows where the region is heading.",
    "format": "The file is a CSV with the columns month, municipality, variable, value; "
              "municipality 'all' is the whole region. Variables: stock_social_assistance, "
              "stock_sheltered, placements, relapses (region only), vacancies, and more.",
    "scenario": "Scenario",
    "drop": "Drop the CSV with your realised figures here, or click to choose it",
    "no_file": "No figures uploaded yet.",
    "loaded": "{rows} figures in {series} series, months {first} to {last}.",
    "months": "Months to simulate",
    "scale": "Share of the population simulated",
    "reps": "Runs for the band",
    "refit": "Fit the model again to the realised months",
    "run": "Run monitor",
    "running": "Running the monitor...",
    "inside": "{share:.0f}% of the realised months lie inside the simulated range "
              "(90% band).",
    "all_inside": "Every realised month lies inside the simulated range.",
    "flags_title": "Months outside the range",
    "flag_head": ("Where", "Figure", "Month", "Realised", "Simulated range", ""),
    "above": "above",
    "below": "below",
    "region": "whole region",
    "refit_title": "Fitted again to your months",
    "refit_text": "Distance to your figures: {before:.2f} with the scenario, {after:.2f} after "
                  "fitting again (smaller is closer).",
    "param_head": ("Setting", "Scenario", "Fitted again"),
    "no_scenario": "No scenario to monitor.",
}
SCALES = (0.02, 0.05, 0.1)
#: the longest run the view offers (the months slider's maximum)
MONTHS_MAX = 240


def read_upload(data: bytes, name: str, entry: ScenarioEntry, months: int):
    """The uploaded figures, checked against the scenario's region and the run length."""
    from pathlib import Path

    from analysis.monitor import read_observed
    from sim.model import load_run_region
    from sim.scenario import load_scenario

    scen = load_scenario(entry.path)
    region = load_run_region(scen, Path(entry.path).parent)
    return read_observed(data, region.names, months, name=name)


def _flags_html(res, labels: dict[str, str]) -> str:
    if not len(res.flags):
        return f"<p>{html.escape(TEXT['all_inside'])}</p>"
    head = "".join(f"<th>{html.escape(h)}</th>" for h in TEXT["flag_head"])
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in (
            TEXT["region"] if r.municipality == "all" else r.municipality,
            labels.get(r.variable, r.variable), r.month, f"{r.observed:,.0f}",
            f"{r.low:,.0f} - {r.high:,.0f}", TEXT[r.direction])) + "</tr>"
        for r in res.flags.itertuples())
    return (f"<h3>{html.escape(TEXT['flags_title'])}</h3><table class='kluit-flags'>"
            f"<tr>{head}</tr>{rows}</table>")


def _refit_html(res) -> str:
    if not res.params:
        return ""
    from kluit.ui.state import param_label
    from sim.params import all_params

    params = all_params()
    head = "".join(f"<th>{html.escape(h)}</th>" for h in TEXT["param_head"])
    rows = "".join(f"<tr><td>{html.escape(param_label(params[k]))}</td><td>{a:.4g}</td>"
                   f"<td>{b:.4g}</td></tr>" for k, (a, b) in res.params.items())
    text = TEXT["refit_text"].format(before=res.distance_before, after=res.distance_after)
    return (f"<h3>{html.escape(TEXT['refit_title'])}</h3><p>{html.escape(text)}</p>"
            f"<table>{head and f'<tr>{head}</tr>'}{rows}</table>")


def _png(fig) -> bytes:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


@solara.component
def MonitorView(entries: Sequence[ScenarioEntry], uploaded: solara.Reactive | None = None,
                months: int = 36, scale: float = 0.05, reps: int = 6):
    """``uploaded`` holds (file name, bytes) of the realised figures (the drop zone sets it;
    tests set it directly)."""
    from analysis.monitor import SERIES_LABELS, ObservedFileError, figure, monitor
    from sim.scenario import ScenarioError, load_scenario

    ok = usable(entries)
    titles = solara.use_memo(lambda: {e.rel: load_scenario(e.path).title_in("en")
                                      for e in ok}, [tuple(e.rel for e in ok)])
    own_upload = solara.use_reactive(None)
    upload = uploaded if uploaded is not None else own_upload
    choice = solara.use_reactive(ok[0].rel if ok else "")
    n_months = solara.use_reactive(months)
    scale_r = solara.use_reactive(scale)
    reps_r = solara.use_reactive(reps)
    refit = solara.use_reactive(True)
    result = solara.use_reactive(None)
    errors = solara.use_reactive([])
    busy = solara.use_reactive(False)
    lock = solara.use_memo(threading.Lock, [])
    by_rel = {e.rel: e for e in ok}
    entry = by_rel.get(choice.value)

    observed, problem = None, None
    if upload.value is not None and entry is not None:
        name, data = upload.value
        try:  # any month the slider allows; the run is made long enough below
            observed = read_upload(data, name, entry, MONTHS_MAX)
        except (ObservedFileError, ScenarioError) as exc:
            problem = str(exc)

    def start():
        if observed is None or entry is None or busy.value:
            return
        busy.set(True)
        errors.set([])
        run_months = max(n_months.value, int(observed.month.max()))
        if run_months != n_months.value:
            n_months.set(run_months)
        args = dict(months=run_months, scale=scale_r.value, reps=reps_r.value,
                    refit=refit.value, samples=6, rounds=2)

        def work():
            with lock:
                try:
                    result.set(monitor(entry.path, observed, **args))
                except (ScenarioError, ValueError) as exc:
                    errors.set([str(exc)])
                finally:
                    busy.set(False)

        threading.Thread(target=work, daemon=True).start()

    with solara.Column(gap="6px", classes=["kluit-monitor"]) as main:
        Help(TEXT["help"])
        Help(TEXT["format"])
        if not ok:
            Messages([TEXT["no_scenario"]])
            return main
        solara.Select(TEXT["scenario"], values=[titles[e.rel] for e in ok],
                      value=titles.get(choice.value, ""),
                      on_value=lambda t: choice.set(next(e.rel for e in ok
                                                         if titles[e.rel] == t)))
        solara.FileDrop(label=TEXT["drop"],
                        on_file=lambda f: upload.set((f["name"], f["data"])), lazy=False)
        if upload.value is None:
            solara.Text(TEXT["no_file"])
        elif problem:
            Messages([problem], kind="error")
        else:
            keys = observed.groupby(["municipality", "variable"]).ngroups
            solara.Text(TEXT["loaded"].format(rows=len(observed), series=keys,
                                              first=int(observed.month.min()),
                                              last=int(observed.month.max())))
        with solara.Row():
            solara.SliderInt(TEXT["months"], value=n_months.value, min=1, max=MONTHS_MAX,
                             on_value=n_months.set, thumb_label="always")
            solara.Select(TEXT["scale"], values=list(SCALES), value=scale_r.value,
                          on_value=scale_r.set)
            solara.SliderInt(TEXT["reps"], value=reps_r.value, min=2, max=30,
                             on_value=reps_r.set, thumb_label="always")
            solara.Checkbox(label=TEXT["refit"], value=refit.value, on_value=refit.set)
        solara.Button(TEXT["run"], on_click=start, color="primary",
                      disabled=observed is None or busy.value)
        if busy.value:
            solara.Text(TEXT["running"])
        Messages(errors.value, kind="error")
        res = result.value
        if res is not None:
            share = 100 * res.inside_share()
            solara.HTML(tag="div", classes=["kluit-monitor-result"], unsafe_innerHTML=(
                f"<p><b>{html.escape(TEXT['inside'].format(share=share))}</b></p>"
                + _flags_html(res, SERIES_LABELS) + _refit_html(res)))
            series = list(dict.fromkeys(zip(res.table.municipality, res.table.variable)))
            with solara.Row(style={"flex-wrap": "wrap"}):
                for area, var in series:
                    PngImage(_png(figure(res, area, var)), alt=var, width=480)
    return main
