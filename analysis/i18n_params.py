"""The parameter registry in readers' words: a Dutch label and explanation for every
parameter, the units in plain English and Dutch, and plain English for the few explanations
in the registry that name a key or a file.

A data module of the message catalogue: :mod:`analysis.i18n` loads it into ``MESSAGES``
(keys ``param.<key>``, ``param.<key>.doc`` and ``unit.<unit>``), so the UI and the council
report use one catalogue. English labels are hand-written here too (``EN``), English
explanations come from the registry's ``doc`` (:class:`sim.schema.Param`). ``tests/test_i18n.py``
fails when a parameter a user sees has no English label, Dutch label, explanation or unit here.
"""

from __future__ import annotations

#: registry unit -> (English for readers, Dutch). The English is the registry's own unit
#: unless that is model jargon (log hazards, AR coefficients, Beta concentrations).
UNITS: dict[str, tuple[str, str]] = {
    "0-1": ("0 to 1", "0 tot 1"),
    "0-1 (willing employers: 0.5-1)": (
        "0 to 1, willing employers: 0.5 to 1",
        "0 tot 1, bereidwillige werkgevers: 0,5 tot 1",
    ),
    "0-1 (willing employers: employers.openness_min to 1)": (
        "0 to 1, willing employers: from the lowest openness to 1",
        "0 tot 1, bereidwillige werkgevers: van de laagste openheid tot 1",
    ),
    "0-1 pressure scale": ("0 to 1, scale of work pressure", "0 tot 1, schaal van werkdruk"),
    "0-1 scale": ("scale from 0 to 1", "schaal van 0 tot 1"),
    "1/month": ("chance per month", "kans per maand"),
    "1/year": ("per year", "per jaar"),
    "AR(1) coefficient per month": (
        "share of a deviation left after a month",
        "deel van een afwijking dat na een maand over is",
    ),
    "Beta concentration (a + b)": (
        "concentration, higher is less spread",
        "concentratie, hoger is minder spreiding",
    ),
    "Dirichlet concentration": (
        "concentration, higher is less spread",
        "concentratie, hoger is minder spreiding",
    ),
    "EUR per hour": ("EUR per hour", "euro per uur"),
    "EUR per month": ("EUR per month", "euro per maand"),
    "EUR per month at intensity 1": (
        "EUR per month at full intensity",
        "euro per maand bij volle intensiteit",
    ),
    "EUR per participant per month": (
        "EUR per participant per month",
        "euro per deelnemer per maand",
    ),
    "EUR per person per month": ("EUR per person per month", "euro per persoon per maand"),
    "EUR per pool job per month": (
        "EUR per work-pool job per month",
        "euro per baan in een werkpool per maand",
    ),
    "EUR per step": ("EUR per step", "euro per stap"),
    "EUR per year": ("EUR per year", "euro per jaar"),
    "EUR per year (-1: no cap)": (
        "EUR per year, -1: no cap",
        "euro per jaar, -1: geen plafond",
    ),
    "applications per searcher per month": (
        "applications per jobseeker per month",
        "sollicitaties per werkzoekende per maand",
    ),
    "choice": ("choice", "keuze"),
    "entrants per leaver": ("newcomers per leaver", "nieuwkomers per vertrekker"),
    "group": ("group", "groep"),
    "hazard multiplier": ("factor on the risk", "factor op het risico"),
    "hours per week": ("hours per week", "uren per week"),
    "integer": ("whole number", "geheel getal"),
    "introductions per month per 10,000 bijstand recipients": (
        "introductions per month per 10,000 people on bijstand",
        "voordrachten per maand per 10.000 mensen in de bijstand",
    ),
    "jobs": ("jobs", "banen"),
    "jobs per establishment": ("jobs per establishment", "banen per vestiging"),
    "job areas": ("job areas", "werkgebieden"),
    "km": ("km", "km"),
    "km per hour": ("km per hour", "km per uur"),
    "log hazard at full intensity": (
        "lower risk on a log scale, at full intensity",
        "lager risico op logschaal, bij volle intensiteit",
    ),
    "log hazard per unit pressure gap": (
        "higher risk on a log scale, per unit of pressure above resilience",
        "hoger risico op logschaal, per eenheid werkdruk boven de veerkracht",
    ),
    "log hazard per weekly hour": (
        "lower risk on a log scale, per coaching hour a week",
        "lager risico op logschaal, per uur begeleiding per week",
    ),
    "log weight per unit of log growth": (
        "weight on a log scale per unit of growth on a log scale",
        "gewicht op logschaal per eenheid groei op logschaal",
    ),
    "minimum wages per month": ("minimum wages per month", "minimumlonen per maand"),
    "minimum wages per month at wage value 0": (
        "minimum wages per month at wage value 0",
        "minimumlonen per maand bij loonwaarde 0",
    ),
    "minutes": ("minutes", "minuten"),
    "month": ("month", "maand"),
    "months": ("months", "maanden"),
    "multiplier": ("multiplier", "factor"),
    "name or path": ("name or file", "naam of bestand"),
    "path": ("file", "bestand"),
    "paths": ("paths", "paden"),
    "per placement that lasted": (
        "per placement that lasted",
        "per plaatsing die standhield",
    ),
    "persons": ("people", "personen"),
    "persons per year": ("people per year", "personen per jaar"),
    "places per 10,000 residents per year": (
        "places per 10,000 residents per year",
        "plekken per 10.000 inwoners per jaar",
    ),
    "probability": ("chance, 0 to 1", "kans, 0 tot 1"),
    "relative": ("relative", "relatief"),
    "relative at full intensity": (
        "relative, at full intensity",
        "relatief, bij volle intensiteit",
    ),
    "relative to the unemployed": (
        "relative to other unemployed",
        "ten opzichte van andere werklozen",
    ),
    "relapse hazard divisor per extra person": (
        "divisor of the relapse risk per extra person",
        "deler van het risico op terugval per extra persoon",
    ),
    "residents": ("residents", "inwoners"),
    "residents per municipality": ("residents per municipality", "inwoners per gemeente"),
    "road km per straight-line km": (
        "road km per km as the crow flies",
        "km over de weg per km in rechte lijn",
    ),
    "sd of log establishment size": (
        "standard deviation on a log scale",
        "standaardafwijking op logschaal",
    ),
    "sd of log jobs per resident": (
        "standard deviation on a log scale",
        "standaardafwijking op logschaal",
    ),
    "sd of log municipality size": (
        "standard deviation on a log scale",
        "standaardafwijking op logschaal",
    ),
    "sd of log sickness hazard": (
        "standard deviation on a log scale",
        "standaardafwijking op logschaal",
    ),
    "sd of log wage value": (
        "standard deviation on a log scale",
        "standaardafwijking op logschaal",
    ),
    "sector cycle standard deviations": (
        "times the demand shocks per sector",
        "keer de vraagschokken per sector",
    ),
    "share": ("share", "aandeel"),
    "share of WW exhaustions": (
        "share of unemployment benefits that run out",
        "aandeel van de WW-uitkeringen die aflopen",
    ),
    "share of Wsw participants": (
        "share of people in sheltered work",
        "aandeel van de mensen in de sociale werkvoorziening",
    ),
    "share of a full package (8 coach hours/week)": (
        "share of a full package of 8 coaching hours a week",
        "deel van een volledig pakket van 8 uur begeleiding per week",
    ),
    "share of a job": ("share of a job", "deel van een baan"),
    "share of applications": ("share of applications", "aandeel van de sollicitaties"),
    "share of bijstand recipients": (
        "share of people on bijstand",
        "aandeel van de mensen in de bijstand",
    ),
    "share of candidates per month": (
        "share of the candidates per month",
        "aandeel van de kandidaten per maand",
    ),
    "share of closed employers": (
        "share of employers not yet open to it",
        "aandeel van de werkgevers die er nog niet voor openstaan",
    ),
    "share of desired size": (
        "share of the desired size",
        "deel van de gewenste omvang",
    ),
    "share of employers": ("share of employers", "aandeel van de werkgevers"),
    "share of employers with slack": (
        "share of employers with spare work",
        "aandeel van de werkgevers met restwerk",
    ),
    "share of internal jobs": (
        "share of the jobs in the region",
        "aandeel van de banen in de regio",
    ),
    "share of entrants": ("share of newcomers", "aandeel van de nieuwkomers"),
    "share of job losers": (
        "share of people who lose a job",
        "aandeel van wie een baan verliest",
    ),
    "share of months out of work": (
        "share of the months out of work",
        "deel van de maanden zonder werk",
    ),
    "share of new bijstand spells": (
        "share of new bijstand benefits",
        "aandeel van de nieuwe bijstandsuitkeringen",
    ),
    "share of placements": ("share of placements", "aandeel van de plaatsingen"),
    "share of recipients": ("share of people on bijstand", "aandeel van de bijstandsontvangers"),
    "share of size per month": (
        "share of the size per month",
        "deel van de omvang per maand",
    ),
    "share of the expected sick pay at full intensity": (
        "share of the expected sick pay, at full intensity",
        "deel van de verwachte loondoorbetaling bij ziekte, bij volle intensiteit",
    ),
    "share of the labour force": (
        "share of the labour force",
        "aandeel van de beroepsbevolking",
    ),
    "share of the minimum wage": ("share of the minimum wage", "deel van het minimumloon"),
    "share of the population": ("share of the population", "deel van de bevolking"),
    "share of the subsidy": ("share of the subsidy", "deel van de subsidie"),
    "share of the supervision cost": (
        "share of the employer's supervision cost",
        "deel van de begeleidingskosten van de werkgever",
    ),
    "share of the support cost": (
        "share of the cost of the support",
        "deel van de kosten van de begeleiding",
    ),
    "share of the wage gap": (
        "share of the gap to the minimum wage",
        "deel van het verschil met het minimumloon",
    ),
    "share per month": ("share per month", "aandeel per maand"),
    "share per year": ("share per year", "aandeel per jaar"),
    "switch": ("on or off", "aan of uit"),
    "training places per 1,000 bijstand recipients": (
        "training places per 1,000 people on bijstand",
        "opleidingsplaatsen per 1.000 mensen in de bijstand",
    ),
    "vacancies per job": ("vacancies per job", "vacatures per baan"),
    "wage value per month": ("wage value per month", "loonwaarde per maand"),
    "years": ("years", "jaar"),
}

#: units a label does not repeat (the control itself says it is a switch or a choice)
UNITS_NOT_IN_LABEL = frozenset({"switch", "choice", "group"})

_START = "Eerste maand waarin {what} loopt."
_END = (
    "Maand waarin {what} stopt (-1: nooit). Wie er al mee geplaatst is, verliest vanaf dan "
    "de steun."
)


def _window(what: str, switch: str) -> dict[str, tuple[str, str]]:
    """The three keys every instrument has: on/off, first month, last month."""
    return {
        "enabled": ("Instrument aan", f"Zet {switch} aan."),
        "start_month": ("Startmaand", _START.format(what=what)),
        "end_month": ("Eindmaand", _END.format(what=what)),
    }


def _policy(name: str, what: str, switch: str, rest: dict[str, tuple[str, str]]):
    return {f"policies.{name}.{k}": v for k, v in {**_window(what, switch), **rest}.items()}


