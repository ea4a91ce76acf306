"""The Map page's editing half: the editable map, the actor's panel beside it, and what the
user did on the map saved as new revisions (through :mod:`netmap.ui.mapedits`)."""

from __future__ import annotations

import streamlit as st

from netmap.editing import choice_labels
from netmap.errors import NetmapError
from netmap.i18n import ngettext
from netmap.model import canonical_tie_kind
from netmap.present import vocab

from . import forms, mapeditor, state, views
from . import measures as actor_measures
from .edits import add_actor, add_tie, new_id
from .mapedits import delete_actor, delete_tie, edit_actor, edit_tie, legend_html, map_data, move_actors, tie_rows
from .state import md, tr

__all__ = ["handle_moves", "mode", "panel", "ties", "measures", "draw", "SELECTED", "NEW_ACTOR", "NEW_TIE", "MODES"]

#: Session keys: the actor whose panel is open, the place of an actor being added, the two
#: actors of a tie being drawn.
SELECTED, NEW_ACTOR, NEW_TIE = "map_selected", "map_new_actor", "map_new_tie"
#: The widget key of the panel's "Open an actor" choice; the actor asked to be deleted.
PICK, DELETE = "map_pick", "map_delete"
#: What a click on the map does.
MODES = ("select", "add", "connect")


def _mode_names():
    return {"select": tr("Select and move"), "add": tr("Add an actor"), "connect": tr("Draw a tie")}


def mode(container):
    """The map's mode, chosen in ``container``."""
    names = _mode_names()
    # The first value set in the session, not as the widget's default: a language switch sets
    # every chosen value again (state.relabel), and Streamlit warns of a widget with both.
    st.session_state.setdefault("map_mode", "select")
    return (
        container.segmented_control(tr("A click on the map"), MODES, format_func=names.get, key="map_mode") or "select"
    )


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
    """A select of the actor's form; its value is the session's (:func:`_show_revision`)."""
    opts = list(options) + ([current] if current and current not in options else [])
    return st.selectbox(
        views.column(field),
        opts,
        format_func=fmt,
        key=f"{form_key}_{field}",
        help=views.column_help(field),
        accept_new_options=field == "kind",
        placeholder=tr("Choose or type a kind") if field == "kind" else None,
    )


def _events(net):
    """Keep what the map asked for (a place for a new actor, two actors to tie)."""
    ss, ids = st.session_state, set(net.actor_ids)
    place = mapeditor.take("add")
    if (
        isinstance(place, dict)
        and isinstance(place.get("x"), (int, float))
        and isinstance(place.get("y"), (int, float))
    ):
        ss[NEW_ACTOR] = {"x": float(place["x"]), "y": float(place["y"])}
        ss.pop(NEW_TIE, None)
    pair = mapeditor.take("connect")
    if isinstance(pair, dict) and pair.get("source") in ids and pair.get("target") in ids:
        if pair["source"] != pair["target"]:
            ss[NEW_TIE] = {"source": pair["source"], "target": pair["target"]}
            ss.pop(NEW_ACTOR, None)
    if NEW_TIE in ss and not {ss[NEW_TIE]["source"], ss[NEW_TIE]["target"]} <= ids:
        ss.pop(NEW_TIE)


def _cancel(key):
    if st.button(tr("Cancel"), key=f"{key}_cancel"):
        st.session_state.pop(key, None)
        st.rerun()


def _new_actor(net, rev):
    """The form of an actor being added at the clicked place; ``(net, rev)`` after a save."""
    place = st.session_state[NEW_ACTOR]
    holder = st.empty()  # emptied after a save: the form goes, the message stays
    box = holder.container()
    box.subheader(tr("New actor"), anchor=False)
    form_key = f"map_new_actor_{rev}"
    with box.form(form_key, border=True):
        fields = forms.new_actor_fields(lambda field: f"{form_key}_{field}")
        submitted = st.form_submit_button(tr("Add actor"), key=f"{form_key}_save", type="primary")
    with box:
        _cancel(NEW_ACTOR)
    if not submitted:
        return net, rev
    name, kind = fields.pop("name"), fields.pop("kind")
    if not name:
        st.error(tr("Give the actor a name."))
        return net, rev
    base_rev = state.acting_on()
    base = views.load_base(net, rev, base_rev)
    actor_id = new_id(base, name, kind, fields["sector"])
    new = add_actor(base, id=actor_id, name=name, kind=kind, x=place["x"], y=place["y"], **fields)
    now = _saved(new, base, base_rev)
    if not now:
        return net, rev
    # the message and the state first: a run stopped at the next element (another rerun came
    # in) must not lose the news that the save was made, or the user adds the actor again
    state.flash("success", tr("Added {name}.", name=name), toast=True)
    st.session_state.pop(NEW_ACTOR, None)
    st.session_state[SELECTED] = actor_id
    holder.empty()
    return now


