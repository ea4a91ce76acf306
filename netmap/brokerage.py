"""Gould-Fernandez brokerage roles (Gould & Fernandez 1989)."""

from __future__ import annotations

__all__ = ["ROLES", "CROSS_SECTOR_ROLES", "brokerage"]

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
#: The roles that link different groups, as the app's and the report's tables list them (liaison,
#: the widest, first): cross-sector brokerage is their sum (every role but coordinator).
CROSS_SECTOR_ROLES = ("liaison", "gatekeeper", "representative", "itinerant")


def brokerage(D, groups):
    """Raw Gould-Fernandez brokerage counts of every node of a directed graph.

    For every ordered triple (a, b, c) of distinct nodes with arcs a->b and
    b->c and no arc a->c, b brokers the two-path a->b->c. With g the group
    of a node, its role is

    ==============  ======================  ===================
    role            condition               sna::brokerage name
    ==============  ======================  ===================
    coordinator     g(a) = g(b) = g(c)      w_I
    itinerant       g(a) = g(c) != g(b)     w_O
    representative  g(a) = g(b) != g(c)     b_IO
    gatekeeper      g(b) = g(c) != g(a)     b_OI
    liaison         all three differ        b_O
    ==============  ======================  ===================

    Parameters
    ----------
    D : networkx.DiGraph
        Arcs. An undirected tie is given as two arcs.
    groups : dict
        Group of every node (any hashable value).

    Returns
    -------
    dict
        ``{node: {"coordinator": int, ..., "liaison": int, "total": int}}``,
        equal to the raw counts (``raw.nli``) of R's ``sna::brokerage``.

    Notes
    -----
    Vectorised with numpy over all two-paths (the arcs joined on their
    middle node); no Python loop over triples. Memory grows with the number
    of two-paths, the sum over nodes of in-degree times out-degree.

    References
    ----------
    Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a
    formal approach to brokerage in transaction networks. Sociological
    Methodology 19, 89-126. https://doi.org/10.2307/270949

    Examples
    --------
    >>> import networkx as nx
    >>> D = nx.DiGraph([("a", "b"), ("b", "c")])
    >>> brokerage(D, {"a": 1, "b": 2, "c": 2})["b"]["gatekeeper"]
    1
    """
    import numpy as np

    nodes = list(D)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    codes = {}
    g = np.array([codes.setdefault(groups[v], len(codes)) for v in nodes], dtype=np.int64)
    arcs = np.array([(index[u], index[v]) for u, v in D.edges() if u != v], dtype=np.int64).reshape(-1, 2)
    counts = np.zeros((n, len(ROLES)), dtype=np.int64)
    if len(arcs):
        src, dst = arcs[:, 0], arcs[:, 1]
        order = np.argsort(src, kind="stable")
        dst_sorted = dst[order]
        outdeg = np.bincount(src, minlength=n)
        start = np.concatenate(([0], np.cumsum(outdeg)[:-1]))
        reps = outdeg[dst]  # continuations of each arc a->b: the arcs b->c
        a = np.repeat(src, reps)
        b = np.repeat(dst, reps)
        offset = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
        c = dst_sorted[np.repeat(start[dst], reps) + offset]
        keep = a != c
        a, b, c = a[keep], b[keep], c[keep]
        closed = np.isin(a * n + c, src * n + dst)
        a, b, c = a[~closed], b[~closed], c[~closed]
        ga, gb, gc = g[a], g[b], g[c]
        role = np.select(
            [(ga == gb) & (gb == gc), (ga == gc) & (ga != gb), (ga == gb) & (gb != gc), (gb == gc) & (ga != gb)],
            [0, 1, 2, 3],
            default=4,
        )
        counts = np.bincount(b * len(ROLES) + role, minlength=n * len(ROLES)).reshape(n, len(ROLES))
    out = {}
    for v, row in zip(nodes, counts.tolist(), strict=False):
        d = dict(zip(ROLES, row, strict=False))
        d["total"] = sum(row)
        out[v] = d
    return out
