"""The message catalogue: every text a reader sees, in English (``en``) and Dutch (``nl``).

One plain module, used by the council report (:mod:`analysis.report`) and by the web UI
(``kluit/ui``), so both say the same thing in the same words. ``MESSAGES`` maps a key to its
text per language; :func:`t` looks one up and fills ``{placeholders}``. A test
(``tests/test_i18n.py``) fails when a key lacks a language, when the two languages use
different placeholders, or when a text holds a file name, a scenario key or a reference to a
document outside the repository.

Numbers are written by :func:`number`, :func:`eur`, :func:`persons`, :func:`percent` in the
language's own style (Dutch: 1.234,5; English: 1,234.5).
"""

from __future__ import annotations

import math
import re
import string

from analysis import i18n_params as _params_data

LANGS = ("en", "nl")
DEFAULT_LANG = "en"

MESSAGES: dict[str, dict[str, str]] = {
    # --- the page -----------------------------------------------------------------------
    "app.title": {
        "en": "Kluit - labour-market policy simulator",
        "nl": "Kluit - simulator van arbeidsmarktbeleid",
    },
    "app.language": {"en": "Taal: Nederlands", "nl": "Language: English"},
    "view.compare": {"en": "Compare", "nl": "Vergelijken"},
    "view.explore": {"en": "Explore", "nl": "Verkennen"},
    "view.story": {"en": "A person's story", "nl": "Het verhaal van een persoon"},
    "view.editor": {"en": "Scenario editor", "nl": "Scenario's maken"},
    "view.monitor": {"en": "Monitor a pilot", "nl": "Een pilot volgen"},
    "intro": {
        "en": "Kluit simulates the people and employers of a region month by month: who is in "
        "work, on benefits, in training or in sheltered work, which employers have "
        "vacancies, and who gets hired. Policy instruments change employers' decisions "
        "and people's chances. Because every run is random, a comparison repeats each "
        "scenario several times on the same random draws (the same people, the same "
        "economy), so the differences you see come from the policy.",
        "nl": "Kluit simuleert de inwoners en werkgevers van een regio, maand voor maand: wie "
        "werkt, wie een uitkering heeft, wie een opleiding volgt of beschut werkt, welke "
        "werkgevers vacatures hebben en wie wordt aangenomen. Beleidsinstrumenten "
        "veranderen de keuzes van werkgevers en de kansen van mensen. Elke simulatie "
        "bevat toeval; daarom herhaalt een vergelijking elk scenario een paar keer met "
        "dezelfde toevalstrekkingen (dezelfde mensen, dezelfde economie). Verschillen "
        "komen dan door het beleid.",
    },
    # --- compare view -------------------------------------------------------------------
    "compare.help": {
        "en": "Pick the scenarios to compare; the first is the reference the others are "
        "measured against. More repetitions give narrower intervals but take longer; a "
        "larger share of the population gives steadier numbers. Every interval is a "
        "95% interval.",
        "nl": "Kies de scenario's om te vergelijken; het eerste is de referentie waartegen de "
        "andere worden gemeten. Meer herhalingen geven smallere marges maar duren "
        "langer; een groter deel van de bevolking geeft stabielere cijfers. Elke marge "
        "is een 95%-interval.",
    },
    "compare.scenarios": {"en": "Scenarios", "nl": "Scenario's"},
    "compare.reference": {"en": "Reference", "nl": "Referentie"},
    "compare.is_reference": {"en": "(reference)", "nl": "(referentie)"},
    "compare.group.": {"en": "Starting points", "nl": "Uitgangssituaties"},
    "compare.group.policies": {"en": "Policies", "nl": "Beleid"},
    "compare.group.shocks": {"en": "Economic shocks", "nl": "Economische schokken"},
    "compare.group.validation": {"en": "Model checks", "nl": "Modelcontroles"},
    "compare.group.other": {"en": "Other scenarios", "nl": "Andere scenario's"},
    "compare.not_scenarios": {
        "en": "{n} other file(s) could not be read as a scenario",
        "nl": "{n} ander(e) bestand(en) zijn geen leesbaar scenario",
    },
    "compare.own": {
        "en": "Add your own package (the reference plus the instruments below)",
        "nl": "Eigen pakket toevoegen (de referentie plus de instrumenten hieronder)",
    },
    "compare.own_title": {"en": "Your own package", "nl": "Uw eigen pakket"},
    "compare.reps": {"en": "Repetitions", "nl": "Herhalingen"},
    "compare.scale": {"en": "Population share simulated", "nl": "Deel bevolking gesimuleerd"},
    "compare.months": {"en": "Months", "nl": "Maanden"},
    "compare.seed": {"en": "Random seed", "nl": "Startgetal toeval"},
    "compare.run": {"en": "Run comparison", "nl": "Vergelijking starten"},
    "compare.stop": {"en": "Stop", "nl": "Stoppen"},
    "compare.runs": {
        "en": "{arms} scenarios x {reps} repetitions = {runs} runs",
        "nl": "{arms} scenario's x {reps} herhalingen = {runs} simulaties",
    },
    "compare.progress": {
        "en": "Running: {done} of {total} runs done",
        "nl": "Bezig: {done} van {total} simulaties klaar",
    },
    "compare.stopped": {"en": "Stopped.", "nl": "Gestopt."},
    "compare.failed": {
        "en": "The comparison failed: {error}",
        "nl": "De vergelijking is mislukt: {error}",
    },
    "compare.stale": {
        "en": "These results belong to earlier settings: press Run comparison to update them.",
        "nl": "Deze uitkomsten horen bij eerdere instellingen: druk op Vergelijking starten "
        "om ze bij te werken.",
    },
    "compare.start_hint": {
        "en": "Choose scenarios and press Run comparison.",
        "nl": "Kies scenario's en druk op Vergelijking starten.",
    },
    "compare.choose_one": {
        "en": "Choose at least one scenario.",
        "nl": "Kies ten minste een scenario.",
    },
    "compare.choose_two": {
        "en": "Choose a second scenario (or switch on your own package) to compare against "
        "the reference.",
        "nl": "Kies een tweede scenario (of zet uw eigen pakket aan) om met de referentie te "
        "vergelijken.",
    },
    "compare.run_info": {
        "en": "{arms} scenarios x {reps} repetitions, {months} months, {share} of the "
        "population simulated and scaled up to the whole region; took {seconds} s.",
        "nl": "{arms} scenario's x {reps} herhalingen, {months} maanden, {share} van de "
        "bevolking gesimuleerd en opgeschaald naar de hele regio; duurde {seconds} s.",
    },
    "compare.tab.headline": {"en": "Headline", "nl": "Kern"},
    "compare.tab.table": {"en": "Side by side", "nl": "Naast elkaar"},
    "compare.tab.subgroups": {"en": "For whom", "nl": "Voor wie"},
    "compare.tab.figures": {"en": "Over time", "nl": "In de tijd"},
    "compare.no_subgroups": {
        "en": "This comparison has no results per group of people (by wage value, time on "
        "benefits or origin).",
        "nl": "Deze vergelijking heeft geen uitkomsten per groep mensen (naar loonwaarde, "
        "duur in de uitkering of herkomst).",
    },
    "compare.downloads": {"en": "Downloads", "nl": "Downloads"},
    "compare.dl_headline": {"en": "Whole-region numbers (CSV)", "nl": "Cijfers hele regio (CSV)"},
    "compare.dl_table": {
        "en": "All outcomes, simulated share (CSV)",
        "nl": "Alle uitkomsten, gesimuleerd deel (CSV)",
    },
    "compare.dl_monthly": {"en": "Monthly series (CSV)", "nl": "Maandcijfers (CSV)"},
    "compare.dl_series": {"en": "Figure over time (PNG)", "nl": "Figuur in de tijd (PNG)"},
    "compare.dl_effects": {"en": "Net-effect figure (PNG)", "nl": "Figuur netto-effect (PNG)"},
    "compare.series_title": {
        "en": "Placements and relapses over time",
        "nl": "Plaatsingen en terugval in de tijd",
    },
    "compare.effects_title": {
        "en": "Net effect against the reference",
        "nl": "Netto-effect ten opzichte van de referentie",
    },
    "compare.deadweight_help": {
        "en": "Deadweight: the share of subsidised hires whose person also found a job in the "
        "reference run, on the same random draws - money spent on placements that would "
        "have happened anyway.",
        "nl": "Dode last (deadweight): het deel van de gesubsidieerde plaatsingen waarvan de "
        "persoon in de referentie, met dezelfde toevalstrekkingen, ook werk vond - geld "
        "voor plaatsingen die er toch wel waren gekomen.",
    },
    # --- warnings and honest numbers ---------------------------------------------------
    "warn.few_reps": {
        "en": "Only {reps} repetition(s): the intervals are rough. Use at least {min} before "
        "quoting these numbers.",
        "nl": "Slechts {reps} herhaling(en): de marges zijn grof. Gebruik er ten minste {min} "
        "voordat u deze cijfers citeert.",
    },
    "num.not_meaningful": {
        "en": "not meaningful: the extra is not distinguishable from zero",
        "nl": "niet zinvol: de extra opbrengst is niet van nul te onderscheiden",
    },
    "num.missing": {"en": "not available", "nl": "niet beschikbaar"},
    "num.too_short": {
        "en": "not available: the run is shorter than {months} months",
        "nl": "niet beschikbaar: de simulatie duurt korter dan {months} maanden",
    },
    "num.interval": {"en": "95% interval {low} to {high}", "nl": "95%-interval {low} tot {high}"},
    "num.vs_ref": {"en": "vs reference", "nl": "t.o.v. referentie"},
    # --- headline cards ------------------------------------------------------------------
    "head.title": {"en": "{arm} compared with {ref}", "nl": "{arm} vergeleken met {ref}"},
    "head.intro": {
        "en": "Whole region, per year where it is a flow; the range after each number is the "
        "95% interval over {reps} repetitions.",
        "nl": "Hele regio, per jaar waar het om een stroom gaat; de marge na elk getal is "
        "het 95%-interval over {reps} herhalingen.",
    },
    "card.cost_year": {"en": "Public cost per year", "nl": "Publieke kosten per jaar"},
    "card.cost_year.more": {
        "en": "This costs {value} a year more in public money for the whole region.",
        "nl": "Dit kost de hele regio {value} per jaar meer aan publiek geld.",
    },
    "card.cost_year.less": {
        "en": "This saves {value} a year in public money for the whole region.",
        "nl": "Dit bespaart de hele regio {value} per jaar aan publiek geld.",
    },
    "card.cost_year_municipality": {"en": "of which municipalities", "nl": "waarvan gemeenten"},
    "card.cost_year_municipality.text": {
        "en": "Municipalities (bijstand, subsidies, coaching, training): {value} a year.",
        "nl": "Gemeenten (bijstand, subsidies, begeleiding, scholing): {value} per jaar.",
    },
    "card.cost_year_national": {"en": "of which national government", "nl": "waarvan het Rijk"},
    "card.cost_year_national.text": {
        "en": "National government (WW, sheltered work, no-risk policy): {value} a year.",
        "nl": "Het Rijk (WW, sociale werkvoorziening, no-riskpolis): {value} per jaar.",
    },
    "card.cost_year_employers": {
        "en": "Employers (not public money)",
        "nl": "Werkgevers (geen publiek geld)",
    },
    "card.cost_year_employers.text": {
        "en": "Employers' own costs (sick pay) change by {value} a year.",
        "nl": "De eigen kosten van werkgevers (loon bij ziekte) veranderen met {value} per jaar.",
    },
    "card.work_12m": {
        "en": "More people in work after 12 months",
        "nl": "Meer mensen aan het werk na 12 maanden",
    },
    "card.work_12m.more": {
        "en": "After one year, {n} more people in the region are in work (net: people who lost "
        "a job to someone placed are subtracted).",
        "nl": "Na een jaar werken er in de regio {n} mensen meer (netto: wie zijn baan aan een "
        "geplaatste kwijtraakte, is er al van afgetrokken).",
    },
    "card.work_12m.fewer": {
        "en": "After one year, {n} fewer people in the region are in work.",
        "nl": "Na een jaar werken er in de regio {n} mensen minder.",
    },
    "card.work_24m": {
        "en": "More people in work after 24 months",
        "nl": "Meer mensen aan het werk na 24 maanden",
    },
    "card.work_24m.more": {
        "en": "After two years, {n} more people in the region are in work (net).",
        "nl": "Na twee jaar werken er in de regio {n} mensen meer (netto).",
    },
    "card.work_24m.fewer": {
        "en": "After two years, {n} fewer people in the region are in work.",
        "nl": "Na twee jaar werken er in de regio {n} mensen minder.",
    },
    "card.bijstand": {
        "en": "Change in people on bijstand",
        "nl": "Verandering in het aantal mensen in de bijstand",
    },
    "card.bijstand.more": {
        "en": "At the end of month {months}, {n} more people are on bijstand (social "
        "assistance) than in the reference.",
        "nl": "Aan het eind van maand {months} zitten {n} mensen meer in de bijstand dan in de "
        "referentie.",
    },
    "card.bijstand.fewer": {
        "en": "At the end of month {months}, {n} fewer people are on bijstand (social "
        "assistance) than in the reference.",
        "nl": "Aan het eind van maand {months} zitten {n} mensen minder in de bijstand dan in "
        "de referentie.",
    },
    "card.deadweight": {
        "en": "Placements that would have happened anyway",
        "nl": "Plaatsingen die er toch wel waren gekomen",
    },
    "card.deadweight.text": {
        "en": "{value} of the subsidised placements went to people who also found work "
        "without the policy (deadweight).",
        "nl": "{value} van de gesubsidieerde plaatsingen ging naar mensen die zonder het "
        "beleid ook werk vonden (dode last).",
    },
    "card.displacement": {
        "en": "Jobs taken from other jobseekers",
        "nl": "Banen ten koste van andere werkzoekenden",
    },
    "card.displacement.text": {
        "en": "For every extra placement, other jobseekers lose {value} (displacement).",
        "nl": "Voor elke extra plaatsing verliezen andere werkzoekenden {value} (verdringing).",
    },
    "card.cost_per_extra_sustained": {
        "en": "Public cost per extra lasting placement",
        "nl": "Publieke kosten per extra duurzame plaatsing",
    },
    "card.cost_per_extra_sustained.text": {
        "en": "Each extra placement from bijstand or sheltered work that lasts costs {value} in "
        "public money over the run (before displacement).",
        "nl": "Elke extra plaatsing uit de bijstand of beschut werk die standhoudt kost {value} "
        "aan publiek geld over de hele looptijd (voor verdringing).",
    },
    # --- side-by-side table: outcomes, each says of whom -----------------------------------
    "table.outcome": {"en": "Outcome", "nl": "Uitkomst"},
    "table.reference": {"en": "reference", "nl": "referentie"},
    "table.diff_note": {
        "en": "Each cell: the value with its 95% interval; under it, for the other scenarios, "
        "the difference with the reference (percentage points for shares).",
        "nl": "Elke cel: de waarde met het 95%-interval; daaronder, bij de andere scenario's, "
        "het verschil met de referentie (procentpunten bij percentages).",
    },
    "row.placement_rate_12m": {
        "en": "Placed in a job within 12 months (% of people on bijstand or in sheltered work "
        "at the start)",
        "nl": "Binnen 12 maanden aan het werk (% van de mensen die bij de start in de bijstand "
        "of sociale werkvoorziening zaten)",
    },
    "row.sustained_placement_rate_24m": {
        "en": "Placed within 12 months and still working after 24 months (% of the same people)",
        "nl": "Binnen 12 maanden geplaatst en na 24 maanden nog aan het werk (% van dezelfde "
        "mensen)",
    },
    "row.relapse_rate_12m": {
        "en": "Back on benefits within 12 months of the job (% of those placed)",
        "nl": "Binnen 12 maanden na de baan terug in een uitkering (% van de geplaatsten)",
    },
    "row.mean_months_to_placement": {
        "en": "Months until the first job (average of those placed)",
        "nl": "Maanden tot de eerste baan (gemiddelde van de geplaatsten)",
    },
    "row.unemployment_rate": {
        "en": "Unemployment (% of the labour force, last year of the run)",
        "nl": "Werkloosheid (% van de beroepsbevolking, laatste jaar van de simulatie)",
    },
    "row.public_cost_eur": {
        "en": "Public cost, whole region (EUR million a year)",
        "nl": "Publieke kosten, hele regio (miljoen euro per jaar)",
    },
    "row.public_cost_municipality_eur": {
        "en": "of which municipalities (EUR million a year)",
        "nl": "waarvan gemeenten (miljoen euro per jaar)",
    },
    "row.public_cost_national_eur": {
        "en": "of which national government (EUR million a year)",
        "nl": "waarvan het Rijk (miljoen euro per jaar)",
    },
    "row.reintegration_cost_eur": {
        "en": "Spending on re-integration: subsidies, coaching, training (EUR million a year)",
        "nl": "Uitgaven aan re-integratie: subsidies, begeleiding, scholing (miljoen euro per "
        "jaar)",
    },
    "row.employer_participation_rate": {
        "en": "Employers who hired someone from bijstand or sheltered work (% of employers)",
        "nl": "Werkgevers die iemand uit de bijstand of sociale werkvoorziening aannamen "
        "(% van de werkgevers)",
    },
    "row.deadweight_share": {
        "en": "Deadweight: placed anyway (% of subsidised placements)",
        "nl": "Dode last: toch wel geplaatst (% van de gesubsidieerde plaatsingen)",
    },
    "row.cost_per_extra_sustained_placement_eur": {
        "en": "Public cost per extra lasting placement from bijstand or sheltered work (EUR, "
        "over the run)",
        "nl": "Publieke kosten per extra duurzame plaatsing uit bijstand of beschut werk (euro, "
        "hele looptijd)",
    },
    "row.decisive_share": {
        "en": "Hires in which {instrument} made the difference (% of the hires with it)",
        "nl": "Aannames waarbij {instrument} de doorslag gaf (% van de aannames ermee)",
    },
    "row.deadweight_instrument": {
        "en": "Deadweight of {instrument} (% of its placements)",
        "nl": "Dode last van {instrument} (% van de plaatsingen ermee)",
    },
    "sub.subgroup": {"en": "Group", "nl": "Groep"},
    # outcomes per group of people (the For whom tab): one table per outcome, a row per group
    "subrow.persons": {
        "en": "People in the group at the start (in the simulated share of the population)",
        "nl": "Mensen in de groep bij de start (in het gesimuleerde deel van de bevolking)",
    },
    "subrow.placement_rate_6m": {
        "en": "Placed in a job within 6 months (% of the group)",
        "nl": "Binnen 6 maanden aan het werk (% van de groep)",
    },
    "subrow.placement_rate_12m": {
        "en": "Placed in a job within 12 months (% of the group)",
        "nl": "Binnen 12 maanden aan het werk (% van de groep)",
    },
    "subrow.placement_rate_24m": {
        "en": "Placed in a job within 24 months (% of the group)",
        "nl": "Binnen 24 maanden aan het werk (% van de groep)",
    },
    "subrow.placement_rate_36m": {
        "en": "Placed in a job within 36 months (% of the group)",
        "nl": "Binnen 36 maanden aan het werk (% van de groep)",
    },
    "subrow.in_work_end": {
        "en": "In work at the end of the run (% of the group)",
        "nl": "Aan het werk aan het eind van de simulatie (% van de groep)",
    },
    "subgroup.wage_value<0.5": {
        "en": "Wage value below 50% of the minimum wage",
        "nl": "Loonwaarde onder 50% van het minimumloon",
    },
    "subgroup.wage_value_0.5-0.8": {
        "en": "Wage value 50% to 80% of the minimum wage",
        "nl": "Loonwaarde 50% tot 80% van het minimumloon",
    },
    "subgroup.wage_value>=0.8": {
        "en": "Wage value 80% of the minimum wage or more",
        "nl": "Loonwaarde 80% van het minimumloon of meer",
    },
    "subgroup.benefit_months<12": {
        "en": "Less than a year on benefits at the start",
        "nl": "Bij de start korter dan een jaar in de uitkering",
    },
    "subgroup.benefit_months_12-36": {
        "en": "One to three years on benefits at the start",
        "nl": "Bij de start een tot drie jaar in de uitkering",
    },
    "subgroup.benefit_months>36": {
        "en": "More than three years on benefits at the start",
        "nl": "Bij de start langer dan drie jaar in de uitkering",
    },
    "subgroup.origin_bijstand": {"en": "Started on bijstand", "nl": "Begon in de bijstand"},
    "subgroup.origin_sheltered": {
        "en": "Started in sheltered work",
        "nl": "Begon in de sociale werkvoorziening",
    },
    # --- figures ------------------------------------------------------------------------
    "fig.month": {"en": "month", "nl": "maand"},
    "fig.placements_so_far": {
        "en": "Placements so far (whole region)",
        "nl": "Plaatsingen tot nu toe (hele regio)",
    },
    "fig.relapses_so_far": {
        "en": "Relapses so far (whole region)",
        "nl": "Terugval tot nu toe (hele regio)",
    },
    "fig.placements_month": {
        "en": "Placements per month (whole region)",
        "nl": "Plaatsingen per maand (hele regio)",
    },
    "fig.bijstand_stock": {
        "en": "People on bijstand (whole region)",
        "nl": "Mensen in de bijstand (hele regio)",
    },
    "fig.persons": {"en": "people", "nl": "mensen"},
    "fig.band": {"en": "mean and 95% band", "nl": "gemiddelde en 95%-band"},
    "fig.cost_effect": {
        "en": "Cost against effect (95% intervals)",
        "nl": "Kosten tegen effect (95%-intervallen)",
    },
    "fig.extra_work": {
        "en": "more people in work after 24 months (12 in a shorter run)",
        "nl": "meer mensen aan het werk na 24 maanden (12 bij een kortere run)",
    },
    "fig.extra_cost": {
        "en": "extra public cost (EUR million a year)",
        "nl": "extra publieke kosten (miljoen euro per jaar)",
    },
    # --- the council report ------------------------------------------------------------
    "report.title": {
        "en": "Comparison of labour-market policies",
        "nl": "Vergelijking van arbeidsmarktbeleid",
    },
    "report.settings": {
        "en": "{reps} repetitions per scenario, {months} months, {share} of the population "
        "simulated and scaled up to the whole region ({region}).",
        "nl": "{reps} herhalingen per scenario, {months} maanden, {share} van de bevolking "
        "gesimuleerd en opgeschaald naar de hele regio ({region}).",
    },
    "report.headline": {"en": "In brief", "nl": "In het kort"},
    "report.table": {"en": "The scenarios side by side", "nl": "De scenario's naast elkaar"},
    "report.figures": {"en": "Over time", "nl": "In de tijd"},
    "report.for_whom": {"en": "For whom", "nl": "Voor wie"},
    "report.for_whom_groups": {
        "en": "Outcomes by where people started: bijstand or sheltered work.",
        "nl": "Uitkomsten naar waar mensen begonnen: bijstand of sociale werkvoorziening.",
    },
    "report.group.social_assistance": {"en": "Started on bijstand", "nl": "Begon in de bijstand"},
    "report.group.sheltered_work": {
        "en": "Started in sheltered work",
        "nl": "Begon in de sociale werkvoorziening",
    },
    "report.assumes": {"en": "What the model assumes", "nl": "Wat het model aanneemt"},
    "report.assumes_intro": {
        "en": "These settings of the compared scenarios are not measured figures but "
        "assumptions, with the reasoning behind them. Different values may give "
        "different results.",
        "nl": "Deze instellingen van de vergeleken scenario's zijn geen gemeten cijfers maar "
        "aannames, met de redenering erachter. Andere waarden kunnen andere uitkomsten "
        "geven.",
    },
    "report.assumes_none": {
        "en": "The compared scenarios use no assumed settings.",
        "nl": "De vergeleken scenario's gebruiken geen aannames.",
    },
    "report.reason_source": {
        "en": "The reasoning is quoted from the model's documentation.",
        "nl": "De redenering komt uit de documentatie van het model.",
    },
    "report.on": {"en": "on", "nl": "aan"},
    "report.off": {"en": "off", "nl": "uit"},
    "report.setting": {"en": "Setting", "nl": "Instelling"},
    "report.value": {"en": "Value", "nl": "Waarde"},
    "report.why": {"en": "Reasoning", "nl": "Redenering"},
    "report.how_to_read": {"en": "How to read this", "nl": "Hoe leest u dit"},
    "report.how_to_read_text": {
        "en": "Every scenario was simulated {reps} times. Each time, all scenarios saw the "
        "same people, employers and economy, so a difference between a scenario and "
        "the reference comes from the policy, not from chance. The range after a number "
        "(the 95% interval) shows how much it varied between repetitions: when the range "
        "of a difference includes zero, the simulation cannot tell the scenarios apart. "
        "Percentages stay between 0% and 100%. A cost per extra placement is given only "
        "when the extra placements are clearly more than zero. Amounts are for the whole "
        "region: the simulation models a share of the population and scales it up. "
        "Costs are per year unless the label says otherwise.",
        "nl": "Elk scenario is {reps} keer gesimuleerd. Elke keer zagen alle scenario's "
        "dezelfde mensen, werkgevers en economie; een verschil tussen een scenario en "
        "de referentie komt dus door het beleid, niet door toeval. De marge na een getal "
        "(het 95%-interval) laat zien hoeveel het tussen herhalingen verschilde: ligt nul "
        "binnen de marge van een verschil, dan kan de simulatie de scenario's niet uit "
        "elkaar houden. Percentages blijven tussen 0% en 100%. Kosten per extra plaatsing "
        "staan er alleen als er duidelijk meer dan nul extra plaatsingen zijn. Bedragen "
        "gelden voor de hele regio: de simulatie rekent met een deel van de bevolking "
        "en schaalt dat op. Kosten zijn per jaar, tenzij het label iets anders zegt.",
    },
    "report.glossary": {"en": "Words used", "nl": "Gebruikte woorden"},
    "report.footer": {
        "en": "Made with Kluit. The model is described in the documentation that comes with it.",
        "nl": "Gemaakt met Kluit. Het model staat beschreven in de documentatie die erbij hoort.",
    },
    "report.scenario_list": {"en": "The scenarios", "nl": "De scenario's"},
    # --- glossary -----------------------------------------------------------------------
    "glossary.bijstand": {
        "en": "Bijstand (social assistance): the municipal minimum income for people without "
        "other income or savings (Participation Act).",
        "nl": "Bijstand: het minimuminkomen van de gemeente voor wie geen ander inkomen of "
        "vermogen heeft (Participatiewet).",
    },
    "glossary.wsw": {
        "en": "Wsw (sheltered work): jobs in a sheltered work company for people who cannot "
        "yet work for an ordinary employer; closed to new entrants since 2015, "
        "continued as 'beschut werk'.",
        "nl": "Wsw (sociale werkvoorziening): werk in een sociaal werkbedrijf voor wie nog "
        "niet bij een gewone werkgever kan werken; sinds 2015 gesloten voor nieuwe "
        "instroom, voortgezet als beschut werk.",
    },
    "glossary.loonwaarde": {
        "en": "Loonwaarde (wage value): what a person's work is worth to an employer, as a "
        "share of the minimum wage; a wage-cost subsidy pays the gap.",
        "nl": "Loonwaarde: wat iemands werk waard is voor een werkgever, als deel van het "
        "minimumloon; loonkostensubsidie betaalt het verschil.",
    },
    "glossary.no_risk": {
        "en": "No-riskpolis (no-risk policy): the national insurance pays the sick pay of an "
        "employee from the target group, so the employer carries no sickness risk.",
        "nl": "No-riskpolis: het UWV betaalt het loon bij ziekte van een werknemer uit de "
        "doelgroep, zodat de werkgever geen ziekterisico draagt.",
    },
    "glossary.ww": {
        "en": "WW (unemployment benefit): insurance benefit after job loss, for a limited "
        "time; after it ends people may move to bijstand.",
        "nl": "WW (werkloosheidsuitkering): uitkering na baanverlies, voor beperkte tijd; "
        "daarna kunnen mensen in de bijstand komen.",
    },
    "glossary.deadweight": {
        "en": "Deadweight: support given to people who would have found work anyway.",
        "nl": "Dode last: steun voor mensen die ook zonder die steun werk hadden gevonden.",
    },
    "glossary.displacement": {
        "en": "Displacement: a placed person takes a job another jobseeker would have had.",
        "nl": "Verdringing: een geplaatste neemt een baan die een andere werkzoekende anders "
        "had gekregen.",
    },
    # --- explanations next to the views ------------------------------------------------------
    "help.map": {
        "en": "Circles are municipalities (size: population; colour: share of residents on "
        "bijstand, see the colour bar); squares are job areas outside the region. Lines "
        "are commuting links with the travel time in minutes. Click a municipality to "
        "see its figures.",
        "nl": "Cirkels zijn gemeenten (grootte: inwoners; kleur: aandeel inwoners in de "
        "bijstand, zie de kleurbalk); vierkanten zijn werkgebieden buiten de regio. "
        "Lijnen zijn forensenverbindingen met de reistijd in minuten. Klik op een "
        "gemeente voor haar cijfers.",
    },
    "help.flows": {
        "en": "Boxes show how many people are in each state now; arrows show who moved between "
        "states this month (thicker is more). All numbers are scaled up from the "
        "simulated share to the whole region.",
        "nl": "Vakken tonen hoeveel mensen nu in elke situatie zitten; pijlen tonen wie deze "
        "maand van situatie wisselde (dikker is meer). Alle aantallen zijn opgeschaald "
        "naar de hele regio.",
    },
    "help.story": {
        "en": "The same person, in the same simulated region, on the same random draws, under "
        "two policies. Until the paths part, both lives are identical; after that, the "
        "difference is what the policy meant for this person - directly (a subsidised "
        "job, a coach) or indirectly, because the policy changed who else got which "
        "job.",
        "nl": "Dezelfde persoon, in dezelfde gesimuleerde regio, met dezelfde "
        "toevalstrekkingen, onder twee soorten beleid. Tot de paden uiteengaan zijn "
        "beide levens gelijk; daarna is het verschil wat het beleid voor deze persoon "
        "betekende - direct (een gesubsidieerde baan, een jobcoach) of indirect, omdat "
        "het beleid veranderde wie welke baan kreeg.",
    },
    "help.editor": {
        "en": "Start from a scenario, change its settings (each shows its unit and allowed "
        "range), and save the result as a new scenario. It then appears in the list of "
        "scenarios to compare. Scenarios are saved in the scenarios folder only.",
        "nl": "Begin met een scenario, verander de instellingen (elk met eenheid en "
        "toegestaan bereik) en sla het resultaat op als nieuw scenario. Het staat "
        "daarna in de lijst met scenario's om te vergelijken. Scenario's worden alleen "
        "in de map met scenario's opgeslagen.",
    },
    "mech.matching.title": {"en": "Searching and hiring", "nl": "Zoeken en aannemen"},
    "mech.matching": {
        "en": "Everyone out of work sends applications to vacancies within commuting reach, "
        "mostly in their own sector. An employer hires the applicant with the best "
        "business case: expected productivity (wage value) against wage, expected sick "
        "pay and supervision, plus what an inclusive employer values. Everyone competes "
        "for the same vacancies.",
        "nl": "Iedereen zonder werk solliciteert op vacatures binnen reisafstand, vooral in de "
        "eigen sector. Een werkgever neemt de sollicitant aan met de beste business "
        "case: verwachte productiviteit (loonwaarde) tegenover loon, verwacht "
        "ziekteverzuim en begeleiding, plus wat een inclusieve werkgever waardeert. "
        "Iedereen concurreert om dezelfde vacatures.",
    },
    "mech.relapse.title": {"en": "Relapse", "nl": "Terugval"},
    "mech.relapse": {
        "en": "A person placed from bijstand or sheltered work may lose the job again. The "
        "risk is higher when the job's work pressure exceeds the person's resilience, "
        "and it fades the longer the job lasts. Coaching and transition support lower "
        "it.",
        "nl": "Wie vanuit de bijstand of sociale werkvoorziening is geplaatst, kan de baan "
        "weer verliezen. Het risico is groter als de werkdruk de veerkracht van de "
        "persoon overstijgt, en neemt af naarmate de baan langer duurt. Jobcoaching en "
        "begeleiding bij de overstap verlagen het.",
    },
    "mech.sickness.title": {"en": "Sickness risk", "nl": "Ziekterisico"},
    "mech.sickness": {
        "en": "Workers fall ill and recover. The employer pays sick pay for up to two years, "
        "which is why employers weigh the sickness risk of a candidate; the no-risk "
        "policy takes that cost away, if the employer knows about it.",
        "nl": "Werknemers worden ziek en herstellen. De werkgever betaalt tot twee jaar loon "
        "door bij ziekte; daarom wegen werkgevers het ziekterisico van een kandidaat "
        "mee. De no-riskpolis neemt die kosten weg, als de werkgever ervan weet.",
    },
    "mech.vacancies.title": {"en": "Employers and vacancies", "nl": "Werkgevers en vacatures"},
    "mech.vacancies": {
        "en": "Each employer's desired size follows the demand of its sector, with ups and "
        "downs. Employers open vacancies up to their desired size and lay off staff "
        "when far above it.",
        "nl": "De gewenste omvang van elke werkgever volgt de vraag in de sector, met pieken "
        "en dalen. Werkgevers openen vacatures tot hun gewenste omvang en ontslaan "
        "personeel als ze er ver boven zitten.",
    },
    "mech.training.title": {"en": "Training", "nl": "Scholing"},
    "mech.training": {
        "en": "Schools train jobseekers for a sector chosen by a forecast of demand. "
        "Long-range forecasts say little about the jobs open when a six-month course "
        "ends.",
        "nl": "Scholen leiden werkzoekenden op voor een sector die gekozen is op een prognose "
        "van de vraag. Prognoses voor de lange termijn zeggen weinig over de vacatures "
        "als een opleiding van zes maanden afloopt.",
    },
    "mech.benefits.title": {
        "en": "Benefits and sheltered work",
        "nl": "Uitkeringen en beschut werk",
    },
    "mech.benefits": {
        "en": "Unemployment benefit (WW) runs out and may continue as bijstand. People also "
        "leave benefits for other reasons, and municipalities open a few new sheltered "
        "places each year. People retire or move away; school leavers come in.",
        "nl": "De WW loopt af en kan overgaan in bijstand. Mensen verlaten een uitkering ook "
        "om andere redenen, en gemeenten openen elk jaar een paar nieuwe beschutte "
        "plekken. Mensen gaan met pensioen of verhuizen; schoolverlaters komen erbij.",
    },
    # --- explore view -------------------------------------------------------------------
    "explore.scenario": {"en": "Scenario", "nl": "Scenario"},
    "explore.scale": {"en": "Share of the population", "nl": "Deel van de bevolking"},
    "explore.step": {"en": "Next month", "nl": "Volgende maand"},
    "explore.step_year": {"en": "Next year", "nl": "Volgend jaar"},
    "explore.play": {"en": "Play", "nl": "Afspelen"},
    "explore.pause": {"en": "Pause", "nl": "Pauze"},
    "explore.reset": {"en": "Start again", "nl": "Opnieuw beginnen"},
    "explore.month": {"en": "Month {month}", "nl": "Maand {month}"},
    "explore.municipality": {"en": "Municipality", "nl": "Gemeente"},
    "explore.whole_region": {"en": "(whole region)", "nl": "(hele regio)"},
    "explore.over_time": {"en": "Over time (whole region)", "nl": "In de tijd (hele regio)"},
    "explore.how": {"en": "How it works", "nl": "Hoe het werkt"},
    "explore.instrument_on": {"en": "Instrument on: {name}", "nl": "Instrument aan: {name}"},
    "explore.no_instrument": {
        "en": "No extra instrument is switched on in this scenario.",
        "nl": "In dit scenario staat geen extra instrument aan.",
    },
    "explore.instruments": {"en": "Instruments", "nl": "Instrumenten"},
    "explore.dl_monthly": {
        "en": "Monthly figures so far (CSV)",
        "nl": "Maandcijfers tot nu toe (CSV)",
    },
    "explore.dl_map": {"en": "Map (PNG)", "nl": "Kaart (PNG)"},
    "series.social_assistance": {"en": "On bijstand", "nl": "In de bijstand"},
    "series.sheltered_work": {"en": "In sheltered work", "nl": "In beschut werk"},
    "series.training": {"en": "In training", "nl": "In opleiding"},
    "series.subsidised": {
        "en": "In a job with wage-cost subsidy",
        "nl": "In een baan met loonkostensubsidie",
    },
    "series.pool_jobs": {"en": "In a work-pool job", "nl": "In een baan via een werkpool"},
    "state.employed": {"en": "job", "nl": "baan"},
    "state.subsidised": {"en": "job with wage subsidy", "nl": "baan met loonkostensubsidie"},
    "state.pool": {"en": "work-pool job", "nl": "baan via werkpool"},
    "state.unemployed_ww": {"en": "unemployment benefit (WW)", "nl": "WW-uitkering"},
    "state.no_benefit": {"en": "out of work, no benefit", "nl": "zonder werk, geen uitkering"},
    "state.social_assistance": {"en": "bijstand", "nl": "bijstand"},
    "state.sheltered": {"en": "sheltered work", "nl": "beschut werk"},
    "state.training": {"en": "training", "nl": "opleiding"},
    "state.inactive": {"en": "left the labour force", "nl": "niet meer op de arbeidsmarkt"},
    "explore.flows_title": {
        "en": "Month {month}: moves between states in {where}",
        "nl": "Maand {month}: overgangen tussen situaties in {where}",
    },
    "explore.the_region": {"en": "the region", "nl": "de regio"},
    "explore.flows_footer": {
        "en": "This month {left} people left the labour force (retired, moved away) and {came} "
        "came in.",
        "nl": "Deze maand verlieten {left} mensen de arbeidsmarkt (pensioen, verhuizing) en "
        "kwamen er {came} bij.",
    },
    "explore.open_vacancies": {"en": "open vacancies", "nl": "open vacatures"},
    "explore.out_of_work": {"en": "people out of work", "nl": "mensen zonder werk"},
    "explore.people_vacancies": {"en": "people / vacancies", "nl": "mensen / vacatures"},
    "explore.speed.slow": {"en": "slow", "nl": "langzaam"},
    "explore.speed.normal": {"en": "normal", "nl": "normaal"},
    "explore.speed.fast": {"en": "fast", "nl": "snel"},
    "explore.simulated": {
        "en": "{persons} people and {employers} employers simulated ({share} of the region)",
        "nl": "{persons} mensen en {employers} werkgevers gesimuleerd ({share} van de regio)",
    },
    "town.external": {
        "en": "{name} is a job area outside the region: residents of the region commute there; "
        "nobody is simulated as living there.",
        "nl": "{name} is een werkgebied buiten de regio: inwoners van de regio reizen erheen; "
        "er wonen geen gesimuleerde mensen.",
    },
    "town.population": {"en": "Population (region data)", "nl": "Inwoners (regiocijfers)"},
    "town.vacancies": {"en": "Open vacancies now", "nl": "Open vacatures nu"},
    "town.jobs": {"en": "Jobs located here", "nl": "Banen in deze gemeente"},
    "town.hired": {"en": "Residents hired this month", "nl": "Inwoners aangenomen deze maand"},
    "town.placements": {
        "en": "... of whom from benefits or sheltered work (placements)",
        "nl": "... van wie uit een uitkering of beschut werk (plaatsingen)",
    },
    "town.back": {
        "en": "Residents who lost a job to benefits this month",
        "nl": "Inwoners die deze maand van werk in een uitkering kwamen",
    },
    "town.state": {"en": "Situation", "nl": "Situatie"},
    "town.now": {"en": "People now", "nl": "Mensen nu"},
    "town.in": {"en": "In this month", "nl": "Erbij deze maand"},
    "town.out": {"en": "Out this month", "nl": "Eraf deze maand"},
    "town.links": {"en": "Commuting links: {links}", "nl": "Forensenverbindingen: {links}"},
    # --- a person's story ------------------------------------------------------------------
    "story.policy_a": {"en": "Policy A", "nl": "Beleid A"},
    "story.policy_b": {"en": "Policy B", "nl": "Beleid B"},
    "story.group": {"en": "Draw a person from", "nl": "Kies een persoon uit"},
    "story.draw": {"en": "Draw another person", "nl": "Andere persoon kiezen"},
    "story.person_number": {"en": "Person number", "nl": "Persoonsnummer"},
    "story.running": {
        "en": "Running both policies on the same random draws ...",
        "nl": "Beide soorten beleid worden doorgerekend met dezelfde toevalstrekkingen ...",
    },
    "story.cannot_run": {
        "en": "Cannot run: {error}",
        "nl": "Kan niet worden doorgerekend: {error}",
    },
    "story.nobody": {
        "en": "Nobody in the group '{group}' in this run.",
        "nl": "Niemand in de groep '{group}' in deze simulatie.",
    },
    "story.not_in_group": {
        "en": "Person {person} is not in the group '{group}'; showing them anyway.",
        "nl": "Persoon {person} hoort niet bij de groep '{group}'; toch getoond.",
    },
    "story.never_part": {"en": "The paths never part", "nl": "De paden gaan nooit uiteen"},
    "story.never_part_rest": {
        "en": ": this person's life is the same under both policies in this run.",
        "nl": ": het leven van deze persoon is onder beide soorten beleid "
        "gelijk in deze simulatie.",
    },
    "story.part_in": {
        "en": "The paths part in month {month}.",
        "nl": "De paden gaan uiteen in maand {month}.",
    },
    "story.under": {"en": "Under {name}", "nl": "Onder {name}"},
    "story.under_events": {"en": "Under {name}: {events}.", "nl": "Onder {name}: {events}."},
    "story.under_nothing": {
        "en": "Under {name}: nothing changes that month.",
        "nl": "Onder {name}: die maand verandert er niets.",
    },
    "story.no_change": {
        "en": "No change: stays in {state} throughout.",
        "nl": "Geen verandering: blijft de hele tijd in {state}.",
    },
    "story.dl_csv": {"en": "Month by month (CSV)", "nl": "Maand voor maand (CSV)"},
    "story.dl_png": {"en": "Figure (PNG)", "nl": "Figuur (PNG)"},
    "story.paths_part": {
        "en": "paths part in month {month}",
        "nl": "paden gaan uiteen in maand {month}",
    },
    "story.event": {
        "en": "month {month}: {verb} ({old} -> {new})",
        "nl": "maand {month}: {verb} ({old} -> {new})",
    },
    "person.person": {"en": "Person", "nl": "Persoon"},
    "person.lives_in": {"en": "Lives in", "nl": "Woont in"},
    "person.state": {"en": "Situation at the start", "nl": "Situatie bij de start"},
    "person.months_out": {
        "en": "Months out of work at the start",
        "nl": "Maanden zonder werk bij de start",
    },
    "person.wage_value": {
        "en": "Wage value (share of the minimum wage)",
        "nl": "Loonwaarde (deel van het minimumloon)",
    },
    "person.resilience": {"en": "Resilience (0-1)", "nl": "Veerkracht (0-1)"},
    "person.sickness": {"en": "Sickness proneness (0-1)", "nl": "Gevoeligheid voor ziekte (0-1)"},
    "person.sector": {"en": "Sector", "nl": "Sector"},
    "person.group.0": {"en": "worker", "nl": "werkende"},
    "person.group.1": {"en": "on bijstand at the start", "nl": "in de bijstand bij de start"},
    "person.group.2": {
        "en": "in sheltered work at the start",
        "nl": "in beschut werk bij de start",
    },
    "group.sheltered_low_resilience": {
        "en": "Sheltered work, low resilience",
        "nl": "Beschut werk, weinig veerkracht",
    },
    "group.sheltered": {"en": "Sheltered work", "nl": "Beschut werk"},
    "group.social_assistance": {"en": "On bijstand", "nl": "In de bijstand"},
    "group.social_assistance_long": {
        "en": "On bijstand for 3 years or more",
        "nl": "Drie jaar of langer in de bijstand",
    },
    "group.social_assistance_ready": {
        "en": "On bijstand, ready to search",
        "nl": "In de bijstand, klaar om te zoeken",
    },
    "group.social_assistance_low_resilience": {
        "en": "On bijstand, low resilience",
        "nl": "In de bijstand, weinig veerkracht",
    },
    "group.unemployed_ww": {"en": "On unemployment benefit (WW)", "nl": "In de WW"},
    "cause.start": {"en": "starts", "nl": "begint"},
    "cause.hire": {"en": "is hired", "nl": "wordt aangenomen"},
    "cause.separation": {"en": "loses the job", "nl": "verliest de baan"},
    "cause.relapse": {"en": "falls back (relapse)", "nl": "valt terug"},
    "cause.layoff": {"en": "is laid off", "nl": "wordt ontslagen"},
    "cause.exit": {"en": "leaves the labour force", "nl": "verlaat de arbeidsmarkt"},
    "cause.entry": {"en": "enters", "nl": "komt erbij"},
    "cause.ww_exhausted": {"en": "reaches the end of WW", "nl": "bereikt het einde van de WW"},
    "cause.sa_other_exit": {
        "en": "leaves benefits for another reason",
        "nl": "verlaat de uitkering om een andere reden",
    },
    "cause.sa_application": {"en": "applies for bijstand", "nl": "vraagt bijstand aan"},
    "cause.training_start": {"en": "starts training", "nl": "begint een opleiding"},
    "cause.training_end": {"en": "finishes training", "nl": "rondt een opleiding af"},
    "cause.long_sickness": {"en": "falls ill for long", "nl": "wordt langdurig ziek"},
    "cause.return_right": {
        "en": "returns to sheltered work (right to return)",
        "nl": "keert terug naar beschut werk (terugkeergarantie)",
    },
    "cause.subsidy_end": {"en": "loses the wage subsidy", "nl": "verliest de loonkostensubsidie"},
    "cause.pool_end": {"en": "leaves the work pool", "nl": "verlaat de werkpool"},
    "cause.sheltered_place": {"en": "gets a sheltered place", "nl": "krijgt een beschutte plek"},
    "cause.promotion": {
        "en": "takes a step on a career path",
        "nl": "zet een stap op een loopbaanpad",
    },
    # --- scenario editor -----------------------------------------------------------------
    "editor.defaults": {
        "en": "(every setting at its default)",
        "nl": "(elke instelling op de standaardwaarde)",
    },
    "editor.start_from": {"en": "Start from", "nl": "Begin met"},
    "editor.name": {
        "en": "Short name (letters and digits)",
        "nl": "Korte naam (letters en cijfers)",
    },
    "editor.title": {"en": "Title (what readers see)", "nl": "Titel (wat lezers zien)"},
    "editor.edited_title": {"en": "{title}, changed", "nl": "{title}, aangepast"},
    "editor.description": {"en": "Description", "nl": "Beschrijving"},
    "editor.sections": {"en": "Sections", "nl": "Onderdelen"},
    "editor.n_changed": {"en": "({n} changed)", "nl": "({n} gewijzigd)"},
    "editor.changes": {"en": "Changes and saving", "nl": "Wijzigingen en opslaan"},
    "editor.changed_from": {
        "en": "Changed from the base: {changes}",
        "nl": "Gewijzigd ten opzichte van de basis: {changes}",
    },
    "editor.undo": {"en": "Undo all changes", "nl": "Alle wijzigingen ongedaan maken"},
    "editor.no_changes": {"en": "No changes yet.", "nl": "Nog geen wijzigingen."},
    "editor.keeps_shocks": {
        "en": "Keeps the base scenario's {n} shock(s): {shocks}",
        "nl": "Houdt de {n} schok(ken) van het basisscenario: {shocks}",
    },
    "editor.shock": {"en": "{kind} from month {month}", "nl": "{kind} vanaf maand {month}"},
    "editor.folder": {
        "en": "Folder (under the scenarios folder)",
        "nl": "Map (binnen de map met scenario's)",
    },
    "editor.file_name": {"en": "File name", "nl": "Bestandsnaam"},
    "editor.overwrite": {"en": "overwrite", "nl": "overschrijven"},
    "editor.save": {"en": "Save scenario", "nl": "Scenario opslaan"},
    "editor.will_save": {"en": "Will be saved as {target}", "nl": "Wordt opgeslagen als {target}"},
    "editor.saved": {
        "en": "Saved. It is now in the list of scenarios to compare ({target}).",
        "nl": "Opgeslagen. Het staat nu in de lijst met scenario's om te vergelijken ({target}).",
    },
    "editor.add": {"en": "Add it to the comparison", "nl": "Aan de vergelijking toevoegen"},
    "editor.download": {"en": "Download the scenario file", "nl": "Scenariobestand downloaden"},
    "editor.preview": {"en": "Preview of the file", "nl": "Voorbeeld van het bestand"},
    "editor.fix_first": {
        "en": "Fix the fields marked in red first.",
        "nl": "Verbeter eerst de rood gemarkeerde velden.",
    },
    "editor.outside": {
        "en": "Saved outside the scenarios folder: it cannot be listed in the comparison.",
        "nl": "Buiten de map met scenario's opgeslagen: het kan niet in de "
        "vergelijking worden opgenomen.",
    },
    "editor.changed_was": {
        "en": "changed (was {was}). {doc}",
        "nl": "gewijzigd (was {was}). {doc}",
    },
    "editor.instrument": {"en": "Instrument: {name}", "nl": "Beleidsinstrument: {name}"},
    "editor.file_choice": {
        "en": "Where to save (a folder and file of your choice)",
        "nl": "Waar opslaan (een map en bestand naar keuze)",
    },
    # --- scenario and save errors, shown in the UI (kluit/ui/errors.py) ---------------------
    "err.got": {
        "en": "got {got}, allowed: {allowed}",
        "nl": "{got} kan niet; toegestaan: {allowed}",
    },
    "err.kind.int": {"en": "a whole number", "nl": "een geheel getal"},
    "err.kind.number": {"en": "a number", "nl": "een getal"},
    "err.kind.string": {"en": "a text", "nl": "een tekst"},
    "err.range": {"en": "{kind} from {lo} to {hi}", "nl": "{kind} van {lo} tot en met {hi}"},
    "err.at_least": {"en": "{kind} of at least {lo}", "nl": "{kind} van ten minste {lo}"},
    "err.at_most": {"en": "{kind} of at most {hi}", "nl": "{kind} van hoogstens {hi}"},
    "err.true_false": {"en": "true or false (on or off)", "nl": "true of false (aan of uit)"},
    "err.one_of": {"en": "one of {values}", "nl": "een van {values}"},
    "err.non_empty": {"en": "a text that is not empty", "nl": "een tekst die niet leeg is"},
    "err.name_or_all": {
        "en": "a name, or 'all' for every one",
        "nl": "een naam, of 'all' voor allemaal",
    },
    "err.scenario_file": {"en": "a scenario file", "nl": "een scenariobestand"},
    "err.extends_path": {
        "en": "the name of a scenario file, relative to this file",
        "nl": "de naam van een scenariobestand, ten opzichte van dit bestand",
    },
    "err.type.boolean": {"en": "true or false", "nl": "waar of onwaar"},
    "err.type.string": {"en": "text", "nl": "tekst"},
    "err.type.integer": {"en": "a whole number", "nl": "een geheel getal"},
    "err.type.float": {"en": "a decimal number", "nl": "een kommagetal"},
    "err.type.table": {"en": "a table", "nl": "een tabel"},
    "err.type.array": {"en": "a list", "nl": "een lijst"},
    "err.or": {"en": "or", "nl": "of"},
    "err.did_you_mean": {"en": "; did you mean {keys}?", "nl": "; bedoelt u {keys}?"},
    "err.full_key": {
        "en": "; write the full name, such as '{example}'",
        "nl": "; schrijf de volledige naam, bijvoorbeeld '{example}'",
    },
    "err.keys_in": {
        "en": "; names in [{section}]: {keys}",
        "nl": "; namen in [{section}]: {keys}",
    },
    "err.allowed_list": {"en": "; allowed: {keys}", "nl": "; toegestaan: {keys}"},
    "err.unknown_key": {"en": "unknown setting", "nl": "onbekende instelling"},
    "err.unknown_section": {"en": "unknown section", "nl": "onbekend onderdeel"},
    "err.unknown_shock": {"en": "unknown field of a shock", "nl": "onbekend veld van een schok"},
    "err.twice": {"en": "given twice", "nl": "staat er twee keer in"},
    "err.no_file": {
        "en": "the scenario file does not exist",
        "nl": "het scenariobestand bestaat niet",
    },
    "err.no_such_file": {
        "en": "the file {file} it builds on does not exist",
        "nl": "het bestand {file} waarop het voortbouwt, bestaat niet",
    },
    "err.toml_at": {
        "en": "the file is not a readable scenario: a mistake in line {line}, column {column} "
        "({detail})",
        "nl": "het bestand is geen leesbaar scenario: een fout in regel {line}, kolom {column} "
        "(melding van de TOML-lezer: {detail})",
    },
    "err.toml_end": {
        "en": "the file is not a readable scenario: a mistake at the end of the file ({detail})",
        "nl": "het bestand is geen leesbaar scenario: een fout aan het einde van het bestand "
        "(melding van de TOML-lezer: {detail})",
    },
    # --- a shared link that does not fit (kluit/ui/errors.py link_warning_text) ------------
    "link.unknown_setting": {
        "en": "The link has a setting this page does not know ({name}); it was ignored.",
        "nl": "De link bevat een instelling die deze pagina niet kent ({name}); die is genegeerd.",
    },
    "link.not_number": {
        "en": "In the link, {name}={given} is not a number; {kept} was kept.",
        "nl": "In de link is {name}={given} geen getal; {kept} blijft staan.",
    },
    "link.outside": {
        "en": "In the link, {name}={given} is outside {lo} to {hi}; {kept} was kept.",
        "nl": "In de link valt {name}={given} buiten {lo} tot en met {hi}; {kept} blijft staan.",
    },
    "link.scenario_missing": {
        "en": "The scenario {given} from the link was not found; kept: {kept}.",
        "nl": "Het scenario {given} uit de link is niet gevonden; gekozen blijft: {kept}.",
    },
    "link.none": {"en": "none", "nl": "geen"},
    "link.scenarios_missing": {
        "en": "Scenarios from the link not found: {names}.",
        "nl": "Scenario's uit de link niet gevonden: {names}.",
    },
    "link.unknown_view": {
        "en": "The link asks for an unknown view {given}; allowed: {allowed}.",
        "nl": "De link vraagt om een onbekende weergave {given}; toegestaan: {allowed}.",
    },
    "link.unknown_language": {
        "en": "The link asks for an unknown language {given}; allowed: {allowed}.",
        "nl": "De link vraagt om een onbekende taal {given}; toegestaan: {allowed}.",
    },
    "link.unknown_group": {
        "en": "The link asks for an unknown group of people {given}; allowed: {allowed}.",
        "nl": "De link vraagt om een onbekende groep mensen {given}; toegestaan: {allowed}.",
    },
    "link.own_not_instrument": {
        "en": "Your own package from the link: {name} is not a setting of an instrument; ignored.",
        "nl": "Uw eigen pakket uit de link: {name} is geen instelling van een instrument; "
        "genegeerd.",
    },
    "link.own": {
        "en": "Your own package from the link: {message}",
        "nl": "Uw eigen pakket uit de link: {message}",
    },
    "link.own_setting": {
        "en": "setting '{name}' ({setting}): {message}",
        "nl": "instelling '{name}' ({setting}): {message}",
    },
    "link.own_key": {
        "en": "setting '{setting}': {message}",
        "nl": "instelling '{setting}': {message}",
    },
    "link.own_form": {
        "en": "{given} is not of the form setting=value",
        "nl": "{given} heeft niet de vorm instelling=waarde",
    },
    "err.toml": {
        "en": "the file is not a readable scenario ({detail})",
        "nl": "het bestand is geen leesbaar scenario (TOML-fout: {detail})",
    },
    "err.utf8": {
        "en": "the file is not plain text ({detail})",
        "nl": "het bestand is geen gewone tekst (UTF-8; {detail})",
    },
    "err.unreadable": {
        "en": "the file cannot be read: it {reason}; allowed: a scenario file",
        "nl": "het bestand kan niet worden gelezen (reden: {reason}); toegestaan: een "
        "scenariobestand",
    },
    "err.cycle": {
        "en": "the files build on each other in a circle: {files}",
        "nl": "de bestanden bouwen in een kring op elkaar voort: {files}",
    },
    "err.not_table": {
        "en": "a scenario must be a table of settings",
        "nl": "een scenario moet een tabel met instellingen zijn",
    },
    "err.missing": {"en": "missing; allowed: {allowed}", "nl": "ontbreekt; toegestaan: {allowed}"},
    "err.language": {
        "en": "unknown language '{given}'; allowed: en (English) and nl (Dutch)",
        "nl": "onbekende taal '{given}'; toegestaan: en (Engels) en nl (Nederlands)",
    },
    "err.window": {
        "en": "{instrument} starts in month {start} but stops in month {end}: it would never "
        "run; allowed: a start month at most the end month, or end month -1 (never stops)",
        "nl": "{instrument} begint in maand {start} maar stopt in maand {end}: het zou nooit "
        "lopen; toegestaan: een startmaand die niet na de eindmaand ligt, of eindmaand -1 "
        "(stopt nooit)",
    },
    "err.pair": {
        "en": "{lowname} is {lo} and {highname} is {hi}; allowed: {lowname} at most {highname}",
        "nl": "{lowname} is {lo} en {highname} is {hi}; toegestaan: {lowname} niet hoger dan "
        "{highname}",
    },
    "err.other": {"en": "Problem: {message}", "nl": "Probleem (in het Engels): {message}"},
    "err.at_field": {
        "en": "field '{setting}': {message}",
        "nl": "veld '{setting}': {message}",
    },
    "err.at_key": {
        "en": "setting '{setting}' ({name}): {message}",
        "nl": "instelling '{setting}' ({name}): {message}",
    },
    "err.in_file": {"en": "In {file}: {message}", "nl": "In het bestand {file}: {message}"},
    "err.save.no_letters": {
        "en": "the {what} '{text}' has no letters or digits; use letters, digits, '_' or '-'",
        "nl": "de {what} '{text}' bevat geen letters of cijfers; gebruik letters, cijfers, "
        "'_' of '-'",
    },
    "err.save.what.file": {"en": "file name", "nl": "bestandsnaam"},
    "err.save.what.folder": {"en": "folder name", "nl": "mapnaam"},
    "err.save.outside": {
        "en": "{folder} leads outside the scenarios folder (a link?); choose another folder",
        "nl": "{folder} leidt buiten de map met scenario's (een snelkoppeling?); kies een "
        "andere map",
    },
    "err.save.exists": {
        "en": "{name} already exists in {folder}; tick 'overwrite' or choose another name",
        "nl": "{name} bestaat al in {folder}; vink 'overschrijven' aan of kies een andere naam",
    },
    "err.save.not_back": {
        "en": "{target} does not load back to the same scenario",
        "nl": "{target} levert bij het teruglezen niet hetzelfde scenario op",
    },
    # --- monitor view (follow a pilot: realised figures against the simulated range) -------
    "monitor.help": {
        "en": "Upload the figures your region counted month by month (people on bijstand, "
        "placements, relapses, vacancies, for the region or a municipality). Kluit runs "
        "the chosen scenario several times, scales it up to the whole region and shows "
        "the range that nine runs in ten stay within. Months outside that range are "
        "flagged; the model is then fitted again to your months and shows where the "
        "region is heading.",
        "nl": "Laad de cijfers die uw regio maand voor maand telde (mensen in de bijstand, "
        "plaatsingen, terugval, vacatures; voor de hele regio of per gemeente). Kluit "
        "simuleert het gekozen scenario een aantal keer, schaalt het op naar de hele "
        "regio en toont de bandbreedte waarbinnen negen van de tien simulaties blijven. "
        "Maanden buiten die band worden gemarkeerd; daarna wordt het model opnieuw "
        "afgestemd op uw maanden en ziet u waar de regio naartoe gaat.",
    },
    "monitor.format": {
        "en": "The file is a spreadsheet saved as CSV (comma-separated) with four columns, "
        "headed {columns}: the month (1 is the first simulated month), the municipality "
        "(write {all} for the whole region), which figure it is, and the number. Write "
        "the column headings and the names of the figures exactly as below; one line per "
        "month and figure.",
        "nl": "Het bestand is een spreadsheet, opgeslagen als CSV (kommagescheiden), met vier "
        "kolommen met de koppen {columns}: de maand (1 is de eerste gesimuleerde maand), "
        "de gemeente (schrijf {all} voor de hele regio), welk cijfer het is, en het "
        "aantal. Schrijf de kolomkoppen en de namen van de cijfers precies zoals "
        "hieronder; een regel per maand en cijfer.",
    },
    "monitor.var_name": {"en": "Name in the file", "nl": "Naam in het bestand"},
    "monitor.var_meaning": {"en": "What it counts", "nl": "Wat het telt"},
    "monitor.region_only": {
        "en": "{what} (whole region only)",
        "nl": "{what} (alleen voor de hele regio)",
    },
    "monitor.scenario": {"en": "Scenario to compare with", "nl": "Scenario om mee te vergelijken"},
    "monitor.choose": {
        "en": "Choose the CSV file with your realised figures",
        "nl": "Kies het CSV-bestand met uw gerealiseerde cijfers",
    },
    "monitor.drop": {
        "en": "... or drag the file from its folder and drop it here",
        "nl": "... of sleep het bestand vanuit zijn map hierheen",
    },
    "monitor.no_file": {"en": "No figures uploaded yet.", "nl": "Nog geen cijfers geladen."},
    "monitor.loaded": {
        "en": "{rows} figures in {series} series, months {first} to {last}.",
        "nl": "{rows} cijfers in {series} reeksen, maanden {first} tot en met {last}.",
    },
    "monitor.bad_file": {
        "en": "The file could not be read: {error}",
        "nl": "Het bestand kon niet worden gelezen: {error}",
    },
    # --- what is wrong in an uploaded file of realised figures (kluit/ui/errors.py) -------
    "monitor.err.no_file": {"en": "there is no such file", "nl": "dat bestand bestaat niet"},
    "monitor.err.unreadable": {
        "en": "it cannot be read ({reason})",
        "nl": "het kan niet worden gelezen ({reason})",
    },
    "monitor.err.utf8": {"en": "it is not UTF-8 text", "nl": "het is geen UTF-8-tekst"},
    "monitor.err.empty": {
        "en": "the file is empty; allowed: a header {columns} and one row per month and series",
        "nl": "het bestand is leeg; toegestaan: een kopregel {columns} en een regel per maand "
        "en reeks",
    },
    "monitor.err.header": {
        "en": "the header is {given}; allowed: {columns} (the layout of the model's monthly "
        "figures)",
        "nl": "de kopregel is {given}; toegestaan: {columns} (de opbouw van de maandcijfers "
        "van het model)",
    },
    "monitor.err.fields": {
        "en": "{n} fields; allowed: 4 ({columns})",
        "nl": "{n} velden; toegestaan: 4 ({columns})",
    },
    "monitor.err.month": {
        "en": "{given} is not a month; allowed: a whole number from 0 to {hi}",
        "nl": "{given} is geen maand; toegestaan: een geheel getal van 0 tot en met {hi}",
    },
    "monitor.err.outside": {
        "en": "month {month} is after the longest run this page makes; allowed: 0 to {hi}",
        "nl": "maand {month} valt na de langste simulatie die deze pagina maakt; toegestaan: "
        "0 tot en met {hi}",
    },
    "monitor.err.municipality": {
        "en": "unknown municipality {given}; allowed: {allowed}",
        "nl": "onbekende gemeente {given}; toegestaan: {allowed}",
    },
    "monitor.err.variable": {
        "en": "unknown series {given}; allowed: {allowed}",
        "nl": "onbekende reeks {given}; toegestaan: {allowed}",
    },
    "monitor.err.variable_region": {
        "en": "the series {given} is counted for the whole region only (municipality "
        "'all'); allowed here: {allowed}",
        "nl": "de reeks {given} wordt alleen voor de hele regio geteld (gemeente 'all'); hier "
        "toegestaan: {allowed}",
    },
    "monitor.err.value": {
        "en": "{given} is not a number; allowed: a number",
        "nl": "{given} is geen getal; toegestaan: een getal",
    },
    "monitor.err.no_figures": {
        "en": "no figures; allowed: one row per month and series after the header",
        "nl": "geen cijfers; toegestaan: een regel per maand en reeks na de kopregel",
    },
    "monitor.err.twice": {
        "en": "month {month} of {area} {variable} is given twice",
        "nl": "maand {month} van {area} {variable} staat er twee keer in",
    },
    "monitor.err.gap": {
        "en": "month {month} of {area} {variable} follows month {before}: months are "
        "missing; allowed: consecutive months",
        "nl": "maand {month} van {area} {variable} volgt op maand {before}: er ontbreken "
        "maanden; toegestaan: opeenvolgende maanden",
    },
    "monitor.bad_line": {"en": "line {line}", "nl": "regel {line}"},
    "monitor.bad_cell": {
        "en": "line {line}, column {column} ({name})",
        "nl": "regel {line}, kolom {column} ({name})",
    },
    "monitor.months": {"en": "Months to simulate", "nl": "Aantal maanden simuleren"},
    "monitor.scale": {
        "en": "Share of the population simulated",
        "nl": "Deel van de bevolking gesimuleerd",
    },
    "monitor.reps": {"en": "Runs for the band", "nl": "Simulaties voor de band"},
    "monitor.refit": {
        "en": "Fit the model again to the realised months",
        "nl": "Het model opnieuw afstemmen op de gerealiseerde maanden",
    },
    "monitor.run": {"en": "Run monitor", "nl": "Monitor starten"},
    "monitor.running": {"en": "Running the monitor...", "nl": "De monitor rekent..."},
    "monitor.inside": {
        "en": "{share} of the realised months lie inside the simulated range (90% band).",
        "nl": "{share} van de gerealiseerde maanden ligt binnen de gesimuleerde bandbreedte "
        "(90%-band).",
    },
    "monitor.all_inside": {
        "en": "Every realised month lies inside the simulated range.",
        "nl": "Elke gerealiseerde maand ligt binnen de gesimuleerde bandbreedte.",
    },
    "monitor.flags_title": {"en": "Months outside the range", "nl": "Maanden buiten de band"},
    "monitor.head.where": {"en": "Where", "nl": "Waar"},
    "monitor.head.figure": {"en": "Figure", "nl": "Cijfer"},
    "monitor.head.month": {"en": "Month", "nl": "Maand"},
    "monitor.head.realised": {"en": "Realised", "nl": "Gerealiseerd"},
    "monitor.head.range": {"en": "Simulated range", "nl": "Gesimuleerde band"},
    "monitor.head.side": {"en": "Above or below", "nl": "Boven of onder"},
    "monitor.above": {"en": "above", "nl": "erboven"},
    "monitor.below": {"en": "below", "nl": "eronder"},
    "monitor.region": {"en": "whole region", "nl": "hele regio"},
    "monitor.refit_title": {
        "en": "Fitted again to your months",
        "nl": "Opnieuw afgestemd op uw maanden",
    },
    "monitor.refit_text": {
        "en": "Distance to your figures: {before} with the scenario, {after} after fitting "
        "again (smaller is closer).",
        "nl": "Afstand tot uw cijfers: {before} met het scenario, {after} na opnieuw "
        "afstemmen (kleiner is dichterbij).",
    },
    "monitor.head.setting": {"en": "Setting", "nl": "Instelling"},
    "monitor.head.scenario": {"en": "Scenario", "nl": "Scenario"},
    "monitor.head.fitted": {"en": "Fitted again", "nl": "Opnieuw afgestemd"},
    "monitor.no_scenario": {
        "en": "No scenario to monitor.",
        "nl": "Er is geen scenario om te volgen.",
    },
    "monitor.param.employers.sector_growth": {
        "en": "Growth of demand for labour (per year)",
        "nl": "Groei van de vraag naar arbeid (per jaar)",
    },
    "monitor.param.labour_market.separation_rate": {
        "en": "Share of jobs that end each month",
        "nl": "Deel van de banen dat elke maand eindigt",
    },
    "monitor.param.matching.applications_per_month": {
        "en": "Applications per jobseeker per month",
        "nl": "Sollicitaties per werkzoekende per maand",
    },
    "monitor.fig.band": {"en": "simulated 90% band", "nl": "gesimuleerde 90%-band"},
    "monitor.fig.refit": {
        "en": "fitted again, and forecast",
        "nl": "opnieuw afgestemd, en vooruitblik",
    },
    "monitor.fig.realised": {"en": "realised", "nl": "gerealiseerd"},
    "monitor.fig.outside": {"en": "outside the band", "nl": "buiten de band"},
    "monitor.series.stock_employed": {
        "en": "people in regular jobs",
        "nl": "mensen met een gewone baan",
    },
    "monitor.series.stock_subsidised": {
        "en": "people in a job with wage-cost subsidy",
        "nl": "mensen in een baan met loonkostensubsidie",
    },
    "monitor.series.stock_pool": {
        "en": "people working in a work pool",
        "nl": "mensen die in een werkpool werken",
    },
    "monitor.series.stock_unemployed_ww": {
        "en": "people on WW (unemployment benefit)",
        "nl": "mensen in de WW",
    },
    "monitor.series.stock_no_benefit": {
        "en": "jobseekers without a benefit",
        "nl": "werkzoekenden zonder uitkering",
    },
    "monitor.series.stock_social_assistance": {
        "en": "people on bijstand",
        "nl": "mensen in de bijstand",
    },
    "monitor.series.stock_sheltered": {
        "en": "people in sheltered work",
        "nl": "mensen in beschut werk (sociale werkvoorziening)",
    },
    "monitor.series.stock_training": {"en": "people in training", "nl": "mensen in opleiding"},
    "monitor.series.hires": {
        "en": "hires per month (everyone)",
        "nl": "aannames per maand (iedereen)",
    },
    "monitor.series.placements": {
        "en": "placements per month (hires from bijstand or sheltered work)",
        "nl": "plaatsingen per maand (aannames uit bijstand of beschut werk)",
    },
    "monitor.series.job_to_benefit": {
        "en": "people per month who lose a job and go to a benefit or sheltered work",
        "nl": "mensen per maand die hun baan verliezen en in een uitkering of beschut werk komen",
    },
    "monitor.series.vacancies": {"en": "open vacancies", "nl": "openstaande vacatures"},
    "monitor.series.jobs": {"en": "jobs", "nl": "banen"},
    "monitor.series.relapses": {
        "en": "relapses per month (placed people back on a benefit)",
        "nl": "terugval per maand (geplaatsten terug in een uitkering)",
    },
    "monitor.series.separations": {
        "en": "jobs that end per month",
        "nl": "banen die per maand eindigen",
    },
    "monitor.series.layoffs": {"en": "lay-offs per month", "nl": "ontslagen per maand"},
    "monitor.series.entries": {
        "en": "people entering the labour market per month",
        "nl": "nieuwe mensen op de arbeidsmarkt per maand",
    },
    # --- the instruments, in plain words (the modules' docstrings hold the detail) ---------
    "policy.wage_subsidy": {"en": "The wage-cost subsidy", "nl": "Loonkostensubsidie"},
    "policy.wage_subsidy.text": {
        "en": "The municipality pays the employer the gap between the minimum wage and what the "
        "person's work is worth (wage value), plus an allowance for the employer's costs, "
        "for a set number of months. Employers count the subsidy when they choose whom to "
        "hire; when it ends, they weigh the worker again at full wage cost.",
        "nl": "De gemeente betaalt de werkgever het verschil tussen het minimumloon en wat het "
        "werk van de persoon waard is (loonwaarde), plus een vergoeding voor de kosten "
        "van de werkgever, een vast aantal maanden. Werkgevers rekenen de subsidie mee "
        "als ze kiezen wie ze aannemen; als hij stopt, wegen ze de werknemer opnieuw af "
        "tegen de volle loonkosten.",
    },
    "policy.no_risk_policy": {"en": "The no-risk policy", "nl": "No-riskpolis"},
    "policy.no_risk_policy.text": {
        "en": "When an employee from the target group falls ill, the national insurance pays "
        "the sick pay, so the employer carries no sickness risk, for five years. It only "
        "changes hiring when the employer knows about it: today about one employer in "
        "ten does.",
        "nl": "Als een werknemer uit de doelgroep ziek wordt, betaalt het UWV het loon, zodat "
        "de werkgever vijf jaar lang geen ziekterisico draagt. Het verandert het "
        "aannemen alleen als de werkgever de polis kent: nu ongeveer een op de tien.",
    },
    "policy.work_pools": {"en": "Work pools", "nl": "Werkpools"},
    "policy.work_pools.text": {
        "en": "Employers that each have a little too little work for a job pool it into real "
        "jobs for people on bijstand or in sheltered work; the municipality pays for the "
        "coordination. There are no measured figures on their size or effect: the "
        "settings are assumptions to explore.",
        "nl": "Werkgevers die elk net te weinig werk voor een baan hebben, bundelen dat tot "
        "echte banen voor mensen uit de bijstand of beschut werk; de gemeente betaalt de "
        "coordinatie. Er zijn geen gemeten cijfers over hun omvang of effect: de "
        "instellingen zijn aannames om te verkennen.",
    },
    "policy.root_ball": {
        "en": "Transition support from sheltered work",
        "nl": "Overstap uit beschut werk met begeleiding",
    },
    "policy.root_ball.text": {
        "en": "Moving from sheltered work to an ordinary employer 'with the root ball': a job "
        "coach, a colleague who moves along, hours built up step by step, guidance for "
        "the employer and the right to return. It lowers the risk of falling back and "
        "makes employers more willing to hire.",
        "nl": "De overstap van beschut werk naar een gewone werkgever 'met de kluit': een "
        "jobcoach, een collega die meegaat, uren die stap voor stap oplopen, begeleiding "
        "van de werkgever en een terugkeergarantie. Het verlaagt de kans op terugval en "
        "maakt werkgevers eerder bereid iemand aan te nemen.",
    },
    "policy.job_coaching": {"en": "Job coaching", "nl": "Jobcoaching"},
    "policy.job_coaching.text": {
        "en": "A job coach for people placed from bijstand with an employer: lighter than the "
        "transition support from sheltered work (no colleague moving along, no gradual "
        "build-up, no right to return).",
        "nl": "Een jobcoach voor mensen die vanuit de bijstand bij een werkgever zijn "
        "geplaatst: lichter dan de begeleide overstap uit beschut werk (geen collega die "
        "meegaat, geen geleidelijke opbouw, geen terugkeergarantie).",
    },
    "policy.forecasting": {
        "en": "Short-term job forecasts for schools",
        "nl": "Korte-termijnprognoses voor scholen",
    },
    "policy.forecasting.text": {
        "en": "Employers share the growth they expect, and schools choose their courses by a "
        "forecast a few months ahead instead of four to five years, so that people are "
        "trained for the work that is coming.",
        "nl": "Werkgevers delen de groei die ze verwachten, en scholen kiezen hun opleidingen "
        "op een prognose van een paar maanden vooruit in plaats van vier tot vijf jaar, "
        "zodat mensen worden opgeleid voor het werk dat eraan komt.",
    },
    "policy.career_paths": {
        "en": "Career paths across employers",
        "nl": "Loopbaanpaden tussen werkgevers",
    },
    "policy.career_paths.text": {
        "en": "Workers who have held their job for a while get training and a step up to a "
        "job at another employer in the region; the job they leave opens for someone "
        "starting out, for example from bijstand.",
        "nl": "Werknemers die hun baan al een tijd hebben, krijgen scholing en een stap omhoog "
        "naar een baan bij een andere werkgever in de regio; de baan die ze achterlaten "
        "komt vrij voor een starter, bijvoorbeeld uit de bijstand.",
    },
    "policy.moral_appeal": {
        "en": "A moral appeal to employers",
        "nl": "Een moreel appel op werkgevers",
    },
    "policy.moral_appeal.text": {
        "en": "A campaign that makes some employers open to hiring people from the target "
        "group; the effect fades. It changes their willingness, not the business case "
        "(what the work yields against wage cost and risk).",
        "nl": "Een campagne die een deel van de werkgevers openstelt voor het aannemen van "
        "mensen uit de doelgroep; het effect ebt weg. Het verandert hun bereidheid, niet "
        "de business case (wat het werk oplevert tegenover loonkosten en risico).",
    },
    "map.legend": {"en": "share of residents on bijstand", "nl": "aandeel inwoners in de bijstand"},
    "map.title": {
        "en": "Municipalities and commuting links (minutes)",
        "nl": "Gemeenten en forensenverbindingen (minuten)",
    },
}

