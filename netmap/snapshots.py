"""Snapshots: dated, labelled, unchangeable copies of a network in the workspace file."""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import hashlib
import json
import re
import sqlite3
from dataclasses import replace
from pathlib import Path

from .errors import InputError, NetmapError
from .i18n import register, t
from .model import Actor, Network, Tie, validate
from .reading import read_network
from .workspace import default_path
from .writing import to_json, write_network

__all__ = ["SnapshotStore", "SAMPLE_SERIES", "import_sample_series", "add_cli"]

#: The illustrative Copenhagen series shipped with netmap (sample_networks/README.md).
SAMPLE_SERIES = Path(__file__).resolve().parent.parent / "sample_networks" / "copenhagen_series"
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")

_SCHEMA = """
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
"""

register({
    "snapshot_missing": {"en": "no snapshot {id} in the workspace (see: snapshot list)",
                         "da": "intet øjebliksbillede {id} i arbejdsområdet (se: snapshot list)"},
    "snapshot_missing_in": {"en": "no snapshot {id} of network {network} (see: snapshot list {network})",
                            "da": "intet øjebliksbillede {id} af netværket {network} (se: snapshot list {network})"},
    "snapshot_bad_date": {"en": 'the date "{value}" is not an ISO date (YYYY-MM-DD)',
                          "da": 'datoen "{value}" er ikke en ISO-dato (ÅÅÅÅ-MM-DD)'},
    "snapshot_no_date": {
        "en": 'no date: the JSON has no "date" and the file name has no YYYY-MM-DD',
        "da": 'ingen dato: JSON-filen har ingen "date", og filnavnet indeholder ingen ÅÅÅÅ-MM-DD'},
    "snapshot_corrupt": {"en": "snapshot {id} does not match its checksum; it was changed outside netmap",
                         "da": "øjebliksbillede {id} passer ikke med sin kontrolsum; det er ændret uden for netmap"},
    "snapshot_illustrative": {"en": "{label} (illustrative)", "da": "{label} (illustrativ)"},
    "cli_snapshot_saved": {"en": "saved snapshot {id} of {network} ({date})",
                           "da": "gemte øjebliksbillede {id} af {network} ({date})"},
    "cli_snapshot_renamed": {"en": "snapshot {id} is now labelled {label}",
                             "da": "øjebliksbillede {id} har nu etiketten {label}"},
    "cli_snapshot_deleted": {"en": "deleted snapshot {id}", "da": "slettede øjebliksbillede {id}"},
    "cli_snapshot_none": {"en": "no snapshots", "da": "ingen øjebliksbilleder"},
    "cli_snapshot_show": {"en": "snapshot {id} of {network}, {date}, {label}: {actors} actors, {ties} ties "
                                "(saved {saved_at}, sha256 {sha})",
                          "da": "øjebliksbillede {id} af {network}, {date}, {label}: {actors} aktører, "
                                "{ties} relationer (gemt {saved_at}, sha256 {sha})"},
})


def _check_date(value):
    try:
        return _dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InputError("snapshot_bad_date", value=str(value)) from None


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
        with self._db() as con:
            con.executescript(_SCHEMA)

    @contextlib.contextmanager
    def _db(self):
        """A short-lived connection: commits on success, rolls back on error, always closes."""
        con = sqlite3.connect(self.path, timeout=10)
        try:
            with con:
                yield con
        finally:
            con.close()

    def save(self, network, net, label="", date=None):
        """Save a copy of ``net`` under the network name ``network``; returns the new id.

        The date is ``date``, else the network's own date, else today (UTC);
        the stored copy carries that date.
        """
        date = _check_date(date or net.date or _dt.datetime.now(_dt.timezone.utc).date().isoformat())
        net = validate(replace(net, date=date))  # checked once here, so load() can trust the content
        content = json.dumps(to_json(net), ensure_ascii=False, sort_keys=True)
        saved_at = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
        with self._db() as con:
            cur = con.execute(
                "INSERT INTO snapshots (network, label, date, saved_at, content, sha256) VALUES (?, ?, ?, ?, ?, ?)",
                (network, label or "", date, saved_at, content, hashlib.sha256(content.encode()).hexdigest()))
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
        return [dict(zip(keys, r)) for r in rows]

    def networks(self):
        """Names of the networks that have snapshots."""
        with self._db() as con:
            return [r[0] for r in con.execute("SELECT DISTINCT network FROM snapshots ORDER BY network")]

    def get(self, snapshot_id, network=None):
        """One snapshot as a dict with its ``content`` (text); InputError if it does not exist."""
        with self._db() as con:
            row = con.execute("SELECT id, network, label, date, saved_at, sha256, content FROM snapshots "
                              "WHERE id = ?", (int(snapshot_id),)).fetchone()
        if row is None or (network is not None and row[1] != network):
            if network is not None:
                raise InputError("snapshot_missing_in", id=snapshot_id, network=network)
            raise InputError("snapshot_missing", id=snapshot_id)
        return dict(zip(("id", "network", "label", "date", "saved_at", "sha256", "content"), row))

    def load(self, snapshot_id, network=None):
        """The Network saved in a snapshot (checked against its checksum)."""
        row = self.get(snapshot_id, network)
        if hashlib.sha256(row["content"].encode()).hexdigest() != row["sha256"]:
            raise NetmapError("snapshot_corrupt", id=row["id"])
        # Validated when saved and unchanged since (checksum): built directly, which is
        # three times faster than re-reading it as input.
        doc = json.loads(row["content"])
        return Network(actors=[Actor(**a) for a in doc["actors"]],
                       ties=[Tie(**dict(t, strength=float(t["strength"]))) for t in doc["ties"]],
                       name=doc["name"], date=doc["date"])

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
                raise InputError("snapshot_no_date", str(p))
            label = (p.stem if p.is_file() else p.name)
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
    return store.import_series(network, files, label_format=t("snapshot_illustrative", lang, label="{label}"))


