"""Tests of sim/region.py: the Flevoland default, synthetic regions, validation, travel times."""

import doctest
import json
import pickle
import random
from pathlib import Path

import numpy as np
import pytest

import sim.region
from sim.region import (
    DEFAULT_SECTORS,
    Region,
    RegionError,
    flevoland,
    get_region,
    load_region,
    mesa_network,
    synthetic_region,
)

REGIONS = Path(__file__).parent / "data" / "regions"

# docs/sources.md, Flevoland rows
POPULATION_2016 = {
    "Almere": 198_145,
    "Lelystad": 76_792,
    "Noordoostpolder": 46_439,
    "Dronten": 40_592,
    "Zeewolde": 22_113,
    "Urk": 19_987,
}
JOBS_2017 = {
    "Almere": 78_424,
    "Lelystad": 35_109,
    "Noordoostpolder": 25_274,
    "Dronten": 16_026,
    "Zeewolde": 11_286,
    "Urk": 10_248,
}


@pytest.fixture(scope="module")
def fl() -> Region:
    return flevoland()


# --- Flevoland ------------------------------------------------------------------------------


def test_flevoland_nodes(fl):
    assert fl.n_nodes == 8
    assert len(fl.internal) == 6
    assert sorted(fl.names[i] for i in fl.internal) == sorted(POPULATION_2016)
    assert sorted(np.array(fl.names)[fl.external]) == ["Greater Amsterdam", "Veluwe"]
    assert fl.source == "builtin:flevoland"
    assert fl.sectors == DEFAULT_SECTORS and fl.n_sectors == 8


def test_flevoland_totals_match_domain(fl):
    assert fl.population.sum() == 404_068
    assert fl.jobs[fl.internal].sum() == 176_367
    assert fl.establishments[fl.internal].sum() == 39_840
    for name, pop in POPULATION_2016.items():
        assert fl.population[fl.index(name)] == pop
        assert fl.jobs[fl.index(name)] == JOBS_2017[name]
    assert fl.social_assistance.sum() == pytest.approx(12_340)
    assert fl.sheltered_work.sum() == pytest.approx(1_240)
    assert fl.unemployment_benefit.sum() == pytest.approx(8_951)
    assert fl.labour_force.sum() == pytest.approx(218_000)
    assert fl.unemployed.sum() == pytest.approx(16_000)
    assert fl.employed.sum() == pytest.approx(202_000)
    assert fl.jobs[fl.index("Greater Amsterdam")] == 35_000
    assert fl.jobs[fl.index("Veluwe")] == 8_400
    assert fl.totals["residents_15plus"] == 328_520


def test_flevoland_spread_by_population(fl):
    share = fl.population / fl.population.sum()
    np.testing.assert_allclose(fl.social_assistance, 12_340 * share)
    np.testing.assert_allclose(fl.sheltered_work, 1_240 * share)
    for figure in ("population", "labour_force", "social_assistance", "unemployed"):
        assert (getattr(fl, figure)[fl.external] == 0).all()
    assert "Amersfoort" in fl.notes[fl.index("Zeewolde")]


def test_flevoland_sector_shares(fl):
    assert fl.sector_shares.shape == (8, 8)
    np.testing.assert_allclose(fl.sector_shares.sum(axis=1), 1.0)
    industry, agriculture = fl.sectors.index("industry"), fl.sectors.index("agriculture")
    almere, urk = fl.index("Almere"), fl.index("Urk")
    assert fl.sector_shares[urk, industry] > fl.sector_shares[almere, industry]
    assert fl.sector_shares[urk, agriculture] > fl.sector_shares[almere, agriculture]


def test_flevoland_travel_matrix(fl):
    t = fl.travel_minutes
    assert t.shape == (8, 8)
    np.testing.assert_array_equal(t, t.T)
    np.testing.assert_array_equal(np.diag(t), 0.0)
    assert np.isfinite(t).all()
    assert (t[~np.eye(8, dtype=bool)] > 0).all()
    almere, lelystad = fl.index("Almere"), fl.index("Lelystad")
    assert t[almere, fl.index("Greater Amsterdam")] == 30
    assert t[almere, lelystad] == 25
    # shortest paths obey the triangle inequality
    assert (t[:, :, None] <= t[:, None, :] + t.T[None, :, :] + 1e-9).all()


def test_graph_attributes(fl):
    g = fl.graph
    assert sorted(g.nodes) == list(range(8))
    assert g.nodes[fl.index("Urk")]["population"] == 19_987
    assert g.nodes[fl.index("Veluwe")]["external"] is True
    assert all(d["minutes"] > 0 for _, _, d in g.edges(data=True))


