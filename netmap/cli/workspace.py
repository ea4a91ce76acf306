"""``netmap workspace list|add|backup|restore|check|grant|withdraw|roles``: the workspace from the
command line, which acts as an administrator (it runs on the server)."""

from __future__ import annotations

from ..access import ROLES
from ..backup import backup, check, restore
from ..i18n import _
from ..present import vocab
from ..present.terminal import safe_text
from ..sources import load_input
from ..workspace import Workspace, default_path, shown
from .snapshot import workspace_parent

__all__ = ["add_commands"]


def _path(args):
    return args.workspace or default_path()


def cmd_list(args):
    ws = Workspace(_path(args), create=False)
    for name in ws.names():
        net = ws.load(name)
        counts = _(
            "{actors}, {ties}",
            args.lang,
            actors=vocab.count("actors", len(net.actors), args.lang),
            ties=vocab.count("ties", len(net.ties), args.lang),
        )
        print(safe_text(f"{name}  {counts}", keep=""))
    if not ws.names():
        print(_("no networks", args.lang))
    return 0


def cmd_add(args):
    net = load_input(*args.inputs, workspace=args.workspace)
    Workspace(_path(args)).create(args.name, net)
    print(_('added the network "{name}" to {path}', args.lang, name=args.name, path=shown(_path(args))))
    return 0


def cmd_backup(args):
    print(_("backup written: {path}", args.lang, path=str(backup(_path(args), args.file))))
    return 0


def cmd_restore(args):
    kept = restore(_path(args), args.file)
    print(_("restored {path} from {file}", args.lang, path=shown(_path(args)), file=args.file))
    if kept:
        print(_("the workspace as it was is kept in {path}", args.lang, path=str(kept)))
    return 0


def cmd_check(args):
    problems = check(_path(args))
    for problem in problems:
        print(safe_text(problem.text(args.lang), keep=""))
    if problems:
        return 1
    print(_("{path}: no problems", args.lang, path=shown(_path(args))))
    return 0


def cmd_grant(args):
    Workspace(_path(args), create=False).grant(args.network, args.user, args.role)
    print(_('{user} is now {role} of "{name}"', args.lang, user=args.user.strip(), role=args.role, name=args.network))
    return 0


def cmd_withdraw(args):
    Workspace(_path(args), create=False).withdraw(args.network, args.user)
    print(_('{user} has no role on "{name}" any more', args.lang, user=args.user.strip(), name=args.network))
    return 0


def cmd_roles(args):
    for user, role, _by, _when in Workspace(_path(args), create=False).roles(args.network):
        print(safe_text(f"{user}  {role}", keep=""))
    return 0


def add_commands(sub, common, inputs_help):
    """Register ``netmap workspace list|add|backup|restore|check``."""
    ws = workspace_parent()
    p = sub.add_parser(
        "workspace", help="list, add to, back up, restore and check the workspace, and share its networks"
    )
    wsub = p.add_subparsers(dest="workspace_command", required=True)
    s = wsub.add_parser("list", parents=[common, ws], help="the networks of the workspace")
    s.set_defaults(func=cmd_list)
    s = wsub.add_parser("add", parents=[common, ws], help="add a file as a new network of the workspace")
    s.add_argument("name", metavar="NAME", help="the network's name in the workspace")
    s.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    s.set_defaults(func=cmd_add)
    s = wsub.add_parser(
        "backup", parents=[common, ws], help="copy the workspace to a new file (safe while the app runs)"
    )
    s.add_argument("file", metavar="FILE", help="the backup file to write (must not exist)")
    s.set_defaults(func=cmd_backup)
    s = wsub.add_parser(
        "restore",
        parents=[common, ws],
        help="make the workspace a copy of a backup (the current file is kept beside it first)",
    )
    s.add_argument("file", metavar="FILE", help="the backup to restore")
    s.set_defaults(func=cmd_restore)
    s = wsub.add_parser(
        "check",
        parents=[common, ws],
        help="check the file, every revision and every snapshot's checksum; exit 1 when a problem is found",
    )
    s.set_defaults(func=cmd_check)
    network = {"metavar": "NETWORK", "help": "the network's name in the workspace"}
    user = {"metavar": "USER", "help": "the person's e-mail address (or their login's subject)"}
    s = wsub.add_parser("grant", parents=[common, ws], help="give a person a role on a network (shared mode)")
    s.add_argument("network", **network)
    s.add_argument("user", **user)
    s.add_argument(
        "role", choices=ROLES, help="viewer sees it, editor also changes it, owner also shares and deletes it"
    )
    s.set_defaults(func=cmd_grant)
    s = wsub.add_parser("withdraw", parents=[common, ws], help="take a person's role on a network away")
    s.add_argument("network", **network)
    s.add_argument("user", **user)
    s.set_defaults(func=cmd_withdraw)
    s = wsub.add_parser("roles", parents=[common, ws], help="who has which role on a network")
    s.add_argument("network", **network)
    s.set_defaults(func=cmd_roles)
