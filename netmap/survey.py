"""The partners' survey (issue 13): rounds, personal links, answers and their results.

A coordinator opens a **round** of a network (a title and a date) for some **respondents** (by
default the partnership's core) and gets one personal link per respondent. A link carries a
token of 256 random bits (:func:`secrets.token_urlsafe`); the workspace keeps only its SHA-256,
so a link that is lost is replaced (:func:`links`), never shown again. A token is looked up by its
hash; :func:`resolve` gives the same None for a token that never existed, was revoked or has
expired, and for a closed round.

Each respondent has one **answer document** (JSON, saved whole at every step; see
``SURVEY_API.md`` and :func:`check_answer`). :func:`results_from_answers` turns the answers into
the results (METHODS.md, "Partners' survey"): a plain dict with no words in it; the words are in
:mod:`netmap.present.survey`. Answers are personal data: they are deleted with the network
(:meth:`netmap.workspace.Workspace.purge`), after the round's retention date
(:func:`purge_expired`), and pseudonymised for exports (:func:`pseudonymised`).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import json
import re
import secrets
import statistics
from dataclasses import asdict, dataclass, replace

from .errors import InputError, Named, NetmapError
from .i18n import _, default_lang
from .model import SECTORS, Actor, Network, Tie, canonical_kind, is_citizen, tie_key, validate
from .review import ELEMENTS
from .workspace import _now

__all__ = [
    "FREQUENCIES",
    "FREQUENCY_STRENGTH",
    "SURVEY_KINDS",
    "VALUE_ITEMS",
    "TRUST_ITEMS",
    "SCALE",
    "INFLUENCE",
    "EXPIRES_DAYS",
    "RETAIN_DAYS",
    "Round",
    "Respondent",
    "Access",
    "open_round",
    "rounds",
    "get_round",
    "respondents",
    "add_respondent",
    "links",
    "revoke",
    "close_round",
    "purge_expired",
    "PARTNER_SECTORS",
    "link_path",
    "latest_results",
    "resolve",
    "roster",
    "answer",
    "save_answer",
    "import_answers",
    "round_answers",
    "check_answer",
    "empty_answer",
    "results",
    "results_from_answers",
    "merge_proposal",
    "pseudonymised",
    "citizen_groups",
]

FREQUENCIES = ("daily", "weekly", "monthly", "less")
#: A tie's strength (netmap's 1-3) from how often the partners work together (METHODS.md).
FREQUENCY_STRENGTH = {"daily": 3, "weekly": 3, "monthly": 2, "less": 1}
SURVEY_KINDS = ("formal_agreement", "collaboration", "personal", "funding")
#: PARTNER's three value items and three trust items (Varda et al. 2008), each rated 1-4.
VALUE_ITEMS = ("power", "involvement", "resources")
TRUST_ITEMS = ("reliability", "mission", "openness")
#: The rating scale of the value and trust items and of the Table 7.1 elements.
SCALE = (1, 4)
#: Net-Map's influence scale (Schiffer & Hauck 2010).
INFLUENCE = (0, 5)
#: Links work this many days after the round's date unless the coordinator says otherwise.
EXPIRES_DAYS = 30
#: Answers are kept this many days after the round's date unless the coordinator says otherwise.
RETAIN_DAYS = 365
#: The longest text a respondent may give (a name, a comment).
MAX_NAME, MAX_COMMENT = 200, 4000
#: The sectors a respondent may give a partner they add (the roster's groups, in this order).
PARTNER_SECTORS = (*SECTORS, "unknown")
_NEW_ID = re.compile(r"new:[\w\-æøå]{1,80}")
_GROUP = "group:"


@dataclass
class Round:
    network: str
    id: int
    title: str
    date: str
    opened: str
    closed: str | None
    expires: str
    retain_until: str
    controller: str


@dataclass
class Respondent:
    actor: str
    name: str
    issued: str | None
    revoked: str | None
    answered: str | None  # when the answer was last saved, None: no answer
    has_link: bool


@dataclass
class Access:
    """What a working link gives: one respondent of one open round (from :func:`resolve`)."""

    network: str
    round_id: int
    actor: str
    name: str
    round: Round
    token_hash: str = dataclasses.field(default="", repr=False)


def _hash(token):
    return hashlib.sha256(str(token).encode("utf-8")).hexdigest()


def _today(today=None):
    if today is None:
        return _dt.datetime.now(_dt.UTC).date()
    return today if isinstance(today, _dt.date) else _dt.date.fromisoformat(str(today))


def _iso_date(value, field):
    try:
        return _dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise InputError('{field}: "{value}" is not a date (YYYY-MM-DD)', field=field, value=str(value)) from None


_ROUND_FIELDS = ("network", "id", "title", "date", "opened", "closed", "expires", "retain_until", "controller")
_ROUND_COLUMNS = ", ".join(_ROUND_FIELDS)


def _round(row):
    return Round(*row)


def get_round(ws, network, round_id):
    """The round ``round_id`` of ``network``; NetmapError when there is none."""
    ws.require(network, "editor")
    rows = ws._read(
        f"SELECT {_ROUND_COLUMNS} FROM survey_rounds WHERE network = ? AND id = ?", (network, int(round_id))
    )
    if not rows:
        raise NetmapError('network "{name}" has no survey round {id}', name=network, id=round_id)
    return _round(rows[0])


def rounds(ws, network):
    """The survey rounds of ``network``, newest first (answers past their retention date are
    deleted first)."""
    ws.require(network, "editor")
    purge_expired(ws)
    rows = ws._read(
        f"SELECT {_ROUND_COLUMNS} FROM survey_rounds WHERE network = ? ORDER BY date DESC, id DESC", (network,)
    )
    return [_round(r) for r in rows]


def _actors(ws, network):
    """The network's current revision with its actors only (the survey needs no ties): read from
    its canonical JSON, validated when it was saved, without reading the ties."""
    return Network(actors=[Actor(**a) for a in json.loads(ws.document(network))["actors"]], name=network)


def _actors_of(ws, network, ids):
    """``[(id, label)]`` of ``ids`` in the network's current revision; InputError for one that is
    not there."""
    net = _actors(ws, network)
    labels = {a.id: a.label for a in net.actors}
    out = []
    for actor_id in ids:
        if actor_id not in labels:
            raise InputError('there is no actor "{id}" in network "{name}"', id=actor_id, name=network)
        if actor_id not in dict(out):
            out.append((actor_id, labels[actor_id]))
    return out


def _issue(con, network, round_id, actor_id):
    """A fresh token for one respondent (the old one dies): only its hash is stored."""
    token = secrets.token_urlsafe(32)
    con.execute(
        "UPDATE survey_respondents SET token_hash = ?, issued = ?, revoked = NULL "
        "WHERE network = ? AND round = ? AND actor = ?",
        (_hash(token), _now(), network, round_id, actor_id),
    )
    return token


def open_round(ws, network, title, date=None, respondents=None, expires=None, retain_until=None, controller=""):
    """Open a new survey round of ``network``; returns ``(Round, {actor id: token})``.

    ``respondents``: actor ids (default: the partnership's core; a citizen answers only when named
    here). ``expires``: the last day the links work (default: ``date`` + :data:`EXPIRES_DAYS`);
    ``retain_until``: the answers are deleted after this day (default: ``date`` +
    :data:`RETAIN_DAYS`); ``controller``: who is responsible for the answers (the privacy notice)."""
    ws.require(network, "editor")
    title = str(title or "").strip()
    if not title:
        raise InputError("a survey round needs a title")
    day = _iso_date(date or _today().isoformat(), "date")
    start = _dt.date.fromisoformat(day)
    expires = _iso_date(expires, "expires") if expires else (start + _dt.timedelta(days=EXPIRES_DAYS)).isoformat()
    keep = (start + _dt.timedelta(days=RETAIN_DAYS)).isoformat()
    retain_until = _iso_date(retain_until, "retain_until") if retain_until else max(keep, expires)
    if expires < day:
        raise InputError(
            "the links cannot expire ({expires}) before the round's date ({date})", expires=expires, date=day
        )
    if retain_until < expires:
        raise InputError(
            "the answers cannot be deleted ({retain_until}) before the links expire ({expires})",
            retain_until=retain_until,
            expires=expires,
        )
    ids = list(_actors(ws, network).core if respondents is None else respondents)
    people = _actors_of(ws, network, ids)
    if not people and respondents is not None:
        raise InputError("the round has no respondents: choose at least one actor to answer")
    if not people:
        raise InputError(
            'the round has no respondents: network "{name}" has no partnership core, so name the respondents',
            name=network,
        )
    with ws._tx() as con:
        round_id = con.execute("SELECT coalesce(max(id), 0) + 1 FROM survey_rounds WHERE network = ?", (network,))
        round_id = round_id.fetchone()[0]
        con.execute(
            f"INSERT INTO survey_rounds ({_ROUND_COLUMNS}) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)",
            (network, round_id, title, day, _now(), expires, retain_until, str(controller or "").strip()),
        )
        tokens = {}
        for actor_id, name in people:
            con.execute(
                "INSERT INTO survey_respondents (network, round, actor, name) VALUES (?, ?, ?, ?)",
                (network, round_id, actor_id, name),
            )
            tokens[actor_id] = _issue(con, network, round_id, actor_id)
    return get_round(ws, network, round_id), tokens


def respondents(ws, network, round_id):
    """The respondents of a round, as they were added."""
    get_round(ws, network, round_id)
    rows = ws._read(
        "SELECT r.actor, r.name, r.issued, r.revoked, a.saved, r.token_hash IS NOT NULL "
        "FROM survey_respondents r LEFT JOIN survey_answers a "
        "ON a.network = r.network AND a.round = r.round AND a.respondent = r.actor "
        "WHERE r.network = ? AND r.round = ? ORDER BY lower(r.name), r.actor",
        (network, int(round_id)),
    )
    return [
        Respondent(actor, name, issued, revoked, saved, bool(link))
        for actor, name, issued, revoked, saved, link in rows
    ]


def _open(round_):
    if round_.closed:
        raise NetmapError('survey round {id} of "{name}" is closed', id=round_.id, name=round_.network)


def add_respondent(ws, network, round_id, actor_id):
    """Add an actor of the network (a citizen too, when the coordinator chooses) to an open
    round; returns its link's token."""
    round_ = get_round(ws, network, round_id)
    _open(round_)
    [(actor_id, name)] = _actors_of(ws, network, [actor_id])
    with ws._tx() as con:
        taken = con.execute(
            "SELECT 1 FROM survey_respondents WHERE network = ? AND round = ? AND actor = ?",
            (network, round_.id, actor_id),
        ).fetchone()
        if taken:
            raise InputError('"{name}" is already a respondent of this round: give them a new link instead', name=name)
        con.execute(
            "INSERT INTO survey_respondents (network, round, actor, name) VALUES (?, ?, ?, ?)",
            (network, round_.id, actor_id, name),
        )
        return _issue(con, network, round_.id, actor_id)


