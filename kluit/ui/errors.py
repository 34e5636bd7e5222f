"""Scenario and save errors in the reader's language, at the moment they are shown.

The CLI's messages stay as they are (``sim.scenario.ScenarioError``, English, naming file, key
and what is allowed). The UI shows them through :func:`message_text` (what is wrong and what
is allowed, next to a field the user sees by its label) or :func:`scenario_error_text` (a
scenario file that does not load: the file, the key and its label, what is wrong, what is
allowed). Each known kind of message is recognised by its pattern and written again from the
message catalogue (keys ``err.*`` in :mod:`analysis.i18n`); an unknown kind is shown in
English after a Dutch lead-in, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from analysis.i18n import choice_text, lang_or_default, param_name, t
from sim.params import all_params
from sim.scenario import ScenarioError

#: type names in "got 12.5 (a float)"
_TYPES = ("a boolean", "a string", "an integer", "a float", "a table", "an array")


def _label(key: str, lang: str) -> str:
    p = all_params().get(key)
    return param_name(p, lang) if p is not None else key


def allowed_text(allowed: str, lang: str) -> str:
    """What is allowed ('an integer from 0 to 600') in ``lang``.

    >>> allowed_text("an integer from 0 to 600", "nl")
    'een geheel getal van 0 tot en met 600'
    >>> allowed_text("a whole number (a number >= 0)", "nl")
    'een geheel getal (een getal van ten minste 0)'
    """
    if lang_or_default(lang) == "en":
        return allowed
    m = re.fullmatch(r"(a whole number|a number) \((.*)\)", allowed)
    if m:
        return f"{allowed_text(m.group(1), lang)} ({allowed_text(m.group(2), lang)})"
    kinds = {
        "an integer": "int",
        "a whole number": "int",
        "a number": "number",
        "a string": "string",
    }
    m = re.fullmatch(r"(an integer|a whole number|a number|a string)(?: (.*))?", allowed)
    if m:
        kind = t(f"err.kind.{kinds[m.group(1)]}", lang)
        rest = m.group(2) or ""
        if not rest:
            return kind
        r = re.fullmatch(r"from (\S+) to (\S+)", rest)
        if r:
            return t("err.range", lang, kind=kind, lo=r.group(1), hi=r.group(2))
        r = re.fullmatch(r">= (\S+)", rest)
        if r:
            return t("err.at_least", lang, kind=kind, lo=r.group(1))
        r = re.fullmatch(r"<= (\S+)", rest)
        if r:
            return t("err.at_most", lang, kind=kind, hi=r.group(1))
    if allowed == "true or false":
        return t("err.true_false", lang)
    m = re.fullmatch(r"one of (.*)", allowed)
    if m:
        values = re.findall(r"'([^']*)'", m.group(1))
        shown = ", ".join(f"'{v}' ({choice_text(v, lang)})" for v in values)
        return t("err.one_of", lang, values=shown)
    for en, key in (
        ("a non-empty string", "err.non_empty"),
        ("a non-empty name", "err.non_empty"),
        ("a name or 'all'", "err.name_or_all"),
        ("a scenario TOML file", "err.scenario_file"),
        ("a path to a scenario file, relative to this file", "err.extends_path"),
    ):
        if allowed == en:
            return t(key, lang)
    return allowed


def _got(got: str, lang: str) -> str:
    for en in _TYPES:
        if got.endswith(f" ({en})"):
            return got[: -len(en) - 3] + f" ({t('err.type.' + en.split()[-1], lang)})"
    return got


def _suggestion(rest: str, lang: str) -> str:
    """'; did you mean 'a' or 'b'?' and the other hints after an unknown key."""
    m = re.fullmatch(r"; did you mean (.*)\?", rest)
    if m:
        return t(
            "err.did_you_mean", lang, keys=m.group(1).replace(" or ", " " + t("err.or", lang) + " ")
        )
    m = re.fullmatch(r"; use a full dotted key such as '(.*)'", rest)
    if m:
        return t("err.full_key", lang, example=m.group(1))
    m = re.fullmatch(r"; keys in \[(.*?)\]: (.*)", rest)
    if m:
        return t("err.keys_in", lang, section=m.group(1), keys=m.group(2))
    m = re.fullmatch(r"; allowed: (.*)", rest)
    if m:
        return t("err.allowed_list", lang, keys=m.group(1))
    return rest


def _window(m: re.Match, lang: str) -> str:
    name = m.group(1).split(".")[1]
    from kluit.ui.state import policy_label

    return t(
        "err.window",
        lang,
        instrument=policy_label(name, lang),
        start=m.group(2),
        end=m.group(4),
    )


def _pair(m: re.Match, lang: str) -> str:
    return t(
        "err.pair",
        lang,
        lowname=_label(m.group(1), lang),
        lo=m.group(2),
        highname=_label(m.group(3), lang),
        hi=m.group(4),
    )


def _toml(detail: str, lang: str) -> str:
    """The TOML parser's complaint: where (line and column, or the end of the file) in a
    sentence of the catalogue, the parser's own words after it in parentheses."""
    m = re.fullmatch(r"(.*) \(at line (\d+), column (\d+)\)", detail, re.S)
    if m:
        return t("err.toml_at", lang, line=m.group(2), column=m.group(3), detail=m.group(1))
    m = re.fullmatch(r"(.*) \(at end of document\)", detail, re.S)
    if m:
        return t("err.toml_end", lang, detail=m.group(1))
    return t("err.toml", lang, detail=detail)


