"""The quick forms' and tools' bookkeeping: a form clears after it succeeds, and the same entry
sent twice in a row (a double click) is added once.

A form is cleared by giving its widgets new keys (:func:`key`): the browser then draws new
widgets at their defaults. Setting the old widgets' values back in the session state is not
enough in a browser: a rerun that the page asks for before it has received those values carries
the page's old ones, and they win. After a double click on "Add tie" in Chromium, the run that
set the kind back to "collaboration" was followed within a second by such a rerun, which brought
the added tie's kind back: logged in 4 of 6 runs of the browser test, in one of which the page
showed it too (issue 10). New widget keys alone were not enough either: in 1 of 3 runs the page
still showed the old kind in the new widget, so the form itself gets a new key too (``key(form,
"form")``), and the page draws a new form: 6 of 6 runs then passed.
"""

from __future__ import annotations

import time

import streamlit as st

from netmap.editing import new_sector
from netmap.present import vocab

from . import views
from .state import tr

__all__ = [
    "REPEAT_SECONDS",
    "key",
    "generation",
    "repeated",
    "succeeded",
    "clear",
    "new_actor_fields",
    "new_tie_fields",
]

#: The same entry sent again within this many seconds is taken for a double submit.
REPEAT_SECONDS = 5.0


def key(form, field):
    """The widget key of ``field`` in ``form``: ``add_tie_kind`` for ``("add_tie", "kind")``,
    then ``add_tie_kind_1`` after the form is cleared once, and so on."""
    gen = generation(form)
    return f"{form}_{field}" + (f"_{gen}" if gen else "")


def generation(form):
    """How many times ``form`` was cleared in this session."""
    return st.session_state.get("_form_gen", {}).get(form, 0)


def repeated(form, entry):
    """Whether ``entry`` (the form's values, a dict) is the one this session last added with
    ``form`` less than :data:`REPEAT_SECONDS` ago."""
    last = st.session_state.get("_last_added", {}).get(form)
    return last is not None and last[0] == entry and time.monotonic() - last[1] < REPEAT_SECONDS


def succeeded(form, entry):
    """Note that ``entry`` was added with ``form`` now, and clear the form in the next run."""
    st.session_state.setdefault("_last_added", {})[form] = (entry, time.monotonic())
    clear(form)


def clear(form):
    """Show ``form`` with new, empty widgets in the next run."""
    gens = st.session_state.setdefault("_form_gen", {})
    gens[form] = gens.get(form, 0) + 1


def new_actor_fields(key, extra=(), row=False):
    """A new actor's fields, drawn in the open form: ``{field: value}`` for name, kind, sector,
    level, scope and partner, and the ``extra`` ones ("id", "organisation") where asked for;
    ``key(field)`` is each widget's key. The map's panel and the Map page's quick form use it.
    The sector starts as "unknown": netmap does not say of an actor what the user did not.
    ``row``: sector, level and scope side by side (a dialog that fits a laptop's screen).
    The values come as an actor takes them: text stripped, no kind as "", and a citizen's
    sector left "unknown" as "citizen" (:func:`netmap.editing.new_sector`)."""
    choices, fields = views.choices(), {}
    fields["name"] = st.text_input(views.column("name"), key=key("name"))
    if "id" in extra:
        fields["id"] = st.text_input(views.column("id"), key=key("id"), help=views.column_help("id"))
    fields["kind"] = st.selectbox(
        views.column("kind"),
        views.ACTOR_KINDS,
        index=None,
        accept_new_options=True,
        format_func=views.label_of(vocab.ACTOR_KINDS),
        placeholder=tr("Choose or type a kind"),
        key=key("kind"),
        help=views.column_help("kind"),
    )
    places = st.columns(3) if row else [st] * 3
    for field, place in zip(("sector", "level", "scope"), places, strict=True):
        options, fmt = choices[field]
        fields[field] = place.selectbox(
            views.column(field),
            options,
            index=options.index("unknown") if field == "sector" else 0,
            format_func=fmt,
            key=key(field),
            help=views.column_help(field),
        )
    if "organisation" in extra:
        fields["organisation"] = st.text_input(views.column("organisation"), key=key("organisation"))
    fields["partner"] = st.checkbox(views.column("partner"), key=key("partner"), help=views.column_help("partner"))
    fields = {f: v.strip() if isinstance(v, str) else v for f, v in fields.items()}
    fields["kind"] = fields["kind"] or ""
    fields["sector"] = new_sector(fields["kind"], fields["sector"])
    return fields


def new_tie_fields(key, directed_label):
    """A new tie's kind, strength, direction and status, drawn in the open form: ``{field:
    value}`` as :func:`netmap.ui.edits.add_tie` takes them; ``key(field)`` is each widget's key,
    ``directed_label`` the direction box's label (it may name the two actors)."""
    kind = st.selectbox(
        views.column("tie_kind"),
        views.TIE_KINDS,
        accept_new_options=True,
        format_func=views.label_of(vocab.TIE_KINDS),
        placeholder=tr("Choose or type a kind"),
        key=key("kind"),
        help=views.column_help("kind"),
    )
    strength = st.select_slider(
        views.column("strength"), [1, 2, 3], value=2, key=key("strength"), help=views.column_help("strength")
    )
    directed = st.checkbox(directed_label, key=key("directed"))
    planned = st.checkbox(views.planned_label(), key=key("planned"), help=views.column_help("status"))
    return {
        "kind": kind or "collaboration",
        "strength": float(strength),
        "directed": directed,
        "status": "planned" if planned else "active",
    }
