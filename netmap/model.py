"""The network model: actors, ties and their validation (METHODS.md, Data model)."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field, replace

from .errors import InputError, InputErrors, Named
from .i18n import N_, Message

# The values a user may type, as an error message lists them (in the user's language).
_ALLOWED = {
    "sector": Message(N_("public, civil, private, citizen")),
    "level": Message(N_("operational, management, political")),
    "scope": Message(N_("local, municipal, regional, national")),
    "status": Message(N_("active, planned")),
}

__all__ = [
    "Actor",
    "Tie",
    "Network",
    "SECTORS",
    "LEVELS",
    "SCOPES",
    "TIE_STATUSES",
    "ACTOR_FIELDS",
    "TIE_FIELDS",
    "ACTOR_COLUMNS",
    "TIE_COLUMNS",
    "KIND_WORDS",
    "canonical_kind",
    "canonical_tie_kind",
    "CITIZEN_KINDS",
    "is_citizen",
    "tie_key",
    "network_from_records",
    "parse_bool",
    "BadNumber",
    "LongNumber",
]

SECTORS = ("public", "civil", "private", "citizen")
LEVELS = ("operational", "management", "political")
SCOPES = ("local", "municipal", "regional", "national")
#: A tie is active, or planned: an idea not yet realised, kept and shown but not counted by the measures.
TIE_STATUSES = ("active", "planned")

_SECTOR_WORDS = {
    "public": "public",
    "offentlig": "public",
    "civil": "civil",
    "civilsamfund": "civil",
    "private": "private",
    "privat": "private",
    "citizen": "citizen",
    "borger": "citizen",
    "unknown": "unknown",
    "ukendt": "unknown",
}
_LEVEL_WORDS = {
    "operational": "operational",
    "udfører": "operational",
    "udfører-niveau": "operational",
    "udførerniveau": "operational",
    "drift": "operational",
    "management": "management",
    "ledelse": "management",
    "political": "political",
    "politisk": "political",
}
_SCOPE_WORDS = {
    "local": "local",
    "lokal": "local",
    "municipal": "municipal",
    "kommunal": "municipal",
    "regional": "regional",
    "national": "national",
}
_STATUS_WORDS = {
    "active": "active",
    "aktiv": "active",
    "aktive": "active",
    "planned": "planned",
    "planlagt": "planned",
    "planlagte": "planned",
}
_TRUE = {"true", "ja", "1", "yes", "sand", "y", "j"}
_FALSE = {"false", "nej", "0", "no", "falsk", "n"}

# Actor kinds the measures rely on, with Danish synonyms and plurals.
_KIND_WORDS = {
    "volunteer": ["frivillig", "frivillige", "volunteers"],
    "citizen": ["borger", "borgere", "citizens"],
    "coordinator": ["koordinator", "koordinatorer", "coordinators"],
    "department": ["forvaltning", "forvaltninger", "departments"],
    "evening_school": ["aftenskole", "aftenskoler", "evening school", "evening schools", "evening_schools"],
    "residential_home": ["botilbud", "residential home", "residential homes", "residential_homes"],
    "day_service": ["dagtilbud", "day service", "day services", "day_services"],
    "association": ["forening", "foreninger", "associations"],
    "steering_group": ["styregruppe", "styregrupper", "steering group", "steering groups", "steering_groups"],
    "politician": ["politiker", "politikere", "politicians"],
    "staff": ["medarbejder", "medarbejdere", "personale", "employee", "employees"],
    # Third arenas shared by the sectors (section 7.1.1: "et Medborger- eller kulturhus, eller et frivilligcenter").
    "community_house": ["medborgerhus", "medborgerhuse", "community house", "community houses", "community centre"],
    "culture_house": ["kulturhus", "kulturhuse", "culture house", "culture houses", "cultural centre"],
    "volunteer_centre": [
        "frivilligcenter",
        "frivilligcentre",
        "frivilligcentret",
        "volunteer centre",
        "volunteer center",
        "volunteer centres",
    ],
}
_TIE_KIND_WORDS = {
    "formal_agreement": [
        "formel aftale",
        "formelle aftaler",
        "formal agreement",
        "formal agreements",
        "formal_agreements",
    ],
    "collaboration": ["samarbejde", "samarbejder", "collaborations"],
    "personal": ["personlig", "uformel", "informal", "personlige", "uformelle"],
    "funding": ["finansiering"],
    "referral": ["henvisning", "henvisninger", "referrals"],
    "information": ["info"],
}


def _synonyms(table):
    out = {}
    for canon, words in table.items():
        out[canon] = canon
        for w in words:
            out[w] = canon
    return out


_KIND_MAP = _synonyms(_KIND_WORDS)
_TIE_KIND_MAP = _synonyms(_TIE_KIND_WORDS)
#: The words (lower case) known for the kinds of actors and of ties, each with its kind's code.
KIND_WORDS = {"actors": _KIND_MAP, "ties": _TIE_KIND_MAP}


def canonical_kind(text):
    """Return the English code of an actor kind (``"Frivillige"`` -> ``"volunteer"``).

    Compared case-insensitively after trimming; unknown kinds are returned
    trimmed and lower-cased.
    """
    key = " ".join(str(text or "").split()).lower()
    return _KIND_MAP.get(key, _KIND_MAP.get(key.replace(" ", "_"), key))


def canonical_tie_kind(text):
    """Return the English code of a tie kind (``"samarbejde"`` -> ``"collaboration"``)."""
    key = " ".join(str(text or "").split()).lower()
    if not key:
        return "collaboration"
    return _TIE_KIND_MAP.get(key, _TIE_KIND_MAP.get(key.replace(" ", "_"), key))


# --- citizens (METHODS.md, Personal data) -------------------------------------------------
#: Actor kinds that make an actor a citizen (English and Danish, singular and plural, with and
#: without the definite article), whatever its sector.
CITIZEN_KINDS = frozenset(
    "citizen citizens borger borgere borgeren borgerne beboer beboere beboeren beboerne bruger brugere "
    "brugeren brugerne resident residents user users service_user service_users "
    "klient klienter klienten klienterne client clients patient patienter patienten patienterne "
    "pårørende relative relatives deltager deltagere deltageren deltagerne participant participants "
    "elev elever eleven eleverne pupil pupils".split()
)


def is_citizen(actor) -> bool:
    """A citizen: an actor of sector citizen or of a citizen kind (:data:`CITIZEN_KINDS`, also as
    the first word of a longer kind: "borger med handicap"). Relatives (pårørende), participants,
    pupils, clients and patients are people the partnership serves too, so they count.

    >>> is_citizen(Actor("b", kind="Beboer")), is_citizen(Actor("k", kind="koordinator"))
    (True, False)
    """
    if actor.sector == "citizen":
        return True
    key = " ".join(str(actor.kind or "").split()).lower()
    first = key.split(" ", 1)[0]  # "borger med handicap", "bruger af dagtilbud"
    return (
        key in CITIZEN_KINDS
        or first in CITIZEN_KINDS
        or key.replace(" ", "_") in CITIZEN_KINDS
        or canonical_kind(key) == "citizen"
    )


@dataclass
class Actor:
    """One actor. ``attributes`` holds the custom columns, kept as given."""

    id: str
    name: str = ""
    kind: str = ""
    sector: str = "unknown"
    level: str = "operational"
    scope: str = "local"
    partner: bool = False
    organisation: str = ""
    notes: str = ""
    x: float | None = None
    y: float | None = None
    attributes: dict = field(default_factory=dict)

    @property
    def is_far(self):
        """Far in Hulgård's sense: management or political level, or regional/national scope."""
        return self.level in ("management", "political") or self.scope in ("regional", "national")

    @property
    def label(self):
        return self.name or self.id