def test_to_dict_is_json(fl):
    d = json.loads(json.dumps(fl.to_dict()))
    assert d["name"] == "Flevoland"
    assert len(d["nodes"]) == 8 and len(d["links"]) == fl.graph.number_of_edges()
    assert d["totals"]["social_assistance"] == pytest.approx(12_340)


# --- reach and commute weights -------------------------------------------------------------


def test_reach(fl):
    r30 = fl.reach(30)
    assert r30.dtype == bool and r30.diagonal().all()
    assert r30[fl.index("Almere"), fl.index("Greater Amsterdam")]
    assert not r30[fl.index("Urk"), fl.index("Almere")]
    assert fl.reach(np.inf).all()
    assert fl.reach(20).sum() <= fl.reach(40).sum()


def test_commute_weights(fl):
    w = fl.commute_weights(20.0)
    np.testing.assert_allclose(w, np.exp(-fl.travel_minutes / 20.0))
    np.testing.assert_array_equal(w.diagonal(), 1.0)
    capped = fl.commute_weights(20.0, max_minutes=30)
    assert (capped[fl.travel_minutes > 30] == 0).all()
    assert (capped[fl.travel_minutes <= 30] > 0).all()
    with pytest.raises(ValueError):
        fl.commute_weights(0.0)


def test_unreachable_weight_is_zero():
    r = synthetic_region(2, seed=0)
    r.travel_minutes[0, 1] = r.travel_minutes[1, 0] = np.inf
    w = r.commute_weights(15.0)
    assert w[0, 1] == 0.0 and w[0, 0] == 1.0
    assert not r.reach(1e9)[0, 1]


# --- synthetic regions ---------------------------------------------------------------------


def test_synthetic_deterministic_by_seed():
    a, b = synthetic_region(6, seed=3, n_external=1), synthetic_region(6, seed=3, n_external=1)
    for key in (
        "population",
        "jobs",
        "establishments",
        "x_km",
        "travel_minutes",
        "sector_shares",
        "social_assistance",
    ):
        np.testing.assert_array_equal(getattr(a, key), getattr(b, key))
    assert sorted(a.graph.edges) == sorted(b.graph.edges)
    c = synthetic_region(6, seed=4, n_external=1)
    assert not np.array_equal(a.population, c.population)
    assert not np.array_equal(a.travel_minutes, c.travel_minutes)


@pytest.mark.parametrize("n", [1, 2, 5, 30])
def test_synthetic_plausible_and_connected(n):
    r = synthetic_region(n, seed=11, n_external=2)
    assert len(r.internal) == n and r.n_nodes == n + 2
    assert np.isfinite(r.travel_minutes).all()
    assert r.population.sum() == pytest.approx(20_000 * n, rel=0.01)
    jobs_ratio = r.jobs[r.internal].sum() / r.population.sum()
    assert 0.25 < jobs_ratio < 0.7
    assert (r.labour_force[r.internal] < r.population[r.internal]).all()
    np.testing.assert_allclose(r.sector_shares.sum(axis=1), 1.0)
    assert r.source == f"synthetic:{n}:11"


def test_synthetic_rejects_bad_arguments():
    with pytest.raises(ValueError):
        synthetic_region(0)
    with pytest.raises(ValueError):
        synthetic_region(3, population=0)


# --- get_region ----------------------------------------------------------------------------


def test_get_region_specs():
    assert get_region("flevoland").name == "Flevoland"
    s = get_region("synthetic:3:7")
    assert s.n_nodes == 3
    np.testing.assert_array_equal(s.population, synthetic_region(3, seed=7).population)
    r = get_region("good_two.toml", base_dir=REGIONS)
    assert r.names == ["A", "B"] and r.source.endswith("good_two.toml")
    assert get_region(str(REGIONS / "single.toml")).names == ["Solo"]


@pytest.mark.parametrize("spec", ["synthetic:x:1", "synthetic:0:1", "synthetic:3:1:9"])
def test_get_region_bad_synthetic_spec(spec):
    with pytest.raises(RegionError) as err:
        get_region(spec)
    assert err.value.key == "run.region" and "synthetic:N:SEED" in str(err.value)


def test_get_region_missing_relative_file(tmp_path):
    with pytest.raises(RegionError) as err:
        get_region("nowhere.toml", base_dir=tmp_path)
    assert err.value.file == str(tmp_path / "nowhere.toml")


# --- loading valid files -------------------------------------------------------------------


