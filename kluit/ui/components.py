"""Small Solara components shared by the views: images, parameter controls, help text, tables.

Text is shown with plain components and escaped HTML, never ``solara.Markdown`` (which asks a
CDN for KaTeX: the UI must work with no internet).
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Sequence
from typing import Any

import solara

from analysis.i18n import choice_text, param_doc, t
from kluit.ui.errors import message_text
from kluit.ui.state import param_label, parse_value, show_value
from sim.params import Param
from sim.scenario import ScenarioError


def data_url(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


@solara.component
def PngImage(png: bytes, alt: str, css_class: str = "kluit-figure", width: int | None = None):
    """A PNG sent as a binary widget buffer (no base64, no request to any server). ``alt`` is
    kept for the caller's documentation: ipywidgets' Image has no alt attribute."""
    classes = css_class.split()
    return solara.Image(png, format="png", classes=classes, width=f"{width}px" if width else "100%")


@solara.component
def ClickableImage(
    png: bytes,
    alt: str,
    width: int,
    on_click: Callable[[float, float], None],
    css_class: str = "kluit-map",
):
    """A PNG at its natural pixel size that reports click positions (pixels from top left)."""
    img = solara.v.Html(
        tag="img",
        attributes={"src": data_url(png), "alt": alt, "class": css_class, "title": alt},
        style_=f"width: {width}px; max-width: none; cursor: pointer;",
    )

    def handler(widget, event, data):
        if isinstance(data, dict) and "offsetX" in data and "offsetY" in data:
            on_click(float(data["offsetX"]), float(data["offsetY"]))

    solara.v.use_event(img, "click", handler)
    return img


@solara.component
def Help(text: str, title: str | None = None):
    """A short explanation in a muted box."""
    with solara.Div(
        style={
            "background": "#f5f7fa",
            "border-left": "3px solid #0072B2",
            "padding": "6px 10px",
            "margin": "4px 0 8px 0",
            "font-size": "0.9em",
            "color": "#333",
        }
    ) as main:
        if title:
            solara.HTML(tag="div", unsafe_innerHTML=f"<b>{html.escape(title)}</b>")
        solara.HTML(tag="div", unsafe_innerHTML=html.escape(text))
    return main


@solara.component
def Messages(messages: Sequence[str], kind: str = "warning"):
    """A list of messages (warnings from a link, validation problems)."""
    if not messages:
        return solara.Div()
    with solara.Column(gap="2px") as main:
        for m in messages:
            if kind == "error":
                solara.Error(m, dense=True)
            elif kind == "info":
                solara.Info(m, dense=True)
            else:
                solara.Warning(m, dense=True)
    return main


#: a file offered for download: its contents (text, bytes, or a callable that returns them
#: when the button is pressed), file name, label and MIME type
Download = tuple[Any, str, str, str]


@solara.component
def Downloads(files: Sequence[Download], row: bool = True):
    """One download button per file, side by side or (``row`` False) one under another."""
    with solara.Row() if row else solara.Column(gap="2px") as main:
        for data, filename, label, mime in files:
            solara.FileDownload(data, filename=filename, label=label, mime_type=mime)
    return main


def numeric_slider_ok(p: Param) -> bool:
    """Whether a slider suits the parameter (a bounded number with a short range)."""
    if p.kind not in (int, float) or p.lo is None or p.hi is None:
        return False
    return (p.hi - p.lo) <= (1201 if p.kind is int else 100)


def slider_step(p: Param, value: Any) -> float | None:
    """A round step of about a hundredth of the range on which both the default and ``value``
    lie (a slider moves a value that is off its grid as soon as it is shown, which would change
    the user's settings unasked); None when there is none (then a text field is used).

    >>> from sim.params import Param
    >>> slider_step(Param("x", 3.0, "hours per week", "", "", 0.0, 40.0), 3.0)
    0.2
    >>> slider_step(Param("x", 0.5, "share", "", "", 0.0, 1.0), 0.37)
    0.01
    """
    target = (p.hi - p.lo) / 100
    for exp in range(-6, 7):
        for m in (5, 2, 1):
            step = m * 10.0**-exp
            if step > target * 1.0000001:
                continue
            if all(
                abs((float(v) - p.lo) / step - round((float(v) - p.lo) / step)) < 1e-6
                for v in (p.default, value)
            ):
                return float(f"{step:.6g}")
    return None


@solara.component
def ParamSlider(p: Param, value: Any, on_value: Callable[[Any], None], lang: str = "en"):
    """A labelled slider in the parameter's unit (own-package controls), in ``lang``."""
    label = param_label(p, lang)
    if p.kind is bool:
        return solara.Checkbox(label=label, value=bool(value), on_value=on_value)
    # the value is written in the label: a value bubble above the thumb covered the label
    if p.kind is int and numeric_slider_ok(p):
        return solara.SliderInt(
            f"{label}: {int(value)}",
            value=int(value),
            min=int(p.lo),
            max=int(p.hi),
            on_value=on_value,
        )
    step = slider_step(p, value) if p.kind is float and numeric_slider_ok(p) else None
    if step is not None:
        return solara.SliderFloat(
            f"{label}: {show_value(float(value))}",
            value=float(value),
            min=float(p.lo),
            max=float(p.hi),
            step=step,
            on_value=on_value,
        )
    return ParamField(p, value, on_value, lang=lang)


@solara.component
def ParamField(
    p: Param,
    value: Any,
    on_value: Callable[[Any], None],
    base: Any = None,
    on_error: Callable[[str, ScenarioError | None], None] | None = None,
    lang: str = "en",
):
    """A text field for one parameter that checks what is typed against the registry: the
    error names the allowed range (in ``lang``); valid values go to ``on_value``."""
    label = param_label(p, lang)
    text, set_text = solara.use_state(show_value(value))
    error, set_error = solara.use_state(None)  # the ScenarioError of what was typed

    # follow outside changes (a new base scenario, a reset)
    def sync():
        if error is None:
            set_text(show_value(value))

    solara.use_effect(sync, [show_value(value)])

    if p.kind is bool:
        return solara.Checkbox(label=label, value=bool(value), on_value=on_value)
    if p.choices:
        shown = {choice_text(c, lang): c for c in p.choices}
        return solara.Select(
            label,
            values=list(shown),
            value=choice_text(value, lang),
            on_value=lambda v: on_value(shown[v]),
        )

    def typed(new: str | None):
        set_text(new or "")
        try:
            v = parse_value(p, new or "")
        except ScenarioError as exc:
            set_error(exc)
            if on_error:
                on_error(p.key, exc)
            return
        set_error(None)
        if on_error:
            on_error(p.key, None)
        on_value(v)

    hint = param_doc(p, lang)
    if base is not None and base != value and error is None:
        hint = t("editor.changed_was", lang, was=show_value(base), doc=hint)
    return solara.InputText(
        label,
        value=text,
        on_value=typed,
        error=message_text(error, lang) if error is not None else False,
        message=hint,
        continuous_update=False,
    )


def html_table(
    header: Sequence[str],
    rows: Sequence[Sequence[tuple[str, dict[str, str]]]],
    row_attrs: Sequence[dict[str, str]] | None = None,
    css_class: str = "",
) -> str:
    """An HTML table; each cell is (text, attributes); everything is escaped."""

    def attrs(d: dict[str, str]) -> str:
        return "".join(f' {html.escape(k)}="{html.escape(str(v))}"' for k, v in d.items())

    out = [
        f'<table class="kluit-table {html.escape(css_class)}" style="border-collapse: '
        'collapse; font-size: 0.9em; margin: 4px 0;">',
        "<thead><tr>",
    ]
    out += [
        f'<th style="text-align:left; padding: 4px 8px; border-bottom: 2px solid #999;">'
        f"{html.escape(h)}</th>"
        for h in header
    ]
    out.append("</tr></thead><tbody>")
    for i, row in enumerate(rows):
        ra = attrs(row_attrs[i]) if row_attrs else ""
        out.append(f"<tr{ra}>")
        for text, a in row:
            out.append(
                f'<td style="padding: 3px 8px; border-bottom: 1px solid #ddd;"{attrs(a)}>'
                f"{html.escape(text)}</td>"
            )
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def scenario_choices(entries, lang: str) -> dict[str, str]:
    """Title shown -> scenario id, for a drop-down that never shows a file name (a second
    file with the same title gets a number)."""
    out: dict[str, str] = {}
    for e in entries:
        title, i = e.title(lang), 2
        while title in out:
            title, i = f"{e.title(lang)} ({i})", i + 1
        out[title] = e.rel
    return out


@solara.component
def ScenarioSelect(
    label: str,
    entries,
    value: str | None,
    on_value: Callable[[str], None],
    lang: str = "en",
    extra: dict[str, str] | None = None,
    style: str = "",
):
    """A drop-down of scenarios by title; ``on_value`` gets the scenario id. ``extra`` adds
    choices (title -> id) before the scenarios."""
    choices = {**(extra or {}), **scenario_choices(entries, lang)}
    shown = next((k for k, v in choices.items() if v == value), None)
    return solara.Select(
        label,
        values=list(choices),
        value=shown,
        on_value=lambda title: on_value(choices[title]),
        style=style,
    )
