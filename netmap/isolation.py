"""Isolated, detached and peripheral actors (METHODS.md, Isolation)."""

from __future__ import annotations

__all__ = ["isolation", "connected_components"]


def connected_components(G):
    """The connected parts of an undirected graph, as sets of nodes (as ``networkx.connected_components``).

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b")]); G.add_node("c")
    >>> sorted(sorted(c) for c in connected_components(G))
    [['a', 'b'], ['c']]
    """
    seen = set()
    for v in G:
        if v in seen:
            continue
        part = {v}
        stack = [v]
        while stack:
            for w in G[stack.pop()]:
                if w not in part:
                    part.add(w)
                    stack.append(w)
        seen |= part
        yield part


def isolation(G, core):
    """Classify every node.

    isolated: no tie at all; detached: a core exists, the node is not in
    it and has no path to any core member; peripheral: exactly one tie.

    Returns ``{node: {"isolated": bool, "detached": bool, "peripheral": bool}}``.

    >>> import networkx as nx
    >>> G = nx.Graph([("a", "b")]); G.add_node("c")
    >>> isolation(G, ["a"])["c"]
    {'isolated': True, 'detached': True, 'peripheral': False}
    """
    core = set(core)
    connected_to_core = set()
    if core:
        for comp in connected_components(G):
            if comp & core:
                connected_to_core |= comp
    out = {}
    for v in G:
        degree = sum(1 for w in G[v] if w != v)
        out[v] = {
            "isolated": degree == 0,
            "detached": bool(core) and v not in core and v not in connected_to_core,
            "peripheral": degree == 1,
        }
    return out
