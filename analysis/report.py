"""The council report of a comparison: ``report.html`` and ``summary.md``, in English or Dutch.

``report.html`` starts with the headline cards (:func:`analysis.headline.headline`), then the
scenarios side by side, figures, a for-whom table, what the model assumes (every ``assumed``
parameter the compared scenarios use) and how to read it. Figures are matplotlib PNGs embedded
as data URIs, so the page works offline and can be mailed to a council as one file; it prints
on A4. Every text comes from :mod:`analysis.i18n`; scenarios are shown by their titles.
"""

from __future__ import annotations

import base64
import html
import io
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from analysis.compare import Comparison  # noqa: E402
from analysis.headline import (  # noqa: E402
    DEADWEIGHT_KEYS,
    MIN_REPS,
    Cell,
    Row,
    card_texts,
    headline,
    share_estimate,
    show_estimate,
    side_by_side,
    subgroup_keys,
    subgroups,
    too_few_reps,
)
from analysis.i18n import (  # noqa: E402
    GLOSSARY,
    MESSAGES,
    choice_text,
    lang_or_default,
    param_doc,
    param_label,
    param_why,
    t,
    unit_text,
)
from analysis.io import atomic_write_bytes  # noqa: E402
from sim.params import Param, all_params  # noqa: E402
from sim.scenario import Scenario  # noqa: E402


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode()


def figure_series(
    comp: Comparison,
    variable: str,
    title: str,
    cumulative: bool = False,
    *,
    scale: float = 1.0,
    titles: Mapping[str, str] | None = None,
    lang: str = "en",
):
    """Monthly ``variable`` per arm (whole region: divided by ``scale``) with a 95% band over
    replications."""
    import numpy as np

    fig, ax = plt.subplots(figsize=(7, 3.6))
    for arm, frames in comp.monthly.items():
        mats = []
        for f in frames:
            s = f[(f.municipality == "all") & (f.variable == variable)].sort_values("month")
            vals = s["value"].to_numpy() / scale
            mats.append(np.cumsum(vals) if cumulative else vals)
        if not mats:
            continue
        n = min(len(m) for m in mats)
        mat = np.array([m[:n] for m in mats])
        mean = mat.mean(axis=0)
        months = np.arange(n)
        ax.plot(months, mean, label=(titles or {}).get(arm, arm))
        if len(mats) > 1:
            sd = mat.std(axis=0, ddof=1) / math.sqrt(len(mats))
            ax.fill_between(months, mean - 1.96 * sd, mean + 1.96 * sd, alpha=0.2)
    ax.set_title(title)
    ax.set_xlabel(t("fig.month", lang))
    ax.set_ylabel(t("fig.persons", lang))
    if ax.get_lines():
        ax.legend(fontsize=7, ncol=2)
    ax.grid(alpha=0.3)
    return fig


def figure_cost_effect(
    comp: Comparison,
    *,
    scale: float = 1.0,
    titles: Mapping[str, str] | None = None,
    lang: str = "en",
):
    """Extra public cost per year against extra people in work at the end, per arm, with 95%
    intervals (whole region)."""
    fig, ax = plt.subplots(figsize=(6, 4))
    for h in headline(comp, scale):
        x, y = (
            h.cards["work_24m"] if h.cards["work_24m"].ok else h.cards["work_12m"],
            h.cards["cost_year"],
        )
        if not (x.ok and y.ok):
            continue
        xerr = [[x.value - x.low], [x.high - x.value]] if x.has_interval else None
        yerr = [[(y.value - y.low) / 1e6], [(y.high - y.value) / 1e6]] if y.has_interval else None
        ax.errorbar(x.value, y.value / 1e6, xerr=xerr, yerr=yerr, fmt="o", capsize=3)
        ax.annotate(
            (titles or {}).get(h.arm, h.arm),
            (x.value, y.value / 1e6),
            fontsize=8,
            xytext=(4, 4),
            textcoords="offset points",
        )
    ax.axhline(0, color="grey", lw=0.8)
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_xlabel(t("fig.extra_work", lang))
    ax.set_ylabel(t("fig.extra_cost", lang))
    ax.set_title(t("fig.cost_effect", lang))
    ax.grid(alpha=0.3)
    return fig


