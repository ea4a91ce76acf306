"""``netmap analyze|validate|convert|generate``: one network in, words or a file out."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..analysis import analyze
from ..i18n import _, ngettext
from ..present import vocab
from ..present.report import document, text_report, warning_text
from ..present.terminal import safe_text
from ..privacy import workspace_key
from ..sources import load_input
from ..writing import write_network

__all__ = ["add_commands", "PSEUDONYMISE_HELP", "KEY_WORKSPACE_HELP"]

PSEUDONYMISE_HELP = (
    "pseudonymise citizens (sector citizen or a citizen kind): their names and ids are removed "
    "from every text and replaced by stable pseudonyms (key: NETMAP_PSEUDONYM_KEY, else the workspace's)"
)
KEY_WORKSPACE_HELP = (
    "the workspace file of workspace:NAME and snapshot:NETWORK@ID inputs and of the pseudonym key "
    "(default: NETMAP_WORKSPACE, else ~/.local/share/netmap/workspace.sqlite)"
)


def cmd_analyze(args):
    net = load_input(*args.inputs, workspace=args.workspace)
    group_by = vocab.group_field(args.group_by, net.attribute_names(), args.lang)
    doc = document(analyze(net, group_by=group_by), args.lang)
    print(json.dumps(doc, ensure_ascii=False, indent=2) if args.json else safe_text(text_report(doc, args.lang)))
    return 0


def cmd_validate(args):
    net = load_input(*args.inputs, workspace=args.workspace)  # an error stops here with its message (exit 2)
    for w in net.warnings:
        print(safe_text(warning_text(w, args.lang), keep=""))
    print(safe_text(validate_summary(net, args.lang, Path(args.inputs[0]).stem)))
    return 0


def validate_summary(net, lang, fallback="-"):
    """The last line of ``validate``: ``fredericia: 18 actors, 35 ties, no problems`` (or ``..., 2 warnings``)."""
    n = len(net.warnings)
    problems = ngettext("{n} warning", "{n} warnings", n, lang) if n else _("no problems", lang)
    return _(
        "{name}: {actors}, {ties}, {problems}",
        lang,
        name=net.name or fallback,
        actors=vocab.count("actors", len(net.actors), lang),
        ties=vocab.tie_count(net.ties, lang),
        problems=problems,
    )


def cmd_convert(args):
    net = load_input(*args.inputs, workspace=args.workspace)
    key = workspace_key(args.workspace) if args.pseudonymise else None
    path = write_network(net, args.output, pseudonymise=args.pseudonymise, key=key, lang=args.lang)
    print(_("written: {path}", args.lang, path=path))
    if net.review and path.suffix.lower() not in (".json", ".xlsx"):
        print(
            _(
                "note: this format does not keep the review (Table 7.1); keep it with .json or .xlsx, or write it with: netmap review export",
                args.lang,
            ),
            file=sys.stderr,
        )
    return 0


def cmd_generate(args):
    from ..generate import generate

    net = generate(args.actors, seed=args.seed, mean_degree=args.mean_degree)
    print(_("written: {path}", args.lang, path=write_network(net, args.output)))
    return 0


def add_commands(sub, common, inputs_help):
    p = sub.add_parser("analyze", parents=[common], help="measures and flags of a network")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    p.add_argument(
        "--group-by", default="sector", metavar="ATTR", help="group attribute, in English or Danish (default: sector)"
    )
    p.add_argument("--json", action="store_true", help="print the JSON document of METHODS.md")
    p.add_argument("--workspace", metavar="PATH", default=None, help=KEY_WORKSPACE_HELP)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser(
        "validate",
        parents=[common],
        help="check a network: prints its warnings and a summary line, or the error; exit 0 when valid, 2 when not",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    p.add_argument("--workspace", metavar="PATH", default=None, help=KEY_WORKSPACE_HELP)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("convert", parents=[common], help="write a network in another format")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT", help=".json, .xlsx, .graphml, .gexf, or a folder for CSV"
    )
    p.add_argument("--pseudonymise", action="store_true", help=PSEUDONYMISE_HELP)
    p.add_argument("--workspace", metavar="PATH", default=None, help=KEY_WORKSPACE_HELP)
    p.set_defaults(func=cmd_convert)
    p.epilog = "With --lang da, CSV and XLSX get Danish headers and values (navn, sektor=offentlig, partner=ja)."

    p = sub.add_parser("generate", parents=[common], help="write a synthetic municipal network (demos, benchmarks)")
    p.add_argument("actors", type=int, metavar="N", help="number of actors")
    p.add_argument("--seed", type=int, default=0, help="same seed, same network (default 0)")
    p.add_argument("--mean-degree", type=float, default=4.0, help="about this many ties per actor (default 4)")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="output file or folder, as for convert")
    p.set_defaults(func=cmd_generate)
