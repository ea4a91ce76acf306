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

Spellings: case-insensitive (and Unicode-normalised); the words of the name or id in order,
with up to 3 spaces, hyphens, underscores, dots or commas between them ("Jens  Hansen",
"jens_hansen") or none ("JensHansen"), also with a genitive s ("Jens Hansens", "Jens
Hansen's"); surname first ("Hansen, Jens"); first and last name without the middle ones. A
word is a run of letters or of digits, and a match never starts or ends inside one ("Jensen"
is not "Jens", "10075" is not "007", but "kontakt007" holds "007"). Words are found by a table
lookup, so the time is linear in the text whatever the number of citizens. Names and
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
import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING

from .model import is_citizen

if TYPE_CHECKING:
    from .model import Network

__all__ = ["pseudonymise", "pseudonym", "workspace_key", "Pseudonymiser", "spellings"]

#: At most this many characters (spaces, hyphens, underscores, dots, commas...) between two words
#: of a name or id for them to count as one spelling ("Jens  Hansen", "Hansen, Jens", "jens_hansen").
_MAX_GAP = 8
_MIN_LENGTH = 3
#: Danish letters as they are written without them (æ as ae or a, ø as oe or o, å as aa or a):
#: a word is compared by a skeleton in which every such spelling is the same.
_SKELETON = str.maketrans({"æ": "a", "ø": "o", "å": "a"})
_DIGRAPHS = re.compile(r"ae|oe|aa")
#: A word: a run of letters or a run of digits ("kontakt007" is "kontakt" and "007").
_WORD = re.compile(r"\d+|[^\W\d_]+")
_GENITIVE_MARKS = ("'", "\u2019")


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
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (PSEUDONYM_KEY_SETTING, secrets.token_hex(32)),
            )
        key = ws.get_setting(PSEUDONYM_KEY_SETTING)
    return key.encode("utf-8")


def _key_bytes(key):
    if key is None or key == b"" or key == "":
        return workspace_key()
    return key.encode("utf-8") if isinstance(key, str) else bytes(key)


def pseudonym(actor_id, key=None, prefix="citizen-"):
    """Stable pseudonym of a citizen's id: ``"citizen-" + 8 hex digits`` (another ``prefix`` for
    other people, e.g. the respondents of a survey).

    The same id always gets the same pseudonym under the same key (default:
    :func:`workspace_key`), so exports made on different days can be compared.
    """
    key = _key_bytes(key)
    return prefix + hmac.new(key, str(actor_id).encode("utf-8"), hashlib.sha256).hexdigest()[:8]


def _fold(word):
    """A word's skeleton: case, accents and the Danish letters' spellings folded, so "Søren",
    "SOEREN", "Soren" and "Sören" are one word ("soren"), as are "Ærø", "Aeroe" and "Aero"."""
    word = unicodedata.normalize("NFKD", word.casefold())
    word = "".join(c for c in word if not unicodedata.combining(c))
    return _DIGRAPHS.sub(lambda m: m.group()[0], word).translate(_SKELETON)


def _words(text):
    text = unicodedata.normalize("NFC", str(text or ""))
    return [_fold(w) for w in _WORD.findall(text)]


def _person_name(name):
    """A name that reads as a person's: two to four words, each capitalised, no digits ("Jens
    Peter Hansen"). A group ("Borgere i dagtilbud") is not one."""
    words = str(name or "").replace(",", " ").split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.isalpha() for w in words)


