"""Betweenness: exact values from networkx and a published example; the estimate is flagged."""

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netmap import analyze
from netmap.betweenness import betweenness, sampled_betweenness
from netmap.generate import generate


def test_krackhardt_kite_published():
    """Krackhardt (1990) kite: Heather has the highest betweenness, 14 raw (of 36 pairs, normalised 14/36).

    networkx's krackhardt_kite_graph numbers the actors 0-9; Heather is 7 (raw 14),
    Fernando and Garth (5, 6) 8.33 raw, Ike (8) 8 raw.
    """
    G = nx.krackhardt_kite_graph()
    bc, approx = betweenness(G)
    assert not approx
    norm = 36  # (n-1)(n-2)/2 with n = 10
    assert bc[7] * norm == pytest.approx(14)
    assert bc[5] * norm == pytest.approx(8 + 1 / 3)
    assert bc[8] * norm == pytest.approx(8)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 25), st.floats(0.05, 0.6), st.integers(0, 10**6))
def test_exact_equals_networkx(n, p, seed):
    G = nx.gnp_random_graph(n, p, seed=seed)
    ref = nx.betweenness_centrality(G)
    bc, _ = betweenness(G)
    assert bc == pytest.approx(ref, abs=1e-12)
    all_sources = sampled_betweenness(G, k=n + 1)
    assert all_sources == pytest.approx(ref, abs=1e-12)


def test_estimate_above_limit_is_flagged_and_seeded():
    net = generate(400, seed=3)
    exact = analyze(net)
    est = analyze(net, exact_limit=100, sample_sources=200)
    assert exact["betweenness_approximate"] is False
    assert est["betweenness_approximate"] is True
    assert any(w["code"] == "BETWEENNESS_ESTIMATED" and w["params"]["k"] == 200 for w in est["warnings"])
    again = analyze(net, exact_limit=100, sample_sources=200)
    assert [a["betweenness"] for a in est["actors"]] == [a["betweenness"] for a in again["actors"]]
    # The estimate is unbiased; with half the sources the top broker stays on top here.
    top = max(exact["actors"], key=lambda a: a["betweenness"])["id"]
    assert max(est["actors"], key=lambda a: a["betweenness"])["id"] == top
