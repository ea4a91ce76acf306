"""Map: the interactive graph, with quick forms to add an actor or a tie."""

import functools

import streamlit as st

from netmap.editing import choice_labels
from netmap.present import vocab
from netmap.ui import dialog_focus, forms, map_panel, state, views
from netmap.ui.edits import add_actor, add_tie, new_id
from netmap.ui.state import tr

shown = name, net, rev = views.open_page(tr("Map"))
column, column_help = views.column, views.column_help

left, middle, right = st.columns([1, 1, 1.6])
editable = state.can_edit()
editing = editable and left.toggle(
    tr("Edit on the map"),
    value=True,
    key="map_editing",
    help=tr("Click an actor to edit it beside the map; drag an actor to move it (its place is saved)."),
)
color_by = middle.selectbox(
    tr("Colour by"),
    ["sector", "level", "scope", "partner", "organisation"],
    format_func=views.label_of(vocab.COLUMNS),
    key="map_color_by",
)
if editing:
    net, rev = map_panel.editor(shown, color_by, map_panel.mode(right))
else:
    size_by = right.selectbox(
        tr("Size by"), list(vocab.MEASURES), format_func=views.label_of(vocab.MEASURES), key="map_size_by"
    )
    try:
        html = views.map_html(net, state.digest(net), color_by, size_by)
    except ImportError:
        st.info(tr("The map view is not available in this installation (netmap.export is missing)."))
    except Exception as exc:  # a broken map must not take the forms below with it
        views.map_failed(exc)
    else:
        st.iframe(html, height=760)
        st.caption(tr("Drag to move the view, scroll to zoom, point at an actor to see its details."))
if not editable:
    st.stop()  # a viewer: the map without the forms that change it

#: Session key: the quick form open in its dialog ("add_actor" or "add_tie"), until the dialog
#: is closed; it stays open after an add, cleared, for the next one. The forms are drawn only
#: then: the Map page shows sooner, and a large network's page does not carry two lists of every
#: actor in every run.
FORM = "map_form"


def _dismissed():
    st.session_state.pop(FORM, None)


def _close_button(form):
    """A "Done" button under the form, which closes it. Esc and the dialog's X close it too,
    but under load a first Esc can be lost while the dialog is drawn again (1 of 4 in a test with
    both cores busy); the button closes it on the server, for certain."""
    if st.button(tr("Done"), key="map_form_close", icon=":material/check:"):
        _dismissed()
        st.rerun()
    dialog_focus.first_field(form)


def actor_form(net, rev):
    """The quick form to add an actor (in a dialog): the way in for the keyboard, beside a click
    on the map in "Add an actor" mode."""
    state.show_flash("add_actor")
    key = functools.partial(forms.key, "add_actor")
    with st.form(key("form"), clear_on_submit=False):  # new after a clear, as the tie form
        extra = ("id", "organisation") if views.ids_shown() else ("organisation",)
        entry = forms.new_actor_fields(key, extra, row=True)  # the dialog fits 1280x720
        add_actor_clicked = st.form_submit_button(tr("Add actor"), key=key("submit"))

    if add_actor_clicked:
        base = views.load_base(net, rev, state.acting_on())
        entry = {"id": "", **entry}
        a_name, a_id = entry["name"], entry["id"]
        if not (a_name or a_id):
            st.error(tr("Give the actor a name or an id.") if views.ids_shown() else tr("Give the actor a name."))
        elif forms.repeated("add_actor", entry):  # a double submit: the actor is there already
            state.flash(
                "warning",
                tr("{name} was just added; the same actor is not added twice.", name=a_name or a_id),
                "add_actor",
            )
            forms.clear("add_actor")
            st.rerun()  # the dialog stays open, cleared, for the next one
        else:
            actor_id = a_id or new_id(base, a_name, entry["kind"], entry["sector"])
            new = add_actor(base, **{**entry, "id": actor_id, "name": a_name or actor_id})
            saved = state.commit(new, state.acting_on(), shown=base)
            if saved:
                forms.succeeded("add_actor", entry)
                state.flash("success", tr("Added {name}.", name=a_name or actor_id), "add_actor")
                st.rerun()  # the dialog stays open, cleared, for the next one
    _close_button("add_actor")


def tie_form(net, rev):
    """The quick form to add a tie (in a dialog), its two actors chosen by name."""
    state.show_flash("add_tie")
    ids = net.actor_ids
    labels = choice_labels(net.actors)
    key = functools.partial(forms.key, "add_tie")
    with st.form(
        key("form"), clear_on_submit=False
    ):  # a new form after a clear: nothing of the old one stays on the page
        # No actor chosen beforehand: after an add, Enter again must not tie two other actors.
        t_source, t_target = (
            st.selectbox(
                column(end), ids, index=None, format_func=labels.get, key=key(end), placeholder=tr("Choose an actor")
            )
            for end in ("source", "target")
        )
        fields = forms.new_tie_fields(key, column("directed"))
        add_tie_clicked = st.form_submit_button(tr("Add tie"), key=key("submit"))

    if add_tie_clicked:
        entry = {"source": t_source, "target": t_target, **fields}
        ends = {"source": labels.get(t_source, t_source), "target": labels.get(t_target, t_target)}
        if len(ids) < 2:
            st.error(tr("A tie needs two actors: add actors first."))
        elif t_source is None or t_target is None or t_source == t_target:
            st.error(tr("Choose two different actors."))
        elif forms.repeated("add_tie", entry):  # a double submit: the tie is there already
            state.flash(
                "warning", tr("The tie {source} – {target} was just added; it is not added twice.", **ends), "add_tie"
            )
            forms.clear("add_tie")
            st.rerun()  # the dialog stays open, cleared, for the next one
        else:
            base = views.load_base(net, rev, state.acting_on())
            new = add_tie(base, **entry)
            saved = state.commit(new, state.acting_on(), shown=base)
            if saved:
                forms.succeeded("add_tie", entry)
                state.flash("success", tr("Added the tie {source} – {target}.", **ends), "add_tie")
                st.rerun()  # the dialog stays open, cleared, for the next one
    _close_button("add_tie")


actor_button, tie_button = st.columns(2)
if actor_button.button(
    tr("Add an actor with a form"), icon=":material/person_add:", key="map_form_actor", width="stretch"
):
    st.session_state[FORM] = "add_actor"
if tie_button.button(tr("Add a tie with a form"), icon=":material/add_link:", key="map_form_tie", width="stretch"):
    st.session_state[FORM] = "add_tie"
if st.session_state.get(FORM) == "add_actor":
    st.dialog(tr("Add an actor"), on_dismiss=_dismissed)(actor_form)(net, rev)
elif st.session_state.get(FORM) == "add_tie":
    st.dialog(tr("Add a tie"), on_dismiss=_dismissed)(tie_form)(net, rev)
