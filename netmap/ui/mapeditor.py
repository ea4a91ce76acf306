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


@functools.cache
def _component():
    return st.components.v2.component(
        NAME, css=assets.static_text("mapeditor.css"), js=assets.static_text("mapeditor.js")
    )


def _resend_vis():
    st.session_state[_VIS_SENT] = False


def _store(key, event):
    value = getattr(st.session_state.get(key), event, None)
    if value is not None:
        st.session_state.setdefault(_PENDING, {})[event] = value


def mapeditor(data, key):
    """Draw the map (``data`` from :func:`netmap.ui.mapedits.map_data`) under ``key``; a click or
    a drag is kept for :func:`take`.

    vis-network (about 470 KB) goes with the data of the session's first map only: the page keeps
    it, so an edit sends only the map's data. A page that lacks it asks again (``need_vis``)."""
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
    )


def take(event):
    """The last ``event`` (``"select"``, ``"move"``, ``"add"`` or ``"connect"``) the map sent, once (None when there is none)."""
    return st.session_state.get(_PENDING, {}).pop(event, None)
