"""Matplotlib figures of the UI, built with the object API (no pyplot: figures are per call,
thread-safe and never leak between sessions) and returned as PNG bytes by :func:`png`.

Each function takes plain data (tables, a month record, a region), so the same figures can be
drawn in a notebook or a report.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from sim.state import STATE_NAMES, State

#: one colour per arm (reference first), colour-blind safe (Okabe-Ito)
ARM_COLOURS = [
    "#555555",
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#F0E442",
]
STATE_COLOURS = {
    "employed": "#009E73",
    "subsidised": "#56B4E9",
    "pool": "#0072B2",
    "unemployed_ww": "#E69F00",
    "no_benefit": "#F0E442",
    "social_assistance": "#D55E00",
    "sheltered": "#CC79A7",
    "training": "#999999",
    "inactive": "#DDDDDD",
}
STATE_LABELS = {
    "employed": "job",
    "subsidised": "job with wage subsidy",
    "pool": "work-pool job",
    "unemployed_ww": "unemployment benefit (WW)",
    "no_benefit": "out of work, no benefit",
    "social_assistance": "social assistance",
    "sheltered": "sheltered work",
    "training": "training",
    "inactive": "left the labour force",
}
DPI = 100


def png(fig: Figure, *, tight: bool = True) -> bytes:
    """The figure as PNG bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight" if tight else None)
    return buf.getvalue()


def _style(ax) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(alpha=0.25)


# --- compare -------------------------------------------------------------------------------


def series_figure(
    series: Mapping[str, pd.DataFrame],
    titles: Mapping[str, str],
    arms: Sequence[str],
    *,
    arm_labels: Mapping[str, str] | None = None,
    month_label: str = "month",
    people_label: str = "people",
) -> Figure:
    """One panel per variable, one line per arm (labelled with ``arm_labels``, the scenario
    titles) with its 95% band over replications."""
    fig = Figure(figsize=(11, 3.8), layout="constrained")
    axes = fig.subplots(1, len(series), squeeze=False)[0]
    for ax, (var, df) in zip(axes, series.items()):
        for i, arm in enumerate(arms):
            d = df[df.scenario == arm].sort_values("month")
            if d.empty:
                continue
            c = ARM_COLOURS[i % len(ARM_COLOURS)]
            ax.plot(d["month"], d["mean"], color=c, lw=2, label=(arm_labels or {}).get(arm, arm))
            if d["low"].notna().any():
                # counts cannot be negative: the band is cut at zero (the CSV keeps the interval)
                ax.fill_between(
                    d["month"], d["low"].clip(lower=0), d["high"], color=c, alpha=0.18, lw=0
                )
        ax.set_title(titles.get(var, var), fontsize=11)
        ax.set_xlabel(month_label)
        ax.set_ylabel(people_label)
        _style(ax)
    axes[0].legend(frameon=False, fontsize=9)
    return fig


# --- explore -------------------------------------------------------------------------------

MAP_SIZE = (4.4, 4.0)  # inches; at DPI 100 the map image is 440 x 400 pixels


def _white_ground(pad: float, alpha: float) -> dict[str, Any]:
    """The box under a text: rounded and white, so that it reads over lines and dots."""
    return dict(boxstyle=f"round,pad={pad}", fc="white", ec="none", alpha=alpha)


def _line_label(
    ax, x: float, y: float, text: str, *, color: str, zorder: float, alpha: float
) -> None:
    """A small label centred on a line (a link's minutes, a move's people), on a white ground
    of opacity ``alpha``."""
    ax.text(
        x,
        y,
        text,
        fontsize=7,
        color=color,
        ha="center",
        va="center",
        zorder=zorder,
        bbox=_white_ground(0.1, alpha),
    )


def _assistance_share(record: Mapping[str, Any]) -> np.ndarray:
    """Per municipality, the share of residents on social assistance (0 with no residents)."""
    stocks = record["stocks"]
    residents = stocks.sum(axis=1).astype(float)
    sa = stocks[:, State.SOCIAL_ASSISTANCE].astype(float)
    return np.divide(sa, residents, out=np.zeros_like(sa), where=residents > 0)


def _draw_links(ax, region, x: np.ndarray, y: np.ndarray) -> None:
    """The commuting links as lines, each labelled with its minutes at the middle."""
    for u, v, d in region.graph.edges(data=True):
        ax.plot([x[u], x[v]], [y[u], y[v]], color="#9aa", lw=1.2, zorder=1)
        _line_label(
            ax,
            (x[u] + x[v]) / 2,
            (y[u] + y[v]) / 2,
            f"{d.get('minutes', 0):.0f}'",
            color="#577",
            zorder=2,
            alpha=0.8,
        )


