"""Edits the app makes to a network, as plain functions (no streamlit): tables in, Network out."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pandas as pd

from netmap import model
from netmap.i18n import N_, _
from netmap.layout import layout
from netmap.model import Actor, Tie, network_from_records

__all__ = [
    "ACTOR_COLUMNS",
    "TIE_COLUMNS",
    "actors_frame",
    "ties_frame",
    "actors_from_frame",
    "ties_from_frame",
    "add_actor",
    "add_tie",
    "ties_of",
    "with_positions",
    "new_id",
    "flag_changes",
]

ACTOR_COLUMNS = list(model.ACTOR_COLUMNS)  # the one list, as a list for pandas
TIE_COLUMNS = list(model.TIE_COLUMNS)


def _show(value):
    """A custom attribute as the text shown in a table cell."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def _cell(value):
    """A table cell as a plain value: pandas' missing values become ``""``."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return value


def actors_frame(net):
    """The actors as a table: the fields of METHODS.md, then custom attributes as text."""
    custom = net.attribute_names()
    rows = [
        [getattr(a, c) for c in ACTOR_COLUMNS] + [_show(a.attributes.get(k, "")) for k in custom] for a in net.actors
    ]
    df = pd.DataFrame(rows, columns=ACTOR_COLUMNS + custom)
    return df.astype({"partner": bool}) if len(df) else df


def ties_frame(net):
    custom = net.tie_attribute_names()
    rows = [
        [getattr(t_, c) for c in TIE_COLUMNS] + [_show(t_.attributes.get(k, "")) for k in custom] for t_ in net.ties
    ]
    df = pd.DataFrame(rows, columns=TIE_COLUMNS + custom)
    return df.astype({"strength": float, "directed": bool}) if len(df) else df


def _records(df, base_items, columns, where_msg, lang):
    """``(where, record, original)`` for each row of an edited table; ``where_msg`` (marked with
    ``N_``, ``{n}`` the row) names a row in ``lang``.

    ``original`` is the item of ``base_items`` the row came from (matched by
    the row's index label), or None for an added row. Custom attribute cells
    left as shown keep their original (possibly non-text) value.
    """
    out = []
    records = df.to_dict("records")
    for n, (label, row) in enumerate(zip(df.index, records, strict=False), start=1):
        label = _cell(label)
        orig = base_items[label] if isinstance(label, int) and 0 <= label < len(base_items) else None
        rec = {}
        for col, value in row.items():
            value = _cell(value)
            if col in columns:
                rec[col] = value
            elif orig is not None and value == _show(orig.attributes.get(col, "")):
                rec[col] = orig.attributes.get(col, "")
            else:
                rec[col] = value
        out.append((_(where_msg, lang, n=n), rec, orig))
    return out


def actors_from_frame(base, df, lang="en"):
    """The network after an edit of its actors table.

    Returns ``(net, removed, renamed)``: ``removed`` lists the ties that went
    with deleted actors, ``renamed`` maps changed ids (their ties follow).
    Raises InputError, naming the table row, when the table is not valid.
    """
    rows = _records(df, base.actors, ACTOR_COLUMNS, N_("Actors, row {n}"), lang)
    actor_rows, kept, renamed = [], set(), {}
    for where, rec, orig in rows:
        if orig is not None:
            rec["x"], rec["y"] = orig.x, orig.y
            kept.add(orig.id)
            new = str(rec.get("id", "")).strip()
            if new and new != orig.id:
                renamed[orig.id] = new
        actor_rows.append((where, rec))
    removed = [t_ for t_ in base.ties if t_.source not in kept or t_.target not in kept]
    tie_rows = []
    for i, t_ in enumerate(base.ties):
        if t_.source not in kept or t_.target not in kept:
            continue
        rec = _tie_record(t_)
        rec["source"] = renamed.get(t_.source, t_.source)
        rec["target"] = renamed.get(t_.target, t_.target)
        tie_rows.append((_("Ties, row {n}", lang, n=i + 1), rec))
    net = network_from_records(actor_rows, tie_rows, base.name, base.date)
    return net, removed, renamed


def ties_from_frame(base, df, lang="en"):
    """The network after an edit of its ties table; raises InputError naming the row."""
    rows = _records(df, base.ties, TIE_COLUMNS, N_("Ties, row {n}"), lang)
    actor_rows = [(a.id, _actor_record(a)) for a in base.actors]
    return network_from_records(actor_rows, [(w, r) for w, r, _orig in rows], base.name, base.date)


def _actor_record(a):
    rec = {c: getattr(a, c) for c in ACTOR_COLUMNS + ["x", "y"]}
    rec["attributes"] = dict(a.attributes)
    return rec


def _tie_record(t_):
    rec = {c: getattr(t_, c) for c in TIE_COLUMNS}
    rec["attributes"] = dict(t_.attributes)
    return rec


def new_id(net, name):
    """An id made from ``name``: lower case, ``_`` for other characters, unique in ``net``."""
    base = re.sub(r"[^\wæøå]+", "_", name.strip().lower()).strip("_") or "actor"
    ids, candidate, n = set(net.actor_ids), base, 2
    while candidate in ids:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


def add_actor(net, **fields):
    """A copy of ``net`` with one more actor (validated when saved)."""
    return replace(net, actors=list(net.actors) + [Actor(**fields)], ties=list(net.ties))


def add_tie(net, **fields):
    """A copy of ``net`` with one more tie (validated when saved)."""
    return replace(net, actors=list(net.actors), ties=list(net.ties) + [Tie(**fields)])


def ties_of(net, ids):
    """The ties that touch any actor in ``ids``."""
    ids = set(ids)
    return [t_ for t_ in net.ties if t_.source in ids or t_.target in ids]


def with_positions(net, shown=None):
    """``net`` with a saved map position for every actor.

    Actors that were on the map the user saw (``shown``) keep the position
    they had there; the rest are placed by :func:`netmap.layout.layout`
    around them, so the map does not jump after an edit.
    """
    if all(a.x is not None and a.y is not None for a in net.actors):
        return net
    seen = layout(shown) if shown is not None else {}
    actors = [replace(a, x=seen[a.id][0], y=seen[a.id][1]) if a.x is None and a.id in seen else a for a in net.actors]
    net = replace(net, actors=actors)
    pos = layout(net)
    return replace(
        net,
        actors=[
            a if a.x is not None and a.y is not None else replace(a, x=pos[a.id][0], y=pos[a.id][1]) for a in net.actors
        ],
    )


def flag_changes(before, after):
    """Flags of two analyses compared by code: ``(appear, clear, stay)`` lists of the ``after``
    (appear, stay) or ``before`` (clear) flags."""
    old = {f["code"] for f in before["flags"]}
    new = {f["code"] for f in after["flags"]}
    appear = [f for f in after["flags"] if f["code"] not in old]
    clear = [f for f in before["flags"] if f["code"] not in new]
    stay = [f for f in after["flags"] if f["code"] in old]
    return appear, clear, stay
