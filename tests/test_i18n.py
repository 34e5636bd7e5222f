"""The message catalogue (issue 14): both languages complete, plain words for readers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis import i18n
from sim.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[1]

#: what readers must never see: file names, dotted or snake_case keys, options, documents
#: outside the repository
FORBIDDEN = [
    (re.compile(r"\b[\w/.-]+\.(toml|md|csv|py|json|html|png)\b"), "a file name"),
    (re.compile(r"\b[a-z]+_[a-z_]+\b"), "a snake_case key"),
    (re.compile(r"\b[a-z_]{2,}\.[a-z_]{2,}\b"), "a dotted scenario key"),
    (re.compile(r"DOMAIN|\.\./|shared/"), "a document outside the repository"),
    (re.compile(r"--[a-z]|`|\bkluit (run|compare)\b"), "a command-line word"),
]


def developer_words(text: str) -> list[str]:
    return [f"{what}: {m.group(0)!r}" for rx, what in FORBIDDEN for m in rx.finditer(text)]


def test_developer_words_are_caught():
    assert developer_words("see policies/package.toml") and developer_words("own_package")
    assert developer_words("run.scale in --set") and developer_words("(docs/sources.md)")
    assert not developer_words("Placed within 12 months (% of people on bijstand)")


def test_every_key_has_both_languages_with_the_same_placeholders():
    for key, texts in i18n.MESSAGES.items():
        assert set(texts) == set(i18n.LANGS), f"{key}: languages {sorted(texts)}"
        for lang in i18n.LANGS:
            assert texts[lang].strip(), f"{key}: empty in {lang}"
        assert i18n.placeholders(texts["en"]) == i18n.placeholders(texts["nl"]), key


def test_a_missing_key_is_an_error():
    with pytest.raises(i18n.MissingMessage):
        i18n.t("no.such.key", "nl")


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_no_text_holds_a_file_name_key_or_outside_document(lang):
    bad = {k: developer_words(v[lang]) for k, v in i18n.MESSAGES.items()}
    assert not {k: v for k, v in bad.items() if v}


def test_dutch_differs_from_english_for_the_labels():
    same = [k for k, v in i18n.MESSAGES.items() if v["en"] == v["nl"] and len(v["en"]) > 12]
    assert not same


def test_glossary_explains_the_dutch_terms_in_both_languages():
    for lang in i18n.LANGS:
        text = " ".join(i18n.t(k, lang) for k in i18n.GLOSSARY).lower()
        for word in ("bijstand", "wsw", "loonwaarde", "no-riskpolis"):
            assert word in text, (lang, word)


def test_numbers_in_the_readers_style():
    assert i18n.number(1234567.891, "nl", 2) == "1.234.567,89"
    assert i18n.number(1234567.891, "en", 2) == "1,234,567.89"
    assert i18n.eur(3.26e6, "nl") == "€ 3,3 miljoen"
    assert i18n.percent(0.4132, "nl") == "41,3%"
    assert i18n.points(-0.021, "en") == "-2.1 pp"
    assert i18n.persons(1234, "en", sign=True) == "+1,230 people"


def shipped_scenarios():
    return sorted(p for p in (ROOT / "scenarios").rglob("*.toml") if "sweeps" not in p.parts)


@pytest.mark.parametrize("path", shipped_scenarios(), ids=lambda p: p.stem)
def test_every_shipped_scenario_has_a_plain_title_and_description_in_both(path):
    scen = load_scenario(path)
    for key in ("title", "description"):
        assert set(scen.texts.get(key, {})) >= set(i18n.LANGS), f"{path.name}: {key}"
    for lang in i18n.LANGS:
        for text in (scen.title_in(lang), scen.description_in(lang)):
            assert not developer_words(text), (path.name, lang, developer_words(text))
        assert scen.title_in(lang) != scen.name
    assert scen.title_in("nl") != scen.title_in("en") or scen.title_in("en") == "Jobcoaching"


# --- the parameter registry in Dutch (every parameter the editor and the sliders show) ------


def test_every_registry_parameter_has_hand_written_labels_explanation_and_unit():
    """Fails for a parameter added to the registry without readers' words: add them to
    analysis/i18n_params.py (EN for the English label, NL for the Dutch label and
    explanation, UNITS for a new unit)."""
    from sim.params import all_params

    missing = i18n.missing_param_texts(all_params().values())
    assert not missing, (
        f"{len(missing)} registry text(s) would show a label made from the key or English on "
        "the Dutch page; add them to analysis/i18n_params.py:\n  " + "\n  ".join(missing)
    )


def test_english_labels_have_no_abbreviations_from_the_keys():
    """'Sa full capacity share', 'Ww max (months)' were labels made from the keys; the
    glossary's own terms (WW, Wsw, bijstand) may stay."""
    from sim.params import all_params

    key_words = re.compile(r"\b([Ss]a|[Ss]w|[Ww]w|[Ss]d|[Mm]ax|[Mm]in|[Ee]ur|10k)\b")
    words = {
        k: name
        for k, p in all_params().items()
        if key_words.search(name := i18n.param_name(p, "en"))
    }
    assert not words, words
    assert key_words.search(i18n.english_label("population.sa_full_capacity_share", ""))


