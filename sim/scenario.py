"""Scenario files: TOML that sets parameters from the registry and lists shocks.

A scenario is every registered parameter (defaults filled in) plus a list of shocks. Files may
``extends`` another file; anything unknown or out of range is an error naming file, key and the
allowed values, so a typo can never silently fall back to a default.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import numbers
import os
import re
import tomllib
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sim.files import InputFileError, parse_toml, read_input_bytes
from sim.params import Param, all_params, policy_names
from sim.survey import FORMAT_MARKDOWN as SURVEY_FORMAT_MARKDOWN

SHOCK_KINDS = ("reshoring", "recession", "new_product_line", "demand", "policy_stop")
#: assumed default sizes (relative change in sector demand) of a shock that gives none; the
#: ``size`` field's description in scenarios/README.md says why
DEFAULT_SHOCK_SIZE = {
    "reshoring": 0.05,
    "recession": -0.06,
    "new_product_line": 0.03,
    "demand": 0.01,
    "policy_stop": 0.0,
}
_META = ("name", "title", "description", "extends", "shocks")
#: languages of the texts a scenario file shows to users (title, description)
LANGUAGES = ("en", "nl")
#: scenario overrides: a mapping of dotted key -> value, ``"key=value"`` strings (as ``--set``)
#: or ``(key, value)`` pairs
Overrides = Mapping[str, Any] | Iterable[str | tuple[str, Any]]


class ScenarioError(ValueError):
    """A scenario problem, with the file and the dotted key it concerns (either may be None)."""

    def __init__(self, message: str, file: str | None = None, key: str | None = None):
        self.message, self.file, self.key = message, file, key
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"key '{self.key}': " if self.key else ""
        return f"{self.file}: {where}{self.message}" if self.file else f"{where}{self.message}"

    def __reduce__(self):
        return (type(self), (self.message, self.file, self.key))


# --- values --------------------------------------------------------------------------------


def _show(value: Any) -> str:
    """Render a value the way it would be written in TOML, for error messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _toml_str(value)
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, (list, tuple)):
        return "an array"
    return repr(value) if isinstance(value, float) else str(value)


def _type_name(value: Any) -> str:
    for kind, name in (
        (bool, "a boolean"),
        (str, "a string"),
        (numbers.Integral, "an integer"),
        (float, "a float"),
        (Mapping, "a table"),
        ((list, tuple), "an array"),
    ):
        if isinstance(value, kind):
            return name
    return type(value).__name__


def coerce(param: Param, value: Any, file: str | None = None) -> Any:
    """Check ``value`` against ``param`` (type, range, choices) and return it in the param's type.

    Strict on purpose: no bool for numbers, no 12.0 for an integer, no NaN or infinity.
    """
    kind = param.kind

    def fail(wrong_type: bool = False):
        plain = not wrong_type or isinstance(value, (Mapping, list, tuple))
        got = _show(value) + ("" if plain else f" ({_type_name(value)})")
        raise ScenarioError(f"got {got}, allowed: {param.allowed()}", file, param.key)

    if kind is bool:
        if not isinstance(value, bool):
            fail(True)
        return value
    if kind is str:
        if not isinstance(value, str):
            fail(True)
        if param.choices and value not in param.choices:
            fail()
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        fail(True)
    if kind is int:
        if not isinstance(value, numbers.Integral):
            fail(True)
        value = int(value)
    else:
        try:
            value = float(value)
        except OverflowError:
            fail()
        if not math.isfinite(value):
            fail()
    if (param.lo is not None and value < param.lo) or (param.hi is not None and value > param.hi):
        fail()
    return value


# --- shocks --------------------------------------------------------------------------------


def _field(name: str, default: Any, doc: str, **bounds: Any) -> Param:
    return Param(name, default, "", "", doc, **bounds)