# --- the parameter registry and the region's names, in readers' words ----------------------
# (a data module of this catalogue, loaded below: analysis/i18n_params.py)

#: units a label leaves out (the control says it is a switch or a choice)
UNITS_NOT_IN_LABEL = _params_data.UNITS_NOT_IN_LABEL
_ENGLISH_UNIT_WORDS = {
    "months", "month", "eur", "minutes", "years", "year", "hours", "hour", "week", "per"
}  # fmt: skip


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def english_label(key: str, unit: str) -> str:
    """A control label from a registry key and its unit: 'Duration (months)', 'Hours per week'.

    >>> english_label("policies.x.duration_months", "months")
    'Duration (months)'
    >>> english_label("policies.x.cost_per_hour_eur", "EUR per hour")
    'Cost (EUR per hour)'
    """
    words = key.rsplit(".", 1)[-1].split("_")
    unit = unit.strip()
    if " ".join(words).lower() == unit.lower():
        return unit[0].upper() + unit[1:]
    unit_words = set(unit.lower().replace(",", " ").split())
    while len(words) > 1 and words[-1] in _ENGLISH_UNIT_WORDS and words[-1] in unit_words:
        words = words[:-1]
    label = " ".join(words)
    label = label[0].upper() + label[1:]
    if unit and unit.lower() != label.lower() and unit not in UNITS_NOT_IN_LABEL:
        label += f" ({unit})"
    return label


