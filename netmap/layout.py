"""Deterministic map positions: saved ``x``/``y`` where present, a seeded spring layout for the rest."""

from __future__ import annotations

import math
import random

__all__ = ["layout", "placed", "SPACING", "FULL_ITERATIONS_LIMIT", "SPREAD_LIMIT"]

#: Typical distance between tied actors, in map units (vis-network pixels at zoom 1).
SPACING = 140
#: Up to this many actors the spring layout runs its full 50 iterations; above it fewer
#: (about 10 at 5,000 actors), so that a large export stays fast (benchmarks/README.md).
FULL_ITERATIONS_LIMIT = 1500
#: Up to this many actors, actors left too close for their labels are pushed apart after the
#: spring layout (it costs O(n^2) memory and time per round).
SPREAD_LIMIT = 300


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
    edit. The largest connected part (and every part with a saved actor) is
    laid out together; smaller parts and actors without ties are laid out
    alone and set in rows below it, so they do not stretch the map.

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
    saved = {a.id: (float(a.x), float(a.y)) for a in net.actors if a.x is not None and a.y is not None}
    parts = _components(net)
    # The spring layout takes the largest part and every part with a saved actor; the
    # other small parts (and untied actors) are laid out alone and set in rows below.
    largest = max(parts, key=len) if parts else []
    main = [v for part in parts if part is largest or any(v in saved for v in part) for v in part]
    free = [v for v in main if v not in saved]
    pos = dict(saved)
    if free:
        pos.update(_spring(net, saved, free, rnd, seed))
        if len(main) <= SPREAD_LIMIT:
            pos.update(_spread({v: pos[v] for v in main}, set(free)))
            if not saved:  # a new map: give the labels room, by scaling the whole picture
                pos.update(_roomy({v: pos[v] for v in main}, {a.id: a.label for a in net.actors}))
    rest = [part for part in parts if part is not largest and not any(v in saved for v in part)]
    if rest:
        pos.update(_rows(net, rest, pos, seed))
    return {a.id: (round(pos[a.id][0], 1), round(pos[a.id][1], 1)) for a in net.actors}


def placed(net, seed=0):
    """``net`` with a map position saved on every actor (those it has are kept).

    Networks stored in the workspace are placed when they enter it, so the
    first map drawn is the saved one and it does not move after an edit.
    """
    from dataclasses import replace

    if all(a.x is not None and a.y is not None for a in net.actors):
        return net
    pos = layout(net, seed=seed)
    return replace(
        net,
        actors=[
            a if a.x is not None and a.y is not None else replace(a, x=pos[a.id][0], y=pos[a.id][1]) for a in net.actors
        ],
    )


def _components(net):
    """Connected parts of the network as lists of actor ids, largest first, in a stable order."""
    import rustworkx as rx

    G = rx.PyGraph()
    index = {a.id: G.add_node(a.id) for a in net.actors}
    G.add_edges_from_no_data([(index[t.source], index[t.target]) for t in net.ties])
    parts = [sorted(c) for c in rx.connected_components(G)]
    parts.sort(key=lambda c: (-len(c), c[0]))
    return [[G[i] for i in c] for c in parts]


def _spring(net, saved, free, rnd, seed):
    """Spring layout of the tied actors without a saved position, in map units."""
    import rustworkx as rx

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
    edges = {
        tuple(sorted((index[t.source], index[t.target]))) for t in net.ties if t.source in index and t.target in index
    }
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


def _label_clashes(P, half_widths, height):
    """Pairs of actors whose labels (centred under the marks) would overlap."""
    import numpy as np

    dx = np.abs(P[:, None, 0] - P[None, :, 0])
    dy = np.abs(P[:, None, 1] - P[None, :, 1])
    clash = (dx < half_widths[:, None] + half_widths[None, :]) & (dy < height)
    return int(np.triu(clash, 1).sum())


def _roomy(pos, labels, factors=(1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)):
    """The picture scaled by the smallest factor that leaves no two labels overlapping.

    The map is fitted to the screen, so scaling the positions makes room
    between the labels, which keep their size (about 7 map units a
    character, with room for the marks ★⇄⚠ in front).
    """
    import numpy as np

    ids = list(pos)
    P = np.array([pos[v] for v in ids], dtype=float)
    centre = P.mean(axis=0)
    half = np.array([3.5 * (len(labels.get(v, "")) + 3) for v in ids])
    for f in factors:
        Q = centre + (P - centre) * f
        if _label_clashes(Q, half, 0.3 * SPACING) == 0:
            break
    return {v: (float(x), float(y)) for v, (x, y) in zip(ids, Q, strict=False)}


def _spread(pos, movable, rounds=60):
    """Push apart actors whose marks or labels would overlap; only ``movable`` ones move.

    Labels sit under the marks and are wide, so two actors need about
    ``SPACING`` side by side but only half of it one above the other: the
    distance is measured with the horizontal part halved.
    """
    import numpy as np

    ids = list(pos)
    rows = [i for i, v in enumerate(ids) if v in movable]
    if not rows:
        return {}
    P = np.array([pos[v] for v in ids], dtype=float)
    need = SPACING * 0.75
    for _ in range(rounds):
        d = P[rows][:, None, :] - P[None, :, :]
        dist = np.hypot(d[..., 0] / 2, d[..., 1])
        dist[np.arange(len(rows)), rows] = need  # an actor is not too close to itself
        close = dist < need
        if not close.any():
            break
        scale = np.where(close, (need - dist) / np.maximum(dist, 1e-6) / 4, 0.0)
        P[rows] += (scale[..., None] * d).sum(axis=1)
    return {ids[i]: (float(P[i, 0]), float(P[i, 1])) for i in rows}


def _rows(net, parts, pos, seed):
    """Small parts laid out alone, side by side in rows under the placed actors."""
    if pos:
        left = min(p[0] for p in pos.values())
        right = max(p[0] for p in pos.values())
        y = max(p[1] for p in pos.values()) + 1.5 * SPACING
    else:
        left, y = 0.0, 0.0
        right = SPACING * 2 * math.sqrt(sum(len(p) for p in parts))
    right = max(right, left + SPACING * math.sqrt(sum(len(p) for p in parts)))  # rows not too narrow
    out = {}
    x, row_height = left, 0.0
    for part in parts:
        if len(part) == 1:
            local = {part[0]: (0.0, 0.0)}
        else:
            sub = set(part)
            piece = type(net)(
                actors=[a for a in net.actors if a.id in sub], ties=[t for t in net.ties if t.source in sub]
            )
            local = _spring(piece, {}, part, random.Random(seed), seed)
        xs = [p[0] for p in local.values()]
        ys = [p[1] for p in local.values()]
        width, height = max(xs) - min(xs), max(ys) - min(ys)
        if x > left and x + width > right:
            x, y, row_height = left, y + row_height + SPACING, 0.0
        for v, (px, py) in local.items():
            out[v] = (x + px - min(xs), y + py - min(ys))
        x += width + SPACING
        row_height = max(row_height, height)
    return out
