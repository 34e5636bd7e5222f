"""A person's story: one person month by month under two policies, on the same seed.

Both runs start from the same population (the population is drawn from its own random stream),
so a row number names the same person in both. The view shows the two paths side by side,
where they part, and the transitions (with their causes) around that month.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pandas as pd
import solara

from analysis.i18n import name_text, number, t
from kluit.ui import figures
from kluit.ui.components import Downloads, Help, Messages, PngImage, ScenarioSelect, html_table
from kluit.ui.errors import scenario_error_text
from kluit.ui.state import (
    STORY_GROUPS,
    ScenarioEntry,
    Settings,
    StoryPair,
    describe_event,
    draw_person,
    group_rows,
    monthly_states,
    parting_month,
    run_story,
    usable,
)
from sim.scenario import ScenarioError, load_scenario
from sim.state import STATE_NAMES

STORY_SCALE = 0.02


def story_table(pair: StoryPair, person: int, names=None) -> pd.DataFrame:
    """Month, state under A, state under B (the CSV download)."""
    names = names or pair.names
    paths = [monthly_states(h(person), pair.months) for h in pair.histories]
    return pd.DataFrame(
        {"month": range(pair.months + 1), f"A: {names[0]}": paths[0], f"B: {names[1]}": paths[1]}
    )


def why_text(pair: StoryPair, person: int, month: int, names=None, lang: str = "en") -> list[str]:
    """What happened in each run in the month the paths part (``names``: the scenarios'
    titles, default their names)."""
    out = []
    for name, hist in zip(names or pair.names, pair.histories):
        ev = [e for e in hist(person) if e[0] == month and e[3] != "start"]
        if ev:
            out.append(
                t(
                    "story.under_events",
                    lang,
                    name=name,
                    events="; ".join(describe_event(e, lang) for e in ev),
                )
            )
        else:
            out.append(t("story.under_nothing", lang, name=name))
    return out


@solara.component
def PersonCard(pair: StoryPair, person: int, lang: str = "en"):
    st = pair.start
    g = int(st["group"][person])
    group = t(f"person.group.{g}", lang) if g in (0, 1, 2) else ""
    labels = figures.state_labels(lang)
    facts = [
        (t("person.person", lang), f"#{person} ({group})"),
        (t("person.lives_in", lang), pair.municipalities[int(st["home"][person])]),
        (t("person.state", lang), labels[STATE_NAMES[int(st["state"][person])]]),
        (t("person.months_out", lang), f"{int(st['months_out'][person])}"),
        (t("person.wage_value", lang), number(float(st["wage_value"][person]), lang, 2)),
        (t("person.resilience", lang), number(float(st["resilience"][person]), lang, 2)),
        (t("person.sickness", lang), number(float(st["sickness"][person]), lang, 2)),
        (
            t("person.sector", lang),
            name_text("sector", pair.sectors[int(st["sector"][person])], lang)
            if 0 <= int(st["sector"][person]) < len(pair.sectors)
            else "-",
        ),
    ]
    return solara.HTML(
        tag="div",
        unsafe_innerHTML=html_table(
            ["", ""], [[(a, {}), (b, {})] for a, b in facts], css_class="kluit-person"
        ),
    )


@dataclass
class StoryRun:
    """The two runs of the story in the background (from :func:`use_story_pair`)."""

    pair: StoryPair | None
    problem: str | None
    pending: bool


def use_story_pair(
    settings: solara.Reactive[Settings], by_id: dict[str, ScenarioEntry], active: bool
) -> StoryRun:
    """Run both scenarios in a thread whenever the view is shown with new scenarios, seed or
    months; the pair shown is the one made for the current settings (hook)."""
    s = settings.value
    pair_state = solara.use_reactive(None)
    problem = solara.use_reactive(None)
    key = (s.story_a, s.story_b, s.story_seed, s.story_months)

    def work(k):
        a, b, seed, months = k
        problem.set(None)
        try:
            pair = run_story(
                load_scenario(by_id[a].path),
                load_scenario(by_id[b].path),
                seed=seed,
                scale=STORY_SCALE,
                months=months,
            )
        except (ScenarioError, KeyError) as exc:
            lang = settings.value.lang
            problem.set(t("story.cannot_run", lang, error=scenario_error_text(exc, lang)))
            return None
        pair_state.set((k, pair))
        return pair

    task = solara.lab.use_task(work, dependencies=None)

    def maybe_run():
        if (
            active
            and (pair_state.value is None or pair_state.value[0] != key)
            and s.story_a in by_id
            and s.story_b in by_id
        ):
            task(key)

    solara.use_effect(maybe_run, [key, active])
    pair = pair_state.value[1] if pair_state.value and pair_state.value[0] == key else None
    return StoryRun(pair, problem.value, task.pending)


def use_story_picture(pair: StoryPair | None, person: int, names: tuple, lang: str):
    """The person's monthly states in both runs, the month they part and the figure (hook)."""

    def picture():
        if pair is None or person < 0:
            return None, None, b""
        paths = [monthly_states(h(person), pair.months) for h in pair.histories]
        part = parting_month(*paths)
        return paths, part, figures.png(figures.story_figure(paths, names, part, lang))

    return solara.use_memo(picture, [id(pair), person, names, lang])


