"""Deterministic map positions: saved ``x``/``y`` where present, a seeded spring layout for the rest."""

from __future__ import annotations

import math
import random

import rustworkx as rx

__all__ = ["layout", "SPACING", "FULL_ITERATIONS_LIMIT"]

#: Typical distance between tied actors, in map units (vis-network pixels at zoom 1).
SPACING = 140
#: Up to this many actors the spring layout runs its full 50 iterations; above it fewer
#: (about 10 at 5,000 actors), so that a large export stays fast (benchmarks/README.md).
FULL_ITERATIONS_LIMIT = 1500


def _iterations(n):
    if n <= FULL_ITERATIONS_LIMIT:
        return 50
    return max(10, int(50 * (FULL_ITERATIONS_LIMIT / n) ** 2))


def layout(net, seed=0):
    """Positions ``{actor id: (x, y)}`` for a map of ``net``, the same for the same network.

    Actors with a saved position (both ``x`` and ``y``, METHODS.md) keep it
    exactly. The others are placed by the Fruchterman-Reingold spring layout
    of rustworkx, seeded, with the saved actors held fixed; an actor that
    starts near its placed neighbours keeps the map from jumping after an
    edit. Actors without any tie (and no saved position) are set in rows
    below the map, so they do not stretch it.

    Examples
    --------
    >>> from netmap.model import Actor, Network, Tie
    >>> net = Network(actors=[Actor("a", x=0.0, y=0.0), Actor("b")], ties=[Tie("a", "b")])
    >>> layout(net)["a"]
    (0.0, 0.0)
    >>> layout(net) == layout(net)
    True
    """
    rnd = random.Random(seed)
    saved = {a.id: (float(a.x), float(a.y)) for a in net.actors
             if a.x is not None and a.y is not None}
    tied = set()
    for t in net.ties:
        tied.update((t.source, t.target))
    free = [a.id for a in net.actors if a.id not in saved and a.id in tied]
    loose = [a.id for a in net.actors if a.id not in saved and a.id not in tied]
    pos = dict(saved)
    if free:
        pos.update(_spring(net, saved, free, rnd, seed))
    if loose:
        pos.update(_rows(loose, pos))
    return {a.id: (round(pos[a.id][0], 1), round(pos[a.id][1], 1)) for a in net.actors}


def _spring(net, saved, free, rnd, seed):
    """Spring layout of the tied actors without a saved position, in map units."""
    ids = list(saved) + free
    n = len(ids)
    # rustworkx works in a unit box: map the saved positions into it, and back at the end.
    half = SPACING * math.sqrt(n) / 2  # half the side of a box with room for n actors
    if saved:
        cx = sum(p[0] for p in saved.values()) / len(saved)
        cy = sum(p[1] for p in saved.values()) / len(saved)
        span = max(max(abs(p[0] - cx), abs(p[1] - cy)) for p in saved.values())
        half = max(half, span)
    else:
        cx = cy = 0.0
    G = rx.PyGraph()
    index = {v: G.add_node(v) for v in ids}
    edges = {tuple(sorted((index[t.source], index[t.target]))) for t in net.ties
             if t.source in index and t.target in index}
    G.add_edges_from_no_data(sorted(edges))
    start = {index[v]: [(p[0] - cx) / half, (p[1] - cy) / half] for v, p in saved.items()}
    neighbours = {i: [] for i in range(n)}
    for a, b in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)
    for v in free:  # start near placed neighbours (keeps an edited map steady), else at random
        i = index[v]
        near = [start[j] for j in neighbours[i] if j in start]
        if near:
            x = sum(p[0] for p in near) / len(near) + rnd.uniform(-0.05, 0.05)
            y = sum(p[1] for p in near) / len(near) + rnd.uniform(-0.05, 0.05)
        else:
            x, y = rnd.uniform(-1, 1), rnd.uniform(-1, 1)
        start[i] = [x, y]
    fixed = {index[v] for v in saved}
    k = 1 / math.sqrt(n)
    if fixed:
        out = rx.spring_layout(G, pos=start, fixed=fixed, k=k, num_iter=_iterations(n), seed=seed)
        return {v: (cx + out[index[v]][0] * half, cy + out[index[v]][1] * half) for v in free}
    out = rx.spring_layout(G, pos=start, k=k, num_iter=_iterations(n), seed=seed, scale=1)
    return {v: (out[index[v]][0] * half, out[index[v]][1] * half) for v in free}


def _rows(ids, pos):
    """Rows of untied actors under the placed ones, about ``SPACING`` apart."""
    if pos:
        left = min(p[0] for p in pos.values())
        right = max(p[0] for p in pos.values())
        top = max(p[1] for p in pos.values()) + 1.5 * SPACING
    else:
        left, right, top = 0.0, SPACING * math.sqrt(len(ids)), 0.0
    per_row = max(1, int((right - left) // SPACING) + 1)
    return {v: (left + (i % per_row) * SPACING, top + (i // per_row) * SPACING)
            for i, v in enumerate(ids)}
