"""Short explanations shown next to the views, for readers who have never seen an agent-based
model. They summarise the docstrings of ``sim/processes`` in plain words; the instruments'
own explanations come from their modules (:func:`kluit.ui.state.policy_explanation`).
"""

INTRO = (
    "Kluit simulates the people and employers of a region month by month: who is in work, on "
    "benefits, in training or in sheltered work, which employers have vacancies, and who gets "
    "hired. Policy instruments change employers' decisions and people's chances. Because every "
    "run is random, a comparison repeats each scenario several times on the same random draws "
    "(the same people, the same economy), so the differences you see come from the policy."
)

COMPARE_HELP = (
    "Pick the scenarios to compare; the first is the reference the others are measured "
    "against. More replications give narrower bands but take longer; a larger share of the "
    "population gives steadier numbers. Bands and [intervals] are 95% intervals over the "
    "replications."
)

MECHANISMS: dict[str, tuple[str, str]] = {
    "matching": (
        "Searching and hiring",
        "Everyone out of work sends applications to vacancies within commuting reach, mostly in "
        "their own sector. An employer hires the applicant with the best business case: "
        "expected productivity (wage value) against wage, expected sick pay and supervision, "
        "plus what an inclusive employer values. Everyone competes for the same vacancies.",
    ),
    "relapse": (
        "Relapse",
        "A person placed from social assistance or sheltered work may lose the job again. The "
        "risk is higher when the job's work pressure exceeds the person's resilience, and it "
        "fades the longer the job lasts. Coaching and transition support lower it.",
    ),
    "sickness": (
        "Sickness risk",
        "Workers fall ill and recover. The employer pays sick pay for up to two years, which is "
        "why employers weigh the sickness risk of a candidate; the no-risk policy takes that "
        "cost away, if the employer knows about it.",
    ),
    "vacancies": (
        "Employers and vacancies",
        "Each employer's desired size follows the demand of its sector, with ups and downs. "
        "Employers open vacancies up to their desired size and lay off staff when far above it.",
    ),
    "training": (
        "Training",
        "Schools train jobseekers for a sector chosen by a forecast of demand. Long-range "
        "forecasts say little about the jobs open when a six-month course ends.",
    ),
    "benefits": (
        "Benefits and sheltered work",
        "Unemployment benefit (WW) runs out and may continue as social assistance (bijstand). "
        "People also leave benefits for other reasons, and municipalities open a few new "
        "sheltered places each year. People retire or move away; school leavers come in.",
    ),
}

MAP_HELP = (
    "Circles are municipalities (size: population; colour: share of residents on social "
    "assistance); squares are job areas outside the region. Lines are commuting links with the "
    "travel time in minutes. Click a municipality to see its figures."
)

FLOWS_HELP = (
    "Boxes show how many people are in each state now; arrows show who moved between states "
    "this month (thicker is more). All numbers are scaled up from the simulated share to the "
    "whole region."
)

STORY_HELP = (
    "The same person, in the same simulated region, on the same random draws, under two "
    "policies. Until the paths part, both lives are identical; after that, the difference is "
    "what the policy meant for this person - directly (a subsidised job, a coach) or "
    "indirectly, because the policy changed who else got which job."
)

EDITOR_HELP = (
    "Start from a scenario, change parameters (each shows its unit and allowed range), and "
    "save the result as a scenario file that `kluit run` and `kluit compare` read unchanged. "
    "Files are saved under the scenarios folder only."
)
