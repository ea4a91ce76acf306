"""Map: the interactive graph, with quick forms to add an actor or a tie."""

import streamlit as st

from netmap.ui import state, views
from netmap.ui.edits import add_actor, add_tie, new_id
from netmap.ui.state import md, tr

name, net, rev = views.open_page("page_map")
key = state.digest(net)

left, right = st.columns(2)
color_by = left.selectbox(tr("map_color_by"), ["sector", "level", "scope", "partner", "organisation"],
                          format_func=views.label_of("f"), key="map_color_by")
size_by = right.selectbox(tr("map_size_by"), ["degree", "betweenness", "brokerage"],
                          format_func=views.label_of("measure"), key="map_size_by")
try:
    html = views.map_html(net, key, color_by, size_by)
except ImportError:
    st.info(tr("map_no_export"))
except Exception as exc:  # a broken map must not take the forms below with it
    st.error(md(f"{tr('map_failed')} ({type(exc).__name__}: {exc})"))
else:
    st.iframe(html, height=760)
    st.caption(tr("map_help"))

choices = views.choices()
actor_col, tie_col = st.columns(2)

with actor_col.form("add_actor", clear_on_submit=False):
    st.subheader(tr("map_add_actor"))
    a_name = st.text_input(tr("f_name"), key="add_actor_name")
    a_id = st.text_input(tr("f_id"), key="add_actor_id", help=tr("h_id"))
    a_kind = st.selectbox(tr("f_kind"), views.ACTOR_KINDS, index=None, accept_new_options=True,
                          format_func=views.kind_label("akind"), key="add_actor_kind", help=tr("h_kind"))
    fields = {}
    for field in ("sector", "level", "scope"):
        options, fmt = choices[field]
        fields[field] = st.selectbox(tr(f"f_{field}"), options, format_func=fmt,
                                     key=f"add_actor_{field}", help=tr(f"h_{field}"))
    a_org = st.text_input(tr("f_organisation"), key="add_actor_organisation")
    a_partner = st.checkbox(tr("f_partner"), key="add_actor_partner", help=tr("h_partner"))
    add_actor_clicked = st.form_submit_button(tr("map_add_actor_button"), key="add_actor_submit")

if add_actor_clicked:
    base = views.load_base(net, rev, state.acting_on())
    if not (a_name.strip() or a_id.strip()):
        actor_col.error(tr("map_need_name"))
    else:
        actor_id = a_id.strip() or new_id(base, a_name)
        new = add_actor(base, id=actor_id, name=a_name.strip() or actor_id, kind=a_kind or "",
                        organisation=a_org.strip(), partner=a_partner, **fields)
        with actor_col:
            saved = state.commit(new, state.acting_on(), shown=base)
        if saved:
            state.flash("success", tr("map_added_actor", name=a_name.strip() or actor_id, rev=saved))
            st.rerun()

ids = net.actor_ids
labels = {a.id: f"{a.label} ({a.id})" if a.label != a.id else a.id for a in net.actors}
with tie_col.form("add_tie", clear_on_submit=False):
    st.subheader(tr("map_add_tie"))
    t_source = st.selectbox(tr("f_source"), ids, format_func=labels.get, key="add_tie_source")
    t_target = st.selectbox(tr("f_target"), ids, format_func=labels.get, key="add_tie_target",
                            index=1 if len(ids) > 1 else 0)
    t_kind = st.selectbox(tr("f_tie_kind"), views.TIE_KINDS, accept_new_options=True, key="add_tie_kind",
                          format_func=views.kind_label("tiekind"),
                          help=tr("h_kind"))
    t_strength = st.select_slider(tr("f_strength"), [1, 2, 3], value=2, key="add_tie_strength",
                                  help=tr("h_strength"))
    t_directed = st.checkbox(tr("f_directed"), key="add_tie_directed")
    add_tie_clicked = st.form_submit_button(tr("map_add_tie_button"), key="add_tie_submit")

if add_tie_clicked:
    if len(ids) < 2:
        tie_col.error(tr("map_need_two"))
    else:
        base = views.load_base(net, rev, state.acting_on())
        new = add_tie(base, source=t_source, target=t_target, kind=t_kind or "collaboration",
                      strength=float(t_strength), directed=t_directed)
        with tie_col:
            saved = state.commit(new, state.acting_on(), shown=base)
        if saved:
            state.flash("success", tr("map_added_tie", source=labels.get(t_source, t_source),
                                      target=labels.get(t_target, t_target), rev=saved))
            st.rerun()
