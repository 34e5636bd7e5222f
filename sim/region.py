"""The region: municipalities as nodes, commuting links with travel times as edges.

A region is read from a TOML file (format in ``sim/data/README.md``), validated into a
:class:`Region` of per-node numpy arrays plus a networkx graph, and gives the shortest-path
travel times (minutes) that the model uses for commuting. Flevoland is the default
(:func:`flevoland`); :func:`synthetic_region` builds small seeded regions for tests.

Node ids are the row indices of every per-node array: ``region.names[i]``,
``region.population[i]`` and ``region.graph.nodes[i]`` describe the same municipality.
External nodes are job areas outside the region (Greater Amsterdam, the Veluwe): they have no
simulated residents, and their ``jobs`` is the number of the region's residents working there.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
import numpy as np

from sim.defaults import PARAMS as _DEFAULT_PARAMS
from sim.files import InputFileError, check_input_file, parse_toml, read_input_bytes

if TYPE_CHECKING:  # mesa is imported lazily: loading a region should not import it
    from random import Random

    from mesa.discrete_space import Network

__all__ = [
    "DEFAULT_SECTORS",
    "DEFAULT_SECTOR_SHARES",
    "FLEVOLAND_RATES",
    "Region",
    "RegionError",
    "flevoland",
    "get_region",
    "load_region",
    "mesa_network",
    "synthetic_region",
]

FLEVOLAND_FILE = Path(__file__).with_name("data") / "flevoland.toml"

DEFAULT_SECTORS: list[str] = [
    "agriculture",
    "industry",
    "construction",
    "trade",
    "logistics",
    "hospitality",
    "business_services",
    "care_public",
]
# assumed: rounded national CBS shares of jobs by SBI section around 2017 (A; B-E; F; G; H; I;
# J-N; O-U). flevoland.nl has a 12-sector split per municipality but docs/sources.md lacks its
# numbers.
DEFAULT_SECTOR_SHARES: list[float] = [0.025, 0.100, 0.050, 0.155, 0.050, 0.055, 0.240, 0.325]

# Flevoland rates, used where a region file gives neither municipal rows nor a total for a
# figure (then `assumed` for that region) and by synthetic_region. Per resident, except
# unemployed (per labour-force member). Sources: docs/sources.md, Flevoland rows.
_FLEVOLAND_POPULATION = 404_068  # 1 Jan 2016, flevoland.nl
FLEVOLAND_RATES: dict[str, float] = {
    "labour_force": 218_000 / _FLEVOLAND_POPULATION,  # 2016, CBS 83524NED
    "social_assistance": 12_340 / _FLEVOLAND_POPULATION,  # bijstand, 2016, CBS 83747NED
    "sheltered_work": 1_240 / _FLEVOLAND_POPULATION,  # Wsw, 2016, CBS 83747NED
    "unemployment_benefit": 8_951 / _FLEVOLAND_POPULATION,  # WW, Dec 2017, UWV via press
    "unemployed": 16_000 / 218_000,  # per labour-force member, 2016, CBS 83524NED
    "jobs": 176_367 / _FLEVOLAND_POPULATION,  # jobs located in the region, Apr 2017, flevoland.nl
    "establishments": 39_840 / 176_367,  # per job, Apr 2018 / Apr 2017, flevoland.nl
    "external_jobs": (35_000 + 8_400) / _FLEVOLAND_POPULATION,  # commuters out, regional press
}

#: largest synthetic region: above the Netherlands' 342 municipalities; building one grows with
#: the cube of its size (all-pairs travel times), so a typo such as 'synthetic:100000:0' would
#: otherwise exhaust memory instead of giving an error
MAX_SYNTHETIC_MUNICIPALITIES = 400
#: largest count a region file may give (residents, jobs, establishments, benefit recipients):
#: above the Netherlands' 17.9 million residents (CBS 2024). Each resident and job becomes
#: arrays and agents, so a slip such as 1e12 would otherwise exhaust memory, not give an error.
MAX_COUNT = 20_000_000
SHARE_TOLERANCE = 0.01  # sector shares must sum to 1 within this, then they are normalised
TOTAL_TOLERANCE = 0.01  # municipal rows may differ from a region total by this share

_TOP_KEYS = ("name", "description", "sectors", "sector_shares", "totals", "municipality", "link")
_TOTAL_KEYS = (
    "labour_force",
    "employed",
    "unemployed",
    "residents_15plus",
    "social_assistance",
    "sheltered_work",
    "unemployment_benefit",
)
# Figures spread from a region total in proportion to population where municipal rows are missing.
_SPREAD_BY_POPULATION = (
    "labour_force",
    "social_assistance",
    "sheltered_work",
    "unemployment_benefit",
)
_RESIDENT_FIGURES = ("population", *_SPREAD_BY_POPULATION, "unemployed")
_MUNICIPALITY_KEYS = (
    "name",
    "note",
    "external",
    "population",
    "labour_force",
    "jobs",
    "establishments",
    "social_assistance",
    "sheltered_work",
    "unemployment_benefit",
    "unemployed",
    "x_km",
    "y_km",
    "sector_shares",
)
_LINK_KEYS = ("from", "to", "minutes", "note")


class RegionError(ValueError):
    """A region file or spec that cannot be used; names the file, the key and what is allowed."""

    def __init__(self, file: str | Path, key: str, message: str) -> None:
        self.file = str(file)
        self.key = key
        self.message = message
        super().__init__(f"{self.file}: {key}: {message}")

    def __reduce__(self):  # keep it picklable (worker processes) despite the 3-argument init
        return (type(self), (self.file, self.key, self.message))


@dataclass(eq=False)
class Region:
    """A validated region: per-node figures (float64 arrays, index = node id) and the graph.

    Persons are counted in persons, travel times in minutes one way, coordinates in km.
    External nodes have 0 for every resident figure; their ``jobs`` are the region's residents
    who work there.
    """

    name: str
    description: str
    names: list[str]
    external: np.ndarray  # bool, True for job areas outside the region
    population: np.ndarray  # residents
    labour_force: np.ndarray  # residents in the labour force
    employed: np.ndarray  # employed residents (labour_force - unemployed), wherever they work
    unemployed: np.ndarray  # unemployed residents
    jobs: np.ndarray  # jobs located in the node (external: residents working there)
    establishments: np.ndarray  # establishments (vestigingen) located in the node
    social_assistance: np.ndarray  # bijstand recipients
    sheltered_work: np.ndarray  # Wsw employees
    unemployment_benefit: np.ndarray  # WW recipients
    x_km: np.ndarray  # centroid, km (NaN if the file gives none)
    y_km: np.ndarray
    sectors: list[str]
    sector_shares: np.ndarray  # (n_nodes, n_sectors), share of the node's jobs, rows sum to 1
    graph: nx.Graph  # nodes 0..n-1 with the figures above as attributes; edge attr `minutes`
    travel_minutes: np.ndarray  # (n, n) shortest-path minutes, 0 on the diagonal, inf unreachable
    totals: dict[str, float]  # region totals over internal nodes (and residents_15plus if given)
    provenance: dict[str, str] = field(default_factory=dict)  # how each figure was obtained
    notes: list[str] = field(default_factory=list)  # per-node free text ('' if none)
    source: str = ""  # file path, 'builtin:flevoland' or 'synthetic:N:SEED'

    @property
    def n_nodes(self) -> int:
        """Number of nodes, external job areas included."""
        return len(self.names)

    @property
    def internal(self) -> np.ndarray:
        """Node ids of the municipalities with residents (not external)."""
        return np.flatnonzero(~self.external)

    @property
    def n_sectors(self) -> int:
        """Number of sectors."""
        return len(self.sectors)

    def index(self, name: str) -> int:
        """Node id of the municipality or job area called ``name``."""
        try:
            return self.names.index(name)
        except ValueError:
            raise KeyError(
                f"{name!r} is not a node of region {self.name!r}; nodes: {', '.join(self.names)}"
            ) from None

    def reach(self, max_minutes: float) -> np.ndarray:
        """Boolean (n, n) matrix: True where the travel time is at most ``max_minutes``.

        >>> r = synthetic_region(3, seed=1)
        >>> bool(r.reach(0.0).diagonal().all()), bool(r.reach(math.inf)[r.internal].all())
        (True, True)
        """
        return self.travel_minutes <= max_minutes

    def commute_weights(self, decay_minutes: float, max_minutes: float | None = None) -> np.ndarray:
        """(n, n) weights exp(-minutes / decay_minutes); 0 where unreachable or beyond max_minutes.

        >>> r = synthetic_region(2, seed=0)
        >>> r.commute_weights(20.0).diagonal().tolist()
        [1.0, 1.0]
        """
        if not decay_minutes > 0:
            raise ValueError(f"decay_minutes must be > 0 minutes, got {decay_minutes!r}")
        weights = np.exp(-self.travel_minutes / decay_minutes)  # exp(-inf) = 0: unreachable
        if max_minutes is not None:
            weights[self.travel_minutes > max_minutes] = 0.0
        return weights

    def to_dict(self) -> dict[str, Any]:
        """JSON-able summary: totals, per-node figures and links (NaN/inf become None)."""

        def num(v: float) -> float | None:
            v = float(v)
            return v if math.isfinite(v) else None

        nodes = []
        for i, name in enumerate(self.names):
            node: dict[str, Any] = {"id": i, "name": name, "external": bool(self.external[i])}
            for key in (
                "population",
                "labour_force",
                "employed",
                "unemployed",
                "jobs",
                "establishments",
                "social_assistance",
                "sheltered_work",
                "unemployment_benefit",
                "x_km",
                "y_km",
            ):
                node[key] = num(getattr(self, key)[i])
            node["sector_shares"] = [float(s) for s in self.sector_shares[i]]
            if self.notes and self.notes[i]:
                node["note"] = self.notes[i]
            nodes.append(node)
        links = [
            {"from": self.names[a], "to": self.names[b], "minutes": float(d["minutes"])}
            for a, b, d in self.graph.edges(data=True)
        ]
        return {
            "name": self.name,
            "description": self.description,
            "source": self.source,
            "n_nodes": self.n_nodes,
            "n_internal": int(len(self.internal)),
            "sectors": list(self.sectors),
            "totals": {k: float(v) for k, v in self.totals.items()},
            "provenance": dict(self.provenance),
            "nodes": nodes,
            "links": links,
        }


# --------------------------------------------------------------------------------------------
# Loading


def load_region(path: str | Path) -> Region:
    """Read and validate a region TOML file; raises RegionError naming the file and key."""
    path = Path(path)
    try:
        text = read_input_bytes(path).decode("utf-8")
    except InputFileError as exc:
        if exc.missing:
            raise RegionError(
                path,
                "(file)",
                "no such file; allowed: the path of a region "
                "TOML file, 'flevoland' or 'synthetic:N:SEED'",
            ) from None
        raise RegionError(
            path, "(file)", f"cannot be read: it {exc.reason}; allowed: a UTF-8 region TOML file"
        ) from None
    except UnicodeDecodeError as exc:
        raise RegionError(
            path, "(file)", f"cannot be read ({exc}); allowed: a UTF-8 region TOML file"
        ) from None
    try:
        data = parse_toml(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegionError(path, "(syntax)", f"not valid TOML: {exc}") from None
    except InputFileError as exc:
        raise RegionError(path, "(syntax)", exc.reason) from None
    return _build_region(data, file=str(path), source=str(path))


def flevoland() -> Region:
    """The default region: Flevoland's six municipalities plus two outside job areas."""
    region = load_region(FLEVOLAND_FILE)
    region.source = "builtin:flevoland"
    return region


