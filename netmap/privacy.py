"""Pseudonymisation of citizens (METHODS.md, Personal data).

A citizen is an actor of sector citizen or of a citizen kind (borger, beboer, bruger, citizen,
resident, user; :func:`netmap.model.is_citizen`). Pseudonymising a network replaces each
citizen's id and name by a stable pseudonym (``citizen-`` and 8 hex digits of an HMAC-SHA256
of its id) and drops its notes and custom attributes, and those of its ties. Its name and id,
in every spelling this module knows, are then replaced by the pseudonym in every string of the
network: other actors' ids, names, kinds, organisations and notes, tie kinds and notes, custom
attribute names and values, the network's name, warnings, and (through :class:`Pseudonymiser`)
the page title. An actor whose id is built on a citizen's name is renamed
(``kontakt-jens-hansen`` -> ``kontakt-citizen-3972f5b4``) and its ties follow it.

Spellings: case-insensitive; the words of the name or id in order, with any 0-3 spaces,
hyphens, underscores, dots or commas between them ("Jens  Hansen", "jens_hansen",
"JensHansen"), also with a genitive s ("Jens Hansens"); surname first ("Hansen, Jens"); first and last name without the middle ones.
A match never starts or ends inside a word or a number ("Jensen" is not "Jens"). Names and
ids shorter than 3 letters or digits are replaced where they stand (id, name) but not searched
for in other text.

The key: ``NETMAP_PSEUDONYM_KEY`` when set, else a random secret (64 hex digits) kept in the
workspace file (:func:`workspace_key`); there is no fixed default, so a pseudonym cannot be
checked against a guessed id without the key.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from dataclasses import replace
from typing import TYPE_CHECKING

from .model import is_citizen

if TYPE_CHECKING:
    from .model import Network

__all__ = ["pseudonymise", "pseudonym", "workspace_key", "Pseudonymiser", "spellings"]

#: Separator allowed between the words of a name or id ("Jens  Hansen", "jens_hansen", "Hansen, Jens").
_SEP = r"[\W_]{0,3}"
_MIN_LENGTH = 3


def workspace_key(path=None) -> bytes:
    """The pseudonym key: ``NETMAP_PSEUDONYM_KEY`` when set, else the workspace's own secret.

    The workspace (``path``, else ``NETMAP_WORKSPACE``, else the per-user default) gets a random
    key (:func:`secrets.token_hex`) when it is created or upgraded, so the same citizen gets the
    same pseudonym in every export made with that workspace, and a backup of the workspace
    carries the key. Opening it for the key does not seed the sample networks.
    """
    env = os.environ.get("NETMAP_PSEUDONYM_KEY", "")
    if env.strip():
        return env.encode("utf-8")
    from .workspace import PSEUDONYM_KEY_SETTING, Workspace

    ws = Workspace(path, seed=False)
    key = ws.get_setting(PSEUDONYM_KEY_SETTING)
    if not key:  # removed by hand: make a new one (only where none is stored)
        with ws._tx() as con:
            con.execute(
                "INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
                (PSEUDONYM_KEY_SETTING, secrets.token_hex(32)),
            )
        key = ws.get_setting(PSEUDONYM_KEY_SETTING)
    return key.encode("utf-8")


def _key_bytes(key):
    if key is None or key == b"" or key == "":
        return workspace_key()
    return key.encode("utf-8") if isinstance(key, str) else bytes(key)


def pseudonym(actor_id, key=None):
    """Stable pseudonym of a citizen's id: ``"citizen-" + 8 hex digits``.

    The same id always gets the same pseudonym under the same key (default:
    :func:`workspace_key`), so exports made on different days can be compared.
    """
    key = _key_bytes(key)
    return "citizen-" + hmac.new(key, str(actor_id).encode("utf-8"), hashlib.sha256).hexdigest()[:8]


def _words(text):
    return re.findall(r"[^\W_]+", str(text or ""))


def spellings(name, actor_id=""):
    """The word sequences under which a citizen's name and id are searched for (lists of words)."""
    out = []
    for text in (name, actor_id):
        w = _words(text)
        if not w or sum(map(len, w)) < _MIN_LENGTH:
            continue
        out.append(w)
        if len(w) >= 2:
            out.append([w[-1]] + w[:-1])  # "Hansen, Jens Peter"
        if len(w) >= 3:
            out.append([w[0], w[-1]])  # "Jens Hansen" for "Jens Peter Hansen"
            out.append([w[-1], w[0]])
    return out


def _edge(ch, before):
    """No match may start or end inside a word (letters) or a number (digits)."""
    if ch.isdigit():
        return r"(?<!\d)" if before else r"(?!\d)"
    if ch.isalpha():
        return r"(?<![^\W\d_])" if before else r"(?![^\W\d_])"
    return ""


