"""``netmap diff OLD NEW``: what changed between two versions of a network."""

from __future__ import annotations

import json

from ..compare import compare, load_input
from ..present.diff import diff_text
from ..present.terminal import safe_text

__all__ = ["add_commands"]


def cmd_diff(args):
    old = load_input(args.old, args.workspace)
    new = load_input(args.new, args.workspace)
    diff = compare(old, new, group_by=args.group_by)
    if args.json:
        print(json.dumps(diff, ensure_ascii=False, indent=2))
    else:
        print(safe_text(diff_text(diff, args.lang)))
    return 0


def add_commands(sub, common, inputs_help):
    """Register ``python -m netmap diff OLD NEW``."""
    p = sub.add_parser(
        "diff",
        parents=[common],
        help="what changed between two versions of a network",
        description="Compare two versions of a network. OLD and NEW are each a .json/.xlsx/"
        ".graphml/.gexf file, a folder with actors.csv and ties.csv, or a saved "
        "snapshot written snapshot:NETWORK@ID (see `snapshot list`).",
    )
    p.add_argument("old", metavar="OLD", help="the earlier network: a file, a CSV folder or snapshot:NETWORK@ID")
    p.add_argument("new", metavar="NEW", help="the later network: a file, a CSV folder or snapshot:NETWORK@ID")
    p.add_argument(
        "--workspace",
        metavar="PATH",
        default=None,
        help="workspace file for snapshot:NETWORK@ID (default: NETMAP_WORKSPACE, else ~/.local/share/netmap/workspace.sqlite)",
    )
    p.add_argument("--group-by", default="sector", metavar="ATTR", help="group attribute (default: sector)")
    p.add_argument("--json", action="store_true", help="print the comparison as JSON")
    p.set_defaults(func=cmd_diff)