@dataclass
class Tie:
    """One tie. Undirected unless ``directed``; strength 1 (weak) to 3 (strong)."""

    source: str
    target: str
    kind: str = "collaboration"
    strength: float = 2.0
    directed: bool = False
    status: str = "active"
    notes: str = ""
    attributes: dict = field(default_factory=dict)

    @property
    def key(self):
        """Identity of a tie: see :func:`tie_key`."""
        return tie_key(self.kind, self.source, self.target, self.directed)


def tie_key(kind, source, target, directed):
    """The one identity of a tie (METHODS.md): ``(canonical kind, directed, end, end)``, the ends
    ordered as given when directed and sorted when not. Comparison, the map and the app use it.

    >>> tie_key("samarbejde", "b", "a", False)
    ('collaboration', False, 'a', 'b')
    """
    ends = (source, target) if directed else tuple(sorted((source, target)))
    return (canonical_tie_kind(kind), directed) + ends


@dataclass
class Network:
    """A validated network: actors with unique ids and ties between them."""

    actors: list = field(default_factory=list)
    ties: list = field(default_factory=list)
    name: str = ""
    date: str | None = None
    warnings: list = field(default_factory=list)
    #: The partnership's review of Table 7.1 (:mod:`netmap.review`): ``{element number: Entry}``.
    review: dict = field(default_factory=dict)

    def actor(self, actor_id):
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)

    @property
    def actor_ids(self):
        return [a.id for a in self.actors]

    @property
    def active_ties(self):
        """The ties the measures count: the active ones (a planned tie is an idea not yet realised)."""
        return [t for t in self.ties if t.status == "active"]

    @property
    def core(self):
        """Ids of the partnership core (actors with partner = true)."""
        return [a.id for a in self.actors if a.partner]

    def attribute_names(self):
        """Custom attribute names of actors, in order of first appearance."""
        seen = {}
        for a in self.actors:
            for k in a.attributes:
                seen.setdefault(k, None)
        return list(seen)

    def tie_attribute_names(self):
        seen = {}
        for t in self.ties:
            for k in t.attributes:
                seen.setdefault(k, None)
        return list(seen)

    def group_of(self, actor, attr):
        """Value of ``attr`` for an actor: a field or a custom attribute, as text."""
        if attr in _ACTOR_ATTRS:
            value = getattr(actor, attr)
        else:
            value = actor.attributes.get(attr, "")
        if isinstance(value, bool):
            return "true" if value else "false"
        return "" if value is None else str(value)

    def check_group_attribute(self, attr):
        """Raise InputError unless ``attr`` is an actor field or custom attribute."""
        allowed = [f for f in ("sector", "level", "scope", "kind", "organisation", "partner")]
        allowed += self.attribute_names()
        if attr not in allowed:
            raise InputError('cannot group by "{value}"; use one of: {allowed}', value=attr, allowed=", ".join(allowed))

    def to_graph(self):
        """The simple undirected graph the measures use (a pair is tied if any active tie joins it).

        Nodes are actor ids with the actor fields as attributes; an edge
        keeps the largest strength among its ties and the list of its kinds.
        """
        import networkx as nx

        G = nx.Graph()
        for a in self.actors:
            G.add_node(a.id)
        for t in self.active_ties:
            if G.has_edge(t.source, t.target):
                d = G.edges[t.source, t.target]
                d["strength"] = max(d["strength"], t.strength)
                d["kinds"].append(canonical_tie_kind(t.kind))
            else:
                G.add_edge(t.source, t.target, strength=t.strength, kinds=[canonical_tie_kind(t.kind)])
        return G

    def to_digraph(self):
        """Directed graph of arcs: an undirected active tie counts as two arcs, a directed one as one."""
        import networkx as nx

        D = nx.DiGraph()
        D.add_nodes_from(a.id for a in self.actors)
        for t in self.active_ties:
            D.add_edge(t.source, t.target)
            if not t.directed:
                D.add_edge(t.target, t.source)
        return D

    def simple_graph(self, directed=False):
        """The pairs of :meth:`to_graph` (with ``directed``, the arcs of :meth:`to_digraph`) as a :class:`SimpleGraph`.

        Same nodes, neighbours and edges in the same order as the networkx
        graphs, without their attributes and without importing networkx
        (about 0.2 s); :func:`netmap.analyze` measures on these.
        """
        adj = {a.id: {} for a in self.actors}
        for t in self.active_ties:
            adj.setdefault(t.source, {})[t.target] = None
            if directed:
                adj.setdefault(t.target, {})
                if not t.directed:
                    adj[t.target][t.source] = None
            else:
                adj.setdefault(t.target, {})[t.source] = None
        return SimpleGraph(adj, directed)

    def without(self, actor_id):
        """A copy without one actor and its ties (for "what if" questions)."""
        return replace(
            self,
            actors=[a for a in self.actors if a.id != actor_id],
            ties=[t for t in self.ties if actor_id not in (t.source, t.target)],
            warnings=list(self.warnings),
        )