def _respondent_ids(con, network, round_id):
    rows = con.execute(
        "SELECT actor FROM survey_respondents WHERE network = ? AND round = ?", (network, round_id)
    ).fetchall()
    return [r[0] for r in rows]


def _check_respondents(wanted, known):
    for actor_id in wanted:
        if actor_id not in known:
            raise InputError('"{id}" is not a respondent of this round', id=actor_id)


def links(ws, network, round_id, actors=None):
    """Fresh links for the respondents ``actors`` (default: all) of an open round: ``{actor id:
    token}``. Their old links stop working (only the hash of a token is kept, so a link cannot be
    shown again)."""
    round_ = get_round(ws, network, round_id)
    _open(round_)
    with ws._tx() as con:
        known = _respondent_ids(con, network, round_.id)
        wanted = known if actors is None else list(dict.fromkeys(actors))
        _check_respondents(wanted, known)
        return {actor_id: _issue(con, network, round_.id, actor_id) for actor_id in wanted}


def revoke(ws, network, round_id, actor_id):
    """Stop a respondent's link (their answer stays; :func:`links` gives them a new one)."""
    round_ = get_round(ws, network, round_id)
    with ws._tx() as con:
        _check_respondents([actor_id], _respondent_ids(con, network, round_.id))
        con.execute(
            "UPDATE survey_respondents SET token_hash = NULL, revoked = ? WHERE network = ? AND round = ? AND actor = ?",
            (_now(), network, round_.id, actor_id),
        )


