"""Near and far network reach (Hulgård 2007; Borgatti 2006 k-step reach)."""

from __future__ import annotations

__all__ = ["actor_reach", "set_reach", "reached", "nearest"]


def actor_reach(G, far):
    """Near and far reach of every node at k = 1 and k = 2.

    R_k(v) = nodes other than v at shortest-path distance at most k;
    near_reach_k(v) = |R_k(v) minus far|, far_reach_k(v) = |R_k(v) ∩ far|.
    Without the near/far split this is Borgatti's k-step reach.

    Parameters
    ----------
    G : networkx.Graph
    far : dict
        ``{node: bool}``, True for far actors (management or political
        level, or regional or national scope).

    Returns
    -------
    dict
        ``{node: {"near": {1: int, 2: int}, "far": {1: int, 2: int}}}``

    References
    ----------
    Borgatti, S. P. (2006). Identifying sets of key players in a social
    network. Computational and Mathematical Organization Theory 12, 21-34.
    Hulgård, L. (2007), as cited in the evaluation (seed text).

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> actor_reach(G, {"a": False, "b": False, "c": True})["a"]
    {'near': {1: 1, 2: 1}, 'far': {1: 0, 2: 1}}
    """
    import numpy as np

    nodes = list(G)
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    arcs = np.array([(index[u], index[v]) for u, v in G.edges() if u != v], dtype=np.int64).reshape(-1, 2)
    # Each pair once in both directions, sorted by source: the neighbours of every node.
    keys = np.unique(np.concatenate((arcs[:, 0] * n + arcs[:, 1], arcs[:, 1] * n + arcs[:, 0])))
    src, dst = keys // n, keys % n
    degree = np.bincount(src, minlength=n)
    start = np.concatenate(([0], np.cumsum(degree)[:-1]))
    # Two-step walks v -> w -> c (the neighbours c of each neighbour w of v), v itself left out.
    reps = degree[dst]
    v2 = np.repeat(src, reps)
    offset = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
    c2 = dst[np.repeat(start[dst], reps) + offset]
    other = v2 != c2
    within2 = np.unique(np.concatenate((keys, v2[other] * n + c2[other])))
    far_vec = np.array([1 if far[v] else 0 for v in nodes], dtype=np.int64)
    near_vec = 1 - far_vec
    f1 = np.bincount(src, weights=far_vec[dst], minlength=n).astype(np.int64)
    n1 = degree - f1
    s2, t2 = within2 // n, within2 % n
    f2 = np.bincount(s2, weights=far_vec[t2], minlength=n).astype(np.int64)
    n2 = np.bincount(s2, weights=near_vec[t2], minlength=n).astype(np.int64)
    return {
        v: {"near": {1: int(n1[i]), 2: int(n2[i])}, "far": {1: int(f1[i]), 2: int(f2[i])}} for i, v in enumerate(nodes)
    }


def reached(G, sources, k):
    """Nodes not in ``sources`` at shortest-path distance at most ``k`` from the set."""
    sources = set(sources)
    seen = set(sources)
    frontier = set(sources)
    for _ in range(k):
        frontier = {w for v in frontier for w in G[v]} - seen
        seen |= frontier
    return seen - sources


def set_reach(G, sources, far):
    """Near and far reach of a set of nodes (e.g. the partnership core), k = 1 and 2."""
    out = {"near": {}, "far": {}}
    for k in (1, 2):
        r = reached(G, sources, k)
        nf = sum(1 for v in r if far[v])
        out["far"][k] = nf
        out["near"][k] = len(r) - nf
    return out


def nearest(G, sources, targets):
    """The shortest-path distance from a set of nodes to the nearest of ``targets``, and those targets.

    Returns ``(d, [targets at distance d])``, ``d = 0`` when a source is a target, and
    ``(None, [])`` when no target can be reached. The steps are those of :func:`reached`.

    >>> import networkx as nx
    >>> nearest(nx.path_graph(["a", "b", "c", "d"]), ["a"], ["c", "d"])
    (2, ['c'])
    """
    targets = set(targets)
    seen = set(sources)
    frontier = set(sources)
    d = 0
    while frontier:
        found = frontier & targets
        if found:
            return d, [v for v in G if v in found]
        frontier = {w for v in frontier for w in G[v]} - seen
        seen |= frontier
        d += 1
    return None, []
