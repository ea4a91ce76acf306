"""Edits the app makes to a network, as plain functions (no streamlit): tables in, Network out."""

from __future__ import annotations

import json
from dataclasses import replace

import pandas as pd

from netmap import model
from netmap.editing import new_id
from netmap.errors import InputError, Named
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
    "bulk_changes",
    "is_bulk",
    "check_name",
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


def check_name(actor, name):
    """Refuse an edit that empties ``actor``'s name (InputError naming the actor by its old name):
    an actor always has a name (the model would quietly put the id in its place)."""
    if not str(name or "").strip():
        raise InputError('column "{column}": the name cannot be empty', Named.actor(actor.label), column="name")


def _actor_place(n, rec, orig):
    """Where an actors-table row is, for messages: the actor by name (the new name, else the old)."""
    name = str(rec.get("name") or "").strip() or (orig.label if orig is not None else str(rec.get("id") or "").strip())
    return Named.actor(name) if name else Named.new_actor(n)


def _tie_place(names):
    """Where a ties-table row is: the tie by the names of its ends (``names``: id -> name)."""

    def place(n, rec, orig):
        ends = [str(rec.get(k) or "").strip() for k in ("source", "target")]
        return Named.tie(*(names.get(e, e) or "?" for e in ends))

    return place


def _records(df, base_items, columns, place_of):
    """``(where, record, original)`` for each row of an edited table; ``place_of(n, record,
    original)`` names the row (:class:`netmap.errors.Named`) for messages.

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
        out.append((place_of(n, rec, orig), rec, orig))
    return out


def actors_from_frame(base, df, lang="en"):
    """The network after an edit of its actors table.

    Returns ``(net, removed, renamed)``: ``removed`` lists the ties that went
    with deleted actors, ``renamed`` maps changed ids (their ties follow). A
    row without an id keeps the one it had, or gets one made from its name
    when added (:func:`netmap.editing.new_id`); an added row still empty is
    left out.
    Raises InputError, naming the table row, when the table is not valid (an actor's name
    emptied, too: :func:`check_name`).
    """
    rows = _records(df, base.actors, ACTOR_COLUMNS, _actor_place)
    actor_rows, kept, renamed = [], set(), {}
    taken = set(base.actor_ids) | {str(rec.get("id") or "").strip() for _w, rec, _o in rows}
    for where, rec, orig in rows:
        if orig is not None:
            check_name(orig, rec.get("name"))
        if not str(rec.get("id") or "").strip():  # ids are made, not asked for (netmap.editing.new_id)
            if orig is None and _blank_row(rec):
                continue  # a row just added, nothing in it yet
            if orig is None and not str(rec.get("name") or "").strip():
                raise InputError('column "{column}": a new actor needs a name', where, column="name")
            rec["id"] = orig.id if orig is not None else new_id(taken, rec["name"], rec.get("kind"), rec.get("sector"))
            taken.add(rec["id"])
        if orig is not None:
            rec["x"], rec["y"] = orig.x, orig.y
            kept.add(orig.id)
            new = str(rec.get("id", "")).strip()
            if new and new != orig.id:
                renamed[orig.id] = new
        actor_rows.append((where, rec))
    removed = [t_ for t_ in base.ties if t_.source not in kept or t_.target not in kept]
    names = {a.id: a.label for a in base.actors}
    tie_rows = []
    for t_ in base.ties:
        if t_.source not in kept or t_.target not in kept:
            continue
        rec = _tie_record(t_)
        rec["source"] = renamed.get(t_.source, t_.source)
        rec["target"] = renamed.get(t_.target, t_.target)
        tie_rows.append((Named.tie(names[t_.source], names[t_.target]), rec))
    net = network_from_records(actor_rows, tie_rows, base.name, base.date, base.review)
    return net, removed, renamed


def _blank_row(rec):
    """Whether an added table row holds nothing yet (empty cells, an unticked checkbox)."""
    return all(v in ("", None, False) for v in rec.values())


def ties_from_frame(base, df, lang="en"):
    """The network after an edit of its ties table; raises InputError naming the row."""
    rows = _records(df, base.ties, TIE_COLUMNS, _tie_place({a.id: a.label for a in base.actors}))
    actor_rows = [(Named.actor(a.label), _actor_record(a)) for a in base.actors]
    return network_from_records(actor_rows, [(w, r) for w, r, _orig in rows], base.name, base.date, base.review)


def _actor_record(a):
    rec = {c: getattr(a, c) for c in ACTOR_COLUMNS + ["x", "y"]}
    rec["attributes"] = dict(a.attributes)
    return rec


def _tie_record(t_):
    rec = {c: getattr(t_, c) for c in TIE_COLUMNS}
    rec["attributes"] = dict(t_.attributes)
    return rec


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


def _same(old, new):
    """Whether a cell's value is unchanged by an edit (``2.0`` is ``2``; a blank is ``""``)."""
    old, new = _cell(old), _cell(new)
    if isinstance(old, (int, float)) and isinstance(new, (int, float)) and not isinstance(old, bool):
        return float(old) == float(new)
    return old == new


def bulk_changes(frame, delta, row_names, lang, table="actors"):
    """What an edit of a table (``delta``: the data editor's ``edited_rows``, ``added_rows`` and
    ``deleted_rows``) does to rows that were there, in words.

    ``frame`` is the table as shown, ``row_names`` the name of each of its rows (an actor's name,
    a tie's ends). Returns ``(changed, deleted)``: ``changed`` lists ``(name, ["Field: old →
    new", ...])`` for each row whose values change, ``deleted`` the names of deleted rows. An edit
    is a bulk edit when the two together touch more than one row (:func:`is_bulk`).
    """
    from netmap.present.diff import change_texts

    delta = delta or {}
    deleted_rows = {int(i) for i in delta.get("deleted_rows") or []}
    changed = []
    for idx, cells in sorted((int(i), c) for i, c in (delta.get("edited_rows") or {}).items()):
        if idx in deleted_rows or not 0 <= idx < len(frame):
            continue
        diffs = {}
        for col, new in (cells or {}).items():
            if col not in frame.columns:
                continue
            old = frame.iloc[idx][col]
            if frame[col].dtype == bool and _cell(new) == "":
                new = False  # a blanked checkbox is unticked
            if not _same(old, new):
                diffs[col if col in ACTOR_COLUMNS + TIE_COLUMNS else f"attributes.{col}"] = (_cell(old), _cell(new))
        if diffs:
            changed.append((row_names[idx], change_texts(diffs, lang, table, limit=60)))
    deleted = [row_names[i] for i in sorted(deleted_rows) if 0 <= i < len(row_names)]
    return changed, deleted


def is_bulk(changed, deleted):
    """An edit that changes or blanks more than one row, or deletes more than one, asks first."""
    return len(changed) + len(deleted) > 1