def test_a_parameter_without_dutch_words_is_listed_and_shown_in_english():
    from sim.schema import Param

    p = Param("policies.newcomer.cost_per_visit_eur", 1.0, "EUR per visit", "design", "A fee.")
    assert i18n.missing_param_texts([p]) == [
        "policies.newcomer.cost_per_visit_eur: no English label",
        "policies.newcomer.cost_per_visit_eur: no Dutch label",
        "policies.newcomer.cost_per_visit_eur: no Dutch explanation",
        "policies.newcomer.cost_per_visit_eur: no Dutch unit for 'EUR per visit'",
    ]
    assert i18n.param_label(p, "nl") == "Cost per visit (EUR per visit)"
    assert i18n.param_label(p, "en") == "Cost per visit (EUR per visit)"
    assert i18n.param_doc(p, "nl") == "A fee."


def test_an_assumed_value_without_dutch_reasoning_is_listed():
    from sim.params import all_params
    from sim.schema import Param

    p = Param("policies.newcomer.visits", 2.0, "months", "assumed: two visits suffice", "Visits.")
    assert "policies.newcomer.visits: no Dutch reasoning for the assumed value" in (
        i18n.missing_param_texts([p])
    )
    assert i18n.param_why(p, "nl") == "two visits suffice"  # shown in English until written
    # an assumed value whose registry text gives no reason needs none
    bare = Param("policies.newcomer.reach", 0.1, "share", "assumed", "Reach.")
    assert not [m for m in i18n.missing_param_texts([bare]) if "reasoning" in m]
    # every shipped assumed value has its reasoning in Dutch, keys named by their Dutch label
    params = all_params()
    slack_max = params["employers.slack_max"]
    assert i18n.param_why(slack_max, "en") == "see 'Least spare work'"
    assert i18n.param_why(slack_max, "nl") == "zie 'Minste restwerk'"
    same = [
        k
        for k, p in params.items()
        if p.assumed
        and len(i18n.param_why(p, "en")) > 25
        and i18n.param_why(p, "nl") == i18n.param_why(p, "en")
    ]
    assert not same, same


def test_parameter_labels_and_units_in_dutch():
    from sim.params import all_params

    params = all_params()
    duration = params["policies.wage_subsidy.duration_months"]
    assert i18n.param_label(duration, "en") == "Duration (months)"
    assert i18n.param_label(duration, "nl") == "Duur (maanden)"
    sa_full = params["population.sa_full_capacity_share"]
    assert i18n.param_label(sa_full, "en") == (
        "On bijstand with a full wage value (share of people on bijstand)"
    )
    assert i18n.param_label(params["finance.sa_benefit_eur_month"], "nl") == (
        "Bijstandsuitkering (euro per maand)"
    )
    assert "loonwaarde" in i18n.param_doc(duration, "nl")
    # a switch says nothing about its unit; the English label of a switch neither
    enabled = params["policies.no_risk_policy.enabled"]
    assert "(" not in i18n.param_label(enabled, "nl") + i18n.param_label(enabled, "en")
    # the Dutch words differ from the English for (almost) every label
    same = [k for k, p in params.items() if i18n.param_label(p, "nl") == i18n.param_label(p, "en")]
    assert len(same) <= 2, same


def test_names_from_the_region_data_in_dutch():
    from sim.region import flevoland

    region = flevoland()
    for sector in region.sectors:
        assert i18n.name_text("sector", sector, "nl") != sector.replace("_", " "), sector
    assert i18n.name_text("place", "Greater Amsterdam", "nl") == "Groot-Amsterdam"
    assert i18n.name_text("place", "Almere", "nl") == "Almere"
    assert i18n.choice_text("status_quo", "nl").startswith("het huidige beleid")