@solara.component
def StoryControls(s: Settings, good: Sequence[ScenarioEntry], update):
    """The two scenarios, the group people are drawn from, the seed and the months."""
    lang = s.lang
    with solara.Row(gap="12px", style={"flex-wrap": "wrap", "align-items": "center"}) as main:
        ScenarioSelect(
            t("story.policy_a", lang),
            good,
            s.story_a or None,
            lambda v: update(story_a=v),
            lang,
            style="min-width: 220px",
        )
        ScenarioSelect(
            t("story.policy_b", lang),
            good,
            s.story_b or None,
            lambda v: update(story_b=v),
            lang,
            style="min-width: 220px",
        )
        labels = {t(f"group.{k}", lang): k for k in STORY_GROUPS}
        solara.Select(
            t("story.group", lang),
            values=list(labels),
            value=t(f"group.{s.group}", lang),
            on_value=lambda v: update(group=labels[v], person=-1),
            style="min-width: 300px",
        )
        solara.InputInt(
            t("compare.seed", lang),
            value=s.story_seed,
            on_value=lambda v: update(story_seed=max(0, int(v or 0)), person=-1),
            style="max-width: 130px",
        )
        solara.InputInt(
            t("compare.months", lang),
            value=s.story_months,
            on_value=lambda v: update(story_months=max(2, min(240, int(v or 2)))),
            style="max-width: 100px",
        )
    return main


@solara.component
def PersonBar(pair: StoryPair | None, person: int, draw_another, update, lang: str):
    """Draw another person, or type a person's number."""
    with solara.Row(gap="8px", style={"align-items": "center", "flex-wrap": "wrap"}) as main:
        solara.Button(
            t("story.draw", lang),
            on_click=draw_another,
            color="primary",
            disabled=pair is None,
            icon_name="mdi-account-search",
        )
        solara.InputInt(
            t("story.person_number", lang),
            value=max(person, 0) if pair else 0,
            on_value=lambda v: update(person=int(v) if v is not None else -1),
            style="max-width: 140px",
        )
    return main


@solara.component
def StoryStatus(s: Settings, story: StoryRun, person: int, active: bool):
    """Status lines: a problem, the runs under way, nobody in the group, or a person from
    outside the group."""
    lang, pair, problem = s.lang, story.pair, story.problem
    with solara.Column(gap="4px") as main:  # status lines in a container of their own
        if problem:
            Messages([problem], "error")
        if story.pending or (pair is None and active and not problem):
            solara.ProgressLinear(True)
            solara.Text(t("story.running", lang))
        if pair is not None and person < 0:
            Messages([t("story.nobody", lang, group=t(f"group.{s.group}", lang))])
        elif (
            pair is not None
            and s.person >= 0
            and person not in set(group_rows(pair.start, s.group).tolist())
        ):
            Messages(
                [
                    t(
                        "story.not_in_group",
                        lang,
                        person=person,
                        group=t(f"group.{s.group}", lang),
                    )
                ],
                "info",
            )
    return main


