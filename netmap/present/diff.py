"""A comparison (:func:`netmap.compare.compare`) in words: the lines ``netmap diff`` prints."""

from __future__ import annotations

import json
import re
from dataclasses import replace

from ..compare import IGNORED_FIELDS, changes
from ..editing import id_moves, merged, with_ids
from ..i18n import _, date, ngettext, number
from ..model import canonical_tie_kind
from . import vocab
from .report import names as list_names
from .review import change_lines as review_lines
from .review import entry_change_texts
from .vocab import clipped, label, yes_no

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
    "network_edit_lines",
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
    return [
        f"{field_label(f, lang, table)}: {clipped(value_text(f, o, lang, table), limit)} \u2192 "
        f"{clipped(value_text(f, n, lang, table), limit)}"
        for f, (o, n) in changes.items()
        if f not in IGNORED_FIELDS
    ]


def tie_text(d: dict, lang: str, names: dict | None = None) -> str:
    """A tie of a comparison: ``A → B (kind)`` (``A — B`` when undirected), ends by name."""
    names = names or {}
    source, target = names.get(d["source"], d["source"]), names.get(d["target"], d["target"])
    arrow = "\u2192" if d["directed"] else "\u2014"
    kind = re.sub(r" \((.*)\)$", r", \1", label(vocab.TIE_KINDS, d["kind"], lang))  # not "(personal (informal))"
    return f"{source} {arrow} {target} ({kind})"


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


#: The fields of a tie that an edit can change (as :func:`netmap.compare.changes` compares them).
_TIE_EDIT_FIELDS = ("kind", "strength", "status", "notes", "attributes")


def _kind_changes(t: dict) -> dict:
    """The ties of :func:`netmap.compare.changes` with a tie whose kind was changed (in the panel,
    the table) told as that change: the one tie removed and the one added between the same two
    actors, the same way round, become one changed tie (``Kind: collaboration → funding;
    Strength: 2 → 3``). A tie's identity includes its kind (METHODS.md), so the comparison has them
    as a removal and an addition; an edit is told as what the person did."""

    def ends(d):
        return frozenset((d["source"], d["target"])), d["directed"] and (d["source"], d["target"])

    removed, added = list(t["removed"]), list(t["added"])
    changed = list(t["changed"])
    for old in t["removed"]:
        before = [r for r in removed if ends(r) == ends(old)]
        after = [n for n in added if ends(n) == ends(old)]
        if len(before) == 1 and len(after) == 1:
            new = after[0]
            removed.remove(old)
            added.remove(new)
            changes = {f: [old.get(f), new.get(f)] for f in _TIE_EDIT_FIELDS if old.get(f) != new.get(f)}
            changed.append({**new, "changes": changes})
    return {"added": added, "removed": removed, "changed": changed}


def _worded(d: dict, lang: str, names: dict, old_names: dict | None = None, merge: tuple | None = None) -> dict:
    """The changes ``d`` (:func:`netmap.compare.changes`) as the pieces :func:`edit_lines` and
    :func:`edit_text` both put in words: actors by name (``old_names`` for removed and changed
    ones, else ``names``), ties by their ends and kind, changed fields as ``Field: old → new``,
    the map's date as ``(old, new)`` when it changed, and the elements of the review whose
    rating or note changed. After a merge (``merge``, from
    :func:`netmap.editing.merged`) no actor is removed and no tie changed: the merge says it."""
    a, t, old_names = d["actors"], _kind_changes(d["ties"]), old_names or names
    if merge:
        a = {**a, "removed": []}
        t = {"added": [], "removed": [], "changed": []}
    old_date, new_date = d["network"]["date"]
    when = {day: date(day, lang) if day else "-" for day in (old_date, new_date)}
    return {
        "date": (when[old_date], when[new_date]) if old_date != new_date else None,
        "added": [names.get(i, i) for i in a["added"]],
        "removed": [old_names.get(i, i) for i in a["removed"]],
        "changed": [
            (old_names.get(c["id"], c["id"]), "; ".join(change_texts(c["changes"], lang, limit=60)), c["changes"])
            for c in a["changed"]
        ],
        "ties added": [tie_text(x, lang, names) for x in t["added"]],
        "ties removed": [tie_text(x, lang, names) for x in t["removed"]],
        "ties changed": [
            (tie_text(c, lang, names), "; ".join(change_texts(c["changes"], lang, "ties", limit=60)))
            for c in t["changed"]
        ],
        "review": [
            (c["number"], text)
            for c, text in zip(d.get("review", []), entry_change_texts(d.get("review", []), lang, 60), strict=True)
        ],
    }