class SimpleGraph:
    """A graph without attributes: the read-only part of networkx's Graph and DiGraph that the measures use.

    ``list(G)`` and ``iter(G)`` give the nodes, ``G[v]`` the neighbours
    (successors when directed) of ``v``, ``G.edges()`` the edges in
    networkx's order (each undirected pair once), ``G.degree(v)`` the degree
    of a node of an undirected graph.
    """

    __slots__ = ("_adj", "_directed", "_edges")

    def __init__(self, adj, directed=False):
        self._adj = adj
        self._directed = directed
        self._edges = None

    def __iter__(self):
        return iter(self._adj)

    def __len__(self):
        return len(self._adj)

    def __contains__(self, v):
        return v in self._adj

    def __getitem__(self, v):
        return self._adj[v]

    def is_directed(self):
        return self._directed

    def number_of_nodes(self):
        return len(self._adj)

    def degree(self, v):
        """Number of neighbours, a self-loop counted twice (as networkx does); undirected graphs only."""
        return len(self._adj[v]) + (v in self._adj[v])

    def edges(self):
        """The edges as ``(u, v)`` pairs, computed once (the graph does not change)."""
        if self._edges is None:
            if self._directed:
                self._edges = tuple((u, v) for u, nbrs in self._adj.items() for v in nbrs)
            else:
                seen = set()
                out = []
                for u, nbrs in self._adj.items():
                    out.extend((u, v) for v in nbrs if v not in seen)
                    seen.add(u)
                self._edges = tuple(out)
        return self._edges


