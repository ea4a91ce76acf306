"""Compare two versions of a network: what changed, and what it means for the partnership."""

from __future__ import annotations

import copy
from typing import Any

from .analysis import analyze
from .flags import closing_trend
from .model import ACTOR_COLUMNS, TIE_COLUMNS, Actor, Network, Tie, tie_key
from .review import review_changes

__all__ = [
    "compare",
    "changes",
    "apply_diff",
    "indicators",
    "series",
    "INDICATORS",
    "ACTOR_MEASURES",
    "IGNORED_FIELDS",
]

#: Partnership indicators compared (and followed over a series), in display order.
INDICATORS = (
    "core_ei",
    "near_reach_1",
    "near_reach_2",
    "far_reach_1",
    "far_reach_2",
    "unintegrated_share",
    "boundary_spanners",
    "isolated_actors",
)
#: Per-actor measures compared.
ACTOR_MEASURES = (
    "degree",
    "brokerage",
    "cross_sector_brokerage",
    "near_reach_1",
    "near_reach_2",
    "far_reach_1",
    "far_reach_2",
)
_ACTOR_FIELDS = ACTOR_COLUMNS[1:] + ("x", "y")
#: Fields a comparison ignores, everywhere (diff, compare map, app): a map position (x, y) is where
#: an actor was drawn, not what it is, so moving it or saving the layout changes nothing.
IGNORED_FIELDS = ("x", "y")
_COMPARED_FIELDS = tuple(f for f in _ACTOR_FIELDS if f not in IGNORED_FIELDS)
_TIE_FIELDS = tuple(c for c in TIE_COLUMNS if c not in ("source", "target", "directed"))


# --- the light analysis the comparison needs ---------------------------------


def _analyze_light(net, group_by):
    # Betweenness is not compared, so it is not computed: this keeps a
    # 3,000-actor comparison well under a second.
    return analyze(net, group_by=group_by, betweenness=False)


def _indicators(report):
    p = report["partnership"]
    out = dict.fromkeys(INDICATORS)
    if p:
        out.update(
            core_ei=p["ei_index"],
            unintegrated_share=p["unintegrated_share"],
            near_reach_1=p["near_reach"]["1"],
            near_reach_2=p["near_reach"]["2"],
            far_reach_1=p["far_reach"]["1"],
            far_reach_2=p["far_reach"]["2"],
        )
    out["boundary_spanners"] = sum(1 for a in report["actors"] if a["boundary_spanner"])
    out["isolated_actors"] = sum(1 for a in report["actors"] if a["isolated"] or a["detached"])
    return out


def _actor_measures(a):
    return {
        "degree": a["degree"],
        "brokerage": a["brokerage"]["total"],
        "cross_sector_brokerage": a["cross_sector_brokerage"],
        "near_reach_1": a["near_reach"]["1"],
        "near_reach_2": a["near_reach"]["2"],
        "far_reach_1": a["far_reach"]["1"],
        "far_reach_2": a["far_reach"]["2"],
    }


def indicators(net: Network, group_by: str = "sector") -> dict[str, Any]:
    """The partnership indicators of one network: ``{name: value}`` for each of INDICATORS.

    core_ei is the E-I index of the core (METHODS.md); near/far reach of the
    core at k = 1, 2; unintegrated_share; boundary_spanners and
    isolated_actors (isolated or detached) are counts. Core measures are
    None when there is no core.
    """
    return _indicators(_analyze_light(net, group_by))


# --- the diff ---------------------------------------------------------------


def _number(x):
    return int(x) if float(x).is_integer() else float(x)


def _actor_doc(a):
    doc = {"id": a.id}
    doc.update({f: getattr(a, f) for f in _ACTOR_FIELDS})
    doc["attributes"] = dict(a.attributes)
    return doc


def _tie_doc(tie):
    _, _, s, e = tie.key
    return {
        "source": s,
        "target": e,
        "kind": tie.kind,
        "strength": _number(tie.strength),
        "directed": tie.directed,
        "status": tie.status,
        "notes": tie.notes,
        "attributes": dict(tie.attributes),
    }


