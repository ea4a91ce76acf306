"""Isolated, detached and peripheral actors (METHODS.md, Isolation)."""

from __future__ import annotations

import networkx as nx

__all__ = ["isolation"]


def isolation(G, core):
    """Classify every node.

    isolated: no tie at all; detached: a core exists, the node is not in
    it and has no path to any core member; peripheral: exactly one tie.

    Returns ``{node: {"isolated": bool, "detached": bool, "peripheral": bool}}``.

    >>> G = nx.Graph([("a", "b")]); G.add_node("c")
    >>> isolation(G, ["a"])["c"]
    {'isolated': True, 'detached': True, 'peripheral': False}
    """
    core = set(core)
    connected_to_core = set()
    if core:
        for comp in nx.connected_components(G):
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