def _unit_key(unit: str) -> str:
    return "unit." + _slug(unit)


def unit_text(unit: str, lang: str = DEFAULT_LANG) -> str:
    """A registry unit in readers' words ('1/month' -> 'chance per month' / 'kans per
    maand'); an unknown unit as it is."""
    key = _unit_key(unit)
    return t(key, lang) if unit.strip() and key in MESSAGES else unit


def _label_with_unit(label: str, unit: str, lang: str) -> str:
    shown = unit_text(unit, lang)
    if not unit.strip() or unit in UNITS_NOT_IN_LABEL or shown.lower() in label.lower():
        return label
    return f"{label} ({shown})"


def param_label(p, lang: str = DEFAULT_LANG) -> str:
    """The label of a registry parameter (:class:`sim.schema.Param`) with its unit, in
    ``lang``; a parameter without a Dutch label (a plugin's) falls back to English."""
    key = f"param.{p.key}"
    if lang_or_default(lang) == "nl" and key in MESSAGES:
        return _label_with_unit(t(key, lang), p.unit, lang)
    if p.key in _params_data.EN:
        return _label_with_unit(_params_data.EN[p.key], p.unit, "en")
    unit = "" if p.unit in UNITS_NOT_IN_LABEL else unit_text(p.unit, "en")
    return english_label(p.key, unit)


