"""Scenario and save errors in the UI's language (issue 14): Dutch on the Dutch page, still
naming the key and what is allowed; the CLI's English text unchanged."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from kluit.ui import state as st
from kluit.ui.errors import message_text, save_error_text, scenario_error_text
from sim.params import all_params
from sim.scenario import ScenarioError, load_scenario

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_i18n import developer_words  # noqa: E402

#: English words that betray an untranslated message on the Dutch page
ENGLISH = re.compile(r"\b(got|allowed|unknown|did you mean|no such|must|given twice|cannot)\b")


def error_of(fn, *args) -> ScenarioError:
    with pytest.raises(ScenarioError) as info:
        fn(*args)
    return info.value


def test_a_typed_value_out_of_range_in_dutch_and_english():
    p = all_params()["policies.wage_subsidy.duration_months"]
    exc = error_of(st.parse_value, p, "9999")
    assert message_text(exc, "en") == "got 9999, allowed: an integer from 0 to 600"
    assert (
        message_text(exc, "nl")
        == "9999 kan niet; toegestaan: een geheel getal van 0 tot en met 600"
    )
    exc = error_of(st.parse_value, p, "12.5")
    assert message_text(exc, "nl") == (
        "'12.5' kan niet; toegestaan: een geheel getal (een geheel getal van 0 tot en met 600)"
    )


BAD_FILES = {
    "unknown_key": ("[labour_market]\nseparation_rat = 0.01\n", "labour_market.separation_rat"),
    "range": ("[run]\nmonths = 0\n", "run.months"),
    "wrong_type": ('[run]\nmonths = "ten"\n', "run.months"),
    "choice": ('[run]\nburn_in_policies = "none"\n', "run.burn_in_policies"),
    "window": (
        "[policies.job_coaching]\nenabled = true\nstart_month = 10\nend_month = 5\n",
        "policies.job_coaching.start_month",
    ),
    "pair": ("[employers]\nslack_min = 0.9\nslack_max = 0.1\n", "employers.slack_min"),
    "language": ('title = { fr = "Bonjour" }\n', "title.fr"),
    "toml": ("[run\nmonths = 3\n", None),
    "extends": ('extends = "nowhere.toml"\n', "extends"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_scenario_file_that_does_not_load_is_explained_in_dutch(case, tmp_path):
    text, key = BAD_FILES[case]
    path = tmp_path / f"{case}.toml"
    path.write_text(text)
    exc = error_of(load_scenario, path)
    english = str(exc)
    assert scenario_error_text(exc, "en") == english  # the CLI's text, unchanged
    dutch = scenario_error_text(exc, "nl")
    assert dutch != english and str(path) in dutch
    if key is not None:
        assert f"'{key}'" in dutch  # still names the key ...
    rest = dutch.split(": ", 1)[1] if case == "toml" else dutch
    assert not ENGLISH.search(rest.replace(str(path), "")), dutch
    if case in ("range", "wrong_type", "choice"):
        assert "toegestaan: " in dutch  # ... and what is allowed


def test_the_editor_names_settings_by_their_labels_in_both_languages():
    from sim.scenario import default_scenario

    scen = default_scenario()
    exc = error_of(
        scen.with_overrides,
        {"policies.job_coaching.start_month": 10, "policies.job_coaching.end_month": 5},
    )
    for lang, words in (("en", "starts in month 10"), ("nl", "begint in maand 10")):
        text = message_text(exc, lang)
        assert words in text and not developer_words(text), text
    exc = error_of(scen.with_overrides, {"employers.slack_min": 0.9, "employers.slack_max": 0.1})
    assert message_text(exc, "nl").startswith("Minste restwerk is 0.9 en Meeste restwerk is 0.1")


def test_save_errors_in_dutch(tmp_path):
    with pytest.raises(st.SaveError) as info:
        st.save_target(tmp_path, "custom", "???")
    assert "no letters or digits" in str(info.value)
    assert save_error_text(info.value, "nl") == (
        "de bestandsnaam '???' bevat geen letters of cijfers; gebruik letters, cijfers, '_' of '-'"
    )
    (tmp_path / "custom").mkdir()
    (tmp_path / "custom" / "x.toml").write_text("")
    from sim.scenario import default_scenario

    with pytest.raises(st.SaveError) as info:
        st.save_scenario(default_scenario(), tmp_path, "custom", "x")
    assert "bestaat al" in save_error_text(info.value, "nl")
    assert "vink 'overschrijven' aan" in save_error_text(info.value, "nl")


def test_a_broken_file_in_the_list_is_explained_in_the_readers_language(tmp_path):
    (tmp_path / "baseline.toml").write_text("")
    (tmp_path / "broken.toml").write_text("[run]\nmonths = 0\n")
    entries = st.discover_scenarios(tmp_path)
    broken = next(e for e in entries if e.error)
    assert broken.error_text("en") == broken.error
    assert "toegestaan: een geheel getal van 1 tot en met 1200" in broken.error_text("nl")


# --- a shared link, an uploaded file of realised figures, a TOML syntax error -------------


def test_a_bad_link_is_explained_in_the_readers_language():
    from kluit.ui.errors import link_warning_text

    defaults = st.Settings()
    q = (
        "view=nope&lang=fr&group=zzz&reps=x&months=99999&s=gone,also_gone&junk=1&"
        "set=policies.wage_subsidy.duration_months=9999&set=run.months=5&set=garbage"
    )
    _, warnings = st.settings_from_query(q, defaults, [])
    assert len(warnings) == 10, warnings
    for w in warnings:
        dutch = link_warning_text(w, "nl")
        assert not ENGLISH.search(dutch) and "kept" not in dutch and "own package" not in dutch
        assert "--set" not in link_warning_text(w, "en") + dutch, w
    dutch = [link_warning_text(w, "nl") for w in warnings]
    assert "Scenario's uit de link niet gevonden: gone, also_gone." in dutch
    assert (
        "Uw eigen pakket uit de link: instelling 'Duur' (policies.wage_subsidy.duration_months):"
        " 9999 kan niet; toegestaan: een geheel getal van 0 tot en met 600"
    ) in dutch
    assert any("months=99999 buiten 1 tot en met" in d for d in dutch), dutch
    # an unknown kind of warning is shown, never dropped
    assert "something new" in link_warning_text("something new", "nl")


def test_the_toml_parser_detail_follows_a_sentence_naming_file_line_and_column(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("[run]\nmonths = 3\n[policies\n")
    exc = error_of(load_scenario, path)
    assert scenario_error_text(exc, "en") == str(exc)  # the CLI's text, unchanged
    dutch = scenario_error_text(exc, "nl")
    assert str(path) in dutch
    assert "een fout in regel 3, kolom 10 (melding van de TOML-lezer: Expected" in dutch, dutch
    assert "(at line" not in dutch
    path.write_text('[run]\ntitle = "unterminated\n')
    dutch = scenario_error_text(error_of(load_scenario, path), "nl")
    assert "aan het einde van het bestand" in dutch or "in regel 2" in dutch, dutch


@pytest.mark.parametrize(
    "text, where",
    [
        ("month,place,variable,value\n", "kopregel"),
        ("month,municipality,variable,value\nx,Almere,stock_employed,3\n", "geen maand"),
        ("month,municipality,variable,value\n0,Atlantis,stock_employed,3\n", "onbekende gemeente"),
        ("month,municipality,variable,value\n0,Almere,nothing,3\n", "onbekende reeks"),
        ("month,municipality,variable,value\n0,Almere,stock_employed,lots\n", "geen getal"),
        ("month,municipality,variable,value\n9999,Almere,stock_employed,3\n", "valt na de langste"),
        ("month,municipality,variable,value\n", "geen cijfers"),
        (
            "month,municipality,variable,value\n0,Almere,stock_employed,3\n0,Almere,stock_employed,4\n",
            "twee keer",
        ),
        (
            "month,municipality,variable,value\n0,Almere,stock_employed,3\n3,Almere,stock_employed,4\n",
            "ontbreken maanden",
        ),
        ("month,municipality,variable,value\n0,Almere,unemployed\n", "velden"),
    ],
)
def test_an_uploaded_file_of_realised_figures_is_explained_in_dutch(text, where):
    from analysis.monitor import ObservedFileError, read_observed
    from kluit.ui.errors import observed_error_text

    with pytest.raises(ObservedFileError) as info:
        read_observed(text.encode(), ["Almere", "Lelystad"], 240, name="figures.csv")
    dutch = observed_error_text(info.value, "nl")
    assert where in dutch, (info.value.message, dutch)
    assert not ENGLISH.search(dutch) and "Probleem" not in dutch, dutch
    english = observed_error_text(info.value, "en")
    assert "--months" not in english and ".csv" not in english, english