#: key -> (Dutch label without unit, Dutch explanation)
NL: dict[str, tuple[str, str]] = {
    # --- run ----------------------------------------------------------------------------
    "run.months": ("Aantal maanden", "Aantal maanden dat een simulatie doorrekent."),
    "run.scale": (
        "Deel van de bevolking gesimuleerd",
        "Deel van de mensen en werkgevers dat wordt gesimuleerd (0,1 = een tiende).",
    ),
    "run.seed": ("Startgetal toeval", "Startgetal van de toevalstrekkingen van de simulatie."),
    "run.burn_in_months": (
        "Inloopperiode",
        "Maanden die vóór maand 0 worden gesimuleerd (niet vastgelegd), zodat de simulatie "
        "start vanuit het eigen evenwicht van het model; 0 start vanuit de getrokken bevolking.",
    ),
    "run.burn_in_policies": (
        "Instrumenten in de inloopperiode",
        "Welke instrumenten tijdens de inloopperiode gelden: het huidige beleid (in elk "
        "scenario hetzelfde) of de eigen instrumenten van het scenario (voor een wereld die "
        "het huidige beleid nooit heeft gehad).",
    ),
    "run.burn_in_scenario": (
        "Scenario voor de inloopperiode",
        "Scenariobestand (ten opzichte van dit bestand) waarvan de instellingen in de "
        "inloopperiode gelden in plaats van die van dit scenario (leeg = dit scenario); de "
        "instellingen van de simulatie zelf komen altijd uit dit scenario.",
    ),
    "run.region": (
        "Regio",
        "Naam van een ingebouwde regio (Flevoland) of een regiobestand met gemeenten en "
        "verbindingen, ten opzichte van het scenariobestand.",
    ),
    # --- population -----------------------------------------------------------------------
    "population.search_ready_share": (
        "Zoekt actief naar werk",
        "Aandeel van de mensen in de bijstand dat actief naar werk zoekt.",
    ),
    "population.sa_full_capacity_share": (
        "Bijstand met volledige loonwaarde",
        "Aandeel van de mensen in de bijstand met een loonwaarde van ten minste het minimumloon.",
    ),
    "population.sa_long_duration_share": (
        "Bijstand langer dan drie jaar zonder werk",
        "Aandeel van de bijstandsontvangers in maand 0 dat bij de trekking langer dan drie "
        "jaar zonder werk is (vóór de inloopperiode).",
    ),
    "population.sa_wage_value_mean": (
        "Gemiddelde loonwaarde in de bijstand",
        "Gemiddelde loonwaarde van bijstandsontvangers onder volledige loonwaarde (bèta-verdeeld).",
    ),
    "population.sw_wage_value_mean": (
        "Gemiddelde loonwaarde in de sociale werkvoorziening",
        "Gemiddelde loonwaarde van mensen in de sociale werkvoorziening (Wsw, bèta-verdeeld).",
    ),
    "population.sw_transition_ready_share": (
        "Wsw'ers die een gewone baan zoeken",
        "Aandeel van de mensen in de sociale werkvoorziening dat een baan bij een gewone "
        "werkgever zoekt.",
    ),
    "population.worker_wage_value_median": (
        "Mediane loonwaarde van werkenden",
        "Mediane loonwaarde (productiviteit) van gewone werknemers (lognormaal verdeeld).",
    ),
    "population.worker_wage_value_sd": (
        "Spreiding loonwaarde van werkenden",
        "Spreiding van de loonwaarde van gewone werknemers (lognormaal verdeeld).",
    ),
    "population.max_wage_value": (
        "Hoogste loonwaarde",
        "Bovengrens van de getrokken loonwaarde van werkenden en van mensen zonder uitkering.",
    ),
    "population.no_benefit_wage_value_median": (
        "Mediane loonwaarde zonder werk of uitkering",
        "Mediane loonwaarde van mensen zonder baan en zonder uitkering (lognormaal, ten "
        "minste 0,8).",
    ),
    "population.no_benefit_wage_value_sd": (
        "Spreiding loonwaarde zonder werk of uitkering",
        "Spreiding van de loonwaarde van mensen zonder baan en zonder uitkering.",
    ),
    "population.no_benefit_min_wage_value": (
        "Laagste loonwaarde zonder werk of uitkering",
        "Laagste getrokken loonwaarde van mensen zonder baan en zonder uitkering.",
    ),
    "population.sa_full_wage_value_median": (
        "Mediane loonwaarde bijstand met volledige loonwaarde",
        "Mediane loonwaarde van bijstandsontvangers met volledige loonwaarde (lognormaal, "
        "1 tot 3).",
    ),
    "population.sa_full_wage_value_sd": (
        "Spreiding loonwaarde bijstand met volledige loonwaarde",
        "Spreiding van de loonwaarde van bijstandsontvangers met volledige loonwaarde.",
    ),
    "population.sa_full_wage_value_max": (
        "Hoogste loonwaarde bijstand met volledige loonwaarde",
        "Hoogste getrokken loonwaarde van bijstandsontvangers met volledige loonwaarde (de "
        "laagste is 1, het minimumloon: dat is wat een volledige loonwaarde betekent).",
    ),
    "population.wage_value_concentration": (
        "Concentratie loonwaarde onder het minimumloon",
        "Concentratie van de bètaverdelingen van de loonwaarde onder het minimumloon "
        "(bijstand, sociale werkvoorziening; hoger: minder spreiding).",
    ),
    "population.full_capacity_readiness_factor": (
        "Zoekbereidheid bij volledige loonwaarde",
        "Hoeveel vaker een bijstandsontvanger met volledige loonwaarde actief zoekt dan de "
        "gemiddelde bijstandsontvanger.",
    ),
    "population.resilience_mean_employed": (
        "Gemiddelde veerkracht van werkenden",
        "Gemiddelde veerkracht van werkenden en mensen in de WW (bèta-verdeeld).",
    ),
    "population.resilience_mean_no_benefit": (
        "Gemiddelde veerkracht zonder werk of uitkering",
        "Gemiddelde veerkracht van mensen zonder baan en zonder uitkering (bèta-verdeeld).",
    ),
    "population.resilience_mean_social_assistance": (
        "Gemiddelde veerkracht in de bijstand",
        "Gemiddelde veerkracht van mensen in de bijstand (bèta-verdeeld).",
    ),
    "population.resilience_mean_sheltered": (
        "Gemiddelde veerkracht in de sociale werkvoorziening",
        "Gemiddelde veerkracht van mensen in de sociale werkvoorziening (bèta-verdeeld).",
    ),
    "population.resilience_concentration": (
        "Concentratie veerkracht van werkenden",
        "Concentratie van de bètaverdeling van de veerkracht van werkenden en mensen zonder "
        "uitkering (hoger: minder spreiding).",
    ),
    "population.target_resilience_concentration": (
        "Concentratie veerkracht in de doelgroep",
        "Concentratie van de bètaverdeling van de veerkracht van mensen in de bijstand en in "
        "de sociale werkvoorziening.",
    ),
    "population.skilled_wage_value": (
        "Loonwaarde voor middelbaar niveau",
        "Loonwaarde vanaf welke iemand als geschoold telt (niveau 1); scholing die de "
        "loonwaarde daarboven brengt, verhoogt het niveau.",
    ),
    "population.highly_skilled_wage_value": (
        "Loonwaarde voor hoog niveau",
        "Loonwaarde vanaf welke iemand als hoog geschoold telt (niveau 2).",
    ),
    "population.sa_short_mean_months": (
        "Gemiddelde duur zonder werk, korte bijstand",
        "Gemiddeld aantal maanden zonder werk (geometrisch verdeeld) van de "
        "bijstandsontvangers in maand 0 met een korte uitkeringsduur.",
    ),
    "population.sa_long_mean_months": (
        "Gemiddelde extra duur, lange bijstand",
        "Gemiddeld aantal maanden zonder werk boven de drie jaar (geometrisch verdeeld) van "
        "de bijstandsontvangers in maand 0 met een lange uitkeringsduur.",
    ),
    "population.sa_long_threshold_months": (
        "Grens voor lange bijstand",
        "Maanden zonder werk vanaf welke de uitkering van een bijstandsontvanger in maand 0 "
        "als lang telt (getrokken als dit aantal plus een geometrisch verdeelde extra duur).",
    ),
    "population.sa_max_initial_months_out": (
        "Langste duur zonder werk in de bijstand bij de start",
        "Langste getrokken duur zonder werk van een bijstandsontvanger in maand 0.",
    ),
    "population.max_initial_tenure_months": (
        "Langste dienstverband bij de start",
        "Banen die in maand 0 bestaan, zijn tussen 1 en dit aantal maanden eerder begonnen "
        "(gelijkmatig verdeeld).",
    ),
    "population.max_initial_months_out": (
        "Langste duur zonder werk bij de start",
        "Maanden zonder werk in maand 0 van mensen in de WW en mensen zonder uitkering: "
        "gelijkmatig van 0 tot dit aantal min één.",
    ),
    "population.ties_per_person": (
        "Sociale contacten per persoon",
        "Sociale contacten per persoon, die vacatures doorgeven.",
    ),
    "population.unemployed_share": (
        "Werklozen in de beroepsbevolking",
        "Aandeel werklozen in de beroepsbevolking, gebruikt als een regio geen eigen "
        "werkloosheidscijfer geeft.",
    ),
    "population.min_resident_job_share": (
        "Minimaal door inwoners bezet",
        "Kleinste aandeel van de banen in de regio dat in maand 0 door inwoners van de regio "
        "wordt bezet (de rest bezetten inpendelaars, die niet worden gesimuleerd).",
    ),
    # --- demography -------------------------------------------------------------------------
    "demography.exit_rate_employed": (
        "Vertrek van werkenden",
        "Kans per maand dat een werkende de arbeidsmarkt voorgoed verlaat.",
    ),
    "demography.exit_rate_social_assistance": (
        "Vertrek uit de bijstand van de arbeidsmarkt",
        "Kans per maand dat iemand in de bijstand de arbeidsmarkt van de regio voorgoed verlaat.",
    ),
    "demography.exit_rate_sheltered": (
        "Vertrek uit de sociale werkvoorziening",
        "Kans per maand dat iemand in de sociale werkvoorziening met pensioen gaat, overlijdt "
        "of door ziekte uitvalt.",
    ),
    "demography.entry_rate": (
        "Instroom op de arbeidsmarkt",
        "Nieuwkomers per persoon die de arbeidsmarkt de vorige maand voorgoed verliet (1 "
        "houdt de omvang gelijk; 0 = geen nieuwkomers).",
    ),
    "demography.entry_social_assistance_share": (
        "Nieuwkomers direct in de bijstand",
        "Aandeel van de nieuwkomers dat direct in de bijstand komt.",
    ),
    # --- labour market --------------------------------------------------------------------
    "labour_market.separation_rate": (
        "Baanverlies",
        "Kans per maand dat een gewone baan eindigt (ontslag of zelf opzeggen, daarna werkloos).",
    ),
    "labour_market.ww_min_tenure_months": (
        "Wekeneis voor de WW",
        "Maanden in de baan die iemand nodig heeft voor een WW-uitkering bij baanverlies; "
        "geldt ook voor wie vanuit de bijstand is geplaatst.",
    ),
    "labour_market.ww_history_months": (
        "Arbeidsverleden voor langere WW",
        "Maanden werk die een geplaatste werknemer nodig heeft voor WW langer dan 3 maanden "
        "(korter: 3 maanden).",
    ),
    "labour_market.ww_eligible_share": (
        "Recht op WW",
        "Aandeel van wie een baan verliest en aan de wekeneis voldoet dat een WW-uitkering krijgt.",
    ),
    "labour_market.placed_job_loss_to_sa_share": (
        "Geplaatsten terug naar de bijstand",
        "Aandeel van de geplaatste werknemers die hun baan verliezen zonder WW dat terugkeert "
        "in de bijstand (de rest komt zonder uitkering).",
    ),
    "labour_market.placed_other_exit_rate": (
        "Geplaatsten die om een andere reden vertrekken",
        "Kans per maand dat een vanuit de bijstand geplaatste werknemer de arbeidsmarkt van "
        "de regio om een andere reden verlaat (andere uitkering, studie, verhuizing).",
    ),
    "labour_market.ww_max_months": (
        "Langste WW-duur",
        "Langste duur van de WW; elke uitkering krijgt een duur van 3 maanden tot dit aantal.",
    ),
    "labour_market.ww_to_social_assistance_share": (
        "Van WW naar bijstand",
        "Aandeel van de afgelopen WW-uitkeringen dat doorloopt in de bijstand.",
    ),
    "labour_market.sa_other_exit_rate": (
        "Uitstroom uit de bijstand om andere redenen",
        "Kans per maand om de bijstand om een andere reden te verlaten (inkomen van een "
        "partner, vermogen, verhuizing naar een andere regio), terwijl iemand op de "
        "arbeidsmarkt blijft.",
    ),
    "labour_market.no_benefit_to_sa_rate": (
        "Opnieuw bijstand aanvragen",
        "Kans per maand dat iemand zonder uitkering en zonder baan die eerder bijstand had, "
        "opnieuw bijstand aanvraagt.",
    ),
    "labour_market.no_benefit_to_sa_rate_first": (
        "Voor het eerst bijstand aanvragen",
        "Kans per maand dat iemand zonder uitkering en zonder baan die nooit bijstand had, "
        "bijstand aanvraagt.",
    ),
    "labour_market.no_benefit_exit_rate": (
        "Vertrek van wie lang zonder werk en uitkering is",
        "Kans per maand dat iemand die langer dan 12 maanden zonder werk en zonder uitkering "
        "is, de arbeidsmarkt verlaat.",
    ),
    "labour_market.no_benefit_exit_after_months": (
        "Wachttijd vóór vertrek zonder werk en uitkering",
        "Wie langer dan dit aantal maanden zonder werk en zonder uitkering is, kan de "
        "arbeidsmarkt verlaten (met de kans op vertrek van wie lang zonder werk en uitkering is).",
    ),
    "labour_market.sa_readiness_loss_rate": (
        "Stoppen met zoeken in de bijstand",
        "Kans per maand dat iemand in de bijstand die zoekt (langer dan 12 maanden) stopt met "
        "zoeken.",
    ),
    "labour_market.sa_readiness_loss_after_months": (
        "Wachttijd vóór stoppen met zoeken in de bijstand",
        "Wie in de bijstand zoekt en langer dan dit aantal maanden zonder werk is, kan "
        "stoppen met zoeken (met de kans op stoppen met zoeken in de bijstand).",
    ),
    "labour_market.sa_entry_not_ready_share": (
        "Nieuwe bijstand zonder te zoeken",
        "Aandeel van de nieuwe bijstandsuitkeringen (na werk, WW, geen uitkering of "
        "instroom) dat begint zonder te zoeken; de rest zoekt.",
    ),
    "labour_market.sa_readiness_gain_rate": (
        "Gaan zoeken in de bijstand",
        "Kans per maand dat iemand in de bijstand die niet zoekt, gaat zoeken.",
    ),
    "labour_market.relapse_base_rate": (
        "Basiskans op terugval",
        "Kans per maand dat een geplaatste werknemer uit de doelgroep de baan verliest als de "
        "werkdruk gelijk is aan de veerkracht, aan het begin van de baan.",
    ),
    "labour_market.relapse_pressure_slope": (
        "Invloed van werkdruk op terugval",
        "Hoe sterk het verschil tussen werkdruk en veerkracht de kans op terugval verhoogt.",
    ),
    "labour_market.relapse_decay_months": (
        "Afname van het extra terugvalrisico",
        "Tijdschaal waarop het extra terugvalrisico van een nieuwe plaatsing verdwijnt.",
    ),
    # --- matching -------------------------------------------------------------------------
    "matching.applications_per_month": (
        "Aantal sollicitaties",
        "Gemiddeld aantal serieuze sollicitaties per maand van een werkzoekende die klaar is "
        "om te werken.",
    ),
    "matching.sa_search_intensity": (
        "Zoekintensiteit in de bijstand",
        "Zoekintensiteit van bijstandsontvangers die klaar zijn om te werken, ten opzichte "
        "van andere werklozen.",
    ),
    "matching.sw_search_intensity": (
        "Zoekintensiteit in de sociale werkvoorziening",
        "Zoekintensiteit van mensen in de sociale werkvoorziening die een gewone baan zoeken.",
    ),
    "matching.search_decay_per_year": (
        "Afname zoekintensiteit",
        "Exponentiële afname van de zoekintensiteit per jaar zonder werk.",
    ),
    "matching.scar_per_year": (
        "Afname verwachte productiviteit",
        "Exponentiële afname van de verwachte productiviteit per jaar zonder werk.",
    ),
    "matching.own_sector_share": (
        "Sollicitaties in de eigen sector",
        "Aandeel van de sollicitaties naar vacatures in de eigen sector van de persoon.",
    ),
    "matching.cross_sector_productivity": (
        "Productiviteit in een andere sector",
        "Factor op de productiviteit in een andere sector dan de eigen.",
    ),
    "matching.commute_decay_minutes": (
        "Afname met reistijd",
        "Afstandsverval bij het zoeken: gewicht exp(-minuten / deze waarde).",
    ),
    "matching.local_minutes": (
        "Reistijd binnen de eigen gemeente",
        "Reistijd voor een baan in de eigen woongemeente.",
    ),
    "matching.max_commute_minutes": (
        "Langste reistijd",
        "Reisbereik: geen sollicitaties boven deze reistijd.",
    ),
    "matching.referral_boost": (
        "Extra sollicitaties via contacten",
        "Extra sollicitatie-intensiteit als alle sociale contacten van iemand werk hebben.",
    ),
    "matching.textbook": (
        "Leerboekmodel van zoeken",
        "Zoeken en aannemen volgens het leerboekmodel, voor de controle tegen de theorie: "
        "elke werkzoekende stuurt precies één sollicitatie naar een willekeurige open vacature, "
        "waar dan ook, en werkgevers nemen iedere sollicitant aan. Te combineren met vaste "
        "kansen (het scenario voor de leerboekcontrole).",
    ),
    # --- employers ------------------------------------------------------------------------
    "employers.wage_share_of_productivity": (
        "Loon als deel van de productiviteit",
        "Loon als deel van de productiviteit, nooit onder het minimumloon.",
    ),
    "employers.assessment_noise": (
        "Inschattingsfout van werkgevers",
        "Standaardafwijking van de fout die een werkgever maakt bij het inschatten van de "
        "waarde van een kandidaat.",
    ),
    "employers.sickness_risk_aversion": (
        "Overschatting van het ziekterisico",
        "Hoeveel werkgevers de verwachte kosten van loondoorbetaling bij ziekte van een "
        "kandidaat uit de doelgroep overschatten.",
    ),
    "employers.sick_pay_months": (
        "Loondoorbetaling bij ziekte",
        "Maanden loon bij ziekte die een werkgever betaalt voor een werknemer die ziek blijft.",
    ),
    "employers.supervision_cost": (
        "Begeleidingskosten van de werkgever",
        "Kosten van begeleiding door de werkgever, maal (1 - loonwaarde).",
    ),
    "employers.inclusive_share": (
        "Inclusieve werkgevers",
        "Aandeel van de werkgevers dat bereid is iemand uit de doelgroep aan te nemen (een "
        "blijvende eigenschap).",
    ),
    "employers.register_wage_value": (
        "Loonwaardegrens van de doelgroep",
        "Een bijstandsontvanger onder deze loonwaarde wordt als doelgroep herkend (waarde van "
        "inclusie, terughoudendheid, overschat ziekterisico); daarboven beoordeelt de "
        "werkgever hem als elke andere werkzoekende.",
    ),
    "employers.unwilling_penalty": (
        "Terughoudendheid van onwillige werkgevers",
        "Waarde die een onwillige werkgever aftrekt van een kandidaat uit de doelgroep.",
    ),
    "employers.capacity_half_size": (
        "Omvang voor halve begeleidingscapaciteit",
        "Omvang waarbij de capaciteit van een werkgever om te begeleiden de helft is "
        "(capaciteit = omvang / (omvang + deze waarde)).",
    ),
    "employers.experienced_share": (
        "Werkgevers met ervaring",
        "Aandeel van de werkgevers (gekozen uit de bereidwillige) dat in maand 0 al een "
        "plaatsing uit de doelgroep achter de rug heeft.",
    ),
    "employers.experience_learning": (
        "Leren van ervaring",
        "Hoe snel ervaring het ingeschatte ziekterisico terugbrengt tot het echte "
        "(overschatting 1 + (a - 1) exp(-deze waarde x ervaring)).",
    ),
    "employers.experience_months": (
        "Maanden tot een geslaagde plaatsing",
        "Maanden dat een geplaatste werknemer moet blijven voordat de werkgever de plaatsing "
        "als geslaagd telt.",
    ),
    "employers.conversion_chance": (
        "Kans dat een werkgever bereid wordt",
        "Kans dat een onwillige werkgever bereid wordt na een plaatsing die standhield.",
    ),
    "employers.disillusion_chance": (
        "Kans dat een werkgever afhaakt",
        "Kans dat een bereidwillige werkgever onwillig wordt na een plaatsing die binnen de "
        "ervaringsperiode in terugval eindigde.",
    ),
    "employers.inclusion_value": (
        "Waarde van inclusie",
        "Extra waarde die een volledig open, bereidwillige werkgever ziet in een kandidaat uit "
        "de doelgroep (maal zijn openheid, 0,5 tot 1).",
    ),
    "employers.slack_share": (
        "Werkgevers met restwerk",
        "Aandeel van de werkgevers met net te weinig werk voor nog een baan.",
    ),
    "employers.vacancy_open_share": (
        "Openstaande vacatures bij de start",
        "Gewenste banen van werkgevers boven de bezette banen in de getrokken bevolking, als "
        "deel van de banen (de vacatures die vóór de inloopperiode openstaan).",
    ),
    "employers.pressure_mean": (
        "Gemiddelde werkdruk",
        "Gemiddelde werkdruk van gewone banen (bèta-verdeeld per werkgever).",
    ),
    "employers.size_spread": (
        "Spreiding in omvang van vestigingen",
        "Spreiding van de omvang van vestigingen binnen een gemeente (lognormale gewichten "
        "van haar banen).",
    ),
    "employers.pressure_concentration": (
        "Concentratie van de werkdruk",
        "Concentratie van de bètaverdeling van de werkdruk over werkgevers (hoger: minder "
        "spreiding).",
    ),
    "employers.openness_min": (
        "Laagste openheid",
        "De openheid van inclusieve werkgevers ligt gelijkmatig tussen deze waarde en 1 "
        "(andere werkgevers: 0).",
    ),
    "employers.slack_min": (
        "Minste restwerk",
        "Minste extra werk van een werkgever met restwerk (gelijkmatig verdeeld tussen het "
        "minste en het meeste restwerk).",
    ),
    "employers.slack_max": (
        "Meeste restwerk",
        "Meeste extra werk van een werkgever met restwerk.",
    ),
    "employers.layoff_band": (
        "Marge voor ontslag",
        "Werkgevers ontslaan alleen personeel als hun personeel de gewenste omvang met meer "
        "dan dit deel overschrijdt.",
    ),
    "employers.external_establishment_size": (
        "Omvang van vestigingen buiten de regio",
        "Gemiddelde omvang van de vestigingen in werkgebieden buiten de regio (de regio geeft "
        "geen aantal).",
    ),
    "employers.expected_job_months": (
        "Verwachte duur van een baan",
        "Maanden dat een werkgever verwacht dat een nieuwe baan duurt, bij het waarderen van "
        "een tijdelijke loonkostensubsidie.",
    ),
    "employers.demand_persistence": (
        "Doorwerking van vraagschokken bij werkgevers",
        "Hoe lang een eigen afwijking in de vraag van een werkgever doorwerkt.",
    ),
    "employers.demand_noise": (
        "Vraagschokken bij werkgevers",
        "Standaardafwijking van de maandelijkse vraagschok van een werkgever.",
    ),
    "employers.sector_growth": (
        "Groei van de vraag naar arbeid",
        "Trendmatige groei van de vraag in een sector per jaar.",
    ),
    "employers.sector_cycle_sd": (
        "Vraagschokken per sector",
        "Standaardafwijking van de maandelijkse vraagschokken in een sector.",
    ),
    "employers.sector_persistence": (
        "Doorwerking van vraagschokken per sector",
        "Hoe lang een afwijking in de vraag van een sector doorwerkt.",
    ),
    # --- health ---------------------------------------------------------------------------
    "health.sick_onset_rate": (
        "Kans om ziek te worden",
        "Kans per maand dat een gewone werknemer ten minste een maand ziek wordt.",
    ),
    "health.target_group_sickness_factor": (
        "Ziekte in de doelgroep",
        "Kans op ziekte van mensen uit de doelgroep ten opzichte van gewone werknemers.",
    ),
    "health.sickness_heterogeneity": (
        "Spreiding van het ziekterisico",
        "Spreiding van het persoonlijke ziekterisico rond de kans om ziek te worden "
        "(lognormaal, met hetzelfde gemiddelde).",
    ),
    "health.recovery_rate": (
        "Herstel",
        "Kans per maand dat een zieke werknemer herstelt.",
    ),
    # --- schools --------------------------------------------------------------------------
    "schools.places_per_1000_sa": (
        "Opleidingscapaciteit",
        "Opleidingscapaciteit van de scholen in de regio voor werkzoekenden.",
    ),
    "schools.duration_months": ("Duur van een opleiding", "Duur van een opleiding."),
    "schools.forecast_horizon_months": (
        "Vooruitblik van de prognose",
        "Hoe ver de prognose van de vraag vooruitkijkt waarop scholen hun opleidingen kiezen.",
    ),
    "schools.forecast_responsiveness": (
        "Invloed van de prognose",
        "Hoe sterk de keuze van opleidingen de prognose van de vraag volgt.",
    ),
    "schools.forecast_accuracy": (
        "Nauwkeurigheid van de prognose",
        "Nauwkeurigheid van de prognose van de vraag die scholen gebruiken.",
    ),
    "schools.forecast_noise_min_sds": (
        "Kleinste fout van de prognose",
        "Kleinste standaardafwijking van de ruis in de prognose van scholen, als veelvoud van "
        "de vraagschokken per sector (anders zo groot als de spreiding van de werkelijke "
        "groei over de sectoren).",
    ),
    "schools.wage_value_gain": (
        "Hogere loonwaarde na een opleiding",
        "Stijging van de loonwaarde na het afronden van een opleiding.",
    ),
    "schools.cost_per_month": (
        "Kosten van een opleiding",
        "Kosten van een opleiding, betaald door de gemeente.",
    ),
    "schools.months_out_kept_share": (
        "Duur zonder werk die na een opleiding telt",
        "Deel van hun maanden zonder werk dat mensen na een afgeronde opleiding houden (naar "
        "beneden afgerond).",
    ),
    "schools.ww_min_months_out": (
        "Wachttijd voor een opleiding in de WW",
        "Maanden zonder werk waarna iemand in de WW aan een opleiding kan beginnen (wie in de "
        "bijstand zoekt, kan meteen).",
    ),
    # --- finance --------------------------------------------------------------------------
    "finance.sa_benefit_eur_month": (
        "Bijstandsuitkering",
        "Bijstand per ontvanger per maand (betaald door de gemeente).",
    ),
    "finance.ww_benefit_eur_month": (
        "WW-uitkering",
        "WW-uitkering per ontvanger per maand (betaald door het Rijk, via het UWV).",
    ),
    "finance.sw_cost_eur_month": (
        "Kosten van een Wsw-plek",
        "Publieke kosten van één plek in de sociale werkvoorziening per maand (het Rijk, via "
        "de gemeente).",
    ),
    "finance.minimum_wage_eur_month": (
        "Minimumloon",
        "Bruto minimumloon, de eenheid van de loonwaarde.",
    ),
    "finance.sa_side_earnings_share": (
        "Bijstand met bijverdiensten",
        "Aandeel van de bijstandsontvangers met bijverdiensten (geteld, niet gesimuleerd als "
        "baan).",
    ),
    # --- sheltered work, service point, forecasting -----------------------------------------
    "sheltered.new_places_per_10k_per_year": (
        "Nieuwe plekken beschut werk",
        "Nieuwe plekken beschut werk die gemeenten elk jaar maken.",
    ),
    "service_point.brokered_per_10k_sa": (
        "Voordrachten door het werkgeversservicepunt",
        "Kandidaten die het werkgeversservicepunt elke maand bij werkgevers voordraagt.",
    ),
    "forecasting.employer_survey": (
        "Bestand met verwachtingen van werkgevers",
        "Spreadsheet (CSV) met de groei en het restwerk die werkgevers per gemeente en sector "
        "verwachten (opbouw: zie het bestand met de enquête onder werkgevers hieronder), ten "
        "opzichte van het scenariobestand; leeg: geen.",
    ),
    # --- synthetic test region ---------------------------------------------------------------
    "synthetic_region.mean_population": (
        "Gemiddelde omvang van een gemeente",
        "Gemiddeld aantal inwoners van een gemeente in een kunstmatige testregio.",
    ),
    "synthetic_region.size_spread": (
        "Spreiding van de omvang van gemeenten",
        "Spreiding van de omvang van de gemeenten in een kunstmatige testregio (lognormaal).",
    ),
    "synthetic_region.min_population": (
        "Kleinste gemeente",
        "Minste inwoners van een gemeente in een kunstmatige testregio.",
    ),
    "synthetic_region.jobs_spread": (
        "Spreiding van de banen per inwoner",
        "Spreiding van het aantal banen per inwoner rond dat van Flevoland in een kunstmatige "
        "testregio (lognormaal).",
    ),
    "synthetic_region.sector_concentration": (
        "Concentratie van de sectorverdeling",
        "Hoe dicht de verdeling over sectoren van elke gemeente bij de standaardverdeling over "
        "sectoren ligt (hoger: dichterbij).",
    ),
    "synthetic_region.km_per_municipality": (
        "Ruimte per gemeente",
        "Zijde van het vierkant waarin de gemeenten van een kunstmatige testregio liggen, "
        "gedeeld door de wortel uit hun aantal (meer: verder uit elkaar).",
    ),
    "synthetic_region.external_areas": (
        "Werkgebieden buiten de regio",
        "Aantal werkgebieden buiten een kunstmatige testregio (zoals Groot-Amsterdam voor "
        "Flevoland).",
    ),
    "synthetic_region.external_distance_km": (
        "Afstand tot werkgebieden buiten de regio",
        "Afstand van de werkgebieden buiten de regio tot de rand van het vierkant waarin de "
        "gemeenten liggen.",
    ),
    "synthetic_region.road_factor": (
        "Omrijfactor",
        "Afstand over de weg ten opzichte van de afstand in rechte lijn tussen twee gemeenten.",
    ),
    "synthetic_region.speed_kmh": (
        "Reissnelheid",
        "Reissnelheid tussen de gemeenten van een kunstmatige testregio.",
    ),
    "synthetic_region.access_minutes": (
        "Extra reistijd per reis",
        "Minuten die bij elke reis tussen gemeenten van een kunstmatige testregio worden opgeteld.",
    ),
    # --- the instruments ----------------------------------------------------------------------
    **_policy(
        "wage_subsidy",
        "de loonkostensubsidie",
        "de loonkostensubsidie",
        {
            "awareness": (
                "Werkgevers die de subsidie kennen",
                "Aandeel van de werkgevers dat met de subsidie rekent bij het beoordelen van "
                "een kandidaat (andere horen ervan via het werkgeversservicepunt of via een "
                "gesubsidieerde plaatsing).",
            ),
            "coverage": (
                "Dekking van het loonverschil",
                "Deel van het verschil tussen het minimumloon en de vastgestelde loonwaarde "
                "dat wordt betaald.",
            ),
            "max_share_of_minimum_wage": (
                "Plafond van de subsidie",
                "Hoogste subsidie per maand.",
            ),
            "allowance_share": (
                "Vergoeding voor werkgeverskosten",
                "Extra vergoeding voor de kosten van de werkgever, als deel van de subsidie.",
            ),
            "duration_months": (
                "Duur",
                "Hoe lang een subsidie loopt: 0 = structureel (tot de opnieuw vastgestelde "
                "loonwaarde het minimumloon bereikt); meer = een tijdelijke subsidie van zoveel "
                "maanden.",
            ),
            "reassessment_months": (
                "Herbeoordeling van de loonwaarde",
                "Tijd tussen twee vaststellingen van de loonwaarde.",
            ),
            "rejudge_at_end": (
                "Opnieuw beoordelen bij het einde",
                "Als een subsidie om een andere reden stopt dan dat de loonwaarde het "
                "minimumloon bereikt, beoordeelt de werkgever de werknemer opnieuw en kan hij "
                "hem ontslaan.",
            ),
            "push_months": (
                "Duur van de duwsubsidie",
                "Maanden tijdelijke subsidie voor bijstandsontvangers met volledige loonwaarde "
                "(0: geen duwsubsidie).",
            ),
            "push_share": (
                "Hoogte van de duwsubsidie",
                "Duwsubsidie per maand als deel van het minimumloon.",
            ),
            "max_wage_value": (
                "Hoogste loonwaarde voor subsidie",
                "Recht op subsidie als de vastgestelde loonwaarde hieronder ligt.",
            ),
            "retention_factor": (
                "Behoud van de baan met subsidie",
                "Factor op de kans op baanverlies en terugval zolang de subsidie loopt.",
            ),
            "on_job_learning": (
                "Leren op de werkplek",
                "Stijging per maand van de loonwaarde van een gesubsidieerde werknemer.",
            ),
            "budget_eur_per_year": (
                "Jaarbudget",
                "Plafond van het jaarbudget (voor de hele bevolking; geschaald met het "
                "gesimuleerde deel): geen nieuwe gesubsidieerde plaatsingen zodra de uitgaven "
                "van het jaar en de lopende subsidies het bereiken, en als het op is, stoppen "
                "de lopende subsidies.",
            ),
        },
    ),
    **_policy(
        "no_risk_policy",
        "de no-riskpolis",
        "de no-riskpolis",
        {
            "awareness": (
                "Werkgevers die de polis kennen",
                "Aandeel van de werkgevers dat de no-riskpolis kent als het iemand aanneemt.",
            ),
            "cover_years": (
                "Duur van de dekking",
                "Hoe lang een werknemer na het aannemen gedekt is.",
            ),
            "max_wage_value": (
                "Hoogste loonwaarde voor de polis",
                "Bijstandsontvangers onder deze loonwaarde komen in aanmerking (mensen uit de "
                "sociale werkvoorziening altijd).",
            ),
        },
    ),
    **_policy(
        "work_pools",
        "werkpools",
        "werkpools",
        {
            "join_share": (
                "Werkgevers die meedoen",
                "Aandeel van de werkgevers met restwerk dat aan een werkpool meedoet.",
            ),
            "max_member_minutes": (
                "Langste reistijd binnen een pool",
                "Langste reistijd tussen de thuisgemeente van een pool en een deelnemende "
                "werkgever.",
            ),
            "coordination_cost_eur_month": (
                "Coördinatiekosten",
                "Coördinatiekosten per bezette baan in een werkpool.",
            ),
            "coordination_subsidy_share": (
                "Bijdrage van de gemeente aan de coördinatie",
                "Deel van de coördinatiekosten dat de gemeente betaalt (de rest verlaagt de "
                "waarde van aannemen voor de pool).",
            ),
            "separation_factor": (
                "Baanbehoud in een pool",
                "Factor op de kans op baanverlies in banen van een werkpool (stabiliteit van "
                "het contract).",
            ),
            "target_group_only": (
                "Alleen voor de doelgroep",
                "Pools nemen alleen mensen aan uit de bijstand en de sociale werkvoorziening.",
            ),
        },
    ),
    **_policy(
        "root_ball",
        "de overstap met de kluit",
        "de begeleide overstap uit beschut werk (met de kluit)",
        {
            "intensity": ("Intensiteit", "Intensiteit van de begeleiding."),
            "duration_months": (
                "Duur",
                "Hoe lang de begeleiding na de overstap duurt.",
            ),
            "group_size": (
                "Groepsgrootte",
                "Mensen die samen overstappen (1 = alleen).",
            ),
            "relapse_reduction": (
                "Minder terugval door begeleiding",
                "Verlaging van het risico op terugval (op logschaal) bij volle intensiteit, "
                "zolang de begeleiding loopt.",
            ),
            "right_to_return": (
                "Terugkeergarantie",
                "Wie terugvalt, gaat terug naar de sociale werkvoorziening in plaats van naar "
                "de bijstand.",
            ),
            "search_boost": (
                "Meer overstappogingen",
                "Extra overstappogingen van deelnemers die klaar zijn, bij volle intensiteit.",
            ),
            "cost_per_person_month_eur": (
                "Kosten van de begeleiding",
                "Kosten van de begeleiding per begeleide persoon per maand.",
            ),
            "preparation": (
                "Voorbereiding",
                "Kandidaten voor de overstap voorbereiden op een groeiende sector voordat ze "
                "overstappen.",
            ),
            "preparation_for": (
                "Voorbereiding voor wie",
                "Wie de gemeente kiest voor de voorbereiding.",
            ),
            "preparation_months": (
                "Duur van de voorbereiding",
                "Maanden scholing of werkervaringsplaats vóór de overstap.",
            ),
            "preparation_intake_share": (
                "Instroom in de voorbereiding",
                "Aandeel van de kandidaten die klaar zijn en nog niet voorbereid, dat elke "
                "maand aan de voorbereiding begint.",
            ),
            "preparation_pressure_relief": (
                "Lagere werkdruk na voorbereiding",
                "Lager ervaren werkdruk in een baan in de sector waarop iemand is voorbereid "
                "(telt in het risico op terugval mee zoals veerkracht).",
            ),
            "preparation_cost_per_person_month_eur": (
                "Kosten van de voorbereiding",
                "Kosten van de voorbereiding per persoon per maand, betaald door de gemeente.",
            ),
            "preparation_fade_months": (
                "Wegebben van de voorbereiding",
                "Tijdschaal waarop de lagere werkdruk na voorbereiding wegebt zolang iemand die "
                "is voorbereid wacht op werk in de sector waarop hij is voorbereid (lagere "
                "werkdruk x exp(-maanden gewacht / deze waarde)).",
            ),
            "preparation_with_employer": (
                "Voorbereiding bij een toekomstige werkgever",
                "Bereid iedereen voor bij een gastwerkgever in de sector (binnen reisafstand, "
                "bereid om uit de doelgroep aan te nemen, gekozen naar wat hij aan begeleiding "
                "aankan) die volgens de voorspelling groeit; als iemand klaar is, neemt die "
                "werkgever hem als eerste aan wanneer hij een vacature heeft.",
            ),
            "preparation_host_relief": (
                "Extra lagere werkdruk bij de gastwerkgever",
                "Extra lager ervaren werkdruk in een baan bij de werkgever van de "
                "werkervaringsplaats (bekende collega's, leidinggevende en werkplek); ebt weg "
                "met het wachten, net als de lagere werkdruk in de sector.",
            ),
            "sick_risk_relief": (
                "Minder ziekterisico voor de werkgever",
                "Deel van het risico op loondoorbetaling bij ziekte dat een werkgever in een "
                "kandidaat ziet, dat de begeleiding bij volle intensiteit wegneemt (de "
                "jobcoach neemt ook de begeleiding op het werk over).",
            ),
            "group_relapse_effect": (
                "Minder terugval in een groep",
                "Het risico op terugval van een begeleide persoon wordt gedeeld door 1 + deze "
                "waarde x (groepsgrootte - 1).",
            ),
            "group_cost_share": (
                "Extra kosten van een groep",
                "Extra kosten van samen overstappen: de kosten van de begeleiding per persoon "
                "stijgen met deze waarde x (groepsgrootte - 1) / groepsgrootte.",
            ),
        },
    ),
    **_policy(
        "job_coaching",
        "jobcoaching",
        "jobcoaching",
        {
            "hours_per_week": (
                "Begeleidingsuren",
                "Uren begeleiding door de jobcoach per geplaatste persoon per week.",
            ),
            "awareness": (
                "Werkgevers die op een jobcoach rekenen",
                "Aandeel van de werkgevers dat op een jobcoach rekent bij het beoordelen van "
                "een kandidaat.",
            ),
            "duration_months": (
                "Duur",
                "Hoe lang de jobcoaching na de plaatsing duurt.",
            ),
            "relapse_reduction_per_hour": (
                "Minder terugval per uur begeleiding",
                "Verlaging van het risico op terugval (op logschaal) per uur begeleiding per week.",
            ),
            "take_up": (
                "Gebruik van jobcoaching",
                "Aandeel van de plaatsingen (zonder andere begeleiding) dat een jobcoach krijgt.",
            ),
            "cost_per_hour_eur": (
                "Kosten",
                "Kosten van één uur begeleiding door een jobcoach.",
            ),
            "full_relief_hours": (
                "Uren voor volledige ontlasting",
                "Uren begeleiding per week waarbij de jobcoach de werkgever volledig ontlast "
                "van de begeleiding op het werk; minder uren ontlasten naar verhouding.",
            ),
            "supervision_relief": (
                "Ontlasting van de werkgever",
                "Deel van de verwachte begeleidingskosten van de werkgever dat jobcoaching bij "
                "volle uren wegneemt wanneer de werkgever een kandidaat beoordeelt.",
            ),
        },
    ),
    **_policy(
        "forecasting",
        "de korte-termijnprognose met werkgevers",
        "de korte-termijnprognose met werkgevers",
        {
            "horizon_months": (
                "Vooruitblik",
                "Hoe ver de gedeelde prognose vooruitkijkt.",
            ),
            "accuracy": ("Nauwkeurigheid", "Nauwkeurigheid van de gedeelde prognose."),
            "cost_eur_per_year": (
                "Kosten",
                "Kosten van het samen met werkgevers maken van de prognose (voor de hele "
                "bevolking).",
            ),
        },
    ),
    **_policy(
        "career_paths",
        "regionale loopbaanpaden",
        "regionale loopbaanpaden",
        {
            "paths": ("Aantal paden", "Aantal regionale loopbaanpaden."),
            "participants_per_path": (
                "Deelnemers per pad",
                "Deelnemers die elk jaar een stap zetten op elk pad.",
            ),
            "min_tenure_months": (
                "Dienstverband vóór een stap",
                "Maanden in de huidige baan voordat iemand een stap zet.",
            ),
            "wage_value_gain": (
                "Hogere loonwaarde na een stap",
                "Stijging van de loonwaarde door een stap.",
            ),
            "cost_per_step_eur": ("Kosten", "Kosten van één loopbaanstap."),
        },
    ),
    **_policy(
        "moral_appeal",
        "een campagne met een moreel appel",
        "een campagne met een moreel appel",
        {
            "reach": (
                "Bereik",
                "Aandeel van de werkgevers die nog niet openstaan voor inclusief aannemen, dat "
                "de campagne overtuigt.",
            ),
            "openness": (
                "Openheid na de campagne",
                "Openheid van een overtuigde werkgever: hij laat zijn terughoudendheid los en "
                "telt de waarde van inclusie met dit gewicht mee.",
            ),
            "half_life_months": (
                "Halfwaardetijd",
                "Maanden tot de helft van de overtuigde werkgevers weer is afgehaakt.",
            ),
            "cost_eur_per_year": ("Kosten", "Kosten van de campagne."),
        },
    ),
}

