"""The workspace: named networks with their full revision history in one SQLite file.

Every save is a new revision stored as canonical JSON (:func:`netmap.writing.to_json`);
undo and redo move the network's head between revisions. The file is in WAL mode with
``synchronous=FULL``, and each change is one transaction, so a process killed in the middle
of a save loses at most that save and leaves a readable workspace.
"""

from __future__ import annotations

import copy
import json
import os
import re
import secrets
import sqlite3
import stat
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from .access import ROLES, PermissionDenied, check_role, role_of, user_key
from .errors import NetmapError
from .i18n import LANGS
from .layout import placed
from .model import validate
from .reading import network_from_json, read_network
from .store import DB_ERRORS, PgConnection, is_url, pg_connect
from .writing import to_json

__all__ = [
    "Workspace",
    "StaleEditError",
    "default_path",
    "SAMPLES_DIR",
    "SAMPLES",
    "SCHEMA_VERSION",
    "MIGRATIONS",
    "connect",
    "prepare",
    "storage_error",
    "has_table",
    "shown",
    "PSEUDONYM_KEY_SETTING",
    "SURVEY_TABLES",
]

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "sample_networks"
#: The sample networks (folders of :data:`SAMPLES_DIR`) a person can open as their own copy.
SAMPLES = ("copenhagen", "fredericia")


_SCHEMA = """
CREATE TABLE IF NOT EXISTS networks (
    name TEXT PRIMARY KEY,
    head INTEGER NOT NULL,       -- the current revision
    last INTEGER NOT NULL,       -- the highest revision number ever given (never reused)
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS revisions (
    network TEXT NOT NULL REFERENCES networks(name) ON UPDATE CASCADE ON DELETE CASCADE,
    rev INTEGER NOT NULL,
    doc TEXT NOT NULL,           -- canonical JSON
    saved TEXT NOT NULL,
    PRIMARY KEY (network, rev)
);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT);
"""

#: The settings row that holds the workspace's pseudonym key (netmap.privacy.workspace_key).
PSEUDONYM_KEY_SETTING = "pseudonym_key"


def _m1_pseudonym_key(con):
    """1: a random pseudonym key of this workspace (METHODS.md, Personal data)."""
    con.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING",
        (PSEUDONYM_KEY_SETTING, secrets.token_hex(32)),
    )


def _m2_author(con):
    """2: who saved each revision (``author``, null where the server does not know it)."""
    if not has_column(con, "revisions", "author"):
        con.execute("ALTER TABLE revisions ADD COLUMN author TEXT")


def _m3_network_language(con):
    """3: the language of each network (``en`` or ``da``; NULL for networks made before)."""
    if not has_column(con, "networks", "lang"):
        con.execute("ALTER TABLE networks ADD COLUMN lang TEXT")


def _m4_roles(con):
    """4: who may do what (``roles``: viewer, editor or owner of a network, issue 12), and who
    saved each snapshot (``author`` on ``snapshots``, where that table exists already)."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS roles ("
        " network TEXT NOT NULL REFERENCES networks(name) ON UPDATE CASCADE ON DELETE CASCADE,"
        " user_id TEXT NOT NULL,"  # a lower-cased e-mail or an OpenID Connect subject (netmap.access.user_key)
        " role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'owner')),"
        " granted_by TEXT,"  # NULL: the command line on the server
        " granted TEXT NOT NULL,"
        " PRIMARY KEY (network, user_id))"
    )
    if has_table(con, "snapshots") and not has_column(con, "snapshots", "author"):
        con.execute("ALTER TABLE snapshots ADD COLUMN author TEXT")


#: The tables of the partners' survey (issue 13, :mod:`netmap.survey`), the same on SQLite and
#: PostgreSQL: rounds, the respondents of each with the SHA-256 of their link's token (never the
#: token), and one answer document (JSON) per respondent.
SURVEY_TABLES = ("survey_rounds", "survey_respondents", "survey_answers")
_SURVEY_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS survey_rounds (
        network TEXT NOT NULL,
        id INTEGER NOT NULL,
        title TEXT NOT NULL,
        date TEXT NOT NULL,
        opened TEXT NOT NULL,
        closed TEXT,
        expires TEXT NOT NULL,
        retain_until TEXT NOT NULL,
        controller TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (network, id)
    )""",
    """CREATE TABLE IF NOT EXISTS survey_respondents (
        network TEXT NOT NULL,
        round INTEGER NOT NULL,
        actor TEXT NOT NULL,
        name TEXT NOT NULL,
        token_hash TEXT UNIQUE,
        issued TEXT,
        revoked TEXT,
        PRIMARY KEY (network, round, actor)
    )""",
    """CREATE TABLE IF NOT EXISTS survey_answers (
        network TEXT NOT NULL,
        round INTEGER NOT NULL,
        respondent TEXT NOT NULL,
        doc TEXT NOT NULL,
        saved TEXT NOT NULL,
        PRIMARY KEY (network, round, respondent)
    )""",
)


