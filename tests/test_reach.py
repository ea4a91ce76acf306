"""Near and far reach, isolation and single points of failure against brute force."""

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from netmap import analyze
from netmap.dependency import spanner_dependency
from netmap.isolation import isolation
from netmap.reach import actor_reach, set_reach
from tests.test_flags import mk

graphs = st.integers(1, 12).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n),
        st.lists(st.booleans(), min_size=n, max_size=n),
        st.lists(st.sampled_from(["public", "civil", "citizen", "unknown"]), min_size=n, max_size=n),
    )
)


def _graph(n, edges):
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from((u, v) for u, v in edges if u != v)
    return G


@settings(max_examples=100, deadline=None)
@given(graphs)
def test_actor_reach_brute_force(case):
    n, edges, far_list, _ = case
    G = _graph(n, edges)
    far = dict(enumerate(far_list))
    got = actor_reach(G, far)
    for v in G:
        dist = nx.single_source_shortest_path_length(G, v, cutoff=2)
        for k in (1, 2):
            r = [w for w, d in dist.items() if 0 < d <= k]
            assert got[v]["far"][k] == sum(far[w] for w in r)
            assert got[v]["near"][k] == sum(not far[w] for w in r)


@settings(max_examples=100, deadline=None)
@given(graphs)
def test_set_reach_brute_force(case):
    n, edges, far_list, _ = case
    G = _graph(n, edges)
    far = dict(enumerate(far_list))
    core = [v for v in G if v % 3 == 0]
    got = set_reach(G, core, far)
    dist = nx.multi_source_dijkstra_path_length(G, set(core), cutoff=2)
    for k in (1, 2):
        r = [w for w, d in dist.items() if w not in core and d <= k]
        assert got["far"][k] == sum(far[w] for w in r)
        assert got["near"][k] == len(r) - got["far"][k]


def test_reach_hand_example():
    """Core {a}; a-b (near), b-m (management: far), a-r (regional scope: far), m-x (3 steps).

    k=1: b near, r far -> near 1, far 1. k=2 adds m (far) -> near 1, far 2.
    """
    report = analyze(mk("a::::p b m::management r:::regional x", "a-b b-m a-r m-x"))
    p = report["partnership"]
    assert p["near_reach"] == {"1": 1, "2": 1} and p["far_reach"] == {"1": 1, "2": 2}
    a = next(x for x in report["actors"] if x["id"] == "a")
    assert a["near_reach"] == {"1": 1, "2": 1} and a["far_reach"] == {"1": 1, "2": 2}


def _brute_dependency(G, core, sector):
    def reach_core(H, remaining):
        return set().union(*[c for c in nx.connected_components(H) if c & remaining]) if remaining else set()

    out = {}
    for v in G:
        remaining = set(core) - {v}
        H = G.copy()
        H.remove_node(v)
        splits = any(nx.has_path(G, a, b) and not nx.has_path(H, a, b) for a in remaining for b in remaining if a < b)
        before, after = reach_core(G, remaining), reach_core(H, remaining)
        cut = [
            s
            for s in sorted(set(sector.values()) - {"unknown"})
            if any(x != v and sector[x] == s for x in before) and not any(sector[x] == s for x in after)
        ]
        if splits or cut:
            out[v] = {"splits_core": splits, "sectors": cut}
    return out


@settings(max_examples=200, deadline=None)
@given(graphs)
def test_spanner_dependency_brute_force(case):
    """METHODS.md's SPANNER_DEPENDENCY, literally: remove each actor and look again."""
    n, edges, core_list, sector_list = case
    G = _graph(n, edges)
    core = [v for v in G if core_list[v]]
    sector = dict(enumerate(sector_list))
    assert spanner_dependency(G, core, sector) == _brute_dependency(G, core, sector)


@settings(max_examples=100, deadline=None)
@given(graphs)
def test_isolation_brute_force(case):
    n, edges, core_list, _ = case
    G = _graph(n, edges)
    core = [v for v in G if core_list[v]]
    got = isolation(G, core)
    for v in G:
        assert got[v]["isolated"] == (G.degree(v) == 0)
        assert got[v]["peripheral"] == (G.degree(v) == 1)
        assert got[v]["detached"] == (bool(core) and v not in core and not any(nx.has_path(G, v, c) for c in core))