def get_region(
    spec: str, base_dir: str | Path | None = None, values: Mapping[str, Any] | None = None
) -> Region:
    """Region from a scenario's ``run.region``: 'flevoland', 'synthetic:N:SEED' or a file path.

    A relative path is resolved against ``base_dir`` (the scenario file's folder); ``values``
    (the scenario's dotted keys) set the ``synthetic_region.*`` generator of a synthetic region.
    """
    text = str(spec).strip()
    allowed = "allowed: 'flevoland', 'synthetic:N:SEED' or the path of a region TOML file"
    if not text or "\0" in text:
        raise RegionError(repr(spec), "run.region", allowed)
    if text.lower() in ("flevoland", "builtin:flevoland"):
        return flevoland()
    if text.lower().startswith("synthetic"):
        parts = text.split(":")
        try:
            if parts[0].lower() != "synthetic" or len(parts) > 3:
                raise ValueError
            n = int(parts[1]) if len(parts) > 1 else 4
            seed = int(parts[2]) if len(parts) > 2 else 0
            if not 1 <= n <= MAX_SYNTHETIC_MUNICIPALITIES or seed < 0:
                raise ValueError
        except ValueError:
            raise RegionError(
                spec,
                "run.region",
                "allowed: 'synthetic:N:SEED' with integers "
                f"1 <= N <= {MAX_SYNTHETIC_MUNICIPALITIES} and SEED >= 0, "
                "e.g. 'synthetic:4:0'",
            ) from None
        return synthetic_region(n, seed=seed, settings=values)
    path = Path(text).expanduser()
    if not path.is_absolute() and base_dir is not None:
        path = Path(base_dir) / path
    try:
        check_input_file(path)
    except InputFileError as exc:  # the mistake is in the scenario's run.region
        what = "no such file" if exc.missing else f"it {exc.reason}"
        raise RegionError(
            path, "run.region", f"{what}; {allowed} (relative to the scenario file)"
        ) from None
    return load_region(path)