#: the three keys every instrument has, in English (as :func:`_window` for Dutch)
_EN_WINDOW = {"enabled": "Instrument on", "start_month": "First month", "end_month": "Last month"}

#: key -> English label without unit, hand-written for readers (a parameter an instrument
#: has in common with the others, on/off and its months, comes from ``_EN_WINDOW``)
EN: dict[str, str] = {
    # --- run ----------------------------------------------------------------------------
    "run.months": "Number of months",
    "run.scale": "Share of the population simulated",
    "run.seed": "Random seed",
    "run.burn_in_months": "Warm-up period",
    "run.burn_in_policies": "Instruments during the warm-up",
    "run.burn_in_scenario": "Scenario for the warm-up",
    "run.region": "Region",
    # --- population -----------------------------------------------------------------------
    "population.search_ready_share": "Actively looking for work",
    "population.sa_full_capacity_share": "On bijstand with a full wage value",
    "population.sa_long_duration_share": "On bijstand, more than three years out of work",
    "population.sa_wage_value_mean": "Average wage value on bijstand",
    "population.sw_wage_value_mean": "Average wage value in sheltered work",
    "population.sw_transition_ready_share": "In sheltered work and looking for a regular job",
    "population.worker_wage_value_median": "Median wage value of workers",
    "population.worker_wage_value_sd": "Spread of the wage value of workers",
    "population.max_wage_value": "Highest wage value",
    "population.no_benefit_wage_value_median": "Median wage value without work or benefit",
    "population.no_benefit_wage_value_sd": "Spread of the wage value without work or benefit",
    "population.no_benefit_min_wage_value": "Lowest wage value without work or benefit",
    "population.sa_full_wage_value_median": "Median wage value on bijstand with a full wage value",
    "population.sa_full_wage_value_sd": "Spread of wage value on bijstand with a full wage value",
    "population.sa_full_wage_value_max": "Highest wage value on bijstand with a full wage value",
    "population.wage_value_concentration": "Concentration of wage values below the minimum wage",
    "population.full_capacity_readiness_factor": "Readiness to search with a full wage value",
    "population.resilience_mean_employed": "Average resilience of workers",
    "population.resilience_mean_no_benefit": "Average resilience without work or benefit",
    "population.resilience_mean_social_assistance": "Average resilience on bijstand",
    "population.resilience_mean_sheltered": "Average resilience in sheltered work",
    "population.resilience_concentration": "Concentration of the resilience of workers",
    "population.target_resilience_concentration": "Concentration of resilience in the target group",
    "population.skilled_wage_value": "Wage value for a middle skill level",
    "population.highly_skilled_wage_value": "Wage value for a high skill level",
    "population.sa_short_mean_months": "Average time out of work, short bijstand",
    "population.sa_long_mean_months": "Average extra time out of work, long bijstand",
    "population.sa_long_threshold_months": "Time out of work from which bijstand counts as long",
    "population.sa_max_initial_months_out": "Longest time out of work on bijstand at the start",
    "population.max_initial_tenure_months": "Longest time in a job at the start",
    "population.max_initial_months_out": "Longest time out of work at the start",
    "population.ties_per_person": "Social contacts per person",
    "population.unemployed_share": "Unemployed in the labour force",
    "population.min_resident_job_share": "Lowest share held by residents",
    # --- demography -----------------------------------------------------------------------
    "demography.exit_rate_employed": "Workers leaving the labour force",
    "demography.exit_rate_social_assistance": "People on bijstand leaving the labour force",
    "demography.exit_rate_sheltered": "Leaving sheltered work",
    "demography.entry_rate": "Newcomers to the labour force",
    "demography.entry_social_assistance_share": "Newcomers straight onto bijstand",
    # --- labour market and benefits ---------------------------------------------------------
    "labour_market.separation_rate": "Job loss",
    "labour_market.ww_min_tenure_months": "Time in the job needed for unemployment benefit",
    "labour_market.ww_history_months": "Work history for a longer unemployment benefit",
    "labour_market.ww_eligible_share": "Entitled to unemployment benefit",
    "labour_market.placed_job_loss_to_sa_share": "Placed workers back on bijstand",
    "labour_market.placed_other_exit_rate": "Placed workers leaving for another reason",
    "labour_market.ww_max_months": "Longest unemployment benefit",
    "labour_market.ww_to_social_assistance_share": "From unemployment benefit to bijstand",
    "labour_market.sa_other_exit_rate": "Leaving bijstand for other reasons",
    "labour_market.no_benefit_to_sa_rate": "Applying for bijstand again",
    "labour_market.no_benefit_to_sa_rate_first": "Applying for bijstand for the first time",
    "labour_market.no_benefit_exit_rate": "Leaving after long without work or benefit",
    "labour_market.no_benefit_exit_after_months": "Time without work or benefit before leaving",
    "labour_market.sa_readiness_loss_rate": "Stopping the search on bijstand",
    "labour_market.sa_readiness_loss_after_months": (
        "Time out of work before stopping the search on bijstand"
    ),
    "labour_market.sa_entry_not_ready_share": "New bijstand without searching",
    "labour_market.sa_readiness_gain_rate": "Starting to search on bijstand",
    "labour_market.relapse_base_rate": "Base chance of relapse",
    "labour_market.relapse_pressure_slope": "Effect of work pressure on relapse",
    "labour_market.relapse_decay_months": "Fading of the extra relapse risk",
    # --- searching and hiring --------------------------------------------------------------
    "matching.applications_per_month": "Number of applications",
    "matching.sa_search_intensity": "Search effort on bijstand",
    "matching.sw_search_intensity": "Search effort in sheltered work",
    "matching.search_decay_per_year": "Decline of search effort",
    "matching.scar_per_year": "Decline of expected productivity",
    "matching.own_sector_share": "Applications in one's own sector",
    "matching.cross_sector_productivity": "Productivity in another sector",
    "matching.commute_decay_minutes": "Decline with travel time",
    "matching.local_minutes": "Travel time within one's own municipality",
    "matching.max_commute_minutes": "Longest travel time",
    "matching.referral_boost": "Extra applications through contacts",
    "matching.textbook": "Textbook model of job search",
    # --- employers ----------------------------------------------------------------------
    "employers.wage_share_of_productivity": "Wage as a share of productivity",
    "employers.assessment_noise": "Employers' error in judging a candidate",
    "employers.sickness_risk_aversion": "Overestimate of the sickness risk",
    "employers.sick_pay_months": "Sick pay carried by the employer",
    "employers.supervision_cost": "Employer's supervision cost",
    "employers.inclusive_share": "Inclusive employers",
    "employers.register_wage_value": "Wage value limit of the target group",
    "employers.unwilling_penalty": "Reluctance of unwilling employers",
    "employers.capacity_half_size": "Size for half the capacity to supervise",
    "employers.experienced_share": "Employers with experience",
    "employers.experience_learning": "Learning from experience",
    "employers.experience_months": "Months until a placement counts as a success",
    "employers.conversion_chance": "Chance an employer becomes willing",
    "employers.disillusion_chance": "Chance an employer turns away",
    "employers.inclusion_value": "Value of inclusion",
    "employers.slack_share": "Employers with spare work",
    "employers.vacancy_open_share": "Open vacancies at the start",
    "employers.pressure_mean": "Average work pressure",
    "employers.size_spread": "Spread of establishment sizes",
    "employers.pressure_concentration": "Concentration of work pressure",
    "employers.openness_min": "Lowest openness",
    "employers.slack_min": "Least spare work",
    "employers.slack_max": "Most spare work",
    "employers.layoff_band": "Margin before layoffs",
    "employers.external_establishment_size": "Size of establishments outside the region",
    "employers.expected_job_months": "Expected duration of a job",
    "employers.demand_persistence": "Persistence of employers' demand shocks",
    "employers.demand_noise": "Employers' demand shocks",
    "employers.sector_growth": "Growth of the demand for labour",
    "employers.sector_cycle_sd": "Demand shocks per sector",
    "employers.sector_persistence": "Persistence of demand shocks per sector",
    # --- sickness -----------------------------------------------------------------------
    "health.sick_onset_rate": "Chance of falling ill",
    "health.target_group_sickness_factor": "Sickness in the target group",
    "health.sickness_heterogeneity": "Spread of the sickness risk",
    "health.recovery_rate": "Recovery",
    # --- training -----------------------------------------------------------------------
    "schools.places_per_1000_sa": "Training capacity",
    "schools.duration_months": "Duration of a course",
    "schools.forecast_horizon_months": "How far the forecast looks ahead",
    "schools.forecast_responsiveness": "Influence of the forecast",
    "schools.forecast_accuracy": "Accuracy of the forecast",
    "schools.forecast_noise_min_sds": "Least error of the forecast",
    "schools.wage_value_gain": "Higher wage value after a course",
    "schools.cost_per_month": "Cost of a course",
    "schools.months_out_kept_share": "Time out of work that still counts after a course",
    "schools.ww_min_months_out": "Wait for a course on unemployment benefit",
    # --- money ----------------------------------------------------------------------------
    "finance.sa_benefit_eur_month": "Bijstand benefit",
    "finance.ww_benefit_eur_month": "WW unemployment benefit",
    "finance.sw_cost_eur_month": "Cost of a sheltered-work place",
    "finance.minimum_wage_eur_month": "Minimum wage",
    "finance.sa_side_earnings_share": "On bijstand with side earnings",
    # --- other sections -----------------------------------------------------------------
    "sheltered.new_places_per_10k_per_year": "New sheltered-work places",
    "service_point.brokered_per_10k_sa": "Candidates introduced by the employer service point",
    "forecasting.employer_survey": "File with employers' expectations",
    # --- synthetic test region -----------------------------------------------------------
    "synthetic_region.mean_population": "Average size of a municipality",
    "synthetic_region.size_spread": "Spread of municipality sizes",
    "synthetic_region.min_population": "Smallest municipality",
    "synthetic_region.jobs_spread": "Spread of jobs per resident",
    "synthetic_region.sector_concentration": "Concentration of the sector mix",
    "synthetic_region.km_per_municipality": "Room per municipality",
    "synthetic_region.external_areas": "Job areas outside the region",
    "synthetic_region.external_distance_km": "Distance to job areas outside the region",
    "synthetic_region.road_factor": "Road detour",
    "synthetic_region.speed_kmh": "Travel speed",
    "synthetic_region.access_minutes": "Extra time per trip",
    # --- instruments --------------------------------------------------------------------
    "policies.wage_subsidy.awareness": "Employers who know the subsidy",
    "policies.wage_subsidy.coverage": "Share of the wage gap covered",
    "policies.wage_subsidy.max_share_of_minimum_wage": "Ceiling of the subsidy",
    "policies.wage_subsidy.allowance_share": "Allowance for employer costs",
    "policies.wage_subsidy.duration_months": "Duration",
    "policies.wage_subsidy.reassessment_months": "Reassessment of the wage value",
    "policies.wage_subsidy.rejudge_at_end": "Judge again when the subsidy ends",
    "policies.wage_subsidy.push_months": "Duration of the push subsidy",
    "policies.wage_subsidy.push_share": "Size of the push subsidy",
    "policies.wage_subsidy.max_wage_value": "Highest wage value for the subsidy",
    "policies.wage_subsidy.retention_factor": "Keeping the job with a subsidy",
    "policies.wage_subsidy.on_job_learning": "Learning on the job",
    "policies.wage_subsidy.budget_eur_per_year": "Yearly budget",
    "policies.no_risk_policy.awareness": "Employers who know the policy",
    "policies.no_risk_policy.cover_years": "Duration of the cover",
    "policies.no_risk_policy.max_wage_value": "Highest wage value for the policy",
    "policies.work_pools.join_share": "Employers who join",
    "policies.work_pools.max_member_minutes": "Longest travel time within a pool",
    "policies.work_pools.coordination_cost_eur_month": "Coordination cost",
    "policies.work_pools.coordination_subsidy_share": "Municipality's share of the coordination",
    "policies.work_pools.separation_factor": "Keeping the job in a pool",
    "policies.work_pools.target_group_only": "Only for the target group",
    "policies.root_ball.intensity": "Intensity",
    "policies.root_ball.duration_months": "Duration",
    "policies.root_ball.group_size": "Group size",
    "policies.root_ball.relapse_reduction": "Less relapse through support",
    "policies.root_ball.right_to_return": "Right to return",
    "policies.root_ball.search_boost": "More attempts to move",
    "policies.root_ball.cost_per_person_month_eur": "Cost of the support",
    "policies.root_ball.preparation": "Preparation",
    "policies.root_ball.preparation_for": "Preparation for whom",
    "policies.root_ball.preparation_months": "Duration of the preparation",
    "policies.root_ball.preparation_intake_share": "Intake into the preparation",
    "policies.root_ball.preparation_pressure_relief": "Lower work pressure after preparation",
    "policies.root_ball.preparation_cost_per_person_month_eur": "Cost of the preparation",
    "policies.root_ball.preparation_fade_months": "Fading of the preparation",
    "policies.root_ball.preparation_with_employer": "Preparation with a future employer",
    "policies.root_ball.preparation_host_relief": "Extra lower pressure at the host employer",
    "policies.root_ball.sick_risk_relief": "Less sick-pay risk for the employer",
    "policies.root_ball.group_relapse_effect": "Less relapse in a group",
    "policies.root_ball.group_cost_share": "Extra cost of a group",
    "policies.job_coaching.hours_per_week": "Coaching hours per week",
    "policies.job_coaching.awareness": "Employers who count on a job coach",
    "policies.job_coaching.duration_months": "Duration",
    "policies.job_coaching.relapse_reduction_per_hour": "Less relapse per coaching hour",
    "policies.job_coaching.take_up": "Use of job coaching",
    "policies.job_coaching.cost_per_hour_eur": "Cost",
    "policies.job_coaching.full_relief_hours": "Coaching hours for full relief of the employer",
    "policies.job_coaching.supervision_relief": "Relief of the employer's supervision",
    "policies.forecasting.horizon_months": "How far ahead",
    "policies.forecasting.accuracy": "Accuracy",
    "policies.forecasting.cost_eur_per_year": "Cost",
    "policies.career_paths.paths": "Number of paths",
    "policies.career_paths.participants_per_path": "Participants per path",
    "policies.career_paths.min_tenure_months": "Time in the job before a step",
    "policies.career_paths.wage_value_gain": "Higher wage value after a step",
    "policies.career_paths.cost_per_step_eur": "Cost",
    "policies.moral_appeal.reach": "Reach",
    "policies.moral_appeal.openness": "Openness after the campaign",
    "policies.moral_appeal.half_life_months": "Half-life",
    "policies.moral_appeal.cost_eur_per_year": "Cost",
}
for _name in (
    "wage_subsidy", "no_risk_policy", "work_pools", "root_ball", "job_coaching", "forecasting",
    "career_paths", "moral_appeal",
):  # fmt: skip
    EN.update({f"policies.{_name}.{k}": v for k, v in _EN_WINDOW.items()})