def _e(text: str) -> str:
    """Escaped for HTML text and double-quoted attributes (apostrophes stay readable)."""
    return html.escape(str(text), quote=False).replace('"', "&quot;")


def scenario_titles(
    comp: Comparison, scenarios: Sequence[Scenario] | None, lang: str
) -> dict[str, str]:
    """What readers see for each arm: the scenario's title in ``lang`` (never a file name)."""
    out = {}
    for i, arm in enumerate(comp.arms):
        scen = scenarios[i] if scenarios and i < len(scenarios) else None
        title = scen.title_in(lang) if scen is not None else arm.replace("_", " ")
        out[arm] = title
    if len(set(out.values())) < len(out):  # the same title twice: number them
        seen: dict[str, int] = {}
        for arm, title in out.items():
            seen[title] = seen.get(title, 0) + 1
            if seen[title] > 1:
                out[arm] = f"{title} ({seen[title]})"
    return out


def assumed_params(scenarios: Sequence[Scenario]) -> list[tuple[Param, list[Any]]]:
    """Every ``assumed`` parameter the scenarios use, with the values they give it.

    A policy's parameters count only when that policy is switched on in one of them."""
    params = all_params()
    on = {
        k.split(".")[1]
        for sc in scenarios
        for k, v in sc.values.items()
        if k.startswith("policies.") and k.endswith(".enabled") and v
    }
    out = []
    for key, p in params.items():
        if not p.assumed:
            continue
        if key.startswith("policies.") and key.split(".")[1] not in on:
            continue
        vals = list(dict.fromkeys(sc.values.get(key, p.default) for sc in scenarios))
        out.append((p, vals))
    return out


def row_label(key: str, lang: str) -> str:
    """The label of a side-by-side row (per-instrument rows name their instrument)."""
    if key in DEADWEIGHT_KEYS:
        return t("row.deadweight_share", lang)
    for prefix, msg in (
        ("decisive_share.", "row.decisive_share"),
        ("deadweight_share.", "row.deadweight_instrument"),
    ):
        if key.startswith(prefix):
            return t(msg, lang, instrument=instrument_label(key[len(prefix) :], lang))
    if f"row.{key}" not in MESSAGES:  # an outcome without a label yet: its name in words
        return key.replace("_", " ").replace(".", ": ")
    return t(f"row.{key}", lang)


def sub_label(metric: str, lang: str) -> str:
    """An outcome measured within a group of people ('... (% of the group)'), else its row
    label."""
    key = f"subrow.{metric}"
    return t(key, lang) if key in MESSAGES else row_label(metric, lang)


def subgroup_label(name: str, lang: str) -> str:
    """A group of people in words ('Wage value below 50% of the minimum wage'): from the
    catalogue, else its name in words."""
    if f"subgroup.{name}" in MESSAGES:
        return t(f"subgroup.{name}", lang)
    return name.replace("_", " ")


def instrument_label(name: str, lang: str = "en") -> str:
    """An instrument's name for readers: from the catalogue, else its own label ('the
    wage-cost subsidy'), else its name in words."""
    if f"policy.{name}" in MESSAGES:
        return t(f"policy.{name}", lang).lower()
    from sim.policies import POLICY_CLASSES

    for cls in POLICY_CLASSES:
        if cls.name == name and cls.label:
            return cls.label
    return name.replace("_", " ")


def cell_texts(row: Row, cell: Cell, lang: str) -> tuple[str, str, str]:
    """(value, interval, difference) texts of a side-by-side cell."""
    unit = "eur_million" if row.kind == "eur_year" else ("eur" if row.kind == "ratio_eur" else None)
    value, interval = show_estimate(cell.level, lang, unit=unit)
    diff = ""
    if cell.diff is not None:
        d, dint = show_estimate(cell.diff, lang, sign=True, unit=unit)
        diff = f"{t('num.vs_ref', lang)}: {d}" + (f" ({dint})" if dint else "")
    return value, interval, diff


