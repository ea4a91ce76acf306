"""``netmap export INPUT... -o map.html``: the interactive map as one offline HTML file."""

from __future__ import annotations

from ..errors import InputError
from ..i18n import _
from ..present import vocab
from ..privacy import workspace_key
from ..sources import load_input
from ..writing import write_text
from .analyze import KEY_WORKSPACE_HELP, PSEUDONYMISE_HELP

__all__ = ["add_commands"]


def _cmd_export(args):
    from ..export import export, export_compare

    out = args.output
    if not out.lower().endswith((".html", ".htm")):
        raise InputError('the map must be written to an .html file (got "{value}")', value=out)
    size_by = vocab.size_measure(args.size_by, args.lang)
    net = load_input(*args.inputs, workspace=args.workspace)
    key = workspace_key(args.workspace) if args.pseudonymise else None
    if args.compare_to:
        old = load_input(args.compare_to, workspace=args.workspace)
        page = export_compare(old, net, title=args.title, lang=args.lang, pseudonymise=args.pseudonymise, key=key)
    else:
        page = export(
            net,
            color_by=vocab.group_field(args.color_by, net.attribute_names(), args.lang),
            size_by=size_by,
            title=args.title,
            lang=args.lang,
            pseudonymise=args.pseudonymise,
            key=key,
        )
    write_text(page, out)
    print(_("written: {path}", args.lang, path=out))
    return 0


def add_commands(sub, common, inputs_help):
    """Register ``python -m netmap export INPUT... -o map.html``."""
    p = sub.add_parser(
        "export",
        parents=[common],
        help="an interactive HTML map that opens offline",
        description="Write the network as one self-contained HTML page: an "
        "interactive map with legend, flags and tables. It opens "
        "offline by double-click and loads nothing from the internet.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    p.add_argument("-o", "--output", required=True, metavar="MAP.html", help="the HTML file to write")
    p.add_argument(
        "--color-by",
        "--colour-by",
        default="sector",
        metavar="ATTR",
        help="actor field (English or Danish: sektor, niveau, ...) or custom attribute that sets the colour (default: sector)",
    )
    p.add_argument(
        "--size-by",
        default="degree",
        metavar="MEASURE",
        help="measure that sets the size: degree, betweenness or brokerage (cross-sector brokerage), or in Danish grad, mellemhed, brobygning; default: degree",
    )
    p.add_argument("--title", default=None, metavar="TEXT", help="heading of the page (default: the network's name)")
    p.add_argument("--pseudonymise", action="store_true", help=PSEUDONYMISE_HELP)
    p.add_argument(
        "--compare-to",
        default=None,
        metavar="OLD",
        help="an earlier version (file, CSV folder, snapshot:NETWORK@ID or workspace:NAME@REVISION): map the changes from OLD to INPUT instead",
    )
    p.add_argument("--workspace", default=None, metavar="PATH", help=KEY_WORKSPACE_HELP)
    p.set_defaults(func=_cmd_export)
