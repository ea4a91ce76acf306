"""An analysis in words: flag messages, warnings, the METHODS.md document and the terminal report."""

from __future__ import annotations

from ..errors import Where
from ..i18n import _, ngettext, number, percent
from . import vocab
from .vocab import label

__all__ = [
    "flag_message",
    "flag_line",
    "warning_text",
    "data_notes",
    "severity_word",
    "document",
    "text_report",
    "names",
    "overlap_lines",
    "actor_words",
]

#: How many names a message lists before it says "(+n)".
NAMES_SHOWN = 8


def names(ids, label_of: dict, limit: int = NAMES_SHOWN) -> str:
    """Names joined by ``;`` (names often contain commas); beyond ``limit``, ``(+n)``."""
    shown = [label_of.get(i, i) for i in ids]
    more = len(shown) - limit
    return "; ".join(shown[:limit]) + (f" (+{more})" if more > 0 else "")


def _dependency(dependency: dict, lang: str, label_of: dict) -> str:
    parts = []
    for v, info in dependency.items():
        name = label_of.get(v, v)
        if info["splits_core"]:
            parts.append(_("without {name} the core falls apart", lang, name=name))
        if info["sectors"]:
            sectors = "/".join(label(vocab.SECTORS, s, lang) for s in info["sectors"])
            parts.append(_("without {name} no {sectors} actor reaches the core", lang, name=name, sectors=sectors))
    return "; ".join(parts)


def flag_message(flag: dict, lang: str, label_of: dict) -> str:
    """What a flag (``{"code", "actors", "params"}``) says, in ``lang``; ``label_of`` maps ids to names."""
    code, p, actors = flag["code"], flag.get("params", {}), flag.get("actors", [])
    fill = {}
    if code in ("ISOLATED_ACTORS", "UNINTEGRATED_COLLABORATIONS"):
        fill["names"] = names(actors, label_of)
    if code == "UNINTEGRATED_COLLABORATIONS":
        fill.update(m=number(p["m"], lang, "count"), share=percent(p["share"], lang))
    elif code == "CLOSING_IN":
        fill.update(ei=number(p["ei"], lang), exp=number(p["exp"], lang))
    elif code == "CLOSING_TREND":
        fill.update(old=p["old"], new=p["new"], a=number(p["a"], lang), b=number(p["b"], lang))
    elif code == "WEAK_FAR_REACH":
        fill["f2"] = number(p["f2"], lang, "count")
    elif code == "WEAK_PARTICIPATION":
        fill["outside"] = _(" (outside the core: {names})", lang, names=names(actors, label_of)) if actors else ""
    elif code == "SPANNER_DEPENDENCY":
        fill["details"] = _dependency(p["dependency"], lang, label_of)
    elif code == "COORDINATORS_ONLY":
        fill["links"] = (
            _(
                "Every tie between public and civil actors ({n} in all) has a coordinator at one end ({names})",
                lang,
                n=number(p["ties"], lang, "count"),
                names=names(actors, label_of),
            )
            if p["ties"]
            else _("No tie joins a public and a civil actor", lang)
        )
    return label(vocab.FLAG_TEXTS, code, lang, n=len(actors), **fill)


def severity_word(severity: str, lang: str) -> str:
    """A flag's severity as the app and the report say it, a capital first: "High", "Warning"."""
    return label(vocab.SEVERITIES, severity, lang).capitalize()


def flag_line(flag: dict, lang: str, label_of: dict) -> str:
    """A flag as one line of the app, its severity in words first: "Warning – Isolated actors:
    1 actor has no tie …" (a box's colour may repeat the severity, never say it alone)."""
    return _(
        "{severity} \u2013 {title}: {message}",
        lang,
        severity=severity_word(flag["severity"], lang),
        title=label(vocab.FLAG_TITLES, flag["code"], lang),
        message=flag_message(flag, lang, label_of),
    )


def _overlap_entry(entry: dict, label_of: dict) -> str:
    """One overlap of :func:`netmap.overlap.overlaps`: a tie ``A – B``, or an arena ``C (A; B)``."""
    if "arena" in entry:
        return (
            f"{label_of.get(entry['arena'], entry['arena'])} ({names(entry['municipal'] + entry['civil'], label_of)})"
        )
    return (
        f"{label_of.get(entry['municipal'], entry['municipal'])} \u2013 {label_of.get(entry['civil'], entry['civil'])}"
    )


def overlap_lines(overlaps: dict, lang: str, label_of: dict) -> list[str]:
    """Which of the three forms of concrete overlap the network shows, one line each, with its ties
    (active; else planned) by name."""
    lines = []
    for form, found in overlaps["forms"].items():
        if found["active"]:
            state = _("yes: {items}", lang, items="; ".join(_overlap_entry(e, label_of) for e in found["active"]))
        elif found["planned"]:
            state = _(
                "planned only: {items}", lang, items="; ".join(_overlap_entry(e, label_of) for e in found["planned"])
            )
        else:
            state = _("no", lang)
        lines.append(f"{label(vocab.OVERLAP_FORMS, form, lang)}: {state}")
    return lines