def _say(key: str, **groups: int) -> Callable[[re.Match, str], str]:
    """A message written as the catalogue's text ``key`` with the pattern's groups (by number)
    as its values, e.g. ``_say("err.cycle", files=1)``."""
    return lambda m, lang: t(key, lang, **{name: m.group(i) for name, i in groups.items()})


#: message pattern -> how to write it in the reader's language (``lang`` 'nl'; the patterns
#: that name keys are also rewritten in English, so the editor shows labels, not keys)
_PATTERNS: list[tuple[re.Pattern, Callable[[re.Match, str], str], bool]] = [
    (
        re.compile(
            r"(policies\.\w+\.start_month) is (-?\d+) and (policies\.\w+\.end_month) is (-?\d+):.*",
            re.S,
        ),
        _window,
        True,
    ),
    (
        re.compile(r"([\w.]+) is (\S+) and ([\w.]+) is (\S+); allowed: [\w.]+ <= [\w.]+"),
        _pair,
        True,
    ),
    (
        re.compile(r"got (.*), allowed: (.*)", re.S),
        lambda m, lang: t(
            "err.got", lang, got=_got(m.group(1), lang), allowed=allowed_text(m.group(2), lang)
        ),
        False,
    ),
    (
        re.compile(r"unknown (key|section|shock field)( in --set)?(.*)", re.S),
        lambda m, lang: (
            t(f"err.unknown_{m.group(1).split()[0]}", lang) + _suggestion(m.group(3), lang)
        ),
        False,
    ),
    (re.compile(r"given twice"), _say("err.twice"), False),
    (re.compile(r"no such scenario file"), _say("err.no_file"), False),
    (re.compile(r"no such file: (.*)"), _say("err.no_such_file", file=1), False),
    (re.compile(r"not valid TOML: (.*)", re.S), lambda m, lang: _toml(m.group(1), lang), False),
    (re.compile(r"not UTF-8 text \((.*)\)"), _say("err.utf8", detail=1), False),
    (
        re.compile(r"cannot (?:be read|read (.*?)): it (.*); allowed: a scenario TOML file"),
        _say("err.unreadable", reason=2),
        False,
    ),
    (re.compile(r"extends cycle: (.*)"), _say("err.cycle", files=1), False),
    (re.compile(r"a scenario must be a table, got (.*)"), _say("err.not_table"), False),
    (
        re.compile(r"missing, allowed: (.*)"),
        lambda m, lang: t("err.missing", lang, allowed=allowed_text(m.group(1), lang)),
        False,
    ),
    (re.compile(r"unknown language '(.*?)'; .*"), _say("err.language", given=1), False),
    (re.compile(r"choose at least one scenario"), _say("compare.choose_one"), False),
    (re.compile(r"choose a second scenario.*"), _say("compare.choose_two"), False),
]