def row_cell_texts(
    row: Row, cells: Mapping[str, Mapping[str, Cell]], arms: Sequence[str], lang: str
) -> list[tuple[str, str, str] | None]:
    """The :func:`cell_texts` of one side-by-side row per arm (None where the arm has no
    cell)."""
    out: list[tuple[str, str, str] | None] = []
    for arm in arms:
        cell = cells[row.key].get(arm)
        out.append(None if cell is None else cell_texts(row, cell, lang))
    return out


def _markdown_cell(value: str, interval: str, diff: str) -> str:
    return value + (f" ({interval})" if interval else "") + (f"; {diff}" if diff else "")


def headline_cards_html(
    comp: Comparison, scale: float, titles: Mapping[str, str], lang: str
) -> str:
    """The headline cards of every scenario against the reference, as HTML."""
    parts = []
    for h in headline(comp, scale):
        cards = []
        for c in card_texts(h, lang):
            e = h.cards.get(c.key)
            raw = e.value if e is not None else math.nan
            cards.append(
                f'<div class="card" data-card="{c.key}" data-value="{raw!r}">'
                f'<div class="label">{_e(c.label)}</div>'
                f'<div class="value{"" if e is not None and e.ok else " none"}">'
                f"{_e(c.value)}</div>"
                f'<div class="interval">{_e(c.interval)}</div>'
                f'<div class="sentence">{_e(c.sentence)}</div></div>'
            )
        parts.append(
            f'<section class="headline" data-arm="{_e(h.arm)}"><h3>'
            f"{_e(t('head.title', lang, arm=titles[h.arm], ref=titles[h.reference]))}"
            f'</h3><div class="cards">{"".join(cards)}</div></section>'
        )
    return "".join(parts)


def side_by_side_html(comp: Comparison, scale: float, titles: Mapping[str, str], lang: str) -> str:
    rows, cells = side_by_side(comp, scale)
    ref = comp.arms[0]
    head = "".join(
        f"<th>{_e(titles[a])}"
        + (f"<br><small>({_e(t('table.reference', lang))})</small>" if a == ref else "")
        + "</th>"
        for a in comp.arms
    )
    body = []
    for row in rows:
        tds = []
        for texts in row_cell_texts(row, cells, comp.arms, lang):
            if texts is None:
                tds.append("<td></td>")
                continue
            value, interval, diff = texts
            tds.append(
                f"<td>{_e(value)}"
                + (f"<br><small>{_e(interval)}</small>" if interval else "")
                + (f"<br><small class='diff'>{_e(diff)}</small>" if diff else "")
                + "</td>"
            )
        body.append(f"<tr><th>{_e(row_label(row.key, lang))}</th>{''.join(tds)}</tr>")
    return (
        f"<table class='side'><thead><tr><th>{_e(t('table.outcome', lang))}</th>{head}"
        f"</tr></thead><tbody>{''.join(body)}</tbody></table>"
        f"<p><small>{_e(t('table.diff_note', lang))}</small></p>"
    )


