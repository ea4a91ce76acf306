"""Concrete overlaps between the municipal staff around the services and civil actors (METHODS.md).

The evaluation's section 7.1.1: including citizens who need support takes "konkrete overlap (og
ikke alene koordinatorer)" between the municipal staff around the services they receive and civil
actors, in one of three forms: (a) the staff join the citizens in civil arenas, (b) civil offers
come into the municipal settings (evening classes at a residential home), or (c) the two meet in
a third shared arena (a community house, a culture house, a volunteer centre). This module finds
the ties that show each form, active and planned, and what the COORDINATORS_ONLY flag needs.
"""

from __future__ import annotations

from .model import canonical_kind, canonical_tie_kind

__all__ = ["FORMS", "SETTING_KINDS", "STAFF_KINDS", "ARENA_KINDS", "FLOW_TIE_KINDS", "overlaps"]

#: The three forms, in the evaluation's order: (a), (b), (c).
FORMS = ("staff_in_civil_arena", "civil_in_municipal_setting", "third_arena")
#: Municipal settings where citizens who need support live or spend their day.
SETTING_KINDS = frozenset({"residential_home", "day_service"})
#: The staff around the services, as an actor of its own.
STAFF_KINDS = frozenset({"staff"})
#: Third arenas shared by the sectors.
ARENA_KINDS = frozenset({"community_house", "culture_house", "volunteer_centre"})
#: Kinds of tie that pass something along (money, news, a citizen) rather than join people in an
#: activity: they are no concrete overlap ("motivere, henvise og bakke op" is not "konkret involvering").
FLOW_TIE_KINDS = frozenset({"funding", "information", "referral"})


def _role(actor):
    """``"arena"``, ``"setting"``, ``"staff"``, ``"civil"`` or None (coordinators never count)."""
    kind = canonical_kind(actor.kind)
    if kind in ARENA_KINDS:
        return "arena"
    if kind == "coordinator":
        return None
    if actor.sector == "public" and actor.level == "operational":
        if kind in SETTING_KINDS:
            return "setting"
        if kind in STAFF_KINDS:
            return "staff"
    if actor.sector == "civil":
        return "civil"
    return None


def _form(tie, roles):
    """The form (a) or (b) of a tie between a municipal service actor and a civil actor, or None.

    A directed tie says who goes where: from the municipal end, the staff go out (a); from the
    civil end, the civil offer comes in (b). An undirected tie to a setting is (b), to staff (a).
    """
    rs, rt = roles[tie.source], roles[tie.target]
    if {rs, rt} not in ({"setting", "civil"}, {"staff", "civil"}):
        return None
    municipal, civil = (tie.source, tie.target) if rs != "civil" else (tie.target, tie.source)
    if tie.directed:
        out = tie.source == municipal
    else:
        out = roles[municipal] == "staff"
    return ("staff_in_civil_arena" if out else "civil_in_municipal_setting"), municipal, civil


def overlaps(net) -> dict:
    """The concrete overlaps of a network, free of language.

    Returns ``{"forms": {form: {"active": [...], "planned": [...]}}, "shown": [forms with an
    active entry], "planned_only": [forms with planned entries only], "public_civil_ties": n,
    "without_coordinator": n, "coordinators": [ids], "joining_arenas": [ids], "public": bool,
    "civil": bool}``. An entry of (a) or (b) is a tie ``{"source", "target", "kind", "directed",
    "municipal", "civil"}``; of (c) an arena ``{"arena", "municipal": [ids], "civil": [ids]}``.
    The last keys are what COORDINATORS_ONLY needs: the active ties between a public and a civil
    actor, those of them with no coordinator at either end, the coordinators on them, and the
    arenas that join a public and a civil actor other than coordinators by active ties.
    """
    by_id = {a.id: a for a in net.actors}
    roles = {a.id: _role(a) for a in net.actors}
    coordinator = {a.id for a in net.actors if canonical_kind(a.kind) == "coordinator"}
    forms = {f: {"active": [], "planned": []} for f in FORMS}
    # arena id -> {"active"/"all": {"municipal": set, "civil": set}}
    arenas = {a: {"active": ({}, {}), "all": ({}, {})} for a, r in roles.items() if r == "arena"}
    joined = {a: (set(), set()) for a in arenas}  # COORDINATORS_ONLY: public / civil non-coordinators
    cross = without = 0
    on_cross = {}
    for t in net.ties:
        active = t.status == "active"
        ends = (by_id[t.source], by_id[t.target])
        if active and {ends[0].sector, ends[1].sector} == {"public", "civil"}:
            cross += 1
            here = [e.id for e in ends if e.id in coordinator]
            on_cross.update(dict.fromkeys(here))
            without += not here
        for arena, other in ((t.source, by_id[t.target]), (t.target, by_id[t.source])):
            if arena in joined and active and other.id not in coordinator and other.id not in arenas:
                side = {"public": 0, "civil": 1}.get(other.sector)
                if side is not None:
                    joined[arena][side].add(other.id)
        if canonical_tie_kind(t.kind) in FLOW_TIE_KINDS:
            continue
        found = _form(t, roles)
        if found:
            form, municipal, civil = found
            entry = {
                "source": t.source,
                "target": t.target,
                "kind": canonical_tie_kind(t.kind),
                "directed": t.directed,
                "municipal": municipal,
                "civil": civil,
            }
            forms[form]["active" if active else "planned"].append(entry)
        for arena, other in ((t.source, t.target), (t.target, t.source)):
            if arena in arenas and roles[other] in ("setting", "staff", "civil"):
                side = 1 if roles[other] == "civil" else 0
                for scope in ("active", "all") if active else ("all",):
                    arenas[arena][scope][side].setdefault(other, None)
    for arena, scopes in arenas.items():
        municipal, civil = scopes["active"]
        if municipal and civil:
            forms["third_arena"]["active"].append({"arena": arena, "municipal": list(municipal), "civil": list(civil)})
        else:
            municipal, civil = scopes["all"]
            if municipal and civil:
                forms["third_arena"]["planned"].append(
                    {"arena": arena, "municipal": list(municipal), "civil": list(civil)}
                )
    sectors = {a.sector for a in net.actors}
    return {
        "forms": forms,
        "shown": [f for f in FORMS if forms[f]["active"]],
        "planned_only": [f for f in FORMS if forms[f]["planned"] and not forms[f]["active"]],
        "public_civil_ties": cross,
        "without_coordinator": without,
        "coordinators": [a.id for a in net.actors if a.id in on_cross],
        "joining_arenas": [a for a, (pub, civ) in joined.items() if pub and civ],
        "public": "public" in sectors,
        "civil": "civil" in sectors,
    }