def close_round(ws, network, round_id):
    """Close a round: no more answers; the round and its answers stay (until its retention date)."""
    round_ = get_round(ws, network, round_id)
    if round_.closed:
        return
    with ws._tx() as con:
        con.execute("UPDATE survey_rounds SET closed = ? WHERE network = ? AND id = ?", (_now(), network, round_.id))


def purge_expired(ws, today=None):
    """Delete the answers of every round whose retention date has passed (and stop its links);
    returns how many answers were deleted."""
    day = _today(today).isoformat()
    due = "SELECT network, id FROM survey_rounds WHERE retain_until < ?"
    if not ws._read(due, (day,)):
        return 0  # the usual case: no write, no lock
    deleted = 0
    with ws._tx() as con:
        for network, round_id in con.execute(due, (day,)).fetchall():
            n = con.execute(
                "SELECT count(*) FROM survey_answers WHERE network = ? AND round = ?", (network, round_id)
            ).fetchone()[0]
            con.execute("DELETE FROM survey_answers WHERE network = ? AND round = ?", (network, round_id))
            con.execute(
                "UPDATE survey_respondents SET token_hash = NULL WHERE network = ? AND round = ?",
                (network, round_id),
            )
            deleted += n
    return deleted


# --- the respondent's side --------------------------------------------------------------------


