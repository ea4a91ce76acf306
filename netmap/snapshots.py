"""Snapshots: dated, labelled, unchangeable copies of a network in the workspace file."""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import re
from dataclasses import replace
from pathlib import Path

from .errors import InputError, NetmapError
from .i18n import _
from .model import Actor, Network, Tie, validate
from .reading import read_network
from .review import review_from_json
from .workspace import connect, default_path, prepare
from .writing import to_json

__all__ = ["SnapshotStore", "SAMPLE_SERIES", "import_sample_series"]

#: The illustrative Copenhagen series shipped with netmap (sample_networks/README.md).
SAMPLE_SERIES = Path(__file__).resolve().parent.parent / "sample_networks" / "copenhagen_series"
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")

_SCHEMA = """
BEGIN IMMEDIATE;
CREATE TABLE IF NOT EXISTS snapshots (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: snapshot:NETWORK@ID stays valid
    network TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    content TEXT NOT NULL,
    sha256 TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS snapshots_network ON snapshots (network, date);
CREATE TRIGGER IF NOT EXISTS snapshots_immutable
BEFORE UPDATE ON snapshots
WHEN NEW.id IS NOT OLD.id OR NEW.date IS NOT OLD.date
  OR NEW.saved_at IS NOT OLD.saved_at OR NEW.content IS NOT OLD.content
  OR NEW.sha256 IS NOT OLD.sha256
BEGIN
    SELECT RAISE(ABORT, 'a snapshot cannot be changed after it is saved (only its label)');
END;
COMMIT;
"""


def _check_date(value):
    try:
        return _dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InputError('the date "{value}" is not an ISO date (YYYY-MM-DD)', value=str(value)) from None


