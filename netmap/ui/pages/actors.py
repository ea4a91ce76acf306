"""Actors: an editable table; every valid change is saved at once as a new revision."""

import streamlit as st

from netmap.errors import NetmapError
from netmap.ui import state, views
from netmap.ui.edits import actors_frame, actors_from_frame
from netmap.ui.state import md, tr

name, net, rev = views.open_page("page_actors")
st.caption(tr("tab_actors_intro"))
key, base, base_rev = views.editor("actors", net, rev)

choices = views.choices()
kinds = sorted(set(views.ACTOR_KINDS) | {a.kind for a in base.actors if a.kind})
config = {
    "id": st.column_config.TextColumn(tr("f_id"), required=True, help=tr("h_id")),
    "name": st.column_config.TextColumn(tr("f_name")),
    "kind": st.column_config.SelectboxColumn(tr("f_kind"), options=kinds, help=tr("h_kind"),
                                             format_func=views.kind_label("akind")),
    "partner": st.column_config.CheckboxColumn(tr("f_partner"), help=tr("h_partner"), default=False),
    "organisation": st.column_config.TextColumn(tr("f_organisation")),
    "notes": st.column_config.TextColumn(tr("f_notes")),
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
        st.caption(tr("ui_not_saved"))
        new = None
    confirmed = True
    if new is not None and removed:
        gone = [a.label for a in base.actors if a.id not in set(new.actor_ids) | set(renamed)]
        label = {a.id: a.label for a in base.actors}
        tie_kind = views.kind_label("tiekind")
        st.warning(md(tr("tab_delete_warning", names="; ".join(gone), n=len(removed))))
        st.dataframe([{tr("f_source"): label[t.source], tr("f_target"): label[t.target],
                       tr("f_tie_kind"): tie_kind(t.kind)} for t in removed], hide_index=True)
        confirmed = st.button(tr("tab_delete_confirm"), key="confirm_delete", type="primary")
    if new is not None and confirmed:
        saved = state.commit(new, base_rev, shown=base)
        if saved:
            if removed:
                state.flash("success", tr("tab_deleted", names="; ".join(gone), n=len(removed), rev=saved))
            else:
                state.flash("success", tr("ui_saved", rev=saved))
            for old, new_id in renamed.items():
                state.flash("info", tr("tab_renamed", old=old, new=new_id))
            st.rerun()
    if st.button(tr("tab_discard"), key="discard_actors"):
        state.reset_editors()
        st.rerun()
