"""The review of Table 7.1 in words: the elements, the ratings, and the network's evidence.

:func:`review_rows` gives the review table (one row per element, with the evidence in words) for
the app, the command line and the meeting report; :func:`review_table` the same as a file's
header and rows; :func:`change_rows` how the ratings changed between two versions.
"""

from __future__ import annotations

from ..i18n import N_, Nn_, _, date, ngettext, number, percent
from ..review import ELEMENTS, GROUPS, review_changes
from . import vocab
from .report import NAMES_SHOWN, _dependency, flag_message, names
from .vocab import clipped, label

__all__ = [
    "element_text",
    "group_text",
    "rating_text",
    "scale_text",
    "entry_change_texts",
    "evidence_text",
    "change_lines",
    "evidence_lines",
    "review_rows",
    "review_table",
    "change_rows",
    "REVIEW_HEADERS",
]

#: Headers of a review file (one row per element), per language; netmap reads both back
#: (:data:`netmap.review.REVIEW_FIELDS`). The group, element and evidence columns are for reading.
REVIEW_HEADERS = {
    "en": ("number", "group", "element", "rating", "note", "date", "the network shows"),
    "da": ("nr", "gruppe", "element", "vurdering", "note", "dato", "netværket viser"),
}

#: What each piece of evidence says (netmap/evidence.py; METHODS.md, "Evidence for the review").
EVIDENCE_TEXTS = {
    "NO_CORE": N_(
        "No actor is marked as a partner, so the network cannot speak to this element. Mark the core members (partner = yes)."
    ),
    "REACH": N_(
        "The core reaches {n1} near actors directly and {n2} within two steps; {f1} far actors directly and {f2} within two steps."
    ),
    "NO_PERSONAL_TIES": N_(
        "No personal (informal) tie is recorded among the core members or between them and others. The evaluation: personal relations are as decisive a resource as formal agreements."
    ),
    "PERSONAL_TIES": N_(
        "Personal (informal) ties join {cp} of the {ct} tied pairs of core members ({cs}) and {ap} of the {at} tied pairs between core members and others ({as_}): {names}."
    ),
    "NO_SINGLE_POINT": N_(
        "No link rests on one actor: without any single actor the other core members stay connected and every sector still reaches the core."
    ),
    "CORE_DENSITY": N_("{tied} of the {pairs} pairs of core members are tied directly (density {density})."),
    "CORE_ALONE": Nn_(
        "{names} has no tie to any other core member.",
        "{names} have no tie to any other core member.",
    ),
    "CORE_UNTIED_PAIRS": N_("Pairs of core members with no tie between them: {pairs}."),
    "OWN_MANAGEMENT_SELF": N_("At management or political level themselves: {names}."),
    "OWN_MANAGEMENT_TIED": N_("Tied to management of their own organisation: {links}."),
    "OWN_MANAGEMENT_UNTIED": N_(
        "No tie to the management of their own organisation on the map (management shown in brackets): {links}."
    ),
    "OWN_MANAGEMENT_UNKNOWN": N_(
        "No management-level actor of their own organisation is on the map (fill in Organisation to show it): {names}."
    ),
    "NO_POLITICAL_ACTOR": N_("No political-level actor is on the map."),
    "POLITICAL_UNREACHED": N_("No political-level actor on the map can be reached from the core: {names}."),
    "POLITICAL_IN_CORE": N_("A political-level actor is in the core: {names}."),
    "POLITICAL_DISTANCE": Nn_(
        "The nearest political-level actor is {n} step from the core: {names}.",
        "The nearest political-level actors are {n} steps from the core: {names}.",
    ),
    "SECTORS_IN_CORE": N_("Every sector on the map has a member in the core ({sectors})."),
    "SECTORS_ABSENT": N_("Sectors on the map with no member in the core: {sectors} ({names})."),
    "UNINTEGRATED": N_("{n} of the {m} actors tied to the core ({share}) are tied to only one core member: {names}."),
    "UNINTEGRATED_NONE": N_("Each of the {m} actors tied to the core is tied to more than one core member."),
    "NO_SPANNERS": N_("No actor links actors of different sectors: the network shows no boundary spanner."),
    "SPANNERS": Nn_(
        "{n} boundary spanner links the sectors: {list}.",
        "{n} boundary spanners link the sectors; the leading ones: {list}.",
    ),
    "SPANNER": Nn_(
        "{name} ({sector}): {cross} cross-sector brokerage ({roles})",
        "{name} ({sector}): {cross} cross-sector brokerages ({roles})",
    ),
    "ROLES": N_("The roles: {roles}."),
    "SPANNER_IS_SINGLE_POINT": N_("The partnership depends on a boundary spanner: {details}."),
    "NO_SPANNER_SINGLE_POINT": N_(
        "No boundary spanner is a single point of failure: the partnership does not depend on one of them."
    ),
}

