"""The scenario editor: change parameters with validation, save a TOML file the CLI runs
unchanged, download it.

Controls come from the parameter registry (:func:`sim.params.all_params`): every key with its
unit, range and documentation, so a new parameter or instrument appears here without a change
to the UI. Saving writes only under the save folder (:func:`kluit.ui.state.save_root`), with
every path component sanitised.
"""

from __future__ import annotations

import html
import types
from collections.abc import Callable, Sequence
from dataclasses import replace

import solara

from analysis.i18n import name_text, t
from kluit.ui.components import Help, Messages, ParamField, ScenarioSelect
from kluit.ui.errors import message_text, save_error_text, scenario_error_text
from kluit.ui.state import (
    SaveError,
    ScenarioEntry,
    Settings,
    param_label,
    policy_explanation,
    safe_part,
    save_root,
    save_scenario,
    save_target,
    section_label,
    sections,
    show_value,
    usable,
)
from sim.params import all_params
from sim.scenario import Scenario, ScenarioError, default_scenario, load_scenario

DEFAULTS_ID = "(every parameter at its default)"


def edited_scenario(
    base: Scenario, values: dict, name: str, description: str, title: str = "", lang: str = "en"
) -> Scenario:
    """The base scenario with the edited values, validated again as a whole. Its title and
    description are the ones typed (in ``lang``), never the base's: a saved copy of a scenario
    must not show up under the base's title."""
    scen = base.with_overrides(values) if values else base
    texts = {}
    if title.strip():
        texts["title"] = {lang: title.strip()}
    if description.strip():
        texts["description"] = {lang: description.strip()}
    return replace(
        scen,
        name=name.strip() or base.name,
        description=description if lang == "en" else "",
        texts=types.MappingProxyType(texts),
        path=None,
        chain=(),
    )


