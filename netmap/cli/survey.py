"""``netmap survey open|links|status|import|close|merge|export|results``: partners answer for themselves (issue 13)."""

from __future__ import annotations

import json

from .. import config, survey
from ..compare import compare
from ..errors import InputError
from ..i18n import _, date, percent
from ..model import _name_key
from ..present.diff import diff_text
from ..present.survey import results_text
from ..present.terminal import safe_text
from ..privacy import workspace_key
from ..survey_files import import_round, read_answers, write_answers
from ..workspace import Workspace
from .analyze import PSEUDONYMISE_HELP
from .snapshot import workspace_parent

__all__ = ["add_commands"]


def _ws(args):
    return Workspace(args.workspace, create=False)


def _actor_id(names, word, option):
    """The id of the one actor whose id or name (``names``: id -> name) is ``word`` (else one line, exit 2)."""
    found = [word] if word in names else [i for i, n in names.items() if _name_key(n) == _name_key(word)]
    if len(found) != 1:
        raise InputError('"{value}" is not the id or name of one actor', option, value=word)
    return found[0]


def _ids(net, words):
    """Actor ids from the ids or names of ``--respondent``."""
    return [_actor_id(_names(net), w, "--respondent") for w in words or []]


def _print_links(tokens, names, lang, base):
    for actor, token in tokens.items():
        url = config.link(survey.link_path(token))
        print(safe_text(f"{names.get(actor, actor)} ({actor}): {url}", keep=""))
    if tokens and base is None:
        print(
            _(
                "These links lack the app's address: set public_url in the [netmap] table of "
                ".streamlit/secrets.toml (or NETMAP_PUBLIC_URL) and run `netmap survey links` for full links.",
                lang,
            )
        )


def _names(net):
    return {a.id: a.label for a in net.actors}


def cmd_open(args):
    ws = _ws(args)
    net = ws.load(args.network)
    base = config.public_url()  # a bad address is refused before anything is stored
    rnd, tokens = survey.open_round(
        ws,
        args.network,
        args.title,
        date=args.date,
        respondents=_ids(net, args.respondent) or None,
        expires=args.expires,
    )
    print(
        safe_text(
            _(
                'opened round {id} of {network}: "{title}" ({date}); the links work until {expires}',
                args.lang,
                id=rnd.id,
                network=args.network,
                title=rnd.title,
                date=date(rnd.date, args.lang),
                expires=date(rnd.expires, args.lang),
            ),
            keep="",
        )
    )
    _print_links(tokens, _names(net), args.lang, base)
    return 0


def cmd_links(args):
    ws = _ws(args)
    net = ws.load(args.network)
    base = config.public_url()  # a bad address is refused before anything is stored
    tokens = survey.links(ws, args.network, args.round, actors=_ids(net, args.respondent) or None)
    print(_("new links (the earlier links of these respondents no longer work):", args.lang))
    _print_links(tokens, _names(net), args.lang, base)
    return 0


def _round_line(ws, network, rnd, lang):
    people = survey.respondents(ws, network, rnd.id)
    answered = sum(1 for p in people if p.answered)
    state = _("closed {date}", lang, date=date(rnd.closed[:10], lang)) if rnd.closed else _("open", lang)
    return _(
        '{id}. "{title}" ({date}), {state}: {answered} of {invited} answered ({rate})',
        lang,
        id=rnd.id,
        title=rnd.title,
        date=date(rnd.date, lang),
        state=state,
        answered=answered,
        invited=len(people),
        rate=percent(answered / len(people) if people else 0, lang),
    )


def cmd_status(args):
    ws = _ws(args)
    if args.round is None:
        rounds = survey.rounds(ws, args.network)
        if not rounds:
            print(_("no survey rounds", args.lang))
        for rnd in rounds:
            print(safe_text(_round_line(ws, args.network, rnd, args.lang), keep=""))
        return 0
    rnd = survey.get_round(ws, args.network, args.round)
    print(safe_text(_round_line(ws, args.network, rnd, args.lang), keep=""))
    for p in survey.respondents(ws, args.network, rnd.id):
        if p.answered:
            state = _("answered {date}", args.lang, date=date(p.answered[:10], args.lang))
        elif p.revoked or not p.has_link:
            state = _("not answered; no working link", args.lang)
        else:
            state = _("not answered", args.lang)
        print(safe_text(f"  {p.name} ({p.actor}): {state}", keep=""))
    return 0


