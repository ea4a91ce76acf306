"""``netmap snapshot save|list|show|export|import|rename|delete``: snapshots in the workspace."""

from __future__ import annotations

import argparse
import json

from ..i18n import _, date
from ..present import vocab
from ..present.terminal import safe_text
from ..privacy import workspace_key
from ..snapshots import SnapshotStore
from ..sources import load_input
from ..writing import write_network
from .analyze import PSEUDONYMISE_HELP

__all__ = ["add_commands"]


def _store(args, create=False):
    """The workspace's snapshots; only ``save`` and ``import`` may create the workspace."""
    return SnapshotStore(args.workspace, create=create)


def cmd_save(args):
    if args.input:
        net = load_input(*args.input, workspace=args.workspace)
    else:
        from ..workspace import Workspace

        net = Workspace(args.workspace, create=False).load(args.network)
    store = _store(args, create=True)
    sid = store.save(args.network, net, label=args.label, date=args.date)
    row = store.get(sid)
    print(_("saved snapshot {id} of {network} ({date})", args.lang, id=sid, network=args.network, date=row["date"]))
    return 0


def cmd_list(args):
    rows = _store(args).list(args.network)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(_("no snapshots", args.lang))
    for r in rows:
        print(safe_text(f"{r['id']:>5}  {r['network']}  {r['date']}  {r['label']}", keep=""))
    return 0


def cmd_show(args):
    store = _store(args)
    row = store.get(args.id)
    if args.json:
        print(json.dumps(json.loads(row["content"]), ensure_ascii=False, indent=2))
        return 0
    net = store.load(args.id)
    print(
        _(
            "snapshot {id} of {network}, {date}, {label}: {actors}, {ties} (saved {saved_at}, sha256 {sha})",
            args.lang,
            id=row["id"],
            network=row["network"],
            date=date(row["date"], args.lang),
            label=row["label"] or "-",
            actors=vocab.count("actors", len(net.actors), args.lang),
            ties=vocab.tie_count(net.ties, args.lang),
            saved_at=row["saved_at"],
            sha=row["sha256"][:12],
        )
    )
    return 0


def cmd_export(args):
    net = _store(args).load(args.id)
    key = workspace_key(args.workspace) if args.pseudonymise else None
    path = write_network(net, args.output, pseudonymise=args.pseudonymise, key=key, lang=args.lang)
    print(_("written: {path}", args.lang, path=path))
    return 0


def cmd_import(args):
    store = _store(args, create=True)
    for sid in store.import_series(args.network, args.files):
        row = store.get(sid)
        print(_("saved snapshot {id} of {network} ({date})", args.lang, id=sid, network=args.network, date=row["date"]))
    return 0


def cmd_rename(args):
    _store(args).rename(args.id, args.label)
    print(_("snapshot {id} is now labelled {label}", args.lang, id=args.id, label=args.label))
    return 0


def cmd_delete(args):
    _store(args).delete(args.id)
    print(_("deleted snapshot {id}", args.lang, id=args.id))
    return 0


def workspace_parent():
    """The ``--workspace PATH`` option of the commands that work on the workspace itself."""
    ws = argparse.ArgumentParser(add_help=False)
    ws.add_argument(
        "--workspace",
        metavar="PATH",
        default=None,
        help="the workspace file (default: NETMAP_WORKSPACE, else ~/.local/share/netmap/workspace.sqlite)",
    )
    return ws


def add_commands(sub, common, inputs_help):
    """Register ``python -m netmap snapshot save|list|show|export|import|rename|delete``."""
    ws = workspace_parent()
    p = sub.add_parser(
        "snapshot",
        help="dated, unchangeable copies of a network in the workspace",
        description="Snapshots are dated copies of a network kept in the workspace file. "
        "Their content and date never change; the label can. Compare two "
        "with: python -m netmap diff snapshot:NETWORK@ID snapshot:NETWORK@ID",
    )
    ssub = p.add_subparsers(dest="snapshot_command", required=True)

    s = ssub.add_parser("save", parents=[common, ws], help="save a snapshot of a workspace network")
    s.add_argument("network", metavar="NETWORK", help="the network's name in the workspace")
    s.add_argument("--label", default="", help="a label, e.g. 'after the workshops'")
    s.add_argument(
        "--date",
        default=None,
        metavar="YYYY-MM-DD",
        help="the date the snapshot describes (default: the network's date, else today)",
    )
    s.add_argument(
        "--input",
        nargs="+",
        metavar="INPUT",
        help="save this file or folder instead of the workspace network (" + inputs_help + ")",
    )
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
    s.add_argument(
        "-o", "--output", required=True, metavar="OUT", help=".json, .xlsx, .graphml, .gexf, or a folder for CSV"
    )
    s.add_argument("--pseudonymise", action="store_true", help=PSEUDONYMISE_HELP)
    s.set_defaults(func=cmd_export)

    s = ssub.add_parser(
        "import",
        parents=[common, ws],
        help="save files as a dated series (date from the JSON or YYYY-MM-DD in the name)",
    )
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
