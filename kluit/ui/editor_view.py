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
from dataclasses import dataclass, replace

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


def load_base(by_id: dict[str, ScenarioEntry], base_id: str):
    """The scenario to start from (every default when none is chosen) and, when its file no
    longer loads, the problem (then every default)."""
    try:
        return (
            load_scenario(by_id[base_id].path) if base_id in by_id else default_scenario()
        ), None
    except ScenarioError as exc:
        return default_scenario(), exc


@dataclass(frozen=True)
class EditorForm:
    """What the user has typed in the editor (each a reactive value that outlives a render)
    and the base it applies to."""

    base: Scenario
    edits: solara.Reactive[dict]  # key -> valid value different from the base
    errors: solara.Reactive[dict]  # key -> ScenarioError of text that does not validate
    name: solara.Reactive[str]
    title: solara.Reactive[str]
    description: solara.Reactive[str]
    folder: solara.Reactive[str]
    filename: solara.Reactive[str]
    overwrite: solara.Reactive[bool]
    saved: solara.Reactive[str | None]
    save_problem: solara.Reactive[str | None]

    def set_value(self, key: str, value) -> None:
        now = dict(self.edits.value)
        if self.base.values.get(key) == value:
            now.pop(key, None)
        else:
            now[key] = value
        self.edits.set(now)
        self.saved.set(None)

    def set_error(self, key: str, problem) -> None:
        now = dict(self.errors.value)
        if problem is not None:
            now[key] = problem
        else:
            now.pop(key, None)
        self.errors.set(now)


def use_editor_form(base: Scenario, base_id: str, known: bool, lang: str) -> EditorForm:
    """The editor's typed values (a hook: call it once per render, unconditionally); a new
    base starts them afresh, named after the base (``known``) or 'my_scenario'."""
    form = EditorForm(
        base=base,
        edits=solara.use_reactive({}),
        errors=solara.use_reactive({}),
        name=solara.use_reactive(""),
        title=solara.use_reactive(""),
        description=solara.use_reactive(""),
        folder=solara.use_reactive("custom"),
        filename=solara.use_reactive(""),
        overwrite=solara.use_reactive(False),
        saved=solara.use_reactive(None),
        save_problem=solara.use_reactive(None),
    )

    def on_base_change():
        form.edits.set({})
        form.errors.set({})
        form.name.set(f"{base.name}_edited" if known else "my_scenario")
        form.title.set(t("editor.edited_title", lang, title=base.title_in(lang)) if known else "")
        form.description.set(base.description_in(lang))
        form.filename.set(f"{base.name}_edited" if known else "my_scenario")
        form.saved.set(None)
        form.save_problem.set(None)

    solara.use_effect(on_base_change, [base_id])
    return form


@solara.component
def EditorView(
    settings: solara.Reactive[Settings],
    entries: Sequence[ScenarioEntry],
    refresh: Callable[[], None],
):
    """The editor: a base and the copy's names, the sections and their fields, saving."""
    s = settings.value
    lang = s.lang
    good = usable(entries)
    by_id = {e.rel: e for e in good}
    groups = solara.use_memo(sections, [])
    base_id = s.base if s.base in by_id else DEFAULTS_ID
    base, base_problem = solara.use_memo(lambda: load_base(by_id, base_id), [base_id])
    form = use_editor_form(base, base_id, base_id in by_id, lang)
    section = solara.use_reactive(next(iter(groups)))

    with solara.Column(gap="8px") as main:
        Help(t("help.editor", lang))
        BaseAndNames(settings, good, base_id, form, lang)
        Messages([scenario_error_text(base_problem, lang)] if base_problem else [], "error")
        with solara.Columns([1, 3], classes=["kluit-cols", "kluit-editor-cols"]):
            SectionList(groups, section, form.edits.value, form.errors.value, lang)
            SectionFields(
                section.value,
                groups[section.value],
                base,
                base_id,
                form.edits.value,
                form.set_value,
                form.set_error,
                lang,
            )
        SaveCard(settings, form, groups, refresh, lang)
    return main


def text_field(label: str, value: solara.Reactive[str], style: str):
    """A text field bound to ``value`` that takes what is typed when the user leaves it
    (Enter or a click elsewhere), not at every key."""
    return solara.InputText(label, value=value, continuous_update=False, style=style)