def _merged_text(merge, names: dict, lang: str, in_sentence=False) -> str:
    """``Merged B into A (3 ties moved)``: a merge (:func:`netmap.editing.merged`) in words; ``in
    sentence`` as part of an undo's sentence ("Undone: merged B into A"; Danish words it otherwise)."""
    keep, other, n = merge
    ends = {"other": names.get(other, other), "keep": names.get(keep, keep)}
    if in_sentence and not n:
        return _("merged {other} into {keep}", lang, **ends)
    if in_sentence:
        return ngettext(
            "merged {other} into {keep} ({n} tie moved)", "merged {other} into {keep} ({n} ties moved)", n, lang, **ends
        )
    if not n:
        return _("Merged {other} into {keep}", lang, **ends)
    return ngettext(
        "Merged {other} into {keep} ({n} tie moved)", "Merged {other} into {keep} ({n} ties moved)", n, lang, **ends
    )


def edit_lines(edits: dict, lang: str, names: dict | None = None, merge: tuple | None = None) -> list[str]:
    """What was edited (:func:`netmap.compare.changes`) in words, one line a change: the map's
    date, actors added, removed and changed, then ties; ``names`` maps actor ids to names. A merge
    of two actors (``merge``, from :func:`netmap.editing.merged`) is one line, with the fields the
    kept actor took from the other one; its actor and ties removed and added are not listed."""
    a = edits["actors"]
    names = {**{r["id"]: r.get("name") or r["id"] for r in a["removed_records"] + a["added_records"]}, **(names or {})}
    w = _worded(edits, lang, names, merge=merge)
    date_word, review_word = _("Date the map describes", lang), _("Review", lang)
    lines = [f"{date_word}: {w['date'][0]} \u2192 {w['date'][1]}"] if w["date"] else []
    if merge:
        lines.append(_merged_text(merge, names, lang))
    lines += [_("Actor added: {name}", lang, name=n) for n in w["added"]]
    lines += [_("Actor removed: {name}", lang, name=n) for n in w["removed"]]
    lines += [f"{n}: {texts}" for n, texts, _changes in w["changed"]]
    lines += [_("Tie added: {tie}", lang, tie=tie) for tie in w["ties added"]]
    lines += [_("Tie removed: {tie}", lang, tie=tie) for tie in w["ties removed"]]
    lines += [f"{tie}: {texts}" for tie, texts in w["ties changed"]]
    lines += [f"{review_word}: {text}" for _number, text in w["review"]]
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
    return _listed(revision.edits, revision.names, revision.merged, revision.moved, lang, limit)


def _listed(edits, names, merge, moved, lang, limit):
    """:func:`edit_lines`, then how many actors moved (``moved``), shortened to ``limit``."""
    lines = edit_lines(edits, lang, names, merge)
    if moved:
        lines.append(ngettext("{n} actor moved on the map", "{n} actors moved on the map", moved, lang))
    lines = lines or [_("No change to the actors, ties or review", lang)]
    return lines if limit is None else shortened(lines, lang, limit)


# --- one edit in words (undo, redo) ----------------------------------------------------------

#: Names listed in the words of one edit; beyond, ``(+n)``.
EDIT_NAMES = 3


def _moved(old, new):
    """Ids of the actors whose map position differs between ``old`` and ``new``."""
    before = {a.id: (a.x, a.y) for a in old.actors}
    return [a.id for a in new.actors if a.id in before and before[a.id] != (a.x, a.y)]


def _raw(t):
    """A tie's ends, kind and direction as written (unique, as the ties' identities are)."""
    return (t.source, t.target, t.kind, t.directed)


def _records(net):
    """The actors of ``net`` by id and its ties by :func:`_raw`."""
    return {a.id: a for a in net.actors}, {_raw(t): t for t in net.ties}


def _differing(old, new, records):
    """``old`` and ``new`` cut down to the actors and ties that differ between them (``records``:
    their :func:`_records`): what :func:`netmap.compare.changes` then finds is the same, and one
    edit touches few of them."""
    (old_actors, old_ties), (new_actors, new_ties) = records
    ids = {i for i in old_actors.keys() | new_actors.keys() if old_actors.get(i) != new_actors.get(i)}
    ties = {k for k in old_ties.keys() | new_ties.keys() if old_ties.get(k) != new_ties.get(k)}
    return tuple(
        replace(net, actors=[a for a in net.actors if a.id in ids], ties=[t for t in net.ties if _raw(t) in ties])
        for net in (old, new)
    )


