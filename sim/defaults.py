"""Behavioural and institutional defaults, each with its unit and source.

Sources refer to ``docs/sources.md`` (the project's sourced domain figures). ``assumed`` marks a
value that was not found there, with the reasoning; ``calibrate=True`` marks the assumed behavioural
parameters that ``kluit calibrate`` fits to the calibration targets.
"""

from __future__ import annotations

from sim.schema import Param, _p

PARAMS: list[Param] = [
    # --- population at month 0 ------------------------------------------------------------
    _p(
        "population.search_ready_share",
        0.35,
        "share of bijstand recipients",
        "SCP 2019: municipalities judge ~60% of recipients unable to work in the foreseeable "
        "future (docs/sources.md), so 40% search actively",
        "Share of social-assistance recipients who actively search for work.",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "population.sa_full_capacity_share",
        0.30,
        "share of bijstand recipients",
        "assumed: short-term recipients with a full wage value; chosen so that the mean wage "
        "value of the rest is near Divosa's 51% for subsidy users (docs/sources.md)",
        "Share of social-assistance recipients whose wage value is at least the minimum wage.",
        lo=0.0,
        hi=1.0,
        calibrate=True,
    ),
    _p(
        "population.sa_long_duration_share",
        0.75,
        "share of bijstand recipients",
        "assumed: the model's own steady state has about three quarters of the stock more "
        "than three years out of work (months out of work, not time on benefits; the burn-in "
        "corrects the rest); CBS 2016: ~1/3 on benefits for 5+ years (docs/sources.md)",
        "Share of month-0 recipients drawn with more than three years out of work (before the "
        "burn-in).",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "population.sa_wage_value_mean",
        0.55,
        "share of the minimum wage",
        "Divosa 2017: average assessed wage value 51%, mostly 50-75% (docs/sources.md)",
        "Mean wage value of recipients below full capacity (Beta distributed).",
        lo=0.05,
        hi=1.0,
    ),
    _p(
        "population.sw_wage_value_mean",
        0.40,
        "share of the minimum wage",
        "assumed: sheltered-work participants have lower wage values than bijstand recipients "
        "(Wsw jaarrapport 2016: 36% intellectual, 32% psychological disability)",
        "Mean wage value of sheltered-work participants (Beta distributed).",
        lo=0.05,
        hi=1.0,
    ),
    _p(
        "population.sw_transition_ready_share",
        0.15,
        "share of Wsw participants",
        "Wsw jaarrapport 2016: 6.5% already at a regular employer, 17.1% individual secondment; "
        "Koot & Desczka 2009: ~half assessed able to do supported employment "
        "(docs/sources.md); assumed 15% would try a regular job (25% before issue 12: with the "
        "status quo's wage subsidy and no-risk policy that emptied the Wsw at ~10% a year)",
        "Share of sheltered-work participants who look for a regular job.",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "population.worker_wage_value_median",
        1.6,
        "share of the minimum wage",
        "assumed: median gross wage about 1.6 times the 2017 minimum wage",
        "Median wage value (productivity) of regular workers (lognormal).",
        lo=1.0,
        hi=5.0,
    ),
    _p(
        "population.worker_wage_value_sd",
        0.4,
        "sd of log wage value",
        "assumed: wages of regular workers spread over roughly 0.7 to 3.5 times the median",
        "Spread of the wage value of regular workers (lognormal).",
        lo=0.0,
        hi=3.0,
    ),
    _p(
        "population.max_wage_value",
        8.0,
        "share of the minimum wage",
        "assumed: the highest productivity drawn, eight minimum wages",
        "Upper bound of drawn wage values of workers and persons without benefit.",
        lo=1.0,
        hi=100.0,
    ),
    _p(
        "population.no_benefit_wage_value_median",
        1.2,
        "share of the minimum wage",
        "assumed: the unemployed without benefit (school leavers, returners) earn a little above "
        "the minimum wage",
        "Median wage value of persons without job or benefit (lognormal, at least 0.8).",
        lo=0.1,
        hi=5.0,
    ),
    _p(
        "population.no_benefit_wage_value_sd",
        0.3,
        "sd of log wage value",
        "assumed: less spread than among workers",
        "Spread of the wage value of persons without job or benefit.",
        lo=0.0,
        hi=3.0,
    ),
    _p(
        "population.no_benefit_min_wage_value",
        0.8,
        "share of the minimum wage",
        "assumed: people without job or benefit who search can earn close to the minimum "
        "wage (those far below it are on bijstand or in sheltered work)",
        "Lowest wage value drawn for persons without job or benefit.",
        lo=0.0,
        hi=5.0,
    ),
    _p(
        "population.sa_full_wage_value_median",
        1.1,
        "share of the minimum wage",
        "assumed: recipients with a full wage value are just above the minimum wage",
        "Median wage value of bijstand recipients with full capacity (lognormal, 1 to 3).",
        lo=1.0,
        hi=3.0,
    ),
    _p(
        "population.sa_full_wage_value_sd",
        0.15,
        "sd of log wage value",
        "assumed: little spread",
        "Spread of the wage value of bijstand recipients with full capacity.",
        lo=0.0,
        hi=3.0,
    ),
    _p(
        "population.sa_full_wage_value_max",
        3.0,
        "share of the minimum wage",
        "assumed: a bijstand recipient with full capacity earns at most three minimum wages",
        "Highest wage value drawn for bijstand recipients with full capacity (the lowest is 1, "
        "the minimum wage, by definition of full capacity).",
        lo=1.0,
        hi=10.0,
    ),
    _p(
        "population.wage_value_concentration",
        8.0,
        "Beta concentration (a + b)",
        "Divosa 2017 (docs/sources.md): wage values mostly 50-75%; 8 puts about two thirds of "
        "them within 0.2 of the mean",
        "Concentration of the Beta distributions of wage value below the minimum wage (bijstand, "
        "sheltered work; higher: less spread).",
        lo=0.1,
        hi=1000.0,
    ),
    _p(
        "population.full_capacity_readiness_factor",
        1.5,
        "relative",
        "assumed: recipients with a full wage value are more often ready to search; the overall "
        "share stays population.search_ready_share",
        "How much likelier a bijstand recipient with full capacity is to search than the "
        "average recipient.",
        lo=1.0,
        hi=10.0,
    ),
    _p(
        "population.resilience_mean_employed",
        0.67,
        "0-1 scale",
        "assumed: people in work (or just out of it, on WW) take the pressure of a regular job "
        "above its mean pressure (employers.pressure_mean)",
        "Mean resilience of employed and WW persons (Beta distributed).",
        lo=0.01,
        hi=0.99,
    ),
    _p(
        "population.resilience_mean_no_benefit",
        0.62,
        "0-1 scale",
        "assumed: between workers and benefit recipients",
        "Mean resilience of persons without job or benefit (Beta distributed).",
        lo=0.01,
        hi=0.99,
    ),
    _p(
        "population.resilience_mean_social_assistance",
        0.50,
        "0-1 scale",
        "assumed: below the mean job pressure (0.55): SCP 2019, most recipients have a large "
        "distance to work (docs/sources.md)",
        "Mean resilience of bijstand recipients (Beta distributed).",
        lo=0.01,
        hi=0.99,
    ),
    _p(
        "population.resilience_mean_sheltered",
        0.42,
        "0-1 scale",
        "assumed: lowest; TNO 2017 (docs/sources.md): people who do well in sheltered work "
        "relapse at a private firm because they cannot take the pressure",
        "Mean resilience of sheltered-work participants (Beta distributed).",
        lo=0.01,
        hi=0.99,
    ),
    _p(
        "population.resilience_concentration",
        7.5,
        "Beta concentration (a + b)",
        "assumed: resilience varies moderately among workers (sd ~0.16 at mean 0.67)",
        "Concentration of the Beta distribution of resilience of workers and persons without "
        "benefit (higher: less spread).",
        lo=0.1,
        hi=1000.0,
    ),
    _p(
        "population.target_resilience_concentration",
        6.0,
        "Beta concentration (a + b)",
        "assumed: resilience varies more in the target group (sd ~0.19)",
        "Concentration of the Beta distribution of resilience of bijstand recipients and "
        "sheltered-work participants.",
        lo=0.1,
        hi=1000.0,
    ),
    _p(
        "population.skilled_wage_value",
        1.3,
        "share of the minimum wage",
        "assumed: a productivity of 1.3 minimum wages marks a middle skill level (MBO 2-4)",
        "Wage value from which a person counts as skilled (skill level 1); training that lifts "
        "the wage value above it raises the level.",
        lo=0.0,
        hi=10.0,
    ),
    _p(
        "population.highly_skilled_wage_value",
        2.0,
        "share of the minimum wage",
        "assumed: twice the minimum wage marks a high skill level (HBO and up)",
        "Wage value from which a person counts as highly skilled (skill level 2).",
        lo=0.0,
        hi=20.0,
    ),
    _p(
        "population.sa_short_mean_months",
        12.0,
        "months",
        "assumed: a start near the model's own steady state, which the burn-in then settles; "
        "44% of recipients leave within a year (docs/sources.md)",
        "Mean months out of work (geometric) of the month-0 recipients drawn with a short spell.",
        lo=1.0,
        hi=360.0,
    ),
    _p(
        "population.sa_long_mean_months",
        120.0,
        "months",
        "assumed: past three years exit is ~8% a year (docs/sources.md), so the remaining time "
        "is about exponential with a mean of the order of ten years",
        "Mean months beyond three years out of work (geometric) of the month-0 recipients "
        "drawn with a long spell.",
        lo=1.0,
        hi=480.0,
    ),
    _p(
        "population.sa_long_threshold_months",
        36,
        "months",
        "CBS 2008/14 (docs/sources.md): duration classes of bijstand with a yearly exit of ~8% "
        "for more than three years on benefits",
        "Months out of work from which a month-0 recipient's spell counts as long (drawn as "
        "this plus the geometric excess).",
        lo=0,
        hi=600,
    ),
    _p(
        "population.sa_max_initial_months_out",
        480,
        "months",
        "assumed: a working life of about forty years bounds the drawn time out of work",
        "Longest time out of work drawn for a month-0 bijstand recipient.",
        lo=1,
        hi=600,
    ),
    _p(
        "population.max_initial_tenure_months",
        120,
        "months",
        "assumed: tenures at month 0 spread evenly over up to ten years",
        "Jobs held at month 0 started between 1 and this many months earlier (uniform).",
        lo=2,
        hi=600,
    ),
    _p(
        "population.max_initial_months_out",
        12,
        "months",
        "assumed: WW recipients and the unemployed without benefit are out of work less than "
        "a year at month 0 (WW lasts at most 24 months)",
        "Months out of work at month 0 of WW recipients and persons without benefit: uniform "
        "from 0 to this minus one.",
        lo=1,
        hi=120,
    ),
    _p(
        "population.ties_per_person",
        4,
        "persons",
        "assumed: a handful of close ties within the home municipality that pass on vacancies",
        "Social ties per person, used for referrals.",
        lo=0,
        hi=20,
    ),
    _p(
        "population.unemployed_share",
        16_000 / 218_000,
        "share of the labour force",
        "CBS 83524NED 2016: 16,000 unemployed in Flevoland's labour force of 218,000 "
        "(docs/sources.md)",
        "Unemployed share of the labour force used when a region gives no unemployment figure.",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "population.min_resident_job_share",
        0.05,
        "share of internal jobs",
        "assumed: a floor for regions whose jobs far exceed their employed residents, so "
        "every employer keeps resident staff (Flevoland's residents hold most of its jobs: "
        "docs/sources.md, commuting)",
        "Least share of the jobs located in the region that residents hold at month 0 (the "
        "rest are held by in-commuters, not simulated).",
        lo=0.0,
        hi=1.0,
    ),
    # --- demography -------------------------------------------------------------------------
    _p(
        "demography.exit_rate_employed",
        0.0020,
        "1/month",
        "assumed: retirement and migration out of the region, ~2.4% of workers a year",
        "Monthly hazard that an employed person leaves the labour force for good.",
        lo=0.0,
        hi=0.1,
    ),
    _p(
        "demography.exit_rate_social_assistance",
        0.0040,
        "1/month",
        "assumed: part of the 'other' bijstand outflow (retirement, moving away; CBS 83450NED "
        "total outflow 22%/yr, to work 10.5%/yr, docs/sources.md)",
        "Monthly hazard that a bijstand recipient leaves the region's labour force for good.",
        lo=0.0,
        hi=0.1,
        calibrate=True,
    ),
    _p(
        "demography.exit_rate_sheltered",
        0.0025,
        "1/month",
        "Wsw stock -5.1%/yr, ~2/3 of outflow death, retirement or long sickness "
        "(docs/sources.md): 0.667 * 5.1%/12 = 0.0028, of which the model's long sickness "
        "(health.*) takes a part; 0.0025 since issue 12 (was 0.0030)",
        "Monthly hazard that a sheltered-work participant retires, dies or falls out sick.",
        lo=0.0,
        hi=0.1,
    ),
    _p(
        "demography.entry_rate",
        1.0,
        "entrants per leaver",
        "assumed: school leavers and movers replace those who leave the labour force "
        "(retirement, moving, long sickness, people without work or benefit who stop "
        "searching), so the labour force stays near 218k (CBS 83524NED, docs/sources.md); "
        "a fixed share of the labour force (0.23%/month before issue 12) let it shrink over "
        "a long run",
        "New entrants per person who left the labour force for good in the previous month "
        "(1 keeps its size; 0 = no entrants).",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "demography.entry_social_assistance_share",
        0.08,
        "share of entrants",
        "assumed: entrants who start on bijstand (young people without work, divorce); "
        "together with WW exhaustion gives bijstand inflow ~24.5%/yr (CBS 83450NED)",
        "Share of new entrants who enter straight into social assistance.",
        lo=0.0,
        hi=1.0,
        calibrate=True,
    ),
    # --- jobs: separations and relapse ----------------------------------------------------
    _p(
        "labour_market.separation_rate",
        0.0070,
        "1/month",
        "derived: u* = s/(s+f) with u = 7.2% (CBS 83524NED 2016) and f = 8.4%/month (CBS 2017: "
        "23% a quarter) gives s ~ 0.65%/month (docs/sources.md); 0.70% after hand calibration "
        "(Nov 2026, see docs/validation.md)",
        "Monthly hazard that a regular job ends (quit or dismissal into unemployment).",
        lo=0.0,
        hi=0.5,
        calibrate=True,
    ),
    _p(
        "labour_market.ww_min_tenure_months",
        6,
        "months",
        "WW (Werkloosheidswet), the wekeneis: 'you have worked at least 26 of the 36 weeks "
        "before you became unemployed' (UWV; docs/sources.md); 26 weeks ~ 6 months of the "
        "current job",
        "Months in the job a job loser needs for unemployment benefit (WW); placed workers "
        "from bijstand included.",
        lo=0,
        hi=120,
    ),
    _p(
        "labour_market.ww_history_months",
        48,
        "months",
        "WW, the arbeidsverledeneis: benefit beyond the 3-month minimum only after paid work "
        "in at least 4 of the last 5 years (UWV; docs/sources.md)",
        "Months of work a placed worker needs for WW beyond 3 months (shorter: 3 months).",
        lo=0,
        hi=600,
    ),
    _p(
        "labour_market.ww_eligible_share",
        0.85,
        "share of job losers",
        "assumed: among those who meet the wekeneis, most are entitled (not culpably "
        "unemployed, available for work)",
        "Share of job losers meeting the wekeneis who receive WW.",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "labour_market.placed_job_loss_to_sa_share",
        0.7,
        "share of job losers",
        "assumed: of the workers placed from bijstand who lose a job without WW, part pass the "
        "means test again; the rest have a partner's income or another benefit (CBS cohort "
        "2021: 9% back on bijstand after 18 months, docs/sources.md)",
        "Share of placed workers losing their job without WW who return to bijstand (the rest "
        "go without benefit).",
        lo=0.0,
        hi=1.0,
        calibrate=True,
    ),
    _p(
        "labour_market.placed_other_exit_rate",
        0.008,
        "1/month",
        "assumed: CBS cohort 2021 (docs/sources.md): of those who left bijstand for work, "
        "about 19% neither work nor receive bijstand 18 months later (other benefits, partner "
        "income, moved, studying)",
        "Monthly hazard that a worker placed from bijstand leaves the region's labour force "
        "for another reason (another benefit, study, moving away).",
        lo=0.0,
        hi=0.2,
        calibrate=True,
    ),
    _p(
        "labour_market.ww_max_months",
        24,
        "months",
        "WW lasts 3 to 24 months depending on work history (since 2016)",
        "Longest WW duration; each spell draws a duration from 3 to this.",
        lo=3,
        hi=38,
    ),
    _p(
        "labour_market.ww_to_social_assistance_share",
        0.30,
        "share of WW exhaustions",
        "assumed: part of those whose WW ends without a job pass the means test for bijstand",
        "Share of exhausted WW spells that continue on social assistance.",
        lo=0.0,
        hi=1.0,
        calibrate=True,
    ),
    _p(
        "labour_market.sa_other_exit_rate",
        0.0080,
        "1/month",
        "CBS 83450NED: outflow 22%/yr of which 10.5% to work (docs/sources.md); the remaining "
        "~11.5%/yr minus permanent exits leaves via partner income or other reasons; 0.0080 "
        "after re-calibration of the status quo's steady state (issue 12; 0.0075 in issue 11, "
        "0.0060 before)",
        "Monthly hazard of leaving bijstand for other reasons (partner income, assets, moving "
        "between regions) while staying in the labour force.",
        lo=0.0,
        hi=0.2,
        calibrate=True,
    ),
    _p(
        "labour_market.no_benefit_to_sa_rate",
        0.04,
        "1/month",
        "Divosa monitor 2014: of all exits, 15%/22%/30% back within 6/12/24 months "
        "(docs/sources.md); "
        "assumed hazard for those without benefit",
        "Monthly hazard that a person without benefit or job who had bijstand before "
        "reapplies for it.",
        lo=0.0,
        hi=0.5,
        calibrate=True,
    ),
    _p(
        "labour_market.no_benefit_to_sa_rate_first",
        0.01,
        "1/month",
        "assumed: people without benefit who never had bijstand (school leavers, partners) "
        "apply less often and fail the means test more often than former recipients; with "
        "the other inflows gives bijstand inflow ~24.5-29%/yr (CBS 83450NED, Divosa 2017, "
        "docs/sources.md)",
        "Monthly hazard that a person without benefit or job who never had bijstand applies "
        "for it.",
        lo=0.0,
        hi=0.5,
        calibrate=True,
    ),
    _p(
        "labour_market.no_benefit_exit_rate",
        0.03,
        "1/month",
        "assumed: people without work or benefit for more than a year leave the labour force "
        "(study, care, discouraged; CBS counts only those who search as unemployed); CBS Q1 "
        "2017: of 277,000 job finders 169,000 came from outside the labour force, so the flows "
        "in and out of it are large (docs/sources.md)",
        "Monthly hazard that a person without work or benefit for more than 12 months leaves "
        "the labour force.",
        lo=0.0,
        hi=1.0,
        calibrate=True,
    ),
    _p(
        "labour_market.no_benefit_exit_after_months",
        12,
        "months",
        "assumed: after a year without work or benefit some stop searching (CBS Q1 2017: "
        "large flows in and out of the labour force, docs/sources.md)",
        "Months without work or benefit after which labour_market.no_benefit_exit_rate applies.",
        lo=0,
        hi=600,
    ),
    _p(
        "labour_market.sa_readiness_loss_rate",
        0.02,
        "1/month",
        "SCP 2019: municipalities judge ~60% of recipients unable to work in the foreseeable "
        "future (docs/sources.md); assumed hazard at which a searching recipient with more "
        "than a year on benefits comes to count among them, keeping that share stable over "
        "long runs",
        "Monthly hazard that a searching bijstand recipient (> 12 months) stops searching.",
        lo=0.0,
        hi=1.0,
        calibrate=True,
    ),
    _p(
        "labour_market.sa_readiness_loss_after_months",
        12,
        "months",
        "assumed: SCP 2019 (docs/sources.md): the distance to work grows with time on "
        "benefits; a searching recipient can stop after a year out of work",
        "Months out of work after which a searching bijstand recipient can stop searching "
        "(labour_market.sa_readiness_loss_rate).",
        lo=0,
        hi=600,
    ),
    _p(
        "labour_market.sa_entry_not_ready_share",
        0.4,
        "share of new bijstand spells",
        "assumed: many who start on bijstand are not ready to work at first (divorce, health, "
        "debts; Divosa 2024: young entrants more often have multiple problems, "
        "docs/sources.md); with the readiness flows it keeps ~60% of the stock not searching "
        "(SCP 2019)",
        "Share of new bijstand spells (from work, WW, no benefit or entry) that start without "
        "searching; the rest search.",
        lo=0.0,
        hi=1.0,
        calibrate=True,
    ),
    _p(
        "labour_market.sa_readiness_gain_rate",
        0.007,
        "1/month",
        "SCP 2019: of the ~60% of recipients municipalities judge unable to work in the "
        "foreseeable future, half may work later (docs/sources.md); assumed hazard at which a "
        "recipient who does not search becomes able to again (problems with health, debts or "
        "care resolved)",
        "Monthly hazard that a bijstand recipient who does not search starts searching.",
        lo=0.0,
        hi=1.0,
        calibrate=True,
    ),
    _p(
        "labour_market.relapse_base_rate",
        0.03,
        "1/month",
        "Divosa monitor 2014: exits to work relapse <= 11% within 6 months (docs/sources.md); "
        "calibrated so placements from bijstand reach about that",
        "Monthly hazard that a placed target-group worker loses the job when job pressure "
        "equals resilience, at the start of the job.",
        lo=0.0,
        hi=0.5,
        calibrate=True,
    ),
    _p(
        "labour_market.relapse_pressure_slope",
        3.0,
        "log hazard per unit pressure gap",
        "assumed: TNO 2017 (docs/sources.md): people who do well in sheltered work relapse at a "
        "private firm because they cannot take the pressure",
        "How strongly the gap between job pressure and resilience raises the relapse hazard.",
        lo=0.0,
        hi=10.0,
        calibrate=True,
    ),
    _p(
        "labour_market.relapse_decay_months",
        12.0,
        "months",
        "Divosa monitor 2014: relapse levels off after 18-24 months (docs/sources.md)",
        "Time scale on which the extra relapse hazard of a new placement fades.",
        lo=0.5,
        hi=120.0,
    ),
    # --- search and matching --------------------------------------------------------------
    _p(
        "matching.applications_per_month",
        0.65,
        "applications per searcher per month",
        "assumed: calibrated so that unemployed people find work at ~8.4% a month (CBS 2017: "
        "23% a quarter, docs/sources.md) with ~3.5 unemployed per vacancy; 0.65 (was 0.45) "
        "since issue 11, when a smaller judgement error stopped employers from accepting "
        "weak cross-sector applicants by mistake",
        "Mean serious applications a ready jobseeker makes per month.",
        lo=0.0,
        hi=20.0,
        calibrate=True,
    ),
    _p(
        "matching.sa_search_intensity",
        0.75,
        "relative to the unemployed",
        "assumed: bijstand recipients who are ready search less intensively than WW "
        "recipients; 0.75 after re-calibration of the status quo's steady state to the "
        "bijstand outflow to work (issue 12; 0.7 in issue 11, 0.6 before)",
        "Search intensity of ready bijstand recipients relative to other unemployed.",
        lo=0.0,
        hi=2.0,
        calibrate=True,
    ),
    _p(
        "matching.sw_search_intensity",
        0.5,
        "relative to the unemployed",
        "assumed: few transition attempts from sheltered work in the baseline (Wsw jaarrapport: "
        "most work inside the sheltered company)",
        "Search intensity of transition-ready sheltered-work participants.",
        lo=0.0,
        hi=2.0,
    ),
    _p(
        "matching.search_decay_per_year",
        0.25,
        "1/year",
        "CBS 2008/14: exit 22%/yr in the first year vs 8%/yr after 3 years (docs/sources.md); part "
        "of this is selection, part discouragement",
        "Exponential decline of search intensity with years out of work.",
        lo=0.0,
        hi=5.0,
        calibrate=True,
    ),
    _p(
        "matching.scar_per_year",
        0.08,
        "1/year",
        "assumed: skills depreciate and employers read a long spell as a signal",
        "Exponential decline of expected productivity with years out of work.",
        lo=0.0,
        hi=2.0,
        calibrate=True,
    ),
    _p(
        "matching.own_sector_share",
        0.7,
        "share of applications",
        "assumed: most applications go to the person's own occupation/sector",
        "Share of applications sent to vacancies in the person's own sector.",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "matching.cross_sector_productivity",
        0.8,
        "share",
        "assumed: a worker outside their trained sector is less productive at first",
        "Productivity factor in another sector than the person's own.",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "matching.commute_decay_minutes",
        18.0,
        "minutes",
        "assumed: calibrated so that under half work in their own municipality (43% in 2007, "
        "docs/sources.md)",
        "Distance decay of job search: weight exp(-minutes/decay).",
        lo=1.0,
        hi=240.0,
        calibrate=True,
    ),
    _p(
        "matching.local_minutes",
        10.0,
        "minutes",
        "assumed: typical travel time within a municipality",
        "Travel time for a job in the home municipality.",
        lo=0.0,
        hi=120.0,
    ),
    _p(
        "matching.max_commute_minutes",
        75.0,
        "minutes",
        "assumed: beyond this one-way travel time people do not apply",
        "Commuting reach: no applications beyond this travel time.",
        lo=0.0,
        hi=600.0,
    ),
    _p(
        "matching.referral_boost",
        0.5,
        "relative",
        "assumed: referral through employed ties raises the chance of hearing of a vacancy",
        "Extra application intensity when all of a person's ties are employed.",
        lo=0.0,
        hi=5.0,
    ),
    _p(
        "matching.textbook",
        False,
        "switch",
        "Pissarides, Equilibrium Unemployment Theory (docs/sources.md, Theory)",
        "Textbook urn-ball matching for the theory check: every searcher sends exactly one "
        "application to a uniformly random open vacancy anywhere, and employers accept every "
        "applicant. Combine with constant rates (scenarios/validation/textbook.toml).",
    ),
    # --- employers -------------------------------------------------------------------------
    _p(
        "employers.wage_share_of_productivity",
        0.90,
        "share",
        "assumed: wages are about nine tenths of a worker's productivity (bargaining)",
        "Wage as a share of productivity, never below the minimum wage.",
        lo=0.1,
        hi=1.0,
    ),
    _p(
        "employers.assessment_noise",
        0.10,
        "minimum wages per month",
        "assumed: employers judge a candidate's value with some error (one interview), small "
        "beside the differences between employers (willingness, experience, capacity) and "
        "candidates (wage value, months out of work) that drive the decision (issue 11)",
        "Standard deviation of an employer's error in judging a candidate's value.",
        lo=0.0,
        hi=5.0,
        calibrate=True,
    ),
    _p(
        "employers.sickness_risk_aversion",
        3.0,
        "multiplier",
        "assumed: employers overweight the uncertain sick-pay risk of target-group workers "
        "(SEO 2018 on the no-risk policy; TNO 2017 business-value argument)",
        "How much employers inflate the expected sick-pay cost of a target-group candidate.",
        lo=0.0,
        hi=20.0,
        calibrate=True,
    ),
    _p(
        "employers.sick_pay_months",
        24,
        "months",
        "Dutch law: the employer continues wages for up to 104 weeks of sickness (docs/sources.md)",
        "Months of sick pay an employer carries for a worker who stays ill.",
        lo=0,
        hi=36,
    ),
    _p(
        "employers.supervision_cost",
        0.25,
        "minimum wages per month at wage value 0",
        "assumed: extra supervision and adjustments for a worker with a low wage value",
        "Employer's supervision cost, scaled by (1 - wage value).",
        lo=0.0,
        hi=2.0,
    ),
    _p(
        "employers.inclusive_share",
        0.61,
        "share of employers",
        "SCP 2019: 61% of employers say they are willing to hire from the target group, 59% "
        "make efforts (docs/sources.md)",
        "Share of employers willing to hire from the target group (a persistent trait).",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "employers.register_wage_value",
        1.0,
        "share of the minimum wage",
        "Participatiewet: the target-group register holds people who cannot earn the minimum "
        "wage (docs/sources.md)",
        "A bijstand recipient below this wage value is recognised as target group (inclusion "
        "value, reluctance, inflated sick-pay risk); above it the employer judges them as any "
        "other jobseeker.",
        lo=0.0,
        hi=10.0,
    ),
    _p(
        "employers.unwilling_penalty",
        0.20,
        "minimum wages per month",
        "assumed: an employer not willing to hire from the target group (39%, SCP 2019, "
        "docs/sources.md) takes such a candidate only when clearly better than expected; of "
        "the order of the supervision and risk costs it fears",
        "Value an unwilling employer subtracts from a target-group candidate.",
        lo=0.0,
        hi=5.0,
    ),
    _p(
        "employers.capacity_half_size",
        10.0,
        "jobs",
        "assumed: small establishments can hardly spare supervision; at this size half the "
        "supervision cost of a low wage value is absorbed",
        "Size at which an employer's capacity to supervise is one half (capacity = size / "
        "(size + this)).",
        lo=0.0,
        hi=10000.0,
    ),
    _p(
        "employers.experienced_share",
        0.11,
        "share of employers",
        "SCP 2017: 11% of organisations used a wage-cost subsidy or wage dispensation "
        "(docs/sources.md); taken as the share with experience of the target group at the start",
        "Share of employers (drawn among the willing) with a target-group placement behind "
        "them at month 0.",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "employers.experience_learning",
        1.0,
        "per placement that lasted",
        "assumed: TNO 2017 (docs/sources.md): employers see possibilities once shown; one "
        "placement that lasted removes about two thirds of the extra perceived risk",
        "How fast experience brings the perceived sick-pay risk down to the real one "
        "(aversion 1 + (a - 1) exp(-this x experience)).",
        lo=0.0,
        hi=10.0,
    ),
    _p(
        "employers.experience_months",
        12,
        "months",
        "assumed: Divosa 2014: most relapse happens in the first year (docs/sources.md)",
        "Months a placed worker must stay before the employer counts it as a success.",
        lo=1,
        hi=120,
    ),
    _p(
        "employers.conversion_chance",
        0.5,
        "probability",
        "assumed: an employer whose placed worker stayed is likely to become willing",
        "Chance that an unwilling employer becomes willing after a placement that lasted.",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "employers.disillusion_chance",
        0.25,
        "probability",
        "assumed: a failed placement makes some willing employers turn away",
        "Chance that a willing employer turns unwilling after a placement that ended in relapse "
        "within the experience months.",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "employers.inclusion_value",
        0.60,
        "minimum wages per month",
        "assumed: the value a willing employer attaches to hiring from the target group (jobs "
        "agreement quota, social return in tenders, reputation, its own mission); 0.60 (was "
        "0.15) re-calibrated to the bijstand outflow to work (10.5%/yr, docs/sources.md) once "
        "hires come from willing employers instead of judgement errors (issue 11)",
        "Extra value a fully open willing employer sees in a target-group candidate (times "
        "its openness, 0.5-1).",
        lo=0.0,
        hi=2.0,
        calibrate=True,
    ),
    _p(
        "employers.slack_share",
        0.20,
        "share of employers",
        "assumed: TNO 2017 (docs/sources.md): firms that each have slightly too little work for a "
        "full job; no figures found",
        "Share of employers with a little too little work for one more job.",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "employers.vacancy_open_share",
        0.030,
        "vacancies per job",
        "calibrated (issue 12): employers' demand above the resident-held jobs of the drawn "
        "population; after the burn-in the run settles at ~2.5% of jobs open (~4,500 open "
        "vacancies on ~176k jobs, Q3 2018; 27 per 1,000 jobs nationally) and ~3.5-4 "
        "unemployed per vacancy (Flevoland Q1 2017, docs/sources.md)",
        "Employers' desired jobs above those filled in the drawn population, as a share of "
        "jobs (the vacancies open before the burn-in).",
        lo=0.0,
        hi=0.5,
        calibrate=True,
    ),
    _p(
        "employers.pressure_mean",
        0.55,
        "0-1 scale",
        "assumed: work pressure of a regular job on the same 0-1 scale as resilience",
        "Mean work pressure of regular jobs (Beta distributed per employer).",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "employers.size_spread",
        1.2,
        "sd of log establishment size",
        "assumed: many one-person businesses and a few large employers (flevoland.nl: 39,840 "
        "establishments for 176,367 jobs, docs/sources.md)",
        "Spread of establishment sizes within a municipality (lognormal weights of its jobs).",
        lo=0.0,
        hi=5.0,
    ),
    _p(
        "employers.pressure_concentration",
        6.0,
        "Beta concentration (a + b)",
        "assumed: jobs differ in pressure about as much as people differ in resilience",
        "Concentration of the Beta distribution of job pressure across employers (higher: less "
        "spread).",
        lo=0.1,
        hi=1000.0,
    ),
    _p(
        "employers.openness_min",
        0.5,
        "0-1",
        "assumed: an inclusive employer is at least half as open as the most open one; SCP 2019 "
        "(docs/sources.md): employers differ a lot, willingness is a trait of some",
        "Openness of inclusive employers is uniform between this and 1 (others: 0).",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "employers.slack_min",
        0.1,
        "share of a job",
        "assumed: TNO 2017 (docs/sources.md): firms with slightly too little work for one more "
        "job; no figures found",
        "Least spare work of an employer with slack (uniform between slack_min and slack_max).",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "employers.slack_max",
        0.6,
        "share of a job",
        "assumed: see employers.slack_min",
        "Most spare work of an employer with slack.",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "employers.layoff_band",
        0.05,
        "share of desired size",
        "assumed: employers shed staff only when clearly too large, not for one person",
        "Employers lay off staff only when their headcount exceeds the desired size by more "
        "than this share.",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "employers.external_establishment_size",
        10.0,
        "jobs per establishment",
        "assumed: larger firms in the outside job areas (around Amsterdam) than in Flevoland, "
        "where many establishments are one-person businesses (docs/sources.md)",
        "Average size of the establishments of outside job areas (regions give no count).",
        lo=1.0,
        hi=10000.0,
    ),
    _p(
        "employers.expected_job_months",
        36.0,
        "months",
        "assumed: employers value a subsidy over the three years they expect a new job to last",
        "Months an employer expects a new job to last when valuing a time-limited wage-cost "
        "subsidy.",
        lo=1.0,
        hi=600.0,
    ),
    _p(
        "employers.demand_persistence",
        0.95,
        "AR(1) coefficient per month",
        "assumed: employer-level demand deviations fade over about two years",
        "Persistence of each employer's own demand deviation.",
        lo=0.0,
        hi=0.999,
    ),
    _p(
        "employers.demand_noise",
        0.01,
        "share of size per month",
        "assumed: idiosyncratic monthly demand shocks of establishments",
        "Standard deviation of an employer's monthly demand shock.",
        lo=0.0,
        hi=0.2,
    ),
    _p(
        "employers.sector_growth",
        0.0,
        "share per year",
        "assumed: flat trend; jobs in Flevoland grew modestly 2015-17 (docs/sources.md)",
        "Trend growth of sector demand per year.",
        lo=-0.5,
        hi=0.5,
    ),
    _p(
        "employers.sector_cycle_sd",
        0.004,
        "share per month",
        "assumed: sector demand moves with a persistent random cycle",
        "Standard deviation of monthly sector demand shocks.",
        lo=0.0,
        hi=0.2,
    ),
    _p(
        "employers.sector_persistence",
        0.97,
        "AR(1) coefficient per month",
        "assumed: sector cycles of several years",
        "Persistence of sector demand deviations.",
        lo=0.0,
        hi=0.999,
    ),
    # --- health ------------------------------------------------------------------------------
    _p(
        "health.sick_onset_rate",
        0.020,
        "1/month",
        "derived: 4.0% of working days lost (NEA 2017, docs/sources.md) with spells of ~2 months "
        "average when counted in whole months",
        "Monthly hazard that a regular worker falls ill for at least a month.",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "health.target_group_sickness_factor",
        2.0,
        "multiplier",
        "assumed: people with a work-limiting disability fall ill about twice as often",
        "Sickness hazard of target-group persons relative to regular workers.",
        lo=0.0,
        hi=20.0,
    ),
    _p(
        "health.sickness_heterogeneity",
        0.5,
        "sd of log sickness hazard",
        "assumed: some people fall ill far more often than others (44% were absent at least once "
        "in 2017, docs/sources.md); the mean hazard is kept",
        "Spread of the individual sickness hazard around health.sick_onset_rate (lognormal, "
        "mean preserved).",
        lo=0.0,
        hi=3.0,
    ),
    _p(
        "health.recovery_rate",
        0.5,
        "1/month",
        "assumed: most sickness spells end within a few months",
        "Monthly chance that a sick worker recovers.",
        lo=0.0,
        hi=1.0,
    ),
    # --- training and schools -----------------------------------------------------------------
    _p(
        "schools.places_per_1000_sa",
        20.0,
        "training places per 1,000 bijstand recipients",
        "CBS 83747NED: 32.5% of bijstand recipients in a re-integration measure (docs/sources.md); "
        "assumed 2% in vocational training at any time",
        "Training capacity of the region's schools for jobseekers.",
        lo=0.0,
        hi=1000.0,
    ),
    _p(
        "schools.duration_months",
        6,
        "months",
        "assumed: short vocational courses for adults (MBO certificates)",
        "Duration of a training programme.",
        lo=1,
        hi=48,
    ),
    _p(
        "schools.forecast_horizon_months",
        54,
        "months",
        "docs/sources.md: today's labour-market monitors look 4-5 years ahead (ROA 5 years)",
        "How far ahead the demand forecast that steers the choice of programmes looks.",
        lo=1,
        hi=120,
    ),
    _p(
        "schools.forecast_responsiveness",
        40.0,
        "log weight per unit of log growth",
        "assumed: schools shift programmes clearly towards sectors forecast to grow",
        "How strongly the choice of training programmes follows the demand forecast.",
        lo=0.0,
        hi=1000.0,
    ),
    _p(
        "schools.forecast_accuracy",
        0.5,
        "0-1",
        "assumed: 1 = the forecast equals future demand, 0 = pure noise",
        "Accuracy of the demand forecast schools use.",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "schools.forecast_noise_min_sds",
        3.0,
        "sector cycle standard deviations",
        "assumed: the forecast's error is at least three monthly sector shocks "
        "(employers.sector_cycle_sd), so a forecast is not near perfect by accident when the "
        "true growth hardly differs by sector",
        "Least standard deviation of the forecast's noise, in units of "
        "employers.sector_cycle_sd (otherwise the spread of the true growth across sectors).",
        lo=0.0,
        hi=100.0,
    ),
    _p(
        "schools.wage_value_gain",
        0.10,
        "share of the minimum wage",
        "assumed: a completed course raises productivity a little",
        "Increase in wage value from completing a programme.",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "schools.months_out_kept_share",
        0.5,
        "share of months out of work",
        "assumed: a completed course makes an employer look past half of the time out of "
        "work (the scar and the search decay read months out of work)",
        "Share of their months out of work that graduates keep after a course (rounded down).",
        lo=0.0,
        hi=1.0,
    ),
    _p(
        "schools.ww_min_months_out",
        3,
        "months",
        "assumed: WW recipients first search on their own; training is offered after a few "
        "months without a job",
        "Months out of work after which a WW recipient can start a course (bijstand "
        "recipients who search can at once).",
        lo=0,
        hi=120,
    ),
    _p(
        "schools.cost_per_month",
        600.0,
        "EUR per participant per month",
        "assumed: cost of a vocational course for adults",
        "Training cost, paid by the municipality.",
        lo=0.0,
        hi=20000.0,
    ),
    # --- municipality and public finance --------------------------------------------------
    _p(
        "finance.sa_benefit_eur_month",
        986.52,
        "EUR per month",
        "benefit norm single incl. holiday pay, July 2017 (docs/sources.md)",
        "Social assistance paid per recipient per month (municipality).",
        lo=0.0,
        hi=10000.0,
    ),
    _p(
        "finance.ww_benefit_eur_month",
        1500.0,
        "EUR per month",
        "assumed: 70-75% of a modest last wage",
        "Unemployment benefit per recipient per month (national, UWV).",
        lo=0.0,
        hi=10000.0,
    ),
    _p(
        "finance.sw_cost_eur_month",
        2666.67,
        "EUR per month",
        "Trouw (Emmen): ~EUR 24k wage + EUR 8k support a year per sheltered place "
        "(docs/sources.md)",
        "Public cost of one sheltered-work place per month (national via the municipality).",
        lo=0.0,
        hi=20000.0,
    ),
    _p(
        "finance.minimum_wage_eur_month",
        1565.40,
        "EUR per month",
        "statutory minimum wage 22+, July 2017 (docs/sources.md)",
        "Gross minimum wage, the unit of wage values.",
        lo=0.0,
        hi=10000.0,
    ),
    _p(
        "finance.sa_side_earnings_share",
        0.08,
        "share of recipients",
        "Divosa 2017: 8% combine benefits with work, on average EUR 530 a month (docs/sources.md)",
        "Share of recipients with side earnings (reported, not simulated as jobs).",
        lo=0.0,
        hi=1.0,
    ),
    # --- sheltered work ---------------------------------------------------------------------
    _p(
        "sheltered.new_places_per_10k_per_year",
        2.5,
        "places per 10,000 residents per year",
        "Almere's beschut-werk target: 50 places in 2018 for 198,145 residents (docs/sources.md)",
        "New sheltered places (beschut werk) municipalities create each year.",
        lo=0.0,
        hi=100.0,
    ),
    # --- employer service point ------------------------------------------------------------
    _p(
        "service_point.brokered_per_10k_sa",
        30.0,
        "introductions per month per 10,000 bijstand recipients",
        "assumed: the Werkgeversservicepunt introduces a few hundred candidates a year in a "
        "region this size",
        "Candidates the employer service point introduces to employers each month.",
        lo=0.0,
        hi=10000.0,
    ),
    # --- forecasting input ----------------------------------------------------------------
    _p(
        "forecasting.employer_survey",
        "",
        "path",
        "TNO 2017: FIRE step 1, an inventory of shared interests with employers",
        "CSV of the growth and slack employers expect per municipality and sector (format: "
        "'Employers' survey file' below), relative to the scenario file; empty: none.",
    ),
    # --- synthetic regions ('synthetic:N:SEED' as run.region) ---------------------------------
    _p(
        "synthetic_region.mean_population",
        20_000.0,
        "residents per municipality",
        "assumed: a small municipality (Flevoland's six average ~67,000 residents, "
        "docs/sources.md), so test regions build fast; rates per resident are Flevoland's",
        "Mean number of residents of a municipality of a synthetic region.",
        lo=1.0,
        hi=1e6,
    ),
    _p(
        "synthetic_region.size_spread",
        0.6,
        "sd of log municipality size",
        "assumed: municipalities differ in size about as Flevoland's do (Urk 19,987 to Almere "
        "198,145 residents, docs/sources.md)",
        "Spread of the municipalities' sizes in a synthetic region (lognormal).",
        lo=0.0,
        hi=3.0,
    ),
    _p(
        "synthetic_region.min_population",
        100.0,
        "residents",
        "assumed: the smallest municipality drawn still has a few residents in each state",
        "Least residents of a municipality of a synthetic region.",
        lo=1.0,
        hi=1e6,
    ),
    _p(
        "synthetic_region.jobs_spread",
        0.2,
        "sd of log jobs per resident",
        "assumed: jobs per resident differ moderately between municipalities (Flevoland 0.40 "
        "to 0.54, docs/sources.md)",
        "Spread of the jobs per resident around Flevoland's rate in a synthetic region.",
        lo=0.0,
        hi=3.0,
    ),
    _p(
        "synthetic_region.sector_concentration",
        60.0,
        "Dirichlet concentration",
        "assumed: municipalities' sector mixes scatter a little around the national mix",
        "Concentration of each municipality's sector shares around the default sector shares "
        "(higher: closer to them).",
        lo=0.1,
        hi=1e6,
    ),
    _p(
        "synthetic_region.km_per_municipality",
        12.0,
        "km",
        "assumed: a compact region: with links to the two nearest neighbours most trips "
        "take under half an hour",
        "Side of the square the municipalities lie in, per square root of their number.",
        lo=0.1,
        hi=1000.0,
    ),
    _p(
        "synthetic_region.external_areas",
        0,
        "job areas",
        "design: a synthetic region is closed unless asked otherwise",
        "Outside job areas (external nodes) of a synthetic region.",
        lo=0,
        hi=50,
    ),
    _p(
        "synthetic_region.external_distance_km",
        20.0,
        "km",
        "assumed: outside job areas lie just beyond the region, as Greater Amsterdam beyond "
        "Almere (docs/sources.md, commuting)",
        "Distance of the outside job areas beyond the edge of the region's square.",
        lo=0.0,
        hi=1000.0,
    ),
    _p(
        "synthetic_region.road_factor",
        1.3,
        "road km per straight-line km",
        "assumed: roads run about a third longer than the straight line",
        "Road distance relative to the straight-line distance between municipalities.",
        lo=1.0,
        hi=5.0,
    ),
    _p(
        "synthetic_region.speed_kmh",
        70.0,
        "km per hour",
        "assumed: average speed by car over regional roads",
        "Travel speed between municipalities of a synthetic region.",
        lo=1.0,
        hi=200.0,
    ),
    _p(
        "synthetic_region.access_minutes",
        5.0,
        "minutes",
        "assumed: getting to and from the car or stop",
        "Minutes added to every trip between municipalities of a synthetic region.",
        lo=0.0,
        hi=120.0,
    ),
]