def _new_tie(net, rev):
    """The form of a tie being drawn between two actors; ``(net, rev)`` after a save."""
    pair = st.session_state[NEW_TIE]
    names = {a.id: a.label for a in net.actors}
    source, target = names[pair["source"]], names[pair["target"]]
    holder = st.empty()  # emptied after a save: the form goes, the message stays
    box = holder.container()
    box.subheader(tr("New tie"), anchor=False)
    box.markdown(md(f"{source} \u2013 {target}"))
    form_key = f"map_new_tie_{rev}"
    with box.form(form_key, border=True):
        fields = forms.new_tie_fields(
            lambda field: f"{form_key}_{field}",
            tr("Directed: from {source} to {target}", source=source, target=target),
        )
        submitted = st.form_submit_button(tr("Add tie"), key=f"{form_key}_save", type="primary")
    with box:
        _cancel(NEW_TIE)
    if not submitted:
        return net, rev
    base_rev = state.acting_on()
    base = views.load_base(net, rev, base_rev)
    new = add_tie(base, source=pair["source"], target=pair["target"], **fields)
    now = _saved(new, base, base_rev)
    if not now:
        return net, rev
    state.flash("success", tr("Added the tie {source} – {target}.", source=source, target=target), toast=True)
    st.session_state.pop(NEW_TIE, None)
    holder.empty()
    return now


def _picked():
    """An actor chosen in the picker opens. A cleared picker (Esc, which a keyboard user presses
    to close its list) leaves the open actor open: it closed it, and the form with it. "Close"
    in the panel closes it."""
    ss = st.session_state
    if ss.get(PICK) is None:
        return
    ss[SELECTED] = ss[PICK]
    ss.pop(NEW_ACTOR, None)
    ss.pop(NEW_TIE, None)


def _close():
    """Close the open actor (a click on an empty place of the map does the same)."""
    st.session_state[SELECTED] = None


def _picker(slot, net, actor_id):
    """Open an actor by name (for the keyboard and screen readers, and to find one): follows the
    map; drawn in ``slot`` after the panel, so that it lists a name saved in this run."""
    labels = choice_labels(net.actors)
    st.session_state[PICK] = actor_id
    slot.selectbox(
        tr("Open an actor"),
        list(labels),
        index=None,
        format_func=labels.get,
        key=PICK,
        on_change=_picked,
        placeholder=tr("Choose an actor, or click one on the map"),
    )


@st.fragment
def editor(shown, color_by, map_mode):
    """The map and its panel, as one fragment: a click, a drag or an edit in them runs this part
    of the page again, not the sidebar, the toolbar and the rest (about a third of the elements
    and a fifth of the browser's work in a run). ``shown``: ``(name, net, rev)`` as the page's
    run read it (a fragment's run reads it again); ``(net, rev)`` shown at the end.

    A run that changes what is outside (the counts, what the sidebar's Undo and Redo can do), or
    that follows a message at the top by more than its time, runs the whole page again. The
    measures come last: the map never waits for them."""
    # As the page's run drew them: the caption's counts, and the revision the sidebar's Undo and
    # Redo were drawn for (they change only with the revision: asked only when it did).
    counts, page_rev = (len(shown[1].actors), len(shown[1].ties)), shown[2]
    if state.fragment_run():  # the page's other parts did not run: note the revision acted on
        state.begin_run()
        shown = state.current()
        if shown is None:  # the network is gone (a colleague deleted it): the whole page says so
            st.rerun()
    name, net, rev = shown
    net, rev = handle_moves(net, rev)
    map_col, panel_col = st.columns([3, 2])
    with panel_col.container(key="map_panel"):
        net, rev = panel(net, rev)
        ties_slot, measures_slot = st.empty(), st.empty()  # filled after the map: it never waits for them
    outside = (len(net.actors), len(net.ties)) != counts or (rev != page_rev and state.undo_changed(name))
    if outside or state.flash_outdated():
        # Before the map is drawn: what a run sends before st.rerun() is dropped, and a page that
        # missed the map's data asks for all of it again (its measures then came first).
        st.rerun()  # the whole page, with the counts, the sidebar and the messages
    with map_col:
        draw(net, rev, color_by, map_mode)
        if map_mode == "select":  # the other modes say what a click does above the map
            st.caption(tr("Click an actor to open it beside the map. Drag an actor to move it; scroll to zoom."))
        st.markdown(legend_html(net, state.lang(), color_by), unsafe_allow_html=True)
    ties(ties_slot, net, rev)
    measures(measures_slot, net, rev)
    return net, rev


