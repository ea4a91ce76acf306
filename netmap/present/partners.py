"""The partners' own view from a closed survey round (issue 13) in words: their ratings of the
Table 7.1 elements (median and spread) and the trust and value between them, for the Review page
and the meeting report, beside what the network shows.

``found`` is :func:`netmap.survey.results` of the round (with its ``round``).
"""

from __future__ import annotations

from ..i18n import N_, _, date, number, percent
from ..report.document import Heading, Para, Table
from .review import element_text, rating_text
from .survey import DISAGREEMENT, FREQUENCIES

__all__ = [
    "FREQUENCIES",
    "SCALE",
    "INFLUENCE",
    "VALUE_ITEMS",
    "TRUST_ITEMS",
    "DISAGREEMENT",
    "score_text",
    "range_text",
    "median_text",
    "round_text",
    "scores_text",
    "element_text_of",
    "partners_section",
]


#: The words of the 1-4 scale of the value and trust items (PARTNER's "not at all" ... "a great deal").
SCALE = {1: N_("not at all"), 2: N_("a little"), 3: N_("a fair amount"), 4: N_("a great deal")}
#: The words of Net-Map's influence scale, 0-5.
INFLUENCE = {0: N_("none"), 1: N_("very little"), 2: N_("little"), 3: N_("some"), 4: N_("much"), 5: N_("very much")}
VALUE_ITEMS = {
    "power": N_("Power and influence: they can get things done in the partnership"),
    "involvement": N_("Level of involvement: they take an active part"),
    "resources": N_("Resource contribution: they bring money, people, premises or knowledge"),
}
TRUST_ITEMS = {
    "reliability": N_("Reliable: they do what they say they will"),
    "mission": N_("Supports the shared mission of the partnership"),
    "openness": N_("Open to discussion: they listen and can be talked with"),
}


def score_text(mean, pct, lang: str) -> str:
    """A trust or value score: ``3.08 (77% of the maximum)``; "no answers" when None."""
    if mean is None:
        return _("no answers", lang)
    share = pct / 100 if pct is not None else mean / 4
    return _("{mean} ({pct} of the maximum)", lang, mean=number(mean, lang), pct=percent(share, lang))


def range_text(low, high, lang: str) -> str:
    """The lowest and the highest rating: ``1–3``; empty without ratings."""
    if low is None:
        return ""
    return f"{number(low, lang, 'count')}\u2013{number(high, lang, 'count')}"


def median_text(median, lang: str) -> str:
    """A median rating, with its words when it is a whole step: ``3 (largely in place)``, ``2.50``."""
    if median is None:
        return _("not rated", lang)
    if float(median).is_integer():
        return f"{int(median)} ({rating_text(int(median), lang)})"
    return number(median, lang)


def round_text(found: dict, lang: str) -> str:
    """Which round speaks: ``The partners' survey "X" (1 December 2026): 2 of 3 answered.``"""
    r, resp = found.get("round") or {}, found.get("response") or {}
    return _(
        'The partners\' survey "{title}" ({date}): {answered} of {invited} answered.',
        lang,
        title=r.get("title", ""),
        date=date(r.get("date", ""), lang),
        answered=resp.get("answered", 0),
        invited=resp.get("invited", 0),
    )


def scores_text(found: dict, lang: str) -> str:
    """The trust and value between the partners, for the whole network."""
    net = found.get("network") or {}
    return _(
        "Trust between the partners: {trust}. Value of the partners to each other: {value}.",
        lang,
        trust=score_text(net.get("trust"), net.get("trust_pct"), lang),
        value=score_text(net.get("value"), net.get("value_pct"), lang),
    )


def element_text_of(entry: dict, lang: str) -> str:
    """The partners' ratings of one element: median, lowest–highest and how many rated it."""
    if not entry or not entry.get("n"):
        return _("No partner rated this element.", lang)
    return _(
        "The partners: median {median}, lowest–highest {range}, {n} rated it.",
        lang,
        median=median_text(entry.get("median"), lang),
        range=range_text(entry.get("min"), entry.get("max"), lang),
        n=entry["n"],
    )


def partners_section(found: dict | None, lang: str) -> list:
    """The meeting report's part on the partners' own view: the round, trust and value for the
    whole network, and one row per element of Table 7.1, the most disagreement first (no names,
    no comments: those stay with the coordinator). Nothing without a round."""
    if not found:
        return []
    rows = tuple(
        (
            str(e["element"]),
            element_text(e["element"], lang),
            median_text(e.get("median"), lang),
            range_text(e.get("min"), e.get("max"), lang),
            "" if e.get("spread") is None else number(e["spread"], lang),
            number(e.get("n", 0), lang, "count"),
        )
        for e in found.get("elements", [])
    )
    headers = (
        _("No.", lang),
        _("Element", lang),
        _("Median", lang),
        _("Lowest–highest", lang),
        _("Spread (standard deviation)", lang),
        _("Answers", lang),
    )
    return [
        Heading(_("The partners' own view (survey)", lang)),
        Para(round_text(found, lang)),
        Para(scores_text(found, lang)),
        Para(_(DISAGREEMENT, lang), style="note"),
        Table(
            _("The elements of Table 7.1 as the partners rate them, most disagreement first", lang),
            headers,
            rows,
            numeric=(0, 2, 3, 4, 5),
            widths=(0.5, 4, 1.6, 1.2, 1.2, 0.9),
        ),
    ]
