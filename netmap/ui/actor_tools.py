"""The Actors page's tools: add many actors from a pasted list of names, and merge two actors that
are the same. Each shows what it will do first and saves it as one revision (the edits themselves
are :mod:`netmap.editing`)."""

from __future__ import annotations

import streamlit as st

from netmap.editing import add_names, choice_labels, merge_actors, read_names
from netmap.i18n import ngettext
from netmap.present import vocab
from netmap.present.diff import merge_texts
from netmap.present.report import names as list_names

from . import forms, state, views
from .state import md, tr

__all__ = ["paste", "merge"]

#: Names listed in a message before ``(+n)``.
LISTED = 8


def _listed(names):
    return list_names(names, {}, LISTED)


def paste(net, rev):
    """Paste a list of names (one a line) to add an actor for each, with one kind and sector;
    the preview says what is added and what is not (blank lines, names already there, names
    listed twice) before anything is saved."""
    lang = state.lang()
    text = st.text_area(
        tr("Names, one per line"),
        key=forms.key("paste", "names"),
        height=160,
        placeholder=tr("e.g. a column copied from a spreadsheet, or a list from an e-mail"),
    )
    # Streamlit takes the text when the field is left or on Ctrl+Enter (its own English hint):
    # a button to press, which leaves the field, so the list is read and checked.
    st.button(tr("Check the list"), key="paste_check", help=tr("Shows what will be added; nothing is saved yet."))
    left, right = st.columns(2)
    kind = left.selectbox(
        views.column("kind"),
        views.ACTOR_KINDS,
        index=None,
        accept_new_options=True,
        placeholder=tr("Choose or type a kind"),  # Streamlit's own is English only
        format_func=views.label_of(vocab.ACTOR_KINDS),
        key=forms.key("paste", "kind"),
        help=views.column_help("kind"),
    )
    options, fmt = views.choices()["sector"]
    sector = right.selectbox(
        views.column("sector"),
        options,
        index=options.index("unknown"),
        format_func=fmt,
        key=forms.key("paste", "sector"),
        help=views.column_help("sector"),
    )
    plan = read_names(text, net)
    shown, now = st.session_state.get("_paste_shown"), (plan.names, kind, sector)
    st.session_state["_paste_shown"] = now
    if not text.strip():
        return
    _preview(plan, kind, sector, lang)
    n = len(plan.names)
    label = ngettext("Add {n} actor", "Add {n} actors", n, lang)
    if not st.button(label, key="paste_add", type="primary", disabled=not n):
        return
    if shown != now:  # the list changed as the button was pressed: the user has not seen this one
        st.info(tr("The list has changed: check what will be added above, then add."))
        return
    base_rev = state.acting_on()
    base = views.load_base(net, rev, base_rev)
    new, ids = add_names(base, read_names(text, base).names, kind or "", sector or "unknown")
    if state.commit(new, base_rev, shown=base):
        forms.clear("paste")
        state.flash(
            "success",
            ngettext(
                "Added {n} actor: {names}.",
                "Added {n} actors: {names}.",
                len(ids),
                lang,
                names=_listed([new.actor(i).label for i in ids]),
            ),
            toast=True,  # the list is far down the page: the top is out of sight
        )
        st.rerun()


def _preview(plan, kind, sector, lang):
    """What a pasted list adds, and what it leaves out and why."""
    if plan.names:
        st.markdown(md(ngettext("{n} actor will be added:", "{n} actors will be added:", len(plan.names), lang)))
        kind_text = views.label_of(vocab.ACTOR_KINDS)(kind) if kind else "-"
        sector_text = views.label_of(vocab.SECTORS)(sector or "unknown")
        st.dataframe(
            [
                {views.column("name"): name, views.column("kind"): kind_text, views.column("sector"): sector_text}
                for name in plan.names
            ],
            hide_index=True,
            key="paste_preview",
        )
    else:
        st.warning(tr("No new names: nothing will be added."))
    notes = []
    if plan.existing:
        notes.append(
            ngettext(
                "{n} name is in the network already and is not added again: {names}",
                "{n} names are in the network already and are not added again: {names}",
                len(plan.existing),
                lang,
                names=_listed(plan.existing),
            )
        )
    if plan.repeated:
        notes.append(
            ngettext(
                "{n} name is listed more than once and is added once: {names}",
                "{n} names are listed more than once and are added once: {names}",
                len(plan.repeated),
                lang,
                names=_listed(plan.repeated),
            )
        )
    if plan.blank:
        notes.append(ngettext("{n} blank line is skipped.", "{n} blank lines are skipped.", plan.blank, lang))
    if plan.cut:
        notes.append(
            ngettext(
                "{n} line has several columns; only the first is taken as the name: {names}",
                "{n} lines have several columns; only the first is taken as the name: {names}",
                len(plan.cut),
                lang,
                names=_listed(plan.cut),
            )
        )
    if notes:
        st.info("\n".join(f"- {md(text)}" for text in notes))


def merge(net, rev):
    """Choose two actors by name, see what merging them does (the cascade), then save it."""
    lang = state.lang()
    if len(net.actors) < 2:
        st.caption(tr("Merging needs two actors."))
        return
    labels = choice_labels(net.actors)
    ids = list(labels)
    keep, other = (
        column.selectbox(
            label,
            ids,
            index=None,
            format_func=labels.get,
            key=forms.key("merge", field),
            placeholder=tr("Choose an actor"),
        )
        for column, label, field in zip(
            st.columns(2), (tr("Keep"), tr("Merge into it, then remove")), ("keep", "other"), strict=True
        )
    )
    if keep not in labels or other not in labels:  # not chosen yet (or gone in an edit elsewhere)
        return
    if keep == other:
        st.info(tr("Choose two different actors."))
        return
    _new, plan = merge_actors(net, keep, other)
    names = {a.id: a.label for a in net.actors}
    for head, lines in merge_texts(plan, names, lang):
        st.markdown("\n".join(["**" + md(head) + "**"] + [f"- {md(line)}" for line in lines]))
    if not st.button(
        tr("Merge {other} into {keep}", other=names[other], keep=names[keep]), key="merge_save", type="primary"
    ):
        return
    base_rev = state.acting_on()
    base = views.load_base(net, rev, base_rev)
    try:
        new, _plan = merge_actors(base, keep, other)
    except KeyError:
        st.error(tr("One of the two actors is no longer in the network; nothing was merged."))
        return
    # The note: a merge that passes nothing on to the kept actor looks like a deletion otherwise.
    if state.commit(new, base_rev, shown=base, note={"merge": [keep, other]}):
        forms.clear("merge")
        state.flash("success", tr("Merged {other} into {keep}.", other=names[other], keep=names[keep]), toast=True)
        st.rerun()
