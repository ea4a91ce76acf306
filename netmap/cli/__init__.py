"""The command line: ``netmap COMMAND ...`` (or ``python -m netmap``), a thin layer over the library.

Each module registers one command or family (``add_commands``) and calls the library; errors the
library raises on purpose (:class:`netmap.errors.NetmapError`) become one line and exit status 2
here, in one place.
"""

from __future__ import annotations

import argparse
import os
import sys

from ..errors import NetmapError
from ..i18n import LANGS, default_lang
from ..present.report import warning_text
from ..present.terminal import safe_text
from ..sources import INPUTS_HELP
from ..store import DB_ERRORS
from . import analyze, diff, export, report, review, snapshot, survey, workspace

__all__ = ["main", "build_parser"]


def build_parser(prog: str = "netmap") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="Stakeholder network mapping for local partnerships.")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang", choices=LANGS, default=default_lang(), help="language of the output (default: NETMAP_LANG, else en)"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for module in (analyze, snapshot, diff, export, report, review, workspace, survey):
        module.add_commands(sub, common, INPUTS_HELP)
    return parser


def main(argv: list[str] | None = None) -> int:
    prog = "python -m netmap" if os.path.basename(sys.argv[0]) == "__main__.py" else "netmap"
    args = build_parser(prog).parse_args(argv)
    try:
        return args.func(args)
    except DB_ERRORS as exc:  # the workspace failed under us (disk, locks, damage, server)
        from ..workspace import default_path, storage_error

        where = getattr(args, "workspace", None) or default_path()
        print(safe_text(storage_error(where, exc).message(args.lang), keep=""), file=sys.stderr)
        return 2
    except NetmapError as exc:
        for line in exc.lines(args.lang):  # each line shown, not obeyed (a value's line break too)
            print(safe_text(line, keep=""), file=sys.stderr)
        for note in getattr(exc, "notes", [])[:2]:  # a misread column that explains the error
            print(safe_text(warning_text(note, args.lang), keep=""), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
