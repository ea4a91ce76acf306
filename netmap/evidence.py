"""What the network says about the elements of Table 7.1 (METHODS.md, "Evidence for the review").

For eight of the 19 elements the network can speak: 1 (near and far network), 3 (personal
relations), 6 (dialogue in the core), 12 and 17 (anchoring in the partners' own organisations),
13 (political climate), 14 (all relevant partners) and 15 (cross-sector leadership). Each piece
of evidence is language-free, like a flag: ``{"code", "tone", "actors", "params"}``, where
``tone`` says whether it speaks for the element (``support``), against it (``concern``) or is
only to be noted (``info``). :mod:`netmap.present.review` says it in words.

The evidence reuses the analysis (:func:`netmap.analysis.analyze`): the core's reach, the flags,
brokerage, isolation and the single points of failure are taken from its result, never
computed another way.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from .flags import Settings
from .model import SECTORS, _name_key, canonical_tie_kind
from .reach import nearest, reached

__all__ = ["Thresholds", "EVIDENCE_ELEMENTS", "evidence"]

#: The elements of Table 7.1 the network can speak to; the others carry the partnership's rating only.
EVIDENCE_ELEMENTS = (1, 3, 6, 12, 13, 14, 15, 17)

_FAR_LEVELS = ("management", "political")


@dataclass(frozen=True)
class Thresholds:
    """The settings of the evidence that are not the flags' (METHODS.md gives the defaults)."""

    core_density_min: float = 0.5  # CORE_DENSITY speaks against element 6 below this
    spanners_shown: int = 5  # SPANNERS lists at most this many boundary spanners
    pairs_listed: int = 20  # CORE_UNTIED_PAIRS lists at most this many pairs (and counts them all)


def _item(code, tone, actors=(), **params):
    return {"code": code, "tone": tone, "actors": list(actors), "params": params}


def _flag_items(flags, codes):
    return [_item("FLAG", "concern", flags[c]["actors"], flag=flags[c]) for c in codes if c in flags]


def evidence(net, result, settings: Settings = Settings(), thresholds: Thresholds = Thresholds()) -> dict:
    """The evidence of ``net`` for each element of :data:`EVIDENCE_ELEMENTS`.

    Parameters
    ----------
    net : Network
    result : dict
        ``analyze(net)`` (grouped by sector, for the boundary spanners to be cross-sector).
    settings : flags.Settings
        The flags' settings the analysis used (the political level is looked for as far as
        ``political_anchor_steps``).
    thresholds : Thresholds

    Returns
    -------
    dict
        ``{element number: [{"code", "tone", "actors", "params"}, ...]}``.
    """
    flags = {f["code"]: f for f in result["flags"]}
    p = result["partnership"]
    if p is None:
        out = {n: [_item("NO_CORE", "info")] for n in EVIDENCE_ELEMENTS}
        out[14] += _flag_items(flags, ("ISOLATED_ACTORS",))
        return out
    G = net.simple_graph()  # the pairs the analysis measured
    core = list(p["members"])
    by_id = {a.id: a for a in net.actors}
    measured = {a["id"]: a for a in result["actors"]}
    management = _own_management(net, G, core, by_id)
    return {
        1: _reach(G, core, p, by_id) + _flag_items(flags, ("NO_FAR_REACH", "WEAK_FAR_REACH", "NO_NEAR_REACH")),
        3: _personal(net, core) + _dependency(flags),
        6: _dialogue(G, core, thresholds),
        12: management,
        13: _flag_items(flags, ("NO_POLITICAL_ANCHOR",)) + _political(G, core, net, settings),
        14: _sectors(net, core)
        + _flag_items(flags, ("ISOLATED_ACTORS",))
        + _unintegrated(p, flags)
        + _flag_items(flags, ("WEAK_PARTICIPATION",)),
        15: _spanners(result, measured, flags, thresholds),
        17: [dict(item) for item in management],
    }


# --- 1: near and far ---------------------------------------------------------------------------


