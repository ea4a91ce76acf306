"""Single points of failure for the partnership (METHODS.md, flag SPANNER_DEPENDENCY)."""

from __future__ import annotations

__all__ = ["spanner_dependency"]


def spanner_dependency(G, core, sector):
    """Actors whose removal cuts the partnership apart.

    An actor v is a single point of failure when

    * two core members other than v that are connected are disconnected
      once v is removed, or
    * a sector (not ``unknown``) has actors other than v that reach the
      remaining core (the core minus v) before v is removed, and none after.

    Parameters
    ----------
    G : networkx.Graph
    core : iterable
        The partnership core.
    sector : dict
        ``{node: sector}``.

    Returns
    -------
    dict
        ``{v: {"splits_core": bool, "sectors": [sectors cut off]}}`` for each
        single point of failure, in node order.

    Notes
    -----
    Linear time: one depth-first search finds, for every v, the parts its
    removal leaves (the child subtrees with low-point >= discovery time of
    v, and the rest of its component; Hopcroft & Tarjan 1973), with the
    number of core members and of actors per sector in each part. Tested
    against removing each node and recomputing.

    References
    ----------
    Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms
    for graph manipulation. Communications of the ACM 16(6), 372-378.
    """
    nodes = list(G)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    core = {index[v] for v in core if v in index}
    sectors = sorted({s for s in sector.values() if s != "unknown"})
    scode = {s: i for i, s in enumerate(sectors)}
    S = len(sectors)
    sec = [scode.get(sector[v], -1) for v in nodes]
    adj = [[index[w] for w in G[v] if w != v] for v in nodes]
    disc = [-1] * n
    low = [0] * n
    parent = [-1] * n
    root_of = [-1] * n
    children = [[] for _ in range(n)]
    sub_core = [0] * n
    sub_sec = [[0] * S for _ in range(n)]
    clock = 0
    for root in range(n):
        if disc[root] != -1:
            continue
        disc[root] = low[root] = clock
        clock += 1
        root_of[root] = root
        stack = [(root, iter(adj[root]))]
        while stack:
            v, it = stack[-1]
            for w in it:
                if disc[w] == -1:
                    parent[w] = v
                    disc[w] = low[w] = clock
                    clock += 1
                    root_of[w] = root
                    children[v].append(w)
                    stack.append((w, iter(adj[w])))
                    break
                if w != parent[v]:
                    low[v] = min(low[v], disc[w])
            else:
                stack.pop()
                sub_core[v] += v in core
                if sec[v] >= 0:
                    sub_sec[v][sec[v]] += 1
                p = parent[v]
                if p != -1:
                    low[p] = min(low[p], low[v])
                    sub_core[p] += sub_core[v]
                    ps, vs = sub_sec[p], sub_sec[v]
                    for i in range(S):
                        ps[i] += vs[i]
    # Actors of each sector in components that contain core members.
    reach_total = [0] * S
    for r in range(n):
        if root_of[r] == r and sub_core[r]:
            for i in range(S):
                reach_total[i] += sub_sec[r][i]
    out = {}
    for v in range(n):
        parts = [(sub_core[c], sub_sec[c]) for c in children[v] if low[c] >= disc[v]]
        if not parts:  # v cuts nothing off: its component stays one part without it
            continue
        r = root_of[v]
        remaining = sub_core[r] - (v in core)
        own = [sub_sec[r][i] - (sec[v] == i) for i in range(S)]
        other = [reach_total[i] - (sub_sec[r][i] if sub_core[r] else 0) for i in range(S)]
        rest_core = remaining - sum(pc for pc, _ in parts)
        rest_sec = [own[i] - sum(ps[i] for _, ps in parts) for i in range(S)]
        parts.append((rest_core, rest_sec))
        core_parts = [ps for pc, ps in parts if pc > 0]
        splits = len(core_parts) >= 2
        cut = []
        for i in range(S):
            before = (own[i] if remaining > 0 else 0) + other[i]
            after = sum(ps[i] for ps in core_parts) + other[i]
            if before > 0 and after == 0:
                cut.append(sectors[i])
        if splits or cut:
            out[nodes[v]] = {"splits_core": splits, "sectors": cut}
    return out