def message_text(exc: ScenarioError, lang: str) -> str:
    """What is wrong and what is allowed, without file or key (for a field the user sees by
    its label). English: the CLI's own message, except that messages naming keys name the
    settings by their labels."""
    lang = lang_or_default(lang)
    for rx, write, both in _PATTERNS:
        m = rx.fullmatch(exc.message)
        if m and (both or lang != "en"):
            return write(m, lang)
    if lang == "en":
        return exc.message
    return t("err.other", lang, message=exc.message)


def scenario_error_text(exc: Exception, lang: str) -> str:
    """A scenario that does not load, in ``lang``: the file, the key with its label, what is
    wrong and what is allowed. English: exactly the CLI's message."""
    if lang_or_default(lang) == "en" or not isinstance(exc, ScenarioError):
        return str(exc)
    text = message_text(exc, lang)
    if exc.key:
        name = _label(exc.key, lang)
        if name == exc.key:  # not a registry key ('extends', 'title.fr', a shock's field)
            text = t("err.at_field", lang, setting=exc.key, message=text)
        else:
            text = t("err.at_key", lang, setting=exc.key, name=name, message=text)
    if exc.file:
        text = t("err.in_file", lang, file=exc.file, message=text)
    return text


def save_error_text(exc: Exception, lang: str) -> str:
    """A name or folder the editor cannot save to, in ``lang``."""
    kind = getattr(exc, "kind", "")
    values = getattr(exc, "values", {})
    if lang_or_default(lang) == "en" or not kind:
        return str(exc)
    if "what" in values:
        values = {**values, "what": t(f"err.save.what.{values['what']}", lang)}
    return t(f"err.save.{kind}", lang, **values)


def _own_package(inner: str, lang: str) -> str:
    """A setting of the own package in a link that does not fit ('key 'k': got ...')."""
    m = re.fullmatch(r"--set expects KEY=VALUE, got (.*)", inner, re.S)
    if m:
        return t("link.own_form", lang, given=m.group(1))
    m = re.fullmatch(r"key '([^']*)': (.*)", inner, re.S)
    key, message = (m.group(1), m.group(2)) if m else (None, inner)
    message = re.sub(r"^in --set: ", "", message).replace(" in --set", "")
    text = message_text(ScenarioError(message, None, key), lang)
    if key is None:
        return text
    name = _label(key, lang)
    if name == key:  # not a registry key
        return t("link.own_key", lang, setting=key, message=text)
    return t("link.own_setting", lang, name=name, setting=key, message=text)


#: what settings_from_query (kluit/ui/state.py) warns about a link -> the catalogue's words
_LINK: list[tuple[re.Pattern, Callable[[re.Match, str], str]]] = [
    (re.compile(r"ignored unknown link setting (.*)"), _say("link.unknown_setting", name=1)),
    (
        re.compile(r"(\w+)=(.*) is not a number; kept (.*)"),
        _say("link.not_number", name=1, given=2, kept=3),
    ),
    (
        re.compile(r"(\w+)=(.*) is outside (\S+) to (\S+); kept (.*)"),
        _say("link.outside", name=1, given=2, lo=3, hi=4, kept=5),
    ),
    (
        re.compile(r"scenario (.*) from the link was not found; kept (.*)"),
        lambda m, lang: t(
            "link.scenario_missing",
            lang,
            given=m.group(1),
            kept=t("link.none", lang) if m.group(2) == "none" else m.group(2),
        ),
    ),
    (
        re.compile(r"scenarios from the link not found: (.*)"),
        _say("link.scenarios_missing", names=1),
    ),
    (
        re.compile(r"unknown view (.*); allowed: (.*)"),
        _say("link.unknown_view", given=1, allowed=2),
    ),
    (
        re.compile(r"unknown language (.*); allowed: (.*)"),
        _say("link.unknown_language", given=1, allowed=2),
    ),
    (
        re.compile(r"unknown group (.*); allowed: (.*)"),
        _say("link.unknown_group", given=1, allowed=2),
    ),
    (
        re.compile(r"own package: (.*) is not an instrument setting; ignored"),
        _say("link.own_not_instrument", name=1),
    ),
    (
        re.compile(r"own package: (.*)", re.S),
        lambda m, lang: t("link.own", lang, message=_own_package(m.group(1), lang)),
    ),
]