def param_name(p, lang: str = DEFAULT_LANG) -> str:
    """The label without the unit (for sentences: 'Duration = 12')."""
    key = f"param.{p.key}"
    if lang_or_default(lang) == "nl" and key in MESSAGES:
        return t(key, lang)
    return _params_data.EN.get(p.key) or english_label(p.key, "")


def param_doc(p, lang: str = DEFAULT_LANG) -> str:
    """What a parameter means, in plain words: the catalogue's text, else the registry's
    own explanation without file references or code markup."""
    key = f"param.{p.key}.doc"
    return t(key, lang) if key in MESSAGES else plain_words(p.doc)


_KEY_IN_TEXT = re.compile(r"\b[a-z_]+\.[a-z_]+(?:\.[a-z_]+)?\b")


def _english_why(p, params) -> str:
    """The registry's reasoning for an assumed value without its opening word, file
    references or keys (a key becomes its English label)."""
    reason = p.source
    if reason.startswith("assumed"):
        reason = reason[len("assumed") :].lstrip(" :;,-")
    return _KEY_IN_TEXT.sub(
        lambda m: (
            f"'{param_name(params[m.group(0)], 'en')}'" if m.group(0) in params else m.group(0)
        ),
        plain_words(reason),
    ).strip()


def param_why(p, lang: str = DEFAULT_LANG) -> str:
    """Why an assumed value was chosen, in ``lang`` (the council report's "what the model
    assumes"): the catalogue's ``param.<key>.why``, else the registry's reasoning in English."""
    key = f"param.{p.key}.why"
    if key in MESSAGES:
        return t(key, lang)
    from sim.params import all_params

    return _english_why(p, all_params())