def _draw_towns(ax, region, x: np.ndarray, y: np.ndarray, share: np.ndarray):
    """The municipalities as circles sized by population and coloured by ``share``, the
    places outside the region as grey squares. Returns the circles (for the colour bar) and
    each place's marker size."""
    pop = np.asarray(region.population, float)
    size = 120 + 900 * np.sqrt(pop / max(pop.max(), 1))
    ext = np.asarray(region.external, bool)
    vmax = max(0.01, float(share[~ext].max()) if (~ext).any() else 0.01)
    dots = ax.scatter(
        x[~ext],
        y[~ext],
        s=size[~ext],
        c=share[~ext],
        cmap="OrRd",
        vmin=0,
        vmax=vmax,
        edgecolors="#333",
        linewidths=0.8,
        zorder=3,
    )
    ax.scatter(x[ext], y[ext], s=260, marker="s", c="#e8e8e8", edgecolors="#888", zorder=3)
    return dots, size


def _draw_names(ax, region, x: np.ndarray, y: np.ndarray, size: np.ndarray, lang: str) -> None:
    """Each place's name in ``lang``, on a white ground just under its marker (figures per
    town are in the panel a click opens and in the bar chart)."""
    from analysis.i18n import name_text

    for i, name in enumerate(region.names):
        ax.annotate(
            name_text("place", name, lang),
            (x[i], y[i]),
            xytext=(0, -4 - math.sqrt(size[i]) / 2),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=7.5,
            zorder=6,
            bbox=_white_ground(0.15, 0.85),
        )


def _draw_selection(
    ax, x: np.ndarray, y: np.ndarray, size: np.ndarray, selected: int | None
) -> None:
    """A blue ring round the municipality chosen (none when ``selected`` is None or off)."""
    if selected is not None and 0 <= selected < len(x):
        ax.scatter(
            [x[selected]],
            [y[selected]],
            s=size[selected] + 400,
            facecolors="none",
            edgecolors="#0072B2",
            linewidths=3,
            zorder=5,
        )


