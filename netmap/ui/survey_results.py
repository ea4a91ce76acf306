"""A survey round's results (:func:`netmap.survey.results`) as the tables the app shows: every
figure in a table with its words, never by colour alone. Used by the Survey and Review pages."""

from __future__ import annotations

import pandas as pd

from netmap.i18n import _, number, percent
from netmap.present import vocab
from netmap.present.partners import FREQUENCY, STATUS, range_text, score_text
from netmap.present.review import element_text

__all__ = ["results_tables", "elements_frame", "latest"]


def _median(x, lang):
    return _("not rated", lang) if x is None else number(x, lang)


def results_tables(res: dict, names: dict, lang: str) -> list:
    """``[(caption, DataFrame or None, key)]``: the response rate, the ties, the actors, the
    network and the Table 7.1 elements (most disagreement first, as the results sort them)."""
    r = res.get("response", {})
    out = [
        (
            _(
                "Response rate: {answered} of {invited} answered ({share})",
                lang,
                answered=r.get("answered", 0),
                invited=r.get("invited", 0),
                share=percent(r.get("rate") or 0, lang),
            ),
            None,
            "response",
        )
    ]
    net = res.get("network") or {}
    out.append(
        (
            _(
                "The whole network: trust {trust}; value {value}.",
                lang,
                trust=score_text(net.get("trust"), net.get("trust_pct"), lang),
                value=score_text(net.get("value"), net.get("value_pct"), lang),
            ),
            None,
            "network",
        )
    )
    ties = res.get("ties", [])
    out.append(
        (
            _("Ties reported: {n}", lang, n=len(ties)),
            pd.DataFrame(
                [
                    {
                        _("tie", lang): f"{names.get(t['a'], t['a'])} \u2014 {names.get(t['b'], t['b'])}",
                        _("status", lang): vocab.label(STATUS, t["status"], lang),
                        _("reported by", lang): ", ".join(names.get(a, a) for a in t.get("reported_by", [])),
                        _("kinds", lang): ", ".join(vocab.label(vocab.TIE_KINDS, k, lang) for k in t.get("kinds", [])),
                        _("how often", lang): vocab.label(FREQUENCY, t.get("frequency"), lang)
                        if t.get("frequency")
                        else "",
                        _("strength", lang): t.get("strength"),
                        _("value", lang): "" if t.get("value") is None else number(t["value"], lang),
                        _("trust", lang): "" if t.get("trust") is None else number(t["trust"], lang),
                    }
                    for t in ties
                ],
                dtype=object,
            ),
            "ties",
        )
    )
    actors = res.get("actors", {})
    out.append(
        (
            _("Each actor as the others see it (mean of what the others report about it)", lang),
            pd.DataFrame(
                [
                    {
                        _("actor", lang): names.get(a, a),
                        _("value", lang): score_text(d.get("value"), d.get("value_pct"), lang),
                        _("trust", lang): score_text(d.get("trust"), d.get("trust_pct"), lang),
                        _("influence (median, 0-5)", lang): _median(d.get("influence_median"), lang),
                        _("influence range", lang): range_text(d.get("influence_min"), d.get("influence_max"), lang),
                        _("reports", lang): d.get("n_reports", 0),
                    }
                    for a, d in actors.items()
                ],
                dtype=object,
            ),
            "actors",
        )
    )
    out.append(
        (
            _("The elements of Table 7.1 as the partners rate them, most disagreement first", lang),
            elements_frame(res.get("elements", []), lang),
            "elements",
        )
    )
    return out


def elements_frame(elements: list, lang: str):
    """One row per element: its number and words, how many rated it, the median and the spread,
    the ratings and the comments."""
    return pd.DataFrame(
        [
            {
                _("no.", lang): e["element"],
                _("element", lang): element_text(e["element"], lang),
                _("answers", lang): e.get("n", 0),
                _("median", lang): _median(e.get("median"), lang),
                _("spread (standard deviation)", lang): "" if e.get("spread") is None else number(e["spread"], lang),
                _("range", lang): range_text(e.get("min"), e.get("max"), lang),
                _("ratings", lang): ", ".join(str(x) for x in e.get("ratings", []) if x is not None),
                _("comments", lang): " | ".join(e.get("comments", [])),
            }
            for e in elements
        ],
        dtype=object,
    )


def latest(ws, network):
    """The results of the newest closed survey round of ``network`` (with its ``round``), or None
    when there is none (or the user may not see the rounds)."""
    from netmap import survey
    from netmap.errors import NetmapError

    try:
        closed = [r for r in survey.rounds(ws, network) if r.closed]
        return survey.results(ws, network, closed[0].id) if closed else None
    except NetmapError:
        return None