def actor_words(result: dict, actor_id: str, lang: str) -> dict:
    """What an analysis (:func:`netmap.analysis.analyze`) says about one actor, in words.

    ``{"reach": [near, far], "betweenness": line or None, "brokerage": [lines], "isolation":
    line, "flags": [{"severity", "severity_label", "title", "message", "line"}]}``: its near and far
    reach, its betweenness and rank, whether it spans sectors and its Gould-Fernandez roles
    (each with what it means), whether it is isolated or detached, and the flags that name it.
    """
    actors = result["actors"]
    a = next(x for x in actors if x["id"] == actor_id)
    label_of = {x["id"]: x["name"] or x["id"] for x in actors}
    count = lambda x: number(x, lang, "count")  # noqa: E731
    reach = [
        _(
            "Near reach: {d} directly, {t} within two steps",
            lang,
            d=count(a["near_reach"]["1"]),
            t=count(a["near_reach"]["2"]),
        ),
        _(
            "Far reach: {d} directly, {t} within two steps",
            lang,
            d=count(a["far_reach"]["1"]),
            t=count(a["far_reach"]["2"]),
        ),
    ]
    b = a["betweenness"]
    between = None
    if b is not None:
        if b == 0:
            between = _("Betweenness 0: it lies on no shortest path between two other actors", lang)
        else:
            rank = 1 + sum(1 for x in actors if x["betweenness"] is not None and x["betweenness"] > b)
            between = _(
                "Betweenness {b}: rank {rank} of {n} actors",
                lang,
                b=number(b, lang, "centrality"),
                rank=count(rank),
                n=count(len(actors)),
            )
        if result.get("betweenness_approximate"):
            between += " (" + _("betweenness estimated from a sample", lang) + ")"
    cross = a["cross_sector_brokerage"]
    brokerage = [
        ngettext(
            "Boundary spanner: brokers across sectors {n} time",
            "Boundary spanner: brokers across sectors {n} times",
            cross,
            lang,
        )
        if cross
        else _("Not a boundary spanner: it brokers between no two sectors", lang)
    ]
    brokerage += [
        _(
            "{role}, {times}: {meaning}",
            lang,
            role=label(vocab.ROLES, role, lang),
            times=ngettext("{n} time", "{n} times", a["brokerage"][role], lang),
            meaning=label(vocab.ROLE_MEANINGS, role, lang),
        )
        for role in vocab.ROLES
        if a["brokerage"][role]
    ] or [_("No brokerage role: it links no two actors that have no tie of their own", lang)]
    if a["isolated"]:
        isolation = _("Isolated: it has no tie", lang)
    elif a["detached"]:
        isolation = _("Detached: no path leads from it to the partnership core", lang)
    else:
        isolation = ngettext("Not isolated: tied to {n} actor", "Not isolated: tied to {n} actors", a["degree"], lang)
    flags = [
        {
            "severity": f["severity"],
            "severity_label": severity_word(f["severity"], lang),
            "title": label(vocab.FLAG_TITLES, f["code"], lang),
            "message": flag_message(f, lang, label_of),
            "line": flag_line(f, lang, label_of),
        }
        for f in result["flags"]
        if actor_id in f.get("actors", [])
    ]
    return {"reach": reach, "betweenness": between, "brokerage": brokerage, "isolation": isolation, "flags": flags}


def warning_text(warning: dict, lang: str) -> str:
    """A warning (``{"code", "where", "params"}``) as one line in ``lang``, its place first."""
    where = warning.get("where")
    if isinstance(where, dict):
        where = Where.from_dict(where)
    say = getattr(where, "opening", None) or getattr(where, "text", None)  # an actor named: a capital
    place = say(lang) if say else where or ""
    params = dict(warning.get("params", {}))
    if warning["code"] == "BETWEENNESS_ESTIMATED":
        params = {k: number(v, lang, "count") for k, v in params.items()}
    if warning["code"] == "UNKNOWN_COLUMN":
        suggestion, field = params.pop("suggestion", ""), params.pop("field", "")
        hint = ""
        word = _column_word(field, lang)
        if suggestion and word.lower() == suggestion.lower():
            hint = _(vocab.UNKNOWN_COLUMN_HINT_SAME, lang, suggestion=suggestion)
        elif suggestion:
            hint = _(vocab.UNKNOWN_COLUMN_HINT, lang, suggestion=suggestion, field=word)
        params["hint"] = hint
    body = label(vocab.WARNINGS, warning["code"], lang, **params)
    return f"{place}: {body}" if place else body


def data_notes(result: dict, lang: str) -> list[str]:
    """The warnings of an analysis as the app says them of a network kept in the workspace.

    Such a network has no file, row or column to point at, and it always stores a sector, so a
    sector left out and one chosen as "unknown" look alike: the actors of sector unknown are not
    warned about one by one but named, by their current names, in one neutral note. Other
    warnings are said as :func:`warning_text` says them (the command line keeps its file and row).
    """
    label_of = {a["id"]: a["name"] or a["id"] for a in result["actors"]}
    unknown = [w["params"]["id"] for w in result["warnings"] if w["code"] == "UNKNOWN_SECTOR"]
    notes = [warning_text(w, lang) for w in result["warnings"] if w["code"] != "UNKNOWN_SECTOR"]
    if unknown:
        notes.insert(
            0,
            ngettext(
                '{n} actor has the sector "{unknown}": {names}. Measures by sector count it as a group of its own.',
                '{n} actors have the sector "{unknown}": {names}. Measures by sector count them as one group of their own.',
                len(unknown),
                lang,
                unknown=label(vocab.SECTORS, "unknown", lang),
                names=names(unknown, label_of),
            ),
        )
    return notes


