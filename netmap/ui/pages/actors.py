"""Actors: an editable table; every valid change is saved at once as a new revision."""

import streamlit as st

from netmap.errors import NetmapError
from netmap.ui import state, views
from netmap.ui.edits import actors_frame, actors_from_frame
from netmap.ui.state import md, tr

name, net, rev = views.open_page("page_actors")
st.caption(tr("Edit a cell, add a row at the bottom, or select rows and delete them. Every valid change is saved at once as a new revision."))
key, base, base_rev = views.editor("actors", net, rev)

choices = views.choices()
kinds = sorted(set(views.ACTOR_KINDS) | {a.kind for a in base.actors if a.kind})
config = {
    "id": st.column_config.TextColumn(tr("Id"), required=True, help=tr("A short unique code; leave empty to make one from the name.")),
    "name": st.column_config.TextColumn(tr("Name")),
    "kind": st.column_config.SelectboxColumn(tr("Kind"), options=kinds, help=tr("Pick a suggestion or type your own."),
                                             format_func=views.kind_label("akind")),
    "partner": st.column_config.CheckboxColumn(tr("Partner (core)"), help=tr("A member of the partnership core."), default=False),
    "organisation": st.column_config.TextColumn(tr("Organisation")),
    "notes": st.column_config.TextColumn(tr("Notes")),
}
for field, (options, fmt) in choices.items():
    config[field] = st.column_config.SelectboxColumn(tr(f"f_{field}"), options=options, format_func=fmt,
                                                     help=tr(f"h_{field}"))
edited = st.data_editor(actors_frame(base), key=key, num_rows="dynamic", hide_index=True,
                        column_config=config, width="stretch")

if views.has_edits(st.session_state.get(key)):
    try:
        new, removed, renamed = actors_from_frame(base, edited, state.lang())
    except NetmapError as exc:
        st.error(md(exc.message(state.lang())))
        st.caption(tr("Not saved; the last valid version is kept."))
        new = None
    confirmed = True
    if new is not None and removed:
        gone = [a.label for a in base.actors if a.id not in set(new.actor_ids) | set(renamed)]
        label = {a.id: a.label for a in base.actors}
        tie_kind = views.kind_label("tiekind")
        st.warning(md(tr("Deleting {names} also deletes {n} tie(s):", names="; ".join(gone), n=len(removed))))
        st.dataframe([{tr("From"): label[t.source], tr("To"): label[t.target],
                       tr("Kind of tie"): tie_kind(t.kind)} for t in removed], hide_index=True)
        confirmed = st.button(tr("Delete actor(s) and ties"), key="confirm_delete", type="primary")
    if new is not None and confirmed:
        saved = state.commit(new, base_rev, shown=base)
        if saved:
            if removed:
                state.flash("success", tr("Deleted {names} and {n} tie(s) (revision {rev}).", names="; ".join(gone), n=len(removed), rev=saved))
            else:
                state.flash("success", tr("Saved as revision {rev}.", rev=saved))
            for old, new_id in renamed.items():
                state.flash("info", tr("Id {old} is now {new}; its ties follow.", old=old, new=new_id))
            st.rerun()
    if st.button(tr("Discard my unsaved changes"), key="discard_actors"):
        state.reset_editors()
        st.rerun()
