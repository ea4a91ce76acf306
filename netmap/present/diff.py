"""A comparison (:func:`netmap.compare.compare`) in words: the lines ``netmap diff`` prints."""

from __future__ import annotations

import json

from ..compare import IGNORED_FIELDS
from ..i18n import _, date, ngettext, number
from . import vocab
from .report import names as list_names
from .vocab import label, yes_no

__all__ = [
    "diff_text",
    "indicator_value",
    "field_label",
    "value_text",
    "tie_text",
    "change_texts",
    "edit_lines",
    "shortened",
    "revision_lines",
]

#: The vocabulary of the values of each coded field of an actor or a tie.
_VALUES = {"sector": vocab.SECTORS, "level": vocab.LEVELS, "scope": vocab.SCOPES, "status": vocab.TIE_STATUSES}


def indicator_value(key: str, value, lang: str) -> str:
    """An indicator's value as every view shows it (E-I as an index, shares as percentages)."""
    return number(value, lang, vocab.INDICATOR_FIGURES.get(key, "count"))


def field_label(field: str, lang: str, table: str = "actors") -> str:
    """A compared field's name; custom attributes (``attributes.NAME``) by their own name."""
    if field.startswith("attributes."):
        return _("attribute {name}", lang, name=field[len("attributes.") :])
    if (table, field) == ("ties", "kind"):
        field = "tie_kind"
    return label(vocab.COLUMNS, field, lang)


def value_text(field: str, value, lang: str, table: str = "actors") -> str:
    """A compared field's value as every view shows it: codes named, yes/no, numbers in the
    language's format (a whole number as a count, other numbers as an index), "-" for none."""
    if value is None or value == "":
        return "-"
    if isinstance(value, bool):
        return yes_no(value, lang)
    if field == "kind":
        return label(vocab.TIE_KINDS if table == "ties" else vocab.ACTOR_KINDS, value, lang)
    if field in _VALUES:
        return label(_VALUES[field], value, lang)
    if isinstance(value, (int, float)):
        return number(value, lang, "count" if float(value).is_integer() else "index")
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def change_texts(changes: dict, lang: str, table: str = "actors", limit: int | None = None) -> list[str]:
    """``field: old → new`` for each change that counts (a move, :data:`IGNORED_FIELDS`, does not)."""

    def short(text):
        return text if limit is None or len(text) <= limit else text[: limit - 1] + "\u2026"

    return [
        f"{field_label(f, lang, table)}: {short(value_text(f, o, lang, table))} \u2192 "
        f"{short(value_text(f, n, lang, table))}"
        for f, (o, n) in changes.items()
        if f not in IGNORED_FIELDS
    ]


def tie_text(d: dict, lang: str, names: dict | None = None) -> str:
    """A tie of a comparison: ``A → B (kind)`` (``A — B`` when undirected), ends by name."""
    names = names or {}
    source, target = names.get(d["source"], d["source"]), names.get(d["target"], d["target"])
    arrow = "\u2192" if d["directed"] else "\u2014"
    return f"{source} {arrow} {target} ({label(vocab.TIE_KINDS, d['kind'], lang)})"


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
    lines += [f"  ~ {names.get(c['id'], c['id'])}: {'; '.join(change_texts(c['changes'], lang))}" for c in a["changed"]]
    lines.append(
        _(
            "Ties: {a} added, {r} removed, {c} changed",
            lang,
            a=len(ti["added"]),
            r=len(ti["removed"]),
            c=len(ti["changed"]),
        )
    )
    lines += [f"  + {tie_text(d, lang, names)}" for d in ti["added"]]
    lines += [f"  - {tie_text(d, lang, names)}" for d in ti["removed"]]
    lines += [
        f"  ~ {tie_text(c, lang, names)}: {'; '.join(change_texts(c['changes'], lang, 'ties'))}" for c in ti["changed"]
    ]
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
            raised="; ".join(label(vocab.FLAG_TITLES, c, lang) for c in diff["flags"]["raised"]) or none,
            cleared="; ".join(label(vocab.FLAG_TITLES, c, lang) for c in diff["flags"]["cleared"]) or none,
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


def edit_lines(edits: dict, lang: str, names: dict | None = None) -> list[str]:
    """What was edited (:func:`netmap.compare.changes`) in words, one line a change: the map's
    date, actors added, removed and changed, then ties; ``names`` maps actor ids to names."""
    a, ti = edits["actors"], edits["ties"]
    names = {**{r["id"]: r.get("name") or r["id"] for r in a["removed_records"] + a["added_records"]}, **(names or {})}
    lines = []
    old, new = edits["network"]["date"]
    if old != new:
        lines.append(f"{_('Date the map describes', lang)}: {date(old, lang) if old else '-'} \u2192 {date(new, lang)}")
    lines += [_("Actor added: {name}", lang, name=names.get(i, i)) for i in a["added"]]
    lines += [_("Actor removed: {name}", lang, name=names.get(i, i)) for i in a["removed"]]
    lines += [
        f"{names.get(c['id'], c['id'])}: {'; '.join(change_texts(c['changes'], lang, limit=60))}" for c in a["changed"]
    ]
    lines += [_("Tie added: {tie}", lang, tie=tie_text(d, lang, names)) for d in ti["added"]]
    lines += [_("Tie removed: {tie}", lang, tie=tie_text(d, lang, names)) for d in ti["removed"]]
    lines += [
        f"{tie_text(c, lang, names)}: {'; '.join(change_texts(c['changes'], lang, 'ties', limit=60))}"
        for c in ti["changed"]
    ]
    return lines


def shortened(lines: list[str], lang: str, limit: int = 5) -> list[str]:
    """The first ``limit`` lines, and ``and 12 more changes`` for the rest."""
    if len(lines) <= limit:
        return lines
    rest = len(lines) - limit
    return lines[:limit] + [ngettext("and {n} more change", "and {n} more changes", rest, lang)]


def revision_lines(revision, lang: str, limit: int | None = 5) -> list[str]:
    """What a revision of the history (:class:`netmap.history.Revision`) changed, in words;
    with ``limit``, the first ``limit`` changes and how many more there are."""
    if revision.edits is None:
        return [
            _(
                "Network started: {actors}, {ties}",
                lang,
                actors=vocab.count("actors", revision.actors, lang),
                ties=vocab.count("ties", revision.ties, lang),
            )
        ]
    lines = edit_lines(revision.edits, lang, revision.names)
    if revision.moved:
        lines.append(ngettext("{n} actor moved on the map", "{n} actors moved on the map", revision.moved, lang))
    lines = lines or [_("No change to the actors or ties", lang)]
    return lines if limit is None else shortened(lines, lang, limit)
