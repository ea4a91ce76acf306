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
from .workspace import SCHEMA_VERSION, connect, lock_wait, require_existing

__all__ = ["backup", "restore", "check"]


def backup(workspace, dest):
    """Copy the workspace to ``dest`` (a new file) while others may be using it; returns ``dest``."""
    require_existing(workspace)
    dest = Path(dest)
    if dest.exists():
        raise NetmapError("{path} exists already: choose a new file for the backup", path=str(dest))
    if not dest.parent.is_dir():
        raise NetmapError("no folder {path}", path=str(dest.parent))
    part = dest.with_name(dest.name + ".part")
    _copy(connect(workspace), part)
    os.replace(part, dest)  # a backup is there whole or not at all
    return dest


def restore(workspace, source):
    """Make the workspace a copy of the backup ``source``. The current file is first kept beside
    it (``<name>.before-restore-<time>``), so a restore loses nothing; returns that path."""
    source = Path(source)
    require_existing(source)
    problems = check(source)
    if problems:
        raise NetmapError(
            "{path} cannot be restored, nothing changed: {problem}",
            path=str(source),
            problem=problems[0],
        )
    kept = None
    if Path(workspace).exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
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
    """The problems found in a workspace file, as messages (empty when it is sound)."""
    require_existing(workspace)
    try:
        con = _open_read_only(workspace)
        try:
            return _problems(con)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return [Message("not a netmap workspace, or damaged: restore a backup ({detail})", detail=str(exc))]


def _problems(con):
    found = [Message("SQLite integrity check: {detail}", detail=r[0]) for r in con.execute("PRAGMA integrity_check")]
    found = [m for m in found if m.params["detail"] != "ok"]
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"networks", "revisions"} <= tables:
        return found + [Message("not a netmap workspace (it holds no networks table): restore a backup")]
    version = con.execute("PRAGMA user_version").fetchone()[0]
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
    if "snapshots" in tables:
        for sid, network, content, sha in con.execute("SELECT id, network, content, sha256 FROM snapshots ORDER BY id"):
            if hashlib.sha256(content.encode()).hexdigest() != sha:
                found.append(Message("snapshot {id} of {network} does not match its checksum", id=sid, network=network))
    return found


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