def resolve(ws, token, today=None):
    """The :class:`Access` a link's token gives, or None: the same None for a token that never
    existed, was revoked or has expired, and for a closed round (or a network since deleted)."""
    if not isinstance(token, str) or not 20 <= len(token) <= 200:
        return None
    rows = ws._read(
        f"SELECT r.actor, r.name, {', '.join('s.' + c for c in _ROUND_FIELDS)} "
        "FROM survey_respondents r JOIN survey_rounds s ON s.network = r.network AND s.id = r.round "
        "JOIN networks n ON n.name = r.network WHERE r.token_hash = ?",
        (_hash(token),),
    )
    if not rows:
        return None
    actor, name, *rest = rows[0]
    round_ = _round(rest)
    if round_.closed or _today(today).isoformat() > round_.expires:
        return None
    return Access(round_.network, round_.id, actor, name, round_, _hash(token))


def citizen_groups(net, lang=None):
    """The network's citizens as groups, never by name: ``{group id: (label, [actor ids])}``, one
    group per kind of citizen (``group:citizen`` for citizens of no other kind, labelled
    "Citizens"; ``group:beboer`` "Beboer" ...)."""
    groups = {}
    for a in net.actors:
        if not is_citizen(a):
            continue
        kind = canonical_kind(a.kind) or "citizen"
        key = _GROUP + re.sub(r"[^\wæøå]+", "_", kind).strip("_")
        label = (
            _("Citizens", lang or default_lang())
            if kind == "citizen"
            else a.kind.strip()[:1].upper() + a.kind.strip()[1:]
        )
        groups.setdefault(key, (label, []))[1].append(a.id)
    return groups


def _roster(net, respondent, lang=None):
    by_sector = {s: [] for s in PARTNER_SECTORS}
    for a in net.actors:
        if a.id != respondent and not is_citizen(a):
            by_sector[a.sector if a.sector in by_sector else "unknown"].append((a.id, a.label))
    out = [(s, sorted(people, key=lambda p: (p[1].casefold(), p[0]))) for s, people in by_sector.items()]
    groups = citizen_groups(net, lang)
    citizens = [(gid, label) for gid, (label, members) in groups.items() if members != [respondent]]
    out = [(s, citizens if s == "citizen" else people) for s, people in out]
    return [(s, people) for s, people in out if people]


def roster(ws, access, lang=None):
    """The actors a respondent can name, grouped by sector (public, civil, private, citizen,
    unknown): ``[(sector, [(actor id, name), ...])]``, names sorted; the respondent is left out,
    and citizens are never listed by name, only as groups (:func:`citizen_groups`). ``lang``:
    the language of a group's label (default: the network's language, else the default)."""
    net = _actors(ws, access.network)
    return _roster(net, access.actor, lang or ws.language(access.network))


def empty_answer():
    """The document of a respondent who has not answered yet."""
    return {"ties": [], "new_actors": [], "influence": {}, "elements": {}, "step": "", "finished": False}


def answer(ws, access):
    """This respondent's answer document (:func:`empty_answer` when there is none yet)."""
    rows = ws._read(
        "SELECT doc FROM survey_answers WHERE network = ? AND round = ? AND respondent = ?",
        (access.network, access.round_id, access.actor),
    )
    return json.loads(rows[0][0]) if rows else empty_answer()


def save_answer(ws, access, doc, today=None):
    """Check ``doc`` (:func:`check_answer`) and store it as this respondent's answer, whole.
    Refused (NetmapError, nothing stored) when the document is not sound, or when the link no
    longer works (revoked, expired, round closed)."""
    net = _actors(ws, access.network)
    known = {rid for _, people in _roster(net, access.actor) for rid, _ in people}
    before = answer(ws, access)  # an actor named before and since removed from the network may stay
    known |= {t["partner"] for t in before["ties"]} | set(before["influence"])
    text = _dump(check_answer(doc, known, access.actor))
    with ws._tx() as con:
        row = con.execute(
            "SELECT s.closed, s.expires FROM survey_respondents r JOIN survey_rounds s "
            "ON s.network = r.network AND s.id = r.round "
            "WHERE r.network = ? AND r.round = ? AND r.actor = ? AND r.token_hash = ?",
            (access.network, access.round_id, access.actor, access.token_hash),
        ).fetchone()
        if row is None or row[0] or _today(today).isoformat() > row[1]:
            raise NetmapError("this survey link no longer works; nothing was saved")
        _store(con, access.network, access.round_id, access.actor, text)


def _dump(doc):
    return json.dumps(doc, ensure_ascii=False, sort_keys=True)


