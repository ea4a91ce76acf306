"""A survey round's results in words and tables (issue 13), in English and Danish.

:func:`netmap.survey.results` gives the numbers without language; this module says them: the
response rate, the ties (confirmed, one-sided, or about an actor who did not answer, with who
reported each), trust and value per tie, per actor and for the network with the percentage of the
maximum (PARTNER), the influence each actor is given (median and spread), and the ratings of the
19 elements of Table 7.1 with the elements the partners disagree most about first.
"""

from __future__ import annotations

from ..i18n import N_, _, number, percent
from . import vocab
from .review import element_text
from .vocab import label

__all__ = [
    "TIE_STATUSES",
    "TIE_STATUS_SHORT",
    "HEADERS",
    "FREQUENCIES",
    "DISAGREEMENT",
    "response_text",
    "tie_rows",
    "actor_rows",
    "element_rows",
    "results_text",
]

#: How a reported tie stands (:func:`netmap.survey.results`, ``status``).
TIE_STATUSES = {
    "confirmed": N_("confirmed: both named each other"),
    "one_sided": N_("one-sided: only one of two respondents named it"),
    "non_respondent": N_("with an actor who did not answer"),
}

#: The same, short, for a table's status column.
TIE_STATUS_SHORT = {
    "confirmed": N_("confirmed"),
    "one_sided": N_("one-sided"),
    "non_respondent": N_("other side did not answer"),
}

#: How often partners work together.
FREQUENCIES = {
    "daily": N_("daily"),
    "weekly": N_("weekly"),
    "monthly": N_("monthly"),
    "less": N_("less often"),
}

#: Said wherever the ratings of Table 7.1 are shown.
DISAGREEMENT = N_(
    "Disagreement is a finding, not noise: where partners see a tie or an element differently, that is "
    "worth talking about in the partnership."
)


#: Headers of the tables, per table (the app shows them; the command line prints the same columns).
HEADERS = {
    "ties": (N_("Tie"), N_("Status"), N_("Reported by"), N_("Kinds"), N_("How often"), N_("Value"), N_("Trust")),
    "actors": (
        N_("Actor"),
        N_("Value"),
        N_("Trust"),
        N_("Influence (median)"),
        N_("Influence (range)"),
        N_("Reports"),
    ),
    "elements": (N_("Element"), N_("Ratings"), N_("Median"), N_("Spread (standard deviation)"), N_("Comments")),
}


def _mean(x, lang):
    return number(x, lang, "index")


def _figure(x, lang):
    """A median or a spread: whole when it is whole (``3``), else with decimals (``2.50``)."""
    if x is None:
        return number(None, lang)
    return number(x, lang, "count" if float(x).is_integer() else "index")


def _score(mean, pct, lang):
    """A mean on the 1-4 scale with its percentage of the maximum: ``3.25 (81%)``; "-" when none."""
    if mean is None:
        return "-"
    return f"{_mean(mean, lang)} ({percent(pct / 100, lang)})" if pct is not None else _mean(mean, lang)


def response_text(response: dict, lang: str) -> str:
    """``4 of 7 respondents answered (57%)``."""
    return _(
        "{answered} of {invited} respondents answered ({rate})",
        lang,
        answered=number(response["answered"], lang, "count"),
        invited=number(response["invited"], lang, "count"),
        rate=percent(response["rate"] or 0, lang),
    )


def _names(ids, names):
    return ", ".join(names.get(i, i) for i in ids)


def tie_rows(results: dict, lang: str, names: dict | None = None) -> list[tuple]:
    """One row per reported tie (:data:`HEADERS` ``ties``), confirmed first, then one-sided, then the rest."""
    names = names or {}
    order = list(TIE_STATUSES)
    rows = []
    for t in sorted(results["ties"], key=lambda t: order.index(t["status"]) if t["status"] in order else 9):
        pct = t.get("value_pct"), t.get("trust_pct")
        rows.append(
            (
                f"{names.get(t['a'], t['a'])} \u2013 {names.get(t['b'], t['b'])}",
                label(TIE_STATUS_SHORT, t["status"], lang),
                _names(t["reported_by"], names),
                ", ".join(label(vocab.TIE_KINDS, k, lang) for k in t["kinds"]),
                label(FREQUENCIES, t["frequency"], lang) if t.get("frequency") else "-",
                _score(t.get("value"), _pct(t.get("value"), pct[0]), lang),
                _score(t.get("trust"), _pct(t.get("trust"), pct[1]), lang),
            )
        )
    return rows