def _frame_map(ax, x: np.ndarray, y: np.ndarray) -> None:
    """Room round the places (more below, for the names), equal scales, no axes drawn."""
    pad_x = (x.max() - x.min()) * 0.12 + 5
    pad_y = (y.max() - y.min()) * 0.18 + 5
    ax.set_xlim(x.min() - pad_x, x.max() + pad_x)
    ax.set_ylim(y.min() - pad_y * 1.4, y.max() + pad_y)
    ax.set_aspect("equal", adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for s in ax.spines.values():
        s.set_visible(False)


def _share_bar(fig: Figure, dots, legend: str) -> None:
    """The colour bar under the map: the share on social assistance in per cent."""
    cax = fig.add_axes((0.25, 0.05, 0.5, 0.025))
    bar = fig.colorbar(dots, cax=cax, orientation="horizontal")
    bar.ax.xaxis.set_major_formatter(lambda v, _: f"{100 * v:.0f}%")
    bar.ax.tick_params(labelsize=7)
    bar.set_label(legend, fontsize=7.5)


def _pixel_positions(
    fig: Figure, ax, x: np.ndarray, y: np.ndarray
) -> dict[int, tuple[float, float]]:
    """Each place's position in the PNG, in pixels from the top left (for clicks)."""
    ax.apply_aspect()  # place the axes as drawing will, without drawing twice
    h = fig.bbox.height
    return {
        i: (float(px), float(h - py))
        for i, (px, py) in enumerate(ax.transData.transform(np.column_stack([x, y])))
    }


def map_figure(
    region,
    record: Mapping[str, Any],
    *,
    selected: int | None,
    scale: float,
    title: str = "Municipalities and commuting links (minutes)",
    legend: str = "share of residents on bijstand",
    lang: str = "en",
) -> tuple[Figure, dict[int, tuple[float, float]]]:
    """Municipalities at their coordinates, sized by population and coloured by the share of
    residents on social assistance (a colour bar says how much); commuting links labelled with
    minutes. Returns the figure and each node's pixel position in the PNG (for clicks)."""
    fig = Figure(figsize=MAP_SIZE, dpi=DPI)
    ax = fig.add_axes((0.02, 0.1, 0.96, 0.8))
    x, y = np.asarray(region.x_km, float), np.asarray(region.y_km, float)
    _draw_links(ax, region, x, y)
    dots, size = _draw_towns(ax, region, x, y, _assistance_share(record))
    _draw_names(ax, region, x, y, size, lang)
    _draw_selection(ax, x, y, size, selected)
    _frame_map(ax, x, y)
    fig.suptitle(title, fontsize=10, y=0.98)
    _share_bar(fig, dots, legend)
    return fig, _pixel_positions(fig, ax, x, y)


#: where each state sits in the flow diagram (x, y in axes units); out of work on the left,
#: in work on the right, training above and sheltered work below. Leaving the labour force
#: (and entering it) is written underneath instead of drawn, to keep the arrows readable.
_FLOW_POS = {
    "unemployed_ww": (0.13, 0.76),
    "social_assistance": (0.13, 0.47),
    "no_benefit": (0.13, 0.18),
    "employed": (0.87, 0.76),
    "subsidised": (0.87, 0.47),
    "pool": (0.87, 0.18),
    "training": (0.5, 0.92),
    "sheltered": (0.5, 0.05),
}


def state_labels(lang: str = "en") -> dict[str, str]:
    """State name -> its label in ``lang``."""
    from analysis.i18n import t

    return {name: t(f"state.{name}", lang) for name in STATE_LABELS}


def _moves(flows: np.ndarray) -> tuple[np.ndarray, int, int]:
    """This month's moves between the states drawn (staying put and leaving or entering the
    labour force set to 0), and how many left and how many came into the labour force."""
    inactive = STATE_NAMES.index("inactive")
    moved = flows.copy()
    np.fill_diagonal(moved, 0)
    left, came = int(moved[:, inactive].sum()), int(moved[inactive, :].sum())
    moved[:, inactive] = 0
    moved[inactive, :] = 0
    return moved, left, came


def _draw_moves(ax, moved: np.ndarray, scale: float) -> None:
    """One arrow per move between two states (the smallest first, so the largest lie on
    top), as wide as its share of the largest, labelled with the people moving."""
    big = max(1, int(moved.max()))
    pairs = [(int(a), int(b)) for a, b in zip(*np.nonzero(moved))]
    for a, b in sorted(pairs, key=lambda p: moved[p]):
        na, nb = STATE_NAMES[a], STATE_NAMES[b]
        (x0, y0), (x1, y1) = _FLOW_POS[na], _FLOW_POS[nb]
        same_column = abs(x0 - x1) < 0.01
        rad = 0.45 if same_column else 0.1
        w = 0.6 + 5.5 * moved[a, b] / big
        arrow = FancyArrowPatch(
            (x0, y0),
            (x1, y1),
            connectionstyle=f"arc3,rad={rad}",
            arrowstyle="-|>",
            mutation_scale=8 + w * 2,
            lw=w,
            color=STATE_COLOURS[nb],
            alpha=0.75,
            shrinkA=24,
            shrinkB=24,
            zorder=1,
        )
        ax.add_patch(arrow)
        mx = (x0 + x1) / 2 + 0.5 * rad * (y1 - y0) * 4.6 / 6.2
        my = (y0 + y1) / 2 - 0.5 * rad * (x1 - x0) * 6.2 / 4.6
        _line_label(ax, mx, my, f"{moved[a, b] / scale:,.0f}", color="#222", zorder=3, alpha=0.85)


def _draw_states(ax, stocks: np.ndarray, scale: float, lang: str) -> None:
    """One box per state at its place in the diagram: its label in ``lang`` and the people
    in it now."""
    labels = state_labels(lang)
    for name, (x, y) in _FLOW_POS.items():
        s = int(stocks[STATE_NAMES.index(name)])
        ax.add_patch(
            FancyBboxPatch(
                (x - 0.12, y - 0.05),
                0.24,
                0.1,
                boxstyle="round,pad=0.01",
                fc=STATE_COLOURS[name],
                ec="#333",
                lw=0.8,
                alpha=0.95,
                zorder=2,
            )
        )
        ax.text(x, y + 0.02, labels[name], ha="center", va="center", fontsize=6.8, zorder=4)
        ax.text(
            x,
            y - 0.022,
            f"{s / scale:,.0f}",
            ha="center",
            va="center",
            fontsize=8,
            weight="bold",
            zorder=4,
        )


def _flows_footer(fig: Figure, left: int, came: int, scale: float, lang: str) -> None:
    """The line under the diagram: how many left and entered the labour force."""
    from analysis.i18n import number, t

    fig.text(
        0.02,
        0.015,
        t(
            "explore.flows_footer",
            lang,
            left=number(left / scale, lang),
            came=number(came / scale, lang),
        ),
        fontsize=7.5,
        color="#444",
    )


def flows_figure(
    stocks: np.ndarray, flows: np.ndarray, *, title: str, scale: float, lang: str = "en"
) -> Figure:
    """States as boxes (people now, scaled to the region) and this month's moves between them
    as arrows whose width grows with the number of people moving."""
    fig = Figure(figsize=(6.2, 4.6))
    ax = fig.add_axes((0.0, 0.07, 1.0, 0.86))
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.02, 1.0)
    ax.axis("off")
    fig.suptitle(title, fontsize=10, y=0.99)
    moved, left, came = _moves(flows)
    _draw_moves(ax, moved, scale)
    _draw_states(ax, stocks, scale, lang)
    _flows_footer(fig, left, came, scale, lang)
    return fig


