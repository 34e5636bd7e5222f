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
    (re.compile(r"given twice"), lambda m, lang: t("err.twice", lang), False),
    (re.compile(r"no such scenario file"), lambda m, lang: t("err.no_file", lang), False),
    (
        re.compile(r"no such file: (.*)"),
        lambda m, lang: t("err.no_such_file", lang, file=m.group(1)),
        False,
    ),
    (
        re.compile(r"not valid TOML: (.*)", re.S),
        lambda m, lang: t("err.toml", lang, detail=m.group(1)),
        False,
    ),
    (
        re.compile(r"not UTF-8 text \((.*)\)"),
        lambda m, lang: t("err.utf8", lang, detail=m.group(1)),
        False,
    ),
    (
        re.compile(r"cannot (?:be read|read (.*?)): it (.*); allowed: a scenario TOML file"),
        lambda m, lang: t("err.unreadable", lang, reason=m.group(2)),
        False,
    ),
    (
        re.compile(r"extends cycle: (.*)"),
        lambda m, lang: t("err.cycle", lang, files=m.group(1)),
        False,
    ),
    (
        re.compile(r"a scenario must be a table, got (.*)"),
        lambda m, lang: t("err.not_table", lang),
        False,
    ),
    (
        re.compile(r"missing, allowed: (.*)"),
        lambda m, lang: t("err.missing", lang, allowed=allowed_text(m.group(1), lang)),
        False,
    ),
    (
        re.compile(r"unknown language '(.*?)'; .*"),
        lambda m, lang: t("err.language", lang, given=m.group(1)),
        False,
    ),
    (
        re.compile(r"choose at least one scenario"),
        lambda m, lang: t("compare.choose_one", lang),
        False,
    ),
    (
        re.compile(r"choose a second scenario.*"),
        lambda m, lang: t("compare.choose_two", lang),
        False,
    ),
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


__all__ = ["allowed_text", "message_text", "save_error_text", "scenario_error_text"]
