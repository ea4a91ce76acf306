"""An analysis in words: flag messages, warnings, the METHODS.md document and the terminal report."""

from __future__ import annotations

from ..errors import Where
from ..i18n import _, number, percent
from . import vocab
from .vocab import label

__all__ = ["flag_message", "warning_text", "document", "text_report", "names"]

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
    return label(vocab.FLAG_TEXTS, code, lang, n=len(actors), **fill)


def warning_text(warning: dict, lang: str) -> str:
    """A warning (``{"code", "where", "params"}``) as one line in ``lang``, its place first."""
    where = warning.get("where")
    if isinstance(where, dict):
        where = Where.from_dict(where)
    place = where.text(lang) if hasattr(where, "text") else (where or "")
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
            ties=vocab.count("ties", nw["ties"], lang),
            parts=vocab.count("parts", nw["components"], lang),
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
    if doc["warnings"]:
        lines += ["", _("Warnings", lang) + ":"] + [f"  {w}" for w in doc["warnings"]]
    return "\n".join(lines)