def _m5_survey(con):
    """5: the partners' survey (issue 13): its three tables (:data:`SURVEY_TABLES`)."""
    for statement in _SURVEY_SCHEMA:
        con.execute(statement)


def _m6_revision_note(con):
    """6: how the app made a revision, where its content cannot tell (``note``: JSON, e.g.
    ``{"merge": [kept id, merged id]}`` for two actors merged; NULL for every other save)."""
    if not has_column(con, "revisions", "note"):
        con.execute("ALTER TABLE revisions ADD COLUMN note TEXT")


#: The migrations, oldest first: migration ``i`` (1-based) brings a workspace from schema version
#: ``i - 1`` to ``i``. A workspace made before schema versions existed has version 0 (its
#: ``PRAGMA user_version`` was never set). Add new ones at the end; never change an old one.
MIGRATIONS = (_m1_pseudonym_key, _m2_author, _m3_network_language, _m4_roles, _m5_survey, _m6_revision_note)
#: The schema version this netmap writes (``PRAGMA user_version`` of the workspace file).
SCHEMA_VERSION = len(MIGRATIONS)


def lock_wait():
    """Seconds a command waits for another program's lock on the workspace before it gives up:
    ``NETMAP_LOCK_WAIT_S``, else 30."""
    raw = os.environ.get("NETMAP_LOCK_WAIT_S", "").strip()
    return float(raw) if raw.replace(".", "", 1).isdigit() else 30.0


def connect(path):
    """A new connection to a workspace, in autocommit: the one connection setup of the workspace
    and its snapshots. A file gets sqlite3 with WAL, synchronous=FULL and foreign keys on; a
    ``postgresql://`` URL gets a :class:`netmap.store.PgConnection`."""
    if is_url(path):
        try:
            con = pg_connect(str(path), lock_wait())
            if con.fresh:  # a kept connection was checked when it was made
                _refuse_newer(path, _version(con))
        except DB_ERRORS as exc:
            raise storage_error(path, exc) from None
        return con
    if os.path.exists(path) and not stat.S_ISREG(os.stat(path).st_mode):
        raise NetmapError("{path} is not a netmap workspace (not a regular file)", path=str(path))
    try:
        con = sqlite3.connect(path, timeout=lock_wait(), isolation_level=None)
    except sqlite3.Error as exc:
        raise NetmapError("cannot open the workspace {path} ({detail})", path=str(path), detail=str(exc)) from None
    try:
        con.execute(f"PRAGMA busy_timeout={int(lock_wait() * 1000):d}")
        _refuse_newer(path, _version(con))  # before anything writes to the file
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        con.execute("PRAGMA foreign_keys=ON")
    except sqlite3.Error as exc:
        con.close()
        raise storage_error(path, exc) from None
    except BaseException:
        con.close()
        raise
    return con


