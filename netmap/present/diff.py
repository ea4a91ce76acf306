"""A comparison (:func:`netmap.compare.compare`) in words: the lines ``netmap diff`` prints."""

from __future__ import annotations

import json
from dataclasses import replace

from ..compare import IGNORED_FIELDS, changes
from ..i18n import _, date, ngettext, number
from ..model import canonical_tie_kind
from . import vocab
from .report import names as list_names
from .review import change_lines as review_lines
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
    "edit_text",
    "merge_texts",
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
    lines += review_lines(diff.get("review", []), lang)
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


# --- one edit in words (undo, redo) ----------------------------------------------------------

#: Names listed in the words of one edit; beyond, ``(+n)``.
EDIT_NAMES = 3


def _moved(old, new):
    """Ids of the actors whose map position differs between ``old`` and ``new``."""
    before = {a.id: (a.x, a.y) for a in old.actors}
    return [a.id for a in new.actors if a.id in before and before[a.id] != (a.x, a.y)]


def _differing(old, new):
    """``old`` and ``new`` cut down to the actors and ties that differ between them: what
    :func:`netmap.compare.changes` then finds is the same, and one edit touches few of them."""
    old_actors, new_actors = {a.id: a for a in old.actors}, {a.id: a for a in new.actors}
    ids = {i for i in old_actors.keys() | new_actors.keys() if old_actors.get(i) != new_actors.get(i)}

    def raw(t):
        return (t.source, t.target, t.kind, t.directed)

    old_ties, new_ties = {raw(t): t for t in old.ties}, {raw(t): t for t in new.ties}
    ties = {k for k in old_ties.keys() | new_ties.keys() if old_ties.get(k) != new_ties.get(k)}
    return tuple(
        replace(net, actors=[a for a in net.actors if a.id in ids], ties=[t for t in net.ties if raw(t) in ties])
        for net in (old, new)
    )


def edit_text(old, new, lang: str = "en") -> str:
    """What the edit from network ``old`` to network ``new`` did, in a few words:
    ``renamed Anna to Ann``, ``added Bo; added the tie Anna — Bo (collaboration)``, ``moved
    3 actors: ...``; ``no change`` when the two are the same (positions included)."""
    names = {**{a.id: a.label for a in old.actors}, **{a.id: a.label for a in new.actors}}
    gone_names = {a.id: a.label for a in old.actors}
    old, new = _differing(old, new)
    d = changes(old, new)
    a, t = d["actors"], d["ties"]

    def listed(ids, label_of=names):
        return list_names(ids, label_of, EDIT_NAMES)

    parts = []
    if len(a["added"]) == 1:
        parts.append(_("added {name}", lang, name=names[a["added"][0]]))
    elif a["added"]:
        n = len(a["added"])
        parts.append(
            ngettext("added {n} actor: {names}", "added {n} actors: {names}", n, lang, names=listed(a["added"]))
        )
    if len(a["removed"]) == 1:
        parts.append(_("deleted {name}", lang, name=gone_names[a["removed"][0]]))
    elif a["removed"]:
        n, ids = len(a["removed"]), a["removed"]
        parts.append(
            ngettext(
                "deleted {n} actor: {names}", "deleted {n} actors: {names}", n, lang, names=listed(ids, gone_names)
            )
        )
    if len(a["changed"]) == 1:
        (c,) = a["changed"]
        if set(c["changes"]) == {"name"}:
            old_name, new_name = c["changes"]["name"]
            parts.append(_("renamed {old} to {new}", lang, old=old_name, new=new_name))
        else:
            texts = "; ".join(change_texts(c["changes"], lang, limit=60))
            parts.append(_("changed {name}: {changes}", lang, name=gone_names.get(c["id"], c["id"]), changes=texts))
    elif a["changed"]:
        ids = [c["id"] for c in a["changed"]]
        parts.append(
            ngettext("changed {n} actor: {names}", "changed {n} actors: {names}", len(ids), lang, names=listed(ids))
        )
    if len(t["added"]) == 1:
        parts.append(_("added the tie {tie}", lang, tie=tie_text(t["added"][0], lang, names)))
    elif t["added"]:
        parts.append(ngettext("added {n} tie", "added {n} ties", len(t["added"]), lang))
    if len(t["removed"]) == 1:
        parts.append(_("deleted the tie {tie}", lang, tie=tie_text(t["removed"][0], lang, names)))
    elif t["removed"]:
        parts.append(ngettext("deleted {n} tie", "deleted {n} ties", len(t["removed"]), lang))
    if len(t["changed"]) == 1:
        (c,) = t["changed"]
        texts = "; ".join(change_texts(c["changes"], lang, "ties", limit=60))
        parts.append(_("changed the tie {tie}: {changes}", lang, tie=tie_text(c, lang, names), changes=texts))
    elif t["changed"]:
        parts.append(ngettext("changed {n} tie", "changed {n} ties", len(t["changed"]), lang))
    old_date, new_date = d["network"]["date"]
    if old_date != new_date:
        parts.append(
            _(
                "changed the date from {old} to {new}",
                lang,
                old=date(old_date, lang) if old_date else "-",
                new=date(new_date, lang) if new_date else "-",
            )
        )
    if not parts:
        moved = _moved(old, new)
        if len(moved) == 1:
            parts.append(_("moved {name}", lang, name=names[moved[0]]))
        elif moved:
            parts.append(
                ngettext("moved {n} actor: {names}", "moved {n} actors: {names}", len(moved), lang, names=listed(moved))
            )
    return "; ".join(parts) or _("no change", lang)