def _build_region(data: dict[str, Any], file: str, source: str) -> Region:
    """Validate parsed region data (the TOML layout) into a Region."""
    v = _Validator(file)
    v.keys(data, _TOP_KEYS, "")
    name = v.string(data, "name", "", required=True)
    assert name is not None  # required=True: a missing name raised
    description = v.string(data, "description", "", required=False) or ""
    sectors, default_shares = _read_sectors(data, v, file)
    given_totals = _read_totals(data, v, file)
    rows = data.get("municipality", [])
    names = _read_names(rows, v, file)
    external, figures, shares, notes = _read_municipalities(
        rows, names, len(sectors), default_shares, v, file
    )
    employed, totals, provenance = _complete_figures(figures, external, given_totals, names, file)
    graph, travel = _region_graph(data.get("link", []), names, external, v, file)
    for i in range(len(names)):
        attrs = {
            "name": names[i],
            "external": bool(external[i]),
            "sector_shares": shares[i].tolist(),
            "note": notes[i],
            "employed": float(employed[i]),
        }
        attrs.update({k: float(arr[i]) for k, arr in figures.items()})
        graph.nodes[i].update(attrs)
    graph.graph["name"] = name

    return Region(
        name=name,
        description=description,
        names=names,
        external=external,
        population=figures["population"],
        labour_force=figures["labour_force"],
        employed=employed,
        unemployed=figures["unemployed"],
        jobs=figures["jobs"],
        establishments=figures["establishments"],
        social_assistance=figures["social_assistance"],
        sheltered_work=figures["sheltered_work"],
        unemployment_benefit=figures["unemployment_benefit"],
        x_km=figures["x_km"],
        y_km=figures["y_km"],
        sectors=list(sectors),
        sector_shares=shares,
        graph=graph,
        travel_minutes=travel,
        totals=totals,
        provenance=provenance,
        notes=notes,
        source=source,
    )