def _field_changes(old, new, fields):
    """``{field: [old, new]}`` for fields and custom attributes (``attributes.NAME``) that differ.

    An absent custom attribute counts as null.
    """
    changes = {}
    for f in fields:
        a, b = old[f], new[f]
        if a != b:
            changes[f] = [a, b]
    oa, na = old["attributes"], new["attributes"]
    for k in list(oa) + [k for k in na if k not in oa]:
        if oa.get(k) != na.get(k):
            changes[f"attributes.{k}"] = [oa.get(k), na.get(k)]
    return changes


def changes(old: Network, new: Network) -> dict[str, Any]:
    """The ``network``, ``actors``, ``ties`` and ``review`` parts of :func:`compare` (what was
    edited), without the analysis of what it means: fast enough for every revision of a history."""
    old_actors = {a.id: _actor_doc(a) for a in old.actors}
    new_actors = {a.id: _actor_doc(a) for a in new.actors}
    added = [i for i in new_actors if i not in old_actors]
    removed = [i for i in old_actors if i not in new_actors]
    changed = []
    for i, doc in old_actors.items():
        if i in new_actors:
            ch = _field_changes(doc, new_actors[i], _COMPARED_FIELDS)
            if ch:
                changed.append({"id": i, "changes": ch})

    old_ties = {tie.key: _tie_doc(tie) for tie in old.ties}
    new_ties = {tie.key: _tie_doc(tie) for tie in new.ties}
    ties_changed = []
    for key, doc in old_ties.items():
        if key in new_ties:
            ch = _field_changes(doc, new_ties[key], _TIE_FIELDS)
            if ch:
                ties_changed.append(
                    {
                        "source": doc["source"],
                        "target": doc["target"],
                        "kind": key[0],
                        "directed": doc["directed"],
                        "changes": ch,
                    }
                )
    return {
        "network": {"name": [old.name, new.name], "date": [old.date, new.date]},
        "actors": {
            "added": added,
            "removed": removed,
            "changed": changed,
            "added_records": [new_actors[i] for i in added],
            "removed_records": [old_actors[i] for i in removed],
        },
        "ties": {
            "added": [d for k, d in new_ties.items() if k not in old_ties],
            "removed": [d for k, d in old_ties.items() if k not in new_ties],
            "changed": ties_changed,
        },
        "review": _review(old.review, new.review),
    }


def compare(old: Network, new: Network, group_by: str = "sector") -> dict[str, Any]:
    """What changed from network ``old`` to network ``new``.

    Actors are matched by id: a rename is a changed name under the same id.
    Ties are matched by their identity (METHODS.md): kind and pair, ordered
    only when directed, so a new kind or a new direction is a removal and an
    addition, while strength, status (active or planned), notes and custom attributes change in place.

    Returns
    -------
    dict
        ``{"network": {"name": [old, new], "date": [old, new]},
        "actors": {"added": [ids], "removed": [ids], "changed": [{"id", "changes"}],
        "added_records": [...], "removed_records": [...]},
        "ties": {"added": [tie], "removed": [tie], "changed": [{"source", "target",
        "kind", "directed", "changes"}]},
        "partnership": {indicator: [old, new]}, "flags": {"raised": [codes],
        "cleared": [codes]}, "actor_metrics": {id: {measure: [old, new]}},
        "review": [{"number", "rating": [old, new], "note": [old, new]}]}``.
        ``changes`` maps a field (custom attributes as ``attributes.NAME``) to
        ``[old, new]``. A tie is ``{"source", "target", "kind", "strength",
        "directed", "status", "notes", "attributes"}`` with the ends of an undirected
        tie sorted; a changed tie names its canonical kind. ``partnership``
        holds every indicator of :data:`INDICATORS`, changed or not;
        ``actor_metrics`` only the actors (also added or removed ones, with
        null on the missing side) whose measures of :data:`ACTOR_MEASURES`
        changed; ``review`` only the elements of Table 7.1 whose rating or note
        changed. The ``*_records`` lists hold the full actors, so that
        :func:`apply_diff` can rebuild ``new``. Map positions (``x``, ``y``)
        are not compared: they are where an actor was drawn, not what it is.
    """
    edits = changes(old, new)
    added = edits["actors"]["added"]

    ra, rb = _analyze_light(old, group_by), _analyze_light(new, group_by)
    ia, ib = _indicators(ra), _indicators(rb)
    fa = [f["code"] for f in ra["flags"]]
    fb = [f["code"] for f in rb["flags"]]
    ma = {a["id"]: _actor_measures(a) for a in ra["actors"]}
    mb = {a["id"]: _actor_measures(a) for a in rb["actors"]}
    metrics = {}
    for i in list(ma) + added:
        a, b = ma.get(i, {}), mb.get(i, {})
        diff = {m: [a.get(m), b.get(m)] for m in ACTOR_MEASURES if a.get(m) != b.get(m)}
        if diff:
            metrics[i] = diff

    return {
        **edits,
        "partnership": {k: [ia[k], ib[k]] for k in INDICATORS},
        "flags": {"raised": [c for c in fb if c not in fa], "cleared": [c for c in fa if c not in fb]},
        "actor_metrics": metrics,
    }


