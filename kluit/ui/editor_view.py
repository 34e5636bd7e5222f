"""The scenario editor: change parameters with validation, save a TOML file the CLI runs
unchanged, download it.

Controls come from the parameter registry (:func:`sim.params.all_params`): every key with its
unit, range and documentation, so a new parameter or instrument appears here without a change
to the UI. Saving writes only under the save folder (:func:`kluit.ui.state.save_root`), with
every path component sanitised.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import solara

from analysis.i18n import t
from kluit.ui.components import Help, Messages, ParamField, ScenarioSelect
from kluit.ui.state import (
    SaveError,
    ScenarioEntry,
    Settings,
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


def edited_scenario(base: Scenario, values: dict, name: str, description: str) -> Scenario:
    """The base scenario with the edited values, validated again as a whole."""
    scen = base.with_overrides(values) if values else base
    return replace(scen, name=name.strip() or base.name, description=description,
                   path=None, chain=())


@solara.component
def EditorView(settings: solara.Reactive[Settings], entries: Sequence[ScenarioEntry],
               refresh: Callable[[], None]):
    s = settings.value
    good = usable(entries)
    by_id = {e.rel: e for e in good}
    params = solara.use_memo(all_params, [])
    groups = solara.use_memo(sections, [])
    base_id = s.base if s.base in by_id else DEFAULTS_ID

    def load_base():
        try:
            return (load_scenario(by_id[base_id].path) if base_id in by_id
                    else default_scenario()), None
        except ScenarioError as exc:
            return default_scenario(), str(exc)

    base, base_problem = solara.use_memo(load_base, [base_id])
    edits = solara.use_reactive({})  # key -> valid value different from the base
    errors = solara.use_reactive({})  # key -> message for text that does not validate
    section = solara.use_reactive(next(iter(groups)))
    name = solara.use_reactive("")
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
        description.set(base.description)
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

    def set_error(key, message):
        now = dict(errors.value)
        if message:
            now[key] = message
        else:
            now.pop(key, None)
        errors.set(now)

    try:
        scen = edited_scenario(base, edits.value, name.value, description.value)
        whole_problem = None
    except ScenarioError as exc:
        scen, whole_problem = None, str(exc)

    try:
        target = save_target(save_root(), folder.value, filename.value or name.value)
        target_problem = None
    except SaveError as exc:
        target, target_problem = None, str(exc)

    def save():
        save_problem.set(None)
        if errors.value or scen is None:
            save_problem.set("Fix the fields marked in red first.")
            return
        try:
            path = save_scenario(scen, save_root(), folder.value, filename.value or name.value,
                                 overwrite.value)
        except (SaveError, ScenarioError, OSError) as exc:
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
            save_problem.set("Saved outside the scenarios folder: it cannot be listed in the "
                             "comparison.")
            return
        now = settings.value
        settings.set(replace(now, view="compare", run=False,
                             scenarios=tuple(dict.fromkeys([*now.scenarios, rel]))))

    with solara.Column(gap="8px") as main:
        Help(t("help.editor", s.lang))
        with solara.Row(gap="12px", style={"flex-wrap": "wrap", "align-items": "center"}):
            ScenarioSelect("Start from", good, base_id,
                           lambda v: settings.set(replace(
                               settings.value, base="" if v == DEFAULTS_ID else v)),
                           s.lang, extra={DEFAULTS_ID: DEFAULTS_ID}, style="min-width: 300px")
            solara.InputText("Scenario name", value=name, continuous_update=False,
                             style="max-width: 260px")
            solara.InputText("Description", value=description, continuous_update=False,
                             style="min-width: 400px")
        Messages([base_problem] if base_problem else [], "error")
        with solara.Columns([1, 3]):
            with solara.Column(gap="2px"):
                solara.HTML(tag="h4", unsafe_innerHTML="Sections")
                for sec in groups:
                    n_changed = sum(1 for k in edits.value if k in {p.key for p in groups[sec]})
                    n_err = sum(1 for k in errors.value if k in {p.key for p in groups[sec]})
                    label = section_label(sec) + (f" ({n_changed} changed)" if n_changed else "")
                    label += " (!)" if n_err else ""
                    solara.Button(label, text=sec != section.value, color="primary",
                                  on_click=lambda sec=sec: section.set(sec),
                                  style="justify-content: flex-start; text-transform: none;",
                                  classes=["kluit-section"])
            with solara.Column(gap="2px"):
                solara.HTML(tag="h4", unsafe_innerHTML=section_label(section.value))
                if section.value.startswith("policies."):
                    Help(policy_explanation(section.value.split(".", 1)[1]))
                for p in groups[section.value]:
                    ParamField(p, edits.value.get(p.key, base.values[p.key]),
                               lambda v, k=p.key: set_value(k, v), base=base.values[p.key],
                               on_error=set_error).key(f"{base_id}:{p.key}")
        with solara.Card("Changes and saving", margin=0, elevation=1):
            # parts that come and go sit in containers of their own: a changed number of
            # children would rebuild the inputs below and drop what the user is typing
            with solara.Column(gap="2px", align="start"):
                if edits.value:
                    solara.Text("Changed from the base: " + ", ".join(
                        f"{k} = {show_value(v)}" for k, v in edits.value.items()),
                        classes=["kluit-changes"])
                    solara.Button("Undo all changes", on_click=lambda: (edits.set({}),
                                                                        errors.set({})),
                                  text=True)
                else:
                    solara.Text("No changes yet.")
                if base.shocks:
                    solara.Text(f"Keeps the base scenario's {len(base.shocks)} shock(s): "
                                + ", ".join(f"{x.kind} from month {x.month}"
                                            for x in base.shocks))
                problems = [f"{k}: {m}" for k, m in errors.value.items()]
                if whole_problem:
                    problems.append(whole_problem)
                Messages(problems, "error")
            with solara.Row(gap="12px", style={"flex-wrap": "wrap", "align-items": "center"}):
                solara.InputText("Folder (under the scenarios folder)", value=folder,
                                 continuous_update=False, style="max-width: 260px")
                solara.InputText("File name", value=filename, continuous_update=False,
                                 style="max-width: 260px")
                solara.Checkbox(label="overwrite", value=overwrite)
                solara.Button("Save scenario", on_click=save, color="primary",
                              icon_name="mdi-content-save",
                              disabled=bool(errors.value) or scen is None or target is None)
            with solara.Column(gap="2px", align="start"):
                if target is not None:
                    solara.Text(f"Will be saved as {target}", classes=["kluit-target"])
                if target_problem:
                    Messages([target_problem], "error")
                if save_problem.value:
                    Messages([save_problem.value], "error")
                if saved.value:
                    solara.Success(f"Saved {saved.value}. Run it with: kluit run {saved.value}",
                                   dense=True, classes=["kluit-saved"])
                    solara.Button("Add it to the comparison", on_click=use_in_comparison)
            with solara.Column(gap="2px"):
                if scen is not None:
                    text = scen.to_toml()
                    stem = filename.value or name.value
                    safe = safe_part(stem, "file name") if stem and target is not None \
                        else "scenario"
                    solara.FileDownload(text, filename=f"{safe}.toml", label="Download TOML",
                                        mime_type="application/toml")
                    with solara.Details("Preview of the file"):
                        solara.Preformatted(text)
    return main