@solara.component
def EditorView(
    settings: solara.Reactive[Settings],
    entries: Sequence[ScenarioEntry],
    refresh: Callable[[], None],
):
    s = settings.value
    lang = s.lang
    good = usable(entries)
    by_id = {e.rel: e for e in good}
    groups = solara.use_memo(sections, [])
    groups_params = {p.key: p for ps in groups.values() for p in ps}
    base_id = s.base if s.base in by_id else DEFAULTS_ID

    def load_base():
        try:
            return (
                load_scenario(by_id[base_id].path) if base_id in by_id else default_scenario()
            ), None
        except ScenarioError as exc:
            return default_scenario(), exc

    base, base_problem = solara.use_memo(load_base, [base_id])
    edits = solara.use_reactive({})  # key -> valid value different from the base
    errors = solara.use_reactive({})  # key -> ScenarioError of text that does not validate
    section = solara.use_reactive(next(iter(groups)))
    name = solara.use_reactive("")
    title = solara.use_reactive("")
    description = solara.use_reactive("")
    folder = solara.use_reactive("custom")
    filename = solara.use_reactive("")
    overwrite = solara.use_reactive(False)
    saved = solara.use_reactive(None)
    save_problem = solara.use_reactive(None)

    def on_base_change():
        edits.set({})
        errors.set({})
        name.set(f"{base.name}_edited" if base_id in by_id else "my_scenario")
        title.set(
            t("editor.edited_title", lang, title=base.title_in(lang)) if base_id in by_id else ""
        )
        description.set(base.description_in(lang))
        filename.set(f"{base.name}_edited" if base_id in by_id else "my_scenario")
        saved.set(None)
        save_problem.set(None)

    solara.use_effect(on_base_change, [base_id])

    def set_value(key, value):
        now = dict(edits.value)
        if base.values.get(key) == value:
            now.pop(key, None)
        else:
            now[key] = value
        edits.set(now)
        saved.set(None)

    def set_error(key, problem):
        now = dict(errors.value)
        if problem is not None:
            now[key] = problem
        else:
            now.pop(key, None)
        errors.set(now)

    try:
        scen = edited_scenario(base, edits.value, name.value, description.value, title.value, lang)
        whole_problem = None
    except ScenarioError as exc:
        scen, whole_problem = None, message_text(exc, lang)

    try:
        target = save_target(save_root(), folder.value, filename.value or name.value)
        target_problem = None
    except SaveError as exc:
        target, target_problem = None, save_error_text(exc, lang)

    def save():
        save_problem.set(None)
        if errors.value or scen is None:
            save_problem.set(t("editor.fix_first", lang))
            return
        try:
            path = save_scenario(
                scen, save_root(), folder.value, filename.value or name.value, overwrite.value
            )
        except SaveError as exc:
            save_problem.set(save_error_text(exc, lang))
            return
        except ScenarioError as exc:
            save_problem.set(scenario_error_text(exc, lang))
            return
        except OSError as exc:
            save_problem.set(str(exc))
            return
        saved.set(str(path))
        refresh()

    def use_in_comparison():
        if not saved.value:
            return
        try:
            from pathlib import Path

            from kluit.ui.state import scenarios_root

            rel = Path(saved.value).resolve().relative_to(scenarios_root()).as_posix()
        except ValueError:
            save_problem.set(t("editor.outside", lang))
            return
        now = settings.value
        settings.set(
            replace(
                now,
                view="compare",
                run=False,
                scenarios=tuple(dict.fromkeys([*now.scenarios, rel])),
            )
        )

    with solara.Column(gap="8px") as main:
        Help(t("help.editor", lang))
        with solara.Row(gap="12px", style={"flex-wrap": "wrap", "align-items": "center"}):
            defaults = t("editor.defaults", lang)
            ScenarioSelect(
                t("editor.start_from", lang),
                good,
                base_id,
                lambda v: settings.set(replace(settings.value, base="" if v == DEFAULTS_ID else v)),
                lang,
                extra={defaults: DEFAULTS_ID},
                style="min-width: 300px",
            )
            solara.InputText(
                t("editor.title", lang),
                value=title,
                continuous_update=False,
                style="min-width: 260px",
            )
            solara.InputText(
                t("editor.name", lang),
                value=name,
                continuous_update=False,
                style="max-width: 260px",
            )
            solara.InputText(
                t("editor.description", lang),
                value=description,
                continuous_update=False,
                style="min-width: 300px; flex: 1 1 300px",
            )
        Messages([scenario_error_text(base_problem, lang)] if base_problem else [], "error")
        with solara.Columns([1, 3], classes=["kluit-cols"]):
            SectionList(groups, section, edits.value, errors.value, lang)
            SectionFields(
                section.value,
                groups[section.value],
                base,
                base_id,
                edits.value,
                set_value,
                set_error,
                lang,
            )
        SaveCard(
            lang=lang,
            base=base,
            edits=edits,
            errors=errors,
            problems=[
                f"{param_label(groups_params[k], lang)}: {message_text(e, lang)}"
                for k, e in errors.value.items()
            ]
            + ([whole_problem] if whole_problem else []),
            folder=folder,
            filename=filename,
            name=name.value,
            overwrite=overwrite,
            scen=scen,
            target=target,
            target_problem=target_problem,
            save_problem=save_problem.value,
            saved=saved.value,
            save=save,
            use_in_comparison=use_in_comparison,
        )
    return main


@solara.component
def SectionList(groups, section: solara.Reactive[str], edits, errors, lang: str):
    """One button per section of parameters, with how many are changed or wrong."""
    with solara.Column(gap="2px") as main:
        solara.HTML(tag="h4", unsafe_innerHTML=t("editor.sections", lang))
        for sec in groups:
            keys = {p.key for p in groups[sec]}
            n_changed = sum(1 for k in edits if k in keys)
            n_err = sum(1 for k in errors if k in keys)
            label = section_label(sec, lang) + (
                " " + t("editor.n_changed", lang, n=n_changed) if n_changed else ""
            )
            label += " (!)" if n_err else ""
            solara.Button(
                label,
                text=sec != section.value,
                color="primary",
                on_click=lambda sec=sec: section.set(sec),
                style="justify-content: flex-start; text-transform: none;",
                classes=["kluit-section"],
            )
    return main