def choice_text(value: str, lang: str = DEFAULT_LANG) -> str:
    """An option of a choice parameter in words ('status_quo' -> "today's policy ...")."""
    key = f"choice.{value}"
    return t(key, lang) if key in MESSAGES else value.replace("_", " ")


def section_text(section: str, lang: str = DEFAULT_LANG) -> str:
    """A section of the scenario editor ('labour_market' -> 'Labour market and benefits')."""
    key = f"section.{section}"
    return t(key, lang) if key in MESSAGES else section.replace("_", " ").capitalize()


def name_text(kind: str, name: str, lang: str = DEFAULT_LANG) -> str:
    """A name from the region or model data in ``lang``: ``kind`` is 'sector', 'place' or
    'shock'; a name the catalogue lacks is shown as it is (underscores as spaces)."""
    key = f"{kind}.{_slug(name)}"
    return t(key, lang) if key in MESSAGES else name.replace("_", " ")


def missing_param_texts(params) -> list[str]:
    """What a user would see unwritten: registry keys without a hand-written English label
    (they would show one made from the key), without a Dutch label or explanation (English on
    the Dutch page), and units without a Dutch word."""
    out = []
    for p in params:
        if p.key not in _params_data.EN:
            out.append(f"{p.key}: no English label")
        for key, what in ((f"param.{p.key}", "label"), (f"param.{p.key}.doc", "explanation")):
            if key not in MESSAGES:
                out.append(f"{p.key}: no Dutch {what}")
        if p.unit.strip() and _unit_key(p.unit) not in MESSAGES:
            out.append(f"{p.key}: no Dutch unit for {p.unit!r}")
        if p.assumed and f"param.{p.key}.why" not in MESSAGES and _english_why(p, {}):
            out.append(f"{p.key}: no Dutch reasoning for the assumed value")
    return out


