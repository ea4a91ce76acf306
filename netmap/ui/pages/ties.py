"""Ties: an editable table; a valid change to one tie is saved at once as a new revision, a change to several is summarised and saved when confirmed."""

import streamlit as st

from netmap.editing import choice_labels
from netmap.errors import NetmapError
from netmap.model import TIE_STATUSES
from netmap.present import vocab
from netmap.present.diff import edit_text
from netmap.ui import state, views
from netmap.ui.bulk import confirm, show_summary
from netmap.ui.edits import bulk_changes, is_bulk, ties_frame, ties_from_frame
from netmap.ui.state import tr

name, net, rev = views.open_page(tr("Ties"))
st.caption(
    tr(
        "One row per tie, between two actors chosen by name. Strength is 1, 2 or 3 (halves allowed). A planned tie is an idea not yet realised: it is kept and drawn, but the measures leave it out. A valid change to one tie is saved at once as a new revision; a change to several ties at once is shown first and saved when you confirm."
    )
)
key, base, base_rev = views.editor("ties", net, rev)

column, column_help = views.column, views.column_help
ids = base.actor_ids
labels = choice_labels(base.actors)
kinds = sorted(set(views.TIE_KINDS) | {t.kind for t in base.ties if t.kind})
config = {
    "source": st.column_config.SelectboxColumn(
        column("source"), width=views.NAME_WIDTH, options=ids, required=True, format_func=lambda i: labels.get(i, i)
    ),
    "target": st.column_config.SelectboxColumn(
        column("target"), width=views.NAME_WIDTH, options=ids, required=True, format_func=lambda i: labels.get(i, i)
    ),
    "kind": st.column_config.SelectboxColumn(
        column("tie_kind"),
        width=views.KIND_WIDTH,
        options=kinds,
        default="collaboration",
        help=column_help("kind"),
        format_func=views.label_of(vocab.TIE_KINDS),
    ),
    "strength": st.column_config.NumberColumn(
        column("strength"), default=2.0, format=state.number_format(), help=column_help("strength")
    ),
    "directed": st.column_config.CheckboxColumn(column("directed"), default=False),
    "status": st.column_config.SelectboxColumn(
        column("status"),
        options=list(TIE_STATUSES),
        default="active",
        required=True,
        help=column_help("status"),
        format_func=views.label_of(vocab.TIE_STATUSES),
    ),
    "notes": st.column_config.TextColumn(column("notes"), width="medium"),
}
frame = ties_frame(base)
edited = views.table(frame, key, config)  # a viewer: the table, nothing that changes it

if views.has_edits(st.session_state.get(key)):
    names = {a.id: a.label for a in base.actors}
    row_names = [f"{names.get(t.source, t.source)} \u2013 {names.get(t.target, t.target)}" for t in base.ties]
    changed, deleted = bulk_changes(frame, st.session_state.get(key), row_names, state.lang(), "ties")
    bulk = is_bulk(changed, deleted)
    asking = False  # a confirmation with its own "Cancel" is on the page
    try:
        new = ties_from_frame(base, edited, state.lang())
    except NetmapError as exc:
        state.refused(exc)  # a refused edit is not offered for confirmation
    else:
        asking = bulk
        if bulk:
            show_summary(changed, deleted, "ties")
        saved = (
            state.commit(new, base_rev, shown=base)
            if not bulk or confirm(tr("Save these changes"), "confirm_bulk")
            else None
        )
        if saved:
            state.flash("success", tr("Saved: {what}.", what=edit_text(base, new, state.lang())), toast=True)
            st.rerun()
    if not asking and st.button(tr("Discard my unsaved changes"), key="discard_ties"):
        state.reset_editors()
        st.rerun()
