"""The command line: ``python -m netmap COMMAND ...``, a thin layer over the library."""

from __future__ import annotations

import argparse
import json
import sys

from .analysis import analyze
from .compare import add_cli as _add_diff_cli
from .errors import NetmapError
from .export import add_cli as _add_export_cli
from .i18n import LANGS, STRINGS, default_lang, number, t
from .reading import read_network
from .snapshots import add_cli as _add_snapshot_cli
from .writing import write_network

__all__ = ["main", "build_parser"]


def cmd_analyze(args):
    net = read_network(*args.inputs)
    report = analyze(net, group_by=args.group_by, lang=args.lang)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print(render_report(report, args.lang))
    return 0


def render_report(report, lang):
    """The readable terminal text of an analysis."""
    L = []
    nw = report["network"]
    L.append(t("cli_summary", lang, name=nw["name"] or "-", actors=nw["actors"], ties=nw["ties"],
               components=nw["components"]))
    group = nw["group_by"]
    group = t(f"field_{group}", lang) if f"field_{group}" in STRINGS else group
    L.append(t("cli_ei_net", lang, group=group, ei=number(report["ei_index"], lang),
               exp=number(report["expected_ei"], lang)))
    names = {a["id"]: a["name"] for a in report["actors"]}
    p = report["partnership"]
    if p:
        L.append(t("cli_core", lang, n=len(p["members"]), members="; ".join(names[m] for m in p["members"])))
        L.append(t("cli_ei", lang, ei=number(p["ei_index"], lang), exp=number(p["expected_ei"], lang)))
        L.append(t("cli_reach", lang, n1=p["near_reach"]["1"], n2=p["near_reach"]["2"],
                   f1=p["far_reach"]["1"], f2=p["far_reach"]["2"]))
    L.append("")
    L.append(t("cli_flags", lang) + ":")
    if not report["flags"]:
        L.append("  " + t("cli_no_flags", lang))
    for f in report["flags"]:
        L.append(f"  [{t('severity_' + f['severity'], lang)}] {f['code']}: {f['message']}")
    L.append("")
    spanners = sorted((a for a in report["actors"] if a["boundary_spanner"]),
                      key=lambda a: (-a["cross_sector_brokerage"], a["name"]))
    L.append(t("cli_spanners", lang) + ":")
    if not spanners:
        L.append("  " + t("cli_no_spanners", lang))
    for a in spanners[:10]:
        L.append(f"  {a['cross_sector_brokerage']:>6}  {a['name']} ({t('sector_' + a['sector'], lang)})")
    L.append("")
    off = [a for a in report["actors"] if a["isolated"] or a["detached"]]
    L.append(t("cli_isolated", lang) + ":")
    if not off:
        L.append("  " + t("cli_no_isolated", lang))
    for a in off[:20]:
        L.append(f"  {a['name']}")
    if report["betweenness_approximate"] or report["warnings"]:
        L.append("")
        L.append(t("cli_warnings", lang) + ":")
        for w in report["warnings"]:
            L.append(f"  {w}")
    return "\n".join(L)


def cmd_validate(args):
    net = read_network(*args.inputs)  # an error stops here with its message (exit 2)
    for w in net.warnings:
        print(w.text(args.lang))
    return 0


def cmd_convert(args):
    net = read_network(*args.inputs)
    path = write_network(net, args.output, pseudonymise=args.pseudonymise)
    print(t("cli_written", args.lang, path=path))
    return 0


def cmd_generate(args):
    from .generate import generate

    net = generate(args.actors, seed=args.seed, mean_degree=args.mean_degree)
    path = write_network(net, args.output)
    print(t("cli_written", args.lang, path=path))
    return 0


def build_parser():
    parser = argparse.ArgumentParser(prog="python -m netmap",
                                     description="Stakeholder network mapping for local partnerships.")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=LANGS, default=default_lang(),
                        help="language of the output (default: NETMAP_LANG, else en)")
    sub = parser.add_subparsers(dest="command", required=True)
    inputs_help = "a .json/.xlsx/.graphml/.gexf file, a folder with actors.csv and ties.csv, or two CSV files"

    p = sub.add_parser("analyze", parents=[common], help="measures and flags of a network")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    p.add_argument("--group-by", default="sector", metavar="ATTR", help="group attribute (default: sector)")
    p.add_argument("--json", action="store_true", help="print the JSON document of METHODS.md")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("validate", parents=[common],
                       help="check a network: prints errors and warnings only; exit 0 when valid, 2 when not")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("convert", parents=[common], help="write a network in another format")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help=".json, .xlsx, .graphml, .gexf, or a folder for CSV")
    p.add_argument("--pseudonymise", action="store_true", help="replace citizens' names by pseudonyms")
    p.set_defaults(func=cmd_convert)

    p = sub.add_parser("generate", parents=[common], help="write a synthetic municipal network (demos, benchmarks)")
    p.add_argument("actors", type=int, metavar="N", help="number of actors")
    p.add_argument("--seed", type=int, default=0, help="same seed, same network (default 0)")
    p.add_argument("--mean-degree", type=float, default=4.0, help="about this many ties per actor (default 4)")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output file or folder, as for convert")
    p.set_defaults(func=cmd_generate)

    for register in _EXTENSIONS:
        register(sub, common, inputs_help)
    return parser


# Other modules add their commands here (export, snapshot, diff).
_EXTENSIONS = [
    _add_snapshot_cli,
    _add_diff_cli,
    _add_export_cli,
]


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except NetmapError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