def _load_params() -> None:
    """Load the registry's texts into the catalogue: units, option values, editor sections,
    names from the data; a Dutch label and explanation per parameter next to the English
    from the registry (plain English where the registry's text names a key or a file)."""
    from sim.params import all_params

    for unit, (en, nl) in _params_data.UNITS.items():
        MESSAGES[_unit_key(unit)] = {"en": en, "nl": nl}
    for value, (en, nl) in _params_data.CHOICES.items():
        MESSAGES[f"choice.{value}"] = {"en": en, "nl": nl}
    for section, (en, nl) in _params_data.SECTIONS.items():
        MESSAGES[f"section.{section}"] = {"en": en, "nl": nl}
    for key, (en, nl) in _params_data.NAMES.items():
        MESSAGES[key] = {"en": en, "nl": nl}
    params = all_params()
    for key, (label, doc) in _params_data.NL.items():
        if key not in params:  # a translation of a key the registry no longer has
            continue
        p = params[key]
        MESSAGES[f"param.{key}"] = {
            "en": _params_data.EN.get(key) or english_label(key, ""),
            "nl": label,
        }
        en_doc = _params_data.EN_DOC.get(key) or plain_words(p.doc)
        MESSAGES[f"param.{key}.doc"] = {"en": en_doc, "nl": doc}
    for key, why in _params_data.WHY.items():
        if key in params and params[key].assumed:
            MESSAGES[f"param.{key}.why"] = {"en": _english_why(params[key], params), "nl": why}


