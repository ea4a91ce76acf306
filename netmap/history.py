"""The history of a network: its revisions newest first, each with what was edited in it.

What each revision changed is :func:`netmap.compare.changes` between it and the revision before
it (the one with the next lower number); :func:`netmap.present.diff.revision_lines` puts it in
words. Restoring a revision is :meth:`netmap.workspace.Workspace.restore`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import threading
from dataclasses import dataclass, field

from .compare import changes
from .editing import id_moves, merged, noted_merge
from .reading import network_from_json
from .workspace import read_note

__all__ = ["PER_PAGE", "Revision", "pages", "page"]

#: Revisions on one page of the history.
PER_PAGE = 20


@dataclass
class Revision:
    """One revision of a network, with what was edited in it.

    ``edits`` is :func:`netmap.compare.changes` from the revision before (None for the first
    revision); ``moved`` counts the actors that kept everything but their place on the map;
    ``names`` maps the ids of the actors of both revisions to their names (the newer name wins);
    ``state`` is ``"current"`` (the revision shown and edited now), ``"undone"`` (after the
    current one: undo went back past it) or ``""``; ``merged`` is ``(keep, other, ties moved)``
    when the revision merged two actors (:func:`netmap.editing.merged`, or the note the app saved
    with it: :func:`netmap.editing.noted_merge`).
    """

    rev: int
    saved: str
    author: str | None
    state: str
    actors: int
    ties: int
    edits: dict | None = None
    moved: int = 0
    names: dict = field(default_factory=dict)
    merged: tuple | None = None


def pages(ws, name, per_page=PER_PAGE):
    """How many pages the history of network ``name`` has (at least 1)."""
    return max(1, -(-ws.count_revisions(name) // per_page))


def _moved(old, new):
    """How many actors of both revisions (:func:`_records`) are placed elsewhere on the map."""
    return sum(
        1
        for i, a in new[0].items()
        if i in old[0] and (old[0][i].get("x"), old[0][i].get("y")) != (a.get("x"), a.get("y"))
    )


def _records(doc):
    """The actors of a revision's document by id, and its ties by their ends, kind and direction
    as written (unique, as the ties' identities are)."""
    return (
        {a["id"]: a for a in doc["actors"]},
        {(t["source"], t["target"], t["kind"], t["directed"]): t for t in doc["ties"]},
    )


def _with_ids(doc, moved):
    """A revision's document with the actors of ``moved`` (``{old id: new id}``) renamed, their ties following."""
    return {
        **doc,
        "actors": [{**a, "id": moved.get(a["id"], a["id"])} for a in doc["actors"]],
        "ties": [
            {**t, "source": moved.get(t["source"], t["source"]), "target": moved.get(t["target"], t["target"])}
            for t in doc["ties"]
        ],
    }


def _edited(old_doc, new_doc, old, new):
    """Two small Networks, from the documents of two revisions (and their :func:`_records`): the
    actors and ties whose records differ, with the actors at the ends of those ties.
    :func:`netmap.compare.changes` of the two is that of the whole networks (records that are
    the same change nothing), and only what was edited is read, so that a page of the history
    of a large network stays fast."""
    ids = {i for i in old[0].keys() | new[0].keys() if old[0].get(i) != new[0].get(i)}
    ends = {k for k in old[1].keys() | new[1].keys() if old[1].get(k) != new[1].get(k)}
    gone = [old[1][k] for k in ends if k in old[1]]
    came = [new[1][k] for k in ends if k in new[1]]
    need = ids | {k[0] for k in ends} | {k[1] for k in ends}  # the same on both sides

    def part(doc, ties):
        ties = {id(t) for t in ties}  # kept in the document's order
        return network_from_json(
            {
                **doc,
                "actors": [a for a in doc["actors"] if a["id"] in need],
                "ties": [t for t in doc["ties"] if id(t) in ties],
            }
        )

    return part(old_doc, gone), part(new_doc, came)


#: What changed between two revisions, by the sha256 of their two documents: ``(edits, moved,
#: names, actors, ties, merged)``. Revisions never change, so an entry never goes stale.
_CACHE: dict = {}
_CACHE_SIZE = 1000
_LOCK = threading.Lock()


def _between(old_text, new_text, parsed):
    """``(edits, moved, names, actors, ties, merged)`` from the revision of ``old_text`` to that of
    ``new_text`` (``parsed``: text to ``(document, records)``, read once per page)."""
    key = (hashlib.sha256(old_text.encode()).digest(), hashlib.sha256(new_text.encode()).digest())
    with _LOCK:
        hit = _CACHE.get(key)
    if hit is not None:
        return hit
    (old_doc, old), (new_doc, new) = parsed(old_text), parsed(new_text)
    moves = id_moves(*({i: a.get("name") or i for i, a in doc[0].items()} for doc in (old, new)))
    if moves:  # an actor that became a citizen got a neutral id: the same actor on both sides
        old_doc = _with_ids(old_doc, moves)
        old = _records(old_doc)
    before, after = _edited(old_doc, new_doc, old, new)
    names = {a.id: a.label for a in before.actors} | {a.id: a.label for a in after.actors}
    hit = (
        changes(before, after),
        _moved(old, new),
        names,
        len(new_doc["actors"]),
        len(new_doc["ties"]),
        merged(old[0], new[0], old[1], new[1]),
    )
    with _LOCK:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = hit
    return hit


def page(ws, name, number=0, per_page=PER_PAGE):
    """The revisions on page ``number`` (0 is the newest) of network ``name``'s history, newest
    first, as :class:`Revision` with what each one changed (shared with later calls: not to be
    changed)."""
    head = ws.revision(name)
    # + 1: the revision before the last one on the page
    rows = ws.revisions(name, limit=per_page + 1, offset=number * per_page, documents=True)
    texts = [text for _rev, _saved, _author, text, _note in rows]

    @functools.cache
    def parsed(text):
        doc = json.loads(text)
        return doc, _records(doc)

    out = []
    for i, (rev, saved, author, _text, note) in enumerate(rows[:per_page]):
        state = "current" if rev == head else "undone" if rev > head else ""
        if i + 1 < len(texts):
            edits, moved, names, actors, ties, merge = _between(texts[i + 1], texts[i], parsed)
            if merge is None and (merge := noted_merge(read_note(note))) and merge[0] not in names:
                kept = [a for a in parsed(texts[i])[0]["actors"] if a.get("id") == merge[0]]
                names = {**names, merge[0]: kept[0].get("name") or merge[0] if kept else merge[0]}
            out.append(Revision(rev, saved, author, state, actors, ties, edits, moved, names, merge))
        else:  # the first revision
            doc = parsed(texts[i])[0]
            out.append(Revision(rev, saved, author, state, len(doc["actors"]), len(doc["ties"])))
    return out
