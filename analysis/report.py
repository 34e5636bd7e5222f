"""The comparison report: a self-contained HTML page with the table, net effects and figures.

Figures are matplotlib PNGs embedded as data URIs, so the page works offline and can be mailed
to a council as one file.
"""

from __future__ import annotations

import base64
import html
import io
import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from analysis.compare import Comparison  # noqa: E402
from analysis.io import atomic_write_bytes  # noqa: E402

TABLE_METRICS = (
    ("placement_rate_12m", "Placement within 12 months", "share"),
    ("relapse_rate_12m", "Relapse within 12 months of a placement", "share"),
    ("sustained_placement_rate_24m", "Sustained placement (24 months)", "share"),
    ("mean_months_to_placement", "Months to placement", "months"),
    ("unemployment_rate", "Unemployment rate", "share"),
    ("public_cost_eur", "Public cost over the run", "EUR"),
    ("reintegration_cost_eur", "Re-integration spending", "EUR"),
    ("deadweight_share_paired", "Deadweight of subsidised placements", "share"),
    ("displacement_per_extra_placement", "Displacement per extra placement", "jobs"),
    ("extra_sustained_placements", "Extra sustained placements", "persons"),
    ("cost_per_extra_sustained_placement_eur", "Net public cost per extra sustained placement",
     "EUR"),
    ("employer_participation_rate", "Employers hiring from the target group", "share"),
)


def _fmt(v: float, unit: str) -> str:
    if v is None or not math.isfinite(v):
        return "n/a"
    if unit == "share":
        return f"{100 * v:.1f}%"
    if unit == "EUR":
        return f"EUR {v:,.0f}"
    return f"{v:,.1f}"


def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode()


def figure_series(comp: Comparison, variable: str, title: str, cumulative: bool = False):
    """Monthly ``variable`` per arm with a 95% band over replications."""
    fig, ax = plt.subplots(figsize=(7, 3.6))
    for arm, frames in comp.monthly.items():
        import numpy as np

        mats = []
        for f in frames:
            s = f[(f.municipality == "all") & (f.variable == variable)].sort_values("month")
            vals = s["value"].to_numpy()
            mats.append(np.cumsum(vals) if cumulative else vals)
        if not mats:
            continue
        n = min(len(m) for m in mats)
        mat = np.array([m[:n] for m in mats])
        mean = mat.mean(axis=0)
        months = np.arange(n)
        ax.plot(months, mean, label=arm)
        if len(mats) > 1:
            sd = mat.std(axis=0, ddof=1) / math.sqrt(len(mats))
            ax.fill_between(months, mean - 1.96 * sd, mean + 1.96 * sd, alpha=0.2)
    ax.set_title(title)
    ax.set_xlabel("month")
    ax.legend(fontsize=7, ncol=2)
    ax.grid(alpha=0.3)
    return fig


def figure_cost_effect(comp: Comparison):
    """Net public cost against extra sustained placements, per arm, with intervals."""
    t = comp.table()
    fig, ax = plt.subplots(figsize=(6, 4))
    for arm in comp.arms[1:]:
        x = t[(t.scenario == arm) & (t.metric == "extra_sustained_placements")].iloc[0]
        y = t[(t.scenario == arm) & (t.metric == "public_cost_eur")].iloc[0]
        ax.errorbar(x["mean"], y["diff"] / 1e6,
                    xerr=[[x["mean"] - x["low"]], [x["high"] - x["mean"]]] if math.isfinite(x["low"]) else None,
                    yerr=[[(y["diff"] - y["diff_low"]) / 1e6], [(y["diff_high"] - y["diff"]) / 1e6]]
                    if math.isfinite(y["diff_low"]) else None, fmt="o", capsize=3)
        ax.annotate(arm, (x["mean"], y["diff"] / 1e6), fontsize=8, xytext=(4, 4),
                    textcoords="offset points")
    ax.axhline(0, color="grey", lw=0.8)
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_xlabel(f"extra sustained placements vs {comp.arms[0]}")
    ax.set_ylabel("extra public cost (EUR million)")
    ax.set_title("Cost against effect (95% intervals)")
    ax.grid(alpha=0.3)
    return fig


