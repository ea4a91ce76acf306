"""Edits of a network that the app makes in one step, as plain functions (no streamlit, no texts):
ids for new actors, actors picked by name, a pasted list of names, two actors merged into one.

Ids are made, never asked for: from the name (``Aftenskole Ølby`` -> ``aftenskole_ølby``), except
for citizens (:func:`netmap.model.is_citizen`), who get a neutral id (``borger-`` and a random
part) so that no id carries a citizen's name into addresses, revisions or logs. An id stays as it
was made when the actor is renamed, except when the actor becomes a citizen (:func:`neutral_ids`).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import asdict, dataclass, field, replace

from .model import _SECTOR_WORDS, Actor, Network, _name_key, canonical_tie_kind, is_citizen

__all__ = [
    "CITIZEN_ID_PREFIX",
    "new_id",
    "neutral_ids",
    "with_ids",
    "id_moves",
    "choice_labels",
    "Paste",
    "read_names",
    "new_sector",
    "add_names",
    "Merge",
    "merge_actors",
    "merged",
    "noted_merge",
    "MERGED_FIELDS",
]

#: The start of a citizen's neutral id; the rest is random (:func:`secrets.token_hex`).
CITIZEN_ID_PREFIX = "borger-"


def _is_citizen(kind, sector):
    """Whether an actor of ``kind`` and ``sector`` (a code or a word such as ``borger``) is a citizen."""
    text = " ".join(str(sector or "").split()).lower()
    return is_citizen(Actor("", kind=str(kind or ""), sector=_SECTOR_WORDS.get(text, text)))


def new_id(taken, name, kind="", sector="unknown"):
    """A new id, not in ``taken`` (a Network, or a set, dict or list of ids, which is not copied).

    A citizen gets ``borger-`` and eight random hexadecimal digits, whatever the name; any other
    actor an id made from ``name``: lower case, ``_`` for other characters, ``_2``, ``_3`` ...
    when taken.

    >>> new_id({"aftenskole_ølby"}, "Aftenskole Ølby")
    'aftenskole_ølby_2'
    >>> new_id(set(), "Anna Hansen", kind="borger").startswith("borger-")
    True
    """
    ids = set(taken.actor_ids) if isinstance(taken, Network) else taken
    if _is_citizen(kind, sector):
        while True:
            candidate = CITIZEN_ID_PREFIX + secrets.token_hex(4)
            if candidate not in ids:
                return candidate
    base = re.sub(r"[^\wæøå]+", "_", str(name).strip().lower()).strip("_") or "actor"
    candidate, n = base, 2
    while candidate in ids:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


def neutral_ids(before, after):
    """``(after, {old id: new id})``: every actor of ``after`` that was in ``before`` and not a
    citizen there, is a citizen now and has no neutral id gets one (:func:`new_id`); its ties
    follow it. An id made from a name (``anna_hansen``) would otherwise keep a citizen's name.

    >>> net, moved = neutral_ids(Network([Actor("anna", "Anna")]), Network([Actor("anna", "Anna", kind="borger")]))
    >>> moved["anna"].startswith(CITIZEN_ID_PREFIX) and net.actor_ids == [moved["anna"]]
    True
    """
    was = {a.id: a for a in before.actors}
    became = [
        a.id
        for a in after.actors
        if a.id in was and is_citizen(a) and not is_citizen(was[a.id]) and not a.id.startswith(CITIZEN_ID_PREFIX)
    ]
    if not became:
        return after, {}
    taken, moved = set(was) | set(after.actor_ids), {}
    for old in became:
        moved[old] = new_id(taken, "", kind="borger")
        taken.add(moved[old])
    return with_ids(after, moved), moved


def with_ids(net, moved):
    """``net`` with the actors of ``moved`` (``{old id: new id}``) given their new ids, their ties following."""
    actors = [replace(a, id=moved.get(a.id, a.id)) for a in net.actors]
    ties = [replace(t, source=moved.get(t.source, t.source), target=moved.get(t.target, t.target)) for t in net.ties]
    return replace(net, actors=actors, ties=ties)


def id_moves(before, after):
    """``{old id: new id}`` of the actors that got a neutral id between two versions (each given
    as ``{id: name}``): an actor gone, not a citizen's id, whose name is that of one actor come
    with a neutral id (:func:`neutral_ids`) and of no other actor gone. The history and undo
    then say what the edit changed (its sector or kind), not that an actor was deleted and
    another added."""
    gone, came = {}, {}
    for i, name in before.items():
        if i not in after and not i.startswith(CITIZEN_ID_PREFIX):
            gone.setdefault(_name_key(name), []).append(i)
    for i, name in after.items():
        if i not in before and i.startswith(CITIZEN_ID_PREFIX):
            came.setdefault(_name_key(name), []).append(i)
    return {ids[0]: came[key][0] for key, ids in gone.items() if len(ids) == 1 and len(came.get(key, ())) == 1}


def choice_labels(actors):
    """``{id: label}`` to pick an actor by name: the name alone; where two share a name (case and
    spacing ignored), ``Name (organisation)`` when that tells them apart, else ``Name (id)``.

    >>> choice_labels([Actor("a", "Anna", organisation="Skolen"), Actor("b", "anna", organisation="Klubben"),
    ...                Actor("c", "Bo"), Actor("d", "Bo")])
    {'a': 'Anna (Skolen)', 'b': 'anna (Klubben)', 'c': 'Bo (c)', 'd': 'Bo (d)'}
    """
    by_name = {}
    for a in actors:
        by_name.setdefault(_name_key(a.label), []).append(a)
    out = {}
    for group in by_name.values():
        if len(group) == 1:
            out[group[0].id] = group[0].label
            continue
        orgs = [_name_key(a.organisation) for a in group]
        for a, org in zip(group, orgs, strict=True):
            unique = org and orgs.count(org) == 1
            out[a.id] = f"{a.label} ({a.organisation if unique else a.id})"
    return {a.id: out[a.id] for a in actors}


# --- a pasted list of names -----------------------------------------------------------------

_BULLET = re.compile(r"^[\u2022\u2023\u25e6\u2043\u2219*\-\u2013\u2014]\s+")


@dataclass
class Paste:
    """What a pasted list of names adds: ``names`` (in order, each once), and what is left out or
    changed: ``blank`` (the number of blank lines), ``existing`` (names the network has already,
    as pasted), ``repeated`` (names listed more than once; added once), ``cut`` (lines with
    several cells, such as a row copied from a spreadsheet: only the first cell is the name)."""

    names: list = field(default_factory=list)
    blank: int = 0
    existing: list = field(default_factory=list)
    repeated: list = field(default_factory=list)
    cut: list = field(default_factory=list)


def read_names(text, net):
    """The names in ``text`` (one a line) that ``net`` lacks, as a :class:`Paste`.

    A line is trimmed, a leading bullet (``-``, ``*``, ``•``) dropped, and a tab ends the name.
    Names are compared as tie ends compare them (case and spacing ignored).

    >>> p = read_names("Anna\\n\\n- Bo\\nanna \\nLavuk\\n", Network([Actor("l", "Lavuk")]))
    >>> p.names, p.blank, p.existing, p.repeated
    (['Anna', 'Bo'], 1, ['Lavuk'], ['anna'])
    """
    have = {_name_key(a.label) for a in net.actors}
    out, seen = Paste(), set()
    lines = str(text or "").splitlines()
    while lines and not lines[-1].strip():  # the line break after the last name is no blank line
        lines.pop()
    for line in lines:
        name = line.strip()
        if "\t" in name:
            name = name.split("\t", 1)[0].strip()
            out.cut.append(name)
        name = " ".join(_BULLET.sub("", name).split())
        key = _name_key(name)
        if not key:
            out.blank += 1
        elif key in have:
            out.existing.append(name)
        elif key in seen:
            out.repeated.append(name)
        else:
            seen.add(key)
            out.names.append(name)
    return out


def new_sector(kind, sector):
    """A new actor's sector: as chosen, or "citizen" for an actor of a citizen kind whose sector
    was left "unknown" (:func:`netmap.model.is_citizen`), so that the measures count it with the
    citizens, not in no sector.

    >>> new_sector("borger", "unknown"), new_sector("borger", "public"), new_sector("", "unknown")
    ('citizen', 'public', 'unknown')
    """
    sector = sector or "unknown"
    return "citizen" if sector == "unknown" and is_citizen(Actor("_", kind=kind or "")) else sector


def add_names(net, names, kind="", sector="unknown"):
    """``(net with one new actor per name, their ids)``; every new actor gets ``kind`` and
    ``sector`` and an id of its own (:func:`new_id`). Validated when saved."""
    taken, ids, actors = set(net.actor_ids), [], list(net.actors)
    sector = new_sector(kind, sector)
    for name in names:
        actor_id = new_id(taken, name, kind, sector)
        taken.add(actor_id)
        ids.append(actor_id)
        actors.append(Actor(actor_id, name=name, kind=kind or "", sector=sector or "unknown"))
    return replace(net, actors=actors, ties=list(net.ties)), ids


# --- two actors that are the same -------------------------------------------------------------

#: The fields of the kept actor a merge fills from the other one when the kept one has none
#: (an empty text, sector ``unknown``, not a partner); level and scope always have a value, so
#: the kept actor's stay.
MERGED_FIELDS = ("kind", "sector", "organisation", "partner", "notes")


@dataclass
class Merge:
    """What merging ``other`` into ``keep`` (two actor ids) does, before it is saved.

    - ``moved``: the ties of ``other`` that now go to ``keep`` (as they were, then as they become);
    - ``joined``: ``[(ties as they were, the one tie they become)]``: ties of the same kind
      between the same two actors after the move, joined into one: the stronger strength,
      undirected when one of them was, the kind text, notes and custom attributes of the first
      (``keep``'s), notes of the others added, missing attributes filled from them;
    - ``dropped``: ties between ``keep`` and ``other`` (an actor is not tied to itself);
    - ``filled``: ``{field: (old, new)}`` of the kept actor, from ``other``
      (:data:`MERGED_FIELDS`, its notes added to the kept ones, custom attributes as
      ``attributes.NAME``, a map position when it had none);
    - ``kept``: ``{field: (kept value, other's value)}`` where both had a different value and
      the kept actor's stays (its name among them).
    """

    keep: str
    other: str
    moved: list = field(default_factory=list)
    joined: list = field(default_factory=list)
    dropped: list = field(default_factory=list)
    filled: dict = field(default_factory=dict)
    kept: dict = field(default_factory=dict)


def _blank(value, field=""):
    """Whether a field holds nothing: no value, an empty text, or sector ``unknown``."""
    return value is None or value == "" or (field == "sector" and value == "unknown")


def _merged_actor(keep, other, plan):
    fields = {}
    for f in MERGED_FIELDS:
        mine, theirs = getattr(keep, f), getattr(other, f)
        if f == "partner":
            if theirs and not mine:
                fields[f] = True
        elif f == "notes" and mine.strip() and theirs.strip() and theirs.strip() not in mine:
            fields[f] = mine.rstrip() + "\n" + theirs.strip()
        elif _blank(mine, f) and not _blank(theirs, f):
            fields[f] = theirs
        elif f != "notes" and not _blank(mine, f) and not _blank(theirs, f) and mine != theirs:
            plan.kept[f] = (mine, theirs)
    for f in ("name", "level", "scope"):
        if getattr(keep, f) != getattr(other, f):
            plan.kept[f] = (getattr(keep, f), getattr(other, f))
    plan.filled = {f: (getattr(keep, f), v) for f, v in fields.items()}
    attributes = dict(keep.attributes)
    for k, v in other.attributes.items():
        if _blank(attributes.get(k)) and not _blank(v):
            plan.filled[f"attributes.{k}"] = (attributes.get(k), v)
            attributes[k] = v
    if keep.x is None or keep.y is None:
        fields["x"], fields["y"] = other.x, other.y
    return replace(keep, attributes=attributes, **fields)


def _joined(group):
    """The one tie a group of ties of the same kind between the same two actors becomes."""
    first = group[0]
    notes = [first.notes.strip()] if first.notes.strip() else []
    attributes = dict(first.attributes)
    for t in group[1:]:
        if t.notes.strip() and t.notes.strip() not in notes:
            notes.append(t.notes.strip())
        for k, v in t.attributes.items():
            if _blank(attributes.get(k)):
                attributes[k] = v
    return replace(
        first,
        strength=max(t.strength for t in group),
        directed=all(t.directed for t in group),
        notes=first.notes if notes == [first.notes.strip()] else "\n".join(notes),
        attributes=attributes,
    )


def _slots(ties):
    """Ties grouped as validation would refuse them together: by kind and pair, and for directed
    ties also by direction, unless an undirected tie of that kind joins the pair."""
    by_pair = {}
    for i, t in enumerate(ties):
        by_pair.setdefault((canonical_tie_kind(t.kind),) + tuple(sorted((t.source, t.target))), []).append(i)
    groups = []
    for members in by_pair.values():
        if any(not ties[i].directed for i in members):
            groups.append(members)
        else:
            by_way = {}
            for i in members:
                by_way.setdefault(ties[i].source, []).append(i)
            groups.extend(by_way.values())
    return groups


def merge_actors(net, keep, other):
    """``(net with other merged into keep, the Merge that says what happens)``.

    The kept actor keeps its id, name, level and scope; empty fields are filled from ``other``
    (see :class:`Merge`). ``other``'s ties go to ``keep``; ties that then duplicate one another
    are joined, ties between the two are dropped. Raises KeyError for an unknown actor and
    ValueError when ``keep`` is ``other``. Validated when saved.
    """
    if keep == other:
        raise ValueError("an actor cannot be merged with itself")
    kept, gone = net.actor(keep), net.actor(other)
    plan = Merge(keep, other)
    actors = [_merged_actor(kept, gone, plan) if a.id == keep else a for a in net.actors if a.id != other]
    ties, was, theirs = [], [], []
    for t in net.ties:
        if {t.source, t.target} == {keep, other}:
            plan.dropped.append(t)
            continue
        if other in (t.source, t.target):
            moved = replace(
                t,
                source=keep if t.source == other else t.source,
                target=keep if t.target == other else t.target,
                attributes=dict(t.attributes),
            )
            ties.append(moved)
            theirs.append(True)
        else:
            ties.append(t)
            theirs.append(False)
        was.append(t)
    out = [None] * len(ties)
    for members in _slots(ties):
        members.sort(key=lambda i: (theirs[i], i))  # keep's own tie first: its kind text and notes win
        if len(members) > 1:
            plan.joined.append(([was[i] for i in members], _joined([ties[i] for i in members])))
            out[min(members)] = plan.joined[-1][1]
            continue
        (i,) = members
        out[i] = ties[i]
        if theirs[i]:
            plan.moved.append((was[i], ties[i]))
    return replace(net, actors=actors, ties=[t for t in out if t is not None]), plan


def noted_merge(note):
    """The merge a revision's note says (:meth:`netmap.workspace.Workspace.note`, written when the
    app merges two actors): ``(keep, other, 0)``, or None. For the merges :func:`merged` cannot
    tell from a deletion: they moved nothing."""
    pair = (note or {}).get("merge")
    if isinstance(pair, list) and len(pair) == 2 and all(isinstance(i, str) for i in pair):
        return pair[0], pair[1], 0
    return None


def merged(old_actors, new_actors, old_ties, new_ties):
    """Whether an edit was a merge (:func:`merge_actors`), told from the network before and after
    it: ``(keep, other, moved)`` (the kept actor's id, the id of the one merged into it, and how
    many of that one's ties now run to the kept one), or None: the history and undo recognise a
    merge by what it did (a revision made before netmap noted its merges has no note).

    ``old_actors``, ``new_actors`` map actor ids to their records, ``old_ties``, ``new_ties``
    ``(source, target, kind, directed)`` to the tie's record (records of any kind that compare
    equal when nothing changed). A merge: one actor went and none came; nothing changed but the
    kept actor and ties of the two; each tie the gone actor had with a third actor now runs, of
    the same kind, between that actor and the kept one (one such tie at least); and a tie of the
    kept actor, or the kept actor itself, changed (else the gone actor was only deleted). When
    the gone actor had no tie to a third actor, the kept actor must have taken something from it
    (:func:`_took_from`).

    The limit: a merge that changed nothing of the kept actor and its ties (the gone actor had no
    ties, or only ties the kept actor had already, and nothing to give it) looks exactly like
    deleting the gone actor. The app notes its merges with the revision (:func:`noted_merge`);
    a merge made elsewhere (a file edited by hand) is told as a deletion.
    """
    gone = old_actors.keys() - new_actors.keys()
    if len(gone) != 1 or new_actors.keys() - old_actors.keys():
        return None
    (other,) = gone
    changed = {i for i, a in new_actors.items() if old_actors[i] != a}
    if len(changed) > 1:
        return None
    differing = [k for k in old_ties.keys() | new_ties.keys() if old_ties.get(k) != new_ties.get(k)]
    theirs = [(k[1] if k[0] == other else k[0], canonical_tie_kind(k[2])) for k in old_ties if other in k[:2]]
    now = {(*sorted(k[:2]), canonical_tie_kind(k[2])) for k in new_ties}
    for keep in (changed or {e for k in differing for e in k[:2]}) - {other}:
        if any(keep not in k[:2] and other not in k[:2] for k in differing):
            continue
        moved = [(n, kind) for n, kind in theirs if n != keep]
        if any((*sorted((keep, n)), kind) not in now for n, kind in moved):
            continue
        if not moved and not (keep in changed and _took_from(old_actors[keep], new_actors[keep], old_actors[other])):
            continue
        if keep in changed or any(keep in k[:2] for k in differing if k in new_ties):
            return keep, other, len(moved)
    return None


def _took_from(before, after, other):
    """Whether the actor ``before`` became ``after`` only by what merging ``other`` into it gives
    (:func:`_merged_actor`: empty fields filled, notes added, partner, custom attributes, a map
    position); records as in :func:`merged`."""
    before, after, other = ({**(r if isinstance(r, dict) else asdict(r))} for r in (before, after, other))
    mine, theirs = before.pop("attributes", {}), other.get("attributes", {})
    if any(
        v != mine.get(k) and (v != theirs.get(k) or not _blank(mine.get(k)))
        for k, v in after.pop("attributes", {}).items()
    ):
        return False
    for f in after.keys() | before.keys():
        old, new = before.get(f), after.get(f)
        if old == new:
            continue
        if f in ("x", "y"):
            if None not in (before.get("x"), before.get("y")) or new != other.get(f):
                return False
        elif f == "notes":
            if new != old.rstrip() + "\n" + (other.get(f) or "").strip() and not (_blank(old) and new == other.get(f)):
                return False
        elif not (f in MERGED_FIELDS and _blank(old, f) and new == other.get(f)):
            return False
    return True