def _reach(G, core, p, by_id):
    """REACH: the core's near and far reach (METHODS.md), with the far actors within two steps."""
    within = reached(G, core, 2)
    far = [v for v in G if v in within and by_id[v].is_far]
    near, far_reach = p["near_reach"], p["far_reach"]
    tone = "concern" if far_reach["2"] == 0 or far_reach["1"] == 0 or near["1"] == 0 else "support"
    return [_item("REACH", tone, far, n1=near["1"], n2=near["2"], f1=far_reach["1"], f2=far_reach["2"])]


# --- 3: personal relations ---------------------------------------------------------------------


def _active(tie):
    """Measures count active ties only: a tie planned but not yet realised is left out."""
    return getattr(tie, "status", "active") != "planned"


def _personal(net, core):
    """PERSONAL_TIES: the share of tied pairs among and around the core joined by a personal tie."""
    members = set(core)
    tied = {"core": set(), "around": set()}
    personal = {"core": set(), "around": set()}
    for t in net.ties:
        if not _active(t):
            continue
        inside = (t.source in members) + (t.target in members)
        if not inside:
            continue
        where = "core" if inside == 2 else "around"
        pair = frozenset((t.source, t.target))
        tied[where].add(pair)
        if canonical_tie_kind(t.kind) == "personal":
            personal[where].add(pair)
    ends = {v for pair in personal["core"] | personal["around"] for v in pair}
    counts = {
        "core_personal": len(personal["core"]),
        "core_pairs": len(tied["core"]),
        "around_personal": len(personal["around"]),
        "around_pairs": len(tied["around"]),
    }
    shares = {
        "core_share": counts["core_personal"] / counts["core_pairs"] if counts["core_pairs"] else None,
        "around_share": counts["around_personal"] / counts["around_pairs"] if counts["around_pairs"] else None,
    }
    if not ends:
        return [_item("NO_PERSONAL_TIES", "concern", (), **counts, **shares)]
    tone = "support" if personal["core"] else "info"
    return [_item("PERSONAL_TIES", tone, [a.id for a in net.actors if a.id in ends], **counts, **shares)]


def _dependency(flags):
    """SPANNER_DEPENDENCY when raised (links resting on one actor), else NO_SINGLE_POINT."""
    if "SPANNER_DEPENDENCY" in flags:
        return _flag_items(flags, ("SPANNER_DEPENDENCY",))
    return [_item("NO_SINGLE_POINT", "support")]


# --- 6: dialogue in the core -------------------------------------------------------------------


def _dialogue(G, core, thresholds):
    """CORE_DENSITY, CORE_ALONE and CORE_UNTIED_PAIRS: who in the core is tied to whom."""
    k = len(core)
    pairs = k * (k - 1) // 2
    if not pairs:
        return [_item("CORE_DENSITY", "info", core, tied=0, pairs=0, density=None)]
    members = set(core)
    inside = {v: sum(1 for w in G[v] if w in members and w != v) for v in core}
    tied = sum(inside.values()) // 2
    tone = "concern" if tied / pairs < thresholds.core_density_min else "support"
    out = [_item("CORE_DENSITY", tone, core, tied=tied, pairs=pairs, density=tied / pairs)]
    alone = [v for v in core if not inside[v]]
    if alone:
        out.append(_item("CORE_ALONE", "concern", alone))
    if tied < pairs:
        untied = itertools.islice(
            ([a, b] for i, a in enumerate(core) for b in core[i + 1 :] if b not in G[a]), thresholds.pairs_listed
        )
        listed = list(untied)
        involved = {v for pair in listed for v in pair}
        out.append(
            _item("CORE_UNTIED_PAIRS", "info", [v for v in core if v in involved], pairs=listed, untied=pairs - tied)
        )
    return out


# --- 12 and 17: anchoring in the partners' own organisations -------------------------------------


