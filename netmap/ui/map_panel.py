"""The Map page's editing half: the editable map, the actor's panel beside it, and what the
user did on the map saved as new revisions (through :mod:`netmap.ui.mapedits`)."""

from __future__ import annotations

import streamlit as st

from netmap.present import vocab

from . import mapeditor, state, views
from .mapedits import actor_ties, edit_actor, map_data, move_actors
from .state import md, tr

__all__ = ["handle_moves", "panel", "draw", "SELECTED"]

#: Session key of the actor whose panel is open.
SELECTED = "map_selected"


def _saved(new, base, base_rev):
    """Commit ``new`` (made on ``base``, revision ``base_rev``); ``(net, rev)`` now shown, or None."""
    saved = state.commit(new, base_rev, shown=base)
    if not saved:
        return None
    cur = state.current()
    return cur[1], cur[2]


def handle_moves(net, rev):
    """Save actors dragged on the map since the last run; ``(net, rev)`` to show."""
    moved = mapeditor.take("move")
    if not moved:
        return net, rev
    base = views.load_base(net, rev, state.acting_on())
    now = _saved(move_actors(base, moved.get("moves")), base, state.acting_on())
    return now or (net, rev)


def _selected(net):
    clicked = mapeditor.take("select")
    if clicked is not None:
        st.session_state[SELECTED] = clicked.get("id") if isinstance(clicked, dict) else None
    chosen = st.session_state.get(SELECTED)
    return chosen if chosen in set(net.actor_ids) else None


def _choice(field, options, current, fmt, form_key):
    opts = list(options) + ([current] if current and current not in options else [])
    return st.selectbox(
        views.column(field),
        opts,
        index=opts.index(current) if current in opts else None,
        format_func=fmt,
        key=f"{form_key}_{field}",
        help=views.column_help(field),
        accept_new_options=field == "kind",
    )


def panel(net, rev):
    """The open actor's panel (fields in a form, its ties by name); ``(net, rev)`` to show after
    a save."""
    actor_id = _selected(net)
    if actor_id is None:
        st.info(tr("Click an actor on the map to see and edit it here."))
        return net, rev
    actor = net.actor(actor_id)
    heading = st.empty()  # filled last: a saved rename shows at once
    choices = views.choices()
    form_key = f"map_actor_{rev}_{actor_id}"
    with st.form(form_key, border=True):
        name = st.text_input(views.column("name"), value=actor.name, key=f"{form_key}_name")
        kind = _choice("kind", views.ACTOR_KINDS, actor.kind, views.label_of(vocab.ACTOR_KINDS), form_key)
        fields = {}
        for field in ("sector", "level", "scope"):
            options, fmt = choices[field]
            fields[field] = _choice(field, options, getattr(actor, field), fmt, form_key)
        organisation = st.text_input(
            views.column("organisation"), value=actor.organisation, key=f"{form_key}_organisation"
        )
        partner = st.checkbox(
            views.column("partner"), value=actor.partner, key=f"{form_key}_partner", help=views.column_help("partner")
        )
        notes = st.text_area(views.column("notes"), value=actor.notes, key=f"{form_key}_notes")
        submitted = st.form_submit_button(tr("Save changes"), key=f"{form_key}_save", type="primary")
    if submitted:
        base_rev = state.acting_on()
        base = views.load_base(net, rev, base_rev)
        new = edit_actor(
            base,
            actor_id,
            name=name,
            kind=kind or "",
            organisation=organisation,
            partner=partner,
            notes=notes,
            **{k: v or "unknown" if k == "sector" else v for k, v in fields.items()},
        )
        now = _saved(new, base, base_rev)
        if now:
            net, rev = now
            st.success(md(tr("Saved {name} (revision {rev}).", name=net.actor(actor_id).label, rev=rev)))
    heading.subheader(net.actor(actor_id).label, anchor=False)
    ties = actor_ties(net, actor_id, state.lang())
    st.markdown("**" + md(tr("Ties ({n})", n=len(ties))) + "**")
    if ties:
        st.markdown(
            "\n".join(f"- {arrow} {md(other)}: {md(kind)}, {md(strength)}" for other, arrow, kind, strength in ties)
        )
    else:
        st.caption(tr("No ties yet."))
    return net, rev


def draw(net, rev, color_by):
    """The editable map of ``net``, updated in place (same key) after every edit."""
    data = map_data(net, state.lang(), color_by, selected=st.session_state.get(SELECTED))
    data["rev"] = rev
    data["label"] = tr(
        "Network map (drawing). Click an actor to edit it in the panel; the tables list the same actors."
    )
    mapeditor.mapeditor(data, key=f"mapeditor_{state.network_name()}")