def _store(con, network, round_id, respondent, text):
    con.execute(
        "INSERT INTO survey_answers (network, round, respondent, doc, saved) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (network, round, respondent) DO UPDATE SET doc = excluded.doc, saved = excluded.saved",
        (network, round_id, respondent, text, _now()),
    )


def import_answers(ws, network, round_id, answers):
    """Store answers collected outside the links (on paper, in a Net-Map workshop, from a file):
    ``{actor id: answer document}``, each checked as :func:`save_answer` checks it. An actor of
    the network who is not yet a respondent of the round becomes one, without a link. All or
    nothing: the first bad document (InputError naming the respondent and the field) stores none.
    The round must be open; an answer already there is replaced."""
    round_ = get_round(ws, network, round_id)
    _open(round_)
    net = _actors(ws, network)
    people = dict(_actors_of(ws, network, list(answers)))
    texts = {}
    for actor_id, doc in answers.items():
        known = {rid for _, group in _roster(net, actor_id) for rid, _ in group}
        try:
            texts[actor_id] = _dump(check_answer(doc, known, actor_id))
        except InputError as exc:
            raise InputError(exc.msgid, Named.actor(people[actor_id]), **exc.params) from None
    with ws._tx() as con:
        there = set(_respondent_ids(con, network, round_.id))
        for actor_id, text in texts.items():
            if actor_id not in there:
                con.execute(
                    "INSERT INTO survey_respondents (network, round, actor, name) VALUES (?, ?, ?, ?)",
                    (network, round_.id, actor_id, people[actor_id]),
                )
            _store(con, network, round_.id, actor_id, text)


# --- checking an answer document --------------------------------------------------------------


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _rating(value, field, low, high):
    if value is None:
        return None
    if not _is_int(value) or not low <= value <= high:
        raise InputError("{field}: must be a whole number from {low} to {high}", field=field, low=low, high=high)
    return value


def _text(value, field, limit):
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError("{field}: must be text", field=field)
    if len(value) > limit:
        raise InputError("{field}: at most {limit} characters", field=field, limit=limit)
    return value


def _object(value, field, keys=None):
    if not isinstance(value, dict):
        raise InputError("{field}: must be a set of named values (a JSON object)", field=field)
    for key in value:
        if keys is not None and key not in keys:
            raise InputError(
                '{field}: "{key}" is not one of: {allowed}', field=field, key=str(key), allowed=", ".join(keys)
            )
    return value


def _list(value, field):
    if not isinstance(value, list):
        raise InputError("{field}: must be a list", field=field)
    return value


def _choice(value, field, allowed):
    if value not in allowed:
        raise InputError(
            '{field}: "{value}" is not one of: {allowed}', field=field, value=str(value), allowed=", ".join(allowed)
        )
    return value


def _items(value, field, items):
    value = _object(value or {}, field, items)
    return {k: _rating(value.get(k), f"{field}.{k}", *SCALE) for k in items}