_LINK = " \u2013 "  # "A – B"


def element_text(number_: int, lang: str) -> str:
    """The wording of an element of Table 7.1 in ``lang``."""
    return label(vocab.REVIEW_ELEMENTS, number_, lang)


def group_text(group: str, lang: str) -> str:
    return label(vocab.REVIEW_GROUPS, group, lang)


def rating_text(rating, lang: str) -> str:
    """A rating in words: ``3`` -> "largely in place" / "i høj grad på plads"; None -> "not assessed"."""
    return label(vocab.RATINGS, rating, lang)


def scale_text(rating, lang: str) -> str:
    """A rating as the review's select shows it: "3 – largely in place"; "not assessed"."""
    words = rating_text(rating, lang)
    return words if rating is None else f"{rating} \u2013 {words}"


def entry_change_texts(review: list, lang: str, limit: int | None = None) -> list[str]:
    """A comparison's ``review`` (:func:`netmap.compare.changes`) as the history and undo put it:
    ``1. Element: not assessed → 2 – partly in place; Note: - → text``, one an element (a note
    longer than ``limit`` characters cut short)."""
    note = REVIEW_HEADERS.get(lang, REVIEW_HEADERS["en"])[4].capitalize()
    out = []
    for c in review:
        (r0, r1), (n0, n1) = c["rating"], c["note"]
        parts = [f"{scale_text(r0, lang)} \u2192 {scale_text(r1, lang)}"] if r0 != r1 else []
        parts += [f"{note}: {clipped(n0 or '-', limit)} \u2192 {clipped(n1 or '-', limit)}"] if n0 != n1 else []
        out.append(f"{c['number']}. {element_text(c['number'], lang)}: {'; '.join(parts)}")
    return out


def _count(x, lang):
    return number(x, lang, "count")


def _spanner(s, lang, label_of, sector_of):
    """One boundary spanner: its cross-sector brokerage and its roles, the most frequent first."""
    roles = sorted(s["roles"], key=lambda r: -s["roles"][r])
    return ngettext(
        *EVIDENCE_TEXTS["SPANNER"],
        s["cross"],
        lang,
        name=label_of.get(s["id"], s["id"]),
        sector=label(vocab.SECTORS, sector_of.get(s["id"], "unknown"), lang),
        cross=_count(s["cross"], lang),
        roles=", ".join(f"{label(vocab.ROLES, r, lang).lower()} {_count(s['roles'][r], lang)}" for r in roles),
    )


def _roles(spanners, lang):
    """The Gould-Fernandez roles the listed spanners play, each in words."""
    seen = [r for r in vocab.ROLE_MEANINGS if any(r in s["roles"] for s in spanners)]
    listed = "; ".join(
        f"{label(vocab.ROLES, r, lang).lower()} \u2013 {label(vocab.ROLE_MEANINGS, r, lang)}" for r in seen
    )
    return _(EVIDENCE_TEXTS["ROLES"], lang, roles=listed)


def _links(links, label_of):
    return "; ".join(f"{label_of.get(m, m)} ({' / '.join(label_of.get(v, v) for v in vs)})" for m, vs in links)