def cmd_import(args):
    ws = _ws(args)
    net = ws.load(args.network)
    docs = read_answers(net, args.file, args.elements)  # a bad row stops here: file, row, column; exit 2
    if not docs:
        raise InputError("the file holds no answers", args.file)
    invited = list(docs) + [a for a in _ids(net, args.respondent) if a not in docs]
    rnd = import_round(ws, args.network, args.title or _file_title(args.file), args.date, invited, docs)
    print(
        safe_text(
            _(
                'imported round {id} of {network}: "{title}" ({date}), {answered} of {invited} answered; the round is closed',
                args.lang,
                id=rnd.id,
                network=args.network,
                title=rnd.title,
                date=date(rnd.date, args.lang),
                answered=len(docs),
                invited=len(invited),
            ),
            keep="",
        )
    )
    return 0


def _file_title(path):
    from pathlib import Path

    return Path(path).stem


def cmd_close(args):
    ws = _ws(args)
    survey.close_round(ws, args.network, args.round)
    print(_("closed round {id} of {network}: its links no longer work", args.lang, id=args.round, network=args.network))
    return 0


def _pairs(words, found, net):
    """The ``A,B`` ties of ``--one-sided`` as pairs of ids: each end an actor of the network or a new
    actor of the round (id or name), each pair a tie of the round that is not confirmed."""
    names = {**_names(net), **{i: e["name"] for i, e in found["new_actors"].items()}}
    reported = {(t["a"], t["b"]) for t in found["ties"] if t["status"] != "confirmed"}
    out = []
    for word in words or []:
        ends = [w.strip() for w in word.split(",")]
        if len(ends) != 2 or not all(ends):
            raise InputError('write a tie as A,B (two actor ids or names; got "{value}")', "--one-sided", value=word)
        ids = [_actor_id(names, end, "--one-sided") for end in ends]
        pair = tuple(sorted(ids))
        if pair not in reported:
            raise InputError(
                "{a} \u2013 {b} is not a one-sided tie of this round (see `netmap survey results`)",
                "--one-sided",
                a=names[pair[0]],
                b=names[pair[1]],
            )
        out.append(pair)
    return out


def cmd_merge(args):
    ws = _ws(args)
    revision = ws.revision(args.network)
    old = ws.load(args.network)
    one_sided = _pairs(args.one_sided, survey.results(ws, args.network, args.round), old)
    new = survey.merge_proposal(ws, args.network, args.round, one_sided=one_sided)
    diff = compare(old, new)
    print(safe_text(diff_text(diff, args.lang, {**_names(old), **_names(new)})))
    print()
    if not args.yes:
        print(_("nothing saved: run the command again with --yes to save this as one revision", args.lang))
        return 0
    saved = ws.save(args.network, new, expected_revision=revision)
    if saved == revision:
        print(_("nothing to save: the network already holds these answers", args.lang))
    else:
        print(_("saved revision {rev} of {network}", args.lang, rev=saved, network=args.network))
    return 0


def cmd_results(args):
    ws = _ws(args)
    res = survey.results(ws, args.network, args.round)
    if args.pseudonymise:
        res, _answers = survey.pseudonymised(ws.load(args.network), res, key=workspace_key(args.workspace))
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=2))
        return 0
    rnd = survey.get_round(ws, args.network, args.round)
    heading = _(
        '{network}, round {id}: "{title}" ({date})',
        args.lang,
        network=args.network,
        id=rnd.id,
        title=rnd.title,
        date=date(rnd.date, args.lang),
    )
    names = {**res["names"], **{i: e["name"] for i, e in res["new_actors"].items()}}
    print(safe_text(heading, keep=""))
    print(safe_text(results_text(res, args.lang, names)))
    return 0


def cmd_export(args):
    ws = _ws(args)
    answers = survey.round_answers(ws, args.network, args.round)
    rnd = survey.get_round(ws, args.network, args.round)
    meta = {"network": args.network, "id": rnd.id, "title": rnd.title, "date": rnd.date}
    if args.pseudonymise:
        net = ws.load(args.network)
        found = survey.results(ws, args.network, args.round)
        _found, answers = survey.pseudonymised(net, found, answers, key=workspace_key(args.workspace))
        meta = {"id": rnd.id, "date": rnd.date}  # the title and the network's name may name a person
    path = write_answers(answers, args.output, args.lang, meta)
    print(_("written: {path}", args.lang, path=path))
    return 0