def _pct(mean, pct):
    """The percentage of the maximum 4 (PARTNER): the result's own, else ``mean / 4``."""
    if pct is not None:
        return pct
    return None if mean is None else mean / 4 * 100


def _range(a: dict, lang):
    """The spread of the influence an actor is given: the lowest and highest score (``2–5``)."""
    if a.get("influence_min") is None:
        return "-"
    low, high = (number(a[k], lang, "count") for k in ("influence_min", "influence_max"))
    return low if low == high else f"{low}–{high}"


def actor_rows(results: dict, lang: str, names: dict | None = None) -> list[tuple]:
    """One row per actor others reported about or gave an influence (:data:`HEADERS` ``actors``), by name."""
    names = names or {}
    rows = []
    for actor_id, a in sorted(results["actors"].items(), key=lambda kv: names.get(kv[0], kv[0]).casefold()):
        rows.append(
            (
                names.get(actor_id, actor_id),
                _score(a.get("value"), a.get("value_pct"), lang),
                _score(a.get("trust"), a.get("trust_pct"), lang),
                _figure(a.get("influence_median"), lang) if a.get("influence_median") is not None else "-",
                _range(a, lang),
                number(a.get("n_reports", 0), lang, "count"),
            )
        )
    return rows


def element_rows(results: dict, lang: str) -> list[tuple]:
    """One row per element of Table 7.1 that was rated (:data:`HEADERS` ``elements``), most disagreement first."""
    rows = []
    for e in results["elements"]:
        ratings = [r for r in e["ratings"] if r is not None]
        if not ratings and not e.get("comments"):
            continue
        rows.append(
            (
                f"{e['element']}. {element_text(e['element'], lang)}",
                ", ".join(number(r, lang, "count") for r in ratings) or "-",
                _figure(e.get("median"), lang) if ratings else "-",
                _figure(e.get("spread"), lang) if ratings else "-",
                " | ".join(c for c in e.get("comments", []) if c),
            )
        )
    return rows


def results_text(results: dict, lang: str = "en", names: dict | None = None) -> str:
    """The whole result as the command line prints it; ``names`` maps actor ids to names."""
    names = names or {}
    lines = [response_text(results["response"], lang), ""]
    net = results["network"]
    lines.append(
        _(
            "The network: value {value}, trust {trust} (mean of the 1-4 ratings, and its percentage of the maximum 4)",
            lang,
            value=_score(net.get("value"), _pct(net.get("value"), net.get("value_pct")), lang),
            trust=_score(net.get("trust"), _pct(net.get("trust"), net.get("trust_pct")), lang),
        )
    )
    rows = tie_rows(results, lang, names)
    lines += ["", _("Ties reported ({n})", lang, n=number(len(rows), lang, "count"))]
    for status in TIE_STATUSES:
        these = [t for t in results["ties"] if t["status"] == status]
        if not these:
            continue
        lines.append("  " + label(TIE_STATUSES, status, lang))
        for row in tie_rows({"ties": these}, lang, names):
            lines.append(
                "    "
                + _(
                    "{tie} (reported by {who}): {kinds}; {often}; value {value}, trust {trust}",
                    lang,
                    tie=row[0],
                    who=row[2],
                    kinds=row[3] or "-",
                    often=row[4],
                    value=row[5],
                    trust=row[6],
                )
            )
    lines += ["", _("Per actor: what the others report about it, and the influence they give it (0-5)", lang)]
    lines += _table(HEADERS["actors"], actor_rows(results, lang, names), lang)
    lines += ["", _("Table 7.1: the partners' ratings, most disagreement first", lang), _(DISAGREEMENT, lang)]
    rows = element_rows(results, lang)
    if not rows:
        lines.append("  " + _("no element was rated", lang))
    for element, ratings, median, spread, comments in rows:
        lines.append(
            "  "
            + _(
                "{element}: ratings {ratings}; median {median}, standard deviation {spread}",
                lang,
                element=element,
                ratings=ratings,
                median=median,
                spread=spread,
            )
        )
        if comments:
            lines.append("      " + comments)
    return "\n".join(lines)


def _table(headers, rows, lang):
    """Rows as aligned text columns (the first left-aligned, the others right-aligned)."""
    if not rows:
        return ["  " + _("none", lang)]
    cells = [[_(h, lang) for h in headers]] + [list(r) for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    out = []
    for row in cells:
        parts = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        out.append("  " + "  ".join(parts).rstrip())
    return out