class SnapshotStore:
    """The ``snapshots`` table of a workspace SQLite file.

    ``path`` is the workspace file (default: NETMAP_WORKSPACE, else the
    workspace's default path). A snapshot's date, content, checksum and
    save time never change once saved: a trigger aborts such an update, and
    :meth:`load` checks the checksum. The label can be changed and a
    snapshot deleted; the network name follows a rename of the network in
    the workspace. Ids are SQLite row ids, stable once given.
    """

    def __init__(self, path=None):
        self.path = str(path or default_path())
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        prepare(self.path)  # the workspace's tables and migrations; a newer file is refused
        con = connect(self.path)
        try:
            con.executescript(_SCHEMA)
        finally:
            con.close()

    @contextlib.contextmanager
    def _db(self):
        """A short-lived connection of the workspace (:func:`netmap.workspace.connect`) in one
        transaction: commits on success, rolls back on error, always closes."""
        con = connect(self.path)
        try:
            con.execute("BEGIN IMMEDIATE")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
        finally:
            con.close()

    def save(self, network, net, label="", date=None):
        """Save a copy of ``net`` under the network name ``network``; returns the new id.

        The date is ``date``, else the network's own date, else today (UTC);
        the stored copy carries that date.
        """
        date = _check_date(date or net.date or _dt.datetime.now(_dt.UTC).date().isoformat())
        net = validate(replace(net, date=date))  # checked once here, so load() can trust the content
        content = json.dumps(to_json(net), ensure_ascii=False, sort_keys=True)
        saved_at = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        with self._db() as con:
            cur = con.execute(
                "INSERT INTO snapshots (network, label, date, saved_at, content, sha256) VALUES (?, ?, ?, ?, ?, ?)",
                (network, label or "", date, saved_at, content, hashlib.sha256(content.encode()).hexdigest()),
            )
            return cur.lastrowid

    def list(self, network=None):
        """Snapshots (without content), oldest date first: dicts of id, network, label, date, saved_at, sha256."""
        sql = "SELECT id, network, label, date, saved_at, sha256 FROM snapshots"
        args = ()
        if network is not None:
            sql, args = sql + " WHERE network = ?", (network,)
        with self._db() as con:
            rows = con.execute(sql + " ORDER BY network, date, id", args).fetchall()
        keys = ("id", "network", "label", "date", "saved_at", "sha256")
        return [dict(zip(keys, r, strict=False)) for r in rows]

    def networks(self):
        """Names of the networks that have snapshots."""
        with self._db() as con:
            return [r[0] for r in con.execute("SELECT DISTINCT network FROM snapshots ORDER BY network")]

    def get(self, snapshot_id, network=None):
        """One snapshot as a dict with its ``content`` (text); InputError if it does not exist."""
        with self._db() as con:
            row = con.execute(
                "SELECT id, network, label, date, saved_at, sha256, content FROM snapshots WHERE id = ?",
                (int(snapshot_id),),
            ).fetchone()
        if row is None or (network is not None and row[1] != network):
            if network is not None:
                raise InputError(
                    "no snapshot {id} of network {network} (see: snapshot list {network})",
                    id=snapshot_id,
                    network=network,
                )
            raise InputError("no snapshot {id} in the workspace (see: snapshot list)", id=snapshot_id)
        return dict(zip(("id", "network", "label", "date", "saved_at", "sha256", "content"), row, strict=False))

    def load(self, snapshot_id, network=None):
        """The Network saved in a snapshot (checked against its checksum)."""
        row = self.get(snapshot_id, network)
        if hashlib.sha256(row["content"].encode()).hexdigest() != row["sha256"]:
            raise NetmapError("snapshot {id} does not match its checksum; it was changed outside netmap", id=row["id"])
        # Validated when saved and unchanged since (checksum): built directly, which is
        # three times faster than re-reading it as input.
        doc = json.loads(row["content"])
        return Network(
            actors=[Actor(**a) for a in doc["actors"]],
            ties=[Tie(**dict(t, strength=float(t["strength"]))) for t in doc["ties"]],
            name=doc["name"],
            date=doc["date"],
            review=review_from_json(doc.get("review"), f"snapshot {row['id']}"),  # absent in older snapshots
        )

    def rename(self, snapshot_id, label):
        """Change a snapshot's label (the only thing that can change)."""
        self.get(snapshot_id)
        with self._db() as con:
            con.execute("UPDATE snapshots SET label = ? WHERE id = ?", (label, int(snapshot_id)))

    def delete(self, snapshot_id):
        self.get(snapshot_id)
        with self._db() as con:
            con.execute("DELETE FROM snapshots WHERE id = ?", (int(snapshot_id),))

    def import_series(self, network, paths, label_format=None):
        """Save each file of ``paths`` as a snapshot of ``network``; returns the ids, oldest first.

        A file's date is its JSON ``date``, else an ISO date (YYYY-MM-DD) in
        its file name; its label is the rest of the file name (or the
        network's name). ``label_format`` (e.g. ``"{label} (illustrative)"``)
        wraps each label. All files are read before any is saved.
        """
        items = []
        for p in paths:
            p = Path(p)
            net = read_network(p)
            match = _ISO_DATE.search(p.stem if p.is_file() else p.name)
            date = net.date or (match.group(1) if match else None)
            if not date:
                raise InputError('no date: the JSON has no "date" and the file name has no YYYY-MM-DD', str(p))
            label = p.stem if p.is_file() else p.name
            if match:
                label = label.replace(match.group(1), "")
            label = label.strip(" _-.") or net.name
            items.append((_check_date(date), label_format.format(label=label) if label_format else label, net))
        items.sort(key=lambda item: item[0])
        return [self.save(network, net, label=label, date=date) for date, label, net in items]

    def series(self, network):
        """``[(row, Network)]`` of a network's snapshots, oldest first."""
        return [(row, self.load(row["id"])) for row in self.list(network)]


def import_sample_series(store, network="copenhagen_sample", lang="en"):
    """Import the illustrative Copenhagen series (three dated snapshots); returns the ids."""
    files = sorted(SAMPLE_SERIES.glob("*.json"))
    return store.import_series(network, files, label_format=_("{label} (illustrative)", lang, label="{label}"))