# --- two actors merged into one (netmap.editing.merge_actors) ----------------------------------


def _tie_doc(tie):
    return {"source": tie.source, "target": tie.target, "directed": tie.directed, "kind": canonical_tie_kind(tie.kind)}


def merge_texts(plan, names: dict, lang: str = "en") -> list[tuple[str, list[str]]]:
    """What merging two actors does (a :class:`netmap.editing.Merge`), as ``[(heading, lines)]``
    in ``lang``; ``names`` maps the ids of the network before the merge to names."""
    keep, other = names.get(plan.keep, plan.keep), names.get(plan.other, plan.other)

    def tie(t):
        return tie_text(_tie_doc(t), lang, names)

    def strength(t):
        return value_text("strength", t.strength, lang, "ties")

    out = []
    if plan.filled:
        out.append(
            (
                _("{keep} takes from {other}:", lang, keep=keep, other=other),
                change_texts({f: v for f, v in plan.filled.items() if f not in IGNORED_FIELDS}, lang, limit=80),
            )
        )
    if plan.kept:
        out.append(
            (
                _(
                    "{keep} keeps its own where both have a value ({other}'s is not kept):",
                    lang,
                    keep=keep,
                    other=other,
                ),
                [
                    _(
                        "{field}: {value} (not {other_value})",
                        lang,
                        field=field_label(f, lang),
                        value=value_text(f, mine, lang),
                        other_value=value_text(f, theirs, lang),
                    )
                    for f, (mine, theirs) in plan.kept.items()
                ],
            )
        )
    if plan.moved:
        n = len(plan.moved)
        out.append(
            (
                ngettext(
                    "{n} tie of {other} moves to {keep}:",
                    "{n} ties of {other} move to {keep}:",
                    n,
                    lang,
                    keep=keep,
                    other=other,
                ),
                [
                    _("{before} becomes {after}", lang, before=tie(before), after=tie(after))
                    for before, after in plan.moved
                ],
            )
        )
    if plan.joined:
        head = ngettext(
            "{n} tie becomes a duplicate and is joined:",
            "{n} ties become duplicates and are joined:",
            sum(len(group) - 1 for group, _joined in plan.joined),
            lang,
        )
        lines = [
            _(
                "Ties of the same kind between the same two actors become one: it keeps that kind, takes the "
                "stronger strength, is undirected if either was, and keeps the notes of both.",
                lang,
            )
        ]
        for group, joined in plan.joined:
            parts = " + ".join(f"{tie(t)}, {strength(t)}" for t in group)
            lines.append(
                _(
                    "{ties} become {tie}, strength {strength}",
                    lang,
                    ties=parts,
                    tie=tie(joined),
                    strength=strength(joined),
                )
            )
        out.append((head, lines))
    if plan.dropped:
        out.append(
            (
                ngettext(
                    "{n} tie between the two is removed (an actor is not tied to itself):",
                    "{n} ties between the two are removed (an actor is not tied to itself):",
                    len(plan.dropped),
                    lang,
                ),
                [tie(t) for t in plan.dropped],
            )
        )
    out.append((_("{other} is removed; from now on it is {keep}.", lang, other=other, keep=keep), []))
    return out