#: key -> Dutch for the reasoning behind an ``assumed`` value (the registry's ``source``
#: after "assumed"), shown in the council report's "what the model assumes"; names of
#: sources (authors, years, institutions) as they are
WHY: dict[str, str] = {
    "population.sa_full_capacity_share": (
        "kortdurende ontvangers met een volledige loonwaarde; zo gekozen dat de gemiddelde "
        "loonwaarde van de rest dicht bij de 51% van Divosa voor subsidiegebruikers ligt"
    ),
    "population.sa_long_duration_share": (
        "in het eigen evenwicht van het model is ongeveer driekwart van het bestand langer dan "
        "drie jaar zonder werk (maanden zonder werk, niet tijd in de uitkering; de "
        "inloopperiode corrigeert de rest); CBS 2016: ~1/3 zit 5 jaar of langer in de uitkering"
    ),
    "population.sw_wage_value_mean": (
        "deelnemers aan de sociale werkvoorziening hebben een lagere loonwaarde dan "
        "bijstandsontvangers (Wsw jaarrapport 2016: 36% verstandelijke, 32% psychische "
        "beperking)"
    ),
    "population.worker_wage_value_median": (
        "mediaan brutoloon ongeveer 1,6 keer het minimumloon van 2017"
    ),
    "population.worker_wage_value_sd": (
        "lonen van gewone werknemers spreiden ruwweg van 0,7 tot 3,5 keer de mediaan"
    ),
    "population.max_wage_value": "de hoogste getrokken productiviteit, acht minimumlonen",
    "population.no_benefit_wage_value_median": (
        "werklozen zonder uitkering (schoolverlaters, herintreders) verdienen iets boven het "
        "minimumloon"
    ),
    "population.no_benefit_wage_value_sd": "minder spreiding dan onder werkenden",
    "population.no_benefit_min_wage_value": (
        "mensen zonder werk of uitkering die zoeken, kunnen bijna het minimumloon verdienen "
        "(wie ver daaronder zit, is in de bijstand of in de sociale werkvoorziening)"
    ),
    "population.sa_full_wage_value_median": (
        "ontvangers met een volledige loonwaarde zitten net boven het minimumloon"
    ),
    "population.sa_full_wage_value_sd": "weinig spreiding",
    "population.sa_full_wage_value_max": (
        "een bijstandsontvanger met volledige loonwaarde verdient hooguit drie minimumlonen"
    ),
    "population.full_capacity_readiness_factor": (
        "ontvangers met een volledige loonwaarde zijn vaker klaar om te zoeken; het totale "
        "aandeel blijft 'Zoekt actief naar werk'"
    ),
    "population.resilience_mean_employed": (
        "mensen met werk (of die het net kwijt zijn, in de WW) kunnen de druk van een gewone "
        "baan aan boven de gemiddelde druk ('Gemiddelde werkdruk')"
    ),
    "population.resilience_mean_no_benefit": "tussen werkenden en uitkeringsontvangers in",
    "population.resilience_mean_social_assistance": (
        "onder de gemiddelde werkdruk (0,55): SCP 2019, de meeste ontvangers hebben een grote "
        "afstand tot werk"
    ),
    "population.resilience_mean_sheltered": (
        "het laagst; TNO 2017: mensen die het goed doen in de sociale werkvoorziening vallen "
        "bij een gewoon bedrijf terug omdat ze de druk niet aankunnen"
    ),
    "population.resilience_concentration": (
        "de veerkracht verschilt matig tussen werkenden (standaardafwijking ~0,16 bij een "
        "gemiddelde van 0,67)"
    ),
    "population.target_resilience_concentration": (
        "de veerkracht verschilt meer in de doelgroep (standaardafwijking ~0,19)"
    ),
    "population.skilled_wage_value": (
        "een productiviteit van 1,3 minimumlonen markeert een middelbaar niveau (MBO 2-4)"
    ),
    "population.highly_skilled_wage_value": (
        "twee keer het minimumloon markeert een hoog niveau (HBO en hoger)"
    ),
    "population.sa_short_mean_months": (
        "een start dicht bij het eigen evenwicht van het model, dat de inloopperiode daarna "
        "instelt; 44% van de ontvangers stroomt binnen een jaar uit"
    ),
    "population.sa_long_mean_months": (
        "na drie jaar is de uitstroom ~8% per jaar, dus de resterende tijd is ongeveer "
        "exponentieel met een gemiddelde in de orde van tien jaar"
    ),
    "population.sa_max_initial_months_out": (
        "een werkzaam leven van ongeveer veertig jaar begrenst de getrokken duur zonder werk"
    ),
    "population.max_initial_tenure_months": (
        "dienstverbanden in maand 0 gelijk verdeeld over maximaal tien jaar"
    ),
    "population.max_initial_months_out": (
        "WW-ontvangers en werklozen zonder uitkering zijn in maand 0 minder dan een jaar "
        "zonder werk (de WW duurt hooguit 24 maanden)"
    ),
    "population.ties_per_person": (
        "een handvol nauwe contacten in de eigen gemeente die vacatures doorgeven"
    ),
    "population.min_resident_job_share": (
        "een ondergrens voor regio's met veel meer banen dan werkende inwoners, zodat elke "
        "werkgever personeel uit de regio houdt (in Flevoland bezetten de inwoners de meeste "
        "banen van de regio)"
    ),
    "demography.exit_rate_employed": (
        "pensioen en vertrek uit de regio, ~2,4% van de werkenden per jaar"
    ),
    "demography.exit_rate_social_assistance": "deel van de 'overige' uitstroom uit de bijstand",
    "demography.entry_rate": (
        "schoolverlaters en nieuwe inwoners vervangen wie de arbeidsmarkt verlaat (pensioen, "
        "verhuizing, langdurige ziekte, mensen zonder werk of uitkering die stoppen met "
        "zoeken), zodat de beroepsbevolking rond 218 duizend blijft; een vast deel van de "
        "beroepsbevolking (0,23% per maand vóór issue 12) liet haar over een lange periode "
        "krimpen"
    ),
    "demography.entry_social_assistance_share": (
        "nieuwkomers die in de bijstand beginnen (jongeren zonder werk, scheiding); samen met "
        "aflopende WW geeft dit een instroom in de bijstand van ~24,5% per jaar (CBS 83450NED)"
    ),
    "labour_market.ww_eligible_share": (
        "van wie aan de wekeneis voldoet, heeft de meerderheid recht (niet verwijtbaar "
        "werkloos, beschikbaar voor werk)"
    ),
    "labour_market.placed_job_loss_to_sa_share": (
        "van de uit de bijstand geplaatste werkenden die hun baan verliezen zonder WW, komt een "
        "deel opnieuw door de middelentoets; de rest heeft een inkomen van een partner of een "
        "andere uitkering"
    ),
    "labour_market.placed_other_exit_rate": (
        "CBS cohort 2021: van wie de bijstand verliet voor werk, werkt ongeveer 19% 18 maanden "
        "later niet en heeft geen bijstand (andere uitkering, inkomen van een partner, "
        "verhuisd, studie)"
    ),
    "labour_market.ww_to_social_assistance_share": (
        "een deel van wie de WW zonder baan ziet aflopen, komt door de middelentoets voor de "
        "bijstand"
    ),
    "labour_market.no_benefit_to_sa_rate_first": (
        "mensen zonder uitkering die nooit bijstand hadden (schoolverlaters, partners) vragen "
        "minder vaak aan en komen minder vaak door de middelentoets dan eerdere ontvangers; "
        "met de andere instroom geeft dit een instroom in de bijstand van ~24,5-29% per jaar"
    ),
    "labour_market.no_benefit_exit_rate": (
        "mensen die langer dan een jaar zonder werk of uitkering zijn, verlaten de "
        "arbeidsmarkt (studie, zorg, ontmoedigd; het CBS telt alleen wie zoekt als werkloos); "
        "CBS eerste kwartaal 2017: van 277.000 mensen die werk vonden kwamen er 169.000 van "
        "buiten de beroepsbevolking, dus de stromen erin en eruit zijn groot"
    ),
    "labour_market.no_benefit_exit_after_months": (
        "na een jaar zonder werk of uitkering stoppen sommigen met zoeken (CBS eerste kwartaal "
        "2017: grote stromen in en uit de beroepsbevolking)"
    ),
    "labour_market.sa_readiness_loss_after_months": (
        "SCP 2019: de afstand tot werk groeit met de tijd in de uitkering; een bijstandsontvanger "
        "die zoekt, kan na een jaar zonder werk stoppen met zoeken"
    ),
    "labour_market.sa_entry_not_ready_share": (
        "veel mensen die in de bijstand beginnen zijn eerst niet klaar om te werken; met de "
        "stromen van en naar zoeken blijft ~60% van het bestand niet zoekend (SCP 2019)"
    ),
    "labour_market.relapse_pressure_slope": (
        "TNO 2017: mensen die het goed doen in de sociale werkvoorziening vallen bij een "
        "gewoon bedrijf terug omdat ze de druk niet aankunnen"
    ),
    "matching.applications_per_month": (
        "zo gekalibreerd dat werklozen werk vinden met ~8,4% per maand bij ~3,5 werklozen per "
        "vacature; 0,65 (was 0,45) sinds issue 11, toen een kleinere inschattingsfout "
        "werkgevers ervan weerhield zwakke sollicitanten uit een andere sector per vergissing "
        "aan te nemen"
    ),
    "matching.sa_search_intensity": (
        "bijstandsontvangers die klaar zijn zoeken minder intensief dan WW-ontvangers; 0,75 na "
        "herkalibratie van het evenwicht van het huidige beleid op de uitstroom uit de "
        "bijstand naar werk (issue 12; 0,7 in issue 11, daarvoor 0,6)"
    ),
    "matching.sw_search_intensity": (
        "weinig overstappogingen vanuit de sociale werkvoorziening in het huidige beleid (Wsw "
        "jaarrapport: de meesten werken binnen het sociale werkbedrijf)"
    ),
    "matching.scar_per_year": (
        "vaardigheden slijten en werkgevers lezen een lange periode zonder werk als signaal"
    ),
    "matching.own_sector_share": (
        "de meeste sollicitaties gaan naar het eigen beroep of de eigen sector"
    ),
    "matching.cross_sector_productivity": (
        "wie buiten de sector werkt waarin hij is opgeleid, is eerst minder productief"
    ),
    "matching.commute_decay_minutes": (
        "zo gekalibreerd dat minder dan de helft in de eigen gemeente werkt"
    ),
    "matching.local_minutes": "gebruikelijke reistijd binnen een gemeente",
    "matching.max_commute_minutes": ("boven deze enkele reistijd solliciteren mensen niet"),
    "matching.referral_boost": ("via werkende contacten hoort iemand eerder van een vacature"),
    "employers.wage_share_of_productivity": (
        "lonen zijn ongeveer negen tiende van de productiviteit van een werknemer (onderhandeling)"
    ),
    "employers.assessment_noise": (
        "werkgevers schatten de waarde van een kandidaat met enige fout in (één gesprek), "
        "klein naast de verschillen tussen werkgevers (bereidheid, ervaring, capaciteit) en "
        "kandidaten (loonwaarde, maanden zonder werk) die de beslissing bepalen (issue 11)"
    ),
    "employers.sickness_risk_aversion": (
        "werkgevers wegen het onzekere risico van loondoorbetaling bij ziekte van werknemers "
        "uit de doelgroep te zwaar (SEO 2018 over de no-riskpolis; TNO 2017, argument van de "
        "bedrijfswaarde)"
    ),
    "employers.supervision_cost": (
        "extra begeleiding en aanpassingen voor een werknemer met een lage loonwaarde"
    ),
    "employers.unwilling_penalty": (
        "een werkgever die niet uit de doelgroep wil aannemen, neemt zo'n kandidaat alleen "
        "als die duidelijk beter is dan verwacht; in de orde van de begeleidings- en "
        "risicokosten die hij vreest"
    ),
    "employers.capacity_half_size": (
        "kleine vestigingen kunnen nauwelijks begeleiding missen; bij deze omvang wordt de "
        "helft van de begeleidingskosten van een lage loonwaarde opgevangen"
    ),
    "employers.experience_learning": (
        "TNO 2017: werkgevers zien mogelijkheden zodra die getoond worden; één plaatsing die "
        "standhield neemt ongeveer twee derde van het extra ervaren risico weg"
    ),
    "employers.experience_months": "Divosa 2014: de meeste terugval gebeurt in het eerste jaar",
    "employers.conversion_chance": (
        "een werkgever van wie de geplaatste werknemer bleef, wordt waarschijnlijk bereidwillig"
    ),
    "employers.disillusion_chance": (
        "een mislukte plaatsing doet een deel van de bereidwillige werkgevers afhaken"
    ),
    "employers.inclusion_value": (
        "de waarde die een bereidwillige werkgever hecht aan aannemen uit de doelgroep "
        "(quotum van de banenafspraak, social return bij aanbestedingen, reputatie, de eigen "
        "missie); 0,60 (was 0,15) opnieuw gekalibreerd op de uitstroom uit de bijstand naar "
        "werk nu aannames van bereidwillige werkgevers komen in plaats van uit "
        "inschattingsfouten (issue 11)"
    ),
    "employers.slack_share": (
        "TNO 2017: bedrijven die elk net iets te weinig werk hebben voor een volledige baan; "
        "geen cijfers gevonden"
    ),
    "employers.pressure_mean": (
        "werkdruk van een gewone baan op dezelfde schaal van 0 tot 1 als veerkracht"
    ),
    "employers.size_spread": "veel eenmanszaken en een paar grote werkgevers",
    "employers.pressure_concentration": (
        "banen verschillen ongeveer evenveel in werkdruk als mensen in veerkracht"
    ),
    "employers.openness_min": (
        "een inclusieve werkgever is minstens half zo open als de meest open werkgever; SCP "
        "2019: werkgevers verschillen sterk, bereidheid is een eigenschap van sommigen"
    ),
    "employers.slack_min": (
        "TNO 2017: bedrijven met net te weinig werk voor nog een baan; geen cijfers gevonden"
    ),
    "employers.slack_max": "zie 'Minste restwerk'",
    "employers.layoff_band": (
        "werkgevers ontslaan pas als ze duidelijk te groot zijn, niet om één persoon"
    ),
    "employers.external_establishment_size": (
        "grotere bedrijven in de werkgebieden buiten de regio (rond Amsterdam) dan in "
        "Flevoland, waar veel vestigingen eenmanszaken zijn"
    ),
    "employers.expected_job_months": (
        "werkgevers waarderen een subsidie over de drie jaar dat ze een nieuwe baan verwachten "
        "te laten duren"
    ),
    "employers.demand_persistence": (
        "afwijkingen in de vraag van een werkgever ebben weg in ongeveer twee jaar"
    ),
    "employers.demand_noise": "eigen maandelijkse vraagschokken van vestigingen",
    "employers.sector_growth": (
        "vlakke trend; het aantal banen in Flevoland groeide bescheiden in 2015-17"
    ),
    "employers.sector_cycle_sd": "de vraag per sector beweegt met een blijvende toevallige cyclus",
    "employers.sector_persistence": "conjunctuurgolven per sector van enkele jaren",
    "health.target_group_sickness_factor": (
        "mensen met een arbeidsbeperking worden ongeveer twee keer zo vaak ziek"
    ),
    "health.sickness_heterogeneity": (
        "sommige mensen worden veel vaker ziek dan anderen; het gemiddelde risico blijft gelijk"
    ),
    "health.recovery_rate": "de meeste ziekteperiodes zijn binnen een paar maanden voorbij",
    "schools.duration_months": "korte beroepsopleidingen voor volwassenen (MBO-certificaten)",
    "schools.forecast_responsiveness": (
        "scholen verschuiven opleidingen duidelijk naar sectoren waarvoor groei voorspeld wordt"
    ),
    "schools.forecast_accuracy": (
        "1 = de prognose is gelijk aan de toekomstige vraag, 0 = puur toeval"
    ),
    "schools.forecast_noise_min_sds": (
        "de fout van de prognose is ten minste drie maandelijkse sectorschokken ('Vraagschokken "
        "per sector'), zodat een prognose niet toevallig bijna perfect is als de werkelijke "
        "groei nauwelijks per sector verschilt"
    ),
    "schools.wage_value_gain": "een afgeronde opleiding verhoogt de productiviteit een beetje",
    "schools.cost_per_month": "kosten van een beroepsopleiding voor volwassenen",
    "schools.months_out_kept_share": (
        "na een afgeronde opleiding kijkt een werkgever over de helft van de tijd zonder werk "
        "heen (de lagere verwachte productiviteit en de afname van de zoekintensiteit hangen af "
        "van de maanden zonder werk)"
    ),
    "schools.ww_min_months_out": (
        "WW-ontvangers zoeken eerst zelf; na een paar maanden zonder baan wordt een opleiding "
        "aangeboden"
    ),
    "finance.ww_benefit_eur_month": "70-75% van een bescheiden laatstverdiend loon",
    "service_point.brokered_per_10k_sa": (
        "het Werkgeversservicepunt draagt in een regio van deze omvang een paar honderd "
        "kandidaten per jaar voor"
    ),
    "synthetic_region.mean_population": (
        "een kleine gemeente (de zes gemeenten van Flevoland hebben gemiddeld ~67.000 "
        "inwoners), zodat testregio's snel worden opgebouwd; de cijfers per inwoner zijn die "
        "van Flevoland"
    ),
    "synthetic_region.size_spread": (
        "gemeenten verschillen ongeveer zoveel in omvang als die van Flevoland (Urk 19.987 tot "
        "Almere 198.145 inwoners)"
    ),
    "synthetic_region.min_population": (
        "de kleinste getrokken gemeente heeft nog een paar inwoners in elke toestand (werk, WW, "
        "bijstand, zonder uitkering)"
    ),
    "synthetic_region.jobs_spread": (
        "het aantal banen per inwoner verschilt matig tussen gemeenten (Flevoland 0,40 tot 0,54)"
    ),
    "synthetic_region.sector_concentration": (
        "de sectorverdeling van gemeenten wijkt een beetje af van de landelijke verdeling"
    ),
    "synthetic_region.km_per_municipality": (
        "een compacte regio: met verbindingen naar de twee dichtstbijzijnde buren duren de "
        "meeste reizen minder dan een half uur"
    ),
    "synthetic_region.external_distance_km": (
        "werkgebieden buiten de regio liggen er net voorbij, zoals Groot-Amsterdam voorbij Almere"
    ),
    "synthetic_region.road_factor": "wegen zijn ongeveer een derde langer dan de rechte lijn",
    "synthetic_region.speed_kmh": "gemiddelde snelheid met de auto over regionale wegen",
    "synthetic_region.access_minutes": "van en naar de auto of de halte",
    "policies.wage_subsidy.awareness": (
        "SCP 2017: 11% van de organisaties gebruikte loonkostensubsidie of loondispensatie; "
        "meer werkgevers kennen het dan er gebruik van maken"
    ),
    "policies.wage_subsidy.allowance_share": (
        "de vergoeding voor werkgeverskosten (forfaitaire werkgeverskosten) is van deze orde"
    ),
    "policies.wage_subsidy.rejudge_at_end": (
        "als een subsidie stopt terwijl de werknemer het minimumloon nog niet kan verdienen "
        "(een tijdelijke subsidie loopt af, het beleid stopt), weegt de werkgever de werknemer "
        "tegen de volle loonkosten"
    ),
    "policies.wage_subsidy.push_share": (
        "een duwtje in de orde van een derde van de loonkosten gedurende enkele maanden"
    ),
    "policies.wage_subsidy.on_job_learning": (
        "gesubsidieerde werknemers worden op de werkplek wat productiever"
    ),
    "policies.no_risk_policy.max_wage_value": (
        "het doelgroepregister bevat mensen die het minimumloon niet kunnen verdienen"
    ),
    "policies.work_pools.join_share": "geen cijfers over werkpools",
    "policies.work_pools.max_member_minutes": (
        "deelnemers moeten binnen reisafstand van elkaar liggen"
    ),
    "policies.work_pools.coordination_cost_eur_month": (
        "planning en reizen tussen deelnemers, betaald door de gemeente"
    ),
    "policies.work_pools.coordination_subsidy_share": "de gemeente draagt de coördinatiekosten",
    "policies.work_pools.separation_factor": (
        "een pool spreidt het risico dat het restwerk van één deelnemer wegvalt"
    ),
    "policies.root_ball.intensity": ("1,0 = ongeveer 8 uur jobcoaching per week aan het begin"),
    "policies.root_ball.duration_months": (
        "jobcoaching van het UWV loopt meestal tot een paar jaar, intensief in het eerste jaar"
    ),
    "policies.root_ball.relapse_reduction": (
        "sterke begeleiding brengt het risico op vroege terugval ruwweg terug tot een derde"
    ),
    "policies.root_ball.search_boost": "het programma zoekt actief naar werkgevers",
    "policies.root_ball.cost_per_person_month_eur": (
        "~8 uur jobcoaching per week tegen ~35 euro per uur plus begeleiding van de werkgever"
    ),
    "policies.root_ball.preparation_months": (
        "zo lang als een korte beroepsopleiding ('Duur van een opleiding')"
    ),
    "policies.root_ball.preparation_intake_share": (
        "een programma dat ongeveer een derde van de kandidaten die klaar zijn per jaar opneemt"
    ),
    "policies.root_ball.preparation_pressure_relief": (
        "het werk en de werkgever kennen neemt ongeveer een kwart van de gemiddelde werkdruk "
        "weg ('Gemiddelde werkdruk' 0,55)"
    ),
    "policies.root_ball.preparation_cost_per_person_month_eur": (
        "een opleiding ('Kosten van een opleiding' 600 euro) plus begeleiding bij de plaatsing"
    ),
    "policies.root_ball.preparation_host_relief": (
        "aangenomen (gekozen vóór het meten): bekende collega's, leidinggevende en werkplek "
        "bovenop het kennen van het werk (lagere werkdruk na voorbereiding 0,15), iets minder "
        "dan dat; samen 0,25, minder dan de helft van de gemiddelde werkdruk (0,55)"
    ),
    "policies.root_ball.preparation_fade_months": (
        "wat iemand in een voorbereiding van zes maanden oefent en het contact met de "
        "toekomstige werkgever ebben binnen ongeveer een jaar zonder dat werk weg; algemene "
        "vaardigheden slijten zonder werk langzamer (Edin & Gustavsson 2008)"
    ),
    "policies.root_ball.sick_risk_relief": (
        "de begeleiding van de werkgever door het programma (en de terugkeergarantie) halveert "
        "het risico op loondoorbetaling bij ziekte dat een werkgever ziet in een kandidaat uit "
        "de sociale werkvoorziening"
    ),
    "policies.root_ball.group_relapse_effect": (
        "TNO 2017: samen met een collega overstappen helpt; elke extra persoon in de groep "
        "verlaagt het risico op terugval met ongeveer een achtste"
    ),
    "policies.root_ball.group_cost_share": (
        "een groep heeft eigen coördinatie nodig bovenop de persoonlijke begeleiding"
    ),
    "policies.job_coaching.hours_per_week": (
        "een paar uur begeleiding per week in de eerste maanden"
    ),
    "policies.job_coaching.awareness": (
        "jobcoaching wordt per plaatsing geregeld; werkgevers die het kennen rekenen erop, "
        "anderen horen ervan via het servicepunt of een begeleide plaatsing"
    ),
    "policies.job_coaching.relapse_reduction_per_hour": "een bescheiden effect per uur begeleiding",
    "policies.job_coaching.cost_per_hour_eur": "uurtarief van een jobcoach",
    "policies.job_coaching.full_relief_hours": (
        "ongeveer een werkdag begeleiding per week dekt wat een jobcoach kan overnemen "
        "('Intensiteit' 1 van de overstap met de kluit betekent dezelfde 8 uur)"
    ),
    "policies.job_coaching.supervision_relief": (
        "een jobcoach neemt ongeveer de helft over van de extra begeleiding die een geplaatste "
        "werknemer nodig heeft; de werkgever houdt de dagelijkse aansturing"
    ),
    "policies.forecasting.accuracy": "werkgevers kennen hun eigen groei op korte termijn vrij goed",
    "policies.forecasting.cost_eur_per_year": (
        "een regionaal monitoringsteam (FIRE stap 3, TNO 2017)"
    ),
    "policies.career_paths.paths": "bij schaal 1",
    "policies.career_paths.wage_value_gain": "een stap met scholing verhoogt de productiviteit",
    "policies.career_paths.cost_per_step_eur": "scholing en coördinatie",
    "policies.moral_appeal.openness": (
        "TNO 2017 noemt een moreel appel onvoldoende: het verandert de business case niet, en "
        "de werkgevers die het overtuigt zijn het minst open"
    ),
    "policies.moral_appeal.cost_eur_per_year": "campagne en accountmanagement (bij schaal 1)",
}

