"""The E-I index of Krackhardt & Stern (1988), with its value expected from group sizes."""

from __future__ import annotations

from collections import Counter

__all__ = ["ei_index", "network_ei", "group_ei", "expected_group_ei", "expected_network_ei"]


def ei_index(external, internal):
    """(E - I) / (E + I); None when E + I = 0.

    References
    ----------
    Krackhardt, D. & Stern, R. N. (1988). Informal networks and
    organizational crises: an experimental simulation. Social Psychology
    Quarterly 51(2), 123-140. https://doi.org/10.2307/2786835

    Examples
    --------
    >>> ei_index(1, 3)
    -0.5
    >>> ei_index(0, 0) is None
    True
    """
    total = external + internal
    return None if total == 0 else (external - internal) / total


def network_ei(G, groups):
    """Whole-network E-I by group, as UCINET counts it.

    E = ties between groups and I = ties within groups on the simple
    undirected graph, each tie once. Returns ``(ei, E, I)``.
    """
    external = sum(1 for u, v in G.edges() if u != v and groups[u] != groups[v])
    internal = sum(1 for u, v in G.edges() if u != v and groups[u] == groups[v])
    return ei_index(external, internal), external, internal


def group_ei(G, members):
    """E-I of one group seen from its members.

    E = sum over members of their ties to non-members; I = sum over
    members of their ties to other members, so each internal tie counts
    from both ends. Returns ``(ei, E, I)``.
    """
    members = set(members)
    external = internal = 0
    for v in members:
        for w in G[v]:
            if w == v:
                continue
            if w in members:
                internal += 1
            else:
                external += 1
    return ei_index(external, internal), external, internal


def expected_group_ei(size, n):
    """E-I of a group of ``size`` among ``n`` actors when every pair is equally likely tied.

    A member has n - size possible outside ties and size - 1 inside ones:
    (n - 2 size + 1) / (n - 1). None when n < 2.

    >>> expected_group_ei(2, 5)
    0.5
    """
    return None if n < 2 else (n - 2 * size + 1) / (n - 1)


def expected_network_ei(sizes):
    """Whole-network E-I expected from group sizes: (N^2 - 2 sum n_g^2 + N) / (N (N - 1)).

    >>> expected_network_ei([2, 2])
    0.3333333333333333
    """
    sizes = list(sizes)
    n = sum(sizes)
    if n < 2:
        return None
    return (n * n - 2 * sum(s * s for s in sizes) + n) / (n * (n - 1))


def group_sizes(groups):
    return Counter(groups.values())