def _read_sectors(data: dict[str, Any], v: _Validator, file: str) -> tuple[list, np.ndarray]:
    """The sector names and the region's default sector shares of jobs."""
    sectors = data.get("sectors", DEFAULT_SECTORS)
    if (
        not isinstance(sectors, list)
        or not sectors
        or not all(isinstance(s, str) and s for s in sectors)
    ):
        raise RegionError(file, "sectors", "allowed: a non-empty list of sector names")
    if len(set(sectors)) != len(sectors):
        raise RegionError(file, "sectors", "sector names must be unique")
    if "sector_shares" in data:
        default_shares = v.shares(data["sector_shares"], len(sectors), "sector_shares")
    elif list(sectors) == DEFAULT_SECTORS:
        default_shares = np.array(DEFAULT_SECTOR_SHARES) / sum(DEFAULT_SECTOR_SHARES)
    else:
        raise RegionError(
            file,
            "sector_shares",
            f"required when `sectors` is not the default "
            f"list; allowed: {len(sectors)} shares >= 0 summing to 1",
        )
    return sectors, default_shares


def _read_totals(data: dict[str, Any], v: _Validator, file: str) -> dict[str, float]:
    """The region totals given in [totals]."""
    totals_in = data.get("totals", {})
    if not isinstance(totals_in, dict):
        raise RegionError(
            file, "totals", "allowed: a table [totals] with keys " + ", ".join(_TOTAL_KEYS)
        )
    v.keys(totals_in, _TOTAL_KEYS, "totals")
    return {k: v.number(totals_in[k], f"totals.{k}", hi=MAX_COUNT) for k in totals_in}


def _read_names(rows: Any, v: _Validator, file: str) -> list[str]:
    """The unique names of the [[municipality]] rows; at least one has residents."""
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise RegionError(file, "municipality", "allowed: [[municipality]] tables")
    names: list[str] = []
    for i, row in enumerate(rows):
        where = f"municipality[{i + 1}]"
        row_name = v.string(row, "name", where, required=True)
        assert row_name is not None  # required=True: a missing name raised above
        if row_name in names:
            raise RegionError(
                file,
                f"municipality[{row_name}].name",
                f"duplicate municipality name {row_name!r}; allowed: unique names",
            )
        names.append(row_name)
    if not any(not bool(r.get("external", False)) for r in rows):
        raise RegionError(
            file,
            "municipality",
            "empty region: allowed: at least one "
            "[[municipality]] that is not external (with residents)",
        )
    return names


def _read_municipalities(
    rows: list[dict],
    names: list[str],
    n_sectors: int,
    default_shares: np.ndarray,
    v: _Validator,
    file: str,
) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray, list[str]]:
    """Per row: external or not, the figures it gives (NaN where absent), sector shares and
    note; checks every row's keys and values."""
    n = len(names)
    external = np.zeros(n, dtype=bool)
    figures = {
        k: np.full(n, np.nan)
        for k in (*_RESIDENT_FIGURES, "jobs", "establishments", "x_km", "y_km")
    }
    shares = np.tile(default_shares, (n, 1))
    notes = [""] * n
    for i, row in enumerate(rows):
        where = f"municipality[{names[i]}]"
        v.keys(row, _MUNICIPALITY_KEYS, where)
        ext = row.get("external", False)
        if not isinstance(ext, bool):
            raise RegionError(file, f"{where}.external", "allowed: true or false")
        external[i] = ext
        notes[i] = v.string(row, "note", where, required=False) or ""
        _read_row_figures(row, i, ext, figures, where, v)
        if "sector_shares" in row:
            shares[i] = v.shares(row["sector_shares"], n_sectors, f"{where}.sector_shares")
    _check_region_size(figures, file)
    return external, figures, shares, notes


def _read_row_figures(
    row: dict, i: int, ext: bool, figures: dict[str, np.ndarray], where: str, v: _Validator
) -> None:
    """Enter one row's figures as entry ``i`` of ``figures``: the required ones present, counts
    >= 0, no residents in an external job area, residents in a municipality, both coordinates
    or neither."""
    file = v.file
    required = ("jobs",) if ext else ("population", "jobs", "establishments")
    for key in required:
        if key not in row:
            kind = "an external job area" if ext else "a municipality"
            raise RegionError(
                file,
                f"{where}.{key}",
                f"missing; required for {kind}: {', '.join(required)} (numbers >= 0)",
            )
    for key in figures:
        if key in row:  # coordinates may be negative (any km grid), figures may not
            signed = key in ("x_km", "y_km")
            figures[key][i] = v.number(
                row[key], f"{where}.{key}", signed=signed, hi=None if signed else MAX_COUNT
            )
    if ext:
        for key in _RESIDENT_FIGURES:
            if row.get(key, 0) != 0:
                raise RegionError(
                    file,
                    f"{where}.{key}",
                    "an external job area has no simulated residents: allowed: 0 or absent",
                )
            figures[key][i] = 0.0
        if "establishments" not in row:
            figures["establishments"][i] = 0.0
    elif figures["population"][i] <= 0:
        raise RegionError(
            file,
            f"{where}.population",
            "allowed: a number > 0 (a node without residents is a job area: set external = true)",
        )
    if ("x_km" in row) != ("y_km" in row):
        raise RegionError(
            file,
            f"{where}.{'y_km' if 'x_km' in row else 'x_km'}",
            "give both x_km and y_km (km), or neither",
        )


