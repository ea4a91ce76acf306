"""Actors: an editable table; a valid change to one actor is saved at once as a new revision, a change to several is summarised and saved when confirmed. Below it, paste a list of names to add many actors, or merge two actors that are the same."""

import streamlit as st

from netmap.errors import NetmapError
from netmap.i18n import ngettext
from netmap.present import vocab
from netmap.present.diff import edit_text
from netmap.ui import actor_tools, state, views
from netmap.ui.bulk import confirm, show_summary
from netmap.ui.edits import actors_frame, actors_from_frame, bulk_changes, is_bulk
from netmap.ui.state import md, tr

name, net, rev = views.open_page(tr("Actors"))
lang = state.lang()
st.caption(
    tr(
        "Edit a cell, add a row at the bottom, or select rows and delete them. A valid change to one actor is saved at once as a new revision; a change to several actors at once is shown first and saved when you confirm."
    )
)
key, base, base_rev = views.editor("actors", net, rev)
ids_shown = views.show_ids()

column, column_help = views.column, views.column_help
kinds = sorted(set(views.ACTOR_KINDS) | {a.kind for a in base.actors if a.kind})
config = {
    "id": st.column_config.TextColumn(column("id"), help=column_help("id")) if ids_shown else None,
    "name": st.column_config.TextColumn(column("name"), width=views.NAME_WIDTH),
    "kind": st.column_config.SelectboxColumn(
        column("kind"),
        width=views.KIND_WIDTH,
        options=kinds,
        help=column_help("kind"),
        format_func=views.label_of(vocab.ACTOR_KINDS),
    ),
    "partner": st.column_config.CheckboxColumn(column("partner"), help=column_help("partner"), default=False),
    "organisation": st.column_config.TextColumn(column("organisation")),
    "notes": st.column_config.TextColumn(column("notes"), width="medium"),
}
for field, (options, fmt) in views.choices().items():
    config[field] = st.column_config.SelectboxColumn(
        column(field), options=options, format_func=fmt, help=column_help(field)
    )
frame = actors_frame(base)
edited = views.table(frame, key, config)  # a viewer: the table, nothing that changes it

if views.has_edits(st.session_state.get(key)):
    try:
        new, removed, renamed = actors_from_frame(base, edited, lang)
    except NetmapError as exc:
        state.refused(exc)
        new = None
    changed, deleted = bulk_changes(frame, st.session_state.get(key), [a.label for a in base.actors], lang)
    bulk = is_bulk(changed, deleted)
    if bulk and new is not None:  # a refused edit is not offered for confirmation
        show_summary(changed, deleted, "actors")
    confirmed = True
    if new is not None and removed:
        gone = [a.label for a in base.actors if a.id not in set(new.actor_ids) | set(renamed)]
        label = {a.id: a.label for a in base.actors}
        tie_kind = views.label_of(vocab.TIE_KINDS)
        st.warning(
            md(
                ngettext(
                    "Deleting {names} also deletes {n} tie:",
                    "Deleting {names} also deletes {n} ties:",
                    len(removed),
                    lang,
                    names="; ".join(gone),
                )
            )
        )
        st.dataframe(
            [
                {
                    column("source"): label[t.source],
                    column("target"): label[t.target],
                    column("tie_kind"): tie_kind(t.kind),
                }
                for t in removed
            ],
            hide_index=True,
        )
    if new is not None and (removed or bulk):
        label = (
            ngettext("Delete the actor and its ties", "Delete the actors and their ties", len(gone), lang)
            if removed
            else tr("Save these changes")
        )
        confirmed = confirm(label, "confirm_delete" if removed else "confirm_bulk")
    if new is not None and confirmed and state.digest(new) != state.digest(base):  # (an empty new row is no change)
        saved = state.commit(new, base_rev, shown=base)
        if saved:
            if removed:
                state.flash(
                    "success",
                    ngettext(
                        "Deleted {names} and {n} tie.",
                        "Deleted {names} and {n} ties.",
                        len(removed),
                        lang,
                        names="; ".join(gone),
                    ),
                )
            else:
                state.flash("success", tr("Saved: {what}.", what=edit_text(base, new, lang)), toast=True)
            for old, new_id in renamed.items():
                state.flash("info", tr("Id {old} is now {new}; its ties follow.", old=old, new=new_id))
            st.rerun()
    asking = new is not None and (removed or bulk)  # a confirmation with its own "Cancel" is on the page
    if not asking and st.button(tr("Discard my unsaved changes"), key="discard_actors"):
        state.reset_editors()
        st.rerun()

# Keyed, so that each stays open when a message above it comes or goes.
with st.expander(tr("Add many actors at once: paste a list of names"), key="paste_tool"):
    actor_tools.paste(net, rev)
with st.expander(tr("Merge two actors that are the same"), key="merge_tool"):
    actor_tools.merge(net, rev)
