"""The history of a network: its revisions newest first, each with what was edited in it.

What each revision changed is :func:`netmap.compare.changes` between it and the revision before
it (the one with the next lower number); :func:`netmap.present.diff.revision_lines` puts it in
words. Restoring a revision is :meth:`netmap.workspace.Workspace.restore`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .compare import changes

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
    before = {a.id: (a.x, a.y) for a in old.actors}
    return sum(1 for a in new.actors if a.id in before and before[a.id] != (a.x, a.y))


def page(ws, name, number=0, per_page=PER_PAGE):
    """The revisions on page ``number`` (0 is the newest) of network ``name``'s history, newest
    first, as :class:`Revision` with what each one changed."""
    rows = ws.revisions(name, limit=per_page + 1, offset=number * per_page)  # + 1: the one before the last
    head = ws.revision(name)
    nets = [ws.load(name, rev) for rev, _saved, _author in rows]
    out = []
    for i, (rev, saved, author) in enumerate(rows[:per_page]):
        net = nets[i]
        state = "current" if rev == head else "undone" if rev > head else ""
        item = Revision(rev, saved, author, state, len(net.actors), len(net.ties))
        if i + 1 < len(nets):
            before = nets[i + 1]
            item.edits, item.moved = changes(before, net), _moved(before, net)
            item.names = {a.id: a.label for a in before.actors} | {a.id: a.label for a in net.actors}
        out.append(item)
    return out