def _check_region_size(figures: dict[str, np.ndarray], file: str) -> None:
    """The residents, jobs and establishments of all rows stay within MAX_COUNT."""
    for key in ("population", "jobs", "establishments"):
        if figures[key].sum() > MAX_COUNT:
            raise RegionError(
                file,
                "municipality",
                f"the {key} of all rows add up to "
                f"{figures[key].sum():g}; allowed: at most {MAX_COUNT:g} in a region",
            )


def _complete_figures(
    figures: dict[str, np.ndarray],
    external: np.ndarray,
    given_totals: dict[str, float],
    names: list[str],
    file: str,
) -> tuple[np.ndarray, dict[str, float], dict[str, str]]:
    """Fill the resident figures the rows lack from the totals (in place); return the employed
    residents, the region totals and how each figure was obtained."""
    internal = ~external
    population = figures["population"]
    provenance: dict[str, str] = {}
    totals: dict[str, float] = {"population": float(population[internal].sum())}

    # labour force: a total may come from employed + unemployed
    lf_total = given_totals.get("labour_force")
    if lf_total is None and "employed" in given_totals and "unemployed" in given_totals:
        lf_total = given_totals["employed"] + given_totals["unemployed"]
    if all(k in given_totals for k in ("labour_force", "employed", "unemployed")):
        gap = given_totals["labour_force"] - given_totals["employed"] - given_totals["unemployed"]
        if abs(gap) > TOTAL_TOLERANCE * given_totals["labour_force"]:
            raise RegionError(
                file,
                "totals.labour_force",
                "must equal totals.employed + "
                f"totals.unemployed within {TOTAL_TOLERANCE:.0%} (gap {gap:g})",
            )
    spread_totals = {k: given_totals.get(k) for k in _SPREAD_BY_POPULATION}
    spread_totals["labour_force"] = lf_total
    for key in _SPREAD_BY_POPULATION:
        figures[key][internal], provenance[key] = _fill(
            figures[key][internal],
            population[internal],
            spread_totals[key],
            FLEVOLAND_RATES[key],
            file,
            key,
        )

    # unemployed residents, spread by labour force
    labour_force = figures["labour_force"]
    u_total = given_totals.get("unemployed")
    if u_total is None and "employed" in given_totals and lf_total is not None:
        u_total = lf_total - given_totals["employed"]
        if u_total < 0:
            raise RegionError(file, "totals.employed", "must not exceed totals.labour_force")
    figures["unemployed"][internal], provenance["unemployed"] = _fill(
        figures["unemployed"][internal],
        labour_force[internal],
        u_total,
        FLEVOLAND_RATES["unemployed"],
        file,
        "unemployed",
    )
    employed = labour_force - figures["unemployed"]
    bad = np.flatnonzero(employed < -1e-9)
    if bad.size:
        raise RegionError(
            file,
            f"municipality[{names[bad[0]]}].unemployed",
            "must not exceed the municipality's labour_force",
        )
    employed = np.maximum(employed, 0.0)

    for key in (*_SPREAD_BY_POPULATION, "unemployed", "jobs", "establishments"):
        totals[key] = float(figures[key][internal].sum())
    totals["employed"] = float(employed[internal].sum())
    totals["external_jobs"] = float(figures["jobs"][external].sum())
    if "residents_15plus" in given_totals:
        totals["residents_15plus"] = given_totals["residents_15plus"]
    provenance.setdefault("population", "file")
    return employed, totals, provenance


def _region_graph(
    links: Any, names: list[str], external: np.ndarray, v: _Validator, file: str
) -> tuple[nx.Graph, np.ndarray]:
    """The road graph of the links (every node connected) and its shortest travel times."""
    n = len(names)
    graph = _build_graph(links, names, v)
    for i in range(n):
        graph.add_node(i)  # nodes without links still exist (checked below)
    _check_connected(graph, names, external, file)
    travel = nx.floyd_warshall_numpy(graph, nodelist=range(n), weight="minutes")
    travel = np.asarray(travel, dtype=float)
    np.fill_diagonal(travel, 0.0)
    return graph, travel