def for_whom_html(comp: Comparison, titles: Mapping[str, str], lang: str) -> str:
    """Placement and relapse by where people started; subgroup rows of the comparison table
    (when the comparison has them) after it."""
    groups = ("social_assistance", "sheltered_work")
    metrics = ("placement_rate_12m", "relapse_rate_12m", "sustained_placement_rate_24m")
    head = "".join(f"<th>{_e(titles[a])}</th>" for a in comp.arms)
    body = []
    for g in groups:
        for m in metrics:
            key = f"{g}.{m}"
            if key not in comp.runs[comp.arms[0]][0]:
                continue
            denom = f"{g}.target_group_start" if m != "relapse_rate_12m" else None
            tds = []
            for arm in comp.arms:
                runs = comp.runs[arm]
                vals = [r.get(key, math.nan) for r in runs]
                counts = [r.get(denom, math.nan) for r in runs] if denom else None
                v, iv = show_estimate(share_estimate(vals, counts), lang)
                tds.append(
                    f"<td>{_e(v)}" + (f"<br><small>{_e(iv)}</small>" if iv else "") + "</td>"
                )
            label = f"{t('report.group.' + g, lang)}: {sub_label(m, lang)}"
            body.append(f"<tr><th>{_e(label)}</th>{''.join(tds)}</tr>")
    out = (
        f"<p>{_e(t('report.for_whom_groups', lang))}</p><table class='side'><thead><tr>"
        f"<th>{_e(t('table.outcome', lang))}</th>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )
    if subgroup_keys(comp):
        out += subgroup_html(comp, titles, lang)
    return out


def subgroup_html(comp: Comparison, titles: Mapping[str, str], lang: str) -> str:
    """Subgroup outcomes (from the runs' ``<metric>@<subgroup>`` keys) as one table per
    outcome: subgroups as rows, scenarios as columns."""
    parts = []
    for metric, groups in subgroups(comp).items():
        arms = [a for a in comp.arms if any(a in g for g in groups.values())]
        head = "".join(f"<th>{_e(titles[a])}</th>" for a in arms)
        body = []
        for group, cells in groups.items():
            tds = []
            for arm in arms:
                e = cells.get(arm)
                if e is None:
                    tds.append("<td></td>")
                    continue
                v, iv = show_estimate(e, lang)
                tds.append(
                    f"<td>{_e(v)}" + (f"<br><small>{_e(iv)}</small>" if iv else "") + "</td>"
                )
            body.append(f"<tr><th>{_e(subgroup_label(group, lang))}</th>{''.join(tds)}</tr>")
        parts.append(
            f"<h3>{_e(sub_label(metric, lang))}</h3><table class='side'><thead>"
            f"<tr><th>{_e(t('sub.subgroup', lang))}</th>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>"
        )
    return "".join(parts)


def _value(v: Any, lang: str) -> str:
    if isinstance(v, bool):
        return t("report.on" if v else "report.off", lang)
    if isinstance(v, float):
        return f"{v:g}".replace(".", ",") if lang_or_default(lang) == "nl" else f"{v:g}"
    return str(v)


def assumption_reason(p: Param, lang: str) -> str:
    """Why an assumed value was chosen, in ``lang`` (:func:`analysis.i18n.param_why`)."""
    return param_why(p, lang)


def assumptions_html(scenarios: Sequence[Scenario] | None, lang: str) -> str:
    if not scenarios:
        return ""
    items = assumed_params(scenarios)
    if not items:
        return f"<p>{_e(t('report.assumes_none', lang))}</p>"
    rows = []
    for p, vals in items:
        shown = " / ".join(choice_text(v, lang) if p.choices else _value(v, lang) for v in vals) + (
            f" {unit_text(p.unit, lang)}" if p.unit and not p.choices else ""
        )
        rows.append(
            f"<tr><td><b>{_e(param_label(p, lang))}</b><br>{_e(param_doc(p, lang))}</td>"
            f"<td>{_e(shown)}</td><td>{_e(assumption_reason(p, lang))}</td></tr>"
        )
    return (
        f"<p>{_e(t('report.assumes_intro', lang))} {_e(t('report.reason_source', lang))}</p>"
        "<table class='assumed'><thead><tr>"
        f"<th>{_e(t('report.setting', lang))}</th><th>{_e(t('report.value', lang))}</th>"
        f"<th>{_e(t('report.why', lang))}</th></tr></thead><tbody>{''.join(rows)}"
        "</tbody></table>"
    )


REPORT_CSS = """
body { font-family: sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em;
       color: #222; line-height: 1.4; }
h1 { font-size: 1.6em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ccc; }
.warning { background: #fff4e5; border-left: 4px solid #e69500; padding: 0.5em 1em; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr));
         gap: 10px; }
.card { border: 1px solid #ccd; border-radius: 6px; padding: 8px 10px; background: #f8f9fc;
        break-inside: avoid; }
.card .label { font-size: 0.85em; color: #444; }
.card .value { font-size: 1.3em; font-weight: bold; margin: 2px 0; }
.card .value.none { font-size: 0.95em; font-weight: normal; font-style: italic; }
.card .interval { font-size: 0.8em; color: #555; }
.card .sentence { font-size: 0.85em; margin-top: 4px; }
table { border-collapse: collapse; font-size: 0.9em; margin: 0.5em 0; width: 100%; }
td, th { border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; text-align: right; }
th:first-child, table.assumed td { text-align: left; }
small.diff { color: #0b5394; }
.figures img { max-width: 49%; }
@media (max-width: 800px) { .figures img { max-width: 100%; } }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; } table, img, .card, section.headline { break-inside: avoid; }
  .figures img { max-width: 48%; }
  thead { display: table-header-group; }
}
"""


def report_scale(scale: float | None, scenarios: Sequence[Scenario] | None) -> float:
    """``scale`` if given, else the reference scenario's ``run.scale``, else 1."""
    if scale is None:
        scale = float(scenarios[0].get("run.scale", 1.0)) if scenarios else 1.0
    return scale


def few_reps_html(comp: Comparison, lang: str) -> str:
    """The warning that there are too few replications to trust the intervals (or '')."""
    reps = len(comp.seeds)
    return (
        f"<p class='warning'>{_e(t('warn.few_reps', lang, reps=reps, min=MIN_REPS))}</p>"
        if too_few_reps(comp)
        else ""
    )


def scenario_list_html(
    comp: Comparison,
    scenarios: Sequence[Scenario] | None,
    titles: Mapping[str, str],
    lang: str,
) -> str:
    """Every scenario's title and description (or '' without scenarios)."""
    if not scenarios:
        return ""
    items = "".join(
        f"<li><b>{_e(titles[a])}</b>: {_e(sc.description_in(lang))}</li>"
        for a, sc in zip(comp.arms, scenarios)
    )
    return f"<h2>{_e(t('report.scenario_list', lang))}</h2><ul>{items}</ul>"


def figures_html(comp: Comparison, scale: float, titles: Mapping[str, str], lang: str) -> str:
    """The figures as embedded PNGs: placements so far and the bijstand stock, and with more
    than one scenario the extra cost against the extra people in work."""
    figs = [
        figure_series(
            comp,
            "placements",
            t("fig.placements_so_far", lang),
            cumulative=True,
            scale=scale,
            titles=titles,
            lang=lang,
        ),
        figure_series(
            comp,
            "stock_social_assistance",
            t("fig.bijstand_stock", lang),
            scale=scale,
            titles=titles,
            lang=lang,
        ),
    ]
    if len(comp.arms) > 1:
        figs.append(figure_cost_effect(comp, scale=scale, titles=titles, lang=lang))
    return "".join(
        f'<img alt="{_e(t("report.figures", lang))}" src="data:image/png;base64,{_png(f)}">'
        for f in figs
    )


def comparison_html(
    comp: Comparison,
    title: str | None = None,
    settings: str = "",
    *,
    lang: str = "en",
    scale: float | None = None,
    scenarios: Sequence[Scenario] | None = None,
    sections: str = "",
) -> str:
    """The council report: headline cards, the scenarios side by side, figures, for whom,
    what the model assumes and how to read it; in ``lang`` ('en' or 'nl'), A4 when printed.

    ``scale`` is the simulated share of the region (default: the reference scenario's
    ``run.scale``, else 1); ``scenarios`` give the titles readers see and the assumptions;
    ``sections`` is extra HTML placed after the for-whom table (e.g. the cost of stop-go from
    ``analysis/stopgo.py``)."""
    lang = lang_or_default(lang)
    scale = report_scale(scale, scenarios)
    titles = scenario_titles(comp, scenarios, lang)
    title = title or t("report.title", lang)
    reps = len(comp.seeds)
    warn = few_reps_html(comp, lang)
    scen_list = scenario_list_html(comp, scenarios, titles, lang)
    imgs = figures_html(comp, scale, titles, lang)
    glossary = "".join(f"<li>{_e(t(k, lang))}</li>" for k in GLOSSARY)
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{_e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{REPORT_CSS}</style></head><body>
<h1>{_e(title)}</h1>
<p>{_e(settings)}</p>
{warn}
<h2>{_e(t("report.headline", lang))}</h2>
<p>{_e(t("head.intro", lang, reps=reps))}</p>
{headline_cards_html(comp, scale, titles, lang)}
<h2>{_e(t("report.table", lang))}</h2>
{side_by_side_html(comp, scale, titles, lang)}
<h2>{_e(t("report.figures", lang))}</h2><div class="figures">{imgs}</div>
<h2>{_e(t("report.for_whom", lang))}</h2>
{for_whom_html(comp, titles, lang)}
{sections}
{scen_list}
<h2>{_e(t("report.assumes", lang))}</h2>
{assumptions_html(scenarios, lang)}
<h2>{_e(t("report.how_to_read", lang))}</h2>
<p>{_e(t("report.how_to_read_text", lang, reps=reps))}</p>
<h3>{_e(t("report.glossary", lang))}</h3><ul>{glossary}</ul>
<p><small>{_e(t("report.footer", lang))}</small></p>
</body></html>
"""


def summary_markdown(
    comp: Comparison,
    *,
    lang: str = "en",
    scale: float | None = None,
    scenarios: Sequence[Scenario] | None = None,
    settings: str = "",
) -> str:
    """``summary.md``: the headline sentences and the side-by-side table, in ``lang``."""
    lang = lang_or_default(lang)
    scale = report_scale(scale, scenarios)
    titles = scenario_titles(comp, scenarios, lang)
    lines = [f"# {t('report.title', lang)}", ""]
    if settings:
        lines += [settings, ""]
    if too_few_reps(comp):
        lines += [f"> **{t('warn.few_reps', lang, reps=len(comp.seeds), min=MIN_REPS)}**", ""]
    lines += [
        f"## {t('report.headline', lang)}",
        "",
        t("head.intro", lang, reps=len(comp.seeds)),
        "",
    ]
    for h in headline(comp, scale):
        lines += [f"### {t('head.title', lang, arm=titles[h.arm], ref=titles[h.reference])}", ""]
        for c in card_texts(h, lang):
            extra = f" ({c.interval})" if c.interval else ""
            lines.append(f"- **{c.label}**: {c.value}{extra}. {c.sentence}".rstrip())
        lines.append("")
    rows, cells = side_by_side(comp, scale)
    lines += [
        f"## {t('report.table', lang)}",
        "",
        "| " + t("table.outcome", lang) + " | " + " | ".join(titles[a] for a in comp.arms) + " |",
        "|---" * (len(comp.arms) + 1) + "|",
    ]
    for row in rows:
        tds = [
            "" if texts is None else _markdown_cell(*texts)
            for texts in row_cell_texts(row, cells, comp.arms, lang)
        ]
        lines.append(f"| {row_label(row.key, lang)} | " + " | ".join(tds) + " |")
    lines += ["", t("table.diff_note", lang), ""]
    return "\n".join(lines)


def write_comparison_report(
    comp: Comparison,
    out: str | Path,
    title: str | None = None,
    settings: str = "",
    *,
    lang: str = "en",
    scale: float | None = None,
    scenarios: Sequence[Scenario] | None = None,
    sections: str = "",
) -> Path:
    """Write ``report.html`` into ``out`` (atomically) and return its path."""
    path = Path(out) / "report.html"
    atomic_write_bytes(
        path,
        comparison_html(
            comp, title, settings, lang=lang, scale=scale, scenarios=scenarios, sections=sections
        ).encode(),
    )
    return path