@solara.component
def SectionFields(
    section: str, params, base: Scenario, base_id: str, edits, set_value, set_error, lang="en"
):
    """A checked field per parameter of one section, labelled in ``lang``."""
    with solara.Column(gap="2px") as main:
        solara.HTML(tag="h4", unsafe_innerHTML=html.escape(section_label(section, lang)))
        if section.startswith("policies."):
            Help(policy_explanation(section.split(".", 1)[1], lang))
        for p in params:
            ParamField(
                p,
                edits.get(p.key, base.values[p.key]),
                lambda v, k=p.key: set_value(k, v),
                base=base.values[p.key],
                on_error=set_error,
                lang=lang,
            ).key(f"{base_id}:{p.key}")
    return main


@solara.component
def SaveCard(
    *,
    lang,
    base,
    edits,
    errors,
    problems,
    folder,
    filename,
    name,
    overwrite,
    scen,
    target,
    target_problem,
    save_problem,
    saved,
    save,
    use_in_comparison,
):
    """What changed, where it will be saved, the save button and the file itself."""
    with solara.Card(t("editor.changes", lang), margin=0, elevation=1) as main:
        # parts that come and go sit in containers of their own: a changed number of
        # children would rebuild the inputs below and drop what the user is typing
        with solara.Column(gap="2px", align="start"):
            if edits.value:
                solara.Text(
                    t(
                        "editor.changed_from",
                        lang,
                        changes=", ".join(
                            f"{param_label(all_params()[k], lang)} = {show_value(v)}"
                            for k, v in edits.value.items()
                        ),
                    ),
                    classes=["kluit-changes"],
                )
                solara.Button(
                    t("editor.undo", lang),
                    on_click=lambda: (edits.set({}), errors.set({})),
                    text=True,
                )
            else:
                solara.Text(t("editor.no_changes", lang))
            if base.shocks:
                solara.Text(
                    t(
                        "editor.keeps_shocks",
                        lang,
                        n=len(base.shocks),
                        shocks=", ".join(
                            t(
                                "editor.shock",
                                lang,
                                kind=name_text("shock", x.kind, lang),
                                month=x.month,
                            )
                            for x in base.shocks
                        ),
                    )
                )
            Messages(problems, "error")
        with solara.Row(gap="12px", style={"flex-wrap": "wrap", "align-items": "center"}):
            solara.InputText(
                t("editor.folder", lang),
                value=folder,
                continuous_update=False,
                style="max-width: 260px",
            )
            solara.InputText(
                t("editor.file_name", lang),
                value=filename,
                continuous_update=False,
                style="max-width: 260px",
            )
            solara.Checkbox(label=t("editor.overwrite", lang), value=overwrite)
            solara.Button(
                t("editor.save", lang),
                on_click=save,
                color="primary",
                icon_name="mdi-content-save",
                disabled=bool(errors.value) or scen is None or target is None,
            )
        with solara.Column(gap="2px", align="start"):
            if target is not None:
                solara.Text(t("editor.will_save", lang, target=target), classes=["kluit-target"])
            if target_problem:
                Messages([target_problem], "error")
            if save_problem:
                Messages([save_problem], "error")
            if saved:
                solara.Success(
                    t("editor.saved", lang, target=saved), dense=True, classes=["kluit-saved"]
                )
                solara.Button(t("editor.add", lang), on_click=use_in_comparison)
        with solara.Column(gap="2px"):
            if scen is not None:
                text = scen.to_toml()
                stem = filename.value or name
                safe = safe_part(stem, "file name") if stem and target is not None else "scenario"
                solara.FileDownload(
                    text,
                    filename=f"{safe}.toml",
                    label=t("editor.download", lang),
                    mime_type="application/toml",
                )
                with solara.Details(t("editor.preview", lang)):
                    solara.Preformatted(text)
    return main
