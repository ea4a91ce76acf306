"""What if: which flags appear or clear when one actor leaves. Nothing is saved."""

import streamlit as st

from netmap.editing import choice_labels
from netmap.i18n import ngettext
from netmap.present.report import flag_line
from netmap.ui import state, views
from netmap.ui.edits import flag_changes, ties_of
from netmap.ui.state import md, tr

name, net, rev = views.open_page(tr("What if"))
st.write(
    tr(
        "Pick an actor (a coordinator leaving, a department pulling out) to see which flags appear or clear without it. Nothing is saved."
    )
)
if not net.actors:
    st.stop()
names = {a.id: a.label for a in net.actors}
gone = st.selectbox(tr("Without"), net.actor_ids, format_func=choice_labels(net.actors).get, key="whatif_actor")
lang = state.lang()

before = state.analysis(net)
after = state.analysis(net.without(gone))
lost = len(ties_of(net, [gone]))
st.write(md(ngettext("Without {name}, {n} tie goes.", "Without {name}, {n} ties go.", lost, lang, name=names[gone])))
appear, clear, stay = flag_changes(before, after)
for title, flags, cleared in (
    (tr("Flags that appear"), appear, False),
    (tr("Flags that clear"), clear, True),
    (tr("Flags that stay"), stay, False),
):
    st.subheader(title)
    if not flags:
        st.text(tr("none"))
    for flag in flags:  # a cleared flag is good news: green, its former severity still in words
        (st.success if cleared else views.flag_box(flag))(md(flag_line(flag, lang, names)))