@solara.component
def StoryPicture(pair: StoryPair, person: int, part, png: bytes, names: tuple, lang: str):
    """The person's card, the figure of both paths, and where and why they part."""
    with solara.Columns([1, 3]) as main:
        PersonCard(pair, person, lang)
        with solara.Column():
            PngImage(
                png,
                f"Person {person} month by month under both policies",
                css_class="kluit-figure kluit-story",
            )
            if part is None:
                solara.HTML(
                    tag="div",
                    unsafe_innerHTML=(
                        f"<b class='kluit-parting'>{t('story.never_part', lang)}</b>"
                        + html.escape(t("story.never_part_rest", lang))
                    ),
                )
            else:
                solara.HTML(
                    tag="div",
                    unsafe_innerHTML=(
                        f"<b class='kluit-parting'>{t('story.part_in', lang, month=part)}</b>"
                    ),
                )
                for line in why_text(pair, person, part, names, lang):
                    solara.Text(line)
    return main


@solara.component
def StoryEvents(pair: StoryPair, person: int, names: tuple, lang: str):
    """What happened to the person under each policy, one card each."""
    with solara.Columns([1, 1]) as main:
        for name, hist in zip(names, pair.histories):
            with solara.Card(t("story.under", lang, name=name), margin=0, elevation=1):
                events = [e for e in hist(person) if e[3] != "start"]
                for e in events:
                    solara.Text(describe_event(e, lang), style={"display": "block"})
                if not events:
                    first = hist(person)[0][2] if hist(person) else "inactive"
                    solara.Text(
                        t(
                            "story.no_change",
                            lang,
                            state=figures.state_labels(lang).get(first, first),
                        )
                    )
    return main


@solara.component
def StoryDownloads(pair: StoryPair, person: int, png: bytes, names: tuple, lang: str):
    """The person's months as CSV and the figure as PNG."""
    buf = io.StringIO()
    story_table(pair, person, names).to_csv(buf, index=False)
    return Downloads(
        [
            (buf.getvalue(), f"person_{person}.csv", t("story.dl_csv", lang), "text/csv"),
            (png, f"person_{person}.png", t("story.dl_png", lang), "image/png"),
        ]
    )


@solara.component
def StoryView(
    settings: solara.Reactive[Settings], entries: Sequence[ScenarioEntry], active: bool = True
):
    s = settings.value
    lang = s.lang
    good = usable(entries)
    by_id = {e.rel: e for e in good}
    draw_no = solara.use_reactive(0)
    story = use_story_pair(settings, by_id, active)

    def update(**kw):
        settings.set(replace(settings.value, **kw))

    pair = story.pair
    # readers see the scenarios' titles, never their file or key names
    names = tuple(by_id[x].title(s.lang) if x in by_id else x for x in (s.story_a, s.story_b))
    person = s.person
    if pair is not None and not 0 <= person < len(pair.start["state"]):
        person = draw_person(pair, s.group, draw_no.value, s.story_seed)
    _, part, png = use_story_picture(pair, person, names, lang)

    def draw_another():
        draw_no.set(draw_no.value + 1)
        if pair is not None:
            update(person=draw_person(pair, s.group, draw_no.value + 1, s.story_seed))

    with solara.Column(gap="8px") as main:
        Help(t("help.story", s.lang))
        StoryControls(s, good, update)
        PersonBar(pair, person, draw_another, update, lang)
        StoryStatus(s, story, person, active)
        if pair is None or person < 0:
            return main
        StoryPicture(pair, person, part, png, names, lang)
        StoryEvents(pair, person, names, lang)
        StoryDownloads(pair, person, png, names, lang)
    return main