def panel(net, rev):
    """The panel beside the map: a tie being drawn, an actor being added, or the open actor
    (fields in a form, its ties by name); ``(net, rev)`` to show after a save."""
    _events(net)
    picker = st.empty()
    _deleted_elsewhere(net)
    net, rev = _contents(net, rev, _selected(net))
    _picker(picker, net, _selected(net))
    return net, rev


def _deleted_elsewhere(net):
    """Say so when the open actor's form was saved but the actor is no longer in the network
    (deleted in another tab or by a colleague since the form was drawn): the save is lost, not
    silently."""
    ss = st.session_state
    chosen = ss.get(SELECTED)
    if chosen is not None and chosen not in set(net.actor_ids) and ss.get(f"map_actor_{chosen}_save"):
        st.warning(
            md(
                tr(
                    "{name} was deleted elsewhere (in another tab or by someone else) after you opened it; your changes to it were not saved.",
                    name=ss.get(f"map_actor_{chosen}_name") or chosen,
                )
            )
        )


def _contents(net, rev, actor_id):
    """What the panel shows below its list of actors; ``(net, rev)`` to show after a save."""
    if NEW_TIE in st.session_state:
        return _new_tie(net, rev)
    if NEW_ACTOR in st.session_state:
        return _new_actor(net, rev)
    if actor_id is None and not net.actors:  # a new network: how to fill it
        st.info(
            tr(
                'No actors yet. Choose "Add an actor" above and click the map, use "Add an actor with a form" under the map, or paste a list of names on the Actors page.'
            )
        )
        return net, rev
    if actor_id is None:
        st.info(tr("Click an actor on the map to see and edit it here."))
        return net, rev
    actor = net.actor(actor_id)
    heading = st.empty()  # filled last: a saved rename shows at once
    choices = views.choices()
    form_key = f"map_actor_{actor_id}"
    _show_revision(form_key, actor, rev)
    with st.form(form_key, border=True):
        name = st.text_input(views.column("name"), key=f"{form_key}_name")
        kind = _choice("kind", views.ACTOR_KINDS, actor.kind, views.label_of(vocab.ACTOR_KINDS), form_key)
        fields = {}
        for field in ("sector", "level", "scope"):
            options, fmt = choices[field]
            fields[field] = _choice(field, options, getattr(actor, field), fmt, form_key)
        organisation = st.text_input(views.column("organisation"), key=f"{form_key}_organisation")
        partner = st.checkbox(views.column("partner"), key=f"{form_key}_partner", help=views.column_help("partner"))
        notes = st.text_area(views.column("notes"), key=f"{form_key}_notes")
        submitted = st.form_submit_button(tr("Save changes"), key=f"{form_key}_save", type="primary")
    st.button(
        tr("Close"),
        key="map_actor_close",
        help=tr("Close this actor's panel (what is not saved is dropped)."),
        on_click=_close,
    )
    if submitted:
        base_rev = state.acting_on()
        base = views.load_base(net, rev, base_rev)
        try:
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
        except NetmapError as exc:  # an emptied name
            state.refused(exc)
            new = None
        now = None if new is None else _saved(new, base, base_rev)
        if now:
            net, rev = now
            actor_id = st.session_state[SELECTED] = state.moved_id(actor_id)
            st.session_state[f"{form_key}_rev"] = rev  # the fields show what was just saved
            st.success(md(tr("Saved {name}.", name=net.actor(actor_id).label)))
    heading.subheader(net.actor(actor_id).label, anchor=False)
    return net, rev