def _build_graph(links: Any, names: list[str], v: _Validator) -> nx.Graph:
    """Undirected graph over node ids 0..n-1 with edge attribute ``minutes`` from [[link]] rows."""
    if not isinstance(links, list) or not all(isinstance(r, dict) for r in links):
        raise RegionError(v.file, "link", "allowed: [[link]] tables with from, to, minutes")
    ids = {name: i for i, name in enumerate(names)}
    graph = nx.Graph()
    for j, row in enumerate(links):
        where = f"link[{j + 1}]"
        v.keys(row, _LINK_KEYS, where)
        ends = []
        for key in ("from", "to"):
            end = v.string(row, key, where, required=True)
            if end not in ids:
                raise RegionError(
                    v.file,
                    f"{where}.{key}",
                    f"unknown municipality {end!r}; "
                    f"allowed: one of {', '.join(repr(s) for s in names)}",
                )
            ends.append(ids[end])
        a, b = ends
        if a == b:
            raise RegionError(
                v.file,
                f"{where}.to",
                f"a link must join two different municipalities (both are {names[a]!r})",
            )
        if "minutes" not in row:
            raise RegionError(
                v.file,
                f"{where}.minutes",
                "missing; required: travel time one way in minutes, a number > 0",
            )
        minutes = v.number(row["minutes"], f"{where}.minutes")
        if minutes <= 0:
            raise RegionError(
                v.file, f"{where}.minutes", f"allowed: a number > 0 minutes (got {minutes:g})"
            )
        if graph.has_edge(a, b):
            raise RegionError(
                v.file,
                where,
                f"link {names[a]!r} - {names[b]!r} is given twice; "
                "allowed: one link per pair (travel times are symmetric)",
            )
        graph.add_edge(a, b, minutes=minutes)
    return graph


def _check_connected(graph: nx.Graph, names: list[str], external: np.ndarray, file: str) -> None:
    """Every node must be reachable from every other, unless the region is one lone node."""
    if graph.number_of_nodes() == 1:
        return
    components = sorted(
        nx.connected_components(graph), key=lambda c: (-sum(not external[i] for i in c), min(c))
    )
    if len(components) == 1:
        return
    stranded = sorted(i for c in components[1:] for i in c)
    first = names[stranded[0]]
    raise RegionError(
        file,
        f"municipality[{first}]",
        "unreachable: no chain of [[link]]s joins "
        f"{', '.join(repr(names[i]) for i in stranded)} to the rest of the region; "
        "allowed: a connected network (add a [[link]] with from, to, minutes)",
    )


def _fill(
    given: np.ndarray,
    weights: np.ndarray,
    total: float | None,
    fallback_rate: float,
    file: str,
    key: str,
) -> tuple[np.ndarray, str]:
    """Fill missing (NaN) rows: spread ``total`` minus the given rows by ``weights``.

    Without a total, missing rows get the rate of the given rows, or ``fallback_rate``
    per unit of weight when no row is given. Returns the values and how they were obtained.

    >>> _fill(np.array([np.nan, np.nan]), np.array([1.0, 3.0]), 10.0, 0.5, "f", "k")[0].tolist()
    [2.5, 7.5]
    >>> _fill(np.array([2.0, np.nan]), np.array([1.0, 3.0]), None, 0.5, "f", "k")[0].tolist()
    [2.0, 6.0]
    """
    out = given.copy()
    missing = np.isnan(out)
    known_sum = float(out[~missing].sum())
    if total is not None:
        rest = total - known_sum
        slack = max(TOTAL_TOLERANCE * total, 1.0)
        if rest < -slack or (not missing.any() and abs(rest) > slack):
            raise RegionError(
                file,
                f"totals.{key}",
                f"municipal rows sum to {known_sum:g} but "
                f"the total is {total:g}; allowed: rows that add up to the total "
                f"within {TOTAL_TOLERANCE:.0%}, or leave rows out to spread it",
            )
        if not missing.any():
            return out, "file"
        w = weights[missing]
        w = w / w.sum() if w.sum() > 0 else np.full(w.size, 1.0 / w.size)
        out[missing] = max(rest, 0.0) * w
        how = "spread from totals" if missing.all() else "file, rest spread from totals"
        return out, how
    if not missing.any():
        return out, "file"
    known_weight = float(weights[~missing].sum())
    if (~missing).any() and known_weight > 0:
        rate, how = known_sum / known_weight, "file, rest at the rate of the given rows"
    else:
        rate, how = fallback_rate, "assumed: Flevoland rate (no rows or total in the file)"
    out[missing] = rate * weights[missing]
    return out, how


