"""Pseudonymisation of citizens (METHODS.md, Personal data)."""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Network

__all__ = ["pseudonymise", "pseudonym"]

_DEFAULT_KEY = b"netmap-pseudonym-v1"


def pseudonym(actor_id, key=None):
    """Stable pseudonym of a citizen's id: ``"citizen-" + 8 hex digits``.

    The same id always gets the same pseudonym under the same key, so
    exports made on different days can be compared. The key comes from
    ``NETMAP_PSEUDONYM_KEY`` when set; set it to a secret of your own,
    because with the public default key someone who guesses an id can
    check the guess.
    """
    key = key or os.environ.get("NETMAP_PSEUDONYM_KEY", "").encode() or _DEFAULT_KEY
    if isinstance(key, str):
        key = key.encode()
    return "citizen-" + hmac.new(key, actor_id.encode("utf-8"), hashlib.sha256).hexdigest()[:8]


def pseudonymise(net: Network, key: str | bytes | None = None) -> Network:
    """A copy of ``net`` in which every actor of sector citizen is pseudonymised.

    Its id and name become the pseudonym; its notes and custom attributes
    (free text that may describe a person) are dropped, and so are the
    notes and custom attributes of the ties that touch it. Where its name
    or id (three characters or more) appears in another actor's or tie's
    notes, it is replaced by the pseudonym. Its organisation is kept (a
    residential home or day service is not personal data by itself).
    """
    mapping = {a.id: pseudonym(a.id, key) for a in net.actors if a.sector == "citizen"}
    words = sorted(
        {(w, mapping[a.id]) for a in net.actors if a.id in mapping for w in (a.name, a.id) if len(w.strip()) >= 3},
        key=lambda p: -len(p[0]),
    )

    def scrub(text):
        for word, alias in words:
            text = text.replace(word, alias)
        return text

    actors = []
    for a in net.actors:
        if a.id in mapping:
            actors.append(replace(a, id=mapping[a.id], name=mapping[a.id], notes="", attributes={}))
        else:
            actors.append(replace(a, notes=scrub(a.notes), attributes=dict(a.attributes)))
    ties = []
    for t in net.ties:
        touched = t.source in mapping or t.target in mapping
        ties.append(
            replace(
                t,
                source=mapping.get(t.source, t.source),
                target=mapping.get(t.target, t.target),
                notes="" if touched else scrub(t.notes),
                attributes={} if touched else dict(t.attributes),
            )
        )
    return replace(net, actors=actors, ties=ties, warnings=list(net.warnings))
