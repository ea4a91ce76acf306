"""``netmap analyze|validate|convert|generate``: one network in, words or a file out."""

from __future__ import annotations

import json

from ..analysis import analyze
from ..i18n import _
from ..present.report import document, text_report, warning_text
from ..present.terminal import safe_text
from ..reading import read_network
from ..writing import write_network

__all__ = ["add_commands"]


def cmd_analyze(args):
    doc = document(analyze(read_network(*args.inputs), group_by=args.group_by), args.lang)
    print(json.dumps(doc, ensure_ascii=False, indent=2) if args.json else safe_text(text_report(doc, args.lang)))
    return 0


def cmd_validate(args):
    net = read_network(*args.inputs)  # an error stops here with its message (exit 2)
    for w in net.warnings:
        print(safe_text(warning_text(w, args.lang), keep=""))
    return 0


def cmd_convert(args):
    path = write_network(read_network(*args.inputs), args.output, pseudonymise=args.pseudonymise)
    print(_("written: {path}", args.lang, path=path))
    return 0


def cmd_generate(args):
    from ..generate import generate

    net = generate(args.actors, seed=args.seed, mean_degree=args.mean_degree)
    print(_("written: {path}", args.lang, path=write_network(net, args.output)))
    return 0


def add_commands(sub, common, inputs_help):
    p = sub.add_parser("analyze", parents=[common], help="measures and flags of a network")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    p.add_argument("--group-by", default="sector", metavar="ATTR", help="group attribute (default: sector)")
    p.add_argument("--json", action="store_true", help="print the JSON document of METHODS.md")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser(
        "validate",
        parents=[common],
        help="check a network: prints errors and warnings only; exit 0 when valid, 2 when not",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("convert", parents=[common], help="write a network in another format")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT", help=".json, .xlsx, .graphml, .gexf, or a folder for CSV"
    )
    p.add_argument("--pseudonymise", action="store_true", help="replace citizens' names by pseudonyms")
    p.set_defaults(func=cmd_convert)

    p = sub.add_parser("generate", parents=[common], help="write a synthetic municipal network (demos, benchmarks)")
    p.add_argument("actors", type=int, metavar="N", help="number of actors")
    p.add_argument("--seed", type=int, default=0, help="same seed, same network (default 0)")
    p.add_argument("--mean-degree", type=float, default=4.0, help="about this many ties per actor (default 4)")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output file or folder, as for convert")
    p.set_defaults(func=cmd_generate)