def add_commands(sub, common, inputs_help):
    """Register ``netmap survey open|links|status|import|close|merge|export|results``."""
    ws = workspace_parent()
    p = sub.add_parser(
        "survey",
        help="partners answer for themselves: survey rounds by personal link, or from a file",
        description="A survey round asks each partner, on a personal link, whom they work with, how often, "
        "the value and trust of each tie (1-4, as PARTNER), the influence of each actor (0-5, as Net-Map) "
        "and their rating of the 19 elements of Table 7.1. A round held on paper or in a workshop is "
        "imported from an XLSX or CSV file (template: sample_networks/survey_template.xlsx).",
    )
    family = p.add_subparsers(dest="survey_command", required=True)

    s = family.add_parser("open", parents=[common, ws], help="open a round and print one personal link per respondent")
    s.add_argument("network", metavar="NETWORK", help="a network of the workspace")
    s.add_argument("--title", required=True, metavar="TEXT", help="the round's title")
    s.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="the round's date (default: today)")
    s.add_argument("--expires", default=None, metavar="YYYY-MM-DD", help="the last day the links work")
    s.add_argument(
        "--respondent",
        action="append",
        metavar="ACTOR",
        help="an actor (id or name) who is asked; repeat for more (default: the partnership's core)",
    )
    s.set_defaults(func=cmd_open)

    s = family.add_parser(
        "links", parents=[common, ws], help="new links for a round's respondents (the old ones stop working)"
    )
    s.add_argument("network", metavar="NETWORK")
    s.add_argument("round", type=int, metavar="ROUND")
    s.add_argument("--respondent", action="append", metavar="ACTOR", help="only this respondent; repeat for more")
    s.set_defaults(func=cmd_links)

    s = family.add_parser("status", parents=[common, ws], help="the rounds of a network, or who answered a round")
    s.add_argument("network", metavar="NETWORK")
    s.add_argument("round", type=int, nargs="?", default=None, metavar="ROUND")
    s.set_defaults(func=cmd_status)

    s = family.add_parser(
        "import",
        parents=[common, ws],
        help="a round held on paper or in a workshop, from an XLSX or CSV file (stored as a closed round)",
    )
    s.add_argument("network", metavar="NETWORK")
    s.add_argument("file", metavar="FILE", help="the answers: .xlsx (sheets svar and elementer) or .csv")
    s.add_argument("elements", nargs="?", default=None, metavar="ELEMENTS", help="with a CSV: the elements' CSV file")
    s.add_argument("--title", default=None, metavar="TEXT", help="the round's title (default: the file's name)")
    s.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="the day the answers were given (default: today)")
    s.add_argument(
        "--respondent",
        action="append",
        metavar="ACTOR",
        help="an actor who was asked but did not answer (counts in the response rate); repeat for more",
    )
    s.set_defaults(func=cmd_import)

    s = family.add_parser("close", parents=[common, ws], help="close a round: its links stop working")
    s.add_argument("network", metavar="NETWORK")
    s.add_argument("round", type=int, metavar="ROUND")
    s.set_defaults(func=cmd_close)

    s = family.add_parser(
        "merge",
        parents=[common, ws],
        help="show what a round adds to the network (the diff); with --yes save it as one revision",
    )
    s.add_argument("network", metavar="NETWORK")
    s.add_argument("round", type=int, metavar="ROUND")
    s.add_argument(
        "--one-sided",
        action="append",
        metavar="A,B",
        help="also add the one-sided tie between A and B (ids or names); repeat for more",
    )
    s.add_argument("--yes", action="store_true", help="save the result as one new revision")
    s.set_defaults(func=cmd_merge)

    s = family.add_parser(
        "export",
        parents=[common, ws],
        help="the round's answers as a file: .xlsx in the template's form (Danish headers with --lang da), or .json",
    )
    s.add_argument("network", metavar="NETWORK")
    s.add_argument("round", type=int, metavar="ROUND")
    s.add_argument("-o", "--output", required=True, metavar="FILE", help="a .xlsx or .json file")
    s.add_argument("--pseudonymise", action="store_true", help=PSEUDONYMISE_HELP + "; respondents as well")
    s.set_defaults(func=cmd_export)

    s = family.add_parser("results", parents=[common, ws], help="a round's results in words, or as JSON")
    s.add_argument("network", metavar="NETWORK")
    s.add_argument("round", type=int, metavar="ROUND")
    s.add_argument("--json", action="store_true", help="print the results as JSON")
    s.add_argument("--pseudonymise", action="store_true", help=PSEUDONYMISE_HELP + "; respondents as well")
    s.set_defaults(func=cmd_results)
