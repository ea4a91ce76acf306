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


def _role(kind, sector, level):
    """``"arena"``, ``"setting"``, ``"staff"``, ``"civil"`` or None (coordinators never count)."""
    if kind in ARENA_KINDS:
        return "arena"
    if kind == "coordinator":
        return None
    if sector == "public" and level == "operational":
        if kind in SETTING_KINDS:
            return "setting"
        if kind in STAFF_KINDS:
            return "staff"
    if sector == "civil":
        return "civil"
    return None


_SERVICE_CIVIL = {("setting", "civil"), ("civil", "setting"), ("staff", "civil"), ("civil", "staff")}


def _form(tie, rs, rt):
    """The form (a) or (b) of a tie between a municipal service actor and a civil actor.

    A directed tie says who goes where: from the municipal end, the staff go out (a); from the
    civil end, the civil offer comes in (b). An undirected tie to a setting is (b), to staff (a).
    """
    municipal, civil = (tie.source, tie.target) if rs != "civil" else (tie.target, tie.source)
    out = tie.source == municipal if tie.directed else (rs if rs != "civil" else rt) == "staff"
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
    kinds, tie_kinds = {}, {}  # canonical kinds, once per distinct text (a large network repeats them)
    roles, sector, coordinator = {}, {}, set()
    for a in net.actors:
        kind = kinds.get(a.kind)
        if kind is None:
            kind = kinds[a.kind] = canonical_kind(a.kind)
        roles[a.id] = _role(kind, a.sector, a.level)
        sector[a.id] = a.sector
        if kind == "coordinator":
            coordinator.add(a.id)
    arena_ids = {v for v, r in roles.items() if r == "arena"}
    forms = {f: {"active": [], "planned": []} for f in FORMS}
    # arena -> (municipal, civil) actors tied to it by concrete ties: active ones, and all
    arenas = {a: {"active": ({}, {}), "all": ({}, {})} for a in arena_ids}
    joined = {a: (set(), set()) for a in arena_ids}  # COORDINATORS_ONLY: public / civil, any kind of tie
    cross = without = 0
    on_cross = {}
    for t in net.ties:
        s, e = t.source, t.target
        active = t.status == "active"
        ss, se = sector[s], sector[e]
        if active and ss != se and ss in ("public", "civil") and se in ("public", "civil"):
            cross += 1
            here = [v for v in (s, e) if v in coordinator]
            on_cross.update(dict.fromkeys(here))
            without += not here
        rs, rt = roles[s], roles[e]
        if rs is None and rt is None:
            continue
        kind = tie_kinds.get(t.kind)
        if kind is None:
            kind = tie_kinds[t.kind] = canonical_tie_kind(t.kind)
        concrete = kind not in FLOW_TIE_KINDS
        if "arena" in (rs, rt):
            for arena, other in ((s, e), (e, s)):
                if arena not in arenas or other in arena_ids:
                    continue
                side = {"public": 0, "civil": 1}.get(sector[other])
                if active and side is not None and other not in coordinator:
                    joined[arena][side].add(other)
                if concrete and roles[other] in ("setting", "staff", "civil"):
                    side = 1 if roles[other] == "civil" else 0
                    for scope in ("active", "all") if active else ("all",):
                        arenas[arena][scope][side].setdefault(other, None)
        elif concrete and (rs, rt) in _SERVICE_CIVIL:
            form, municipal, civil = _form(t, rs, rt)
            entry = {
                "source": s,
                "target": e,
                "kind": kind,
                "directed": t.directed,
                "municipal": municipal,
                "civil": civil,
            }
            forms[form]["active" if active else "planned"].append(entry)
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
    sectors = set(sector.values())
    return {
        "forms": forms,
        "shown": [f for f in FORMS if forms[f]["active"]],
        "planned_only": [f for f in FORMS if forms[f]["planned"] and not forms[f]["active"]],
        "public_civil_ties": cross,
        "without_coordinator": without,
        "coordinators": [a.id for a in net.actors if a.id in on_cross],
        "joining_arenas": [a for a in arenas if joined[a][0] and joined[a][1]],
        "public": "public" in sectors,
        "civil": "civil" in sectors,
    }
