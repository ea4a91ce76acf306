"""``netmap diff OLD NEW``: what changed between two versions of a network."""

from __future__ import annotations

import json

from ..compare import compare
from ..present import vocab
from ..present.diff import diff_text
from ..present.terminal import safe_text
from ..privacy import Pseudonymiser, workspace_key
from ..sources import load_input
from .analyze import KEY_WORKSPACE_HELP, PSEUDONYMISE_HELP

__all__ = ["add_commands"]


def cmd_diff(args):
    old = load_input(args.old, workspace=args.workspace)
    new = load_input(args.new, workspace=args.workspace)
    if args.pseudonymise:  # one key and the citizens of both versions, scrubbed from both
        scrub = Pseudonymiser(old, new, key=workspace_key(args.workspace))
        old, new = scrub.network(old), scrub.network(new)
    custom = old.attribute_names() + new.attribute_names()
    diff = compare(old, new, group_by=vocab.group_field(args.group_by, custom, args.lang))
    if args.json:
        print(json.dumps(diff, ensure_ascii=False, indent=2))
    else:
        names = {a.id: a.label for a in old.actors}
        names.update((a.id, a.label) for a in new.actors)
        print(safe_text(diff_text(diff, args.lang, names)))
    return 0


def add_commands(sub, common, inputs_help):
    """Register ``python -m netmap diff OLD NEW``."""
    p = sub.add_parser(
        "diff",
        parents=[common],
        help="what changed between two versions of a network",
        description="Compare two versions of a network. OLD and NEW are each a .json/.xlsx/"
        ".graphml/.gexf file, a folder with actors.csv and ties.csv, a saved "
        "snapshot written snapshot:NETWORK@ID (see `snapshot list`), or a network of the "
        "workspace written workspace:NAME (its current revision) or workspace:NAME@REVISION.",
    )
    p.add_argument(
        "old",
        metavar="OLD",
        help="the earlier network: a file, a CSV folder, snapshot:NETWORK@ID or workspace:NAME@REVISION",
    )
    p.add_argument(
        "new",
        metavar="NEW",
        help="the later network: a file, a CSV folder, snapshot:NETWORK@ID or workspace:NAME[@REVISION]",
    )
    p.add_argument(
        "--workspace",
        metavar="PATH",
        default=None,
        help=KEY_WORKSPACE_HELP,
    )
    p.add_argument("--group-by", default="sector", metavar="ATTR", help="group attribute (default: sector)")
    p.add_argument("--json", action="store_true", help="print the comparison as JSON")
    p.add_argument("--pseudonymise", action="store_true", help=PSEUDONYMISE_HELP)
    p.set_defaults(func=cmd_diff)
