"""Synthetic municipal partnership networks of any size, for demos and benchmarks."""

from __future__ import annotations

import random

from .model import Actor, Network, Tie

__all__ = ["generate"]

_SECTORS = [("public", 0.40), ("civil", 0.30), ("citizen", 0.20), ("private", 0.10)]
_KINDS = {
    "public": ["department", "residential_home", "day_service", "institution", "coordinator"],
    "civil": ["evening_school", "association", "volunteer", "culture_institution"],
    "citizen": ["citizen"],
    "private": ["business", "funder"],
}
_TIE_KINDS = ["collaboration", "collaboration", "personal", "information", "formal_agreement", "referral", "funding"]


def generate(n_actors, seed=0, mean_degree=4.0, core_share=0.03, within_org=0.6, isolated_share=0.01):
    """A random network shaped like a municipal partnership.

    Actors belong to organisations of about eight (each organisation has
    one sector); every actor makes about ``mean_degree / 2`` ties, a share
    ``within_org`` of them inside its own organisation and the rest to
    actors chosen by preferential attachment (so hubs appear, as
    coordinators and departments in real maps). About 15 % of actors are
    at management level, 5 % political; a share ``core_share`` (at least
    three) form the partnership core; ``isolated_share`` have no tie.
    Same arguments, same network.

    >>> net = generate(50, seed=1)
    >>> len(net.actors), len(net.core) >= 3
    (50, True)
    """
    rnd = random.Random(seed)
    n = int(n_actors)
    sectors = [s for s, _ in _SECTORS]
    weights = [w for _, w in _SECTORS]
    actors = []
    org_members = []
    i = 0
    while i < n:
        size = min(n - i, max(1, int(rnd.expovariate(1 / 8)) + 1))
        sector = rnd.choices(sectors, weights)[0]
        org = f"org{len(org_members):05d}"
        members = []
        for _ in range(size):
            r = rnd.random()
            level = "political" if r < 0.05 else "management" if r < 0.20 else "operational"
            r = rnd.random()
            scope = "national" if r < 0.03 else "regional" if r < 0.08 else "municipal" if r < 0.35 else "local"
            kind = rnd.choice(_KINDS[sector])
            actors.append(
                Actor(
                    id=f"a{i:06d}",
                    name=f"{kind.replace('_', ' ').title()} {i}",
                    kind=kind,
                    sector=sector,
                    level=level,
                    scope=scope,
                    organisation=org,
                )
            )
            members.append(i)
            i += 1
        org_members.append(members)
    org_of = {}
    for o, members in enumerate(org_members):
        for m in members:
            org_of[m] = o
    core = rnd.sample(range(n), min(n, max(3, int(core_share * n))))
    for c in core:
        actors[c].partner = True
    isolated = set(rnd.sample(range(n), int(isolated_share * n))) - set(core)
    pairs = set()
    ties = []
    targets = []  # endpoints, for preferential attachment
    per_actor = mean_degree / 2
    for v in range(n):
        if v in isolated:
            continue
        k = int(per_actor) + (rnd.random() < per_actor - int(per_actor))
        for _ in range(k):
            if rnd.random() < within_org and len(org_members[org_of[v]]) > 1:
                w = rnd.choice(org_members[org_of[v]])
            elif targets and rnd.random() < 0.5:
                w = rnd.choice(targets)
            else:
                w = rnd.randrange(n)
            pair = (min(v, w), max(v, w))
            if w == v or w in isolated or pair in pairs:
                continue
            pairs.add(pair)
            targets += [v, w]
            directed = rnd.random() < 0.05
            ties.append(
                Tie(
                    source=actors[v].id,
                    target=actors[w].id,
                    kind=rnd.choice(_TIE_KINDS),
                    strength=float(rnd.randint(1, 3)),
                    directed=directed,
                )
            )
    return Network(actors=actors, ties=ties, name=f"synthetic-{n}-seed{seed}")