#: The fields of the open actor's form, as the actor's attributes.
ACTOR_FIELDS = ("name", "kind", "sector", "level", "scope", "organisation", "partner", "notes")


def _show_revision(form_key, actor, rev):
    """Let the open actor's form (``form_key``, one per actor, kept from run to run) show
    revision ``rev`` of ``actor``, unless it shows it already or was just submitted.

    The form is not made anew for each revision: a form made anew in the run after a save lost
    what was typed into it next (a second rename straight after the first did nothing). It
    takes a new revision's values when one came from elsewhere (an undo, another page, a
    colleague); a submitted form keeps what was typed, and its save decides (a stale one is
    refused and the next run shows the new values)."""
    ss, shown = st.session_state, f"{form_key}_rev"
    if ss.get(f"{form_key}_save"):
        return
    # Streamlit forgets a widget's value when a run does not draw it (another page, the map not
    # in edit mode): the fields are then filled again, or they would show empty and default
    # values that a save would store.
    if ss.get(shown) == rev and all(f"{form_key}_{field}" in ss for field in ACTOR_FIELDS):
        return
    for field in ACTOR_FIELDS:
        value = getattr(actor, field)
        ss[f"{form_key}_{field}"] = value or None if field in ("kind", "sector", "level", "scope") else value
    ss[shown] = rev


def _open(net):
    """The actor whose panel is open (None while an actor or a tie is being added)."""
    ss = st.session_state
    actor_id = ss.get(SELECTED)
    return actor_id if actor_id in set(net.actor_ids) and NEW_TIE not in ss and NEW_ACTOR not in ss else None


def ties(slot, net, rev):
    """The open actor's ties and its delete button, in ``slot`` (an ``st.empty`` of its panel);
    call after :func:`draw`: the map does not wait for them."""
    actor_id = _open(net)
    if actor_id is not None:
        with slot.container():
            _ties(net, rev, actor_id)
            _delete(net, rev, actor_id, len(tie_rows(net, actor_id)))


def _tie_heading(arrow, name):
    """A tie of the open actor in words: with, to or from the other actor."""
    if arrow == "\u2192":
        return tr("Tie to {name}", name=name)
    if arrow == "\u2190":
        return tr("Tie from {name}", name=name)
    return tr("Tie with {name}", name=name)


def _ties(net, rev, actor_id):
    """The open actor's ties, one line each (the other actor, kind and strength) with an "Edit"
    button; the tie being edited shows its kind and strength (saved as one revision, refused
    inline when not valid; then the page runs again and the map draws it) and a button to delete
    it. One form at a time keeps the panel light, so the page redraws an edit quickly."""
    rows = tie_rows(net, actor_id)
    st.markdown("**" + md(tr("Ties ({n})", n=len(rows))) + "**")
    if not rows:
        st.caption(tr("No ties yet."))
        return
    st.caption(tr("Each tie: its kind and its strength (1 weak, 2 medium, 3 strong)."))
    names, kinds = {a.id: a.label for a in net.actors}, views.label_of(vocab.TIE_KINDS)
    editing = st.session_state.get(_EDITING)
    for i, other, arrow in rows:
        tie, heading = net.ties[i], _tie_heading(arrow, other)
        current = canonical_tie_kind(tie.kind)
        box = st.container(key=f"map_tie_{i}")
        if editing != (actor_id, i):
            text_col, button_col = box.columns([5, 2], gap="small", vertical_alignment="center")
            text_col.markdown(
                md(heading) + "  \n" + md(f"{kinds(current)} \u00b7 " + tr("strength {v}", v=f"{tie.strength:g}"))
            )
            button_col.button(
                tr("Edit"),
                key=f"map_tie_edit_{i}",
                help=tr("Edit or delete: {tie}", tie=heading),
                on_click=st.session_state.__setitem__,
                args=(_EDITING, (actor_id, i)),
            )
            continue
        _tie_form(net, rev, i, box, heading, current, names, kinds)


#: Which tie of which actor the panel is editing: ``(actor id, tie index)``.
_EDITING = "map_tie_editing"


