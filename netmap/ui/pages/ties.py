"""Ties: an editable table; every valid change is saved at once as a new revision."""

import streamlit as st

from netmap.errors import NetmapError
from netmap.ui import state, views
from netmap.ui.edits import ties_frame, ties_from_frame
from netmap.ui.state import md, tr

name, net, rev = views.open_page("page_ties")
st.caption(tr("One row per tie. From and To are actor ids. Every valid change is saved at once as a new revision."))
key, base, base_rev = views.editor("ties", net, rev)

ids = base.actor_ids
labels = {a.id: f"{a.label} ({a.id})" if a.label != a.id else a.id for a in base.actors}
kinds = sorted(set(views.TIE_KINDS) | {t.kind for t in base.ties if t.kind})
config = {
    "source": st.column_config.SelectboxColumn(tr("From"), options=ids, required=True,
                                               format_func=lambda i: labels.get(i, i)),
    "target": st.column_config.SelectboxColumn(tr("To"), options=ids, required=True,
                                               format_func=lambda i: labels.get(i, i)),
    "kind": st.column_config.SelectboxColumn(tr("Kind of tie"), options=kinds, default="collaboration",
                                             help=tr("Pick a suggestion or type your own."), format_func=views.kind_label("tiekind")),
    "strength": st.column_config.NumberColumn(tr("Strength"), min_value=1, max_value=3, step=0.5,
                                              default=2.0, help=tr("1 weak, 2 medium, 3 strong.")),
    "directed": st.column_config.CheckboxColumn(tr("One-way"), default=False),
    "notes": st.column_config.TextColumn(tr("Notes")),
}
edited = st.data_editor(ties_frame(base), key=key, num_rows="dynamic", hide_index=True,
                        column_config=config, width="stretch")

if views.has_edits(st.session_state.get(key)):
    try:
        new = ties_from_frame(base, edited, state.lang())
    except NetmapError as exc:
        st.error(md(exc.message(state.lang())))
        st.caption(tr("Not saved; the last valid version is kept."))
    else:
        saved = state.commit(new, base_rev, shown=base)
        if saved:
            state.flash("success", tr("Saved as revision {rev}.", rev=saved))
            st.rerun()
    if st.button(tr("Discard my unsaved changes"), key="discard_ties"):
        state.reset_editors()
        st.rerun()
