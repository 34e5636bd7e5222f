"""The Kluit web page: ``solara run kluit.ui.app`` (``kluit ui`` does that for you).

Five views share one :class:`~kluit.ui.state.Settings` per browser session. The address holds
every setting that differs from the defaults, so a copied link opens the same view, scenarios
and settings; with ``run=1`` a comparison starts by itself. All views stay mounted (hidden when
not shown) so switching views keeps results and the running model.
"""

from __future__ import annotations

from dataclasses import replace

import solara

from analysis.i18n import t
from kluit.ui.compare_view import CompareView
from kluit.ui.components import Messages
from kluit.ui.editor_view import EditorView
from kluit.ui.errors import link_warning_text
from kluit.ui.explore_view import ExploreView
from kluit.ui.monitor_view import MonitorView
from kluit.ui.state import (
    VIEWS,
    default_settings,
    discover_scenarios,
    scenarios_root,
    settings_from_query,
    settings_to_query,
    usable,
)
from kluit.ui.story_view import StoryView

#: the page's own styles: result cards and tables, stacking below 960 px, nothing wider than
#: the window
CSS = """
.kluit-cards .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
  gap: 10px; margin-bottom: 12px; }
.kluit-cards .card { border: 1px solid #ccd; border-radius: 6px; padding: 8px 10px;
  background: #f8f9fc; font-size: 14px; line-height: 1.35; }
.kluit-cards .card .label { font-size: 0.85em; color: #444; }
.kluit-cards .card .value { font-size: 1.25em; font-weight: bold; margin: 2px 0; }
.kluit-cards .card .value.none { font-size: 0.95em; font-weight: normal; font-style: italic; }
.kluit-cards .card .interval { font-size: 0.8em; color: #555; }
.kluit-cards .card .sentence { font-size: 0.85em; margin-top: 4px; }
.kluit-cards h3 { margin: 8px 0 6px 0; font-size: 1.05em; }
.kluit-side table, .kluit-whom table { border-collapse: collapse; font-size: 0.88em;
  width: 100%; margin: 4px 0; }
.kluit-side td, .kluit-side th, .kluit-whom td, .kluit-whom th { border: 1px solid #ccc;
  padding: 4px 6px; vertical-align: top; text-align: right; overflow-wrap: anywhere; }
.kluit-side th:first-child, .kluit-whom th:first-child { text-align: left; }
.kluit-side small.diff { color: #0b5394; }
.kluit-monitor table { border-collapse: collapse; font-size: 0.88em; margin: 4px 0; }
.kluit-monitor td, .kluit-monitor th { padding: 2px 10px 2px 0; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
.kluit-monitor td code { overflow-wrap: normal; white-space: nowrap; }
.kluit-page img { max-width: 100%; height: auto; }
.kluit-page img.kluit-map { max-width: none; }
.kluit-page, .kluit-page * { box-sizing: border-box; }
.kluit-page .v-input__slot .v-label { white-space: normal; }
/* a slider's label (which holds its value) on its own line above the track */
.kluit-page .v-input.v-input__slider > .v-input__control > .v-input__slot { flex-wrap: wrap; }
.kluit-page .v-input.v-input__slider .v-input__slot > .v-label { flex: 0 0 100%;
  margin: 0 0 2px 0 !important; height: auto; line-height: 1.3; }
.kluit-page .v-input.v-input__slider .v-slider { margin-left: 0; }
/* the editor's sections: a long (Dutch) name wraps inside its button instead of being cut */
.kluit-page .v-btn.kluit-section { height: auto !important; min-height: 36px; max-width: 100%;
  padding-top: 6px; padding-bottom: 6px; white-space: normal; }
.kluit-page .v-btn.kluit-section .v-btn__content { white-space: normal; flex: 1 1 auto;
  min-width: 0; text-align: left; line-height: 1.3; overflow-wrap: anywhere; }
@media (max-width: 960px) {
  .kluit-cols { flex-direction: column; flex-wrap: nowrap !important; }
  .kluit-cols > .col { flex: 1 1 auto !important; max-width: 100% !important; width: 100%;
    overflow: visible !important; }
  .kluit-page .v-tabs-bar .v-tab { min-width: 0; padding: 0 8px; font-size: 0.8em; }
}
"""


@solara.component
def Page():
    root = solara.use_memo(scenarios_root, [])
    entries = solara.use_reactive(solara.use_memo(lambda: discover_scenarios(root), []))
    defaults = solara.use_memo(lambda: default_settings(entries.value), [])
    router = solara.use_router()
    known = [e.rel for e in usable(entries.value)]
    first = solara.use_memo(lambda: settings_from_query(router.search, defaults, known), [])
    settings = solara.use_reactive(first[0])
    link_warnings = solara.use_reactive(first[1])
    query = settings_to_query(settings.value, defaults)

    def push_address():  # keep the address bar in step with the settings
        if (router.search or "") != query and router.set_path is not None:
            router.push(f"{router.path}?{query}" if query else router.path)

    solara.use_effect(push_address, [query])

    def follow_address():  # back/forward buttons, or a link pasted into the same tab
        search = router.search or ""
        if search != query and router.set_path is not None:
            s, warnings = settings_from_query(search, defaults, known)
            settings.set(s)
            link_warnings.set(warnings)

    solara.use_effect(follow_address, [router.search])

    def refresh():
        entries.set(discover_scenarios(root))

    s = settings.value
    lang = s.lang
    index = VIEWS.index(s.view)
    other = "nl" if lang == "en" else "en"
    with solara.Column(gap="0px", style={"padding": "0 8px"}, classes=["kluit-page"]) as main:
        # inside the returned element: elements made outside it are never rendered (the tab
        # was titled "App" because the title was made outside)
        solara.Title(t("app.title", lang))
        solara.Style(CSS)
        with solara.AppBar():
            with solara.lab.Tabs(
                value=index,
                on_value=lambda i: settings.set(replace(settings.value, view=VIEWS[i])),
                background_color="primary",
                dark=True,
            ):
                for v in VIEWS:
                    solara.lab.Tab(t(f"view.{v}", lang))
            solara.Button(
                t("app.language", lang),
                text=True,
                dark=True,
                classes=["kluit-lang"],
                on_click=lambda: settings.set(replace(settings.value, lang=other)),
            )
        solara.AppBarTitle("Kluit")
        solara.HTML(
            tag="h2", unsafe_innerHTML=t(f"view.{s.view}", lang), style="margin: 8px 0 0 0;"
        )
        solara.Text(
            t("intro", lang), style={"font-size": "0.85em", "color": "#555", "margin-bottom": "6px"}
        )
        Messages([link_warning_text(w, lang) for w in link_warnings.value])
        for v in VIEWS:
            hide = {} if v == s.view else {"display": "none"}
            with solara.Div(style=hide, classes=[f"kluit-view-{v}"]):
                if v == "compare":
                    CompareView(settings, entries.value)
                elif v == "explore":
                    ExploreView(settings, entries.value, active=s.view == "explore")
                elif v == "story":
                    StoryView(settings, entries.value, active=s.view == "story")
                elif v == "monitor":
                    MonitorView(entries.value, lang=lang)
                else:
                    EditorView(settings, entries.value, refresh)
    return main