def decisiveness_rows(table) -> list[dict]:
    """Per arm and instrument: decisive share and deadweight with intervals, placements
    touched (from the ``decisive_share.*`` rows of a comparison table)."""
    t = table[table["subgroup"] == "all"] if "subgroup" in table else table
    out = []
    for _, r in t[t["metric"].str.startswith("decisive_share.")].iterrows():
        inst = r["metric"].split(".", 1)[1]
        n = t[(t.scenario == r["scenario"]) & (t.metric == f"touched_placements.{inst}")]
        out.append({"scenario": r["scenario"], "instrument": inst, "decisive": r["mean"],
                    "low": r["low"], "high": r["high"],
                    "touched": float(n["mean"].iloc[0]) if len(n) else math.nan})
    return out


def decisiveness_html(table) -> str:
    rows = "".join(
        f"<tr><th>{html.escape(d['scenario'])}</th><td>{html.escape(d['instrument'])}</td>"
        f"<td>{_fmt(d['decisive'], 'share')} [{_fmt(d['low'], 'share')}, "
        f"{_fmt(d['high'], 'share')}]</td><td>{_fmt(1 - d['decisive'], 'share')}</td>"
        f"<td>{_fmt(d['touched'], 'n')}</td></tr>" for d in decisiveness_rows(table))
    return ("<table><tr><th>arm</th><th>instrument</th><th>decisive share [95%]</th>"
            f"<th>deadweight</th><th>placements touched per run</th></tr>{rows}</table>")


#: the subgroup outcome shown in the for-whom tables
SUBGROUP_METRIC = "placement_rate_24m"


def subgroup_rows(table, arms, metric: str = SUBGROUP_METRIC) -> list[list[str]]:
    """Rows (subgroup, then per arm after the reference: difference [interval]) as text."""
    t = table[(table["metric"] == metric) & (table["subgroup"] != "all")]
    out = []
    for sg in dict.fromkeys(t["subgroup"]):
        cells = [sg]
        for arm in arms[1:]:
            r = t[(t.scenario == arm) & (t.subgroup == sg)]
            if r.empty or not math.isfinite(r["diff"].iloc[0]):
                cells.append("n/a")
                continue
            r = r.iloc[0]
            cell = f"{100 * r['diff']:+.1f} pp"
            if math.isfinite(r["diff_low"]):
                cell += f" [{100 * r['diff_low']:+.1f}, {100 * r['diff_high']:+.1f}]"
            cells.append(cell)
        out.append(cells)
    return out


def subgroup_html(table, arms) -> str:
    head = "".join(f"<th>{html.escape(a)}</th>" for a in arms[1:])
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                   for row in subgroup_rows(table, arms))
    return f"<table><tr><th>subgroup</th>{head}</tr>{body}</table>"


