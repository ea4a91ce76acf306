"""A comparison (:func:`netmap.compare.compare`) in words: the lines ``netmap diff`` prints."""

from __future__ import annotations

import json

from ..i18n import _, number
from . import vocab
from .report import names as list_names
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


def _tie(d: dict, names: dict) -> str:
    source, target = names.get(d["source"], d["source"]), names.get(d["target"], d["target"])
    return f"{source} {'->' if d['directed'] else '--'} {target} ({d['kind']})"


def diff_text(diff: dict, lang: str = "en", names: dict | None = None) -> str:
    """The readable terminal text of a comparison; ``names`` maps actor ids to the names shown.

    Without ``names``, the names of added and removed actors come from the comparison and other
    actors are shown by id.
    """
    a, ti = diff["actors"], diff["ties"]
    names = {
        **{r["id"]: r.get("name") or r["id"] for r in a.get("removed_records", []) + a.get("added_records", [])},
        **(names or {}),
    }
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
    lines += [f"  + {names.get(i, i)}" for i in a["added"]] + [f"  - {names.get(i, i)}" for i in a["removed"]]
    lines += [f"  ~ {names.get(c['id'], c['id'])}: {_changes(c['changes'])}" for c in a["changed"]]
    lines.append(
        _(
            "Ties: {a} added, {r} removed, {c} changed",
            lang,
            a=len(ti["added"]),
            r=len(ti["removed"]),
            c=len(ti["changed"]),
        )
    )
    lines += [f"  + {_tie(d, names)}" for d in ti["added"]] + [f"  - {_tie(d, names)}" for d in ti["removed"]]
    lines += [f"  ~ {_tie(c, names)}: {_changes(c['changes'])}" for c in ti["changed"]]
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
    changed = list(diff["actor_metrics"])
    lines.append(
        _(
            "Actors whose degree, brokerage or reach changed ({n}): {names}",
            lang,
            n=number(len(changed), lang, "count"),
            names=list_names(changed, names) or none,
        )
    )
    return "\n".join(lines)