def check_answer(doc, known, respondent=None):
    """A respondent's answer document, checked and in its one form; InputError naming the field
    (``ties[2].trust.reliability``) otherwise.

    ``known``: the ids the respondent may name (the roster's actors and groups). Each tie names a
    known actor or a new actor of ``new_actors`` (never the respondent, never twice); its kinds
    (from :data:`SURVEY_KINDS`) and frequency (:data:`FREQUENCIES`) may be missing while the
    document is not ``finished``; value and trust items are 1-4 or null; influence 0-5 or null
    for a known or new actor; element ratings 1-4 or null, for the elements 1-19."""
    fields = ("ties", "new_actors", "influence", "elements", "step", "finished")
    doc = _object(doc, "answer", fields)
    finished = doc.get("finished", False)
    if not isinstance(finished, bool):
        raise InputError("{field}: must be true or false", field="finished")
    new_actors, new_ids = [], set()
    for i, item in enumerate(_list(doc.get("new_actors", []), "new_actors")):
        where = f"new_actors[{i}]"
        item = _object(item, where, ("id", "name", "sector"))
        actor_id = _text(item.get("id"), f"{where}.id", 90)
        if not _NEW_ID.fullmatch(actor_id) or actor_id in new_ids:
            raise InputError(
                '{field}: "{value}" must be "new:" and a short name, used once', field=f"{where}.id", value=actor_id
            )
        name = _text(item.get("name"), f"{where}.name", MAX_NAME).strip()
        if not name:
            raise InputError("{field}: a new actor needs a name", field=f"{where}.name")
        sector = _choice(item.get("sector") or "unknown", f"{where}.sector", PARTNER_SECTORS)
        new_ids.add(actor_id)
        new_actors.append({"id": actor_id, "name": name, "sector": sector})
    named = set(known) | new_ids
    ties, partners = [], set()
    for i, item in enumerate(_list(doc.get("ties", []), "ties")):
        where = f"ties[{i}]"
        item = _object(item, where, ("partner", "kinds", "frequency", "value", "trust"))
        partner = item.get("partner")
        if partner not in named or partner == respondent or partner in partners:
            raise InputError(
                '{field}: "{value}" is not an actor of this survey (or is named twice)',
                field=f"{where}.partner",
                value=str(partner),
            )
        partners.add(partner)
        kinds = _list(item.get("kinds") or [], f"{where}.kinds")
        for kind in kinds:
            _choice(kind, f"{where}.kinds", SURVEY_KINDS)
        frequency = item.get("frequency")
        if frequency is not None:
            _choice(frequency, f"{where}.frequency", FREQUENCIES)
        if finished and not kinds:
            raise InputError("{field}: choose at least one kind of tie", field=f"{where}.kinds")
        if finished and frequency is None:
            raise InputError("{field}: say how often you work together", field=f"{where}.frequency")
        ties.append(
            {
                "partner": partner,
                "kinds": [k for k in SURVEY_KINDS if k in kinds],
                "frequency": frequency,
                "value": _items(item.get("value"), f"{where}.value", VALUE_ITEMS),
                "trust": _items(item.get("trust"), f"{where}.trust", TRUST_ITEMS),
            }
        )
    influence = {}
    for actor_id, score in _object(doc.get("influence") or {}, "influence").items():
        if actor_id not in named or actor_id == respondent:
            raise InputError(
                '{field}: "{value}" is not an actor of this survey', field="influence", value=str(actor_id)
            )
        influence[actor_id] = _rating(score, f"influence.{actor_id}", *INFLUENCE)
    numbers = [str(n) for group in ELEMENTS.values() for n in group]
    elements = {}
    for number, item in _object(doc.get("elements") or {}, "elements", numbers).items():
        item = _object(item, f"elements.{number}", ("rating", "comment"))
        rating = _rating(item.get("rating"), f"elements.{number}.rating", *SCALE)
        comment = _text(item.get("comment"), f"elements.{number}.comment", MAX_COMMENT).strip()
        if rating is not None or comment:
            elements[number] = {"rating": rating, "comment": comment}
    step = _text(doc.get("step"), "step", 50)
    return {
        "ties": ties,
        "new_actors": new_actors,
        "influence": influence,
        "elements": dict(sorted(elements.items(), key=lambda kv: int(kv[0]))),
        "step": step,
        "finished": finished,
    }


# --- results ----------------------------------------------------------------------------------


def _mean(values):
    values = [v for v in values if v is not None]
    return statistics.fmean(values) if values else None


def _pct(mean):
    """PARTNER's percentage of the maximum: the mean on the 1-4 scale over 4, times 100."""
    return None if mean is None else mean / SCALE[1] * 100


def _lower(frequencies):
    given = [f for f in frequencies if f in FREQUENCIES]
    return max(given, key=FREQUENCIES.index) if given else None


