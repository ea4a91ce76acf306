"""The history of a network: its revisions newest first, each with what was edited in it.

What each revision changed is :func:`netmap.compare.changes` between it and the revision before
it (the one with the next lower number); :func:`netmap.present.diff.revision_lines` puts it in
words. Restoring a revision is :meth:`netmap.workspace.Workspace.restore`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .compare import changes
from .reading import network_from_json

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
    current one: undo went back past it) or ``""``.
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


def pages(ws, name, per_page=PER_PAGE):
    """How many pages the history of network ``name`` has (at least 1)."""
    return max(1, -(-ws.count_revisions(name) // per_page))


def _moved(old, new):
    """How many actors of both documents are placed elsewhere on the map."""
    before = {a["id"]: (a.get("x"), a.get("y")) for a in old["actors"]}
    return sum(1 for a in new["actors"] if a["id"] in before and before[a["id"]] != (a.get("x"), a.get("y")))


def _edited(old, new):
    """Two small Networks, from the documents of two revisions: the actors and ties whose
    records differ, with the actors at the ends of those ties. :func:`netmap.compare.changes` of
    the two is that of the whole networks (records that are the same change nothing), and
    only what was edited is read, so a page of a long history of a large network stays fast."""
    old_actors = {a["id"]: a for a in old["actors"]}
    new_actors = {a["id"]: a for a in new["actors"]}
    ids = {i for i in old_actors.keys() | new_actors.keys() if old_actors.get(i) != new_actors.get(i)}
    old_ties = {json.dumps(t, sort_keys=True): t for t in old["ties"]}
    new_ties = {json.dumps(t, sort_keys=True): t for t in new["ties"]}
    gone = [t for k, t in old_ties.items() if k not in new_ties]
    came = [t for k, t in new_ties.items() if k not in old_ties]
    need = ids | {t[end] for t in gone + came for end in ("source", "target")}  # the same on both sides

    def part(doc, actors, ties):
        return network_from_json({**doc, "actors": [a for i, a in actors.items() if i in need], "ties": ties})

    return part(old, old_actors, gone), part(new, new_actors, came)


def page(ws, name, number=0, per_page=PER_PAGE):
    """The revisions on page ``number`` (0 is the newest) of network ``name``'s history, newest
    first, as :class:`Revision` with what each one changed."""
    rows = ws.revisions(name, limit=per_page + 1, offset=number * per_page)  # + 1: the one before the last
    head = ws.revision(name)
    docs = [json.loads(ws.document(name, rev)) for rev, _saved, _author in rows]
    out = []
    for i, (rev, saved, author) in enumerate(rows[:per_page]):
        doc = docs[i]
        state = "current" if rev == head else "undone" if rev > head else ""
        item = Revision(rev, saved, author, state, len(doc["actors"]), len(doc["ties"]))
        if i + 1 < len(docs):
            before, after = _edited(docs[i + 1], doc)
            item.edits, item.moved = changes(before, after), _moved(docs[i + 1], doc)
            item.names = {a.id: a.label for a in before.actors} | {a.id: a.label for a in after.actors}
        out.append(item)
    return out