def evidence_text(item: dict, lang: str, label_of: dict, sector_of: dict | None = None) -> str:
    """One piece of evidence (:func:`netmap.evidence.evidence`) as a sentence in ``lang``.

    ``label_of`` maps actor ids to names; ``sector_of`` ids to sectors (for the boundary spanners).
    """
    code, p, actors = item["code"], item["params"], item["actors"]
    who = names(actors, label_of)
    if code == "FLAG":
        flag = p["flag"]
        return f"{label(vocab.FLAG_TITLES, flag['code'], lang)}: {flag_message(flag, lang, label_of)}"
    if code == "REACH":
        text = _(EVIDENCE_TEXTS[code], lang, **{k: _count(p[k], lang) for k in ("n1", "n2", "f1", "f2")})
        return text + (" " + _("Far actors within two steps: {names}.", lang, names=who) if actors else "")
    if code == "PERSONAL_TIES":
        return _(
            EVIDENCE_TEXTS[code],
            lang,
            cp=_count(p["core_personal"], lang),
            ct=_count(p["core_pairs"], lang),
            cs=percent(p["core_share"], lang),
            ap=_count(p["around_personal"], lang),
            at=_count(p["around_pairs"], lang),
            as_=percent(p["around_share"], lang),
            names=who,
        )
    if code == "CORE_DENSITY":
        if not p["pairs"]:
            return _("The core has a single member: there is no dialogue within it to measure.", lang)
        return _(
            EVIDENCE_TEXTS[code],
            lang,
            tied=_count(p["tied"], lang),
            pairs=_count(p["pairs"], lang),
            density=percent(p["density"], lang),
        )
    if code == "CORE_ALONE":
        return ngettext(*EVIDENCE_TEXTS[code], len(actors), lang, names=who)
    if code == "CORE_UNTIED_PAIRS":
        pairs = [f"{label_of.get(a, a)}{_LINK}{label_of.get(b, b)}" for a, b in p["pairs"][:NAMES_SHOWN]]
        more = p["untied"] - len(pairs)
        return _(EVIDENCE_TEXTS[code], lang, pairs="; ".join(pairs) + (f" (+{more})" if more > 0 else ""))
    if code in ("OWN_MANAGEMENT_TIED", "OWN_MANAGEMENT_UNTIED"):
        return _(EVIDENCE_TEXTS[code], lang, links=_links(p["links"], label_of))
    if code == "POLITICAL_DISTANCE":
        if p["distance"] == 0:
            return _(EVIDENCE_TEXTS["POLITICAL_IN_CORE"], lang, names=who)
        return ngettext(*EVIDENCE_TEXTS[code], p["distance"], lang, names=who)
    if code in ("SECTORS_IN_CORE", "SECTORS_ABSENT"):
        sectors = ", ".join(label(vocab.SECTORS, s, lang) for s in p["sectors"])
        return _(EVIDENCE_TEXTS[code], lang, sectors=sectors, names=who)
    if code == "UNINTEGRATED":
        if not p["n"]:
            return _(EVIDENCE_TEXTS["UNINTEGRATED_NONE"], lang, m=_count(p["m"], lang))
        return _(
            EVIDENCE_TEXTS[code],
            lang,
            n=_count(p["n"], lang),
            m=_count(p["m"], lang),
            share=percent(p["share"], lang),
            names=who,
        )
    if code == "SPANNERS":
        listed = "; ".join(_spanner(s, lang, label_of, sector_of or {}) for s in p["spanners"])
        return ngettext(*EVIDENCE_TEXTS[code], p["total"], lang, list=listed) + " " + _roles(p["spanners"], lang)
    if code == "SPANNER_IS_SINGLE_POINT":
        return _(EVIDENCE_TEXTS[code], lang, details=_dependency(p["dependency"], lang, label_of))
    return label(EVIDENCE_TEXTS, code, lang, names=who)


def evidence_lines(items: list, lang: str, label_of: dict, sector_of: dict | None = None) -> list[str]:
    """The evidence of one element as lines ``"Speaks against: ..."`` (the tone in words, never by colour alone)."""
    return [
        f"{label(vocab.TONES, item['tone'], lang)}: {evidence_text(item, lang, label_of, sector_of)}" for item in items
    ]


def _analysis(net, result):
    if result is None:
        from ..analysis import analyze

        result = analyze(net, betweenness=False)
    return result


