"""A comparison (:func:`netmap.compare.compare`) in words: the lines ``netmap diff`` prints."""

from __future__ import annotations

import json

from ..i18n import _, number
from . import vocab
from .vocab import label

__all__ = ["diff_text", "indicator_value"]


def indicator_value(key: str, value, lang: str) -> str:
    """An indicator's value as every view shows it (E-I as an index, shares as percentages)."""
    return number(value, lang, vocab.INDICATOR_FIGURES.get(key, "count"))


def _changes(changes: dict) -> str:
    return "; ".join(
        f"{f}: {json.dumps(o, ensure_ascii=False)} -> {json.dumps(n, ensure_ascii=False)}"
        for f, (o, n) in changes.items()
    )


def _tie(d: dict) -> str:
    return f"{d['source']} {'->' if d['directed'] else '--'} {d['target']} ({d['kind']})"


def diff_text(diff: dict, lang: str = "en") -> str:
    """The readable terminal text of a comparison."""
    a, ti = diff["actors"], diff["ties"]
    name, date = diff["network"]["name"], diff["network"]["date"]
    lines = [
        _(
            "{old} -> {new}",
            lang,
            old=f"{name[0] or '-'} ({date[0] or '-'})",
            new=f"{name[1] or '-'} ({date[1] or '-'})",
        ),
        "",
    ]
    lines.append(
        _(
            "Actors: {a} added, {r} removed, {c} changed",
            lang,
            a=len(a["added"]),
            r=len(a["removed"]),
            c=len(a["changed"]),
        )
    )
    lines += [f"  + {i}" for i in a["added"]] + [f"  - {i}" for i in a["removed"]]
    lines += [f"  ~ {c['id']}: {_changes(c['changes'])}" for c in a["changed"]]
    lines.append(
        _(
            "Ties: {a} added, {r} removed, {c} changed",
            lang,
            a=len(ti["added"]),
            r=len(ti["removed"]),
            c=len(ti["changed"]),
        )
    )
    lines += [f"  + {_tie(d)}" for d in ti["added"]] + [f"  - {_tie(d)}" for d in ti["removed"]]
    lines += [f"  ~ {_tie(c)}: {_changes(c['changes'])}" for c in ti["changed"]]
    lines += ["", _("Partnership indicators (old -> new):", lang)]
    for k, (o, n) in diff["partnership"].items():
        mark = "" if o == n else "  *"
        lines.append(
            f"  {label(vocab.INDICATORS, k, lang)}: {indicator_value(k, o, lang)} -> "
            f"{indicator_value(k, n, lang)}{mark}"
        )
    none = _("none", lang)
    lines.append(
        _(
            "Flags raised: {raised}; cleared: {cleared}",
            lang,
            raised=", ".join(diff["flags"]["raised"]) or none,
            cleared=", ".join(diff["flags"]["cleared"]) or none,
        )
    )
    lines.append(_("Actors whose degree, brokerage or reach changed: {n}", lang, n=len(diff["actor_metrics"])))
    return "\n".join(lines)