#: plain English where the registry's explanation names a key, an option or a file
EN_DOC: dict[str, str] = {
    "policies.root_ball.preparation_host_relief": (
        "Extra lower felt pressure in a job at the host of the work placement (known colleagues, "
        "supervisor and workplace); fades with waiting like the lower pressure in the sector."
    ),
    "run.burn_in_policies": (
        "Instruments during the burn-in: today's policy (the same in every scenario) or the "
        "scenario's own instruments (for a world that never had today's policy)."
    ),
    "run.burn_in_scenario": (
        "Scenario file (relative to this one) whose settings the burn-in uses instead of this "
        "scenario's (empty = this scenario); the settings of the run itself always come from "
        "this scenario."
    ),
    "run.region": (
        "A built-in region (Flevoland) or a region file with municipalities and links, "
        "relative to the scenario file."
    ),
    "labour_market.no_benefit_exit_after_months": (
        "Months without work or benefit after which the chance of leaving after long without "
        "work or benefit applies."
    ),
    "labour_market.sa_readiness_loss_after_months": (
        "Months out of work after which a bijstand recipient who searches can stop searching "
        "(at the chance of stopping the search on bijstand)."
    ),
    "matching.textbook": (
        "Textbook matching for the theory check: every searcher sends exactly one application "
        "to a uniformly random open vacancy anywhere, and employers accept every applicant. "
        "Combine with constant rates (the scenario of the textbook check)."
    ),
    "employers.slack_min": (
        "Least spare work of an employer with slack (uniform between the least and the most "
        "spare work)."
    ),
    "health.sickness_heterogeneity": (
        "Spread of the individual sickness hazard around the chance of falling ill "
        "(lognormal, mean preserved)."
    ),
    "schools.forecast_noise_min_sds": (
        "Least standard deviation of the noise in the forecast schools use, as a multiple of "
        "the demand shocks per sector (otherwise the spread of the true growth across sectors)."
    ),
    "policies.wage_subsidy.budget_eur_per_year": (
        "Yearly budget cap (for the whole population; scaled with the simulated share): no "
        "new subsidised hires once the year's spending and the running subsidies reach it, "
        "and when it is spent the running subsidies end."
    ),
    "forecasting.employer_survey": (
        "Spreadsheet (CSV) of the growth and spare work employers expect per municipality and "
        "sector (format: the employers' survey file below), relative to the scenario file; "
        "empty: none."
    ),
}