def _own_management(net, G, core, by_id):
    """OWN_MANAGEMENT_*: each core member's tie, or lack of one, to management of its own organisation.

    A management-level actor belongs to a member's own organisation when its ``organisation`` is
    the member's, or when it is the actor the member's ``organisation`` names (its id or name);
    names compare as tie ends do (case and spacing ignored).
    """
    order = {a.id: i for i, a in enumerate(net.actors)}
    of_org = {}  # organisation (and the id and name of the actor itself) -> management-level actors
    for v in net.actors:
        if v.level == "management":
            for key in {_name_key(v.organisation), _name_key(v.id), _name_key(v.name)} - {""}:
                of_org.setdefault(key, []).append(v.id)
    self_, tied, untied, unknown = [], [], [], []
    for m in core:
        a = by_id[m]
        if a.level in _FAR_LEVELS:
            self_.append(m)
            continue
        own = sorted(set(of_org.get(_name_key(a.organisation), [])) - {m}, key=order.get)
        if not own:
            unknown.append(m)
            continue
        linked = [v for v in own if v in G[m]]
        (tied if linked else untied).append((m, linked or own))
    out = []
    if self_:
        out.append(_item("OWN_MANAGEMENT_SELF", "support", self_))
    if tied:
        out.append(_item("OWN_MANAGEMENT_TIED", "support", [m for m, _ in tied], links=[[m, v] for m, v in tied]))
    if untied:
        out.append(_item("OWN_MANAGEMENT_UNTIED", "concern", [m for m, _ in untied], links=[[m, v] for m, v in untied]))
    if unknown:
        out.append(_item("OWN_MANAGEMENT_UNKNOWN", "info", unknown))
    return out


# --- 13: the political level -------------------------------------------------------------------


def _political(G, core, net, settings):
    """POLITICAL_DISTANCE: how many steps the nearest political-level actor is from the core."""
    political = [a.id for a in net.actors if a.level == "political"]
    if not political:
        return [_item("NO_POLITICAL_ACTOR", "concern")]
    d, nearest_ones = nearest(G, core, political)
    if d is None:
        return [_item("POLITICAL_UNREACHED", "concern", political)]
    tone = "support" if d <= settings.political_anchor_steps else "concern"
    return [_item("POLITICAL_DISTANCE", tone, nearest_ones, distance=d, steps=settings.political_anchor_steps)]


# --- 14: all relevant partners -----------------------------------------------------------------


def _sectors(net, core):
    """SECTORS_ABSENT: sectors with actors on the map and none in the core (else SECTORS_IN_CORE)."""
    members = set(core)
    present = {a.sector for a in net.actors}
    in_core = {a.sector for a in net.actors if a.id in members}
    absent = [s for s in SECTORS if s in present and s not in in_core]
    if not absent:
        return [_item("SECTORS_IN_CORE", "support", (), sectors=[s for s in SECTORS if s in in_core])]
    outside = [a.id for a in net.actors if a.sector in absent]
    return [_item("SECTORS_ABSENT", "concern", outside, sectors=absent)]


def _unintegrated(p, flags):
    """UNINTEGRATED: the actors tied to only one core member (the flag's measure), a concern when the flag is raised."""
    if not p["tied_to_core"]:
        return []
    tone = "concern" if "UNINTEGRATED_COLLABORATIONS" in flags else "info"
    un = p["unintegrated"]
    return [_item("UNINTEGRATED", tone, un, n=len(un), m=p["tied_to_core"], share=p["unintegrated_share"])]


# --- 15: cross-sector leadership ---------------------------------------------------------------


def _spanners(result, measured, flags, thresholds):
    """SPANNERS with their cross-sector roles, and whether the partnership depends on one of them."""
    ranked = sorted(
        (a for a in result["actors"] if a["boundary_spanner"]), key=lambda a: (-a["cross_sector_brokerage"], a["name"])
    )
    if not ranked:
        return [_item("NO_SPANNERS", "concern")]
    shown = [
        {
            "id": a["id"],
            "cross": a["cross_sector_brokerage"],
            "roles": {r: n for r, n in a["brokerage"].items() if r not in ("coordinator", "total") and n},
        }
        for a in ranked[: thresholds.spanners_shown]
    ]
    out = [_item("SPANNERS", "info", [a["id"] for a in ranked], spanners=shown, total=len(ranked))]
    dependency = flags.get("SPANNER_DEPENDENCY", {}).get("params", {}).get("dependency", {})
    hanging = {v: info for v, info in dependency.items() if measured[v]["boundary_spanner"]}
    if hanging:
        out.append(_item("SPANNER_IS_SINGLE_POINT", "concern", list(hanging), dependency=hanging))
    else:
        out.append(_item("NO_SPANNER_SINGLE_POINT", "support"))
    return out
