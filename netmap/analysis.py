"""Full analysis of a network: every measure and flag of METHODS.md, as one JSON-ready dict."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import betweenness as _bc
from .brokerage import ROLES, brokerage
from .dependency import spanner_dependency
from .ei import expected_group_ei, expected_network_ei, group_ei, group_sizes, network_ei
from .flags import Settings, coordinators_only, partnership_flags
from .isolation import connected_components, isolation
from .overlap import overlaps
from .reach import actor_reach, reached, set_reach

if TYPE_CHECKING:
    from .model import Network

__all__ = ["analyze"]


def _place(where):
    """A warning's place as JSON: a :class:`~netmap.errors.Where` as its dict, other text as it is."""
    return where.to_dict() if hasattr(where, "to_dict") else where


def _keys(d):
    return {str(k): v for k, v in d.items()}


def analyze(
    net: Network,
    group_by: str = "sector",
    settings: Settings = Settings(),
    exact_limit: int | None = None,
    sample_sources: int | None = None,
    seed: int = 0,
    betweenness: bool = True,
) -> dict[str, Any]:
    """Analyse a network: every measure and flag, free of language.

    The result is the document of METHODS.md "Machine-readable output" without its texts: each
    flag and warning keeps its code and parameters, and
    :func:`netmap.present.report.document` adds the messages in a chosen language.

    Parameters
    ----------
    net : Network
    group_by : str
        The actor field or custom attribute whose values are the groups of
        brokerage and of the whole-network E-I index (default ``sector``).
    exact_limit, sample_sources, seed
        Betweenness is exact up to ``exact_limit`` actors
        (:data:`netmap.betweenness.EXACT_LIMIT`) and estimated from
        ``sample_sources`` seeded sources above it.
    betweenness : bool
        False skips betweenness (every value null), for callers that do
        not show it, such as snapshot comparison.

    Notes
    -----
    Groups: an actor whose group value is empty is in the group ``""``;
    actors of sector ``unknown`` form one group ``unknown``.
    """
    net.check_group_attribute(group_by)
    # Every measure counts the active ties only: a planned tie is an idea not yet realised.
    G = net.simple_graph()  # the pairs of net.to_graph(), without networkx
    D = net.simple_graph(directed=True)  # the arcs of net.to_digraph()
    n = G.number_of_nodes()
    n_active = len(net.active_ties)
    by_id = {a.id: a for a in net.actors}
    groups = {a.id: net.group_of(a, group_by) for a in net.actors}
    far = {a.id: a.is_far for a in net.actors}
    core = net.core

    if betweenness:
        bc, approx = _bc.betweenness(
            G, exact_limit=exact_limit or _bc.EXACT_LIMIT, k=sample_sources or _bc.SAMPLE_SOURCES, seed=seed
        )
    else:
        bc, approx = dict.fromkeys(G), False
    brk = brokerage(D, groups)
    reach = actor_reach(G, far)
    iso = isolation(G, core)

    actors = []
    for a in net.actors:
        b = brk[a.id]
        cross = b["total"] - b["coordinator"]
        actors.append(
            {
                "id": a.id,
                "name": a.name,
                "sector": a.sector,
                "level": a.level,
                "scope": a.scope,
                "partner": a.partner,
                "kind": a.kind,
                "organisation": a.organisation,
                "degree": G.degree(a.id),
                "betweenness": bc[a.id],
                "brokerage": {r: b[r] for r in ROLES + ("total",)},
                "cross_sector_brokerage": cross,
                "boundary_spanner": cross >= 1,
                "near_reach": _keys(reach[a.id]["near"]),
                "far_reach": _keys(reach[a.id]["far"]),
                **iso[a.id],
            }
        )

    sizes = group_sizes(groups)
    group_out = {}
    for g, size in sizes.items():
        members = [v for v, gv in groups.items() if gv == g]
        ei, ext, internal = group_ei(G, members)
        group_out[g] = {
            "size": size,
            "internal": internal,
            "external": ext,
            "ei_index": ei,
            "expected_ei": expected_group_ei(size, n),
        }
    whole_ei, _, _ = network_ei(G, groups)

    partnership = None
    dependency = {}
    reach_political = False
    if core:
        ei, ext, internal = group_ei(G, core)
        members = set(core)
        tied = {}
        for v in core:
            for w in G[v]:
                if w not in members:
                    tied[w] = tied.get(w, 0) + 1
        unintegrated = [v for v in net.actor_ids if tied.get(v) == 1]
        r = set_reach(G, core, far)
        partnership = {
            "members": list(core),
            "internal": internal,
            "external": ext,
            "ei_index": ei,
            "expected_ei": expected_group_ei(len(core), n),
            "unintegrated": unintegrated,
            "unintegrated_share": (len(unintegrated) / len(tied)) if tied else None,
            "tied_to_core": len(tied),
            "near_reach": _keys(r["near"]),
            "far_reach": _keys(r["far"]),
        }
        dependency = spanner_dependency(G, core, {a.id: a.sector for a in net.actors})
        near_core = members | reached(G, core, settings.political_anchor_steps)
        reach_political = any(by_id[v].level == "political" for v in near_core)

    flags = partnership_flags(net, partnership, iso, dependency, reach_political, settings)
    overlap = overlaps(net)
    only = coordinators_only(overlap)
    if only:
        flags.append(only)
    for f in flags:
        if f["code"] == "SPANNER_DEPENDENCY":
            f["details"] = f["params"]["dependency"]
    warnings = [{"code": w["code"], "where": _place(w["where"]), "params": w["params"]} for w in net.warnings]
    if approx:
        warnings.append(
            {
                "code": "BETWEENNESS_ESTIMATED",
                "where": None,
                "params": {"k": min(sample_sources or _bc.SAMPLE_SOURCES, n), "limit": exact_limit or _bc.EXACT_LIMIT},
            }
        )
    return {
        "network": {
            "name": net.name,
            "date": net.date,
            "actors": n,
            "ties": len(net.ties),
            "planned_ties": len(net.ties) - n_active,
            "group_by": group_by,
            "components": sum(1 for _ in connected_components(G)) if n else 0,
        },
        "actors": actors,
        "groups": group_out,
        "ei_index": whole_ei,
        "expected_ei": expected_network_ei(sizes.values()),
        "betweenness_approximate": approx,
        "partnership": partnership,
        "overlaps": overlap,
        "flags": flags,
        "warnings": warnings,
    }