#: option values of ``choices`` parameters -> (English, Dutch)
CHOICES: dict[str, tuple[str, str]] = {
    "status_quo": (
        "today's policy (the same in every scenario)",
        "het huidige beleid (in elk scenario gelijk)",
    ),
    "scenario": ("the scenario's own instruments", "de eigen instrumenten van het scenario"),
    "sheltered_and_social_assistance": (
        "sheltered work and bijstand",
        "sociale werkvoorziening en bijstand",
    ),
    "sheltered": ("sheltered work", "sociale werkvoorziening"),
    "social_assistance": ("bijstand", "bijstand"),
}

#: sections of the editor -> (English, Dutch); instruments are named by their own title
SECTIONS: dict[str, tuple[str, str]] = {
    "run": ("The run", "De simulatie"),
    "population": ("Population", "Bevolking"),
    "demography": ("Coming and going", "Komen en gaan"),
    "labour_market": ("Labour market and benefits", "Arbeidsmarkt en uitkeringen"),
    "matching": ("Searching and hiring", "Zoeken en aannemen"),
    "employers": ("Employers", "Werkgevers"),
    "health": ("Sickness", "Ziekte"),
    "schools": ("Training", "Scholing"),
    "finance": ("Money", "Geld"),
    "sheltered": ("Sheltered work", "Beschut werk"),
    "service_point": ("Employer service point", "Werkgeversservicepunt"),
    "forecasting": ("Employers' expectations", "Verwachtingen van werkgevers"),
    "synthetic_region": ("Synthetic test region", "Kunstmatige testregio"),
}

#: names from the region and model data -> (English, Dutch): sectors, places, shocks
NAMES: dict[str, tuple[str, str]] = {
    "sector.agriculture": ("agriculture", "landbouw"),
    "sector.industry": ("industry", "industrie"),
    "sector.construction": ("construction", "bouw"),
    "sector.trade": ("trade", "handel"),
    "sector.logistics": ("logistics", "vervoer en opslag"),
    "sector.hospitality": ("hospitality", "horeca"),
    "sector.business_services": ("business services", "zakelijke dienstverlening"),
    "sector.care_public": ("care, education and government", "zorg, onderwijs en overheid"),
    "place.greater_amsterdam": ("Greater Amsterdam", "Groot-Amsterdam"),
    "shock.reshoring": ("production brought back to the region", "productie terug naar de regio"),
    "shock.recession": ("a recession", "een recessie"),
    "shock.new_product_line": ("a new product line", "een nieuwe productlijn"),
    "shock.demand": ("a change in demand", "een verandering in de vraag"),
    "shock.policy_stop": ("an instrument stops", "een instrument stopt"),
}