def _review(old, new):
    """How the review of Table 7.1 changed: ``[{"number", "rating": [old, new], "note": [old, new]}]``."""
    empty = {"rating": None, "note": ""}
    return [
        {
            "number": c["number"],
            **{f: [getattr(e, f) if e else empty[f] for e in (c["before"], c["after"])] for f in empty},
        }
        for c in review_changes(old, new)
    ]


def _set(record, field, value):
    if field.startswith("attributes."):
        name = field[len("attributes.") :]
        if value is None:
            record.attributes.pop(name, None)
        else:
            record.attributes[name] = value
    else:
        setattr(record, field, value)


def _tie_from_doc(d):
    return Tie(
        source=d["source"],
        target=d["target"],
        kind=d["kind"],
        strength=float(d["strength"]),
        directed=d["directed"],
        status=d.get("status", "active"),
        notes=d["notes"],
        attributes=dict(d["attributes"]),
    )


def apply_diff(net, diff):
    """Apply a diff from :func:`compare` to ``net``; returns a new Network.

    ``apply_diff(old, compare(old, new))`` has the actors and ties of
    ``new`` (possibly in another order) and its name and date.
    """
    out = copy.deepcopy(net)
    out.name, out.date = diff["network"]["name"][1], diff["network"]["date"][1]
    gone = set(diff["actors"]["removed"])
    out.actors = [a for a in out.actors if a.id not in gone]
    by_id = {a.id: a for a in out.actors}
    for c in diff["actors"]["changed"]:
        for field, (_, value) in c["changes"].items():
            _set(by_id[c["id"]], field, value)
    for d in diff["actors"]["added_records"]:
        a = Actor(id=d["id"], attributes=dict(d["attributes"]))
        for f in _ACTOR_FIELDS:
            setattr(a, f, d[f])
        out.actors.append(a)
    removed = {_tie_from_doc(d).key for d in diff["ties"]["removed"]}
    out.ties = [tie for tie in out.ties if tie.key not in removed]
    ties = {tie.key: tie for tie in out.ties}
    for c in diff["ties"]["changed"]:
        key = tie_key(c["kind"], c["source"], c["target"], c["directed"])
        for field, (_, value) in c["changes"].items():
            _set(ties[key], field, float(value) if field == "strength" else value)
    out.ties += [_tie_from_doc(d) for d in diff["ties"]["added"]]
    return out


# --- a series of snapshots ------------------------------------------------------


def series(points: list[tuple[str, Network]], group_by: str = "sector") -> dict[str, Any]:
    """Partnership indicators over time, with the CLOSING_TREND flags of METHODS.md.

    ``points`` is a list of ``(label, Network)`` in time order. Returns
    ``{"labels": [...], "indicators": {name: [value per snapshot]},
    "flags": [{"code", "severity", "actors", "params"}]}`` (no texts: see :mod:`netmap.present`).
    """
    values = [indicators(net, group_by) for _, net in points]
    labels = [label for label, _ in points]
    flags = closing_trend([(label, v["core_ei"]) for label, v in zip(labels, values, strict=False)])
    return {"labels": labels, "indicators": {k: [v[k] for v in values] for k in INDICATORS}, "flags": flags}