def shown(location):
    """A workspace location as it may be shown: a URL's password is left out."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", str(location))


def storage_error(path, exc):
    """What to do when the workspace fails (``exc``, one of :data:`netmap.store.DB_ERRORS`), in
    one line."""
    detail = shown(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
    path = shown(path)
    if "locked" in detail or "busy" in detail or "lock timeout" in detail:
        return NetmapError(
            "the workspace {path} is still locked after {seconds} s: another program is using it; try again",
            path=str(path),
            seconds=f"{lock_wait():g}",
        )
    if "readonly" in detail or "read-only" in detail:
        return NetmapError(
            "the workspace {path} is read-only: netmap cannot save in it (check the file's permissions)",
            path=str(path),
        )
    if "malformed" in detail or "not a database" in detail:
        return NetmapError(
            "{path} is not a netmap workspace, or it is damaged ({detail}): restore a backup",
            path=str(path),
            detail=detail,
        )
    if is_url(path):
        found = _pg_connect_error(path, detail)
        if found:
            return found
    if "unable to open" in detail or "connection" in detail:
        return NetmapError(
            "cannot open the workspace {path} ({detail}): does its folder exist, and may you write there?",
            path=str(path),
            detail=detail,
        )
    return NetmapError("the workspace {path} could not be used ({detail})", path=str(path), detail=detail)


def _pg_connect_error(url, detail):
    """What to do when a PostgreSQL server cannot be reached or refuses the login, or None."""
    reason = detail.rsplit("failed: ", 1)[-1].replace("FATAL:", "").strip()
    if "password" in reason or ("role" in reason and "does not exist" in reason):
        return NetmapError(
            "the PostgreSQL server refused the login to the workspace {path} ({detail}): check the user name "
            "and password in its address",
            path=url,
            detail=reason,
        )
    if "database" in reason and "does not exist" in reason:
        return NetmapError(
            "the database of the workspace {path} does not exist on its PostgreSQL server: check the name in "
            "the address, or create the database (createdb)",
            path=url,
        )
    if "connection" in detail or "resolve" in detail:
        return NetmapError(
            "cannot reach the PostgreSQL server of the workspace {path} ({detail}): is the server running, "
            "and are the host and port in the address right?",
            path=url,
            detail=reason,
        )
    return None


def require_existing(path):
    """Refuse a workspace that does not exist yet: a command that only reads (or changes what
    is already there) never creates one where a mistyped --workspace points."""
    if is_url(path):
        con = connect(path)
        try:
            missing = not has_table(con, "networks")
        finally:
            con.close()
    else:
        missing = not Path(path).exists()
    if missing:
        raise NetmapError("no workspace at {path} (check --workspace or NETMAP_WORKSPACE)", path=shown(path))


def has_table(con, table):
    """Whether the workspace has the table ``table``."""
    if isinstance(con, PgConnection):
        return con.execute("SELECT to_regclass(?) IS NOT NULL", (table,)).fetchone()[0]
    sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return con.execute(sql, (table,)).fetchone() is not None


def has_column(con, table, column):
    """Whether the workspace's table ``table`` has the column ``column``."""
    if isinstance(con, PgConnection):
        sql = "SELECT 1 FROM information_schema.columns WHERE table_name = ? AND column_name = ?"
        return con.execute(sql, (table, column)).fetchone() is not None
    return column in {row[1] for row in con.execute(f"PRAGMA table_info({table})")}


def _version(con):
    """The workspace's schema version: SQLite's ``PRAGMA user_version``; on PostgreSQL the one
    row of the table ``netmap_schema`` (0 when there is none yet)."""
    if isinstance(con, PgConnection):
        if not has_table(con, "netmap_schema"):
            return 0
        return con.execute("SELECT version FROM netmap_schema").fetchone()[0]
    return con.execute("PRAGMA user_version").fetchone()[0]


def _set_version(con, version):
    if isinstance(con, PgConnection):
        con.execute("CREATE TABLE IF NOT EXISTS netmap_schema (version INTEGER NOT NULL)")
        con.execute("DELETE FROM netmap_schema")
        con.execute("INSERT INTO netmap_schema (version) VALUES (?)", (version,))
    else:
        con.execute(f"PRAGMA user_version = {version:d}")


def _refuse_newer(path, version):
    if version > SCHEMA_VERSION:
        raise NetmapError(
            "the workspace {path} was made by a newer netmap (schema version {found}, this netmap knows "
            "{known}); update netmap to open it",
            path=shown(path),
            found=version,
            known=SCHEMA_VERSION,
        )


