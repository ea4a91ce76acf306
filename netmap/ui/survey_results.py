"""A survey round's results (:func:`netmap.survey.results`) as the tables the app shows, in the
words of :mod:`netmap.present.survey`: every figure in a table with its words, never by colour
alone. Used by the Survey and Review pages."""

from __future__ import annotations

import pandas as pd

from netmap.i18n import _
from netmap.present.partners import scores_text
from netmap.present.survey import HEADERS, actor_rows, element_rows, response_text, tie_rows
from netmap.writing import escape_cell

__all__ = ["results_tables", "result_names", "links_csv"]


def results_tables(res: dict, names: dict, lang: str) -> list:
    """``[(caption, DataFrame or None, key)]``: the response rate, trust and value in the whole
    network, the ties, the actors and the Table 7.1 elements (most disagreement first)."""
    out = [(response_text(res["response"], lang), None, "response"), (scores_text(res, lang), None, "network")]
    for key, rows, caption in (
        ("ties", tie_rows(res, lang, names), _("Ties reported: {n}", lang, n=len(res.get("ties", [])))),
        (
            "actors",
            actor_rows(res, lang, names),
            _("Each actor as the others see it (mean of what the others report about it)", lang),
        ),
        (
            "elements",
            element_rows(res, lang),
            _("The elements of Table 7.1 as the partners rate them, most disagreement first", lang),
        ),
    ):
        headers = [_(h, lang) for h in HEADERS[key]]
        out.append((caption, pd.DataFrame(rows, columns=headers, dtype=object) if rows else None, key))
    return out


def result_names(res: dict) -> dict:
    """The names the results speak of: the round's actors and citizen groups, and the partners the
    respondents added (``new:...``), never shown by their internal ids."""
    return {**res.get("names", {}), **{i: e["name"] for i, e in res.get("new_actors", {}).items()}}


def links_csv(names, links, lang):
    """The personal links as a CSV that Excel opens in columns: ";" and a byte-order mark, as
    netmap's other CSV files, the names safe from formula injection (a Danish Excel put the whole
    line in one cell of a "," file)."""
    table = pd.DataFrame({_("Respondent", lang): [escape_cell(n) for n in names], _("Link", lang): links})
    return table.to_csv(index=False, sep=";").encode("utf-8-sig")