def spellings(name, actor_id=""):
    """The word sequences (as skeletons, :func:`_fold`) under which a citizen's name and id are
    searched for: the whole name and id, reversed ("Hansen, Jens"), run together, first and last
    word; and for a name that reads as a person's, each part of 3 letters or more on its own, so
    that "Hr. Hansen", "J. Hansen" and "Jens H." are caught. A group's name ("Borgere i
    dagtilbud") is only searched for whole, so words it shares with organisations survive."""
    out = []
    for text in (name, actor_id):
        w = _words(text)
        if not w or sum(map(len, w)) < _MIN_LENGTH:
            continue
        out.append(w)
        if len(w) >= 2:
            out.append([w[-1]] + w[:-1])  # "Hansen, Jens Peter"
            out.append(["".join(w)])  # "JensHansen", "b4711"
        if len(w) >= 3:
            out.append([w[0], w[-1]])  # "Jens Hansen" for "Jens Peter Hansen"
            out.append([w[-1], w[0]])
    if _person_name(name):  # each part on its own: "Hr. Hansen", "J. Hansen", "Jens H.", "Søren"
        out += [[part] for part in _words(name) if len(part) >= _MIN_LENGTH]
    return out


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
        # spelling (a tuple of case-folded words) -> pseudonym; the first citizen keeps a shared one
        self._index = {}
        for cid, alias in self.ids.items():
            for name in sorted(names[cid]):
                for words in spellings(name, cid):
                    self._index.setdefault(tuple(words), alias)
        self._longest = max(map(len, self._index), default=0)

    def _match(self, tokens, i):
        """``(end, pseudonym, number of words)`` of the longest spelling that starts at word ``i``,
        else None. The last word may carry a genitive s ("Jens Hansens")."""
        run = 1  # words from i on that are close enough to be one spelling
        while run < self._longest and i + run < len(tokens) and tokens[i + run][0] - tokens[i + run - 1][1] <= _MAX_GAP:
            run += 1
        for k in range(run, 0, -1):
            words = tuple(t[2] for t in tokens[i : i + k])
            alias = self._index.get(words)
            if alias is None and words[-1].endswith("s"):
                alias = self._index.get(words[:-1] + (words[-1][:-1],))
            if alias is not None:
                return tokens[i + k - 1][1], alias, k
        return None

    def text(self, value):
        """``value`` with every spelling of a citizen's name or id replaced by its pseudonym."""
        if not self._index or not isinstance(value, str) or not value:
            return value
        text = unicodedata.normalize("NFC", value)
        tokens = [(m.start(), m.end(), _fold(m.group())) for m in _WORD.finditer(text)]
        out, pos, i = [], 0, 0
        while i < len(tokens):
            hit = self._match(tokens, i)
            if hit is None:
                i += 1
                continue
            end, alias, k = hit
            if text[end : end + 1] in _GENITIVE_MARKS and text[end + 1 : end + 2] == "s":
                after = text[end + 2 : end + 3]
                if not after or not (after.isalnum()):
                    end += 2  # "Jens Hansen's"
                    k += 1
            out.append(text[pos : tokens[i][0]])
            out.append(alias)
            pos = end
            i += k
        if not out:
            return value
        out.append(text[pos:])
        return "".join(out)

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
        scrubbed = {a.id: self.ids.get(a.id) or self.text(a.id) for a in net.actors}
        # citizens keep their pseudonym, and ids with no citizen in them stay as they are
        out = {old: new for old, new in scrubbed.items() if old in self.ids or old == new}
        taken = set(out.values())
        for a in net.actors:
            if a.id in out:
                continue
            new = scrubbed[a.id]
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
        review = {n: replace(e, note=text(e.note)) for n, e in net.review.items()}  # a note may name a citizen
        return replace(net, actors=actors, ties=ties, name=text(net.name), warnings=warnings, review=review)

    def _warning(self, w, ids):
        if not isinstance(w, dict):
            return self.text(w) if isinstance(w, str) else w
        from .errors import Where

        params = {k: ids.get(v, self.value(v)) if isinstance(v, str) else v for k, v in w.get("params", {}).items()}
        where = w.get("where", "")
        if isinstance(where, Where):  # a file name may hold a name too
            where = Where(self.text(where.label), where.row, self.text(where.sheet), where.columns)
        elif isinstance(where, str):
            where = self.text(where)
        return {**w, "where": where, "params": params}


def pseudonymise(net: Network, key: str | bytes | None = None) -> Network:
    """A copy of ``net`` in which every citizen is pseudonymised (see this module's docstring).

    ``key`` defaults to :func:`workspace_key`.
    """
    return Pseudonymiser(net, key=key).network(net)