def link_warning_text(warning: str, lang: str) -> str:
    """A warning about a shared link that does not fit (from
    :func:`kluit.ui.state.settings_from_query`), in ``lang``; an unknown kind is shown as it
    is after the catalogue's lead-in."""
    lang = lang_or_default(lang)
    for rx, write in _LINK:
        m = rx.fullmatch(warning)
        if m:
            return write(m, lang)
    return t("err.other", lang, message=warning) if lang != "en" else warning


def _monitor_patterns() -> list[tuple[re.Pattern, Callable[[re.Match, str], str]]]:
    from analysis.monitor import COLUMNS

    cols = ",".join(COLUMNS)
    return [
        (re.compile(r"no such file"), _say("monitor.err.no_file")),
        (re.compile(r"cannot read it \((.*)\)"), _say("monitor.err.unreadable", reason=1)),
        (re.compile(r"not UTF-8 text"), _say("monitor.err.utf8")),
        (re.compile(r"empty; .*"), lambda m, lang: t("monitor.err.empty", lang, columns=cols)),
        (
            re.compile(r"header (.*); allowed: .*"),
            lambda m, lang: t("monitor.err.header", lang, given=m.group(1), columns=cols),
        ),
        (
            re.compile(r"(\d+) fields; allowed: .*"),
            lambda m, lang: t("monitor.err.fields", lang, n=m.group(1), columns=cols),
        ),
        (
            re.compile(r"got (.*), allowed: a whole number from 0 to (\d+)"),
            _say("monitor.err.month", given=1, hi=2),
        ),
        (
            re.compile(r"month (\d+) is outside the run; allowed: 0 to (\d+).*"),
            _say("monitor.err.outside", month=1, hi=2),
        ),
        (
            re.compile(r"unknown municipality (.*); allowed: (.*)"),
            _say("monitor.err.municipality", given=1, allowed=2),
        ),
        (
            re.compile(r"unknown variable (.*) \(.* whole region only.*\); allowed: (.*)"),
            _say("monitor.err.variable_region", given=1, allowed=2),
        ),
        (
            re.compile(r"unknown variable (.*); allowed: (.*)"),
            _say("monitor.err.variable", given=1, allowed=2),
        ),
        (re.compile(r"got (.*), allowed: a number"), _say("monitor.err.value", given=1)),
        (re.compile(r"no figures; .*"), _say("monitor.err.no_figures")),
        (
            re.compile(r"month (\d+) of (\S+) (\S+) is given twice"),
            _say("monitor.err.twice", month=1, area=2, variable=3),
        ),
        (
            re.compile(r"month (\d+) of (\S+) (\S+) follows month (\d+): .*", re.S),
            _say("monitor.err.gap", month=1, area=2, variable=3, before=4),
        ),
    ]


def observed_error_text(exc, lang: str) -> str:
    """What is wrong in an uploaded file of realised figures
    (:class:`analysis.monitor.ObservedFileError`'s message, without file and line), in
    ``lang``; the CLI keeps the English. An unknown kind is shown as it is after the
    catalogue's lead-in."""
    lang = lang_or_default(lang)
    for rx, write in _monitor_patterns():
        m = rx.fullmatch(exc.message)
        if m:
            return write(m, lang)
    return t("err.other", lang, message=exc.message) if lang != "en" else exc.message


__all__ = [
    "allowed_text",
    "link_warning_text",
    "message_text",
    "observed_error_text",
    "save_error_text",
    "scenario_error_text",
]