def _column_word(field: str, lang: str) -> str:
    """A field as a word in a sentence: ``name`` -> "name" / "navn"."""
    return label(vocab.COLUMNS, field, lang).lower() if field in vocab.COLUMNS else field


def document(result: dict, lang: str) -> dict:
    """The METHODS.md document of an analysis: flags gain their ``message``, warnings become text.

    Everything else is the language-free result of :func:`netmap.analysis.analyze`, unchanged, so
    documents in two languages differ only in these texts. The document shares the result's
    nested values (actors, groups, partnership) rather than copying them: treat it as read-only.
    """
    label_of = {a["id"]: a["name"] or a["id"] for a in result["actors"]}
    flags = [{**f, "message": flag_message(f, lang, label_of)} for f in result["flags"]]
    warnings = [warning_text(w, lang) for w in result["warnings"]]
    return {**result, "flags": flags, "warnings": warnings}


def _group_label(group_by: str, lang: str) -> str:
    return label(vocab.COLUMNS, group_by, lang).lower() if group_by in vocab.COLUMNS else group_by


def text_report(doc: dict, lang: str) -> str:
    """The terminal text of an analysis document (:func:`document`)."""
    nw, p = doc["network"], doc["partnership"]
    names_of = {a["id"]: a["name"] for a in doc["actors"]}
    lines = [
        _(
            "{name}: {actors}, {ties}, {parts}",
            lang,
            name=nw["name"] or "-",
            actors=vocab.count("actors", nw["actors"], lang),
            ties=vocab.tie_count(nw["ties"], lang, nw.get("planned_ties", 0)),
            parts=vocab.count("parts", nw["components"], lang),
        ),
        *(
            [
                ngettext(
                    "{n} planned tie is not counted in the measures (an idea not yet realised)",
                    "{n} planned ties are not counted in the measures (ideas not yet realised)",
                    nw["planned_ties"],
                    lang,
                    n=number(nw["planned_ties"], lang, "count"),
                )
            ]
            if nw.get("planned_ties")
            else []
        ),
        _(
            "E-I index of the network by {group}: {ei} (expected: {exp})",
            lang,
            group=_group_label(nw["group_by"], lang),
            ei=number(doc["ei_index"], lang),
            exp=number(doc["expected_ei"], lang),
        ),
    ]
    if p:
        lines += [
            _(
                "Partnership core ({n}): {members}",
                lang,
                n=len(p["members"]),
                members="; ".join(names_of[m] for m in p["members"]),
            ),
            _(
                "E-I index of the core: {ei} (expected from group sizes alone: {exp})",
                lang,
                ei=number(p["ei_index"], lang),
                exp=number(p["expected_ei"], lang),
            ),
            _(
                "Reach of the core: near {n1} direct / {n2} within 2 steps; far {f1} direct / {f2} within 2 steps",
                lang,
                n1=number(p["near_reach"]["1"], lang, "count"),
                n2=number(p["near_reach"]["2"], lang, "count"),
                f1=number(p["far_reach"]["1"], lang, "count"),
                f2=number(p["far_reach"]["2"], lang, "count"),
            ),
        ]
    lines += ["", _("Flags", lang) + ":"]
    lines += [
        f"  [{label(vocab.SEVERITIES, f['severity'], lang)}] {f['code']}: {f['message']}" for f in doc["flags"]
    ] or ["  " + _("No flags raised.", lang)]
    spanners = sorted(
        (a for a in doc["actors"] if a["boundary_spanner"]), key=lambda a: (-a["cross_sector_brokerage"], a["name"])
    )
    lines += ["", _("Top boundary spanners (cross-sector brokerage)", lang) + ":"]
    lines += [
        f"  {number(a['cross_sector_brokerage'], lang, 'count'):>6}  {a['name']} "
        f"({label(vocab.SECTORS, a['sector'], lang)})"
        for a in spanners[:10]
    ] or ["  " + _("No boundary spanners.", lang)]
    off = [a for a in doc["actors"] if a["isolated"] or a["detached"]]
    lines += ["", _("Isolated or detached actors", lang) + ":"]
    lines += [f"  {a['name']}" for a in off[:20]] or ["  " + _("No isolated or detached actors.", lang)]
    lines += ["", _("Concrete overlaps between municipal staff and civil actors (section 7.1.1)", lang) + ":"]
    lines += [f"  {line}" for line in overlap_lines(doc["overlaps"], lang, names_of)]
    if doc["warnings"]:
        lines += ["", _("Warnings", lang) + ":"] + [f"  {w}" for w in doc["warnings"]]
    return "\n".join(lines)