def _edit(old, new, noted=None):
    """``(names of old, names of both, merge, (old, new) cut down)``: what :func:`edit_text` and
    :func:`network_edit_lines` need of the networks ``old`` and ``new`` (``noted``: the merge the
    revision's note says, :func:`netmap.editing.noted_merge`). An actor that got a neutral id
    (it became a citizen) is the same actor on both sides (:func:`netmap.editing.id_moves`)."""
    gone_names, new_names = ({a.id: a.label for a in net.actors} for net in (old, new))
    moves = id_moves(gone_names, new_names)
    if moves:
        old = with_ids(old, moves)
        gone_names = {moves.get(i, i): label for i, label in gone_names.items()}
    names = {**gone_names, **new_names}
    records = (old_actors, old_ties), (new_actors, new_ties) = _records(old), _records(new)
    merge = merged(old_actors, new_actors, old_ties, new_ties) or noted
    return gone_names, names, merge, _differing(old, new, records)


def network_edit_lines(old, new, lang: str = "en", limit: int | None = 5) -> list[str]:
    """What going from network ``old`` to network ``new`` changes, one line a change as the
    history says it (:func:`revision_lines`): e.g. what restoring a revision will do."""
    _gone, names, merge, (old, new) = _edit(old, new)
    return _listed(changes(old, new), names, merge, len(_moved(old, new)), lang, limit)


def edit_text(old, new, lang: str = "en", noted=None) -> str:
    """What the edit from network ``old`` to network ``new`` did, in a few words:
    ``renamed Anna to Ann``, ``added Bo; added the tie Anna — Bo (collaboration)``, ``moved
    3 actors: ...``; ``no change`` when the two are the same (positions included). The pieces of
    :func:`edit_lines`; several of a kind are counted (actors also listed by name). ``noted``: the
    merge the edit's revision notes (:func:`netmap.editing.noted_merge`)."""
    gone_names, names, merge, (old, new) = _edit(old, new, noted)
    w = _worded(changes(old, new), lang, names, gone_names, merge)

    def part(items, one, many, listed=None):
        """``one(item)`` for one item, ``many(n, names)`` for several; ``listed``: their names."""
        if len(items) == 1:
            return [one(items[0])]
        return [many(len(items), list_names(listed or items, {}, EDIT_NAMES))] if items else []

    def changed(item):
        name, texts, fields = item
        if set(fields) == {"name"}:
            return _("renamed {old} to {new}", lang, old=fields["name"][0], new=fields["name"][1])
        return _("changed {name}: {changes}", lang, name=name, changes=texts)

    parts = []
    if merge:
        parts.append(_merged_text(merge, names, lang, in_sentence=True))
    parts += part(
        w["added"],
        lambda name: _("added {name}", lang, name=name),
        lambda n, listed: ngettext("added {n} actor: {names}", "added {n} actors: {names}", n, lang, names=listed),
    )
    parts += part(
        w["removed"],
        lambda name: _("deleted {name}", lang, name=name),
        lambda n, listed: ngettext("deleted {n} actor: {names}", "deleted {n} actors: {names}", n, lang, names=listed),
    )
    parts += part(
        w["changed"],
        changed,
        lambda n, listed: ngettext("changed {n} actor: {names}", "changed {n} actors: {names}", n, lang, names=listed),
        [c[0] for c in w["changed"]],
    )
    parts += part(
        w["ties added"],
        lambda tie: _("added the tie {tie}", lang, tie=tie),
        lambda n, listed: ngettext("added {n} tie: {ties}", "added {n} ties: {ties}", n, lang, ties=listed),
    )
    parts += part(
        w["ties removed"],
        lambda tie: _("deleted the tie {tie}", lang, tie=tie),
        lambda n, listed: ngettext("deleted {n} tie: {ties}", "deleted {n} ties: {ties}", n, lang, ties=listed),
    )
    parts += part(
        w["ties changed"],
        lambda c: _("changed the tie {tie}: {changes}", lang, tie=c[0], changes=c[1]),
        lambda n, listed: ngettext("changed {n} tie: {ties}", "changed {n} ties: {ties}", n, lang, ties=listed),
        [c[0] for c in w["ties changed"]],
    )
    parts += part(
        w["review"],
        lambda c: _("changed the review: {change}", lang, change=c[1]),
        lambda n, _listed: ngettext(
            "changed the review of {n} element (no. {numbers})",
            "changed the review of {n} elements (no. {numbers})",
            n,
            lang,
            numbers=", ".join(str(number) for number, _text in w["review"]),
        ),
        [text for _number, text in w["review"]],
    )
    if w["date"]:
        parts.append(_("changed the date from {old} to {new}", lang, old=w["date"][0], new=w["date"][1]))
    if not parts:
        parts = part(
            [names[i] for i in _moved(old, new)],
            lambda name: _("moved {name}", lang, name=name),
            lambda n, listed: ngettext("moved {n} actor: {names}", "moved {n} actors: {names}", n, lang, names=listed),
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
