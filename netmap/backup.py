"""Keeping a workspace safe: ``backup`` (SQLite's online backup, safe while the app is running),
``restore`` (the current file kept beside it first) and ``check`` (SQLite's integrity check, every
revision readable, every snapshot matching its checksum)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from .errors import NetmapError
from .i18n import Message
from .reading import network_from_json
from .store import DB_ERRORS, PgConnection, is_url
from .workspace import SCHEMA_VERSION, _version, connect, has_column, has_table, lock_wait, require_existing

__all__ = ["backup", "restore", "check"]


#: The tables of a workspace and their columns, in the order a copy writes them.
TABLES = {
    "networks": "name, head, last, created, lang",
    "revisions": "network, rev, doc, saved, author, note",
    "settings": "key, value",
    "snapshots": "id, network, label, date, saved_at, content, sha256, author",
    "roles": "network, user_id, role, granted_by, granted",
    "survey_rounds": "network, id, title, date, opened, closed, expires, retain_until, controller",
    "survey_respondents": "network, round, actor, name, token_hash, issued, revoked",
    "survey_answers": "network, round, respondent, doc, saved",
}


def backup(workspace, dest):
    """Copy the workspace to ``dest`` (a new SQLite file) while others may be using it; returns
    ``dest``. A SQLite workspace is copied by SQLite's online backup, a PostgreSQL one row by row
    in one read-only transaction, so the backup is one moment of the workspace either way."""
    require_existing(workspace)
    dest = Path(dest)
    if dest.exists():
        raise NetmapError("{path} exists already: choose a new file for the backup", path=str(dest))
    if not dest.parent.is_dir():
        raise NetmapError("no folder {path}", path=str(dest.parent))
    part = dest.with_name(dest.name + ".part")
    part.unlink(missing_ok=True)
    if is_url(workspace):
        _copy_rows(workspace, part)
    else:
        _copy(connect(workspace), part)
    os.replace(part, dest)  # a backup is there whole or not at all
    return dest


def restore(workspace, source):
    """Make the workspace a copy of the backup ``source``. The workspace as it was is first kept
    as a backup (beside the workspace file, or beside ``source`` for PostgreSQL), so a restore
    loses nothing; returns that backup's path."""
    source = Path(source)
    require_existing(source)
    problems = check(source)
    if problems:
        raise NetmapError(
            "{path} cannot be restored, nothing changed: {problem}",
            path=str(source),
            problem=problems[0],
        )
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    if is_url(workspace):
        kept = backup(workspace, source.with_name(f"before-restore-{stamp}.sqlite"))
        _restore_rows(source, workspace)
        return kept
    kept = None
    if Path(workspace).exists():
        kept = backup(workspace, Path(workspace).with_name(f"{Path(workspace).name}.before-restore-{stamp}"))
    src = _open_read_only(source)
    dst = sqlite3.connect(workspace, timeout=lock_wait())
    try:
        src.backup(dst)  # one transaction on the destination: all of the backup or nothing
    finally:
        dst.close()
        src.close()
    return kept


def check(workspace):
    """The problems found in a workspace, as messages (empty when it is sound)."""
    require_existing(workspace)
    try:
        con = connect(workspace) if is_url(workspace) else _open_read_only(workspace)
        try:
            return _problems(con)
        finally:
            con.close()
    except DB_ERRORS as exc:
        return [Message("not a netmap workspace, or damaged: restore a backup ({detail})", detail=str(exc))]


def _problems(con):
    found = []
    if not isinstance(con, PgConnection):  # PostgreSQL checks its own pages as it reads them
        found = [
            Message("SQLite integrity check: {detail}", detail=r[0]) for r in con.execute("PRAGMA integrity_check")
        ]
        found = [m for m in found if m.params["detail"] != "ok"]
    if not (has_table(con, "networks") and has_table(con, "revisions")):
        return found + [Message("not a netmap workspace (it holds no networks table): restore a backup")]
    version = _version(con)
    if version > SCHEMA_VERSION:
        found.append(Message("made by a newer netmap (schema {version}); update netmap", version=version))
    for network, rev, doc in con.execute("SELECT network, rev, doc FROM revisions ORDER BY network, rev"):
        try:
            network_from_json(json.loads(doc), network)
        except (ValueError, NetmapError) as exc:
            found.append(
                Message(
                    "network {network}, revision {rev} cannot be read: {detail}",
                    network=network,
                    rev=rev,
                    detail=str(exc),
                )
            )
    if has_table(con, "snapshots"):
        for sid, network, content, sha in con.execute("SELECT id, network, content, sha256 FROM snapshots ORDER BY id"):
            if hashlib.sha256(content.encode()).hexdigest() != sha:
                found.append(Message("snapshot {id} of {network} does not match its checksum", id=sid, network=network))
    return found


def _copy_rows(url, dest):
    """A PostgreSQL workspace into a new SQLite workspace file ``dest``, in one moment."""
    from .snapshots import SnapshotStore

    SnapshotStore(dest)  # the workspace's tables, its snapshots table and its schema version
    src, out = connect(url), connect(dest)
    try:
        src.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        out.execute("BEGIN IMMEDIATE")
        out.execute("DELETE FROM settings")  # the new file's own pseudonym key gives way to the copied one
        _copy_tables(src, out)
        out.execute("COMMIT")
        src.execute("COMMIT")
    finally:
        src.close()
        out.close()
    con = sqlite3.connect(dest)
    try:
        con.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    finally:
        con.close()


def _restore_rows(source, url):
    """Replace every row of the PostgreSQL workspace ``url`` by those of the backup ``source``,
    in one transaction."""
    from .snapshots import SnapshotStore

    SnapshotStore(url)  # the tables exist
    src, dst = _open_read_only(source), connect(url)
    try:
        dst.execute("BEGIN")
        for table in reversed(TABLES):
            dst.execute(f"DELETE FROM {table}")
        _copy_tables(src, dst)
        dst.execute(
            "SELECT setval(pg_get_serial_sequence('snapshots', 'id'), coalesce(max(id), 0) + 1, false) FROM snapshots"
        )
        dst.execute("COMMIT")
    except BaseException:
        if dst.in_transaction:
            dst.execute("ROLLBACK")
        raise
    finally:
        src.close()
        dst.close()


def _copy_tables(src, dst):
    """Every row of the workspace's tables from ``src`` into ``dst`` (a column that an older
    backup lacks stays empty)."""
    for table, columns in TABLES.items():
        if has_table(src, table):
            names = [c.strip() for c in columns.split(",") if has_column(src, table, c.strip())]
            marks = ", ".join("?" * len(names))
            for row in src.execute(f"SELECT {', '.join(names)} FROM {table}"):
                dst.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", tuple(row))


def _open_read_only(path):
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=lock_wait())


def _copy(src, dest):
    out = sqlite3.connect(dest)
    try:
        src.backup(out)
        out.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    finally:
        out.close()
        src.close()