def prepare(path):
    """Create or upgrade the workspace file at ``path`` to :data:`SCHEMA_VERSION`.

    The tables and every pending migration are applied in one transaction (``BEGIN
    IMMEDIATE``), so an interrupted upgrade leaves the file as it was. A file of a newer
    schema version than this netmap knows is refused with a NetmapError (and left untouched).
    """
    con = connect(path)
    try:
        if _version(con) == SCHEMA_VERSION and has_table(con, "settings"):
            return
        con.execute("BEGIN IMMEDIATE")
        try:
            version = _version(con)  # again, inside the transaction: another process may have upgraded it
            _refuse_newer(path, version)
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    con.execute(statement)
            for migration in MIGRATIONS[version:]:
                migration(con)
            _set_version(con, SCHEMA_VERSION)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    finally:
        con.close()


def read_note(text):
    """A revision's note (:meth:`Workspace.note`) from its stored text: a dict, or None (none
    stored, or one this netmap cannot read)."""
    try:
        note = json.loads(text) if text else None
    except ValueError:
        return None
    return note if isinstance(note, dict) else None


def _check_stale(name, head, expected_revision):
    if expected_revision is not None and expected_revision != head:
        raise StaleEditError(
            'The network "{name}" was changed elsewhere (in another tab or by someone else) after you opened it. '
            "Your edit was not saved: make it again on the latest version.",
            name=name,
        )


class StaleEditError(NetmapError):
    """A save based on a revision that is no longer the current one."""


def default_path():
    """``NETMAP_WORKSPACE`` if set (a file, or a ``postgresql://`` URL kept as text), else
    ``$XDG_DATA_HOME/netmap/workspace.sqlite`` (``~/.local/share/netmap/workspace.sqlite``)."""
    env = os.environ.get("NETMAP_WORKSPACE", "").strip()
    if env:
        return env if is_url(env) else Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME", "").strip() or Path.home() / ".local" / "share"
    return Path(base) / "netmap" / "workspace.sqlite"


def _now():
    return datetime.now(UTC).isoformat(timespec="seconds")


def _dump(net, name=None):
    """The canonical JSON text of ``net``, named ``name`` (the workspace's name is the network's)."""
    if name is not None and net.name != name:
        net = replace(net, name=name)
    return json.dumps(to_json(net), ensure_ascii=False)