def _tie_form(net, rev, i, box, heading, current, names, kinds):
    tie = net.ties[i]
    ends = {"source": names[tie.source], "target": names[tie.target]}
    options = views.TIE_KINDS + ([current] if current not in views.TIE_KINDS else [])
    form_key = f"map_tie_{rev}_{i}"
    with box.form(form_key, border=True):
        st.markdown(md(heading))
        kind_col, strength_col = st.columns([3, 2], gap="small")
        # Visible labels, short: the form's first line names the tie, and one tie's form is open
        # at a time, so "Strength" is this tie's strength for the eye and for a screen reader.
        kind = kind_col.selectbox(
            views.column("tie_kind"),
            options,
            index=options.index(current),
            accept_new_options=True,
            format_func=kinds,
            key=f"{form_key}_kind",
        )
        strength = strength_col.number_input(
            views.column("strength"),
            value=float(tie.strength),
            step=1.0,
            format="%g",
            key=f"{form_key}_strength",
        )
        save_col, delete_col = st.columns(2, gap="small")
        save = save_col.form_submit_button(tr("Save"), key=f"{form_key}_save")
        delete = delete_col.form_submit_button(tr("Delete tie"), key=f"{form_key}_delete")
    if not (save or delete):
        return
    base_rev = state.acting_on()
    base = views.load_base(net, rev, base_rev)
    if delete:
        with box:
            now = _saved(delete_tie(base, i)[0], base, base_rev)
        if now:
            st.session_state.pop(_EDITING, None)
            state.flash("success", tr("Deleted the tie {source} \u2013 {target}.", **ends), toast=True)
            st.rerun()
        return
    value = int(strength) if float(strength).is_integer() else strength
    with box:
        now = _saved(
            edit_tie(base, i, kind=tie.kind if kind == current else kind or current, strength=value), base, base_rev
        )
    if now:
        st.session_state.pop(_EDITING, None)
        state.flash("success", tr("Saved the tie {source} \u2013 {target}.", **ends), toast=True)
        st.rerun()


def _delete(net, rev, actor_id, n_ties):
    """Delete the open actor after a confirmation that says how many ties go with it."""
    ss, lang, name = st.session_state, state.lang(), net.actor(actor_id).label
    if ss.get(DELETE) != actor_id:
        if st.button(tr("Delete this actor"), key=f"map_delete_{actor_id}"):
            ss[DELETE] = actor_id
            st.rerun()
        return
    st.warning(
        md(
            ngettext(
                "Delete {name} and its {n} tie (listed above)?",
                "Delete {name} and its {n} ties (listed above)?",
                n_ties,
                lang,
                name=name,
            )
        )
    )
    yes, no = st.columns(2)
    if no.button(tr("Keep it"), key=f"map_delete_no_{actor_id}"):
        ss.pop(DELETE, None)
        st.rerun()
    if yes.button(tr("Delete"), key=f"map_delete_yes_{actor_id}", type="primary"):
        base_rev = state.acting_on()
        base = views.load_base(net, rev, base_rev)
        new, gone = delete_actor(base, actor_id)
        now = _saved(new, base, base_rev)
        if now:
            ss.pop(DELETE, None)
            ss.pop(SELECTED, None)
            state.flash(
                "success",
                ngettext(
                    "Deleted {names} and {n} tie.",
                    "Deleted {names} and {n} ties.",
                    len(gone),
                    lang,
                    names=name,
                ),
                toast=True,
            )
            st.rerun()


def measures(slot, net, rev):
    """The open actor's measures and roles, in ``slot`` of its panel; call last: the map and the
    rest of the page never wait for them."""
    actor_id = _open(net)
    if actor_id is not None:
        actor_measures.show(slot, net, rev, actor_id)


def draw(net, rev, color_by, mode="select"):
    """The editable map of ``net``, updated in place (same key) after every edit."""
    data = map_data(net, state.lang(), color_by, selected=st.session_state.get(SELECTED))
    data["rev"] = rev
    data["mode"] = mode
    data["text"] = {
        "add": tr("Click an empty place on the map to add an actor there."),
        "connect": tr("Click the actor the tie starts from, then the other actor."),
        "connect_from": tr("From {name}: now click the other actor."),
    }
    data["label"] = tr(
        "Network map (drawing). Click an actor to edit it in the panel; the tables list the same actors."
    )
    mapeditor.mapeditor(data, key=f"mapeditor_{state.network_name()}")