_ACTOR_ATTRS = ("id", "name", "kind", "sector", "level", "scope", "partner", "organisation", "notes", "x", "y")

# Accepted headers, English and Danish (compared case-insensitively after trimming).
#: The one list of an actor's and a tie's columns, in the order files, tables and forms show them.
ACTOR_COLUMNS = ("id", "name", "kind", "sector", "level", "scope", "partner", "organisation", "notes")
TIE_COLUMNS = ("source", "target", "kind", "strength", "directed", "status", "notes")

ACTOR_FIELDS = {
    "id": "id",
    "name": "name",
    "navn": "name",
    "kind": "kind",
    "type": "kind",
    "sector": "sector",
    "sektor": "sector",
    "level": "level",
    "niveau": "level",
    "scope": "scope",
    "rækkevidde": "scope",
    "partner": "partner",
    "organisation": "organisation",
    "organization": "organisation",
    "notes": "notes",
    "noter": "notes",
    "x": "x",
    "y": "y",
}
TIE_FIELDS = {
    "source": "source",
    "from": "source",
    "fra": "source",
    "kilde": "source",
    "afsender": "source",
    "fra aktør": "source",
    "target": "target",
    "to": "target",
    "til": "target",
    "mål": "target",
    "modtager": "target",
    "til aktør": "target",
    "kind": "kind",
    "type": "kind",
    "strength": "strength",
    "styrke": "strength",
    "directed": "directed",
    "rettet": "directed",
    "status": "status",
    "notes": "notes",
    "noter": "notes",
}


CUSTOM_PREFIX = "attr:"