class _Validator:
    """Small checks on parsed TOML values that raise RegionError with the file and key."""

    def __init__(self, file: str) -> None:
        self.file = file

    def keys(self, table: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
        for key in table:
            if key not in allowed:
                full = f"{where}.{key}" if where else key
                raise RegionError(
                    self.file, full, "unknown key; allowed keys here: " + ", ".join(allowed)
                )

    def string(self, table: dict[str, Any], key: str, where: str, required: bool) -> str | None:
        full = f"{where}.{key}" if where else key
        if key not in table:
            if required:
                raise RegionError(self.file, full, "missing; required: a non-empty string")
            return None
        value = table[key]
        if not isinstance(value, str) or (required and not value.strip()):
            raise RegionError(self.file, full, f"allowed: a non-empty string (got {value!r})")
        return value.strip() if required else value

    def number(self, value: Any, key: str, signed: bool = False, hi: float | None = None) -> float:
        allowed = "a finite number" if signed else "a finite number >= 0"
        if hi is not None:
            allowed += f" and <= {hi:g}"
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise RegionError(self.file, key, f"allowed: {allowed} (got {value!r})")
        value = float(value)
        if math.isnan(value):
            raise RegionError(self.file, key, f"allowed: {allowed} (got NaN)")
        if math.isinf(value):
            raise RegionError(self.file, key, f"allowed: {allowed} (got {value})")
        if (value < 0 and not signed) or (hi is not None and value > hi):
            raise RegionError(self.file, key, f"allowed: {allowed} (got {value:g})")
        return value

    def shares(self, value: Any, n_sectors: int, key: str) -> np.ndarray:
        allowed = f"allowed: {n_sectors} shares >= 0 (one per sector) summing to 1"
        if not isinstance(value, list) or len(value) != n_sectors:
            got = len(value) if isinstance(value, list) else repr(value)
            raise RegionError(self.file, key, f"{allowed} (got {got})")
        arr = np.array([self.number(x, key) for x in value])
        total = arr.sum()
        if abs(total - 1.0) > SHARE_TOLERANCE:
            raise RegionError(
                self.file, key, f"{allowed} within {SHARE_TOLERANCE} (they sum to {total:g})"
            )
        return arr / total


# --------------------------------------------------------------------------------------------
# Synthetic regions and Mesa


#: the generator's settings: registry key ``synthetic_region.<name>`` -> default
SYNTHETIC_DEFAULTS: dict[str, Any] = {
    p.key.split(".", 1)[1]: p.default
    for p in _DEFAULT_PARAMS
    if p.key.startswith("synthetic_region.")
}


def synthetic_settings(values: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The ``synthetic_region.*`` settings (without the prefix) from a scenario's dotted keys,
    the registry's defaults (``sim/defaults.py``) for those it does not give."""
    values = values or {}
    return {k: values.get(f"synthetic_region.{k}", v) for k, v in SYNTHETIC_DEFAULTS.items()}


def synthetic_region(
    n_municipalities: int = 4,
    seed: int = 0,
    population: float | None = None,
    n_external: int | None = None,
    sigma_size: float | None = None,
    km_per_node: float | None = None,
    *,
    settings: Mapping[str, Any] | None = None,
) -> Region:
    """A small seeded region for tests, with Flevoland's rates per resident.

    The generator's numbers are the registry's ``synthetic_region.*`` keys (defaults in
    ``sim/defaults.py``, overridden by ``settings``, a scenario's dotted keys); the keyword
    arguments override those. ``population`` is the mean number of residents per municipality
    (sizes lognormal with sd ``sigma_size`` on the log scale); municipalities lie in a square of
    about ``km_per_node * sqrt(n)`` km and are joined by a minimum spanning tree plus links to
    the two nearest neighbours (travel time: access minutes plus road km at the speed).

    >>> r = synthetic_region(3, seed=1)
    >>> r.n_nodes, len(r.internal), bool(np.isfinite(r.travel_minutes).all())
    (3, 3, True)
    """
    s = synthetic_settings(settings)
    population = s["mean_population"] if population is None else population
    n_external = s["external_areas"] if n_external is None else n_external
    sigma_size = s["size_spread"] if sigma_size is None else sigma_size
    km_per_node = s["km_per_municipality"] if km_per_node is None else km_per_node
    if n_municipalities < 1:
        raise ValueError(f"n_municipalities must be >= 1, got {n_municipalities}")
    if n_external < 0:
        raise ValueError(f"n_external must be >= 0, got {n_external}")
    if not population > 0:
        raise ValueError(f"population must be > 0 residents, got {population}")
    rng = np.random.default_rng(seed)
    n, k = n_municipalities, n_external
    side = km_per_node * math.sqrt(n)
    # one stream, drawn in this order: municipalities, external job areas, sector shares
    towns, xy, residents = _synthetic_municipalities(rng, n, population, sigma_size, side, s)
    areas, xy_ext = _synthetic_external_areas(rng, k, side, residents, s)
    shares = rng.dirichlet(np.array(DEFAULT_SECTOR_SHARES) * s["sector_concentration"], n + k)
    rows = towns + areas
    for row, row_shares in zip(rows, shares, strict=True):
        row["sector_shares"] = row_shares.tolist()
    spec = f"synthetic:{n}:{seed}"
    data = {
        "name": f"synthetic-{n}-{seed}",
        "description": f"Synthetic region ({n} municipalities, {k} external job areas, "
        f"seed {seed}) with Flevoland's rates per resident.",
        "totals": _synthetic_totals(float(residents)),
        "municipality": rows,
        "link": _synthetic_links(xy, xy_ext, s),
    }
    return _build_region(data, file=spec, source=spec)


def _synthetic_municipalities(
    rng: np.random.Generator,
    n: int,
    population: float,
    sigma_size: float,
    side: float,
    s: Mapping[str, Any],
) -> tuple[list[dict[str, Any]], np.ndarray, float]:
    """[[municipality]] rows M1..Mn (without sector shares), their (n, 2) km coordinates and
    their residents in all: sizes lognormal around ``population``, jobs at Flevoland's rate per
    resident with a lognormal spread, places uniform in a square of ``side`` km."""
    sizes = rng.lognormal(0.0, sigma_size, n)
    pop = np.maximum(np.round(population * sizes / sizes.mean()), s["min_population"])
    jobs = np.round(pop * FLEVOLAND_RATES["jobs"] * rng.lognormal(0.0, s["jobs_spread"], n))
    establishments = np.round(jobs * FLEVOLAND_RATES["establishments"])
    xy = rng.uniform(0.0, side, (n, 2))
    rows = [
        {
            "name": f"M{i + 1}",
            "population": float(pop[i]),
            "jobs": float(jobs[i]),
            "establishments": float(establishments[i]),
            "x_km": float(xy[i, 0]),
            "y_km": float(xy[i, 1]),
        }
        for i in range(n)
    ]
    return rows, xy, pop.sum()


def _synthetic_external_areas(
    rng: np.random.Generator, k: int, side: float, residents: float, s: Mapping[str, Any]
) -> tuple[list[dict[str, Any]], np.ndarray]:
    """[[municipality]] rows X1..Xk of external job areas (without sector shares) and their
    (k, 2) km coordinates: on a circle ``external_distance_km`` beyond the square, sharing at
    random the out-commuters of the region's ``residents`` at Flevoland's rate."""
    angles = rng.uniform(0.0, 2 * math.pi, k)
    centre, radius = side / 2, side / 2 + s["external_distance_km"]
    xy_ext = np.column_stack([centre + radius * np.cos(angles), centre + radius * np.sin(angles)])
    ext_jobs = (
        np.round(residents * FLEVOLAND_RATES["external_jobs"] * rng.dirichlet(np.ones(k)))
        if k
        else np.zeros(0)
    )
    rows = [
        {
            "name": f"X{e + 1}",
            "external": True,
            "jobs": float(ext_jobs[e]),
            "x_km": float(xy_ext[e, 0]),
            "y_km": float(xy_ext[e, 1]),
        }
        for e in range(k)
    ]
    return rows, xy_ext


def _synthetic_links(
    xy: np.ndarray, xy_ext: np.ndarray, s: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """[[link]] rows: a minimum spanning tree of the municipalities plus each one's two nearest,
    and each external area to its two nearest municipalities (minutes: access plus road km at
    the speed)."""
    n = len(xy)
    access, road, speed = s["access_minutes"], s["road_factor"], s["speed_kmh"]

    def minutes(a: np.ndarray, b: np.ndarray) -> float:
        return round(access + float(np.hypot(*(a - b))) * road / speed * 60.0, 1)

    complete = nx.Graph()
    complete.add_nodes_from(range(n))
    for a in range(n):
        for b in range(a + 1, n):
            complete.add_edge(a, b, minutes=minutes(xy[a], xy[b]))
    edges = set(nx.minimum_spanning_tree(complete, weight="minutes").edges())
    for a in range(n):
        nearest = sorted((complete[a][b]["minutes"], b) for b in complete[a])[:2]
        edges.update((min(a, b), max(a, b)) for _, b in nearest)
    links = [
        {"from": f"M{a + 1}", "to": f"M{b + 1}", "minutes": complete[a][b]["minutes"]}
        for a, b in sorted(edges)
    ]
    for e in range(len(xy_ext)):
        dists = sorted((minutes(xy_ext[e], xy[a]), a) for a in range(n))[:2]
        links += [{"from": f"X{e + 1}", "to": f"M{a + 1}", "minutes": m} for m, a in dists]
    return links


def _synthetic_totals(total_pop: float) -> dict[str, float]:
    """[totals] of a region with ``total_pop`` residents at Flevoland's rates."""
    rates = FLEVOLAND_RATES
    labour_force = round(total_pop * rates["labour_force"])
    return {
        "labour_force": labour_force,
        "unemployed": round(labour_force * rates["unemployed"]),
        "social_assistance": round(total_pop * rates["social_assistance"]),
        "sheltered_work": round(total_pop * rates["sheltered_work"]),
        "unemployment_benefit": round(total_pop * rates["unemployment_benefit"]),
    }


def mesa_network(region: Region, random: Random, capacity: int | None = None) -> Network:
    """A Mesa Network with one cell per node (cell coordinate = node id), drawn at (x_km, y_km).

    Pass the model's ``random`` so the model seed fixes the space. The graph is a copy, so Mesa
    cannot change the region's own graph.
    """
    from mesa.discrete_space import Network

    coords = np.column_stack([region.x_km, region.y_km])
    layout = (
        {i: (float(x), float(y)) for i, (x, y) in enumerate(coords)}
        if np.isfinite(coords).all()
        else None
    )
    return Network(region.graph.copy(), capacity=capacity, random=random, layout=layout)