def review_rows(net, result: dict | None = None, lang: str = "en") -> list[dict]:
    """The review table of ``net``: one row per element of Table 7.1, in the table's order.

    Each row is ``{"group", "number", "element", "rating", "note", "date", "evidence"}`` in words
    (``rating`` the scale's words, ``date`` as the language writes dates, ``evidence`` the
    network's evidence as lines joined by newlines; empty for the elements the network cannot
    speak to), plus ``group_code``, ``rating_value`` (1-4 or None), ``date_iso`` and
    ``evidence_items`` (the language-free evidence, with the actors concerned).
    ``result`` is ``analyze(net)`` (computed when not given).
    """
    from ..evidence import evidence

    result = _analysis(net, result)
    label_of = {a["id"]: a["name"] or a["id"] for a in result["actors"]}
    sector_of = {a["id"]: a["sector"] for a in result["actors"]}
    return _rows(net, lang, evidence(net, result), label_of, sector_of)


def _rows(net, lang, found, label_of, sector_of):
    rows = []
    for group in GROUPS:
        for n in ELEMENTS[group]:
            entry = net.review.get(n)
            items = found.get(n, [])
            rows.append(
                {
                    "group": group_text(group, lang),
                    "group_code": group,
                    "number": n,
                    "element": element_text(n, lang),
                    "rating": rating_text(entry.rating if entry else None, lang),
                    "rating_value": entry.rating if entry else None,
                    "note": entry.note if entry else "",
                    "date": date(entry.date, lang) if entry and entry.date else "",
                    "date_iso": entry.date if entry else None,
                    "evidence": "\n".join(evidence_lines(items, lang, label_of, sector_of)),
                    "evidence_items": items,
                }
            )
    return rows


def review_table(net, lang: str = "en", result: dict | None = None) -> tuple[list, list]:
    """Header and rows of a review file: one row per element, the rating as its number (1-4,
    empty: not assessed) and the date as YYYY-MM-DD, so netmap reads the file back
    (:func:`netmap.reading.read_review`); with ``result`` (``analyze(net)``) the evidence in words too."""
    header = list(REVIEW_HEADERS.get(lang, REVIEW_HEADERS["en"]))
    with_evidence = result is not None
    rows = review_rows(net, result, lang) if with_evidence else _rows(net, lang, {}, {}, {})
    out = [
        [r["number"], r["group"], r["element"], r["rating_value"], r["note"], r["date_iso"] or ""]
        + ([r["evidence"]] if with_evidence else [])
        for r in rows
    ]
    return (header if with_evidence else header[:-1]), out


def change_lines(review: list, lang: str) -> list[str]:
    """A comparison's ``review`` (:func:`netmap.compare.compare`) as ``netmap diff`` prints it: a
    heading, then one line an element whose rating or note changed; nothing when none did."""
    if not review:
        return []
    rating, note = REVIEW_HEADERS.get(lang, REVIEW_HEADERS["en"])[3:5]
    lines = [
        ngettext(
            "Review (Table 7.1): {n} element changed", "Review (Table 7.1): {n} elements changed", len(review), lang
        )
    ]
    for c in review:
        (r0, r1), (n0, n1) = c["rating"], c["note"]
        parts = [f"{rating}: {rating_text(r0, lang)} \u2192 {rating_text(r1, lang)}"] if r0 != r1 else []
        parts += [f"{note}: {n0 or '-'} \u2192 {n1 or '-'}"] if n0 != n1 else []
        lines.append(f"  ~ {c['number']}. {element_text(c['number'], lang)}: {'; '.join(parts)}")
    return lines


def change_rows(old: dict, new: dict, lang: str) -> list[dict]:
    """How the ratings and notes changed from review ``old`` to ``new``: one row per element that
    changed, ``{"number", "element", "rating_before", "rating_after", "note_before", "note_after"}`` in words."""
    out = []
    for c in review_changes(old, new):
        a, b = c["before"], c["after"]
        out.append(
            {
                "number": c["number"],
                "element": element_text(c["number"], lang),
                "rating_before": rating_text(a.rating if a else None, lang),
                "rating_after": rating_text(b.rating if b else None, lang),
                "note_before": a.note if a else "",
                "note_after": b.note if b else "",
            }
        )
    return out
