"""Shared mode (issue 12): the login gate, who is logged in, and the owners' Sharing section.

The app is shared when Streamlit's secrets hold an ``[auth]`` table (README, "Sharing the app");
without one nothing here shows and the app is the personal app as before. What a role allows is
checked by the workspace itself (netmap/access.py); the pages only hide what would be refused.
"""

from __future__ import annotations

import streamlit as st

from netmap.access import ROLES
from netmap.errors import NetmapError
from netmap.present import vocab

from . import state
from .state import md, tr

__all__ = ["require_login", "read_only_note", "sharing_section"]


def require_login():
    """In shared mode, show only the login screen until the person has logged in, then who they
    are and a log-out button in the sidebar. Call once per run, before the pages (a page that
    needs no login, such as a survey link, is routed before it)."""
    if not state.shared():
        return
    state.init_lang()
    if not st.user.get("is_logged_in", False):
        st.title("netmap")
        st.write(tr("This netmap is shared: log in to see and edit the networks shared with you."))
        if st.button(tr("Log in"), key="login", type="primary"):
            st.login()
        st.stop()
    user = state.user()
    shown = user.id if user.name == user.id else f"{user.name} ({user.id})"
    with st.sidebar:
        st.markdown(md(tr("Logged in as {name}", name=shown)))  # not a caption: its e-mail link stays readable
        if st.button(tr("Log out"), key="logout"):
            st.logout()


def read_only_note():
    """One line for a person who may only view the open network."""
    st.info(tr("You can view this network; ask its owner to let you edit."))


def sharing_section(name):
    """For an owner in shared mode: who has which role on ``name``, give a role by e-mail, take
    one away."""
    if not state.shared() or not state.can_edit(name, "owner"):
        return
    ws, lang = state.workspace(), state.lang()
    role_label = lambda code: vocab.label(vocab.ACCESS_ROLES, code, lang)  # noqa: E731
    with st.expander(tr("Sharing"), key="sharing"):
        rows = ws.roles(name)
        st.dataframe([{tr("Person"): user, tr("Role"): role_label(role)} for user, role, *_ in rows], hide_index=True)
        st.caption(tr("A viewer sees the network; an editor also changes it; an owner also shares and deletes it."))
        with st.form("share_form", border=False):
            who = st.text_input(tr("E-mail address"), key="share_user")
            role = st.selectbox(tr("Role"), ROLES, format_func=role_label, key="share_role")
            give = st.form_submit_button(tr("Give this role"), key="share_give")
        users = [user for user, *_ in rows]
        gone = st.selectbox(
            tr("Take the role away from"), users, index=None, key="share_withdraw_user", placeholder=tr("Choose")
        )
        take = st.button(tr("Take the role away"), key="share_withdraw", disabled=gone is None)
    try:
        if give:
            ws.grant(name, who, role)
            state.flash("success", tr("Shared with {user}: {role}.", user=who.strip(), role=role_label(role)))
        elif take:
            ws.withdraw(name, gone)
            state.flash("success", tr("{user} no longer has a role on {name}.", user=gone, name=name))
        else:
            return
    except NetmapError as exc:
        st.error(md(exc.message(lang)))
        return
    st.rerun()
