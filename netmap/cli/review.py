"""``netmap review show|export|import``: the partnership's review of Table 7.1, with the network's evidence."""

from __future__ import annotations

from dataclasses import replace

from ..analysis import analyze
from ..errors import InputError
from ..i18n import _
from ..present.review import review_rows
from ..present.terminal import safe_text
from ..reading import read_review
from ..sources import load_input
from ..writing import write_network, write_review

__all__ = ["add_commands"]


def cmd_show(args):
    net = load_input(*args.inputs, workspace=getattr(args, "workspace", None))
    group = None
    for row in review_rows(net, analyze(net, betweenness=False), args.lang):
        if row["group"] != group:
            group = row["group"]
            print(("\n" if row["number"] > 1 else "") + group)
        line = f"{row['number']:>2}. {row['element']}: {row['rating']}"
        if row["date"]:
            line += f" ({row['date']})"
        print(safe_text(line, keep=""))
        for text in ([row["note"]] if row["note"] else []) + row["evidence"].splitlines():
            print(safe_text("      " + text, keep=""))
    return 0


def cmd_export(args):
    net = load_input(*args.inputs, workspace=getattr(args, "workspace", None))
    path = write_review(net, args.output, lang=args.lang, result=analyze(net, betweenness=False))
    print(_("written: {path}", args.lang, path=path))
    return 0


def cmd_import(args):
    if not args.output.lower().endswith((".json", ".xlsx")):
        raise InputError('a network keeps its review in a .json or .xlsx file (got "{value}")', value=args.output)
    review = read_review(args.review)  # a bad row stops here, naming the file, row and column (exit 2)
    net = load_input(*args.inputs, workspace=getattr(args, "workspace", None))
    path = write_network(replace(net, review=review), args.output, lang=args.lang)
    print(_("written: {path}", args.lang, path=path))
    return 0


def add_commands(sub, common, inputs_help):
    """Register ``netmap review show|export|import``."""
    p = sub.add_parser(
        "review",
        help="the partnership's review of the 19 elements of Table 7.1, with the network's evidence",
        description="The review of the evaluation's Table 7.1: for each of the 19 decisive elements the "
        "partnership's rating (1 not in place, 2 partly, 3 largely, 4 fully; empty: not assessed), a note "
        "and a date, beside what the network shows. It travels in the network's JSON and XLSX files.",
    )
    family = p.add_subparsers(dest="review_command", required=True)

    s = family.add_parser("show", parents=[common], help="print the review with the network's evidence")
    s.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    s.set_defaults(func=cmd_show)

    s = family.add_parser(
        "export",
        parents=[common],
        help="write the review as a CSV or XLSX file, one row per element (Danish headers with --lang da)",
    )
    s.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    s.add_argument("-o", "--output", required=True, metavar="REVIEW", help="a .csv or .xlsx file")
    s.set_defaults(func=cmd_export)

    s = family.add_parser(
        "import",
        parents=[common],
        help="read a review file (CSV or XLSX) and write the network with it",
    )
    s.add_argument("review", metavar="REVIEW", help="the review file (.csv or .xlsx), as review export writes it")
    s.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    s.add_argument("-o", "--output", required=True, metavar="OUT", help="the network with its review: .json or .xlsx")
    s.set_defaults(func=cmd_import)