def _pattern(words):
    body = _SEP.join(re.escape(w) for w in words)
    genitive = r"(?:['\u2019]?s)?"  # "Jens Hansens", "Jens Hansen's"
    return _edge(words[0][0], True) + body + genitive + _edge(words[-1][-1], False)


class Pseudonymiser:
    """Pseudonymise one or more networks with one key and one set of citizens.

    ``Pseudonymiser(net1, net2, key=...)``: the citizens of all the networks (by id) are
    pseudonymised in each, so a citizen of the older version of a network is also scrubbed
    from the newer one (``diff`` and the compare map). :meth:`network` gives a pseudonymised
    copy of a network; :meth:`text` scrubs any other string (a page title, a label).
    """

    def __init__(self, *nets, key=None):
        key = _key_bytes(key)
        names = {}
        for net in nets:
            for a in net.actors:
                if is_citizen(a):
                    names.setdefault(a.id, set()).add(a.name or "")
        self.ids = {cid: pseudonym(cid, key) for cid in names}
        alternatives = []
        for cid, alias in self.ids.items():
            for name in sorted(names[cid]):
                for words in spellings(name, cid):
                    alternatives.append((sum(map(len, words)) + len(words), _pattern(words), alias))
        alternatives.sort(key=lambda item: -item[0])  # longest first: a full name before a part of it
        self._aliases = [alias for _, _, alias in alternatives]
        self._regex = (
            re.compile("|".join(f"(?P<p{i}>{p})" for i, (_, p, _) in enumerate(alternatives)), re.IGNORECASE)
            if alternatives
            else None
        )

    def text(self, value):
        """``value`` with every spelling of a citizen's name or id replaced by its pseudonym."""
        if self._regex is None or not isinstance(value, str):
            return value
        return self._regex.sub(lambda m: self._aliases[int(m.lastgroup[1:])], value)

    def value(self, value):
        """A custom attribute value: text scrubbed; a number or list that spells a citizen's id becomes text."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {self.text(k): self.value(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self.value(v) for v in value]
        if value is None or isinstance(value, bool):
            return value
        text = str(value)
        scrubbed = self.text(text)
        return value if scrubbed == text else scrubbed

    def _attributes(self, attributes):
        return {self.text(k): self.value(v) for k, v in attributes.items()}

    def _new_ids(self, net):
        """Old id -> new id: citizens get their pseudonym, others their scrubbed id (made unique)."""
        out, taken = {}, set()
        for a in net.actors:
            new = self.ids.get(a.id) or self.text(a.id)
            base, n = new, 1
            while new in taken:
                n += 1
                new = f"{base}-{n}"
            taken.add(new)
            out[a.id] = new
        return out

    def network(self, net: Network) -> Network:
        """A pseudonymised copy of ``net`` (the original is not changed)."""
        ids = self._new_ids(net)
        text = self.text
        actors = []
        for a in net.actors:
            if a.id in self.ids:
                alias = self.ids[a.id]
                actors.append(
                    replace(
                        a,
                        id=ids[a.id],
                        name=alias,
                        kind=text(a.kind),
                        organisation=text(a.organisation),
                        notes="",
                        attributes={},
                    )
                )
            else:
                actors.append(
                    replace(
                        a,
                        id=ids[a.id],
                        name=text(a.name),
                        kind=text(a.kind),
                        organisation=text(a.organisation),
                        notes=text(a.notes),
                        attributes=self._attributes(a.attributes),
                    )
                )
        ties = []
        for t in net.ties:
            touched = t.source in self.ids or t.target in self.ids
            ties.append(
                replace(
                    t,
                    source=ids.get(t.source, text(t.source)),
                    target=ids.get(t.target, text(t.target)),
                    kind=text(t.kind),
                    notes="" if touched else text(t.notes),
                    attributes={} if touched else self._attributes(t.attributes),
                )
            )
        warnings = [self._warning(w, ids) for w in net.warnings]
        return replace(net, actors=actors, ties=ties, name=text(net.name), warnings=warnings)

    def _warning(self, w, ids):
        if not isinstance(w, dict):
            return self.text(w) if isinstance(w, str) else w
        params = {k: ids.get(v, self.value(v)) if isinstance(v, str) else v for k, v in w.get("params", {}).items()}
        return {**w, "params": params}


def pseudonymise(net: Network, key: str | bytes | None = None) -> Network:
    """A copy of ``net`` in which every citizen is pseudonymised (see this module's docstring).

    ``key`` defaults to :func:`workspace_key`.
    """
    return Pseudonymiser(net, key=key).network(net)