# --- command line ---------------------------------------------------------------

def _store(args):
    return SnapshotStore(args.workspace)


def cmd_save(args):
    if args.input:
        net = read_network(*args.input)
    else:
        from .workspace import Workspace

        net = Workspace(args.workspace).load(args.network)
    store = _store(args)
    sid = store.save(args.network, net, label=args.label, date=args.date)
    row = store.get(sid)
    print(t("cli_snapshot_saved", args.lang, id=sid, network=args.network, date=row["date"]))
    return 0


def cmd_list(args):
    rows = _store(args).list(args.network)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(t("cli_snapshot_none", args.lang))
    for r in rows:
        print(f"{r['id']:>5}  {r['network']}  {r['date']}  {r['label']}")
    return 0


def cmd_show(args):
    store = _store(args)
    row = store.get(args.id)
    if args.json:
        print(json.dumps(json.loads(row["content"]), ensure_ascii=False, indent=2))
        return 0
    net = store.load(args.id)
    print(t("cli_snapshot_show", args.lang, id=row["id"], network=row["network"], date=row["date"],
            label=row["label"] or "-", actors=len(net.actors), ties=len(net.ties),
            saved_at=row["saved_at"], sha=row["sha256"][:12]))
    return 0


def cmd_export(args):
    net = _store(args).load(args.id)
    path = write_network(net, args.output, pseudonymise=args.pseudonymise)
    print(t("cli_written", args.lang, path=path))
    return 0


def cmd_import(args):
    store = _store(args)
    for sid in store.import_series(args.network, args.files):
        row = store.get(sid)
        print(t("cli_snapshot_saved", args.lang, id=sid, network=args.network, date=row["date"]))
    return 0


def cmd_rename(args):
    _store(args).rename(args.id, args.label)
    print(t("cli_snapshot_renamed", args.lang, id=args.id, label=args.label))
    return 0


def cmd_delete(args):
    _store(args).delete(args.id)
    print(t("cli_snapshot_deleted", args.lang, id=args.id))
    return 0


def add_cli(sub, common, inputs_help):
    """Register ``python -m netmap snapshot save|list|show|export|import|rename|delete``."""
    ws = argparse.ArgumentParser(add_help=False)
    ws.add_argument("--workspace", metavar="PATH", default=None,
                    help="the workspace file (default: NETMAP_WORKSPACE, else ~/.local/share/netmap/workspace.sqlite)")
    p = sub.add_parser("snapshot", help="dated, unchangeable copies of a network in the workspace",
                       description="Snapshots are dated copies of a network kept in the workspace file. "
                                   "Their content and date never change; the label can. Compare two "
                                   "with: python -m netmap diff snapshot:NETWORK@ID snapshot:NETWORK@ID")
    ssub = p.add_subparsers(dest="snapshot_command", required=True)

    s = ssub.add_parser("save", parents=[common, ws], help="save a snapshot of a workspace network")
    s.add_argument("network", metavar="NETWORK", help="the network's name in the workspace")
    s.add_argument("--label", default="", help="a label, e.g. 'after the workshops'")
    s.add_argument("--date", default=None, metavar="YYYY-MM-DD",
                   help="the date the snapshot describes (default: the network's date, else today)")
    s.add_argument("--input", nargs="+", metavar="INPUT",
                   help="save this file or folder instead of the workspace network (" + inputs_help + ")")
    s.set_defaults(func=cmd_save)

    s = ssub.add_parser("list", parents=[common, ws], help="list snapshots, oldest first")
    s.add_argument("network", nargs="?", metavar="NETWORK", help="only this network's snapshots")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_list)

    s = ssub.add_parser("show", parents=[common, ws], help="describe one snapshot (--json: its network)")
    s.add_argument("id", type=int, metavar="ID")
    s.add_argument("--json", action="store_true", help="print the canonical JSON of the network")
    s.set_defaults(func=cmd_show)

    s = ssub.add_parser("export", parents=[common, ws], help="write a snapshot's network to a file")
    s.add_argument("id", type=int, metavar="ID")
    s.add_argument("-o", "--output", required=True, metavar="OUT",
                   help=".json, .xlsx, .graphml, .gexf, or a folder for CSV")
    s.add_argument("--pseudonymise", action="store_true", help="replace citizens' names by pseudonyms")
    s.set_defaults(func=cmd_export)

    s = ssub.add_parser("import", parents=[common, ws],
                        help="save files as a dated series (date from the JSON or YYYY-MM-DD in the name)")
    s.add_argument("network", metavar="NETWORK", help="the network name to file them under")
    s.add_argument("files", nargs="+", metavar="FILE", help="one network per file (or CSV folder)")
    s.set_defaults(func=cmd_import)

    s = ssub.add_parser("rename", parents=[common, ws], help="change a snapshot's label")
    s.add_argument("id", type=int, metavar="ID")
    s.add_argument("label", metavar="LABEL")
    s.set_defaults(func=cmd_rename)

    s = ssub.add_parser("delete", parents=[common, ws], help="delete a snapshot")
    s.add_argument("id", type=int, metavar="ID")
    s.set_defaults(func=cmd_delete)

