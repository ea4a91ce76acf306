"""The editable map: a Streamlit components v2 component around vis-network (from pyvis).

The page gives it :func:`netmap.ui.mapedits.map_data`; what the user does on it comes back as
triggers (``select``: ``{"id"}``, ``move``: ``{"moves": [{"id", "x", "y"}]}``, ``add``: ``{"x", "y"}``,
``connect``: ``{"source", "target"}``), which the callbacks
store in the session for the page to act on (callbacks run before the page's script).
"""

from __future__ import annotations

import functools

import streamlit as st

from netmap import assets

__all__ = ["NAME", "mapeditor", "take"]

NAME = "netmap_mapeditor"
_PENDING = "_map_pending"


#: Session key: vis-network was sent to this session's page (it stays there, on ``globalThis``).
_VIS_SENT = "_map_vis_sent"
#: Session key: per map, the generation, nodes and edges last sent to the page.
_SENT = "_map_sent"
#: Session key: the last generation given out. Generations are never given twice, not even after
#: a page asked for all of a map again: a page that had taken only the first data (generation 1)
#: took a resend numbered 1 for the data it had, and kept a deleted actor on its map.
_GEN = "_map_gen"


@functools.cache
def _component():
    return st.components.v2.component(
        NAME,
        css=assets.static_text("mapeditor.css"),
        js=assets.static_text("mapfit.js") + assets.static_text("mapeditor.js"),
    )


def _resend_vis():
    st.session_state[_VIS_SENT] = False


def _resend_all(key):
    st.session_state.get(_SENT, {}).pop(key, None)


def _changes(data, key):
    """``data`` with only the nodes and edges that changed since the last run sent ``key``'s map
    (``base``: that run's generation; ``gone_nodes``, ``gone_edges``: ids no longer there), or all
    of them the first time. An edit then sends a few nodes, not the whole map."""
    nodes, edges = {n["id"]: n for n in data["nodes"]}, {e["id"]: e for e in data["edges"]}
    sent = st.session_state.setdefault(_SENT, {}).get(key)
    gen = st.session_state[_GEN] = st.session_state.get(_GEN, 0) + 1
    st.session_state[_SENT][key] = {"gen": gen, "nodes": nodes, "edges": edges}
    if not sent:
        return {**data, "gen": gen}
    return {
        **data,
        "gen": gen,
        "base": sent["gen"],
        "nodes": [n for i, n in nodes.items() if sent["nodes"].get(i) != n],
        "edges": [e for i, e in edges.items() if sent["edges"].get(i) != e],
        "gone_nodes": [i for i in sent["nodes"] if i not in nodes],
        "gone_edges": [i for i in sent["edges"] if i not in edges],
    }


def _store(key, event):
    value = getattr(st.session_state.get(key), event, None)
    if value is not None:
        st.session_state.setdefault(_PENDING, {})[event] = value


def mapeditor(data, key):
    """Draw the map (``data`` from :func:`netmap.ui.mapedits.map_data`) under ``key``; a click or
    a drag is kept for :func:`take`.

    vis-network (about 470 KB) goes with the data of the session's first map only: the page keeps
    it, so an edit sends only the map's data, and of that only what changed (:func:`_changes`). A
    page that lacks either asks again (``need_vis``, ``need_full``)."""
    data = _changes(data, key)
    if not st.session_state.get(_VIS_SENT):
        data = {**data, "vis": assets.vis_network().script}
        st.session_state[_VIS_SENT] = True
    return _component()(
        key=key,
        data=data,
        height="content",  # the bar above the map, its status line and the map
        on_select_change=lambda: _store(key, "select"),
        on_move_change=lambda: _store(key, "move"),
        on_add_change=lambda: _store(key, "add"),
        on_connect_change=lambda: _store(key, "connect"),
        on_need_vis_change=_resend_vis,
        on_need_full_change=lambda: _resend_all(key),
    )


def take(event):
    """The last ``event`` (``"select"``, ``"move"``, ``"add"`` or ``"connect"``) the map sent, once (None when there is none)."""
    return st.session_state.get(_PENDING, {}).pop(event, None)