def map_headers(headers, table):
    """Map raw headers to field names; unknown headers map to themselves (custom).

    A header ``attr:NAME`` is the custom attribute NAME even when NAME is
    also a field's name (netmap writes such collisions that way).
    """
    out = []
    for h in headers:
        key = str(h if h is not None else "").strip()
        if key.lower().startswith(CUSTOM_PREFIX):
            out.append(CUSTOM_PREFIX + key[len(CUSTOM_PREFIX) :])
        else:
            out.append(table.get(header_key(key), key))
    return out


def header_key(header):
    """A header as the field tables spell it: trimmed, lower case, NFC, single spaces (``" Mål "`` -> ``"mål"``)."""
    return " ".join(unicodedata.normalize("NFC", str(header)).split()).lower()


def custom_header(name, table):
    """The header to write for custom attribute ``name``: prefixed when a reader would take it for a field."""
    text = str(name)
    if (
        text.strip().lower() in table
        or text.strip().lower().startswith(CUSTOM_PREFIX)
        or text != text.strip()
        or text in ("attributes", "")
    ):
        return CUSTOM_PREFIX + text
    return text


_ACTOR_FIELD_SET = frozenset(_ACTOR_ATTRS)
_TIE_FIELD_SET = frozenset(TIE_COLUMNS)


def _custom(record, fields):
    """Custom attributes of a record: unknown keys, ``attr:`` keys, and an ``attributes`` dict."""
    out = {}
    for k, v in record.items():
        if k in fields:  # (no field is "attributes" or starts with CUSTOM_PREFIX)
            continue
        if k == "attributes" and isinstance(v, dict):
            continue
        if k.startswith(CUSTOM_PREFIX):
            out[k[len(CUSTOM_PREFIX) :]] = v
        else:
            out[k] = v
    extra = record.get("attributes")
    if isinstance(extra, dict):
        out.update(extra)
    return out


def parse_bool(value, where="", column=""):
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InputError(
        'column "{column}": "{value}" is not true/false (ja/nej, 1/0)', where, column=column, value=str(value)
    )


class BadNumber(str):
    """A number in a file that netmap refuses (NaN, Infinity, or out of range such as ``1e400``), kept as its text.

    Readers put one where the number was; reading the record then refuses it with the row and
    the column, so it never becomes a value (``"inf"``) or non-standard JSON (``NaN``).
    """


class LongNumber(BadNumber):
    """A number longer than ``limits.max_number_chars``: its first characters and its ``length``."""

    length = 0

    @classmethod
    def of(cls, literal):
        out = cls(literal[:20] + "…")
        out.length = len(literal)
        return out


# Characters never accepted in any text: C0 controls but tab, LF and CR; DEL; C1 controls; the
# bidirectional overrides and isolates (they can make a text read other than it is).
_CONTROL_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[{_CONTROL_CHARS}]")
#: In ids, names and the other one-line fields, tab and line breaks too (they are allowed in notes).
_CONTROL_ONE_LINE = re.compile(f"[\t\n\r{_CONTROL_CHARS}]")


def _check_controls(text, where, column, lines=False):
    """Refuse control characters in ``text`` (tab and line breaks too, unless ``lines``)."""
    if text.isprintable():  # the fast, usual case
        return text
    m = (_CONTROL if lines else _CONTROL_ONE_LINE).search(text)
    if m:
        raise InputError(
            'column "{column}": a control character ({code}) is not allowed here',
            where,
            column=column,
            code=f"U+{ord(m.group()):04X}",
        )
    return text


def _bad_number(value, where, column):
    if isinstance(value, LongNumber):
        from .limits import current, setting

        return InputError(
            'column "{column}": a number of {length} characters is too long (at most {limit}; set {setting} to '
            "raise the limit)",
            where,
            column=column,
            length=value.length,
            limit=current().max_number_chars,
            setting=setting("max_number_chars"),
        )
    return InputError(
        'column "{column}": {value} is not a usable number (not a number, infinite or out of range)',
        where,
        column=column,
        value=str(value),
    )


def _check_custom(attributes, where):
    """Custom attributes: no refused numbers, no control characters but tab and line breaks, bounded nesting."""
    for key, value in attributes.items():
        _check_controls(str(key), where, str(key))
        kind = type(value)
        if kind is str:
            if not value.isprintable():
                _check_controls(value, where, key, lines=True)
        elif value is None or kind is bool or kind is int:
            continue
        else:
            _check_value(value, where, key, 0)


