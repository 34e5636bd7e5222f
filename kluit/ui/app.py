"""The Kluit web page: ``solara run kluit.ui.app`` (``kluit ui`` does that for you).

Four views share one :class:`~kluit.ui.state.Settings` per browser session. The address holds
every setting that differs from the defaults, so a copied link opens the same view, scenarios
and settings; with ``run=1`` a comparison starts by itself. All views stay mounted (hidden when
not shown) so switching views keeps results and the running model.
"""

from __future__ import annotations

from dataclasses import replace

import solara

from kluit.ui.compare_view import CompareView
from kluit.ui.components import Messages
from kluit.ui.editor_view import EditorView
from kluit.ui.explore_view import ExploreView
from kluit.ui.monitor_view import MonitorView
from kluit.ui.state import (
    VIEW_LABELS,
    VIEWS,
    default_settings,
    discover_scenarios,
    scenarios_root,
    settings_from_query,
    settings_to_query,
    usable,
)
from kluit.ui.story_view import StoryView
from kluit.ui.text import INTRO


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
    index = VIEWS.index(s.view)
    solara.Title("Kluit - labour-market policy simulator")
    with solara.Column(gap="0px", style={"padding": "0 8px"}) as main:
        with solara.AppBar():
            with solara.lab.Tabs(value=index, on_value=lambda i: settings.set(
                    replace(settings.value, view=VIEWS[i])), background_color="primary", dark=True):
                for v in VIEWS:
                    solara.lab.Tab(VIEW_LABELS[v])
        solara.AppBarTitle("Kluit")
        solara.HTML(tag="h2", unsafe_innerHTML=VIEW_LABELS[s.view],
                    style="margin: 8px 0 0 0; white-space: nowrap;")
        solara.Text(INTRO, style={"font-size": "0.85em", "color": "#555",
                                  "margin-bottom": "6px"})
        Messages(link_warnings.value)
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
                    MonitorView(entries.value)
                else:
                    EditorView(settings, entries.value, refresh)
    return main
