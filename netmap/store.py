"""The two places a workspace can live: a SQLite file (the default) or a PostgreSQL database
(``NETMAP_WORKSPACE=postgresql://...``, for teams with several app processes).

netmap's SQL is written once, for SQLite, with ``?`` parameters and portable statements
(``ON CONFLICT``, ``RETURNING``); :class:`PgConnection` gives a psycopg connection the small part
of sqlite3's interface the workspace uses. What differs is here and only here: how to connect,
how a write transaction takes the one writer lock, where the schema version is kept, and how
a table is looked up.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading

__all__ = ["is_url", "DB_ERRORS", "PgConnection", "pg_connect"]

_URL = re.compile(r"^postgres(ql)?://", re.I)


def is_url(location) -> bool:
    """Whether a workspace location is a PostgreSQL URL rather than a file path."""
    return bool(_URL.match(str(location)))


def _pg_errors():
    try:
        import psycopg
    except ImportError:  # psycopg is only needed for a PostgreSQL workspace
        return ()
    return (psycopg.Error,)


#: The errors a workspace's storage can raise (the command line turns them into one line).
DB_ERRORS = (sqlite3.Error, *_pg_errors())

#: Every write transaction on PostgreSQL takes this advisory lock, so writes are one at a time as
#: on SQLite (``BEGIN IMMEDIATE``): the revision numbering and the stale-edit check need no more.
_WRITER_LOCK = 0x6E65746D  # "netm"


class PgConnection:
    """A psycopg connection in autocommit mode that speaks the workspace's SQL. ``close()`` keeps
    an idle, healthy connection for the thread's next :func:`pg_connect` to the same URL (a new
    PostgreSQL connection costs several round trips; the workspace opens one per operation)."""

    backend = "postgresql"

    def __init__(self, con, url, fresh):
        self._con, self._url, self.fresh = con, url, fresh

    def execute(self, sql, params=()):
        statement = sql.strip().upper()
        if statement in ("BEGIN IMMEDIATE", "BEGIN EXCLUSIVE", "BEGIN"):
            self._con.execute("BEGIN")
            self._con.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITER_LOCK,))
            return _NoRows()
        return self._con.execute(sql.replace("%", "%%").replace("?", "%s"), tuple(params))

    def executescript(self, script):
        for statement in script.split(";\n"):
            if statement.strip():
                self.execute(statement)

    @property
    def in_transaction(self):
        from psycopg.pq import TransactionStatus

        return self._con.info.transaction_status != TransactionStatus.IDLE

    def close(self):
        idle = not self._con.closed and not self._con.broken and not self.in_transaction
        kept = _kept()
        if idle and self._url not in kept:
            kept[self._url] = self._con
        else:
            self._con.close()


class _NoRows:
    def fetchone(self):
        return None

    def fetchall(self):
        return []


_local = threading.local()
_inherited = []


def _kept():
    """This thread's idle connections, by URL."""
    if not hasattr(_local, "kept"):
        _local.kept = {}
    return _local.kept


def _forget_after_fork():
    """A forked child must not use, nor close, its parent's connections (they share the socket):
    it keeps them unused until it ends."""
    _inherited.extend(_kept().values())
    _kept().clear()


os.register_at_fork(after_in_child=_forget_after_fork)


def pg_connect(url, timeout):
    """A :class:`PgConnection` to ``url`` (this thread's idle one when there is one); waits at
    most ``timeout`` seconds for a lock. ``.fresh`` says whether it is a new connection."""
    import psycopg

    con = _kept().pop(url, None)
    fresh = con is None or con.closed or con.broken
    if fresh:
        con = psycopg.connect(url, autocommit=True, connect_timeout=max(1, int(timeout)))
        con.execute("SET client_min_messages = warning")  # no NOTICE for CREATE ... IF NOT EXISTS
    con.execute(f"SET lock_timeout = {int(timeout * 1000):d}")
    return PgConnection(con, url, fresh)