def _check_value(value, where, column, depth):
    if isinstance(value, BadNumber):
        raise _bad_number(value, where, column)
    if isinstance(value, str):
        _check_controls(value, where, column, lines=True)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise _bad_number(as_text(value), where, column)
    elif isinstance(value, (dict, list)):
        from .limits import current, setting

        limit = current().max_json_depth
        if depth >= limit:
            raise InputError(
                'column "{column}": objects and lists nested more than {limit} deep (set {setting} to raise the limit)',
                where,
                column=column,
                limit=limit,
                setting=setting("max_json_depth"),
            )
        for key, item in value.items() if isinstance(value, dict) else enumerate(value):
            if isinstance(key, str):
                _check_controls(key, where, column)
            _check_value(item, where, column, depth + 1)


def _parse_number(value, where, column):
    text = str(value).strip().replace("\u2212", "-")
    if re.fullmatch(r"[+-]?\d+,\d*", text):
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        raise InputError(
            'column "{column}": "{value}" is not a number', where, column=column, value=str(value)
        ) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise InputError('column "{column}": "{value}" is not a number', where, column=column, value=str(value))
    return number


def _number_of(raw, where, column):
    """``_parse_number(as_text(raw), ...)``, without the round trip through text for a JSON number.

    A finite non-zero float (or int of at most 53 bits) reads as itself; zero,
    text and everything else take the text path (which also turns -0.0 into 0.0).
    """
    kind = type(raw)
    if (kind is float and raw != 0.0 and math.isfinite(raw)) or (kind is int and 0 < abs(raw) < 2**53):
        return float(raw)
    if isinstance(raw, BadNumber):
        raise _bad_number(raw, where, column)
    if kind is int and abs(raw) >= 2**53:  # a float of it may be inf; and no text of 4,300 digits
        try:
            return _parse_number(str(float(raw)), where, column)
        except OverflowError:
            raise _bad_number(as_text(raw)[:20] + "…", where, column) from None
    return _parse_number(as_text(raw), where, column)


def _enum(value, words, allowed, where, column):
    if value in words:  # already in canonical form (the words are lower case, single-spaced)
        return words[value]
    text = " ".join(str(value).split()).lower()
    if text in words:
        return words[text]
    raise InputError(
        'column "{column}": "{value}" is not allowed; use one of: {allowed}',
        where,
        column=column,
        value=str(value),
        allowed=allowed,
    )