_SHOCK_FIELDS: dict[str, Param] = {
    "kind": _field("kind", "", "What happens.", choices=SHOCK_KINDS),
    "month": _field("month", 0, "Month the shock starts (0 = first month).", lo=0),
    "duration_months": _field("duration_months", 0, "Months it lasts; 0 = permanent.", lo=0),
    "sector": _field("sector", "all", "Sector name, or 'all'."),
    "size": _field(
        "size",
        0.0,
        "Relative change in sector demand (0.05 = +5%); default by "
        "kind: "
        + ", ".join(f"{k} {v:g}" for k, v in DEFAULT_SHOCK_SIZE.items())
        + " (assumed: illustrative events of a few times the spread of the sector cycle, "
        "employers.sector_cycle_sd; a policy_stop changes no demand).",
        lo=-0.9,
        hi=2.0,
    ),
    "municipality": _field("municipality", "all", "Municipality name, or 'all'."),
    "policy": _field("policy", "", "Policy to stop; required for policy_stop, else not allowed."),
}
_SHOCK_REQUIRED = ("kind", "month")


def _shock_specs() -> dict[str, Param]:
    """The shock fields, with the names of the instruments as the choices of ``policy``."""
    return {
        **_SHOCK_FIELDS,
        "policy": dataclasses.replace(_SHOCK_FIELDS["policy"], choices=policy_names()),
    }


@dataclass(frozen=True)
class Shock:
    """A scheduled event: a demand change in a sector/municipality, or a policy being stopped."""

    kind: str
    month: int = 0
    duration_months: int = 0
    sector: str = "all"
    size: float | None = None  # None -> DEFAULT_SHOCK_SIZE[kind]
    municipality: str = "all"
    policy: str | None = None

    def __post_init__(self):
        if self.size is None:
            object.__setattr__(self, "size", DEFAULT_SHOCK_SIZE.get(self.kind, 0.0))

    @classmethod
    def from_dict(cls, table: Any, file: str | None = None, index: int = 0) -> Shock:
        """Validate one ``[[shocks]]`` table; errors name ``shocks[index].field``."""
        where = f"shocks[{index}]"
        if not isinstance(table, Mapping):
            raise ScenarioError(
                f"got {_show(table)}, allowed: a table with keys " + ", ".join(_SHOCK_FIELDS),
                file,
                where,
            )
        specs, out = _shock_specs(), {}
        for name, value in table.items():
            if name not in specs:
                raise ScenarioError(
                    "unknown shock field"
                    + _suggest(str(name), specs)
                    + "; allowed: "
                    + ", ".join(specs),
                    file,
                    f"{where}.{name}",
                )
            spec = dataclasses.replace(specs[name], key=f"{where}.{name}")
            out[name] = coerce(spec, value, file)
            if name in ("sector", "municipality") and not out[name].strip():
                raise ScenarioError("got an empty string, allowed: a name or 'all'", file, spec.key)
        for name in _SHOCK_REQUIRED:
            if name not in out:
                raise ScenarioError(
                    f"missing, allowed: {_SHOCK_FIELDS[name].allowed()}", file, f"{where}.{name}"
                )
        if out["kind"] == "policy_stop" and "policy" not in out:
            raise ScenarioError(
                "required for kind 'policy_stop', allowed: one of "
                + ", ".join(map(repr, policy_names())),
                file,
                f"{where}.policy",
            )
        if out["kind"] != "policy_stop" and "policy" in out:
            raise ScenarioError(
                f"not allowed for kind {out['kind']!r}, only for 'policy_stop'",
                file,
                f"{where}.policy",
            )
        return cls(**out)

    def to_dict(self) -> dict[str, Any]:
        """Field -> value, leaving out ``policy`` when unset (the TOML form of the shock)."""
        d = dataclasses.asdict(self)
        return d if self.policy is not None else {k: v for k, v in d.items() if k != "policy"}