def results_from_answers(network_obj, respondents, answers):
    """The results of a round (METHODS.md, "Partners' survey"): a JSON-able dict without words.

    ``respondents``: the invited actor ids (or :class:`Respondent` objects); ``answers``: ``{actor
    id: answer document}`` of those who answered (a saved document counts as an answer)."""
    invited = [getattr(r, "actor", r) for r in respondents]
    answers = {r: doc for r, doc in answers.items() if doc is not None}
    answered = [r for r in invited if r in answers]
    answered_set = set(answered)
    reports = {}  # (a, b) sorted -> {reporter: tie}
    new_actors = {}
    for reporter in answered:
        doc = answers[reporter]
        for item in doc.get("new_actors", []):
            entry = new_actors.setdefault(item["id"], {**item, "reported_by": []})
            entry["reported_by"].append(reporter)
        for tie in doc.get("ties", []):
            pair = tuple(sorted((reporter, tie["partner"])))
            reports.setdefault(pair, {})[reporter] = tie
    ties, about = [], {}
    for (a, b), by in sorted(reports.items()):
        other = {a: b, b: a}
        for reporter, tie in by.items():
            about.setdefault(other[reporter], []).append(tie)
        if len(by) == 2:
            status = "confirmed"
        elif other[next(iter(by))] in answered_set:
            status = "one_sided"
        else:
            status = "non_respondent"
        frequency = _lower(t["frequency"] for t in by.values())
        value = _mean(v for t in by.values() for v in t["value"].values())
        trust = _mean(v for t in by.values() for v in t["trust"].values())
        ties.append(
            {
                "a": a,
                "b": b,
                "status": status,
                "reported_by": sorted(by),
                "kinds": [k for k in SURVEY_KINDS if any(k in t["kinds"] for t in by.values())],
                "frequency": frequency,
                "strength": FREQUENCY_STRENGTH.get(frequency),
                "value": value,
                "trust": trust,
                "value_pct": _pct(value),
                "trust_pct": _pct(trust),
                "reports": {
                    r: {
                        "kinds": t["kinds"],
                        "frequency": t["frequency"],
                        "value": _mean(t["value"].values()),
                        "trust": _mean(t["trust"].values()),
                    }
                    for r, t in sorted(by.items())
                },
            }
        )
    influence = {}
    for reporter in answered:
        for actor_id, score in answers[reporter].get("influence", {}).items():
            if score is not None:
                influence.setdefault(actor_id, []).append(score)
    actors = {}
    for actor_id in sorted(set(about) | set(influence)):
        value = _mean(v for t in about.get(actor_id, []) for v in t["value"].values())
        trust = _mean(v for t in about.get(actor_id, []) for v in t["trust"].values())
        scores = sorted(influence.get(actor_id, []))
        actors[actor_id] = {
            "value": value,
            "value_pct": _pct(value),
            "trust": trust,
            "trust_pct": _pct(trust),
            "n_reports": len(about.get(actor_id, [])),
            "influence_median": statistics.median(scores) if scores else None,
            "influence_min": scores[0] if scores else None,
            "influence_max": scores[-1] if scores else None,
            "influence_n": len(scores),
        }
    value = _mean(t["value"] for t in ties)
    trust = _mean(t["trust"] for t in ties)
    elements = []
    for number in (n for group in ELEMENTS.values() for n in group):
        given = [answers[r].get("elements", {}).get(str(number)) or {} for r in answered]
        ratings = sorted(e["rating"] for e in given if e.get("rating") is not None)
        elements.append(
            {
                "element": number,
                "ratings": ratings,
                "n": len(ratings),
                "median": statistics.median(ratings) if ratings else None,
                "spread": statistics.pstdev(ratings) if len(ratings) >= 2 else None,
                "min": ratings[0] if ratings else None,
                "max": ratings[-1] if ratings else None,
                "comments": [e["comment"] for e in given if e.get("comment")],
            }
        )
    elements.sort(key=lambda e: (e["spread"] is None, -(e["spread"] or 0), -e["n"], e["element"]))
    names = {a.id: a.label for a in network_obj.actors} if network_obj is not None else {}
    return {
        "response": {
            "invited": len(invited),
            "answered": len(answered),
            "finished": sum(1 for r in answered if answers[r].get("finished")),
            "rate": len(answered) / len(invited) if invited else None,
        },
        "respondents": invited,
        "answered": answered,
        "ties": ties,
        "actors": actors,
        "network": {"value": value, "value_pct": _pct(value), "trust": trust, "trust_pct": _pct(trust)},
        "elements": elements,
        "new_actors": new_actors,
        "names": {
            i: names[i] for i in sorted(set(names) & {*actors, *invited, *(e for t in ties for e in (t["a"], t["b"]))})
        },
    }


def round_answers(ws, network, round_id):
    """``{respondent id: answer document}`` of a round (the coordinator's side; personal data:
    export them through :func:`pseudonymised`)."""
    get_round(ws, network, round_id)
    rows = ws._read(
        "SELECT respondent, doc FROM survey_answers WHERE network = ? AND round = ?", (network, int(round_id))
    )
    return {r: json.loads(doc) for r, doc in rows}


def results(ws, network, round_id):
    """The results of a round from its stored answers (:func:`results_from_answers`), with the
    network's current revision for the names."""
    purge_expired(ws)
    people = respondents(ws, network, round_id)
    out = results_from_answers(_actors(ws, network), people, round_answers(ws, network, round_id))
    out["round"] = asdict(get_round(ws, network, round_id))
    return out


