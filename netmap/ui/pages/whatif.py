"""What if: which flags appear or clear when one actor leaves. Nothing is saved."""

import streamlit as st

from netmap.i18n import t
from netmap.ui import state, views
from netmap.ui.edits import flag_changes, ties_of
from netmap.ui.state import md, tr

name, net, rev = views.open_page("page_whatif")
st.write(tr("Pick an actor (a coordinator leaving, a department pulling out) to see which flags appear or clear without it. Nothing is saved."))
if not net.actors:
    st.stop()
label = {a.id: a.label for a in net.actors}
gone = st.selectbox(tr("Without"), net.actor_ids, format_func=label.get, key="whatif_actor")
lang = state.lang()

before = state.analysis(net)
after = state.analysis(net.without(gone))
st.write(md(tr("Without {name}, {n} tie(s) go.", name=label[gone], n=len(ties_of(net, [gone])))))
appear, clear, stay = flag_changes(before, after)
for title, flags, box in (("w_appear", appear, st.warning), ("w_clear", clear, st.success),
                          ("w_stay", stay, st.info)):
    st.subheader(tr(title))
    if not flags:
        st.text(tr("none"))
    for flag in flags:
        box(md(f"[{t('severity_' + flag['severity'], lang)}] {flag['message']}"))
