"""Headline cards, honest intervals and the council report (issue 14)."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from analysis.compare import Comparison, compare
from analysis.headline import (
    CARDS,
    bootstrap_mean,
    card_texts,
    fieller,
    headline,
    share_estimate,
    side_by_side,
    subgroups,
    wilson,
)
from analysis.report import assumed_params, comparison_html, summary_markdown
from sim.scenario import load_scenario

#: one worker runs this module, so its module fixtures (the expensive runs) are built once
pytestmark = pytest.mark.xdist_group("headline")

ROOT = Path(__file__).resolve().parents[1]
SCALE = 0.01
ARMS = ("no_instruments.toml", "baseline.toml")


@pytest.fixture(scope="module")
def scens():
    return [load_scenario(ROOT / "scenarios" / a) for a in ARMS]


@pytest.fixture(scope="module")
def comp(scens):
    return compare(scens, reps=3, seed=3, months=25, scale=SCALE)


@pytest.mark.parametrize("k,n", [(0, 1), (0, 10), (10, 10), (3, 7), (1, 1000)])
def test_wilson_stays_within_0_and_1_and_holds_the_estimate(k, n):
    lo, hi = wilson(k, n)
    assert 0.0 <= lo <= k / n <= hi <= 1.0
    assert hi > lo


def test_share_intervals_never_leave_0_1():
    # the complaint of the issue: a t-interval of [0, 0, 0.15] goes below zero
    e = share_estimate([0.0, 0.0, 0.15], [20, 20, 20])
    assert e.method == "wilson" and 0.0 <= e.low <= e.value <= e.high <= 1.0
    m, lo, hi, n = bootstrap_mean([0.0, 0.02, 0.0, 0.9])
    assert 0.0 <= lo <= m <= hi <= 1.0 and n == 4
    assert bootstrap_mean([0.1, 0.3]) == bootstrap_mean([0.1, 0.3])  # reproducible


def test_fieller_refuses_a_ratio_whose_denominator_may_be_zero():
    # extra placements -0.3 on average, with a spread that includes zero
    e = fieller([1e5, -2e5, 5e4], [1.0, -2.0, 0.1], "eur")
    assert e.status == "not_meaningful" and not e.ok
    assert card_texts_value(e) == "not meaningful: the extra is not distinguishable from zero"


def card_texts_value(e):
    from analysis.headline import show_estimate

    return show_estimate(e, "en")[0]


def test_fieller_brackets_a_well_determined_ratio():
    rng = np.random.default_rng(0)
    den = 50 + rng.normal(0, 2, 20)
    num = 1000 * den + rng.normal(0, 500, 20)
    e = fieller(num, den, "eur")
    assert e.ok and e.low < 1000 < e.high and e.low < e.value < e.high
    assert e.value == pytest.approx(num.mean() / den.mean())


def test_headline_cards_are_the_comparison_scaled_to_the_region_per_year(comp):
    (h,) = headline(comp, SCALE)
    table = comp.table()
    years = 25 / 12

    def diff(metric):
        return table[(table.scenario == comp.arms[1]) & (table.metric == metric)].iloc[0]

    for card, metric in (
        ("cost_year", "public_cost_eur"),
        ("cost_year_municipality", "public_cost_municipality_eur"),
        ("cost_year_national", "public_cost_national_eur"),
    ):
        row = diff(metric)
        assert h.cards[card].value == pytest.approx(row["diff"] / SCALE / years)
        assert h.cards[card].low == pytest.approx(row["diff_low"] / SCALE / years)
    # the payer split adds up to the total
    assert h.cards["cost_year"].value == pytest.approx(
        h.cards["cost_year_municipality"].value + h.cards["cost_year_national"].value
    )
    # people in work at month 24: arm minus reference per seed, whole region
    work = []
    for fa, fb in zip(comp.monthly[comp.arms[1]], comp.monthly[comp.arms[0]]):

        def at(f):
            sel = (f.month == 24) & f.variable.isin(
                ["stock_employed", "stock_subsidised", "stock_pool"]
            )
            return f[sel]["value"].sum()

        work.append((at(fa) - at(fb)) / SCALE)
    assert h.cards["work_24m"].value == pytest.approx(np.mean(work))
    dw = diff("deadweight_share_paired")
    assert 0 <= h.cards["deadweight"].low <= h.cards["deadweight"].high <= 1
    subs = [r["placements_subsidised"] for r in comp.runs[comp.arms[1]]]
    shares = [r["deadweight_share_paired"] for r in comp.runs[comp.arms[1]]]
    assert h.cards["deadweight"].value == pytest.approx(
        sum(s * n for s, n in zip(shares, subs)) / sum(subs)
    )
    assert math.isfinite(dw["mean"])
    assert set(h.cards) == set(CARDS)


def test_every_card_reads_as_a_sentence_with_a_unit_in_both_languages(comp):
    (h,) = headline(comp, SCALE)
    for lang, words in (("en", ("EUR", "people", "%")), ("nl", ("€", "mensen", "%"))):
        texts = card_texts(h, lang)
        joined = " ".join(c.value for c in texts)
        for w in words:
            assert w in joined, (lang, w)
        for c in texts:
            if h.cards[c.key].ok:
                assert c.sentence and c.interval, (lang, c.key)


def test_side_by_side_has_scenarios_as_columns_reference_first(comp):
    rows, cells = side_by_side(comp, SCALE)
    keys = [r.key for r in rows]
    assert keys[0] == "placement_rate_12m" and "public_cost_eur" in keys
    for row in rows:
        arms = list(cells[row.key])
        assert arms == [a for a in comp.arms if a in arms]
        if row.kind == "share":
            for cell in cells[row.key].values():
                e = cell.level
                if e.has_interval:
                    assert 0.0 <= e.low <= e.value <= e.high <= 1.0, row.key
    # costs are per year for the whole region
    table = comp.table()
    ref = table[(table.scenario == comp.arms[0]) & (table.metric == "public_cost_eur")].iloc[0]
    assert cells["public_cost_eur"][comp.arms[0]].level.value == pytest.approx(
        ref["mean"] / SCALE / (25 / 12)
    )


def test_rows_of_the_employers_issue_are_shown_when_present():
    # the keys the employers' issue adds to a run: per instrument (only in the arms running
    # it), the renamed paired deadweight, and subgroup outcomes as <metric>@<subgroup>
    def run(i, arm):
        r = {
            "placement_rate_12m": 0.1 + i / 100,
            "deadweight_share_paired": 0.3,
            "placements_subsidised": 10.0,
            "extra_sustained_placements": 1.0,
            "public_cost_eur": 5.0,
            "placement_rate_12m@wage_value<0.5": 0.05 * i,
        }
        if arm == "arm":
            r.update(
                {
                    "decisive_share.wage_subsidy": 0.4 + i / 10,
                    "deadweight_share.wage_subsidy": 0.6 - i / 10,
                    "touched_placements.wage_subsidy": 20.0,
                }
            )
        return r

    runs = {a: [run(i, a) for i in range(3)] for a in ("ref", "arm")}
    comp = Comparison(arms=["ref", "arm"], seeds=[1, 2, 3], runs=runs)
    rows, cells = side_by_side(comp, 1.0)
    keys = [r.key for r in rows]
    assert "decisive_share.wage_subsidy" in keys and "deadweight_share_paired" in keys
    assert not any("@" in k for k in keys)
    assert "ref" not in cells["deadweight_share_paired"]
    assert list(cells["decisive_share.wage_subsidy"]) == ["arm"]
    e = cells["decisive_share.wage_subsidy"]["arm"].level
    assert e.method == "wilson" and e.value == pytest.approx(0.5)
    assert 0 <= e.low <= e.value <= e.high <= 1
    subs = subgroups(comp)
    e = subs["placement_rate_12m"]["wage_value<0.5"]["arm"]
    assert 0.0 <= e.low <= e.value <= e.high <= 1.0
    html = comparison_html(comp, scale=1.0)
    assert "Wage value below 50% of the minimum wage" in html and "wage value&lt;" not in html
    assert "in which the wage-cost subsidy made the difference" in html
    assert "<h3>Placed in a job within 12 months (% of the group)</h3>" in html


def test_report_in_dutch_starts_with_the_headline_and_names_no_files(comp, scens):
    text = comparison_html(comp, lang="nl", scale=SCALE, scenarios=scens)
    assert '<html lang="nl">' in text and "@page { size: A4" in text
    order = [
        text.index(s)
        for s in (
            "In het kort",
            "De scenario's naast elkaar",
            "In de tijd",
            "Voor wie",
            "Wat het model aanneemt",
            "Hoe leest u dit",
        )
    ]
    assert order == sorted(order)
    assert "Slechts 3 herhaling" in text  # fewer than 5 repetitions: a warning
    assert "Helemaal geen instrumenten" in text and "Het huidige beleid" in text
    visible = re.sub(r"<[^>]+>", " ", re.sub(r"<(style|head)>.*?</\1>", "", text, flags=re.S))
    visible = re.sub(r'src="data:[^"]+"', "", visible)
    for word in ("wage_subsidy", "baseline.toml", ".toml", "DOMAIN", "run.scale"):
        assert word not in visible, word
    # every assumed parameter the scenarios use is listed, by its Dutch label and explanation
    import html

    from analysis.i18n import param_doc, param_label, param_why

    for p, _ in assumed_params(scens):
        assert html.escape(param_label(p, "nl")) in text, p.key
        assert html.escape(param_doc(p, "nl")) in text, p.key
        assert html.escape(p.doc) not in text, p.key  # not the English one
        # the reasoning in Dutch too, not the registry's English
        assert html.escape(param_why(p, "nl"), quote=False) in text, p.key
        english = param_why(p, "en")
        assert not english or html.escape(english, quote=False) not in text, p.key


def test_assumed_parameters_of_switched_off_instruments_are_left_out(scens):
    keys = {p.key for p, _ in assumed_params(scens[:1])}
    assert keys and not any(k.startswith("policies.wage_subsidy.") for k in keys)
    keys2 = {p.key for p, _ in assumed_params(scens)}
    assert any(k.startswith("policies.wage_subsidy.") for k in keys2) or keys2 == keys


def test_summary_markdown_has_the_sentences_and_the_table(comp, scens):
    md = summary_markdown(comp, lang="en", scale=SCALE, scenarios=scens)
    assert (
        "## In brief" in md
        and "| Outcome | No instruments at all | Today's policy (status quo) |" in md
    )
    assert "a year" in md and "Only 3 repetition(s)" in md


def test_headline_csv_holds_the_cards_and_the_table(comp):
    from analysis.headline import headline_table

    table = headline_table(comp, SCALE)
    (h,) = headline(comp, SCALE)
    cards = table[table.kind == "card"].set_index("outcome")
    for key, e in h.cards.items():
        assert cards.loc[key, "value"] == pytest.approx(e.value, nan_ok=True), key
    rows, cells = side_by_side(comp, SCALE)
    lv = table[(table.kind == "level") & (table.outcome == "public_cost_eur")]
    assert list(lv.scenario) == comp.arms
    assert lv.iloc[0]["value"] == pytest.approx(cells["public_cost_eur"][comp.arms[0]].level.value)
    assert set(table.unit) >= {"eur_year", "persons", "share"}


def test_kluit_compare_lang_nl_writes_a_dutch_report(tmp_path):
    out = tmp_path / "cmp"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "kluit.cli",
            "compare",
            str(ROOT / "scenarios/baseline.toml"),
            str(ROOT / "scenarios/policies/wage_subsidy_temporary.toml"),
            "--reps",
            "2",
            "--scale",
            "0.01",
            "--months",
            "13",
            "--out",
            str(out),
            "--lang",
            "nl",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert '<html lang="nl">' in (out / "report.html").read_text()
    assert "In het kort" in (out / "summary.md").read_text()
    assert (out / "headline.csv").read_text().startswith("scenario,kind,outcome,value")
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "kluit.cli",
            "compare",
            str(ROOT / "scenarios/baseline.toml"),
            "--lang",
            "de",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert bad.returncode == 2 and "nl" in bad.stderr and "Traceback" not in bad.stderr


def test_doctests():
    import doctest

    from analysis import headline as module
    from analysis import i18n

    for m in (module, i18n):
        result = doctest.testmod(m)
        assert result.failed == 0 and result.attempted > 0, m.__name__


def test_costs_and_months_have_no_interval_below_zero(comp):
    rows, cells = side_by_side(comp, SCALE)
    kinds = {r.key: r.kind for r in rows}
    levels = [
        (k, c.level)
        for k, by_arm in cells.items()
        for c in by_arm.values()
        if kinds[k] in ("eur_year", "months")
    ]
    assert len(levels) >= 8
    for key, e in levels:
        assert e.low >= 0 or not math.isfinite(e.low), (key, e)
        assert e.low <= e.value <= e.high, (key, e)