def test_partial_rows_are_spread_from_totals():
    r = load_region(REGIONS / "good_two.toml")
    # 300 bijstand in total, A gives 100, the remaining 200 go to B
    np.testing.assert_allclose(r.social_assistance, [100.0, 200.0])
    assert "spread" in r.provenance["social_assistance"]
    # no totals for Wsw: Flevoland rate per resident, flagged as assumed
    rate = sim.region.FLEVOLAND_RATES["sheltered_work"]
    np.testing.assert_allclose(r.sheltered_work, rate * r.population)
    assert r.provenance["sheltered_work"].startswith("assumed")
    assert np.isnan(r.x_km).all()
    np.testing.assert_allclose(r.sector_shares[0], sim.region.DEFAULT_SECTOR_SHARES)


def test_single_municipality_without_links():
    r = load_region(REGIONS / "single.toml")
    assert r.n_nodes == 1 and r.travel_minutes.tolist() == [[0.0]]
    assert r.commute_weights(10).tolist() == [[1.0]]


# --- validation ----------------------------------------------------------------------------

BAD_FILES = [
    ("broken.toml", "(syntax)"),
    ("unknown_key.toml", "municipality[A].populaton"),
    ("unknown_top_key.toml", "sectorz"),
    ("missing_name.toml", "name"),
    ("missing_jobs.toml", "municipality[A].jobs"),
    ("missing_minutes.toml", "link[1].minutes"),
    ("negative.toml", "municipality[A].jobs"),
    ("nan.toml", "municipality[A].jobs"),
    ("shares_length.toml", "sector_shares"),
    ("shares_sum.toml", "municipality[A].sector_shares"),
    ("duplicate.toml", "municipality[A].name"),
    ("link_unknown.toml", "link[1].to"),
    ("link_zero.toml", "link[1].minutes"),
    ("empty.toml", "municipality"),
    ("disconnected.toml", "municipality[Faraway]"),
    ("external_residents.toml", "municipality[City].population"),
]


@pytest.mark.parametrize(("filename", "key"), BAD_FILES)
def test_bad_region_files(filename, key):
    path = REGIONS / filename
    with pytest.raises(RegionError) as err:
        load_region(path)
    e = err.value
    assert isinstance(e, ValueError)
    assert e.file == str(path) and e.key == key
    assert str(path) in str(e) and key in str(e)
    assert e.message and e.message in str(e)


@pytest.mark.parametrize(
    ("filename", "words"),
    [
        ("negative.toml", ">= 0"),
        ("nan.toml", "NaN"),
        ("shares_sum.toml", "sum"),
        ("link_unknown.toml", "'A'"),
        ("link_zero.toml", "> 0"),
        ("empty.toml", "empty region"),
        ("disconnected.toml", "Faraway"),
        ("unknown_key.toml", "population"),
    ],
)
def test_error_says_what_is_allowed(filename, words):
    with pytest.raises(RegionError, match="allowed|empty region") as err:
        load_region(REGIONS / filename)
    assert words in str(err.value)


def test_missing_file(tmp_path):
    path = tmp_path / "absent.toml"
    with pytest.raises(RegionError) as err:
        load_region(path)
    assert err.value.file == str(path) and err.value.key == "(file)"


def test_disconnected_external_node_is_named(tmp_path):
    text = (REGIONS / "single.toml").read_text() + (
        '[[municipality]]\nname = "Far City"\nexternal = true\njobs = 10\n'
    )
    path = tmp_path / "far.toml"
    path.write_text(text)
    with pytest.raises(RegionError, match="Far City"):
        load_region(path)


def test_totals_must_agree(tmp_path):
    text = (
        (REGIONS / "good_two.toml")
        .read_text()
        .replace("[totals]\n", "[totals]\nlabour_force = 100\nemployed = 50\nunemployed = 10\n")
    )
    path = tmp_path / "inconsistent.toml"
    path.write_text(text)
    with pytest.raises(RegionError) as err:
        load_region(path)
    assert err.value.key == "totals.labour_force"


def test_region_error_pickles():
    e = RegionError("f.toml", "link[1].minutes", "allowed: a number > 0")
    back = pickle.loads(pickle.dumps(e))
    assert (back.file, back.key, back.message, str(back)) == (e.file, e.key, e.message, str(e))


# --- Mesa and doctests ---------------------------------------------------------------------


def test_mesa_network(fl):
    net = mesa_network(fl, random.Random(5))
    assert len(net.all_cells) == fl.n_nodes
    almere = net._cells[fl.index("Almere")]
    neighbours = {c.coordinate for c in almere.neighborhood}
    assert neighbours == set(fl.graph.neighbors(fl.index("Almere")))
    assert tuple(almere.position) == (fl.x_km[0], fl.y_km[0])
    net.G.remove_edge(0, 1)  # Mesa's graph is a copy
    assert fl.graph.has_edge(0, 1)


def test_doctests():
    result = doctest.testmod(sim.region)
    assert result.attempted > 0 and result.failed == 0