def subgroup_markdown(table) -> str:
    """The for-whom table in Markdown (placed within 24 months, difference vs reference)."""
    arms = list(dict.fromkeys(table["scenario"]))
    rows = subgroup_rows(table, arms)
    if len(arms) < 2 or not rows:
        return ""
    lines = ["| subgroup | " + " | ".join(arms[1:]) + " |", "|" + "---|" * len(arms)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def comparison_html(comp: Comparison, title: str, settings: str = "") -> str:
    full = comp.table()
    t = full[full["subgroup"] == "all"]
    ref = comp.arms[0]
    head = "".join(f"<th>{html.escape(a)}</th>" for a in comp.arms)
    rows = []
    for key, label, unit in TABLE_METRICS:
        cells = []
        for arm in comp.arms:
            r = t[(t.scenario == arm) & (t.metric == key)]
            if r.empty:
                cells.append("<td></td>")
                continue
            r = r.iloc[0]
            txt = _fmt(r["mean"], unit)
            if math.isfinite(r["low"]):
                txt += f"<br><small>[{_fmt(r['low'], unit)}, {_fmt(r['high'], unit)}]</small>"
            if arm != ref and math.isfinite(r.get("diff", math.nan)) and key not in (
                    "deadweight_share_paired", "displacement_per_extra_placement",
                    "extra_sustained_placements", "cost_per_extra_sustained_placement_eur"):
                txt += (f"<br><small>vs {html.escape(ref)}: {_fmt(r['diff'], unit)} "
                        f"[{_fmt(r['diff_low'], unit)}, {_fmt(r['diff_high'], unit)}]</small>")
            cells.append(f"<td>{txt}</td>")
        rows.append(f"<tr><th>{html.escape(label)}</th>{''.join(cells)}</tr>")
    figs = [
        figure_series(comp, "placements", "Placements per month (target group into work)"),
        figure_series(comp, "placements", "Cumulative placements", cumulative=True),
        figure_series(comp, "job_to_benefit", "Jobs ending in benefits per month (incl. relapse)"),
        figure_series(comp, "stock_social_assistance", "People on social assistance (bijstand)"),
    ]
    if len(comp.arms) > 1:
        figs.append(figure_cost_effect(comp))
    imgs = "".join(f'<img alt="figure" src="data:image/png;base64,{_png(f)}">' for f in figs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body {{ font-family: sans-serif; max-width: 1100px; margin: 2em auto; color: #222; }}
table {{ border-collapse: collapse; font-size: 0.9em; }}
td, th {{ border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; text-align: right; }}
th:first-child {{ text-align: left; }}
img {{ max-width: 48%; margin: 0.5%; }}
</style></head><body>
<h1>{html.escape(title)}</h1>
<p>{html.escape(settings)}</p>
<p>Each arm ran {len(comp.seeds)} replications with the same seeds (common random numbers):
for a given seed every arm sees the same people, employers and demand, so the difference with
<b>{html.escape(ref)}</b> is the instrument's effect. Means with 95% intervals over replications.
Deadweight (paired): share of subsidised placements whose person was also placed in the
reference run.
Displacement: other jobseekers' hires lost per extra placement.</p>
<table><tr><th>metric</th>{head}</tr>{''.join(rows)}</table>
<h2>Decisiveness per instrument</h2>
<p>Of the placements an instrument touched, the share the employer would have refused without
the instrument's contribution, on the same draws (decisive); the rest is deadweight.</p>
{decisiveness_html(t)}
<h2>For whom it works</h2>
<p>Month-0 target group by subgroup: share placed within 24 months, difference with
<b>{html.escape(ref)}</b> [95% interval].</p>
{subgroup_html(full, comp.arms)}
<h2>Over time</h2>{imgs}
<p><small>Made by Kluit; definitions in docs/model.md.</small></p>
</body></html>
"""


MARKDOWN_METRICS = (
    ("placement_rate_12m", "placed within 12 m", "share"),
    ("relapse_rate_12m", "relapse within 12 m", "share"),
    ("sustained_placement_rate_24m", "sustained 24 m", "share"),
    ("public_cost_eur", "extra public cost", "EUR-diff"),
    ("cost_per_extra_sustained_placement_eur", "net cost per extra sustained placement", "EUR"),
    ("deadweight_share_paired", "deadweight", "share"),
)


def markdown_table(table) -> str:
    """A compact Markdown table: mean [95% interval] per arm; costs as difference vs the
    first arm."""
    arms = list(dict.fromkeys(table["scenario"]))
    table = table[table["subgroup"] == "all"] if "subgroup" in table else table
    head = "| scenario | " + " | ".join(label for _, label, _ in MARKDOWN_METRICS) + " |"
    lines = [head, "|" + "---|" * (len(MARKDOWN_METRICS) + 1)]
    for arm in arms:
        cells = []
        for key, _, unit in MARKDOWN_METRICS:
            r = table[(table.scenario == arm) & (table.metric == key)]
            if r.empty:
                cells.append("")
                continue
            r = r.iloc[0]
            if unit == "EUR-diff":
                m, lo, hi, u = r["diff"], r["diff_low"], r["diff_high"], "EUR"
            else:
                m, lo, hi, u = r["mean"], r["low"], r["high"], unit
            if not math.isfinite(m):
                cells.append("")
                continue
            cell = _fmt(m, u)
            if math.isfinite(lo):
                cell += f" [{_fmt(lo, u)}, {_fmt(hi, u)}]"
            cells.append(cell)
        lines.append(f"| {arm} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def write_comparison_report(comp: Comparison, out: str | Path, title: str = "Kluit comparison",
                            settings: str = "") -> Path:
    """Write ``report.html`` into ``out`` (atomically) and return its path."""
    path = Path(out) / "report.html"
    atomic_write_bytes(path, comparison_html(comp, title, settings).encode())
    return path
