"""E-I index against a published worked example and hand calculations."""

import csv
import json
from pathlib import Path

import networkx as nx
import pytest

from netmap import analyze
from netmap.ei import expected_group_ei, expected_network_ei, group_ei, network_ei
from netmap.model import Actor, Network, Tie

DATA = Path(__file__).parent / "data" / "ei"


def _lazega():
    with open(DATA / "groups.csv", encoding="utf-8") as fh:
        groups = {r["id"]: r["group"] for r in csv.DictReader(fh)}
    with open(DATA / "edges.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    cols = list(rows[0])
    return groups, [(r[cols[0]], r[cols[1]]) for r in rows]


def test_lazega_published_values():
    """Lazega (2001) advice network by office, E-I as printed in 'Intro to SNA in R'
    (jfb-h.github.io/intro-to-sna, chapter Krackhardt's EI-index): see tests/data/ei/README.md."""
    expected = json.loads((DATA / "expected.json").read_text())["published"]
    groups, edges = _lazega()
    net = Network(
        actors=[Actor(id=v, sector="public", attributes={"office": g}) for v, g in groups.items()],
        ties=[Tie(u, v) for u, v in edges],
    )
    report = analyze(net, group_by="office")
    assert report["ei_index"] == pytest.approx(expected["whole_network"]["ei_index"], abs=5e-8)
    for g, exp in expected["groups"].items():
        got = report["groups"][g]
        assert (got["size"], got["external"], got["internal"]) == (exp["size"], exp["external"], exp["internal"])
        assert got["ei_index"] == pytest.approx(exp["ei_index"], abs=5e-8)
        assert (got["external"] - got["internal"]) / (got["external"] + got["internal"]) == got["ei_index"]
    # Expected values by hand from group sizes 48, 19, 4 of N = 71 (tests/data/ei/README.md):
    # group: (N - 2 n + 1) / (N - 1); whole: (N^2 - 2 sum n^2 + N) / (N (N - 1)) = -250/4970.
    assert report["expected_ei"] == pytest.approx(-25 / 497)
    for g, frac in {"1": -12 / 35, "2": 17 / 35, "3": 32 / 35}.items():
        assert report["groups"][g]["expected_ei"] == pytest.approx(frac)


def test_hand_calculation_small_network():
    """Five actors, groups A = {1, 2}, B = {3, 4, 5}; ties 1-2, 2-3, 3-4, 4-5, 1-5.

    Whole network: between-group ties 2-3 and 1-5 -> E = 2; within 1-2, 3-4, 4-5 -> I = 3;
    E-I = (2 - 3) / 5 = -0.2. Group A from its members: E = 2 (2-3, 1-5), I = 2 (1-2 from
    both ends): 0. Group B: E = 2, I = 4: -1/3. Expected for A: (5 - 4 + 1) / 4 = 0.5;
    for B: (5 - 6 + 1) / 4 = 0; whole: (25 - 2 * (4 + 9) + 5) / 20 = 0.2.
    """
    G = nx.Graph([(1, 2), (2, 3), (3, 4), (4, 5), (1, 5)])
    groups = {1: "A", 2: "A", 3: "B", 4: "B", 5: "B"}
    assert network_ei(G, groups) == (pytest.approx(-0.2), 2, 3)
    assert group_ei(G, [1, 2]) == (0.0, 2, 2)
    assert group_ei(G, [3, 4, 5]) == (pytest.approx(-1 / 3), 2, 4)
    assert expected_group_ei(2, 5) == pytest.approx(0.5)
    assert expected_group_ei(3, 5) == pytest.approx(0.0)
    assert expected_network_ei([2, 3]) == pytest.approx(0.2)


def test_undefined_values_are_null():
    G = nx.Graph()
    G.add_nodes_from([1, 2])
    assert network_ei(G, {1: "a", 2: "b"})[0] is None
    assert group_ei(G, [1])[0] is None
    assert expected_group_ei(1, 1) is None
    assert expected_network_ei([1]) is None


def test_expected_value_is_mean_over_all_possible_ties():
    """Brute force: in the complete graph every pair is tied, so its E-I is the expected one."""
    groups = {i: "abc"[i % 3] for i in range(7)}
    K = nx.complete_graph(7)
    sizes = [sum(1 for g in groups.values() if g == x) for x in "abc"]
    assert network_ei(K, groups)[0] == pytest.approx(expected_network_ei(sizes))
    members = [v for v, g in groups.items() if g == "a"]
    assert group_ei(K, members)[0] == pytest.approx(expected_group_ei(len(members), 7))