@solara.component
def BaseAndNames(
    settings: solara.Reactive[Settings],
    good: Sequence[ScenarioEntry],
    base_id: str,
    form: EditorForm,
    lang: str,
):
    """The scenario to start from, and the copy's title, name and description."""
    with solara.Row(gap="12px", style={"flex-wrap": "wrap", "align-items": "center"}) as main:
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
        text_field(t("editor.title", lang), form.title, "min-width: 260px")
        text_field(t("editor.name", lang), form.name, "max-width: 260px")
        text_field(
            t("editor.description", lang), form.description, "min-width: 300px; flex: 1 1 300px"
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


def edited_or_problem(form: EditorForm, lang: str) -> tuple[Scenario | None, str | None]:
    """The edited scenario, or why the values do not fit together (in ``lang``)."""
    try:
        scen = edited_scenario(
            form.base,
            form.edits.value,
            form.name.value,
            form.description.value,
            form.title.value,
            lang,
        )
        return scen, None
    except ScenarioError as exc:
        return None, message_text(exc, lang)


def target_or_problem(form: EditorForm, lang: str):
    """Where the file would be saved, or why it cannot be (in ``lang``)."""
    try:
        return save_target(
            save_root(), form.folder.value, form.filename.value or form.name.value
        ), None
    except SaveError as exc:
        return None, save_error_text(exc, lang)


def save_edited(form: EditorForm, scen: Scenario | None, refresh: Callable[[], None], lang: str):
    """Save the edited scenario under the save folder; a problem is shown in the form."""
    form.save_problem.set(None)
    if form.errors.value or scen is None:
        form.save_problem.set(t("editor.fix_first", lang))
        return
    try:
        path = save_scenario(
            scen,
            save_root(),
            form.folder.value,
            form.filename.value or form.name.value,
            form.overwrite.value,
        )
    except SaveError as exc:
        form.save_problem.set(save_error_text(exc, lang))
        return
    except ScenarioError as exc:
        form.save_problem.set(scenario_error_text(exc, lang))
        return
    except OSError as exc:
        form.save_problem.set(str(exc))
        return
    form.saved.set(str(path))
    refresh()


def add_to_comparison(settings: solara.Reactive[Settings], form: EditorForm, lang: str):
    """List the saved file in the Compare view and go there (only a file under the scenarios
    folder can be listed)."""
    if not form.saved.value:
        return
    try:
        from pathlib import Path

        from kluit.ui.state import scenarios_root

        rel = Path(form.saved.value).resolve().relative_to(scenarios_root()).as_posix()
    except ValueError:
        form.save_problem.set(t("editor.outside", lang))
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


@solara.component
def SaveCard(
    settings: solara.Reactive[Settings],
    form: EditorForm,
    groups,
    refresh: Callable[[], None],
    lang: str,
):
    """What changed, where it will be saved, the save button and the file itself."""
    groups_params = {p.key: p for ps in groups.values() for p in ps}
    scen, whole_problem = edited_or_problem(form, lang)
    target, target_problem = target_or_problem(form, lang)
    problems = [
        f"{param_label(groups_params[k], lang)}: {message_text(e, lang)}"
        for k, e in form.errors.value.items()
    ] + ([whole_problem] if whole_problem else [])
    with solara.Card(t("editor.changes", lang), margin=0, elevation=1) as main:
        # parts that come and go sit in containers of their own: a changed number of
        # children would rebuild the inputs below and drop what the user is typing
        ChangesSummary(form, problems, lang)
        SaveControls(
            form,
            lambda: save_edited(form, scen, refresh, lang),
            bool(form.errors.value) or scen is None or target is None,
            lang,
        )
        SaveOutcome(
            form, target, target_problem, lambda: add_to_comparison(settings, form, lang), lang
        )
        ScenarioFile(scen, form.filename.value or form.name.value, target is not None, lang)
    return main


@solara.component
def ChangesSummary(form: EditorForm, problems: list[str], lang: str):
    """The changed values (with undo), the base's shocks that are kept, what is wrong."""
    edits, base = form.edits.value, form.base
    with solara.Column(gap="2px", align="start") as main:
        if edits:
            solara.Text(
                t(
                    "editor.changed_from",
                    lang,
                    changes=", ".join(
                        f"{param_label(all_params()[k], lang)} = {show_value(v)}"
                        for k, v in edits.items()
                    ),
                ),
                classes=["kluit-changes"],
            )
            solara.Button(
                t("editor.undo", lang),
                on_click=lambda: (form.edits.set({}), form.errors.set({})),
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
    return main


@solara.component
def SaveControls(form: EditorForm, save: Callable[[], None], disabled: bool, lang: str):
    """Folder, file name, overwrite and the save button."""
    with solara.Row(gap="12px", style={"flex-wrap": "wrap", "align-items": "center"}) as main:
        text_field(t("editor.folder", lang), form.folder, "max-width: 260px")
        text_field(t("editor.file_name", lang), form.filename, "max-width: 260px")
        solara.Checkbox(label=t("editor.overwrite", lang), value=form.overwrite)
        solara.Button(
            t("editor.save", lang),
            on_click=save,
            color="primary",
            icon_name="mdi-content-save",
            disabled=disabled,
        )
    return main


@solara.component
def SaveOutcome(form: EditorForm, target, target_problem, add: Callable[[], None], lang: str):
    """Where the file will go, why it cannot, or that it was saved (then: add it to the
    comparison)."""
    with solara.Column(gap="2px", align="start") as main:
        if target is not None:
            solara.Text(t("editor.will_save", lang, target=target), classes=["kluit-target"])
        if target_problem:
            Messages([target_problem], "error")
        if form.save_problem.value:
            Messages([form.save_problem.value], "error")
        if form.saved.value:
            solara.Success(
                t("editor.saved", lang, target=form.saved.value),
                dense=True,
                classes=["kluit-saved"],
            )
            solara.Button(t("editor.add", lang), on_click=add)
    return main


@solara.component
def ScenarioFile(scen: Scenario | None, stem: str, target_ok: bool, lang: str):
    """The scenario file to download, and a look at it."""
    with solara.Column(gap="2px") as main:
        if scen is not None:
            text = scen.to_toml()
            safe = safe_part(stem, "file name") if stem and target_ok else "scenario"
            solara.FileDownload(
                text,
                filename=f"{safe}.toml",
                label=t("editor.download", lang),
                mime_type="application/toml",
            )
            with solara.Details(t("editor.preview", lang)):
                solara.Preformatted(text)
    return main