def merge_proposal(ws, network, round_id, one_sided=(), lang=None):
    """The network with what the round found, for the coordinator to review and save as one
    revision: every confirmed tie and the ties of ``one_sided`` (pairs ``(a, b)`` in either order,
    one-sided or about a non-respondent), one tie per kind with the strength of its frequency (a
    tie that is already there gets that strength), and the new actors those ties reach. A tie to a
    group of citizens goes to the group's actor when the group has only one, else it is left out,
    as is a tie to an actor removed from the network since, or one with no frequency given."""
    ws.require(network, "editor")
    net = ws.load(network)
    found = results(ws, network, round_id)
    chosen = {tuple(sorted(p)) for p in one_sided}
    ties = [t for t in found["ties"] if t["status"] == "confirmed" or (t["a"], t["b"]) in chosen]
    from .editing import new_id

    ids = {gid: members[0] for gid, (_, members) in citizen_groups(net, lang).items() if len(members) == 1}
    actors = list(net.actors)
    for tie in ties:
        for end in (tie["a"], tie["b"]):
            item = found["new_actors"].get(end)
            if item and end not in ids:
                ids[end] = new_id([a.id for a in actors], item["name"], sector=item["sector"])
                actors.append(Actor(ids[end], item["name"], sector=item["sector"]))
    existing = {t.key: i for i, t in enumerate(net.ties)}
    out, there = list(net.ties), {a.id for a in actors}
    for tie in ties:
        a, b = ids.get(tie["a"], tie["a"]), ids.get(tie["b"], tie["b"])
        if a not in there or b not in there or tie["strength"] is None:
            continue  # a group of several citizens, an actor removed since, or no frequency given
        for kind in tie["kinds"]:
            key = tie_key(kind, a, b, False)
            if key in existing:
                i = existing[key]
                out[i] = replace(out[i], strength=float(tie["strength"]), status="active")
            else:
                existing[key] = len(out)
                out.append(Tie(a, b, kind=kind, strength=float(tie["strength"])))
    return validate(replace(net, actors=actors, ties=out, warnings=[]))


# --- exports ----------------------------------------------------------------------------------


def pseudonymised(net, found, answers=None, key=None):
    """The results ``found`` (and the answer documents ``answers``, when given) for an export:
    citizens pseudonymised as in every export (:class:`netmap.privacy.Pseudonymiser`, also in
    comments and new actors' names), and the respondents, whose answers are personal data, named
    only by a stable pseudonym (``respondent-`` and 8 hex digits of the same keyed hash). ``key``:
    the pseudonym key (default :func:`netmap.privacy.workspace_key`). Returns ``(results,
    answers)``; actors other than citizens keep their ids where they are not a respondent."""
    from .privacy import Pseudonymiser, pseudonym

    extra = [Actor(i, e["name"], sector=e["sector"]) for i, e in found.get("new_actors", {}).items()]
    scrub = Pseudonymiser(net, Network(actors=extra), key=key)
    people = {r: pseudonym(r, key, prefix="respondent-") for r in found["respondents"]}

    def actor(i):
        return scrub.ids.get(i) or scrub.text(i)

    def who(i):
        return people.get(i) or actor(i)

    def name(i, text):
        return scrub.ids.get(i) or scrub.text(text)

    out = json.loads(json.dumps(found))
    out.pop("round", None)
    out["respondents"] = [who(r) for r in out["respondents"]]
    out["answered"] = [who(r) for r in out["answered"]]
    for tie in out["ties"]:
        tie["a"], tie["b"] = actor(tie["a"]), actor(tie["b"])
        tie["reported_by"] = sorted(who(r) for r in tie["reported_by"])
        tie["reports"] = {who(r): v for r, v in tie["reports"].items()}
    out["actors"] = {actor(i): v for i, v in out["actors"].items()}
    out["new_actors"] = {
        actor(i): {**e, "id": actor(i), "name": name(i, e["name"]), "reported_by": sorted(map(who, e["reported_by"]))}
        for i, e in out["new_actors"].items()
    }
    out["names"] = {actor(i): name(i, n) for i, n in out["names"].items() if i not in people}
    for e in out["elements"]:
        e["comments"] = [scrub.text(c) for c in e["comments"]]
    if answers is None:
        return out, None
    docs = {}
    for r, doc in answers.items():
        doc = json.loads(json.dumps(doc))
        for t in doc.get("ties", []):
            t["partner"] = actor(t["partner"])
        for item in doc.get("new_actors", []):
            item["name"], item["id"] = name(item["id"], item["name"]), actor(item["id"])
        doc["influence"] = {actor(i): v for i, v in doc.get("influence", {}).items()}
        for e in doc.get("elements", {}).values():
            e["comment"] = scrub.text(e.get("comment", ""))
        docs[who(r)] = doc
    return out, docs


def link_path(token):
    """The path of a respondent's personal link (app.py routes any address with ``t`` in its query
    to the survey page); :func:`netmap.config.link` makes it a full address."""
    return f"/?t={token}"


def latest_results(ws, network):
    """The results of the newest closed round of ``network`` (:func:`results`, with its
    ``round``), or None when there is none or the user may not see the rounds: the partners' own
    view that the Review page and the meeting report show beside the network's evidence."""
    try:
        closed = [r for r in rounds(ws, network) if r.closed]
        return results(ws, network, closed[0].id) if closed else None
    except NetmapError:
        return None