# --- scenario ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    """A complete, validated parameter set plus shocks. Equality ignores where it came from."""

    name: str
    description: str
    values: types.MappingProxyType
    shocks: tuple[Shock, ...] = ()
    path: str | None = field(default=None, compare=False)
    chain: tuple[str, ...] = field(default=(), compare=False)  # oldest ancestor first
    #: what users see instead of the file name: {"title" | "description": {language: text}}
    texts: types.MappingProxyType = field(default=types.MappingProxyType({}), compare=False)

    def __hash__(self) -> int:
        return hash((self.name, self.description, tuple(self.values.items()), self.shocks))

    def __getitem__(self, key: str) -> Any:
        if key not in self.values:
            raise KeyError(f"unknown scenario key {key!r}" + _suggest(key, self.values))
        return self.values[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def with_overrides(self, overrides: Overrides) -> Scenario:
        """A copy with some keys changed: a mapping of dotted key -> value or ``"k=v"`` strings."""
        params = all_params()
        new = dict(self.values)
        items = (
            overrides.items()
            if isinstance(overrides, Mapping)
            else (parse_override(o) if isinstance(o, str) else o for o in overrides)
        )
        for key, value in items:
            if key not in params:
                example = next(iter(params))
                hint = _suggest(key, params) or f"; use a full dotted key such as '{example}'"
                raise ScenarioError("unknown key" + hint, None, key)
            new[key] = coerce(params[key], value)
        check_policy_windows(new)
        check_ordered_pairs(new)
        return dataclasses.replace(self, values=types.MappingProxyType(new))

    def changed(self) -> dict[str, Any]:
        """Keys whose value differs from the registry default."""
        params = all_params()
        return {k: v for k, v in self.values.items() if k not in params or v != params[k].default}

    def title_in(self, lang: str = "en") -> str:
        """The scenario's title in ``lang`` (then English, then its name)."""
        t = self.texts.get("title", {})
        return t.get(lang) or t.get("en") or self.name

    def description_in(self, lang: str = "en") -> str:
        """The scenario's description in ``lang`` (then English, then the plain description)."""
        d = self.texts.get("description", {})
        return d.get(lang) or d.get("en") or self.description

    def policy_enabled(self, name: str) -> bool:
        """Whether policy ``name`` is switched on (its ``policies.<name>.enabled`` key)."""
        if name not in policy_names():
            raise KeyError(f"unknown policy {name!r}" + _suggest(name, policy_names()))
        return bool(self.values.get(f"policies.{name}.enabled", False))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able form (all values, shocks as dicts)."""
        return {
            "name": self.name,
            "description": self.description,
            "texts": {k: dict(v) for k, v in self.texts.items()},
            "values": dict(self.values),
            "shocks": [s.to_dict() for s in self.shocks],
            "path": self.path,
            "chain": list(self.chain),
        }

    def to_toml(self) -> str:
        """TOML text with name, description, changed keys and shocks; loading it gives ``self``."""
        lines = [f"name = {_toml_value(self.name)}"]
        for key in ("title", "description"):
            by_lang = self.texts.get(key)
            if by_lang and set(by_lang) == {"en"}:  # plain text is English
                lines.append(f"{key} = {_toml_value(by_lang['en'])}")
            elif by_lang:
                lines.append(
                    f"{key} = {{ "
                    + ", ".join(f"{lang} = {_toml_value(text)}" for lang, text in by_lang.items())
                    + " }"
                )
            elif key == "description":
                lines.append(f"description = {_toml_value(self.description)}")
        tables: dict[str, list[str]] = {}
        for key, value in self.changed().items():
            table, _, leaf = key.rpartition(".")
            tables.setdefault(table, []).append(f"{_toml_key(leaf)} = {_toml_value(value)}")
        lines += tables.pop("", [])
        for table, rows in tables.items():
            lines += ["", "[" + ".".join(map(_toml_key, table.split("."))) + "]", *rows]
        for shock in self.shocks:
            lines += ["", "[[shocks]]"]
            lines += [f"{k} = {_toml_value(v)}" for k, v in shock.to_dict().items()]
        return "\n".join(lines) + "\n"


def default_scenario() -> Scenario:
    """Every registered parameter at its default, no shocks."""
    values = {k: p.default for k, p in all_params().items()}
    return Scenario("default", "Every parameter at its default.", types.MappingProxyType(values))


def load_scenario(path: str | os.PathLike, overrides: Overrides = ()) -> Scenario:
    """Read a scenario file (following ``extends``) and apply ``--set``-style overrides."""
    file = os.fspath(path)
    scenario = _build(_read_toml(file), file)
    return scenario.with_overrides(overrides) if overrides else scenario


def scenario_from_dict(data: Mapping[str, Any], path: str | os.PathLike | None = None) -> Scenario:
    """Validate an already parsed scenario (nested tables or flat dotted keys), e.g. from the UI.

    ``path`` names the source in errors and anchors a relative ``extends``.
    """
    return _build(data, os.fspath(path) if path is not None else None)


def parse_override(text: str) -> tuple[str, Any]:
    """Parse a CLI ``--set KEY=VALUE``; VALUE is read as TOML when possible, else as a string."""
    key, eq, raw = text.partition("=")
    key, raw = key.strip(), raw.strip()
    if not eq or not key:
        raise ScenarioError(f"--set expects KEY=VALUE, got {text!r}")
    params = all_params()
    if key not in params:
        hint = _suggest(key, params) or f"; use a full dotted key such as '{next(iter(params))}'"
        raise ScenarioError("unknown key in --set" + hint, None, key)
    param = params[key]
    try:
        value = parse_toml(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        value = raw
    except InputFileError as e:
        raise ScenarioError(f"in --set: {e.reason}", None, key) from None
    if param.kind is str and not isinstance(value, str):
        value = raw
    try:
        return key, coerce(param, value)
    except ScenarioError as e:
        raise ScenarioError(f"in --set: {e.message}", None, key) from None


# --- loading -------------------------------------------------------------------------------


def _read_toml(file: str, referrer: str | None = None) -> dict[str, Any]:
    """Parse one file; a missing ``extends`` target is blamed on the file that names it.

    Only regular files of a sane size are read (a folder, FIFO or device is refused before
    reading, see :mod:`sim.files`).
    """
    try:
        text = read_input_bytes(file).decode("utf-8-sig")
    except InputFileError as e:
        if e.missing:
            if referrer is not None:
                raise ScenarioError(f"no such file: {file}", referrer, "extends") from None
            raise ScenarioError("no such scenario file", file) from None
        if referrer is not None:
            raise ScenarioError(
                f"cannot read {file}: it {e.reason}; allowed: a scenario TOML file",
                referrer,
                "extends",
            ) from None
        raise ScenarioError(
            f"cannot be read: it {e.reason}; allowed: a scenario TOML file", file
        ) from None
    except UnicodeDecodeError as e:
        raise ScenarioError(
            f"not UTF-8 text (byte {e.object[e.start]:#04x} at offset {e.start})", file
        ) from None
    try:
        return parse_toml(text)
    except tomllib.TOMLDecodeError as e:
        raise ScenarioError(f"not valid TOML: {e}", file) from None
    except InputFileError as e:
        raise ScenarioError(f"{e.reason}", file) from None


def _build(data: Any, file: str | None) -> Scenario:
    """Follow the ``extends`` chain from ``data`` and merge it over the defaults."""
    if not isinstance(data, Mapping):
        raise ScenarioError(f"a scenario must be a table, got {_type_name(data)}", file)
    layers = [(file, data)]
    seen = [os.path.realpath(file)] if file else []
    while (ext := layers[-1][1].get("extends")) is not None:
        child = layers[-1][0]
        if not isinstance(ext, str) or not ext.strip() or "\0" in ext:
            raise ScenarioError(
                f"got {_show(ext)}, allowed: a path to a scenario file, relative to this file",
                child,
                "extends",
            )
        target = os.path.normpath(os.path.join(os.path.dirname(child or ""), ext))
        if os.path.realpath(target) in seen:
            names = [f for f, _ in layers if f] + [target]
            raise ScenarioError("extends cycle: " + " -> ".join(names), child, "extends")
        seen.append(os.path.realpath(target))
        layers.append((target, _read_toml(target, referrer=child or "<scenario>")))

    params = all_params()
    sections = {k.rsplit(".", i)[0] for k in params for i in range(1, k.count(".") + 1)}
    values = {k: p.default for k, p in params.items()}
    shocks: list[Shock] = []
    origin: dict[str, str | None] = {}  # key -> the file that set it last
    for layer_file, layer in reversed(layers):
        flat = _flatten(layer, layer_file, params, sections)
        values.update(flat)
        origin.update(dict.fromkeys(flat, layer_file))
        shocks += _shocks(layer.get("shocks", []), layer_file)
    check_policy_windows(values, origin, file)
    check_ordered_pairs(values, origin, file)

    for layer_file, layer in layers:
        if "name" in layer:
            coerce(Param("name", "", "", "", ""), layer["name"], layer_file)
            if not layer["name"].strip():
                raise ScenarioError(
                    "got an empty string, allowed: a non-empty name", layer_file, "name"
                )
        for key in ("title", "description"):
            if key in layer:
                _texts(layer[key], layer_file, key)
    top_file, top = layers[0]
    default_name = os.path.splitext(os.path.basename(top_file))[0] if top_file else "custom"
    texts = {
        k: types.MappingProxyType(_texts(top[k], top_file, k))
        for k in ("title", "description")
        if k in top
    }
    description = texts["description"].get("en", "") if "description" in texts else ""
    return Scenario(
        top.get("name", default_name),
        description,
        types.MappingProxyType(values),
        tuple(shocks),
        top_file,
        tuple(f for f, _ in reversed(layers) if f),
        types.MappingProxyType(texts),
    )


def check_policy_windows(
    values: Mapping[str, Any],
    origin: Mapping[str, str | None] | None = None,
    file: str | None = None,
) -> None:
    """No policy's ``start_month`` comes after its ``end_month`` (unless that is -1).

    An instrument that starts after it stops would be accepted and never run. The error names
    the file that set the start (or the end) month; ``origin`` maps keys to files.
    """
    origin = origin or {}
    for key, start in values.items():
        if not (key.startswith("policies.") and key.endswith(".start_month")):
            continue
        end_key = key[: -len("start_month")] + "end_month"
        end = values.get(end_key, -1)
        if end is not None and end >= 0 and start > end:
            blame, where = (
                (key, origin[key]) if key in origin else (end_key, origin.get(end_key, file))
            )
            raise ScenarioError(
                f"{key} is {start} and {end_key} is {end}: the instrument would stop before it "
                f"starts and never run; allowed: start_month <= end_month, or end_month = -1 "
                "(never stops)",
                where if where is not None else file,
                blame,
            )


#: pairs of keys whose values must not be in the wrong order: (lower, upper)
ORDERED_PAIRS = (
    ("employers.slack_min", "employers.slack_max"),
    ("population.skilled_wage_value", "population.highly_skilled_wage_value"),
)


def check_ordered_pairs(
    values: Mapping[str, Any],
    origin: Mapping[str, str | None] | None = None,
    file: str | None = None,
) -> None:
    """A lower bound is not above its upper bound (e.g. the least and the most slack)."""
    origin = origin or {}
    for lo_key, hi_key in ORDERED_PAIRS:
        lo, hi = values.get(lo_key), values.get(hi_key)
        if lo is not None and hi is not None and lo > hi:
            blame = lo_key if lo_key in origin else hi_key
            where = origin.get(blame, file)
            raise ScenarioError(
                f"{lo_key} is {lo:g} and {hi_key} is {hi:g}; allowed: {lo_key} <= {hi_key}",
                where if where is not None else file,
                blame,
            )


def _texts(value: Any, file: str | None, key: str) -> dict[str, str]:
    """A title or description: plain text (English) or a table of texts by language."""
    allowed = "allowed: a string (English) or a table with " + " and ".join(
        f'{lang} = "..."' for lang in LANGUAGES
    )
    if isinstance(value, str):
        return {"en": value}
    if not isinstance(value, Mapping):
        raise ScenarioError(f"got {_show(value)}, {allowed}", file, key)
    out = {}
    for lang, text in value.items():
        if lang not in LANGUAGES:
            raise ScenarioError(f"unknown language {lang!r}; {allowed}", file, f"{key}.{lang}")
        if not isinstance(text, str) or not text.strip():
            raise ScenarioError(
                f"got {_show(text)}, allowed: a non-empty string", file, f"{key}.{lang}"
            )
        out[lang] = text
    return out


def _flatten(
    table: Mapping,
    file: str | None,
    params: dict[str, Param],
    sections: set[str],
    prefix: str = "",
    out: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Nested tables (or dotted keys) -> {dotted key: validated value}; rejects unknown keys."""
    out = {} if out is None else out
    for raw_key, value in table.items():
        if not isinstance(raw_key, str):
            raise ScenarioError(f"keys must be strings, got {raw_key!r}", file, prefix or None)
        if not prefix and raw_key in _META:
            continue
        key = f"{prefix}.{raw_key}" if prefix else raw_key
        if key in params:
            if key in out:
                raise ScenarioError("given twice", file, key)
            out[key] = coerce(params[key], value, file)
        elif key in sections:
            if not isinstance(value, Mapping):
                example = next(k for k in params if k.startswith(key + "."))[len(key) + 1 :]
                raise ScenarioError(
                    f"got {_show(value)}, but this is a section, allowed: a table "
                    f"such as [{key}] with {example} = ...",
                    file,
                    key,
                )
            _flatten(value, file, params, sections, key, out)
        else:
            what = "unknown section" if isinstance(value, Mapping) else "unknown key"
            hint = _suggest(key, [*params, *sections])
            if not hint and prefix:
                hint = (
                    "; keys in ["
                    + prefix
                    + "]: "
                    + ", ".join(
                        k[len(prefix) + 1 :]
                        for k in [*params, *sections]
                        if k.startswith(prefix + ".") and "." not in k[len(prefix) + 1 :]
                    )
                )
            elif not hint:
                hint = "; allowed: " + ", ".join(
                    [*_META, *sorted({k.split(".")[0] for k in params})]
                )
            raise ScenarioError(what + hint, file, key)
    return out


def _shocks(raw: Any, file: str | None) -> list[Shock]:
    if not isinstance(raw, list):
        raise ScenarioError(
            f"got {_show(raw)}, allowed: an array of tables written as [[shocks]]", file, "shocks"
        )
    return [Shock.from_dict(table, file, i) for i, table in enumerate(raw)]


def _suggest(key: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(key, list(known), n=3, cutoff=0.6)
    return "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?" if close else ""


# --- TOML and Markdown output --------------------------------------------------------------

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _toml_str(s: str) -> str:
    return (
        '"'
        + "".join(
            _ESCAPES.get(c) or (f"\\u{ord(c):04x}" if ord(c) < 0x20 or c == "\x7f" else c)
            for c in s
        )
        + '"'
    )


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_str(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _toml_str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot write {value!r} to a scenario file")
        return repr(value)
    if isinstance(value, int):
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} to a scenario file")


def _md_row(cells: Iterable[Any]) -> str:
    return "| " + " | ".join(str(c).replace("|", "\\|").replace("\n", " ") for c in cells) + " |"


def scenario_docs_markdown() -> str:
    """Markdown reference of every scenario key and shock field, grouped by top-level section."""
    groups: dict[str, list[Param]] = {}
    for p in all_params().values():
        groups.setdefault(p.key.split(".")[0], []).append(p)
    out = [
        "# Scenario keys",
        "",
        "Set these in a scenario file as nested tables (`[policies.wage_subsidy]`, then "
        "`enabled = true`) or on the command line with `--set KEY=VALUE`.",
        "",
    ]
    header = ["Key", "Default", "Unit", "Allowed", "Source", "Description"]
    for section, ps in groups.items():
        out += [f"## {section}", "", _md_row(header), _md_row(["---"] * len(header))]
        out += [
            _md_row(
                [f"`{p.key}`", f"`{_toml_value(p.default)}`", p.unit, p.allowed(), p.source, p.doc]
            )
            for p in ps
        ]
        out.append("")
    head = ["Field", "Default", "Allowed", "Description"]
    out += [
        "## shocks",
        "",
        "Each `[[shocks]]` table is one event; a file's shocks come after "
        "those of the file it extends.",
        "",
        _md_row(head),
        _md_row(["---"] * len(head)),
    ]
    for name, p in _shock_specs().items():
        default = (
            "required"
            if name in _SHOCK_REQUIRED
            else "by kind"
            if name == "size"
            else ""
            if name == "policy"
            else f"`{_toml_value(p.default)}`"
        )
        out.append(_md_row([f"`{name}`", default, p.allowed(), p.doc]))
    out += ["", SURVEY_FORMAT_MARKDOWN.rstrip("\n")]
    return "\n".join(out) + "\n"
