"""A network shown read-only: its key figures and its actors and ties as tables (History's "Show")."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from netmap.compare import indicators
from netmap.present import vocab
from netmap.present.diff import indicator_value, value_text

from . import state, views
from .edits import actors_frame, ties_frame
from .state import tr

__all__ = ["show"]


@st.cache_data(max_entries=16, show_spinner=False)
def _indicators(key, _net):
    return indicators(_net)


def _table(frame, table, lang, names=None):
    """``frame`` (:func:`actors_frame` or :func:`ties_frame`) as the user reads it: headers and
    values in words, actors by name."""
    names = names or {}
    out = pd.DataFrame(index=frame.index)
    for field in frame.columns:
        header = views.column("tie_kind" if (table, field) == ("ties", "kind") else field)
        if field in ("source", "target"):
            out[header] = [names.get(v, v) for v in frame[field]]
        else:
            out[header] = [value_text(field, v, lang, table) for v in frame[field]]
    return out


def show(net, key):
    """Key figures, actors and ties of ``net``, read-only (``key``: a prefix for the widget keys)."""
    lang = state.lang()
    with st.container(border=True, key=key):
        st.markdown("**" + views.summary(net.name, net) + "**")
        figures = _indicators(state.digest(net), net)
        st.dataframe(
            pd.DataFrame(
                [
                    {tr("Key figure"): vocab.label(vocab.INDICATORS, k, lang), tr("Value"): indicator_value(k, v, lang)}
                    for k, v in figures.items()
                ]
            ),
            hide_index=True,
            key=f"{key}_figures",
        )
        st.markdown("**" + tr("Actors") + "**")
        st.dataframe(_table(actors_frame(net), "actors", lang), hide_index=True, key=f"{key}_actors")
        st.markdown("**" + tr("Ties") + "**")
        names = {a.id: a.label for a in net.actors}
        st.dataframe(_table(ties_frame(net), "ties", lang, names), hide_index=True, key=f"{key}_ties")