def as_text(value):
    """A cell or JSON value as text: None -> "", True -> "true", 7.0 -> "7"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _field(record, key, where, lines=False):
    """A field's raw value as text; a JSON object or list there is an error, so are a refused number
    and control characters (tab and line breaks are allowed with ``lines``, for notes)."""
    value = record.get(key)
    if type(value) is str:  # the common case, as as_text() would return it
        return value if value.isprintable() else _check_controls(value, where, key, lines)
    if isinstance(value, BadNumber):
        raise _bad_number(value, where, key)
    if type(value) is float and not math.isfinite(value):
        raise _bad_number(as_text(value), where, key)
    if isinstance(value, str):
        return _check_controls(str(value), where, key, lines)
    if isinstance(value, (dict, list)):
        raise InputError(
            'column "{column}": expected text, found {found}',
            where,
            column=key,
            found="a JSON " + ("object" if isinstance(value, dict) else "list"),
        )
    return as_text(value)


def parse_actor(record, where):
    """Build an Actor from a dict of field -> raw value (headers already mapped)."""
    warnings = []
    rid = _field(record, "id", where).strip()
    if not rid:
        raise InputError('column "{column}": the id is empty', where, column="id")
    a = Actor(id=rid)
    a.name = _field(record, "name", where, lines=True).strip() or rid  # a cell's line break is kept
    a.kind = _field(record, "kind", where).strip()
    sector = _field(record, "sector", where).strip()
    if sector:
        a.sector = _enum(sector, _SECTOR_WORDS, _ALLOWED["sector"], where, "sector")
    if a.sector == "unknown":
        warnings.append({"code": "UNKNOWN_SECTOR", "where": where, "params": {"id": rid}})
    level = _field(record, "level", where).strip()
    if level:
        a.level = _enum(level, _LEVEL_WORDS, _ALLOWED["level"], where, "level")
    scope = _field(record, "scope", where).strip()
    if scope:
        a.scope = _enum(scope, _SCOPE_WORDS, _ALLOWED["scope"], where, "scope")
    partner = record.get("partner")
    if isinstance(partner, bool):
        a.partner = partner
    elif as_text(partner).strip():
        a.partner = parse_bool(as_text(partner), where, "partner")
    a.organisation = _field(record, "organisation", where).strip()
    a.notes = _field(record, "notes", where, lines=True)
    for axis in ("x", "y"):
        raw = record.get(axis)
        if raw is not None and as_text(raw).strip():
            setattr(a, axis, _number_of(raw, where, axis))
    a.attributes = _custom(record, _ACTOR_FIELD_SET)
    if a.attributes:
        _check_custom(a.attributes, where)
    return a, warnings


def parse_tie(record, where):
    src = _field(record, "source", where).strip()
    dst = _field(record, "target", where).strip()
    if not src:
        raise InputError('column "{column}": no actor id given', where, column="source")
    if not dst:
        raise InputError('column "{column}": no actor id given', where, column="target")
    t = Tie(source=src, target=dst)
    t.kind = _field(record, "kind", where).strip() or "collaboration"
    raw = record.get("strength")
    if raw is not None and as_text(raw).strip():
        t.strength = _number_of(raw, where, "strength")
        if not 1 <= t.strength <= 3:
            raise InputError(
                'column "{column}": strength "{value}" is outside 1-3', where, column="strength", value=as_text(raw)
            )
    directed = record.get("directed")
    if isinstance(directed, bool):
        t.directed = directed
    elif as_text(directed).strip():
        t.directed = parse_bool(as_text(directed), where, "directed")
    if record.get("status") not in (None, "", "active"):  # a file without the column costs nothing here
        status = _field(record, "status", where).strip()
        if status:
            t.status = _enum(status, _STATUS_WORDS, _ALLOWED["status"], where, "status")
    t.notes = _field(record, "notes", where, lines=True)
    t.attributes = _custom(record, _TIE_FIELD_SET)
    if t.attributes:
        _check_custom(t.attributes, where)
    return t


def network_from_records(actor_rows, tie_rows, name="", date=None, review=None, every_row=False):
    """Validate rows into a Network.

    ``actor_rows`` and ``tie_rows`` are sequences of ``(where, record)``:
    ``where`` locates the row for messages (``"ties.csv row 7"``) and
    ``record`` maps field names (headers already mapped) to raw values.
    ``review`` (``{number: Entry}``, already checked) goes with the network as it is.
    Raises InputError at the first bad row; with ``every_row`` (a file) every row is read, and
    the errors of all the bad rows are raised together (:class:`InputErrors` when there are
    several), so that a file is mended in one go. Warnings are collected.
    """
    net = Network(name=_check_controls(name or "", "", "name"), date=date, review=dict(review or {}))
    errors = []

    def failed(exc):
        if not every_row:
            raise exc
        errors.append(exc)

    seen = {}
    for where, record in actor_rows:
        try:
            _add_actor(net, seen, where, record)
        except InputError as exc:
            failed(exc)
            rid = as_text(record.get("id")).strip()
            seen.setdefault(rid, where)  # its ties are not wrong too
    tie_seen = {}
    by_name = []  # built on the first tie end that is not an id
    for where, record in tie_rows:
        try:
            _add_tie(net, seen, tie_seen, by_name, where, record)
        except InputError as exc:
            failed(exc)
    if len(errors) > 1:
        raise InputErrors(errors)
    if errors:
        raise errors[0]
    return net


def _add_actor(net, seen, where, record):
    if "id" not in record:  # a table without an id column: ids are made from the names (issue 10)
        record = {**record, "id": _made_id(record, where, seen)}
    actor, warns = parse_actor(record, where)
    if actor.id in seen:
        raise InputError(
            'column "{column}": duplicate id "{value}" (first at {first})',
            where,
            column="id",
            value=actor.id,
            first=seen[actor.id],
        )
    seen[actor.id] = where
    net.actors.append(actor)
    net.warnings.extend(warns)


def _add_tie(net, seen, tie_seen, by_name, where, record):
    tie = parse_tie(record, where)
    for column, end in (("source", tie.source), ("target", tie.target)):
        if end not in seen:
            if not by_name:
                by_name.append(_names_index(net.actors))
            setattr(tie, column, _actor_by_name(by_name[0], end, where, column))
    if tie.source == tie.target:
        raise InputError('a tie from "{value}" to itself', where, value=tie.source)
    # A kind joins a pair once undirected, or once in each direction (METHODS.md).
    pair = (canonical_tie_kind(tie.kind),) + tuple(sorted((tie.source, tie.target)))
    for directed, source, first in tie_seen.get(pair, []):
        if not (directed and tie.directed and source != tie.source):
            raise InputError(
                'the {kind} tie between "{source}" and "{target}" is repeated (first at {first})',
                where,
                kind=tie.kind,
                source=tie.source,
                target=tie.target,
                first=first,
            )
    tie_seen.setdefault(pair, []).append((tie.directed, tie.source, where))
    net.ties.append(tie)


def _made_id(record, where, taken):
    """The id of an actor read without one, not in ``taken``: made from its name as the app makes it
    (:func:`netmap.editing.new_id`), a neutral one for a citizen."""
    from .editing import new_id  # editing builds on this module

    name = _field(record, "name", where, lines=True).strip()
    if not name:
        raise InputError(
            'column "{column}": the name is empty (an actor without an id needs one)', where, column="name"
        )
    return new_id(taken, name, _field(record, "kind", where).strip(), _field(record, "sector", where).strip())


def _name_key(text):
    """A name as tie ends match it: NFC, case folded, spaces around and runs of spaces ignored."""
    return " ".join(unicodedata.normalize("NFC", str(text)).split()).casefold()


def _names_index(actors):
    """Actors by name (case and spacing ignored): ``{key: [ids]}``."""
    index = {}
    for a in actors:
        index.setdefault(_name_key(a.name), []).append(a.id)
    return index


def _actor_by_name(index, end, where, column):
    """The id of the one actor named ``end`` (a tie end that is no actor's id; an id always wins)."""
    ids = index.get(_name_key(end), [])
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise InputError('column "{column}": "{value}" is not an actor id or name', where, column=column, value=end)
    shown = ", ".join(ids[:8]) + (f" (+{len(ids) - 8})" if len(ids) > 8 else "")
    raise InputError(
        'column "{column}": several actors are named "{value}" (ids: {ids}); write the id instead',
        where,
        column=column,
        value=end,
        ids=shown,
    )


def validate(network: Network) -> Network:
    """Re-validate a Network built in code (e.g. after an edit); returns a new Network.

    Raises InputError naming the actor or tie (or the element of the review), as a file would.
    """
    from .review import review_from_json, review_to_json

    review = review_from_json(review_to_json(network.review), "review") if network.review else {}
    names = {a.id: a.label for a in network.actors}
    actor_rows = [(Named.actor(a.label), _actor_record(a)) for a in network.actors]
    tie_rows = [
        (Named.tie(names.get(t.source, t.source), names.get(t.target, t.target)), _tie_record(t)) for t in network.ties
    ]
    return network_from_records(actor_rows, tie_rows, network.name, network.date, review)


def _actor_record(a):
    rec = {k: getattr(a, k) for k in _ACTOR_ATTRS}
    rec["attributes"] = dict(a.attributes)
    return rec


def _tie_record(t):
    rec = {k: getattr(t, k) for k in TIE_COLUMNS}
    rec["attributes"] = dict(t.attributes)
    return rec