class Workspace:
    """Named networks with their history, in one SQLite file.

    ``Workspace(path=None, seed=False)``: the file (and its folder) is created
    when missing, empty: a person starts their own network, imports one, or opens
    a sample as their own copy (:meth:`add_sample`). With ``seed=True`` a new
    workspace is seeded once with the sample networks (an emptied workspace is
    not re-seeded): for tests and demonstrations.

    >>> ws = Workspace(":memory:")   # doctest: +SKIP
    """

    def __init__(self, path=None, seed=False, create=True, user=None):
        #: Who acts (a :class:`netmap.access.User`; shared mode, issue 12): None is the command
        #: line on the server and the personal app, which may do everything.
        self.user = user
        self.path = str(path) if is_url(path or "") else Path(path) if path else default_path()
        if is_url(self.path):
            if not create:
                require_existing(self.path)
        elif create:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        else:
            require_existing(self.path)
        prepare(self.path)
        if seed and self.get_setting("seeded") is None:
            self.seed_samples()

    def require(self, network, need="viewer"):
        """Refuse (raise) unless :attr:`user` has at least the role ``need`` (``viewer``,
        ``editor`` or ``owner``) on ``network``. Without a user everything is allowed."""
        if self.user is None:
            return
        con = self.connect()
        try:
            self._head(con, network, need)
        finally:
            con.close()

    def as_user(self, user):
        """This workspace as ``user`` acts in it (None: as the command line, which may do everything)."""
        other = copy.copy(self)
        other.user = user
        return other

    def role(self, network):
        """The role of :attr:`user` on ``network`` (``owner`` without a user and for an
        administrator), or None when they have none."""
        con = self.connect()
        try:
            return role_of(con, self.user, network)
        finally:
            con.close()

    def _author(self, author):
        """Who a change is recorded as made by: the logged-in user, whatever the caller says."""
        return self.user.id if self.user is not None else author or None

    def grant(self, network, user_id, role):
        """Give ``user_id`` (an e-mail address or an OpenID Connect subject) the role ``role`` on
        ``network``, replacing the one they had; needs an owner. The last owner cannot be made
        less than an owner."""
        if role not in ROLES:
            raise NetmapError('"{value}" is not a role; use one of: {allowed}', value=role, allowed=", ".join(ROLES))
        who = user_key(user_id)
        if not who:
            raise NetmapError("say whom to share the network with (an e-mail address)")
        with self._tx() as con:
            self._head(con, network, "owner")
            if role != "owner":
                _keep_an_owner(con, network, who)
            con.execute(
                "INSERT INTO roles (network, user_id, role, granted_by, granted) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (network, user_id) DO UPDATE SET role = excluded.role, "
                "granted_by = excluded.granted_by, granted = excluded.granted",
                (network, who, role, self._author(None), _now()),
            )

    def withdraw(self, network, user_id):
        """Take away the role of ``user_id`` on ``network``; needs an owner. The last owner stays."""
        who = user_key(user_id)
        with self._tx() as con:
            self._head(con, network, "owner")
            _keep_an_owner(con, network, who)
            if con.execute("DELETE FROM roles WHERE network = ? AND user_id = ?", (network, who)).rowcount == 0:
                raise NetmapError('{user} has no role on the network "{name}"', user=who, name=network)

    def roles(self, network):
        """``[(user_id, role, granted_by, granted), ...]`` of a network, by user."""
        con = self.connect()
        try:
            self._head(con, network)
            sql = "SELECT user_id, role, granted_by, granted FROM roles WHERE network = ? ORDER BY user_id"
            return [tuple(r) for r in con.execute(sql, (network,)).fetchall()]
        finally:
            con.close()

    # --- connections ----------------------------------------------------------
    def connect(self):
        """A new sqlite3 connection (WAL, synchronous=FULL, foreign keys on, autocommit)."""
        return connect(self.path)

    class _Tx:
        def __init__(self, ws):
            self.con = ws.connect()

        def __enter__(self):
            self.con.execute("BEGIN IMMEDIATE")
            return self.con

        def __exit__(self, exc_type, exc, tb):
            try:
                if exc_type is None:
                    self.con.execute("COMMIT")
                elif self.con.in_transaction:  # SQLite may have rolled back already (an I/O error)
                    self.con.execute("ROLLBACK")
            finally:
                self.con.close()
            return False

    def _tx(self):
        """One write transaction: ``with ws._tx() as con: ...``."""
        return Workspace._Tx(self)

    def _read(self, sql, params=()):
        con = self.connect()
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    # --- settings --------------------------------------------------------------
    def get_setting(self, key, default=None):
        rows = self._read("SELECT value FROM settings WHERE key = ?", (key,))
        return rows[0][0] if rows else default

    def set_setting(self, key, value):
        with self._tx() as con:
            con.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # --- networks --------------------------------------------------------------
    def seed_samples(self):
        """Add the sample networks that are not there yet; returns the names added."""
        added = []
        for name in SAMPLES:
            if (SAMPLES_DIR / name).is_dir() and name not in self.names():
                added.append(self.add_sample(name))
        self.set_setting("seeded", "1")
        return added

    def add_sample(self, sample, name=None):
        """Add a copy of the sample network ``sample`` (one of :data:`SAMPLES`) as a network of
        its own, called ``name`` (the app gives the sample's title in the user's language) or, by
        default, the sample's own name; ``København 2`` when ``København`` is taken. Returns the
        name it got. The copy is the user's to change: the sample stays."""
        if sample not in SAMPLES:
            raise NetmapError('there is no sample network "{name}"', name=sample)
        net = placed(read_network(SAMPLES_DIR / sample))  # saved positions: the first map is the one kept
        name = self.free_name((name or "").strip() or sample)
        self.create(name, net)
        return name

    def free_name(self, base):
        """``base``, or ``base 2``, ``base 3``, ... when it is taken (by anyone: names are unique
        in the workspace)."""
        taken = {r[0] for r in self._read("SELECT name FROM networks")}
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base} {n}"
        return name

    def names(self):
        """Names of the networks, sorted case-insensitively: those :attr:`user` has a role on
        (all of them without a user and for an administrator)."""
        if self.user is None or self.user.is_admin:
            return [r[0] for r in self._read("SELECT name FROM networks ORDER BY lower(name), name")]
        sql = "SELECT name FROM networks WHERE name IN (SELECT network FROM roles WHERE user_id = ?)"
        return [r[0] for r in self._read(sql + " ORDER BY lower(name), name", (self.user.id,))]

    def _head(self, con, name, need="viewer"):
        """``(head, last)`` of a network, once :attr:`user` is known to have the role ``need`` on it."""
        row = con.execute("SELECT head, last FROM networks WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise NetmapError('there is no network "{name}" in the workspace', name=name)
        check_role(con, self.user, name, need)
        return row

    def revision(self, name):
        """The current revision number of a network."""
        con = self.connect()
        try:
            return self._head(con, name)[0]
        finally:
            con.close()

    def document(self, name, revision=None):
        """The canonical JSON text of a network at its current revision (or at ``revision``)."""
        con = self.connect()
        try:
            head = self._head(con, name)[0]
            rev = head if revision is None else revision
            row = con.execute("SELECT doc FROM revisions WHERE network = ? AND rev = ?", (name, rev)).fetchone()
        finally:
            con.close()
        if row is None:
            raise NetmapError('there is no network "{name}" in the workspace', name=f"{name}@{rev}")
        return row[0]

    def load(self, name, revision=None):
        """The network at its current revision (or at ``revision``), named as in the workspace."""
        net = network_from_json(json.loads(self.document(name, revision)), name)
        net.name = name
        return net

    def history(self, name):
        """``[(rev, saved, is_head), ...]`` oldest first."""
        con = self.connect()
        try:
            head = self._head(con, name)[0]
            rows = con.execute("SELECT rev, saved FROM revisions WHERE network = ? ORDER BY rev", (name,)).fetchall()
        finally:
            con.close()
        return [(rev, saved, rev == head) for rev, saved in rows]

    def revisions(self, name, limit=None, offset=0, documents=False):
        """``[(rev, saved, author), ...]`` of a network, newest first: ``limit`` of them (all when
        None) after skipping the ``offset`` newest; with ``documents``, each with its canonical
        JSON text and its note (:meth:`note`'s text, or None) last."""
        con = self.connect()
        try:
            self._head(con, name)
            return con.execute(
                f"SELECT rev, saved, author{', doc, note' if documents else ''} FROM revisions WHERE network = ? "
                "ORDER BY rev DESC LIMIT ? OFFSET ?",
                (name, 2**62 if limit is None else limit, offset),  # "no limit" that PostgreSQL takes too
            ).fetchall()
        finally:
            con.close()

    def note(self, name, revision):
        """How the app made ``revision`` (a dict, e.g. ``{"merge": [kept id, merged id]}``), or
        None when it said nothing (see :meth:`save`)."""
        self.require(name)
        rows = self._read("SELECT note FROM revisions WHERE network = ? AND rev = ?", (name, revision))
        return read_note(rows[0][0]) if rows else None

    def count_revisions(self, name):
        """How many revisions of the network are stored."""
        self.require(name)
        return self._read("SELECT count(*) FROM revisions WHERE network = ?", (name,))[0][0]

    def restore(self, name, revision, expected_revision=None, author=None):
        """Make the content of ``revision`` the current network, as a new revision (the one it
        replaces stays in the history); returns the new revision, or the current one when it
        already has that content. The stale-edit check of :meth:`save` applies."""
        return self.save(name, self.load(name, revision), expected_revision=expected_revision, author=author)

    def create(self, name, net, author=None, lang=None):
        """Add a new network (revision 1) called ``name`` (whatever name the network had in its file),
        saved by ``author`` (None when unknown; the user when there is one, who becomes its owner), in language ``lang`` (one of
        :data:`netmap.i18n.LANGS`, or None: not said); raises NetmapError if the name is taken."""
        name = (name or "").strip()
        if not name:
            raise NetmapError("a network needs a name")
        if lang is not None and lang not in LANGS:
            raise NetmapError(
                '"{value}" is not a language netmap speaks; use one of: {allowed}', value=lang, allowed=", ".join(LANGS)
            )
        if self.user is not None and not self.user.id:
            raise PermissionDenied(self.user, name, "viewer")
        doc = _dump(validate(net), name)
        with self._tx() as con:
            if con.execute("SELECT 1 FROM networks WHERE name = ?", (name,)).fetchone():
                raise NetmapError('a network "{name}" already exists', name=name)
            con.execute(
                "INSERT INTO networks (name, head, last, created, lang) VALUES (?, 1, 1, ?, ?)", (name, _now(), lang)
            )
            con.execute(
                "INSERT INTO revisions (network, rev, doc, saved, author) VALUES (?, 1, ?, ?, ?)",
                (name, doc, _now(), self._author(author)),
            )
            if self.user is not None:
                con.execute(
                    "INSERT INTO roles (network, user_id, role, granted_by, granted) VALUES (?, ?, 'owner', ?, ?)",
                    (name, self.user.id, self.user.id, _now()),
                )
        return 1

    def language(self, name):
        """The language of a network (``en`` or ``da``), or None when it was not said."""
        con = self.connect()
        try:
            self._head(con, name)
            return con.execute("SELECT lang FROM networks WHERE name = ?", (name,)).fetchone()[0]
        finally:
            con.close()

    def save(self, name, net, expected_revision=None, author=None, note=None):
        """Validate ``net`` and store it as the new current revision, saved by ``author`` (None
        when unknown), with ``note`` (a dict of how the app made it, where the content cannot
        tell, e.g. ``{"merge": [kept id, merged id]}``; :meth:`note`); returns its number
        (:meth:`save_validated` also returns the network).

        Revisions after the current one (the redo branch) are dropped. A save
        equal to the current revision stores nothing and returns the current
        number. Raises :class:`StaleEditError` when ``expected_revision`` is
        given and is not the current revision, and InputError when ``net`` is
        invalid; in both cases nothing changes.
        """
        return self.save_validated(name, net, expected_revision, author, note)[0]

    def save_validated(self, name, net, expected_revision=None, author=None, note=None):
        """:meth:`save`, returning ``(revision, the validated network)``: the network that
        :meth:`load` of that revision gives (but for its ``name``), without parsing it again."""
        valid = validate(net)
        doc = _dump(valid, name)
        with self._tx() as con:
            head, last = self._head(con, name, "editor")
            _check_stale(name, head, expected_revision)
            current = con.execute("SELECT doc FROM revisions WHERE network = ? AND rev = ?", (name, head)).fetchone()
            if current and current[0] == doc:
                return head, valid
            con.execute("DELETE FROM revisions WHERE network = ? AND rev > ?", (name, head))
            rev = last + 1
            con.execute(
                "INSERT INTO revisions (network, rev, doc, saved, author, note) VALUES (?, ?, ?, ?, ?, ?)",
                (name, rev, doc, _now(), self._author(author), None if note is None else json.dumps(note)),
            )
            con.execute("UPDATE networks SET head = ?, last = ? WHERE name = ?", (rev, rev, name))
        return rev, valid

    def _move(self, name, back, expected_revision):
        with self._tx() as con:
            head, _ = self._head(con, name, "editor")
            _check_stale(name, head, expected_revision)
            to, other = self._step(con, name, head, back)
            # a colleague saved, undid or redid since the buttons were drawn
            if other is not None and back:
                raise NetmapError(
                    "the last change was made by someone else ({who}): Undo takes back only your own changes; History can restore an earlier version",
                    who=other or "?",
                )
            if other is not None:
                raise NetmapError(
                    "the change to redo was made by someone else ({who}): Redo brings back only your own changes",
                    who=other or "?",
                )
            if to is not None:
                con.execute("UPDATE networks SET head = ? WHERE name = ?", (to, name))
            return to

    def _step(self, con, name, head, back):
        """``(revision, other)``: the revision an undo (``back``) or a redo moves the head to (None
        when there is none), and, with a user, who else made the change it takes back (undo:
        the current revision; redo: the next one), else None (``""`` when nobody is recorded).
        One person's Undo never takes back a colleague's change; the personal app (no user)
        undoes every change."""
        rows = con.execute(
            "SELECT rev, author FROM revisions WHERE network = ? AND "
            + ("rev <= ? ORDER BY rev DESC LIMIT 2" if back else "rev > ? ORDER BY rev LIMIT 1"),
            (name, head),
        ).fetchall()
        if back:
            if len(rows) < 2:
                return None, None
            to, author = rows[1][0], rows[0][1]
        else:
            if not rows:
                return None, None
            to, author = rows[0]
        mine = self.user is None or author == self.user.id
        return to, None if mine else author or ""

    def undo(self, name, expected_revision=None):
        """Go back one revision; returns the new current revision, or None at the start. With a
        user, only their own change is undone (:meth:`blocked`)."""
        return self._move(name, True, expected_revision)

    def redo(self, name, expected_revision=None):
        """Go forward one revision after an undo; returns it, or None when there is none."""
        return self._move(name, False, expected_revision)

    def blocked(self, name, undo=True):
        """Who else made the change that an undo (or a redo) would take back, when it is not the
        user's own (``""`` when nobody is recorded); None when the user may."""
        return self._peek(name, undo)[1]

    def can_undo(self, name):
        to, other = self._peek(name, True)
        return to is not None and other is None

    def can_redo(self, name):
        to, other = self._peek(name, False)
        return to is not None and other is None

    def _peek(self, name, back):
        """:meth:`_step` from the current revision, changing nothing."""
        con = self.connect()
        try:
            head, _ = self._head(con, name)
            return self._step(con, name, head, back)
        finally:
            con.close()

    def rename(self, old, new):
        """Rename a network (its history, snapshots and roles go with it); needs an owner."""
        new = (new or "").strip()
        if not new:
            raise NetmapError("a network needs a name")
        with self._tx() as con:
            self._head(con, old, "owner")
            if con.execute("SELECT 1 FROM networks WHERE name = ?", (new,)).fetchone():
                raise NetmapError('a network "{name}" already exists', name=new)
            con.execute("UPDATE networks SET name = ? WHERE name = ?", (new, old))
            for table in ("snapshots", *SURVEY_TABLES):
                if has_table(con, table):
                    con.execute(f"UPDATE {table} SET network = ? WHERE network = ?", (new, old))

    def purge(self, name):
        """Delete a network with its whole history, its snapshots, its roles and its survey rounds
        with their answers (personal data); needs an owner."""
        with self._tx() as con:
            if self.user is not None:
                check_role(con, self.user, name, "owner")
            con.execute("DELETE FROM roles WHERE network = ?", (name,))
            con.execute("DELETE FROM revisions WHERE network = ?", (name,))
            con.execute("DELETE FROM networks WHERE name = ?", (name,))
            for table in ("snapshots", *SURVEY_TABLES):
                if has_table(con, table):
                    con.execute(f"DELETE FROM {table} WHERE network = ?", (name,))
        con = self.connect()
        try:  # give the freed space back, so deleted text does not linger in the file or tables
            if isinstance(con, PgConnection):
                for table in ("revisions", "networks", "snapshots", "roles", *SURVEY_TABLES):
                    if has_table(con, table):
                        con.execute(f"VACUUM FULL {table}")
            else:
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                con.execute("VACUUM")
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            con.close()


def _keep_an_owner(con, network, who):
    """Refuse to leave ``network`` without an owner by taking the owner role from ``who``."""
    owners = [r[0] for r in con.execute("SELECT user_id FROM roles WHERE network = ? AND role = 'owner'", (network,))]
    if owners == [who]:
        raise NetmapError(
            '{user} is the last owner of the network "{name}": make someone else an owner first', user=who, name=network
        )
