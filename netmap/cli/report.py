"""``netmap report INPUT... -o OUT``: the meeting report as a .docx, .pdf or .html file."""

from __future__ import annotations

from ..i18n import _
from .analyze import KEY_WORKSPACE_HELP, PSEUDONYMISE_HELP

__all__ = ["add_commands"]


def cmd_report(args):
    from ..privacy import workspace_key
    from ..report import build_report, check_output, write_report
    from ..sources import load_input

    out = check_output(args.output)  # a wrong suffix or folder: one line, nothing read or written
    net = load_input(*args.inputs, workspace=args.workspace)
    earlier = [load_input(spec, workspace=args.workspace) for spec in args.compare_to or ()]
    key = workspace_key(args.workspace) if args.pseudonymise else None
    report = build_report(net, args.lang, earlier, pseudonymise=args.pseudonymise, key=key, survey=_partners(args))
    write_report(report, out)
    print(_("written: {path}", args.lang, path=out))
    return 0


def _partners(args):
    """The partners' own view (the newest closed survey round) for a network of the workspace
    (``workspace:NAME``); None for a file or a snapshot."""
    from ..sources import workspace_name
    from ..survey import latest_results
    from ..workspace import Workspace

    name = workspace_name(args.inputs[0]) if len(args.inputs) == 1 else None
    return None if name is None else latest_results(Workspace(args.workspace, create=False), name)


def add_commands(sub, common, inputs_help):
    """Register ``python -m netmap report INPUT... -o OUT``."""
    p = sub.add_parser(
        "report",
        parents=[common],
        help="the meeting report: map, key figures, flags with advice (.docx, .pdf or .html)",
        description="Write a report for the steering group: the map with its legend, the key "
        "figures, each flag in plain words with what the partnership can do about it, the "
        "boundary spanners and the isolated actors; with --compare-to, what changed and the "
        "indicators over the versions. A4 with page numbers; the .docx can be edited, the "
        ".html prints and opens offline.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write: .docx, .pdf or .html")
    p.add_argument(
        "--compare-to",
        action="append",
        metavar="OLD",
        help="an earlier version (file, CSV folder or snapshot:NETWORK@ID); repeat it, oldest first, "
        "to chart the indicators over several versions. What changed is counted from the last one.",
    )
    p.add_argument("--pseudonymise", action="store_true", help=PSEUDONYMISE_HELP)
    p.add_argument("--workspace", default=None, metavar="PATH", help=KEY_WORKSPACE_HELP)
    p.set_defaults(func=cmd_report)