def vacancies_figure(
    region, record: Mapping[str, Any], *, selected: int | None, scale: float, lang: str = "en"
) -> Figure:
    """Open vacancies and people searching (WW, no benefit, social assistance) per
    municipality this month, scaled to the region."""
    fig = Figure(figsize=(6.2, 2.8))
    ax = fig.add_axes((0.12, 0.2, 0.86, 0.75))
    ext = np.asarray(region.external, bool)
    idx = np.flatnonzero(~ext)
    from analysis.i18n import name_text

    names = [name_text("place", region.names[i], lang) for i in idx]
    vac = np.asarray(record["vacancies"], float)[idx] / scale
    st = record["stocks"][idx]
    seek = (
        st[:, State.UNEMPLOYED_WW] + st[:, State.NO_BENEFIT] + st[:, State.SOCIAL_ASSISTANCE]
    ) / scale
    pos = np.arange(len(idx))
    from analysis.i18n import t

    b1 = ax.bar(pos - 0.2, vac, 0.4, label=t("explore.open_vacancies", lang), color="#009E73", lw=0)
    b2 = ax.bar(
        pos + 0.2, seek, 0.4, label=t("explore.out_of_work", lang), color="#D55E00", alpha=0.8, lw=0
    )
    for j, i in enumerate(idx):
        if selected == i:
            for bar in (b1[j], b2[j]):
                bar.set_edgecolor("#0072B2")
                bar.set_linewidth(2.5)
    ax.set_xticks(pos, names, fontsize=8, rotation=15)
    ax.set_ylabel(t("explore.people_vacancies", lang))
    ax.legend(frameon=False, fontsize=8)
    _style(ax)
    return fig


def over_time_figure(
    series: Mapping[str, tuple[np.ndarray, str]],
    *,
    title: str,
    month_label: str = "month",
    people_label: str = "people",
) -> Figure:
    """Monthly series (name -> (values from month 0, colour)) with a legend; points are marked
    so that the first months show."""
    fig = Figure(figsize=(6.2, 3.0), layout="constrained")
    ax = fig.add_subplot()
    for name, (values, colour) in series.items():
        months = np.arange(len(values))  # the DataCollector records month 0 too
        ax.plot(
            months,
            values,
            color=colour,
            lw=2,
            marker="o" if len(values) < 25 else None,
            ms=3,
            label=name,
        )
    ax.set_title(title, fontsize=10)
    ax.set_xlabel(month_label)
    ax.set_ylabel(people_label)
    ax.set_ylim(bottom=0)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False, fontsize=7.5, loc="center left", bbox_to_anchor=(1.0, 0.5))
    _style(ax)
    return fig


# --- a person's story ----------------------------------------------------------------------


def story_figure(
    paths: Sequence[Sequence[str]], names: Sequence[str], parting: int | None, lang: str = "en"
) -> Figure:
    """Each run's monthly state as a coloured band, one row per run, with the month the paths
    part marked."""
    from analysis.i18n import t

    labels = state_labels(lang)
    months = len(paths[0])
    fig = Figure(figsize=(11, 1.2 + 0.7 * len(paths)), layout="constrained")
    ax = fig.add_subplot()
    used = []
    for row, path in enumerate(paths):
        y = len(paths) - 1 - row
        start = 0
        for m in range(1, months + 1):
            if m == months or path[m] != path[start]:
                st = path[start]
                ax.barh(
                    y,
                    m - start,
                    left=start - 0.5,
                    height=0.6,
                    color=STATE_COLOURS.get(st, "#ccc"),
                    edgecolor="white",
                    lw=0.5,
                )
                if m - start >= 3:
                    ax.text(
                        start - 0.5 + (m - start) / 2,
                        y,
                        labels.get(st, st),
                        ha="center",
                        va="center",
                        fontsize=7.5,
                    )
                if st not in used:
                    used.append(st)
                start = m
    if parting is not None:
        ax.axvline(parting - 0.5, color="#000", lw=1.5, ls="--")
        ax.text(
            parting - 0.4,
            len(paths) - 0.45,
            t("story.paths_part", lang, month=parting),
            fontsize=8,
            va="bottom",
        )
    ax.set_yticks(range(len(paths)), list(reversed(names)))
    ax.set_xlim(-0.5, months - 0.5)
    ax.set_ylim(-0.6, len(paths) - 0.2)
    ax.set_xlabel(t("fig.month", lang))
    ax.spines[["top", "right", "left"]].set_visible(False)
    from matplotlib.patches import Patch

    handles = [Patch(color=STATE_COLOURS.get(s, "#ccc")) for s in used]
    fig.legend(
        handles,
        [labels.get(s, s) for s in used],
        loc="outside lower center",
        ncols=min(5, len(used)),
        frameon=False,
        fontsize=8,
    )
    return fig