GLOSSARY = (
    "glossary.bijstand",
    "glossary.wsw",
    "glossary.loonwaarde",
    "glossary.no_risk",
    "glossary.ww",
    "glossary.deadweight",
    "glossary.displacement",
)


class MissingMessage(KeyError):
    """A key that is not in the catalogue."""


def lang_or_default(lang: str | None) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, **values) -> str:
    """The text of ``key`` in ``lang`` with ``{placeholders}`` filled.

    >>> t("compare.runs", "nl", arms=2, reps=5, runs=10)
    "2 scenario's x 5 herhalingen = 10 simulaties"
    """
    try:
        text = MESSAGES[key][lang_or_default(lang)]
    except KeyError:
        raise MissingMessage(f"no message {key!r} in {lang!r}") from None
    return text.format(**values) if values else text


def placeholders(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


# --- numbers in the reader's language ----------------------------------------------------


def number(v: float, lang: str = DEFAULT_LANG, decimals: int = 0, sign: bool = False) -> str:
    """'1,234.5' (en) or '1.234,5' (nl); '+' for positive values when ``sign``.

    >>> number(-1234.5, "nl", 1)
    '-1.234,5'
    >>> number(1234.5, "en", 1, sign=True)
    '+1,234.5'
    """
    if v is None or not math.isfinite(v):
        return t("num.missing", lang)
    text = f"{abs(v):,.{decimals}f}"
    if lang_or_default(lang) == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    if float(f"{abs(v):.{decimals}f}") == 0:
        return text
    if v < 0:
        return "-" + text
    return ("+" + text) if sign else text


def eur(v: float, lang: str = DEFAULT_LANG, sign: bool = False) -> str:
    """An amount of euros, in millions from one million on.

    >>> eur(2_345_678, "en")
    'EUR 2.3 million'
    >>> eur(-12_345, "nl")
    '€ -12.000'
    """
    if v is None or not math.isfinite(v):
        return t("num.missing", lang)
    nl = lang_or_default(lang) == "nl"
    cur = "€ " if nl else "EUR "
    if abs(v) >= 1e6:
        return cur + number(v / 1e6, lang, 1, sign) + (" miljoen" if nl else " million")
    if abs(v) >= 10_000:  # a card is no place for the last euro
        v = round(v, -3)
    return cur + number(v, lang, 0, sign)


def eur_million(v: float, lang: str = DEFAULT_LANG, sign: bool = False) -> str:
    """Euros written in millions with two decimals (the table's unit is in its label)."""
    return (
        number(v / 1e6, lang, 2, sign)
        if v is not None and math.isfinite(v)
        else t("num.missing", lang)
    )


def percent(v: float, lang: str = DEFAULT_LANG) -> str:
    """A share as a percentage: '41.3%' / '41,3%'."""
    if v is None or not math.isfinite(v):
        return t("num.missing", lang)
    return number(100 * v, lang, 1) + "%"


def points(v: float, lang: str = DEFAULT_LANG) -> str:
    """A difference of shares in percentage points: '+2.1 pp' / '+2,1 procentpunt'."""
    if v is None or not math.isfinite(v):
        return t("num.missing", lang)
    return number(100 * v, lang, 1, sign=True) + (" procentpunt" if lang == "nl" else " pp")


def persons(v: float, lang: str = DEFAULT_LANG, sign: bool = False) -> str:
    """A number of people: '1,230 people' / '1.230 mensen'."""
    if v is None or not math.isfinite(v):
        return t("num.missing", lang)
    return number(round(v, -1) if abs(v) >= 100 else v, lang, 0, sign) + (
        " mensen" if lang == "nl" else " people"
    )


def plain_words(text: str) -> str:
    """A docstring made fit for readers: no file references, no code markup, no keys.

    >>> plain_words("at most 70% (docs/sources.md), for ``duration_months`` with reassessment")
    'at most 70%, for duration months with reassessment'
    """
    text = re.sub(r"\s*\([^()]*\.(?:md|py|toml)[^()]*\)", "", text)
    text = re.sub(r"``([^`]+)``", lambda m: m.group(1).rsplit(".", 1)[-1].replace("_", " "), text)
    return re.sub(r"`([^`]+)`", r"\1", text)


_load_params()

__all__ = [
    "plain_words",
    "param_label",
    "param_name",
    "param_doc",
    "param_why",
    "unit_text",
    "choice_text",
    "section_text",
    "name_text",
    "missing_param_texts",
    "LANGS",
    "MESSAGES",
    "GLOSSARY",
    "t",
    "number",
    "eur",
    "eur_million",
    "percent",
    "points",
    "persons",
    "placeholders",
    "lang_or_default",
]
