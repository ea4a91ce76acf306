"""Deterministic map positions: saved ``x``/``y`` where present, a seeded spring layout for the rest."""

from __future__ import annotations

import math
import random

__all__ = ["layout", "placed", "SPACING", "FULL_ITERATIONS_LIMIT", "SPREAD_LIMIT", "SQUEEZE_LIMIT"]

#: Typical distance between tied actors, in map units (vis-network pixels at zoom 1).
SPACING = 140
#: No actor added to a saved map is placed nearer than this to another (:func:`_free_places`).
GAP = 0.7 * SPACING
#: Up to this many actors the spring layout runs its full 50 iterations; above it fewer
#: (about 10 at 5,000 actors), so that a large export stays fast (benchmarks/README.md).
FULL_ITERATIONS_LIMIT = 1500
#: Up to this many actors, the placed actors' names are kept from overlapping (:func:`_readable`;
#: it costs O(n^2) memory and time per round).
SPREAD_LIMIT = 300
#: Up to this many actors a new map is drawn in further, to the shape of the app's map
#: (:func:`_squeeze`: a few more rounds of the above), so that its names are large when fitted.
SQUEEZE_LIMIT = 100


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
    alone and set in rows below it, so they do not stretch the map; a
    network without ties yet (a pasted list of names) is all rows, as many
    as give the picture the shape of the app's map (:data:`ASPECT`). Up to
    :data:`SPREAD_LIMIT` actors, placed actors are then moved apart until no
    two names overlap (each actor's mark with its name under it is a box); a
    new map is first drawn in, so that the names are large once it is fitted.

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
    if len(largest) == 1 and not saved:  # no ties yet (a pasted list of names): all in rows
        largest = []
    main = [v for part in parts if part is largest or any(v in saved for v in part) for v in part]
    free = [v for v in main if v not in saved]
    pos = dict(saved)
    if free:
        pos.update(_spring(net, saved, free, rnd, seed))
    rest = [part for part in parts if part is not largest and not any(v in saved for v in part)]
    if rest and saved:  # added to a saved map (the form, a pasted list): near it
        pos.update(_free_places(net, rest, pos, seed))
    elif rest:
        pos.update(_rows(net, rest, pos, seed))
    if len(pos) > len(saved) and len(net.actors) <= SPREAD_LIMIT:
        pos.update(_readable(net, pos, set(pos) - set(saved), new_map=not saved))
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


#: Widths of characters in DejaVu Sans (the maps' font), in ems, a little generous: narrow ones,
#: wide ones, capitals, others.
_NARROW, _WIDE = set(" ,.;:'!|()[]-ijlfrtI/"), set("mwMW@%æÆ…★⇄⚠")


def text_width(text, size=16):
    """About how wide ``text`` is drawn (map units at font ``size``), never much less."""
    ems = sum(0.35 if c in _NARROW else 1.0 if c in _WIDE else 0.76 if c.isupper() else 0.64 for c in text)
    return ems * size


#: Room the maps need around an actor (map units): the largest mark's radius, the gap between
#: a mark and its name (vis-network draws the first line 12 units below the mark), a line of a
#: name, and a margin kept free around each box.
MARK, NAME_GAP, LINE, MARGIN = 18, 12, 16, 3


def _boxes(net, ids):
    """``(half widths, room above, room below)`` of each actor's mark with its name under it.

    The first line leaves room for the marks a map puts before a name (★ for the core, ⇄ for a
    boundary spanner)."""
    import numpy as np

    from .present.mapview import CORE_MARK, SPANNER_MARK, map_label

    actor = {a.id: a for a in net.actors}
    half, below = [], []
    for v in ids:
        lines = map_label(actor[v].label).split("\n")
        marks = (CORE_MARK if actor[v].partner else "") + SPANNER_MARK + " "
        widest = max([text_width(marks + lines[0])] + [text_width(line) for line in lines[1:]])
        half.append(max(MARK, widest / 2) + MARGIN)
        below.append(MARK + NAME_GAP + LINE * len(lines) + MARGIN)
    return np.array(half), np.full(len(ids), MARK + MARGIN, dtype=float), np.array(below)


def _compact(P, half, above, below, density=0.55):
    """The picture shrunk about its middle (never grown) until the actors' boxes cover about
    ``density`` of the area their places span; :func:`_separate` then opens it where needed."""
    import numpy as np

    span = np.ptp(P, axis=0)
    area = float(span[0] * span[1]) if len(P) > 1 else 0.0
    boxes = float((2 * half * (above + below)).sum())
    if area <= 0:
        return P
    f = min(1.0, (boxes / density / area) ** 0.5)
    centre = P.mean(axis=0)
    return centre + (P - centre) * f


def _separate(P, half, above, below, movable, rounds=300, bias=0.7):
    """Places where no two actors' boxes overlap (:func:`_boxes`); only ``movable`` rows move.

    Each round pushes every overlapping pair apart along the axis where they overlap least (a
    fixed actor does not move: the other one moves the whole way), their overlaps measured
    against their sizes; ``bias`` above 1 favours sideways pushes, below 1 up and down (names
    are wide: by default a little). Pairs are looked for among those near each other,
    found again every few rounds."""
    import numpy as np

    P = P.astype(float).copy()
    hh, off = (above + below) / 2, (below - above) / 2
    mov = np.asarray(movable, dtype=bool)
    i_all, j_all = np.triu_indices(len(P), 1)
    keep = mov[i_all] | mov[j_all]
    i_all, j_all = i_all[keep], j_all[keep]
    # The share of a push that each of the two takes.
    both = mov[i_all] & mov[j_all]
    si = np.where(both, 0.5, mov[i_all].astype(float))
    sj = np.where(both, 0.5, mov[j_all].astype(float))
    slack = 4 * float(hh.max(initial=0))
    for r in range(rounds):
        fresh = r % 8 == 0
        if fresh:
            if r >= 64 and mov.all():  # a crowded new map: drawn out a little, so that it ends
                P = P.mean(axis=0) + (P - P.mean(axis=0)) * 1.02
            # The pairs near enough to meet within the next rounds.
            dx = np.abs(P[i_all, 0] - P[j_all, 0])
            dy = np.abs(P[i_all, 1] + off[i_all] - P[j_all, 1] - off[j_all])
            near = (dx < half[i_all] + half[j_all] + slack) & (dy < hh[i_all] + hh[j_all] + slack)
            i, j, si_, sj_ = i_all[near], j_all[near], si[near], sj[near]
        dx = P[i, 0] - P[j, 0]
        dy = P[i, 1] + off[i] - P[j, 1] - off[j]
        ox = half[i] + half[j] - np.abs(dx)
        oy = hh[i] + hh[j] - np.abs(dy)
        over = (ox > 0) & (oy > 0)
        if not over.any():
            if fresh:
                break
            continue
        along_x = over & (ox / (half[i] + half[j]) < bias * oy / (hh[i] + hh[j]))
        along_y = over & ~along_x
        push_x = np.where(along_x, np.where(dx < 0, -1.0, 1.0) * (ox + 0.5), 0.0)
        push_y = np.where(along_y, np.where(dy < 0, -1.0, 1.0) * (oy + 0.5), 0.0)
        move = np.zeros_like(P)
        np.add.at(move, i, np.stack([push_x * si_, push_y * si_], axis=1))
        np.add.at(move, j, -np.stack([push_x * sj_, push_y * sj_], axis=1))
        P += move
    return P


def _extent(P, half, above, below):
    """Width and height of the picture: every mark with its name."""
    return (
        float((P[:, 0] + half).max() - (P[:, 0] - half).min()),
        float((P[:, 1] + below).max() - (P[:, 1] - above).min()),
    )


#: The shape (width / height) of the box a new map is drawn in to: the app's map, beside its
#: panel, is taller than wide; a wider screen shows such a map whole too.
ASPECT = 0.8


def _squeeze(P, half, above, below, tries=20):
    """A new map drawn in further while that makes it smaller: the side that is too long for
    :data:`ASPECT` is shortened, then the boxes are separated again (pushed more along the
    other side); a try that does not shrink the picture is not kept."""
    import numpy as np

    def size(Q):
        w, h = _extent(Q, half, above, below)
        return max(w / ASPECT, h)

    movable = np.ones(len(P), dtype=bool)
    best = size(P)
    for _ in range(tries):
        w, h = _extent(P, half, above, below)
        wide = w / ASPECT > h
        tried = (
            _separate(
                P.mean(axis=0) + (P - P.mean(axis=0)) * ([f, 1] if wide else [1, f]),
                half,
                above,
                below,
                movable,
                100,
                1 / bias if wide else bias,
            )
            for f in (0.9, 0.96)
            for bias in (1, 2, 4)
        )
        better = next((Q for Q in tried if size(Q) < best - 1), None)
        if better is None:
            break
        P, best = better, size(better)
    return P


def _readable(net, pos, free, new_map):
    """Places for ``free`` actors where no two names overlap (and, on a ``new_map``, the
    picture drawn in together first, so that a fitted map shows the names large)."""
    import numpy as np

    ids = list(pos)
    half, above, below = _boxes(net, ids)
    P = np.array([pos[v] for v in ids], dtype=float)
    if new_map:
        P = _compact(P, half, above, below)
    P = _separate(P, half, above, below, [v in free for v in ids])
    if new_map and len(ids) <= SQUEEZE_LIMIT:
        P = _squeeze(P, half, above, below)
    return {v: (float(x), float(y)) for v, (x, y) in zip(ids, P, strict=True) if v in free}


def _local(net, part, seed):
    """A small part laid out alone, its top left corner at (0, 0): ``(positions, width, height)``."""
    if len(part) == 1:
        local = {part[0]: (0.0, 0.0)}
    else:
        sub = set(part)
        piece = type(net)(actors=[a for a in net.actors if a.id in sub], ties=[t for t in net.ties if t.source in sub])
        local = _spring(piece, {}, part, random.Random(seed), seed)
    x0, y0 = min(p[0] for p in local.values()), min(p[1] for p in local.values())
    local = {v: (p[0] - x0, p[1] - y0) for v, p in local.items()}
    return local, max(p[0] for p in local.values()), max(p[1] for p in local.values())


def _free_places(net, parts, pos, seed):
    """Small parts added to a saved map, each in the first free place under its tied actors (on
    a map without ties, among its rows), left to right and row by row in steps of half
    :data:`SPACING`, no actor nearer than :data:`GAP` to another. Actors added one at a time (the
    form, a pasted list) then sit side by side near the network; in rows under *all* actors
    (:func:`_rows`), each went a row further down, and the map shrank with every one."""
    tied = {v for t in net.ties for v in (t.source, t.target)}
    anchor = [p for v, p in pos.items() if v in tied]
    left, right = min(p[0] for p in pos.values()), max(p[0] for p in pos.values())
    right = max(right, left + SPACING)
    top = max(p[1] for p in anchor) + SPACING if anchor else min(p[1] for p in pos.values())
    step, near = SPACING / 2, {}  # near: the placed actors by square of side GAP (a spatial hash)

    def cell(x, y):
        return math.floor(x / GAP), math.floor(y / GAP)

    def free(x, y):
        cx, cy = cell(x, y)
        return not any(
            math.hypot(x - px, y - py) < GAP
            for i in (-1, 0, 1)
            for j in (-1, 0, 1)
            for px, py in near.get((cx + i, cy + j), ())
        )

    for x, y in pos.values():
        near.setdefault(cell(x, y), []).append((x, y))
    out, after = {}, {}  # after: per shape of part, where the last one went (no free place before it)
    for part in parts:
        local, width, height = _local(net, part, seed)
        row, col = after.get((width, height), (0, 0))
        while not all(free(left + col * step + px, top + row * step + py) for px, py in local.values()):
            col += 1
            if col and left + col * step + width > right:
                row, col = row + 1, 0
        after[(width, height)] = row, col
        for v, (px, py) in local.items():
            out[v] = (left + col * step + px, top + row * step + py)
            near.setdefault(cell(*out[v]), []).append(out[v])
    return out


def _rows(net, parts, pos, seed):
    """Small parts laid out alone, side by side in rows under the placed actors."""
    if pos:
        left = min(p[0] for p in pos.values())
        right = max(p[0] for p in pos.values())
        y = max(p[1] for p in pos.values()) + 1.5 * SPACING
        right = max(right, left + SPACING * math.sqrt(sum(len(p) for p in parts)))  # rows not too narrow
    else:  # a new map of small parts: rows as many as make the picture the app map's shape
        left, y = 0.0, 0.0
        half, above, below = _boxes(net, [v for part in parts for v in part])
        n, cell = sum(len(p) for p in parts), float((above + below).mean() / (2 * half.mean()))
        right = SPACING * (round(math.sqrt(n * ASPECT * cell)) - 0.5)
    out = {}
    x, row_height = left, 0.0
    for part in parts:
        local, width, height = _local(net, part, seed)
        if x > left and x + width > right:
            x, y, row_height = left, y + row_height + SPACING, 0.0
        for v, (px, py) in local.items():
            out[v] = (x + px, y + py)
        x += width + SPACING
        row_height = max(row_height, height)
    return out
